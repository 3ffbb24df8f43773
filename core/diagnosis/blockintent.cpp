// SPDX-License-Identifier: MIT
#include "blockintent.h"

#include "facts.h"

#include "model/capolicy.h"
#include "model/enums.h"

#include <algorithm>

namespace calens {

namespace {

bool has(const std::vector<std::string>& list, std::string_view value)
{
    return std::any_of(list.begin(), list.end(), [value](const std::string& s) {
        return QString::fromStdString(s).compare(qs(value), Qt::CaseInsensitive) == 0;
    });
}

bool isAll(const std::vector<std::string>& list)
{
    return has(list, "All");
}

QString names(const std::vector<std::string>& list)
{
    QStringList out;
    for (const auto& s : list) out << QString::fromStdString(s);
    return out.join(QStringLiteral(", "));
}

// The country locations a Block policy includes, when the sign-in's country is one of them.
QString blockedCountry(const Dataset& d, const CaPolicy& p, std::string_view country)
{
    if (country.empty()) return {};
    for (const std::string& id : p.includeLocations)
        for (const NamedLocation& n : d.namedLocations())
            if (n.id == id && n.kind == NamedLocation::Kind::Country && has(n.countries, country))
                return QString::fromStdString(n.displayName.empty() ? n.id : n.displayName);
    return {};
}

} // namespace

BlockIntent assessIntent(const FactSheet& sheet, const PolicyEval* blocking, const std::string& cause)
{
    BlockIntent i;
    const SignInRef& s = sheet.signIn();
    const QString app
        = qs(s.str(SF::AppDisplayName).empty() ? s.str(SF::ResourceDisplayName) : s.str(SF::AppDisplayName));
    const CaPolicy* p = blocking ? sheet.definition(*blocking) : nullptr;
    const QString policy = blocking ? QLatin1Char('\'') + qs(s.policyName(*blocking)) + QLatin1Char('\'') : QString();
    const bool person = !sheet.isWorkload() && s.type() == SignInType::InteractiveUser;

    if (cause == "identity-risk") {
        const bool userRisk = p && (!p->userRiskLevels.empty() || (p->grant & Grant::PasswordChange));
        i.answer = Answer::Yes;
        i.because = QStringLiteral("%1 acts on risk by design: the risk Identity Protection detected is what to deal "
                                   "with, not the policy.")
                        .arg(policy.isEmpty() ? QStringLiteral("The policy") : policy);
        i.tellUser = userRisk
            ? QStringLiteral(
                "Your account has been flagged as possibly compromised. Change your password (self-service "
                "password reset) or contact the help desk, then sign in again.")
            : QStringLiteral("This sign-in looked risky. Try again from your usual device and network; if it keeps "
                             "failing, contact the help desk so they can confirm it was you.");
        return i;
    }
    // Causes that are the control doing what it was written for, whatever the policy's definition says.
    if (cause == "legacy-authentication") {
        i.answer = Answer::Yes;
        i.because = QStringLiteral("%1 blocks legacy authentication; the sign-in used %2, which cannot do MFA.")
                        .arg(policy.isEmpty() ? QStringLiteral("The policy") : policy, qs(s.str(SF::ClientAppUsed)));
        i.tellUser = QStringLiteral("Your app signs in with an old method that is blocked. Use a current app "
                                    "(Outlook, the Office or Teams apps, or a browser) or switch the app to modern "
                                    "authentication.");
        return i;
    }
    if (cause == "authentication-flow" || cause == "protocol-tracked-session") {
        i.answer = Answer::Yes;
        i.because = QStringLiteral("%1 blocks device code flow (or authentication transfer), which phishing abuses; "
                                   "this sign-in used it, or its session began with it.")
                        .arg(policy.isEmpty() ? QStringLiteral("The policy") : policy);
        i.tellUser = QStringLiteral("Sign in to %1 directly in its own window or browser instead of with a code "
                                    "entered on another device; sign out first if the app keeps the old session.")
                         .arg(app);
        return i;
    }
    if (cause == "auth-context-step-up") {
        i.answer = Answer::Yes;
        i.because = QStringLiteral("%1 protects a sensitive step (a role activation or a protected action) and asks "
                                   "for more before it.")
                        .arg(policy.isEmpty() ? QStringLiteral("The policy") : policy);
        i.tellUser = QStringLiteral("This action needs a stronger sign-in than the one you used. Complete the extra "
                                    "verification it asks for (or use a compliant device), then try again.");
        return i;
    }
    if (!p || !(p->grant & Grant::Block)) {
        // A control the person can meet: whether to ask them to meet it or to change the policy is the admin's call.
        if (person && cause == "device-not-compliant")
            i.tellUser
                = QStringLiteral("%1 is available only from a company-managed device. Use a device enrolled "
                                 "in the organisation's device management, or ask the help desk to enrol this one.")
                      .arg(app);
        else if (person && cause == "authentication-strength")
            i.tellUser = QStringLiteral("%1 needs a stronger sign-in method than the one used (for example a security "
                                        "key or passkey). Register one, or ask the help desk which methods count.")
                             .arg(app);
        return i;
    }
    if (const QString where = blockedCountry(sheet.dataset(), *p, s.str(SF::Country)); !where.isEmpty()) {
        i.answer = Answer::Yes;
        i.because = QStringLiteral("%1 blocks sign-ins from the countries in '%2', and this one came from %3.")
                        .arg(policy, where, qs(s.str(SF::Country)));
        i.tellUser = QStringLiteral("Access from %1 is not allowed by your organisation. If you are travelling, "
                                    "contact the help desk before you go.")
                         .arg(qs(s.str(SF::Country)));
        return i;
    }
    if (has(p->clientAppTypes, "exchangeActiveSync") || has(p->clientAppTypes, "other")) {
        i.answer = Answer::Yes;
        i.because = QStringLiteral("%1 blocks legacy authentication (client apps: %2); the sign-in used %3.")
                        .arg(policy, names(p->clientAppTypes), qs(s.str(SF::ClientAppUsed)));
        i.tellUser = QStringLiteral("Your app signs in with an old method that is blocked. Use a current app "
                                    "(Outlook, the Office or Teams apps, or a browser) or switch the app to modern "
                                    "authentication.");
        return i;
    }
    const bool scopedUsers = !isAll(p->includeUsers) && (!p->includeGroups.empty() || !p->includeRoles.empty());
    const bool scopedApps = !p->includeApplications.empty() && !isAll(p->includeApplications);
    if (person && scopedUsers && scopedApps && p->includeLocations.empty()) {
        i.answer = Answer::Yes;
        i.because = QStringLiteral("%1 blocks chosen groups or roles from chosen applications, without conditions: "
                                   "it keeps this account out of %2 on purpose.")
                        .arg(policy, app);
        i.tellUser = QStringLiteral("Your account is not allowed to use %1. If your role needs it, ask your manager "
                                    "to request access.")
                         .arg(app);
        return i;
    }
    if (person && !p->includeLocations.empty())
        i.tellUser = QStringLiteral("Sign-ins to %1 are allowed only from your organisation's network. Connect "
                                    "through the VPN or from the office.")
                         .arg(app);
    return i;
}

} // namespace calens
