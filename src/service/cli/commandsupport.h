#pragma once

#include "service/store/databasetarget.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

namespace ms::cli {

/// Parses arguments ("mirrorscope", "<command>", ...) for a subcommand; on a parse error or
/// --help prints to stderr/stdout and returns false with exitCode set.
bool parseCommand(QCommandLineParser &parser, const QStringList &arguments, int *exitCode);

/// The data directory from --data-dir, else the saved setting, else the platform default.
QString dataDirectory(const QCommandLineParser &parser);

/// The --database option (serve and the admin commands).
QCommandLineOption databaseOption();
/// Where the mirrors live: --database, else the saved setting, else SQLite files in dataDir.
/// Throws ms::Error(Client) for a spec that does not parse.
DatabaseTarget databaseTarget(const QCommandLineParser &parser, const QString &dataDir);

/// Prints "mirrorscope <command>: <message>" to stderr; returns exit code 1 (2 for usage).
int fail(const QString &command, const QString &message, int exitCode = 1);

void printOut(const QString &text);

} // namespace ms::cli
