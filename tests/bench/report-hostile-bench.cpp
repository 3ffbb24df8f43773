// SPDX-License-Identifier: MIT
// Report benchmark for hostile shapes (not a test; issue 14 item 7): one blocked sign-in whose app and policy
// names are KB kilobytes long, or one blocked sign-in with N failing policies. Prints the time of each stage
// (model, PDF, HTML, JSON) and the peak memory, so growth with the input can be compared.
// Usage: bench_report_hostile name KB | policies N
#include "diagnosis/incidents.h"
#include "ingest/ingestjob.h"
#include "model/dataset.h"
#include "report/reportbuilder.h"
#include "report/reportjson.h"
#include "ui/report/reporthtmlexport.h"
#include "ui/report/reportpdf.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <sys/resource.h>

using namespace calens;
using json = nlohmann::json;

namespace {

json signIn(const std::string& app, const std::vector<std::string>& policyNames)
{
    json policies = json::array();
    for (size_t i = 0; i < policyNames.size(); ++i) {
        char id[64];
        std::snprintf(id, sizeof id, "1a2b3c4d-0000-4000-8000-%012zu", i);
        policies.push_back(
            { { "id", id }, { "displayName", policyNames[i] }, { "enforcedGrantControls", json::array({ "Mfa" }) },
                { "enforcedSessionControls", json::array() }, { "result", "failure" },
                { "conditionsSatisfied", "application,users" }, { "conditionsNotSatisfied", "none" } });
    }
    return { { "id", "req-1" }, { "createdDateTime", "2026-10-05T10:15:00Z" }, { "correlationId", "corr-1" },
        { "userId", "6f3c0d2e-8a41-4b7e-9c55-1d2e3f4a5b6c" }, { "userPrincipalName", "eve@contoso.com" },
        { "userDisplayName", "Eve" }, { "appId", "871c010f-5e61-4fb1-83ac-98610a7e9110" }, { "appDisplayName", app },
        { "ipAddress", "203.0.113.7" }, { "isInteractive", false },
        { "signInEventTypes", json::array({ "nonInteractiveUser" }) },
        { "status", { { "errorCode", 53003 }, { "failureReason", "Other." } } },
        { "conditionalAccessStatus", "failure" }, { "appliedConditionalAccessPolicies", policies } };
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const std::string shape = argc > 1 ? argv[1] : "name";
    const size_t n = argc > 2 ? size_t(std::atol(argv[2])) : 128;
    json record;
    if (shape == "name") {
        std::string name;
        while (name.size() < n * 1024) name += "Long name ";
        name.resize(n * 1024);
        record = signIn(name, { name });
    } else {
        std::vector<std::string> names;
        for (size_t i = 0; i < n; ++i) names.push_back("Policy " + std::to_string(i));
        record = signIn("App", names);
    }
    QTemporaryDir dir;
    const QString input = dir.filePath(QStringLiteral("in.json"));
    {
        QFile f(input);
        if (!f.open(QIODevice::WriteOnly)) return 1;
        f.write(QByteArray::fromStdString(json { { "value", json::array({ record }) } }.dump()));
    }
    Dataset d;
    IngestJob job(d);
    job.addInputs({ input });
    job.run();

    QElapsedTimer t;
    t.start();
    QString error;
    const auto model = buildReport(d, ReportRequest(), &error);
    if (!model) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const qint64 modelMs = t.restart();
    QBuffer pdf;
    pdf.open(QIODevice::WriteOnly);
    renderPdf(*model, &pdf, ReportOptions(), &error);
    const qint64 pdfMs = t.restart();
    const QByteArray html = reportHtmlDocument(*model).toUtf8();
    const qint64 htmlMs = t.restart();
    const QByteArray jsonText = reportJsonText(*model);
    const qint64 jsonMs = t.restart();
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    std::printf("%s %zu: model %lld ms, pdf %lld ms (%.2f MB), html %lld ms (%.2f MB), json %lld ms (%.2f MB); "
                "total %lld ms, peak %ld MB\n",
        shape.c_str(), n, (long long)modelMs, (long long)pdfMs, pdf.size() / 1e6, (long long)htmlMs, html.size() / 1e6,
        (long long)jsonMs, jsonText.size() / 1e6, (long long)(modelMs + pdfMs + htmlMs + jsonMs),
        usage.ru_maxrss / 1024);
    return 0;
}
