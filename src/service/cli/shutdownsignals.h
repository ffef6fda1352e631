#pragma once

#include <QObject>

class QSocketNotifier;

namespace ms::cli {

/// Turns SIGTERM and SIGINT into a Qt signal on the thread that created this object (the
/// self-pipe trick: the handler only writes a byte). One instance at a time.
class ShutdownSignals final : public QObject
{
    Q_OBJECT
public:
    explicit ShutdownSignals(QObject *parent = nullptr);
    ~ShutdownSignals() override;
    Q_DISABLE_COPY_MOVE(ShutdownSignals)

Q_SIGNALS:
    void received();

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace ms::cli
