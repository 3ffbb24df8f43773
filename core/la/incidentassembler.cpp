// SPDX-License-Identifier: MIT
#include "incidentassembler.h"

#include "resultrows.h"

#include "diagnosis/diagnoser.h"
#include "diagnosis/facts.h"
#include "diagnosis/incidents.h"
#include "graph/pageingest.h"
#include "ingest/timestamp.h"
#include "model/signinref.h"

#include <algorithm>
#include <map>
#include <set>

namespace calens::la {

namespace {

QString qstr(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString nameOr(const SignInRef& s, SF display, SF id)
{
    return qstr(s.str(display).empty() ? s.str(id) : s.str(display));
}

void sortMembers(std::vector<RemoteIncident::Member>& members)
{
    std::sort(members.begin(), members.end(),
        [](const auto& a, const auto& b) { return a.count != b.count ? a.count > b.count : a.id < b.id; });
}

template<class T> std::vector<std::vector<T>> chunks(const std::vector<T>& all, size_t size)
{
    std::vector<std::vector<T>> out;
    for (size_t i = 0; i < all.size(); i += size)
        out.emplace_back(all.begin() + ptrdiff_t(i), all.begin() + ptrdiff_t(std::min(all.size(), i + size)));
    return out;
}

} // namespace

IncidentAssembler::IncidentAssembler()
    : m_samples(std::make_unique<Dataset>())
    , m_ingest(std::make_unique<graph::PageIngest>(*m_samples, 0))
{ }

IncidentAssembler::~IncidentAssembler() = default;

bool IncidentAssembler::takeCounts(const QByteArray& body)
{
    ResultRows rows(body);
    const bool ok = rows.forEach(
        { "Situation", "Count", "First", "Last", "SampleCorrelationId" }, [this](const std::vector<Cell>& c) {
            auto it = m_situations.find(c[0].text);
            if (it == m_situations.end()) it = m_situations.emplace(std::string(c[0].text), Situation()).first;
            Situation& s = it->second;
            s.count += uint64_t(c[1].toInt());
            const int64_t first = c[2].toTimeMs(), last = c[3].toTimeMs();
            if (s.firstMs == INT64_MIN || (first != kNoTime && first < s.firstMs)) {
                s.firstMs = first;
                s.sampleCorrelationId.assign(c[4].text);
            }
            s.lastMs = std::max(s.lastMs, last);
        });
    m_rows += rows.rows();
    if (!ok) m_error = QStringLiteral("situation counts: %1").arg(rows.error());
    return ok;
}

std::vector<LaQuery> IncidentAssembler::sampleQueries(const TimeWindow& window) const
{
    std::vector<QString> ids;
    for (const auto& [id, s] : m_situations) ids.push_back(QString::fromStdString(id));
    std::sort(ids.begin(), ids.end());
    std::vector<LaQuery> out;
    for (auto& part : chunks(ids, kChunk)) {
        LaQuery q;
        q.kind = QueryKind::SituationSamples;
        q.window = window;
        q.situations = std::move(part);
        out.push_back(std::move(q));
    }
    return out;
}

bool IncidentAssembler::takeSamples(const QByteArray& body)
{
    struct Seen
    {
        std::string situation, id;
        int64_t ms;
    };
    std::vector<Seen> seen;
    ResultRows rows(body);
    const bool ok = rows.forEach({ "Situation", "Id", "TimeGenerated" }, [&seen](const std::vector<Cell>& c) {
        seen.push_back({ std::string(c[0].text), std::string(c[1].text), c[2].toTimeMs() });
    });
    m_rows += rows.rows();
    if (!ok) {
        m_error = QStringLiteral("situation samples: %1").arg(rows.error());
        return false;
    }
    // The same reader as a saved Log Analytics export: the sample is diagnosed as a loaded sign-in would be.
    m_ingest->readPage(body, Format::LaJson);
    for (const Seen& s : seen) {
        const auto it = m_situations.find(std::string_view(s.situation));
        if (it == m_situations.end()) continue; // not asked for
        const uint32_t row = m_samples->findById(s.id);
        if (row == UINT32_MAX) continue;
        Situation& sit = it->second;
        // The earliest sign-in of the situation (the parts of a split query each offer their own).
        if (sit.sampleRow == UINT32_MAX || s.ms < sit.sampleMs || (s.ms == sit.sampleMs && s.id < sit.sampleId)) {
            sit.sampleRow = row;
            sit.sampleMs = s.ms;
            sit.sampleId = s.id;
        }
    }
    return true;
}

void IncidentAssembler::assemble()
{
    m_incidents.clear();
    const Diagnoser diagnoser(*m_samples);
    std::vector<const std::string*> ids;
    for (const auto& [id, s] : m_situations) ids.push_back(&id);
    std::sort(ids.begin(), ids.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
    std::unordered_map<std::string, size_t> index;
    std::vector<std::map<QString, RemoteIncident::Member>> who, what;
    uint64_t unsampled = 0;
    for (const std::string* id : ids) {
        const Situation& sit = m_situations.at(*id);
        if (sit.sampleRow == UINT32_MAX) {
            unsampled += sit.count;
            continue;
        }
        const uint32_t row = sit.sampleRow;
        const IncidentLead lead = incidentLead(diagnoser.diagnose(row, {}, Diagnoser::Detail::NoFixes));
        const std::string key = incidentKey(*m_samples, row, lead);
        auto [pos, added] = index.try_emplace(key, m_incidents.size());
        if (added) {
            RemoteIncident inc;
            inc.key = key;
            inc.cause = lead.cause;
            inc.confidence = lead.confidence;
            inc.policyId = lead.policyId;
            inc.policyName = lead.policyName;
            inc.unmetControls = lead.unmet;
            m_incidents.push_back(std::move(inc));
            who.emplace_back();
            what.emplace_back();
        }
        RemoteIncident& inc = m_incidents[pos->second];
        inc.count += sit.count;
        inc.confidence = std::min(inc.confidence, lead.confidence);
        inc.lastMs = std::max(inc.lastMs, sit.lastMs);
        inc.situations.push_back(QString::fromStdString(*id));
        const SignInRef s = m_samples->signIn(row);
        const FactSheet sheet(*m_samples, row);
        if (inc.firstMs == INT64_MIN || sit.firstMs < inc.firstMs) {
            inc.firstMs = sit.firstMs;
            inc.sampleCorrelationId = QString::fromStdString(sit.sampleCorrelationId);
            inc.sampleRow = row;
            inc.principalKind = sheet.principalKind();
            inc.principalId = sheet.principalId();
            inc.principalName = sheet.principalName();
            inc.appId = qstr(s.str(SF::AppId));
            inc.appName = nameOr(s, SF::AppDisplayName, SF::AppId);
            inc.resourceId = qstr(s.str(SF::ResourceId));
            inc.resourceName = nameOr(s, SF::ResourceDisplayName, SF::ResourceId);
        }
        RemoteIncident::Member& person
            = who[pos->second][sheet.principalKind() + QLatin1Char('|') + sheet.principalId()];
        person.kind = sheet.principalKind();
        person.id = sheet.principalId();
        person.name = sheet.principalName();
        person.count += sit.count;
        RemoteIncident::Member& app = what[pos->second][qstr(s.str(SF::AppId))];
        app.id = qstr(s.str(SF::AppId));
        app.name = nameOr(s, SF::AppDisplayName, SF::AppId);
        app.count += sit.count;
    }
    for (size_t i = 0; i < m_incidents.size(); ++i) {
        for (auto& [k, m] : who[i]) m_incidents[i].identities.push_back(m);
        for (auto& [k, m] : what[i]) m_incidents[i].apps.push_back(m);
        sortMembers(m_incidents[i].identities);
        sortMembers(m_incidents[i].apps);
    }
    std::sort(m_incidents.begin(), m_incidents.end(), [](const RemoteIncident& a, const RemoteIncident& b) {
        if (a.count != b.count) return a.count > b.count;
        if (a.firstMs != b.firstMs) return a.firstMs < b.firstMs;
        return a.key < b.key;
    });
    m_unsampled = unsampled;
}

std::vector<LaQuery> IncidentAssembler::lastSuccessQueries(
    const TimeWindow& window, const std::vector<size_t>& positions) const
{
    std::set<std::tuple<QString, QString, int64_t>> unique;
    auto add = [&](const RemoteIncident& inc) {
        if (!inc.principalId.isEmpty()) unique.insert({ inc.principalId, inc.appId, inc.firstMs });
    };
    if (positions.empty())
        for (const RemoteIncident& inc : m_incidents) add(inc);
    for (size_t p : positions)
        if (p < m_incidents.size()) add(m_incidents[p]);
    std::vector<SuccessTarget> targets;
    targets.reserve(unique.size());
    for (const auto& [principal, app, before] : unique) targets.push_back({ principal, app, before });
    std::vector<LaQuery> out;
    for (auto& part : chunks(targets, kChunk)) {
        LaQuery q;
        q.kind = QueryKind::LastSuccess;
        q.window = window;
        q.targets = std::move(part);
        out.push_back(std::move(q));
    }
    return out;
}

bool IncidentAssembler::takeLastSuccess(const QByteArray& body)
{
    ResultRows rows(body);
    const bool ok = rows.forEach(
        { "Principal", "AppId", "Before", "TimeGenerated", "CorrelationId" }, [this](const std::vector<Cell>& c) {
            const QString principal = c[0].toQString(), app = c[1].toQString();
            const int64_t before = c[2].toTimeMs(), at = c[3].toTimeMs();
            for (RemoteIncident& inc : m_incidents) {
                if (inc.principalId != principal || inc.appId != app || inc.firstMs != before || at >= before) continue;
                if (inc.lastSuccessMs == INT64_MIN || at > inc.lastSuccessMs) {
                    inc.lastSuccessMs = at;
                    inc.lastSuccessCorrelationId = c[4].toQString();
                }
            }
        });
    m_rows += rows.rows();
    if (!ok) m_error = QStringLiteral("last successes: %1").arg(rows.error());
    return ok;
}

std::vector<LaQuery> IncidentAssembler::detailQueries(size_t position) const
{
    std::vector<LaQuery> out;
    if (position >= m_incidents.size()) return out;
    const RemoteIncident& inc = m_incidents[position];
    for (auto& part : chunks(inc.situations, kChunk)) {
        LaQuery q;
        q.kind = QueryKind::Detail;
        q.window = { inc.firstMs, inc.lastMs + 1 };
        q.situations = std::move(part);
        out.push_back(std::move(q));
    }
    return out;
}

} // namespace calens::la
