// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "bytesource.h"
#include "formatdetector.h"
#include "inputreport.h"
#include "parsescope.h"
#include "signinbuilder.h"

namespace calens {

class IngestSink;

// Entra admin center CSV downloads and Log Analytics CSV exports: a header row names the columns,
// each row is one sign-in. JSON inside cells (Log Analytics dynamic columns) is parsed on demand.
class CsvReader
{
public:
    CsvReader(
        ByteSource& source, IngestSink& sink, InputReport& report, const Detection& detection, SignInType typeHint);
    void read();

private:
    ByteSource& m_source;
    IngestSink& m_sink;
    InputReport& m_report;
    Detection m_detection;
    SignInType m_typeHint;
    ParseScope m_scope;
    SignInDraft m_draft;
    SignInBuilder m_builder;
    std::string m_legacy; // a cell that was not UTF-8, re-encoded from Windows-1252
    uint64_t m_legacyRows = 0;
};

// Header text -> builder key, for the portal's column titles and Log Analytics column names.
SignInKey csvColumnKey(std::string_view header, Format format);

} // namespace calens
