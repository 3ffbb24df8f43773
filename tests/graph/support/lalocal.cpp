// SPDX-License-Identifier: MIT
#include "lalocal.h"

#include "diagnosis/incidents.h"
#include "export/jsonout.h"
#include "export/larow.h"
#include "export/signinjson.h"
#include "export/timefmt.h"
#include "la/signintables.h"
#include "model/signinref.h"

#include <QCryptographicHash>
#include <QFile>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>

namespace calens::test {

namespace {

using Json = nlohmann::json;
using la::KqlType;
using la::QueryKind;

// The cells of one sign-in as its table holds them, by detail column.
struct Cells
{
    std::vector<std::string> text; // detailColumns() order; empty = null / absent
    std::vector<bool> present;
    int64_t ms = 0;
    std::string table;

    const std::string& get(std::string_view name) const
    {
        static const std::string none;
        const auto& cols = la::detailColumns();
        for (size_t i = 0; i < cols.size(); ++i)
            if (cols[i].name == name) return text[i];
        return none;
    }
    Json json(std::string_view name) const
    {
        const std::string& t = get(name);
        return t.empty() ? Json() : Json::parse(t, nullptr, false);
    }
};

Cells cellsOf(const Dataset& d, uint32_t row)
{
    const SignInRef s = d.signIn(row);
    exporter::LaRow la;
    la.fill(s, false);
    Cells c;
    c.ms = s.createdMs();
    c.table = std::string(exporter::laTableOf(s.type()));
    const la::SignInTable* table = la::signInTable(c.table);
    for (const la::TableColumn& col : la::detailColumns()) {
        std::string value;
        for (size_t i = 0; i < exporter::LaRow::kColumns; ++i)
            if (exporter::LaRow::columns()[i].name == col.name) value = la.cell(i);
        bool present = !table || table->find(col.name);
        if (col.name == "CreatedDateTime" && table && !table->find("CreatedDateTime")) {
            present = true; // the query projects TimeGenerated there
            for (size_t i = 0; i < exporter::LaRow::kColumns; ++i)
                if (exporter::LaRow::columns()[i].name == "TimeGenerated") value = la.cell(i);
        }
        if (!present) value.clear();
        c.text.push_back(value);
        c.present.push_back(present);
    }
    return c;
}

void appendCell(std::string& out, const std::string& value, KqlType type)
{
    switch (type) {
    case KqlType::Bool:
    case KqlType::Long:
    case KqlType::Real:
    case KqlType::DateTime:
    case KqlType::Dynamic:
        if (value.empty()) {
            out += "null";
            return;
        }
        if (type == KqlType::Bool || type == KqlType::Long || type == KqlType::Real) {
            out += value;
            return;
        }
        break;
    case KqlType::String:
        break;
    }
    exporter::appendString(out, value); // the query API sends dynamic values as JSON text in a string
}

std::string iso7(int64_t ms)
{
    std::string s;
    exporter::appendIso7(s, ms);
    return s;
}

int32_t toint(const std::string& s)
{
    try {
        size_t used = 0;
        const long v = std::stol(s, &used);
        return used == s.size() ? int32_t(v) : INT32_MIN;
    } catch (...) {
        return INT32_MIN;
    }
}

bool blocked(const Cells& c)
{
    return isConditionalAccessBlock(toint(c.get("ResultType")));
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return char(std::tolower(ch)); });
    return s;
}

std::string str(const Json& j, const char* key)
{
    if (!j.is_object() || !j.contains(key) || j[key].is_null()) return {};
    return j[key].is_string() ? j[key].get<std::string>() : j[key].dump();
}

std::string joined(const std::set<std::string>& items)
{
    std::string out;
    for (const std::string& i : items) {
        if (!out.empty()) out += ',';
        out += i;
    }
    return out;
}

