// SPDX-License-Identifier: MIT
#include "conditionwords.h"

#include <QCoreApplication>

namespace calens {

namespace {

struct Word
{
    std::string_view id;
    const char* label;
};

QString lookup(std::string_view id, std::initializer_list<Word> words)
{
    for (const Word& w : words)
        if (w.id == id) return QCoreApplication::translate("ConditionWords", w.label);
    return {};
}

} // namespace

QString conditionLabel(std::string_view reason)
{
    const QString label = lookup(reason,
        { { "users", QT_TRANSLATE_NOOP("ConditionWords", "Users") },
            { "workloadIdentities", QT_TRANSLATE_NOOP("ConditionWords", "Workload identities") },
            { "application", QT_TRANSLATE_NOOP("ConditionWords", "Target resources") },
            { "userActions", QT_TRANSLATE_NOOP("ConditionWords", "User actions") },
            { "authenticationContext", QT_TRANSLATE_NOOP("ConditionWords", "Authentication context") },
            { "devicePlatform", QT_TRANSLATE_NOOP("ConditionWords", "Device platforms") },
            { "devices", QT_TRANSLATE_NOOP("ConditionWords", "Filter for devices") },
            { "clientApps", QT_TRANSLATE_NOOP("ConditionWords", "Client apps") },
            { "location", QT_TRANSLATE_NOOP("ConditionWords", "Locations") },
            { "signInRisk", QT_TRANSLATE_NOOP("ConditionWords", "Sign-in risk") },
            { "userRisk", QT_TRANSLATE_NOOP("ConditionWords", "User risk") },
            { "insiderRisk", QT_TRANSLATE_NOOP("ConditionWords", "Insider risk") },
            { "servicePrincipalRisk", QT_TRANSLATE_NOOP("ConditionWords", "Service principal risk") },
            { "authenticationFlow", QT_TRANSLATE_NOOP("ConditionWords", "Authentication flows") },
            { "policyState", QT_TRANSLATE_NOOP("ConditionWords", "Policy state (on, off, report-only)") },
            { "policyNotEnabled", QT_TRANSLATE_NOOP("ConditionWords", "Policy is off") },
            { "emptyPolicy", QT_TRANSLATE_NOOP("ConditionWords", "Policy names no users or no resources") },
            { "state", QT_TRANSLATE_NOOP("ConditionWords", "Policy state") },
            { "identity", QT_TRANSLATE_NOOP("ConditionWords", "Identity") } });
    return label.isEmpty() ? QCoreApplication::translate("ConditionWords", "Another condition") : label;
}

QString policyResultLabel(std::string_view result)
{
    const QString label = lookup(result,
        { { "success", QT_TRANSLATE_NOOP("ConditionWords", "Success") },
            { "failure", QT_TRANSLATE_NOOP("ConditionWords", "Failure") },
            { "notApplied", QT_TRANSLATE_NOOP("ConditionWords", "Not applied") },
            { "notEnabled", QT_TRANSLATE_NOOP("ConditionWords", "Not enabled") },
            { "reportOnlySuccess", QT_TRANSLATE_NOOP("ConditionWords", "Report-only: success") },
            { "reportOnlyFailure", QT_TRANSLATE_NOOP("ConditionWords", "Report-only: failure") },
            { "reportOnlyNotApplied", QT_TRANSLATE_NOOP("ConditionWords", "Report-only: not applied") },
            { "reportOnlyInterrupted", QT_TRANSLATE_NOOP("ConditionWords", "Report-only: user action required") } });
    return label.isEmpty() ? QString::fromUtf8(result.data(), qsizetype(result.size())) : label;
}

QString outcomeLabel(std::string_view outcome)
{
    const QString label = lookup(outcome,
        { { "applies", QT_TRANSLATE_NOOP("ConditionWords", "Applies") },
            { "doesNotApply", QT_TRANSLATE_NOOP("ConditionWords", "Does not apply") },
            { "notEnoughInformation", QT_TRANSLATE_NOOP("ConditionWords", "Not enough information") } });
    return label.isEmpty() ? QString::fromUtf8(outcome.data(), qsizetype(outcome.size())) : label;
}

QString detailLine(std::string_view line)
{
    const size_t colon = line.find(": ");
    if (colon == std::string_view::npos || line.substr(0, colon).find(' ') != std::string_view::npos)
        return QString::fromUtf8(line.data(), qsizetype(line.size()));
    const std::string_view rest = line.substr(colon);
    return conditionLabel(line.substr(0, colon)) + QString::fromUtf8(rest.data(), qsizetype(rest.size()));
}

} // namespace calens
