// SPDX-License-Identifier: MIT
#include "planner.h"

#include "applychange.h"

#include "model/dataset.h"

namespace calens::fix {

namespace {

void locationWarnings(const Change& change, const nlohmann::json& after, FixPlan& plan)
{
    const bool trusted = after.value("isTrusted", false);
    if (trusted)
        plan.warnings << QStringLiteral(
            "'%1' is marked as trusted: the range becomes trusted for every policy that excludes or includes \"All "
            "trusted locations\" (often the MFA policies) and lowers the sign-in risk Identity Protection computes "
            "for it, not only for the policy that blocked this sign-in.")
                             .arg(change.targetName);
    if (!plan.blast.affectedPolicies.isEmpty())
        plan.warnings << QStringLiteral("Policies that evaluate this location: %1.")
                             .arg(plan.blast.affectedPolicies.join(QStringLiteral("; ")));
    const QString address = change.value.section(QLatin1Char('/'), 0, 0);
    const int prefix = change.value.section(QLatin1Char('/'), 1, 1).toInt();
    if (address.contains(QLatin1Char(':')) && prefix == 128)
        plan.warnings << QStringLiteral("%1 is one IPv6 address. Devices change their IPv6 privacy addresses often: "
                                        "if this is a person's or an office's network, the /64 it belongs to is "
                                        "usually what stays the same.")
                             .arg(change.value);
    // Cloud services sign in from address space they share with every other customer of the region; the log does
    // not say who owns the address, so the admin must check before trusting it.
    plan.warnings << QStringLiteral(
        "Check that %1 belongs to your organisation before trusting it (a NAT gateway or a static egress IP you "
        "own). Egress of cloud services such as Azure Databricks, Data Factory or Fabric is often shared address "
        "space (Microsoft's autonomous system 8075): trusting it trusts every tenant that shares it. A "
        "workload-identity policy or an exclusion is narrower.")
                         .arg(address);
}

} // namespace

std::optional<FixPlan> planFix(const Dataset& d, const std::string& fixId, const QString& title, const Change& change,
    const nlohmann::json& live, const std::vector<uint32_t>& diagnosed, QString* error)
{
    const std::optional<AppliedChange> applied = applyChange(live, change, error);
    if (!applied) return std::nullopt;
    FixPlan plan;
    plan.fixId = fixId;
    plan.title = title;
    plan.change = change;
    plan.change.targetName = QString::fromStdString(live.value("displayName", change.targetName.toStdString()));
    plan.liveModifiedDateTime = live.value("modifiedDateTime", std::string());
    plan.before = withoutVolatile(live);
    plan.after = withoutVolatile(applied->after);
    plan.diff = diffObjects(plan.before, plan.after);
    plan.url = objectPath(change);
    plan.body = applied->patchBody;
    plan.blast = blastRadius(d, plan.change, plan.before, plan.after, diagnosed);
    if (change.target() == Change::Target::NamedLocation) locationWarnings(plan.change, plan.after, plan);
    if (!plan.blast.notFixed.empty())
        plan.warnings.prepend(QStringLiteral("This change does not fix every diagnosed sign-in: %1")
                                  .arg(plan.blast.notFixedWhy.join(QStringLiteral("; "))));
    if (change.kind == Change::Kind::ExcludeUser)
        plan.why << QStringLiteral("An exclusion of this one account is the narrowest change to this policy; for "
                                   "several accounts, an exclusion group keeps the policy readable.");
    if (change.kind == Change::Kind::ExcludeServicePrincipal)
        plan.why << QStringLiteral("An exclusion of this one service principal from this workload-identity policy "
                                   "changes nothing for any other identity.");
    if (change.kind == Change::Kind::AddIpRange)
        plan.why << QStringLiteral("The range is added to a location this policy names itself, so only the policies "
                                   "listed above see it.");
    return plan;
}

} // namespace calens::fix
