// SPDX-License-Identifier: MIT
#pragma once

#include "laquery.h"
#include "remoteincident.h"

#include "model/dataset.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace calens::graph {
class PageIngest;
}

namespace calens::la {

// Builds the incident list from a workspace without fetching its blocked sign-ins: SituationCounts says how
// many blocked sign-ins each situation (what a diagnosis depends on) has and when; one sample sign-in per
// situation (SituationSamples) is read into a small dataset and diagnosed with CA Lens's own engine; situations
// are then grouped by incidentKey(), the rule clusterIncidents uses, so both lists agree.
class IncidentAssembler
{
public:
    IncidentAssembler();
    ~IncidentAssembler();

    bool takeCounts(const QByteArray& body);
    // The sample queries for every situation counted so far: sorted ids in chunks, over `window`.
    std::vector<LaQuery> sampleQueries(const TimeWindow& window) const;
    bool takeSamples(const QByteArray& body);
    // Diagnoses the samples and groups the situations; biggest incidents first (then earliest, then by key).
    void assemble();
    const std::vector<RemoteIncident>& incidents() const { return m_incidents; }
    std::vector<RemoteIncident>& incidents() { return m_incidents; }
    // The last-success queries for the incidents at `positions` (all when empty), in chunks, within `window`.
    std::vector<LaQuery> lastSuccessQueries(const TimeWindow& window, const std::vector<size_t>& positions = {}) const;
    bool takeLastSuccess(const QByteArray& body);
    // The detail queries for incident `position`: its situations in chunks, over its first to last sign-in.
    std::vector<LaQuery> detailQueries(size_t position) const;

    const Dataset& samples() const { return *m_samples; }
    size_t situationCount() const { return m_situations.size(); }
    uint64_t rowsRead() const { return m_rows; }
    // Blocked sign-ins counted whose situation's sample did not come back (they are in no incident).
    uint64_t unsampled() const { return m_unsampled; }
    const QString& error() const { return m_error; }

    static constexpr size_t kChunk = 400; // situation ids (or identity and app pairs) per query

private:
    struct Situation
    {
        uint64_t count = 0;
        int64_t firstMs = INT64_MIN, lastMs = INT64_MIN;
        std::string sampleCorrelationId;
        uint32_t sampleRow = UINT32_MAX;
        int64_t sampleMs = INT64_MIN;
        std::string sampleId;
    };
    // Looked up by the id's text as it sits in the page (no string is made for a situation already known).
    struct IdHash
    {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
    };
    std::unordered_map<std::string, Situation, IdHash, std::equal_to<>> m_situations;
    std::unique_ptr<Dataset> m_samples;
    std::unique_ptr<graph::PageIngest> m_ingest;
    std::vector<RemoteIncident> m_incidents;
    uint64_t m_rows = 0, m_unsampled = 0;
    QString m_error;
};

} // namespace calens::la
