// SPDX-License-Identifier: MIT
#pragma once

#include "signintables.h"

#include <QString>

#include <cstdint>
#include <span>
#include <vector>

namespace calens::la {

// The questions CA Lens asks a Log Analytics workspace (or an Azure Data Explorer database with the same tables).
// Each is answered by the engine where the sign-ins live; only its small result travels.
enum class QueryKind
{
    Totals, // sign-ins by table, result code and Conditional Access status; first and last time
    Policies, // per-policy results
    UnmetControls, // grant controls of failing policies on 53003 sign-ins, by control set
    TopApps, // blocked sign-ins by app
    TopIdentities, // blocked sign-ins by user or service principal
    Timeline, // all and blocked sign-ins per time bin
    SituationCounts, // blocked sign-ins by situation (what a diagnosis depends on): counts, first/last, a sample
    SituationSamples, // the earliest sign-in of each named situation: the one CA Lens diagnoses
    LastSuccess, // the last success of an identity to an app before a time
    Detail, // every sign-in of the named situations: an incident's rows
};

// [fromMs, toMs): half-open, so windows split in two never count a sign-in twice.
struct TimeWindow
{
    int64_t fromMs = 0, toMs = 0;
    bool operator==(const TimeWindow&) const = default;
};

// Whose last success to find: a user or service principal id, the app, and the first failure.
struct SuccessTarget
{
    QString principalId, appId;
    int64_t beforeMs = 0;
    bool operator==(const SuccessTarget&) const = default;
};

struct ResultColumn
{
    QString name;
    KqlType type;
};

// One query: what it asks, over which window (and which hash shard), with which parameters. The text is made
// from these alone, so the same query always has the same text (the emulator's answers are keyed by it).
struct LaQuery
{
    QueryKind kind = QueryKind::Totals;
    TimeWindow window;
    int shard = 0, shards = 1; // TopApps, TopIdentities: hash(key) % shards == shard
    int64_t binMs = 0; // Timeline
    int top = 25; // TopApps, TopIdentities
    std::vector<QString> situations; // SituationSamples, Detail
    std::vector<SuccessTarget> targets; // LastSuccess

    // The KQL, written against `tables` (Microsoft's four sign-in tables unless a test passes others). Every value
    // in it comes from kqlLiteral or is a number or a datetime CA Lens formats itself.
    QString text(std::span<const SignInTable> tables = signInTables()) const;
    // The columns of its result, as the assembler reads them (the analyzer test checks the query yields these).
    std::vector<ResultColumn> resultColumns() const;
    // "blocked sign-ins by app, 2026-10-01T00:00:00Z to 2026-10-08T00:00:00Z": for progress and split notes.
    QString describe() const;

    // Whether a result too large or too slow can be cut into smaller queries, and the cut: two halves of the
    // time window; for the ranked lists (whose top entries a time cut would not preserve) twice the hash shards; for
    // samples and last successes (one row per situation or per identity and app, whatever the window) two halves of
    // the list.
    bool canSplit() const;
    std::vector<LaQuery> split() const;
};

QString kindName(QueryKind kind); // "situation counts": words for messages

// The error codes of a Conditional Access block (isConditionalAccessBlock), as the queries name them.
std::span<const int> blockCodes();

} // namespace calens::la
