#include "environment.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

QList<Environment> allEnvironments()
{
    return {Environment::Development, Environment::Stage, Environment::Production};
}

QString environmentKey(Environment environment)
{
    switch (environment) {
    case Environment::Development:
        return u"development"_s;
    case Environment::Stage:
        return u"stage"_s;
    case Environment::Production:
        return u"production"_s;
    }
    return {};
}

std::optional<Environment> environmentFromKey(const QString &key)
{
    for (Environment environment : allEnvironments()) {
        if (environmentKey(environment) == key)
            return environment;
    }
    return std::nullopt;
}

QString environmentTitle(Environment environment)
{
    switch (environment) {
    case Environment::Development:
        return QCoreApplication::translate("ms::ui::Environment", "SOD (development)");
    case Environment::Stage:
        return QCoreApplication::translate("ms::ui::Environment", "Stage");
    case Environment::Production:
        return QCoreApplication::translate("ms::ui::Environment", "Production");
    }
    return {};
}

QString knownThumbprint(Environment environment)
{
    switch (environment) {
    case Environment::Development:
        return u"16B7FB8C3F9AB06885A800C64E64C97C4AB5E98C"_s;
    case Environment::Stage:
        return u"484903A7732B928C7980A39D38E947EA119F1089"_s;
    case Environment::Production:
        return u"60B61583DBB2B7EEC46FD01EC0056E62451D61F3"_s;
    }
    return {};
}

} // namespace ms::ui
