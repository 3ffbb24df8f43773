// SPDX-License-Identifier: MIT
#pragma once

#include "incidentassembler.h"
#include "laquery.h"
#include "lasummary.h"
#include "summaryassembler.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <string_view>
#include <vector>

namespace calens::la {

// What `calens la` (and the window's workspace view) asks, phase by phase, independent of the transport: the
// network job feeds it answers from the service, a test feeds it answers computed locally. Each phase's queries
// are known only from the answers to the one before (the time range sets the timeline's bins; the situations name
// the samples; the incidents name the sign-ins to fetch).
class LaPipeline
{
public:
    enum class Verb
    {
        Summary, // Totals, Policies, UnmetControls, TopApps, TopIdentities; then Timeline
        Incidents, // SituationCounts; SituationSamples; LastSuccess
        Fetch, // as Incidents, then for one incident: LastSuccess and Detail
    };
    // `incident`: Fetch only, 1-based as the incident list numbers them.
    LaPipeline(Verb verb, TimeWindow window, int incident = 0);

    std::vector<LaQuery> start();
    // One answer (a whole query's, or a part's of a split one). False with error() when it cannot be read.
    bool take(const LaQuery& query, const QByteArray& body);
    // Called when every query handed out so far is answered: the next phase's queries, or none when done().
    std::vector<LaQuery> advance();
    bool done() const { return m_phase == Phase::Done; }
    const QString& error() const { return m_error; }

    // Fetch: each detail row (Detail and the last success) as raw JSON cells in detailColumns() order.
    void setRowSink(std::function<void(const std::vector<std::string_view>&)> sink) { m_sink = std::move(sink); }
    uint64_t rowsFetched() const { return m_fetched; }

    LaSummary summary() const { return m_summary.result(); }
    const std::vector<RemoteIncident>& incidents() const { return m_incidents.incidents(); }
    const IncidentAssembler& incidentAssembler() const { return m_incidents; }
    const TimeWindow& window() const { return m_window; }
    Verb verb() const { return m_verb; }
    int incident() const { return m_incident; }

private:
    enum class Phase
    {
        First,
        Second,
        Third,
        Done
    };
    std::vector<LaQuery> step();
    bool takeRows(const QByteArray& body);

    Verb m_verb;
    TimeWindow m_window;
    int m_incident;
    Phase m_phase = Phase::First;
    SummaryAssembler m_summary;
    IncidentAssembler m_incidents;
    std::function<void(const std::vector<std::string_view>&)> m_sink;
    uint64_t m_fetched = 0;
    QString m_error;
};

} // namespace calens::la
