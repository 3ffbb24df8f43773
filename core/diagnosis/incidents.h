// SPDX-License-Identifier: MIT
#pragma once

#include "incident.h"

#include <atomic>
#include <vector>

namespace calens {

class Dataset;
struct Diagnosis;

// Which cause and blocking policy the incident of a blocked sign-in is about, taken from its diagnosis.
struct IncidentLead
{
    std::string cause;
    double confidence = 0;
    QString policyId, policyName;
    QStringList unmet;
};
IncidentLead incidentLead(const Diagnosis& diagnosis);
// The key that puts a blocked sign-in (row) into its incident. clusterIncidents groups by it, and so does every
// summary built elsewhere (the situations of a Log Analytics workspace, la/incidentassembler.cpp): one rule.
std::string incidentKey(const Dataset& dataset, uint32_t row, const IncidentLead& lead);

// Groups every sign-in blocked by Conditional Access (53003 and the related codes) into incidents, one per
// root cause (cause and blocking policy) with the identities and apps inside, biggest first. Each distinct
// situation is diagnosed once, so a million sign-ins cluster in well under a second. Cancel is checked every
// few thousand rows.
std::vector<Incident> clusterIncidents(const Dataset& dataset, const std::atomic<bool>* cancel = nullptr);
// The incidents of some sign-ins only (the rows a filter shows), in the same order and with the same keys.
std::vector<Incident> clusterIncidents(
    const Dataset& dataset, const std::vector<uint32_t>& rows, const std::atomic<bool>* cancel = nullptr);

// The identity of `incident` that blocked sign-in `row` belongs to; nullptr when the row is not in it.
const IncidentIdentity* identityOf(const Incident& incident, uint32_t row);
// The identity whose sign-in opened the incident (the one firstRow belongs to).
const IncidentIdentity& firstIdentity(const Incident& incident);
// The incident of one sign-in alone (its identity and app; no cause): what a fix made for that sign-in is
// verified against.
Incident signInIncident(const Dataset& dataset, uint32_t row);

// Fills IncidentIdentity::lastSuccessRow and ::changes for every identity of every incident: "what changed" is
// a story of one identity and one app (the app of its first block), so it is told per identity. New egress IP
// (and whether it is trusted), lost device compliance, higher risk, another client app or sign-in type, the
// blocking policy newly applying, policies and named locations modified between the last success and the
// first failure.
void explainChanges(const Dataset& dataset, std::vector<Incident>& incidents);

// Did the fix work? Each identity of the incident is judged on its own: its sign-ins to the apps it was
// blocked from, after `sinceMs` and after its own last block (INT64_MIN: after its last block, in the same
// data). Fixed when every identity that signed in since succeeded at its latest sign-in; StillFailing when
// any was still blocked at its latest; NoSignInYet when none signed in.
struct Verification
{
    enum class State
    {
        Fixed,
        StillFailing,
        NoSignInYet
    } state
        = State::NoSignInYet;
    uint64_t successes = 0, failures = 0;
    uint64_t identitiesFixed = 0, identitiesFailing = 0, identitiesUnseen = 0;
    uint32_t latestRow = UINT32_MAX;
    QString text;
};
Verification verifyIncident(const Dataset& later, const Incident& incident, int64_t sinceMs);

bool isConditionalAccessBlock(int errorCode);

} // namespace calens
