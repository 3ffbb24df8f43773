// SPDX-License-Identifier: MIT
#include "summaryoutput.h"

#include "terminal.h"

#include "ingest/timestamp.h"

using namespace calens;

namespace {

QString count(uint64_t n)
{
    return QString::number(qulonglong(n));
}

} // namespace

nlohmann::ordered_json summaryJson(const Summary& s, nlohmann::ordered_json inputs, uint64_t duplicatesDropped)
{
    using J = nlohmann::ordered_json;
    J out;
    out["inputs"] = std::move(inputs);
    out["signIns"] = s.signIns;
    out["duplicatesDropped"] = duplicatesDropped;
    J types;
    for (int t = 0; t < 5; ++t) types[std::string(name(SignInType(t)))] = s.types[size_t(t)];
    out["signInTypes"] = types;
    J codes = J::object();
    for (auto [code, count] : s.errorCodes) codes[std::to_string(code)] = count;
    out["errorCodes"] = codes;
    out["blocked53003"] = s.blocked53003;
    out["blockedByConditionalAccess"] = s.blockedByCa; // error:ca, the Incidents view and the report
    J ca;
    for (int c = 0; c < 4; ++c) ca[std::string(name(CaStatus(c)))] = s.caStatus[size_t(c)];
    out["conditionalAccessStatus"] = ca;
    J policies = J::array();
    for (const auto& p : s.policies) {
        J results;
        for (int r = 0; r < 9; ++r) results[std::string(name(PolicyResult(r)))] = p.results[size_t(r)];
        policies.push_back(J { { "id", p.id }, { "displayName", p.displayName }, { "results", results } });
    }
    out["policies"] = policies;
    J unmet;
    for (size_t i = 0; i < s.unmetControls.size(); ++i) unmet[unmetControlName(i)] = s.unmetControls[i];
    out["unmetControls"] = unmet;
    J range;
    range["first"] = s.first == INT64_MAX ? J(nullptr) : J(formatIso(s.first));
    range["last"] = s.last == INT64_MIN ? J(nullptr) : J(formatIso(s.last));
    out["timeRange"] = range;
    out["signInsWithoutPolicyDetail"] = s.withoutPolicyDetail;
    return out;
}

void printSummary(const Summary& s)
{
    QString line = QStringLiteral("%1 sign-ins").arg(count(s.signIns));
    if (s.first != INT64_MAX)
        line += QStringLiteral(" from %1 to %2")
                    .arg(QString::fromStdString(formatIso(s.first)), QString::fromStdString(formatIso(s.last)));
    printLine(line);
    printLine(
        QStringLiteral("  interactive %1, non-interactive %2, service principal %3, managed identity %4, unknown %5")
            .arg(count(s.types[0]), count(s.types[1]), count(s.types[2]), count(s.types[3]), count(s.types[4])));
    printLine(QStringLiteral("  ") + blockedByCaText(s));
    if (s.blocked53003) {
        line = QStringLiteral("  controls the blocking policies asked for:");
        for (size_t i = 0; i < s.unmetControls.size(); ++i)
            if (s.unmetControls[i])
                line += QStringLiteral(" %1 %2").arg(QLatin1String(unmetControlName(i)), count(s.unmetControls[i]));
        printLine(line);
    }
    std::vector<const Summary::PolicyCounts*> failing;
    for (const auto& p : s.policies)
        if (p.results[size_t(PolicyResult::Failure)] || p.results[size_t(PolicyResult::ReportOnlyFailure)])
            failing.push_back(&p);
    if (!failing.empty()) {
        printLine(QString());
        printLine(QStringLiteral("Policies with failures (enforced / report-only):"));
        for (const auto* p : failing)
            printLine(QStringLiteral("  %1 / %2  %3")
                          .arg(count(p->results[size_t(PolicyResult::Failure)]), 6)
                          .arg(count(p->results[size_t(PolicyResult::ReportOnlyFailure)]), 6)
                          .arg(QString::fromStdString(p->displayName)));
    }
    if (s.withoutPolicyDetail && s.signIns) {
        printLine(QString());
        printLine(QStringLiteral("%1 sign-ins carry no per-policy detail (CSV download, or read without Conditional "
                                 "Access permission).")
                      .arg(count(s.withoutPolicyDetail)));
    }
}
