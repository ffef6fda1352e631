#include "tablecontentsmodel.h"

#include "modelroles.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <algorithm>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace ms {
namespace {

constexpr int BinaryPreviewBytes = 16;

QString placeholder()
{
    return u"\u2026"_s;
}

} // namespace

TableContentsModel::TableContentsModel(MirrorBackend &backend, QObject *parent)
    : TableContentsModel(MirrorReader::start(backend), MirrorReader::start(backend), parent)
{}

TableContentsModel::TableContentsModel(MirrorReaderPtr pageReader, MirrorReaderPtr scanReader,
                                       QObject *parent)
    : QAbstractTableModel(parent), m_reader(std::move(pageReader)),
      m_scanReader(std::move(scanReader))
{
    Q_ASSERT(m_reader && m_scanReader);
    MirrorReader *reader = m_reader.get();
    MirrorReader *scans = m_scanReader.get();
    connect(reader, &MirrorReader::estimateReady, this, &TableContentsModel::onEstimate,
            Qt::QueuedConnection);
    connect(reader, &MirrorReader::pageReady, this, &TableContentsModel::onPage,
            Qt::QueuedConnection);
    connect(reader, &MirrorReader::failed, this, &TableContentsModel::onFailed,
            Qt::QueuedConnection);
    connect(scans, &MirrorReader::countReady, this, &TableContentsModel::onCount,
            Qt::QueuedConnection);
    connect(scans, &MirrorReader::boundariesReady, this, &TableContentsModel::onBoundaries,
            Qt::QueuedConnection);
    // A failed scan leaves the pages alone: only say it.
    connect(
        scans, &MirrorReader::failed, this,
        [this](quint64 generation, const QString &message) {
            if (generation == m_generation)
                reportError(message);
        },
        Qt::QueuedConnection);
}

TableContentsModel::~TableContentsModel()
{
    // The scan reader may be deep in a count of a big table: stop it before waiting for its thread.
    ++m_generation;
    m_reader->discardBefore(m_generation);
    m_scanReader->discardBefore(m_generation);
}

void TableContentsModel::setTable(const QString &tenant, const TableSchema &schema)
{
    if (tenant.isEmpty() || schema.tableName.isEmpty() || schema.columns.isEmpty()) {
        clear();
        return;
    }
    m_schema = schema;
    m_query = PageQuery{};
    m_query.tenant = tenant;
    m_query.table = schema.tableName;
    for (const ColumnSchema &column : schema.columns)
        m_query.columns.append(column.name);
    m_query.keyColumns = schema.primaryKey;
    restart();
}

void TableContentsModel::clear()
{
    m_schema = TableSchema{};
    m_query = PageQuery{};
    restart();
}

void TableContentsModel::setFilter(int column, const QString &text)
{
    if (column < 0 || column >= m_query.columns.size() || filter(column) == text)
        return;
    m_query.filters.removeIf([column](const ColumnFilter &f) { return f.column == column; });
    if (!text.isEmpty())
        m_query.filters.append(ColumnFilter{column, text});
    restart();
}

void TableContentsModel::clearFilters()
{
    if (m_query.filters.isEmpty())
        return;
    m_query.filters.clear();
    restart();
}

QString TableContentsModel::filter(int column) const
{
    for (const ColumnFilter &f : m_query.filters) {
        if (f.column == column)
            return f.text;
    }
    return {};
}

void TableContentsModel::setSort(int column, Qt::SortOrder order)
{
    if (column >= m_query.columns.size())
        return;
    column = column < 0 ? -1 : column;
    if (column == m_query.sortColumn && order == m_query.order)
        return;
    m_query.sortColumn = column;
    m_query.order = order;
    restart();
}

void TableContentsModel::sort(int column, Qt::SortOrder order)
{
    setSort(column, order);
}

// Every change of table, filter or order starts a new generation: answers of the previous
// one are dropped here and skipped (or interrupted) in the readers.
void TableContentsModel::restart()
{
    ++m_generation;
    m_reader->discardBefore(m_generation);
    m_scanReader->discardBefore(m_generation);
    beginResetModel();
    m_rows = 0;
    m_countKnown = false;
    m_estimate = -1;
    m_rowsSeen = 0;
    m_fetchedRows = 0;
    m_lastError.clear();
    m_boundaries.clear();
    m_cache.clear();
    m_lastKeys.clear();
    m_pending.clear();
    m_wantedPage = -1;
    endResetModel();
    if (m_query.table.isEmpty())
        return;
    // The guess is one lookup, queued just before the first page on the same thread so that it
    // is there when the page is (a filter makes it meaningless). The count waits for the page:
    // on a busy machine a scan started now would take the CPU the first rows need (issue #8).
    if (m_query.filters.isEmpty())
        m_reader->requestEstimate(m_generation, m_query);
    requestPage(0);
}

