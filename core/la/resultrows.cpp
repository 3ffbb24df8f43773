// SPDX-License-Identifier: MIT
#include "resultrows.h"

#include "ingest/timestamp.h"

#include <simdjson.h>

#include <charconv>
#include <cstring>
#include <unordered_map>

namespace calens::la {

namespace {

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

// The raw JSON of any value (simdjson 3.0 has raw_json() for objects and arrays, raw_json_token() for scalars).
bool rawOf(simdjson::ondemand::value& v, std::string_view& out)
{
    simdjson::ondemand::json_type type;
    if (v.type().get(type)) return false;
    if (type == simdjson::ondemand::json_type::object) {
        simdjson::ondemand::object o;
        return !v.get_object().get(o) && !o.raw_json().get(out);
    }
    if (type == simdjson::ondemand::json_type::array) {
        simdjson::ondemand::array a;
        return !v.get_array().get(a) && !a.raw_json().get(out);
    }
    out = trimmed(v.raw_json_token());
    return true;
}

} // namespace

int64_t Cell::toInt() const
{
    int64_t v = 0;
    const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec == std::errc() && p == text.data() + text.size()) return v;
    double d = 0;
    const auto [q, ec2] = std::from_chars(text.data(), text.data() + text.size(), d);
    return ec2 == std::errc() && q == text.data() + text.size() ? int64_t(d) : 0;
}

int64_t Cell::toTimeMs() const
{
    return null ? kNoTime : parseTimestamp(text);
}

ResultRows::ResultRows(const QByteArray& body)
    : m_body(body)
{ }

bool ResultRows::forEach(
    const std::vector<std::string_view>& columns, const std::function<void(const std::vector<Cell>&)>& row)
{
    return run(columns, false, row, {});
}

bool ResultRows::forEachRaw(
    const std::vector<std::string_view>& columns, const std::function<void(const std::vector<std::string_view>&)>& row)
{
    return run(columns, true, {}, row);
}

bool ResultRows::run(const std::vector<std::string_view>& columns, bool raw,
    const std::function<void(const std::vector<Cell>&)>& row,
    const std::function<void(const std::vector<std::string_view>&)>& rawRow)
{
    auto fail = [this](const char* why) {
        m_error = QString::fromLatin1(why);
        return false;
    };
    // One parser and one padded buffer per thread, reused: a page of tens of megabytes is copied into memory already
    // mapped instead of freshly allocated (and page-faulted in) for every page.
    thread_local simdjson::ondemand::parser parser;
    thread_local std::string buffer;
    const size_t size = size_t(m_body.size());
    if (buffer.size() < size + simdjson::SIMDJSON_PADDING) buffer.resize(size + simdjson::SIMDJSON_PADDING);
    std::memcpy(buffer.data(), m_body.constData(), size);
    std::memset(buffer.data() + size, 0, simdjson::SIMDJSON_PADDING);
    const simdjson::padded_string_view padded(buffer.data(), size, buffer.size());
    simdjson::ondemand::document doc;
    simdjson::ondemand::object top;
    if (parser.iterate(padded).get(doc) || doc.get_object().get(top)) return fail("the result is not a JSON object");
    simdjson::ondemand::array tables;
    if (top.find_field_unordered("tables").get_array().get(tables)) return fail("the result has no \"tables\"");
    for (auto tableValue : tables) {
        simdjson::ondemand::object table;
        if (tableValue.get_object().get(table)) return fail("a table is not an object");
        // Where each wanted column is in a row: slot[i] is the position in `columns`, or -1.
        std::vector<int> slot;
        bool haveColumns = false;
        for (auto field : table) {
            std::string_view key;
            if (field.unescaped_key().get(key)) return fail("unreadable table");
            if (key == "columns") {
                simdjson::ondemand::array cols;
                if (field.value().get_array().get(cols)) return fail("\"columns\" is not a list");
                std::unordered_map<std::string_view, int> wanted;
                for (size_t i = 0; i < columns.size(); ++i) wanted.emplace(columns[i], int(i));
                for (auto c : cols) {
                    std::string_view name;
                    simdjson::ondemand::object co;
                    int at = -1;
                    if (!c.get_object().get(co) && !co.find_field_unordered("name").get_string().get(name)) {
                        const auto it = wanted.find(name);
                        if (it != wanted.end()) at = it->second;
                    }
                    slot.push_back(at);
                }
                haveColumns = true;
            } else if (key == "rows") {
                if (!haveColumns) return fail("rows before columns");
                simdjson::ondemand::array rows;
                if (field.value().get_array().get(rows)) return fail("\"rows\" is not a list");
                std::vector<Cell> cells(columns.size());
                std::vector<std::string_view> raws(columns.size());
                for (auto r : rows) {
                    simdjson::ondemand::array cellsOf;
                    if (r.get_array().get(cellsOf)) return fail("a row is not a list");
                    for (Cell& c : cells) c = Cell();
                    for (std::string_view& s : raws) s = "null";
                    size_t i = 0;
                    for (auto v : cellsOf) {
                        const int at = i < slot.size() ? slot[i] : -1;
                        ++i;
                        if (at < 0) continue;
                        simdjson::ondemand::value value;
                        if (v.get(value)) return fail("unreadable cell");
                        if (raw) {
                            if (!rawOf(value, raws[size_t(at)])) return fail("unreadable cell");
                            continue;
                        }
                        Cell& c = cells[size_t(at)];
                        simdjson::ondemand::json_type type;
                        if (value.type().get(type)) return fail("unreadable cell");
                        if (type == simdjson::ondemand::json_type::null) continue;
                        c.null = false;
                        if (type == simdjson::ondemand::json_type::string) {
                            c.isString = true;
                            if (value.get_string().get(c.text)) return fail("unreadable string");
                        } else if (!rawOf(value, c.text)) {
                            return fail("unreadable cell");
                        }
                    }
                    ++m_rows;
                    if (raw)
                        rawRow(raws);
                    else
                        row(cells);
                }
            }
        }
        break; // the primary result is the first table
    }
    return true;
}

} // namespace calens::la
