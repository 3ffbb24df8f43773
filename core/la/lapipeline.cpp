// SPDX-License-Identifier: MIT
#include "lapipeline.h"

#include "resultrows.h"

#include "query/aggregate.h"

namespace calens::la {

LaPipeline::LaPipeline(Verb verb, TimeWindow window, int incident)
    : m_verb(verb)
    , m_window(window)
    , m_incident(incident)
{ }

std::vector<LaQuery> LaPipeline::start()
{
    m_phase = Phase::First;
    std::vector<LaQuery> out;
    auto query = [this](QueryKind kind) {
        LaQuery q;
        q.kind = kind;
        q.window = m_window;
        return q;
    };
    if (m_verb == Verb::Summary) {
        for (QueryKind k : { QueryKind::Totals, QueryKind::Policies, QueryKind::UnmetControls, QueryKind::TopApps,
                 QueryKind::TopIdentities })
            out.push_back(query(k));
    } else {
        out.push_back(query(QueryKind::SituationCounts));
    }
    return out;
}

bool LaPipeline::take(const LaQuery& query, const QByteArray& body)
{
    bool ok = true;
    switch (query.kind) {
    case QueryKind::SituationCounts:
        ok = m_incidents.takeCounts(body);
        break;
    case QueryKind::SituationSamples:
        ok = m_incidents.takeSamples(body);
        break;
    case QueryKind::LastSuccess:
        ok = m_incidents.takeLastSuccess(body);
        if (ok && m_verb == Verb::Fetch) ok = takeRows(body);
        break;
    case QueryKind::Detail:
        ok = takeRows(body);
        break;
    default:
        ok = m_summary.take(query, body);
        if (!ok) m_error = m_summary.error();
        return ok;
    }
    if (!ok && m_error.isEmpty()) m_error = m_incidents.error();
    return ok;
}

bool LaPipeline::takeRows(const QByteArray& body)
{
    if (!m_sink) return true;
    std::vector<std::string_view> names;
    for (const TableColumn& c : detailColumns()) names.push_back(c.name);
    ResultRows rows(body);
    const bool ok = rows.forEachRaw(names, [this](const std::vector<std::string_view>& cells) {
        ++m_fetched;
        m_sink(cells);
    });
    if (!ok) m_error = QStringLiteral("sign-in rows: %1").arg(rows.error());
    return ok;
}

std::vector<LaQuery> LaPipeline::advance()
{
    // A phase with nothing to ask (no sign-ins, no blocked ones) is passed straight through.
    std::vector<LaQuery> out;
    while (out.empty() && m_phase != Phase::Done) out = step();
    return out;
}

std::vector<LaQuery> LaPipeline::step()
{
    std::vector<LaQuery> out;
    switch (m_phase) {
    case Phase::First:
        m_phase = Phase::Second;
        if (m_verb == Verb::Summary) {
            // The timeline's bins follow the time range the totals found, as the local chart's do.
            if (m_summary.firstMs() != INT64_MIN) {
                LaQuery q;
                q.kind = QueryKind::Timeline;
                q.window = m_window;
                q.binMs = timelineStep(m_summary.firstMs(), m_summary.lastMs());
                out.push_back(q);
            }
        } else {
            out = m_incidents.sampleQueries(m_window);
        }
        break;
    case Phase::Second:
        m_phase = Phase::Third;
        if (m_verb == Verb::Summary) break;
        m_incidents.assemble();
        if (m_verb == Verb::Incidents) {
            out = m_incidents.lastSuccessQueries(m_window);
            break;
        }
        if (m_incident < 1 || size_t(m_incident) > m_incidents.incidents().size()) {
            m_error = m_incidents.incidents().empty()
                ? QStringLiteral("the workspace has no sign-in blocked by Conditional Access in this time range")
                : QStringLiteral("there is no incident %1: the workspace has %2 in this time range")
                      .arg(m_incident)
                      .arg(m_incidents.incidents().size());
            break;
        }
        out = m_incidents.lastSuccessQueries(m_window, { size_t(m_incident - 1) });
        for (LaQuery& q : m_incidents.detailQueries(size_t(m_incident - 1))) out.push_back(std::move(q));
        break;
    case Phase::Third:
    case Phase::Done:
        m_phase = Phase::Done;
        break;
    }
    return out;
}

} // namespace calens::la
