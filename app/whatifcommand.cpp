// SPDX-License-Identifier: MIT
#include "whatifcommand.h"
#include "inputloader.h"
#include "replaycommand.h"
#include "terminal.h"

#include "model/signinref.h"
#include "whatif/ipmatch.h"
#include "whatif/logcompare.h"
#include "whatif/whatifevaluator.h"
#include "whatif/whatifjson.h"

#include <QCommandLineParser>

using namespace calens;
using namespace calens::whatif;

namespace {

int usage(const QString& line)
{
    printError("whatif", line);
    return 2;
}

std::string utf8(const QString& s)
{
    return s.toStdString();
}

// The accepted spelling of `value` among `allowed` (case-insensitive), or empty.
QString pick(const QString& value, std::initializer_list<const char*> allowed)
{
    for (const char* a : allowed)
        if (value.compare(QLatin1String(a), Qt::CaseInsensitive) == 0) return QLatin1String(a);
    return {};
}

QStringList splitIds(const QStringList& values)
{
    QStringList out;
    for (const QString& v : values)
        for (const QString& part : v.split(QLatin1Char(','), Qt::SkipEmptyParts)) out << part.trimmed();
    return out;
}

std::vector<std::string> toStd(const QStringList& l)
{
    std::vector<std::string> out;
    for (const QString& s : l) out.push_back(utf8(s));
    return out;
}

struct Options
{
    QCommandLineOption policies { QStringLiteral("policies"),
        QStringLiteral("Conditional Access policies (Graph JSON)"), QStringLiteral("FILE") };
    QCommandLineOption locations { QStringLiteral("named-locations"), QStringLiteral("named locations (Graph JSON)"),
        QStringLiteral("FILE") };
    QCommandLineOption signInId { QStringLiteral("sign-in-id"),
        QStringLiteral("evaluate this logged sign-in (request id) read from PATH..."), QStringLiteral("ID") };
    QCommandLineOption json { QStringLiteral("json"), QStringLiteral("print one JSON object") };
    QCommandLineOption user { QStringLiteral("user"), QStringLiteral("user object id"), QStringLiteral("ID") };
    QCommandLineOption sp { QStringLiteral("service-principal"), QStringLiteral("service principal object id"),
        QStringLiteral("ID") };
    QCommandLineOption memberOf { QStringLiteral("member-of"), QStringLiteral("group ids (transitive membership)"),
        QStringLiteral("ID,...") };
    QCommandLineOption role { QStringLiteral("role"), QStringLiteral("directory role template ids"),
        QStringLiteral("ID,...") };
    QCommandLineOption guest { QStringLiteral("guest"),
        QStringLiteral("guest or external user type (b2bCollaborationGuest, internalGuest, ...; none = member)"),
        QStringLiteral("TYPE") };
    QCommandLineOption app { QStringLiteral("app"), QStringLiteral("target app id (repeatable)"),
        QStringLiteral("APPID") };
    QCommandLineOption userAction { QStringLiteral("user-action"),
        QStringLiteral("registerSecurityInformation | registerOrJoinDevices"), QStringLiteral("ACTION") };
    QCommandLineOption authContext { QStringLiteral("auth-context"), QStringLiteral("authentication context (c1..c99)"),
        QStringLiteral("ID") };
    QCommandLineOption ip { QStringLiteral("ip"), QStringLiteral("IP address (IPv4 or IPv6)"), QStringLiteral("ADDR") };
    QCommandLineOption country { QStringLiteral("country"),
        QStringLiteral("country code (ISO alpha-2; 'unknown' = the IP maps to no country)"), QStringLiteral("CC") };
    QCommandLineOption platform { QStringLiteral("platform"),
        QStringLiteral("android | iOS | windows | macOS | linux | windowsPhone"), QStringLiteral("PLATFORM") };
    QCommandLineOption clientApp { QStringLiteral("client-app"),
        QStringLiteral("browser | mobileAppsAndDesktopClients | exchangeActiveSync | other"), QStringLiteral("TYPE") };
    QCommandLineOption signInRisk { QStringLiteral("sign-in-risk"),
        QStringLiteral("low | medium | high | none | hidden"), QStringLiteral("L") };
    QCommandLineOption userRisk { QStringLiteral("user-risk"), QStringLiteral("low | medium | high | none | hidden"),
        QStringLiteral("L") };
    QCommandLineOption spRisk { QStringLiteral("service-principal-risk"), QStringLiteral("low | medium | high | none"),
        QStringLiteral("L") };
    QCommandLineOption insiderRisk { QStringLiteral("insider-risk"),
        QStringLiteral("minor | moderate | elevated | none"), QStringLiteral("L") };
    QCommandLineOption authFlow { QStringLiteral("auth-flow"),
        QStringLiteral("deviceCodeFlow | authenticationTransfer"), QStringLiteral("FLOW") };
    QCommandLineOption compliant { QStringLiteral("device-compliant"), QStringLiteral("true | false"),
        QStringLiteral("BOOL") };
    QCommandLineOption trust { QStringLiteral("device-trust-type"), QStringLiteral("AzureAD | ServerAD | Workplace"),
        QStringLiteral("TYPE") };
    QCommandLineOption deviceProperty { QStringLiteral("device-property"),
        QStringLiteral("a device filter property, NAME=VALUE (repeatable; 'device.' prefix optional)"),
        QStringLiteral("NAME=VALUE") };
};

// Applies the HYPOTHETICAL options on top of `in` (empty for a hypothetical sign-in, the logged one otherwise).
// Returns an error line, or empty.
QString applyOptions(const QCommandLineParser& p, const Options& o, WhatIfInput& in)
{
    if (p.isSet(o.user) && p.isSet(o.sp)) return QStringLiteral("--user and --service-principal exclude each other");
    if (p.isSet(o.user)) {
        in.identity = WhatIfInput::Identity::User;
        in.userId = utf8(p.value(o.user));
    }
    if (p.isSet(o.sp)) {
        in.identity = WhatIfInput::Identity::ServicePrincipal;
        in.servicePrincipalId = utf8(p.value(o.sp));
    }
    if (p.isSet(o.memberOf)) in.groupIds = toStd(splitIds(p.values(o.memberOf)));
    if (p.isSet(o.role)) in.roleTemplateIds = toStd(splitIds(p.values(o.role)));
    if (p.isSet(o.guest)) {
        const QString g = pick(p.value(o.guest),
            { "none", "internalGuest", "b2bCollaborationGuest", "b2bCollaborationMember", "b2bDirectConnectUser",
                "otherExternalUser", "serviceProvider" });
        if (g.isEmpty()) return QStringLiteral("--guest %1: not a guest or external user type").arg(p.value(o.guest));
        in.guestType = utf8(g);
    }
    const int contexts = int(p.isSet(o.app)) + int(p.isSet(o.userAction)) + int(p.isSet(o.authContext));
    if (contexts > 1) return QStringLiteral("--app, --user-action and --auth-context exclude each other");
    if (p.isSet(o.app)) {
        in.apps = toStd(splitIds(p.values(o.app)));
        in.userAction.clear();
        in.authContext.clear();
    }
    if (p.isSet(o.userAction)) {
        const QString a = pick(p.value(o.userAction), { "registerSecurityInformation", "registerOrJoinDevices" });
        if (a.isEmpty()) return QStringLiteral("--user-action %1: not a user action").arg(p.value(o.userAction));
        in.userAction = utf8(a);
        in.apps.clear();
        in.authContext.clear();
    }
    if (p.isSet(o.authContext)) {
        const QString c = p.value(o.authContext).toLower();
        bool ok = false;
        const int n = c.mid(1).toInt(&ok);
        if (!c.startsWith(QLatin1Char('c')) || !ok || n < 1 || n > 99)
            return QStringLiteral("--auth-context %1: expected c1..c99").arg(p.value(o.authContext));
        in.authContext = utf8(c);
        in.apps.clear();
        in.userAction.clear();
    }
    if (p.isSet(o.ip)) {
        if (!parseAddress(utf8(p.value(o.ip))))
            return QStringLiteral("--ip %1: not an IPv4 or IPv6 address").arg(p.value(o.ip));
        in.ipAddress = utf8(p.value(o.ip).trimmed());
    }
    if (p.isSet(o.country)) {
        const QString c = p.value(o.country).trimmed();
        if (c.compare(QLatin1String("unknown"), Qt::CaseInsensitive) == 0)
            in.country = std::string();
        else if (c.size() == 2 && c[0].isLetter() && c[1].isLetter())
            in.country = utf8(c.toUpper());
        else
            return QStringLiteral("--country %1: expected a two-letter country code or 'unknown'").arg(c);
    }
    struct Choice
    {
        const QCommandLineOption* option;
        std::string* field;
        std::initializer_list<const char*> allowed;
    };
    const Choice choices[] = {
        { &o.platform, &in.platform, { "android", "iOS", "windows", "macOS", "linux", "windowsPhone" } },
        { &o.clientApp, &in.clientAppType,
            { "browser", "mobileAppsAndDesktopClients", "exchangeActiveSync", "other" } },
        { &o.signInRisk, &in.signInRisk, { "low", "medium", "high", "none", "hidden" } },
        { &o.userRisk, &in.userRisk, { "low", "medium", "high", "none", "hidden" } },
        { &o.spRisk, &in.servicePrincipalRisk, { "low", "medium", "high", "none" } },
        { &o.insiderRisk, &in.insiderRisk, { "minor", "moderate", "elevated", "none" } },
        { &o.authFlow, &in.authFlow, { "deviceCodeFlow", "authenticationTransfer", "none" } },
        { &o.trust, &in.deviceTrustType, { "AzureAD", "ServerAD", "Workplace" } },
    };
    for (const Choice& c : choices) {
        if (!p.isSet(*c.option)) continue;
        const QString v = pick(p.value(*c.option), c.allowed);
        if (v.isEmpty())
            return QStringLiteral("--%1 %2: not one of %3")
                .arg(c.option->names().first(), p.value(*c.option),
                    QString::fromLatin1(std::string([&] {
                        std::string s;
                        for (const char* a : c.allowed) s += (s.empty() ? "" : ", ") + std::string(a);
                        return s;
                    }())
                                            .c_str()));
        *c.field = utf8(v);
    }
    if (p.isSet(o.compliant)) {
        const QString v = pick(p.value(o.compliant), { "true", "false" });
        if (v.isEmpty())
            return QStringLiteral("--device-compliant %1: expected true or false").arg(p.value(o.compliant));
        in.deviceCompliant = v == QLatin1String("true");
    }
    for (const QString& kv : p.values(o.deviceProperty)) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        QString name = eq > 0 ? kv.left(eq).trimmed() : QString();
        if (name.startsWith(QLatin1String("device."), Qt::CaseInsensitive)) name = name.mid(7);
        if (name.isEmpty() || name.contains(QLatin1Char(' ')))
            return QStringLiteral("--device-property %1: expected NAME=VALUE").arg(kv);
        in.setDeviceProperty(utf8(name), utf8(kv.mid(eq + 1)));
        in.deviceRegistered = true;
    }
    return {};
}

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