void TableContentsModel::requestPage(qint64 page) const
{
    if (page < 0 || m_cache.hasSegment(page) || m_pending.contains(page))
        return;
    if (m_pending.size() >= MaxPendingPages) {
        m_wantedPage = page;
        return;
    }
    PageStart start;
    const auto previous = m_lastKeys.constFind(page - 1);
    if (page == 0) {
        start.kind = PageStart::Kind::First;
    } else if (previous != m_lastKeys.constEnd()) {
        start.kind = PageStart::Kind::After;
        start.key = *previous;
    } else if (page < m_boundaries.size()) {
        start.kind = PageStart::Kind::AtOrAfter;
        start.key = m_boundaries.at(page);
    } else {
        // Only until the boundaries arrive: OFFSET walks every row before the page.
        start.kind = PageStart::Kind::Offset;
        start.offset = page * PageSize;
    }
    m_pending.insert(page);
    m_reader->requestPage(m_generation, m_query, start, PageSize, page * PageSize);
}

void TableContentsModel::onEstimate(quint64 generation, qint64 rows)
{
    if (generation != m_generation || m_countKnown)
        return;
    m_estimate = rows;
    // Normally here before the first page; should it come later, the rows grow to it now.
    if (m_rows > 0 && rows > m_rows)
        setRowCount(rows);
}

void TableContentsModel::onCount(quint64 generation, qint64 rows)
{
    if (generation != m_generation || m_countKnown)
        return;
    m_countKnown = true;
    setRowCount(rows);
    Q_EMIT rowCountKnown(rows);
}

// Why the estimate rather than rows that grow page by page: the scroll bar has its right size
// from the first paint and dragging it to the middle goes to the middle, which growth would only
// allow after the count. Without a guess (a filter, a PostgreSQL table never analyzed) the rows
// grow a page at a time as the view scrolls to the end (fetchMore). An estimate can be wrong
// (SQLite's largest rowid overstates a table that lost rows, reltuples is as old as the last
// ANALYZE); it stands only until the count (tens of milliseconds to a few seconds), and rows beyond
// the real end just stay "…".
void TableContentsModel::onFirstPageWhileCounting(qint64 received)
{
    if (received < PageSize) {
        // The whole result is in: no scan needed.
        m_countKnown = true;
        setRowCount(received);
        Q_EMIT rowCountKnown(received);
        return;
    }
    setRowCount(std::max(received, m_estimate));
    m_scanReader->requestCount(m_generation, m_query);
    // Queued behind the count on the scan reader's thread rather than after the count's round
    // trip through this one; the first page is full, so there are pages to find.
    m_scanReader->requestBoundaries(m_generation, m_query, PageSize);
}

void TableContentsModel::setRowCount(qint64 rows)
{
    // Views address rows with int; a mirror table beyond that shows its first 2^31-1 rows.
    rows = std::clamp<qint64>(rows, 0, std::numeric_limits<int>::max());
    if (rows > m_rows) {
        beginInsertRows({}, int(m_rows), int(rows - 1));
        m_rows = rows;
        endInsertRows();
    } else if (rows < m_rows) {
        beginRemoveRows({}, int(rows), int(m_rows - 1));
        m_rows = rows;
        endRemoveRows();
    }
}

bool TableContentsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_countKnown && m_rows > 0 && m_rowsSeen >= m_rows &&
           m_rows < std::numeric_limits<int>::max() && !m_pending.contains(m_rows / PageSize);
}

void TableContentsModel::fetchMore(const QModelIndex &parent)
{
    // The rows are added when the page comes (onPage), not now: the view never gets a row that
    // is not known to exist, and no insertion happens inside the caller's own signal handling.
    if (canFetchMore(parent))
        requestPage(m_rows / PageSize);
}

void TableContentsModel::onBoundaries(quint64 generation, const QList<QVariantList> &keys)
{
    if (generation == m_generation)
        m_boundaries = keys;
}

void TableContentsModel::onPage(quint64 generation, const RowPage &page)
{
    if (generation != m_generation)
        return;
    const qint64 pageIndex = page.firstRow / PageSize;
    m_pending.remove(pageIndex);
    m_fetchedRows += page.rows.size();
    // Last keys outlive evicted pages: they are small and make the next page a keyset read.
    if (!page.rows.isEmpty())
        m_lastKeys.insert(pageIndex, page.lastKey);
    std::vector<QVariantList> rows(page.rows.cbegin(), page.rows.cend());
    const qint64 received = qint64(rows.size());
    // Cached before any rows are inserted: the view reads the new rows at once.
    m_cache.insert(pageIndex, std::move(rows));
    const qint64 first = page.firstRow;
    if (received > 0)
        m_rowsSeen = std::max(m_rowsSeen, first + received);
    if (!m_countKnown) {
        if (pageIndex == 0 && m_rows == 0)
            onFirstPageWhileCounting(received);
        else if (first + received > m_rows)
            setRowCount(first + received); // fetchMore()'s page, or beyond a low estimate
    }
    const qint64 last = std::min(first + std::max<qint64>(received, PageSize), m_rows) - 1;
    if (first <= last)
        Q_EMIT dataChanged(index(int(first), 0), index(int(last), columnCount() - 1));
    if (m_wantedPage >= 0) {
        const qint64 wanted = std::exchange(m_wantedPage, -1);
        requestPage(wanted);
    }
}

