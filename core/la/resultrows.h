// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace calens::la {

// One cell of a result row as it was sent: a string's value (unescaped), or the JSON text of a number, a bool, an
// object or a list. Valid during the callback.
struct Cell
{
    std::string_view text;
    bool null = true;
    bool isString = false;

    int64_t toInt() const; // 0 when not a whole number
    int64_t toTimeMs() const; // kNoTime when not a datetime
    bool toBool() const { return text == "true"; }
    QString toQString() const { return QString::fromUtf8(text.data(), qsizetype(text.size())); }
};

// The rows of the primary table of a Log Analytics shaped response, streamed (simdjson On Demand): a page of
// 500,000 rows is read without building it in memory. Columns are asked for by name; a column the result does not
// have reads as null.
class ResultRows
{
public:
    explicit ResultRows(const QByteArray& body);

    // Calls `row` with the cells of `columns` (in that order) for every row; false with error() when the body is
    // not a result.
    bool forEach(
        const std::vector<std::string_view>& columns, const std::function<void(const std::vector<Cell>&)>& row);
    // Every row's cells as raw JSON, in the order of `columns` (a null where the result lacks one): for writing
    // rows on unchanged.
    bool forEachRaw(const std::vector<std::string_view>& columns,
        const std::function<void(const std::vector<std::string_view>&)>& row);
    const QString& error() const { return m_error; }
    uint64_t rows() const { return m_rows; }

private:
    bool run(const std::vector<std::string_view>& columns, bool raw,
        const std::function<void(const std::vector<Cell>&)>& row,
        const std::function<void(const std::vector<std::string_view>&)>& rawRow);

    const QByteArray& m_body;
    QString m_error;
    uint64_t m_rows = 0;
};

} // namespace calens::la