QString joined(const std::vector<std::string>& items, const char* separator)
{
    QStringList out;
    for (const auto& i : items) out << q(i);
    return out.join(QLatin1String(separator));
}

// RESULT, STATE and POLICY columns, then the rest of the line.
void row(const QString& result, const QString& state, const QString& policy, const QString& rest)
{
    printLine(padded(result, 22) + QLatin1Char(' ') + padded(state, 13) + QLatin1Char(' ') + padded(policy, 40)
        + QLatin1Char(' ') + rest);
}

void printHuman(const std::vector<PolicyVerdict>& verdicts, const std::vector<Disagreement>& disagreements)
{
    int applies = 0, notApplies = 0, unknown = 0;
    for (const PolicyVerdict& v : verdicts) {
        applies += v.outcome == PolicyVerdict::Outcome::Applies;
        notApplies += v.outcome == PolicyVerdict::Outcome::DoesNotApply;
        unknown += v.outcome == PolicyVerdict::Outcome::NotEnoughInformation;
    }
    printLine(QStringLiteral("%1 policies: %2 apply, %3 do not apply, %4 need more information")
                  .arg(QString::number(verdicts.size()), QString::number(applies), QString::number(notApplies),
                      QString::number(unknown)));
    printLine(QString());
    row(QStringLiteral("RESULT"), QStringLiteral("STATE"), QStringLiteral("POLICY"),
        QStringLiteral("REASONS / REQUIRED CONTROLS"));
    for (auto outcome : { PolicyVerdict::Outcome::Applies, PolicyVerdict::Outcome::NotEnoughInformation,
             PolicyVerdict::Outcome::DoesNotApply }) {
        for (const PolicyVerdict& v : verdicts) {
            if (v.outcome != outcome) continue;
            const QString label = outcome == PolicyVerdict::Outcome::Applies ? QStringLiteral("applies")
                : outcome == PolicyVerdict::Outcome::DoesNotApply            ? QStringLiteral("does not apply")
                                                                             : QStringLiteral("not enough information");
            const QString state
                = v.state == "enabledForReportingButNotEnforced" ? QStringLiteral("report-only") : q(v.state);
            const auto& list
                = outcome == PolicyVerdict::Outcome::NotEnoughInformation ? v.notEnoughInformation : v.reasons;
            row(label, state, q(v.displayName.empty() ? v.id : v.displayName), joined(list, ", "));
            if (outcome != PolicyVerdict::Outcome::DoesNotApply && !v.grantControls.empty())
                row({}, {}, {},
                    QStringLiteral("requires ") + joined(v.grantControls, v.operatorText == "OR" ? " OR " : " AND "));
            if (outcome != PolicyVerdict::Outcome::DoesNotApply && !v.sessionControls.empty())
                row({}, {}, {}, QStringLiteral("session ") + joined(v.sessionControls, ", "));
            for (const auto& d : v.details) row({}, {}, {}, QStringLiteral("  ") + q(d));
        }
    }
    if (!disagreements.empty()) {
        printLine(QString());
        if (disagreements.front().policyId.empty()) { // the sign-in failed before Conditional Access ran
            printLine(QStringLiteral("Not compared with the log: ") + q(disagreements.front().explanation));
            return;
        }
        printLine(QStringLiteral("The sign-in log disagrees on %1 policies:").arg(disagreements.size()));
        for (const Disagreement& d : disagreements)
            printLine(QStringLiteral("  %1: log %2, evaluation %3 - %4")
                          .arg(q(d.displayName.empty() ? d.policyId : d.displayName),
                              d.logResult.empty() ? QStringLiteral("(absent)") : q(d.logResult), q(d.evaluation),
                              q(d.explanation)));
    }
}

} // namespace