void TableContentsModel::onFailed(quint64 generation, const QString &message)
{
    if (generation != m_generation)
        return;
    // A failed page stays a placeholder; a later data() asks again.
    m_pending.clear();
    reportError(message);
}

void TableContentsModel::reportError(const QString &message)
{
    // The first page and the guess (or the count and the boundaries) fail alike on a missing
    // mirror: say it once.
    if (message == m_lastError)
        return;
    m_lastError = message;
    Q_EMIT errorOccurred(message);
}

int TableContentsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows);
}

int TableContentsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_query.columns.size());
}

QString TableContentsModel::binaryDisplay(const QByteArray &bytes)
{
    const QString size = tr("<%n bytes>", nullptr, int(bytes.size()));
    if (bytes.isEmpty())
        return size;
    QString hex = QString::fromLatin1(bytes.left(BinaryPreviewBytes).toHex());
    if (bytes.size() > BinaryPreviewBytes)
        hex += placeholder();
    return size + u' ' + hex;
}

QString TableContentsModel::displayText(const QVariant &value) const
{
    if (!value.isValid() || value.isNull())
        return tr("NULL");
    if (value.typeId() == QMetaType::QByteArray)
        return binaryDisplay(value.toByteArray());
    return value.toString();
}

QVariant TableContentsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const qint64 row = index.row();
    const QVariantList *values = m_cache.find(row);
    if (!values) {
        if (role == Qt::DisplayRole || role == LoadedRole)
            requestPage(m_cache.segmentOf(row));
        if (role == Qt::DisplayRole)
            return placeholder();
        if (role == LoadedRole)
            return false;
        return {};
    }
    if (role == Qt::DisplayRole)
        m_cache.touch(m_cache.segmentOf(row));
    const QVariant &value = values->at(index.column());
    const bool isNull = !value.isValid() || value.isNull();
    switch (role) {
    case Qt::DisplayRole:
        return displayText(value);
    case Qt::ToolTipRole:
        return value.typeId() == QMetaType::QByteArray
                   ? tr("%n bytes", nullptr, int(value.toByteArray().size()))
                   : QVariant();
    case Qt::FontRole:
        if (isNull) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        return isNull ? QVariant(QBrush(QColor(Qt::gray))) : QVariant();
    case Qt::TextAlignmentRole:
        if (value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Double)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RawValueRole:
        return value;
    case IsNullRole:
        return isNull;
    case LoadedRole:
        return true;
    default:
        return {};
    }
}

QVariant TableContentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    }
    if (section < 0 || section >= m_schema.columns.size())
        return {};
    const ColumnSchema &column = m_schema.columns.at(section);
    switch (role) {
    case Qt::DisplayRole:
        return column.name;
    case Qt::ToolTipRole: {
        QString tip = column.dataType;
        if (!column.isNullable)
            tip += u" NOT NULL"_s;
        if (m_schema.primaryKey.contains(column.name))
            tip += u' ' + tr("(primary key)");
        return tip;
    }
    default:
        return {};
    }
}

QString TableContentsModel::copyText(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty())
        return {};
    int top = std::numeric_limits<int>::max(), bottom = -1;
    int left = std::numeric_limits<int>::max(), right = -1;
    for (const QModelIndex &index : indexes) {
        if (index.model() != this || !index.isValid())
            continue;
        top = std::min(top, index.row());
        bottom = std::max(bottom, index.row());
        left = std::min(left, index.column());
        right = std::max(right, index.column());
    }
    if (bottom < 0)
        return {};
    const auto clean = [](QString text) {
        text.replace(u'\t', u' ').replace(u'\r', u' ').replace(u'\n', u' ');
        return text;
    };
    QStringList lines;
    QStringList header;
    for (int column = left; column <= right; ++column)
        header.append(clean(m_query.columns.at(column)));
    lines.append(header.join(u'\t'));
    for (int row = top; row <= bottom; ++row) {
        const QVariantList *values = m_cache.find(row);
        QStringList fields;
        for (int column = left; column <= right; ++column) {
            if (!values) {
                fields.append(QString());
                continue;
            }
            const QVariant &value = values->at(column);
            if (!value.isValid() || value.isNull())
                fields.append(QString());
            else if (value.typeId() == QMetaType::QByteArray)
                fields.append(QString::fromLatin1(value.toByteArray().toHex()));
            else
                fields.append(clean(value.toString()));
        }
        lines.append(fields.join(u'\t'));
    }
    return lines.join(u'\n') + u'\n';
}

} // namespace ms
