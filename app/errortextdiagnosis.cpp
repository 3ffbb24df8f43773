// SPDX-License-Identifier: MIT
#include "errortextdiagnosis.h"
#include "diagnosisprinter.h"
#include "inputloader.h"
#include "terminal.h"

#include "diagnosis/codemeaning.h"
#include "diagnosis/diagnoser.h"
#include "diagnosis/diagnosisjson.h"
#include "diagnosis/errormatch.h"
#include "diagnosis/errortextjson.h"
#include "diagnosis/fetchhint.h"

#include <QFile>

using namespace calens;

namespace {

// At most kMaxErrorTextChars characters of UTF-8: four bytes each at worst, and one more to know it was cut.
constexpr qint64 kMaxBytes = qint64(kMaxErrorTextChars) * 4 + 1;

bool readPaste(const QString& source, QString& text, bool& cut)
{
    const bool fromStdin = source == QLatin1String("-");
    QFile f(fromStdin ? QString() : source);
    if (!(fromStdin ? f.open(stdin, QIODevice::ReadOnly) : f.open(QIODevice::ReadOnly))) return false;
    // A pipe hands over what has been written so far: read until the end or the bound.
    QByteArray bytes;
    while (bytes.size() < kMaxBytes) {
        const QByteArray chunk = f.read(kMaxBytes - bytes.size());
        if (chunk.isEmpty()) break;
        bytes += chunk;
    }
    cut = bytes.size() == kMaxBytes;
    text = QString::fromUtf8(bytes);
    return true;
}

QString found(const ErrorText& e)
{
    QStringList parts;
    if (!e.correlationId.isEmpty()) parts << QStringLiteral("correlation id %1").arg(e.correlationId);
    if (!e.requestId.isEmpty()) parts << QStringLiteral("request id %1").arg(e.requestId);
    if (e.timestampMs != kNoTime)
        parts << QStringLiteral("time %1").arg(QString::fromStdString(formatIso(e.timestampMs)));
    if (!e.appName.isEmpty() || !e.appId.isEmpty())
        parts << QStringLiteral("app %1").arg(QStringList { e.appName, e.appId }.join(QLatin1Char(' ')).trimmed());
    if (!e.ipAddress.isEmpty()) parts << QStringLiteral("IP %1").arg(e.ipAddress);
    if (!e.deviceId.isEmpty()) parts << QStringLiteral("device %1").arg(e.deviceId);
    if (!e.userHint.isEmpty()) parts << QStringLiteral("user %1").arg(e.userHint);
    return parts.join(QStringLiteral(", "));
}

void printSummary(const ErrorText& e)
{
    for (int code : e.codes) {
        const QString meaning = codeMeaning(code);
        printLine(QStringLiteral("AADSTS%1: %2")
                      .arg(code)
                      .arg(meaning.isEmpty() ? QStringLiteral("(no description known)") : meaning));
    }
    if (e.codes.isEmpty()) printLine(QStringLiteral("The text names no AADSTS code."));
    printLine(QStringLiteral("Read from the error: %1").arg(found(e)));
}

QString byWords(ErrorMatch::By by)
{
    switch (by) {
    case ErrorMatch::By::CorrelationId:
        return QStringLiteral("its correlation id");
    case ErrorMatch::By::RequestId:
        return QStringLiteral("its request id");
    case ErrorMatch::By::Time:
        return QStringLiteral("its time (within 5 minutes) and the app, IP, device and user it names");
    case ErrorMatch::By::None:
        break;
    }
    return QString();
}

void printFetchHint(const FetchHint& hint, const ErrorText& e, const QString& source, bool anyLoaded)
{
    printLine(QString());
    printLine(anyLoaded ? QStringLiteral("No loaded sign-in matches this error.")
                        : QStringLiteral("No sign-ins were given to search (name exports after the error text)."));
    if (hint.isEmpty()) {
        printLine(QStringLiteral("The error names no correlation id, request id or time to search by."));
        return;
    }
    printLine(QStringLiteral("Fetch it with Microsoft Graph (beta; one request per kind of sign-in):"));
    for (const QString& r : hint.graphRequests) printLine(QStringLiteral("  ") + r);
    printLine(QStringLiteral("or in Log Analytics / Data Explorer:"));
    for (const QString& line : hint.kql.split(QLatin1Char('\n'))) printLine(QStringLiteral("  ") + line);
    if (!e.correlationId.isEmpty() && e.timestampMs != kNoTime) {
        // Every value here is ours or a canonical GUID: safe to paste into a shell.
        const QString since = QString::fromStdString(formatIso(e.timestampMs - kErrorMatchWindowMs));
        const QString until = QString::fromStdString(formatIso(e.timestampMs + kErrorMatchWindowMs));
        printLine(QStringLiteral("or with CA Lens: calens fetch --tenant TENANT --client-id APP --device-code "
                                 "--correlation-id %1 --since %2 --until %3 -o signin.json")
                      .arg(e.correlationId, since, until));
    }
    printLine(QStringLiteral("then: calens diagnose --error-text %1 signin.json").arg(source));
}

// The contract's no-match object: the diagnose keys with nothing diagnosed, the error, and what to fetch.
nlohmann::ordered_json noMatchJson(const ErrorText& e)
{
    nlohmann::ordered_json out;
    out["signInId"] = nullptr;
    out["correlationId"] = e.correlationId.isEmpty() ? nlohmann::ordered_json(nullptr)
                                                     : nlohmann::ordered_json(e.correlationId.toStdString());
    out["errorCode"] = e.codes.isEmpty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(e.codes.first());
    out["principal"] = nullptr;
    out["blockingPolicies"] = nlohmann::ordered_json::array();
    out["cause"] = "unknown";
    out["confidence"] = 0.0;
    out["causes"] = nlohmann::ordered_json::array();
    out["steps"] = nlohmann::ordered_json::array();
    out["fixes"] = nlohmann::ordered_json::array();
    return out;
}

} // namespace