// The situation stages of the queries (la/kqlprelude.cpp), on one row's cells.
std::string situationOf(const Cells& c)
{
    const Json policies = c.json("ConditionalAccessPolicies"), networks = c.json("NetworkLocationDetails"),
               device = c.json("DeviceDetail");
    std::set<std::string> failed, types;
    if (policies.is_array())
        for (const Json& p : policies) {
            const std::string r = lower(str(p, "result"));
            if (r == "failure" || r == "reportonlyfailure") failed.insert(str(p, "id") + ":" + r);
        }
    if (networks.is_array())
        for (const Json& n : networks) types.insert(lower(str(n, "networkType")));
    const std::string key = c.get("Type") + "|" + c.get("ResultType") + "|" + c.get("UserId") + "|"
        + c.get("ServicePrincipalId") + "|" + c.get("AppId") + "|" + c.get("ResourceIdentity") + "|"
        + c.get("IPAddress") + "|" + str(device, "trustType") + "|" + str(device, "isCompliant") + "|"
        + c.get("RiskLevelDuringSignIn") + "|" + (policies.is_array() ? "listed" : "none") + "|" + joined(types) + "|"
        + joined(failed);
    return QCryptographicHash::hash(QByteArray::fromStdString(key), QCryptographicHash::Sha256).toHex().toStdString();
}

// A stable hash for the shard filters: any hash partitions the keys the same way at every shard count.
uint64_t shardHash(const std::string& s)
{
    uint64_t h = 1469598103934665603ull;
    for (unsigned char ch : s) h = (h ^ ch) * 1099511628211ull;
    return h;
}

struct Table
{
    std::vector<la::ResultColumn> columns;
    std::vector<std::string> rows;
    std::string dump() const
    {
        std::string out = "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[";
        for (size_t i = 0; i < columns.size(); ++i) {
            if (i) out += ',';
            out += "{\"name\":";
            exporter::appendString(out, columns[i].name.toStdString());
            out += ",\"type\":";
            exporter::appendString(out, la::kqlTypeName(columns[i].type));
            out += '}';
        }
        out += "],\"rows\":[";
        for (size_t i = 0; i < rows.size(); ++i) {
            if (i) out += ',';
            out += rows[i];
        }
        return out + "]}]}";
    }
};

std::string detailRow(const std::vector<std::pair<std::string, KqlType>>& lead, const Cells& c)
{
    std::string row = "[";
    for (const auto& [value, type] : lead) {
        appendCell(row, value, type);
        row += ',';
    }
    const auto& cols = la::detailColumns();
    for (size_t i = 0; i < cols.size(); ++i) {
        if (i) row += ',';
        appendCell(row, c.text[i], cols[i].type);
    }
    return row + ']';
}

// Every row's cells, made once per workspace (the answers of hundreds of queries are computed from them).
const std::vector<Cells>& allCells(const Dataset& w)
{
    static const Dataset* cached = nullptr;
    static size_t cachedRows = 0;
    static std::vector<Cells> cells;
    if (cached != &w || cachedRows != w.signInCount()) {
        cells.clear();
        for (uint32_t r = 0; r < w.signInCount(); ++r) cells.push_back(cellsOf(w, r));
        cached = &w;
        cachedRows = w.signInCount();
    }
    return cells;
}

bool earlier(const Cells& a, const Cells& b)
{
    return a.ms != b.ms ? a.ms < b.ms : a.get("Id") < b.get("Id");
}

} // namespace

QByteArray workspaceExport(const Dataset& tenant)
{
    std::string out = "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[";
    const auto& cols = la::detailColumns();
    for (size_t i = 0; i < cols.size(); ++i) {
        if (i) out += ',';
        out += "{\"name\":";
        exporter::appendString(out, cols[i].name);
        out += ",\"type\":";
        exporter::appendString(out, la::kqlTypeName(cols[i].type));
        out += '}';
    }
    out += "],\"rows\":[";
    for (uint32_t r = 0; r < tenant.signInCount(); ++r) {
        if (r) out += ",\n";
        out += detailRow({}, cellsOf(tenant, r));
    }
    out += "]}]}\n";
    return QByteArray::fromStdString(out);
}

