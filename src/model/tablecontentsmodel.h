#pragma once

#include "mirrorreader.h"
#include "segmentcache.h"

#include <QAbstractTableModel>
#include <QSet>

namespace ms {

/// The rows of one mirrored table, loaded lazily in pages of PageSize through its own
/// MirrorReader (keyset paging in the current order and filter); rows not loaded yet show "…"
/// and are requested when the view asks for them. GUI thread only.
///
/// Opening a table reads its first page before anything that scans the table, so the first rows
/// come as fast on a table of millions as on one of ten. Until the exact count arrives the row
/// count is provisional: a first page shorter than PageSize is the whole result (exact, no
/// count is run); otherwise the database's guess of the table's size (unfiltered only), or the
/// rows seen so far, growing a page at a time through fetchMore() as the pages come. The count and
/// the page boundaries are read on a second reader, so that they never hold up a page the view asks
/// for.
class TableContentsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableContentsModel)
public:
    static constexpr int PageSize = 200;
    static constexpr int MaxPendingPages = 2;

    /// backend must outlive the model.
    explicit TableContentsModel(MirrorBackend &backend, QObject *parent = nullptr);
    /// Pages through pageReader, scans (count, page boundaries) through scanReader: two started
    /// readers, both non-null (tests hold one of them up).
    TableContentsModel(MirrorReaderPtr pageReader, MirrorReaderPtr scanReader,
                       QObject *parent = nullptr);
    ~TableContentsModel() override;

    /// Shows the table (no filter, key order); an empty tenant or schema clears the model.
    void setTable(const QString &tenant, const TableSchema &schema);
    void clear();
    QString tenant() const { return m_query.tenant; }
    const TableSchema &schema() const { return m_schema; }

    /// Filters by the column's text ("=x": exactly x; otherwise contains). Callers debounce.
    void setFilter(int column, const QString &text);
    void clearFilters();
    QString filter(int column) const;
    /// column -1 = by primary key. Keyset on (column, key).
    void setSort(int column, Qt::SortOrder order);
    int sortColumn() const { return m_query.sortColumn; }
    Qt::SortOrder sortOrder() const { return m_query.order; }
    /// The current table, order and filters: what CsvExporter exports as "the filtered view".
    const PageQuery &pageQuery() const { return m_query; }

    /// False while rowCount() is provisional (an estimate or the rows seen so far), until the
    /// (filtered) row count has arrived or the first page showed the end.
    bool isCountKnown() const { return m_countKnown; }
    /// Rows received from the reader since setTable (for tests and the status line).
    qint64 fetchedRowCount() const { return m_fetchedRows; }
    QString lastError() const { return m_lastError; }

    /// Tab-separated text of the indexes' bounding rows and columns with a header line; NULL
    /// as empty, binary as hex, tabs and newlines inside values replaced by spaces. Rows not
    /// loaded yet give empty fields (a selection is normally what the view shows, so loaded).
    QString copyText(const QModelIndexList &indexes) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    /// While the count is unknown and every row shown has been seen to exist: asks for the page
    /// after the last row; its rows are added when it comes.
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /// "<N bytes> 0a1b…" (the first 16 bytes in hex) for binary values.
    static QString binaryDisplay(const QByteArray &bytes);

Q_SIGNALS:
    /// The exact (filtered) row count is known: counted, or seen from a short first page.
    void rowCountKnown(qint64 rows);
    void errorOccurred(const QString &message);

private:
    void restart();
    void requestPage(qint64 page) const;
    void onEstimate(quint64 generation, qint64 rows);
    void onCount(quint64 generation, qint64 rows);
    void onBoundaries(quint64 generation, const QList<QVariantList> &keys);
    void onPage(quint64 generation, const RowPage &page);
    void onFirstPageWhileCounting(qint64 received);
    void onFailed(quint64 generation, const QString &message);
    void reportError(const QString &message);
    void setRowCount(qint64 rows);
    QString displayText(const QVariant &value) const;

    MirrorReaderPtr m_reader;
    // The count and the page boundaries of a big table take from tens of milliseconds to
    // seconds: on a reader of their own they never hold up the pages the view is waiting for.
    MirrorReaderPtr m_scanReader;
    TableSchema m_schema;
    PageQuery m_query;
    quint64 m_generation = 0;
    qint64 m_rows = 0; ///< what the view is told; provisional until m_countKnown
    bool m_countKnown = false;
    qint64 m_estimate = -1; ///< the database's guess of the unfiltered table's rows, -1 none
    qint64 m_rowsSeen = 0;  ///< the end of the furthest page received: rows known to exist
    qint64 m_fetchedRows = 0;
    QString m_lastError;
    QList<QVariantList> m_boundaries; ///< first key of every page, once known
    // Mutable: data() is const but asks for the pages the view shows.
    mutable SegmentCache<QVariantList> m_cache{PageSize, 64};
    mutable QHash<qint64, QVariantList> m_lastKeys; ///< page -> last order key
    mutable QSet<qint64> m_pending;
    mutable qint64 m_wantedPage = -1; ///< the latest page asked for while the queue was full
};

} // namespace ms