int diagnoseErrorText(const ErrorTextRequest& r)
{
    QString text;
    bool cut = false;
    if (!readPaste(r.source, text, cut)) {
        printError("diagnose", QStringLiteral("%1: cannot read the error text").arg(r.source));
        return 2;
    }
    ErrorText e = parseErrorText(text);
    e.truncated = e.truncated || cut;
    if (!e.hasAnything()) {
        printError("diagnose",
            QStringLiteral("%1: no AADSTS code, correlation id, request id or time in the text").arg(r.source));
        return 2;
    }
    if (e.truncated)
        printError("diagnose", QStringLiteral("%1: longer than 1 MiB; only its start was read").arg(r.source));
    Dataset dataset;
    if (!r.paths.isEmpty()) {
        IngestJob job(dataset);
        if (int rc = loadInputs(job, r.paths, r.policyFiles, r.namedLocationFiles)) return rc;
    }
    const ErrorMatch match = matchErrorText(dataset, e);
    if (!match.found()) {
        const FetchHint hint = fetchHintFor(e);
        if (r.json) {
            auto out = noMatchJson(e);
            out["fromError"] = fromErrorJson(e, match.by);
            out["fetchHint"] = toJson(hint);
            printJson(out);
        } else {
            printSummary(e);
            printFetchHint(hint, e, r.source, dataset.signInCount() > 0);
        }
        return 0;
    }
    const Diagnosis d = Diagnoser(dataset).diagnose(match.row, r.overrides);
    if (r.json) {
        auto out = toJson(d);
        out["fromError"] = fromErrorJson(e, match.by);
        printJson(out);
        return 0;
    }
    printSummary(e);
    printLine(QStringLiteral("Matched sign-in %1 by %2.").arg(d.signInId, byWords(match.by)));
    printLine(QString());
    printDiagnosis(d, Flowchart::builtIn());
    return 0;
}