std::string localAnswer(const Dataset& w, const la::LaQuery& q)
{
    Table t;
    t.columns = q.resultColumns();
    std::vector<std::reference_wrapper<const Cells>> rows;
    for (const Cells& c : allCells(w))
        if (c.ms >= q.window.fromMs && c.ms < q.window.toMs) rows.emplace_back(c);
    auto num = [](uint64_t v) { return std::to_string(v); };
    switch (q.kind) {
    case QueryKind::Totals: {
        struct T
        {
            uint64_t n = 0, without = 0;
            int64_t first = INT64_MAX, last = INT64_MIN;
        };
        std::map<std::tuple<std::string, std::string, std::string>, T> groups;
        for (const Cells& c : rows) {
            T& g = groups[{ c.table, c.get("ResultType"), c.get("ConditionalAccessStatus") }];
            ++g.n;
            if (!c.json("ConditionalAccessPolicies").is_array()) ++g.without;
            g.first = std::min(g.first, c.ms);
            g.last = std::max(g.last, c.ms);
        }
        for (const auto& [k, g] : groups) {
            std::string row = "[";
            appendCell(row, std::get<0>(k), KqlType::String);
            row += ',';
            appendCell(row, std::get<1>(k), KqlType::String);
            row += ',';
            appendCell(row, std::get<2>(k), KqlType::String);
            row += ',' + num(g.n) + ",\"" + iso7(g.first) + "\",\"" + iso7(g.last) + "\"," + num(g.without) + ']';
            t.rows.push_back(row);
        }
        break;
    }
    case QueryKind::Policies: {
        struct P
        {
            uint64_t n = 0;
            int64_t first = INT64_MAX;
            std::string name;
        };
        std::map<std::pair<std::string, std::string>, P> groups;
        for (const Cells& c : rows) {
            const Json policies = c.json("ConditionalAccessPolicies");
            if (!policies.is_array()) continue;
            for (const Json& p : policies) {
                const std::string id = str(p, "id");
                if (id.empty()) continue;
                P& g = groups[{ id, str(p, "result") }];
                ++g.n;
                if (c.ms < g.first) {
                    g.first = c.ms;
                    g.name = str(p, "displayName");
                }
            }
        }
        for (const auto& [k, g] : groups) {
            std::string row = "[";
            appendCell(row, k.first, KqlType::String);
            row += ',';
            appendCell(row, k.second, KqlType::String);
            row += ',' + num(g.n) + ",\"" + iso7(g.first) + "\",";
            appendCell(row, g.name, KqlType::String);
            t.rows.push_back(row + ']');
        }
        break;
    }
    case QueryKind::UnmetControls: {
        std::map<std::pair<std::string, bool>, uint64_t> groups;
        for (const Cells& c : rows) {
            if (toint(c.get("ResultType")) != 53003) continue;
            const Json policies = c.json("ConditionalAccessPolicies");
            if (!policies.is_array()) continue;
            for (const Json& p : policies) {
                if (lower(str(p, "result")) != "failure") continue;
                std::string controls;
                if (p.contains("enforcedGrantControls") && p["enforcedGrantControls"].is_array()) {
                    std::vector<std::string> names;
                    for (const Json& g : p["enforcedGrantControls"])
                        names.push_back(g.is_string() ? g.get<std::string>() : g.dump());
                    std::sort(names.begin(), names.end());
                    controls = Json(names).dump();
                }
                const Json strength = p.value("authenticationStrength", Json());
                const bool hasStrength = !str(strength, "authenticationStrengthId").empty()
                    || !str(strength, "id").empty() || !str(strength, "displayName").empty();
                ++groups[{ controls, hasStrength }];
            }
        }
        for (const auto& [k, n] : groups) {
            std::string row = "[";
            appendCell(row, k.first, KqlType::String);
            t.rows.push_back(row + (k.second ? ",true," : ",false,") + num(n) + ']');
        }
        break;
    }
    case QueryKind::TopApps:
    case QueryKind::TopIdentities: {
        std::map<std::string, uint64_t> counts;
        for (const Cells& c : rows) {
            if (!blocked(c)) continue;
            std::string key;
            if (q.kind == QueryKind::TopApps)
                key = c.get("AppDisplayName").empty() ? c.get("AppId") : c.get("AppDisplayName");
            else
                key = c.get("UserPrincipalName").empty() ? c.get("ServicePrincipalName") : c.get("UserPrincipalName");
            if (q.shards > 1 && int(shardHash(key) % uint64_t(q.shards)) != q.shard) continue;
            ++counts[key];
        }
        std::vector<std::pair<std::string, uint64_t>> sorted(counts.begin(), counts.end());
        std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        if (sorted.size() > size_t(q.top)) sorted.resize(size_t(q.top));
        for (const auto& [k, n] : sorted) {
            std::string row = "[";
            appendCell(row, k, KqlType::String);
            t.rows.push_back(row + ',' + num(n) + ']');
        }
        break;
    }
    case QueryKind::Timeline: {
        std::map<int64_t, std::pair<uint64_t, uint64_t>> bins;
        for (const Cells& c : rows) {
            auto& b = bins[c.ms - ((c.ms % q.binMs) + q.binMs) % q.binMs];
            ++b.first;
            if (blocked(c)) ++b.second;
        }
        for (const auto& [start, b] : bins)
            t.rows.push_back("[\"" + iso7(start) + "\"," + num(b.first) + ',' + num(b.second) + ']');
        break;
    }
    case QueryKind::SituationCounts: {
        struct S
        {
            uint64_t n = 0;
            const Cells* first = nullptr;
            int64_t last = INT64_MIN;
        };
        std::map<std::string, S> groups;
        for (const Cells& c : rows) {
            if (!blocked(c)) continue;
            S& g = groups[situationOf(c)];
            ++g.n;
            if (!g.first || earlier(c, *g.first)) g.first = &c;
            g.last = std::max(g.last, c.ms);
        }
        for (const auto& [id, g] : groups) {
            std::string row
                = "[\"" + id + "\"," + num(g.n) + ",\"" + iso7(g.first->ms) + "\",\"" + iso7(g.last) + "\",";
            appendCell(row, g.first->get("CorrelationId"), KqlType::String);
            t.rows.push_back(row + ']');
        }
        break;
    }
    case QueryKind::SituationSamples:
    case QueryKind::Detail: {
        std::set<std::string> wanted;
        for (const QString& s : q.situations) wanted.insert(s.toStdString());
        std::map<std::string, const Cells*> earliest;
        for (const Cells& c : rows) {
            if (!blocked(c)) continue;
            const std::string id = situationOf(c);
            if (!wanted.count(id)) continue;
            if (q.kind == QueryKind::Detail) {
                t.rows.push_back(detailRow({ { id, KqlType::String } }, c));
                continue;
            }
            const Cells*& e = earliest[id];
            if (!e || earlier(c, *e)) e = &c;
        }
        for (const auto& [id, c] : earliest) t.rows.push_back(detailRow({ { id, KqlType::String } }, *c));
        break;
    }
    case QueryKind::LastSuccess: {
        for (const la::SuccessTarget& target : q.targets) {
            const Cells* latest = nullptr;
            for (const Cells& c : rows) {
                if (c.get("ResultType") != "0") continue;
                const bool workload
                    = c.table == "AADServicePrincipalSignInLogs" || c.table == "AADManagedIdentitySignInLogs";
                const std::string principal = workload ? c.get("ServicePrincipalId") : c.get("UserId");
                if (principal != target.principalId.toStdString() || c.get("AppId") != target.appId.toStdString()
                    || c.ms >= target.beforeMs)
                    continue;
                if (!latest || earlier(*latest, c)) latest = &c;
            }
            if (latest)
                t.rows.push_back(detailRow({ { target.principalId.toStdString(), KqlType::String },
                                               { iso7(target.beforeMs), KqlType::DateTime } },
                    *latest));
        }
        break;
    }
    }
    return t.dump();
}

