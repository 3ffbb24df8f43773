// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/format.h"
#include "ingest/ingestsink.h"
#include "ingest/inputreport.h"

#include <QByteArray>

#include <cstdint>

namespace calens {
class Dataset;
}

namespace calens::graph {

// Feeds Graph list pages through the same JSON reader as a loaded file, so fetched records land in the
// dataset exactly as they would from a saved export. Duplicates (slice edges, retried pages) are
// dropped by request id.
class PageIngest final : public IngestSink
{
public:
    PageIngest(Dataset& dataset, uint16_t inputIndex);

    // Reads one complete page (checked by inspectPage) whose "value" holds items of `format`
    // (GraphJson for sign-ins, Policies, NamedLocations, ServicePrincipals).
    void readPage(const QByteArray& body, Format format);

    uint64_t added() const { return m_added; }
    uint64_t duplicates() const { return m_duplicates; }
    const InputReport& report() const { return m_report; }

    // IngestSink
    void signIn(const SignInDraft& draft) override;
    void policy(CaPolicy policy) override;
    void namedLocation(NamedLocation location) override;
    void servicePrincipal(ServicePrincipal sp) override;
    void directoryChange(DirectoryChange change) override;
    void policyRow(std::string_view signInId, const SignInDraft& oneRow) override;
    bool cancelled() const override { return false; }
    void progress(uint64_t, uint64_t) override { }

private:
    Dataset& m_dataset;
    uint16_t m_input;
    InputReport m_report;
    uint64_t m_added = 0, m_duplicates = 0;
};

} // namespace calens::graph