int runWhatIf(const QStringList& args)
{
    if (args.contains(QLatin1String("--replay"))) return runWhatIfReplay(args);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Offline What-If: which Conditional Access policies apply to a logged or hypothetical sign-in, and why."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("PATH"), QStringLiteral("sign-in exports (with --sign-in-id)"), QStringLiteral("[PATH...]"));
    const Options o;
    parser.addOptions({ o.policies, o.locations, o.signInId, o.json, o.user, o.sp, o.memberOf, o.role, o.guest, o.app,
        o.userAction, o.authContext, o.ip, o.country, o.platform, o.clientApp, o.signInRisk, o.userRisk, o.spRisk,
        o.insiderRisk, o.authFlow, o.compliant, o.trust, o.deviceProperty });
    if (!parser.parse(args)) return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printCommandHelp(parser, QStringLiteral("whatif"));
        return 0;
    }
    // parse() takes args[0] ("whatif") as the program name.
    const QStringList paths = parser.positionalArguments();
    if (!parser.isSet(o.policies)) return usage(QStringLiteral("--policies FILE is required"));
    const bool logged = parser.isSet(o.signInId);
    if (logged && paths.isEmpty()) return usage(QStringLiteral("--sign-in-id needs the sign-in exports (PATH...)"));
    if (!logged && !paths.isEmpty())
        return usage(QStringLiteral("%1: input files are read only with --sign-in-id").arg(paths.first()));
    if (!logged && !parser.isSet(o.user) && !parser.isSet(o.sp))
        return usage(
            QStringLiteral("name the sign-in: --sign-in-id ID PATH..., or --user ID / --service-principal ID"));

    Dataset dataset;
    IngestJob job(dataset);
    if (int rc = loadInputs(job, paths, parser.values(o.policies), parser.values(o.locations))) return rc;
    if (dataset.policies().empty())
        return usage(QStringLiteral("%1: no Conditional Access policies in it")
                         .arg(parser.values(o.policies).join(QLatin1String(", "))));

    WhatIfInput input;
    uint32_t row = UINT32_MAX;
    if (logged) {
        row = dataset.findById(utf8(parser.value(o.signInId)));
        if (row == UINT32_MAX) {
            printError("whatif",
                QStringLiteral("sign-in %1: not found in %2")
                    .arg(parser.value(o.signInId), paths.join(QLatin1String(", "))));
            return 1;
        }
        input = fromSignIn(dataset.signIn(row));
    }
    if (const QString error = applyOptions(parser, o, input); !error.isEmpty()) return usage(error);

    const WhatIfEvaluator evaluator(dataset);
    const std::vector<PolicyVerdict> verdicts = evaluator.evaluate(input);
    std::vector<Disagreement> disagreements;
    if (row != UINT32_MAX) disagreements = compareWithLog(dataset.signIn(row), verdicts);

    if (parser.isSet(o.json)) {
        nlohmann::ordered_json out;
        out["policies"] = toJson(verdicts);
        if (row != UINT32_MAX) {
            out["signInId"] = utf8(parser.value(o.signInId));
            nlohmann::ordered_json d = nlohmann::ordered_json::array();
            for (const Disagreement& x : disagreements) d.push_back(toJson(x));
            out["disagreements"] = d;
        }
        printJson(out);
    } else {
        printHuman(verdicts, disagreements);
    }
    return 0;
}
