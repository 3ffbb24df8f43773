// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace calens {

// What an incident report says, as plain text values: no markup and no drawing. The PDF, HTML and
// JSON exports all read this one model, so redaction and sanitising happen once, here.
struct ReportFact
{
    QString label, value;
};

// A chart as data: bars (label, value) or a timeline (one value per time bucket, labels are bucket starts).
struct ReportChart
{
    enum class Kind
    {
        Timeline,
        Bars
    };
    Kind kind = Kind::Bars;
    QString id; // "timeline", "by-policy", "by-control", "by-identity"
    QString title;
    QStringList labels;
    std::vector<double> values;
};

struct ReportPolicy
{
    QString id, name, result;
    QStringList unmetControls, conditions;
};

struct ReportStep
{
    QString question, answer, source; // answer: yes|no|unknown; source: data|admin
    QStringList evidence;
};

struct ReportFix
{
    QString title, portal, powershell, graphRequest, verify;
};

struct ReportTable
{
    QStringList headers;
    std::vector<QStringList> rows;
};

// One root cause: a policy that blocked one or more identities for one reason. The diagnosis, the fixes and
// "what changed" are those of one concrete sign-in (the one asked about, or the incident's earliest).
struct ReportIncident
{
    QString heading;
    QString affected; // "'CA016 ...' blocked 2 users 11 times between ... and ..."
    QString causeId, causeTitle, causeSummary;
    double confidence = 0;
    std::vector<ReportFact> facts;
    std::vector<ReportPolicy> policies;
    std::vector<ReportStep> steps;
    ReportTable identities; // every identity it hit, most blocked first
    QString diagnosedIdentity; // whose sign-in was diagnosed, and whose "what changed" `changes` tells
    QStringList otherCauses, changes, notes;
    std::vector<ReportFix> fixes;
    QString intended; // yes | no | unknown: is the block the policy doing its job?
    QString intendedSource; // data | admin
    QString intendedBecause, tellUser;
    QString verificationState; // fixed | still-failing | no-sign-in-yet
    QString verification;
};

struct ReportModel
{
    QString title, tenant, toolVersion;
    QString generatedAt, windowStart, windowEnd; // UTC, ISO 8601
    QString scope; // what the report covers, in words
    bool redacted = false;
    uint64_t signIns = 0, identities = 0;
    QStringList summary; // executive summary, one paragraph per entry
    std::vector<ReportFact> keyFacts;
    std::vector<ReportChart> charts; // the timeline first
    std::vector<ReportIncident> incidents;
    uint64_t incidentsOmitted = 0; // smaller incidents listed in the overview only
    ReportTable overview; // one row per incident
    ReportTable appendix; // one row per affected sign-in
};

} // namespace calens