std::vector<la::LaQuery> runLocally(const Dataset& workspace, la::LaPipeline& pipeline)
{
    std::vector<la::LaQuery> asked;
    std::vector<la::LaQuery> next = pipeline.start();
    while (!next.empty()) {
        for (const la::LaQuery& q : next) {
            asked.push_back(q);
            pipeline.take(q, QByteArray::fromStdString(localAnswer(workspace, q)));
        }
        next = pipeline.advance();
    }
    return asked;
}

int writeAnswers(const Dataset& workspace, const std::vector<la::LaQuery>& roots, const QString& dir, int depth)
{
    int written = 0;
    std::vector<std::pair<la::LaQuery, int>> todo;
    for (const la::LaQuery& q : roots) todo.emplace_back(q, 0);
    while (!todo.empty()) {
        auto [q, level] = todo.back();
        todo.pop_back();
        const QByteArray text = q.text().toUtf8();
        QFile f(dir + QLatin1Char('/')
            + QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex())
            + QStringLiteral(".json"));
        if (!f.exists() && f.open(QIODevice::WriteOnly)) {
            f.write(QByteArray::fromStdString(localAnswer(workspace, q)));
            ++written;
        }
        if (level < depth)
            for (const la::LaQuery& part : q.split()) todo.emplace_back(part, level + 1);
    }
    return written;
}

} // namespace calens::test
