// SPDX-License-Identifier: MIT
#include "pageingest.h"

#include "ingest/formatdetector.h"
#include "ingest/jsonreader.h"
#include "ingest/memorysource.h"
#include "model/dataset.h"

namespace calens::graph {

PageIngest::PageIngest(Dataset& dataset, uint16_t inputIndex)
    : m_dataset(dataset)
    , m_input(inputIndex)
{
    m_report.path = QStringLiteral("Microsoft Graph");
    m_report.format = Format::GraphJson;
}

void PageIngest::readPage(const QByteArray& body, Format format)
{
    MemorySource source(body);
    Detection detection;
    detection.format = format;
    detection.shape = JsonShape::Container;
    JsonReader reader(source, *this, m_report, detection, SignInType::Unknown);
    reader.read();
}

void PageIngest::signIn(const SignInDraft& draft)
{
    if (m_dataset.add(draft, m_input) == Dataset::AddResult::Added)
        ++m_added;
    else
        ++m_duplicates;
}

void PageIngest::policy(CaPolicy policy)
{
    m_dataset.addPolicy(std::move(policy));
}

void PageIngest::namedLocation(NamedLocation location)
{
    m_dataset.addNamedLocation(std::move(location));
}

void PageIngest::servicePrincipal(ServicePrincipal sp)
{
    m_dataset.addServicePrincipal(std::move(sp));
}

void PageIngest::directoryChange(DirectoryChange change)
{
    m_dataset.addChange(std::move(change));
}

void PageIngest::policyRow(std::string_view, const SignInDraft&)
{ }

} // namespace calens::graph
