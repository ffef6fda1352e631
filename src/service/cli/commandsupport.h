#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

namespace ms::cli {

/// Parses arguments ("mirrorscope", "<command>", ...) for a subcommand; on a parse error or
/// --help prints to stderr/stdout and returns false with exitCode set.
bool parseCommand(QCommandLineParser &parser, const QStringList &arguments, int *exitCode);

/// The data directory from --data-dir, else the saved setting, else the platform default.
QString dataDirectory(const QCommandLineParser &parser);

/// Prints "mirrorscope <command>: <message>" to stderr; returns exit code 1 (2 for usage).
int fail(const QString &command, const QString &message, int exitCode = 1);

void printOut(const QString &text);

} // namespace ms::cli
