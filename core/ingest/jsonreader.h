// SPDX-License-Identifier: MIT
#pragma once

#include "bytesource.h"
#include "formatdetector.h"
#include "inputreport.h"
#include "parsescope.h"
#include "signinbuilder.h"

#include <memory>
#include <string>
#include <vector>

namespace calens {

class IngestSink;

// Reads every JSON-family format (Graph, portal, diagnostic records and lines, PowerShell, Log
// Analytics API, directory lists) from a stream, record by record, with simdjson On Demand.
class JsonReader
{
public:
    JsonReader(
        ByteSource& source, IngestSink& sink, InputReport& report, const Detection& detection, SignInType typeHint);
    void read();

private:
    enum class Kind
    {
        SignIn,
        Page,
        Policy,
        NamedLocation,
        ServicePrincipal,
        Audit,
        PolicyRow,
        LaColumns,
        LaRow,
        Meta,
        Skip
    };
    Kind kindOf(const std::vector<std::string>& path) const;
    void onRecord(Kind kind, std::string_view span, size_t capacity, uint64_t offset, const QString& where);
    void readSignIn(simdjson::ondemand::object& obj, uint64_t offset, size_t length, const QString& where);
    void readPolicyRow(simdjson::ondemand::object& obj, const QString& where);
    void readLaRow(simdjson::ondemand::array& row, uint64_t offset, size_t length, const QString& where);
    void readLaColumns(simdjson::ondemand::array& columns);
    void readPage(simdjson::ondemand::object& page, const QString& where);
    void readDirectoryObject(Kind kind, std::string_view span, const QString& where);
    void finishWarnings();

    ByteSource& m_source;
    IngestSink& m_sink;
    InputReport& m_report;
    Detection m_detection;
    SignInType m_typeHint;
    simdjson::ondemand::parser m_parser;
    ParseScope m_scope;
    SignInDraft m_draft;
    SignInBuilder m_builder;
    std::vector<SignInKey> m_laColumns;
    std::vector<std::string> m_laColumnNames;
    std::string m_context;
    uint64_t m_notSignIns = 0;
    std::string m_legacy; // a record that was not UTF-8, re-encoded from Windows-1252
    uint64_t m_legacyRecords = 0;
    uint64_t m_otherAudits = 0;
    bool m_readingLegacy = false;
    uint64_t m_truncatedCounts[7] = {};
};

} // namespace calens
