// SPDX-License-Identifier: MIT
// Report benchmark (not a test): one incident of N blocked sign-ins (default 10,000), appendix included.
// Prints model build, PDF, HTML and JSON times and sizes; target: PDF < 3 s and < 5 MB for 10 k.
// Usage: bench_report [N] [OUT_DIR]
#include "diagnosis/incidents.h"
#include "model/dataset.h"
#include "report/reportbuilder.h"
#include "report/reportjson.h"
#include "synth/synthesize.h"
#include "ui/report/reporthtmlexport.h"
#include "ui/report/reportpdf.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>

#include <algorithm>
#include <cstdio>

using namespace calens;

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const size_t wanted = argc > 1 ? size_t(std::atol(argv[1])) : 10000;
    const QString out = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QDir::tempPath();

    // The synthetic tenant spreads its blocks over many small incidents: grow it until it has `wanted`
    // blocked sign-ins, then report them as one incident (the biggest one's policy, cause and identities).
    Dataset d;
    std::vector<Incident> incidents;
    uint64_t blocked = 0;
    for (size_t signIns = wanted * 20; blocked < wanted; signIns *= 2) {
        d = Dataset();
        synthesize({ 7, signIns, 1790812800000, 28 }, d);
        incidents = clusterIncidents(d);
        blocked = 0;
        for (const Incident& i : incidents) blocked += i.count;
    }
    explainChanges(d, incidents);
    Incident incident = incidents.front();
    incident.rows.clear();
    for (const Incident& i : incidents) incident.rows.insert(incident.rows.end(), i.rows.begin(), i.rows.end());
    incident.rows.resize(wanted);
    incident.count = wanted;

    QElapsedTimer t;
    t.start();
    const ReportModel model = buildReport(d, { incident }, ReportRequest());
    const qint64 buildMs = t.restart();
    QString error;
    const QString pdf = QDir(out).filePath(QStringLiteral("bench-report.pdf"));
    if (!renderPdf(model, pdf, ReportOptions(), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const qint64 pdfMs = t.restart();
    const QString html = QDir(out).filePath(QStringLiteral("bench-report.html"));
    writeReportHtml(model, html, &error);
    const qint64 htmlMs = t.restart();
    const QString json = QDir(out).filePath(QStringLiteral("bench-report.json"));
    writeReportJson(model, json, &error);
    const qint64 jsonMs = t.restart();
    ReportRequest redacted;
    redacted.redact = true;
    buildReport(d, { incident }, redacted);
    const qint64 redactMs = t.elapsed();

    std::printf("incident of %zu sign-ins (dataset %zu), appendix %zu rows\n", wanted, d.signInCount(),
        model.appendix.rows.size());
    std::printf("model %lld ms (redacted %lld ms)\n", (long long)buildMs, (long long)redactMs);
    std::printf("pdf   %lld ms, %.2f MB  (model + pdf %lld ms; target < 3000 ms, < 5 MB)\n", (long long)pdfMs,
        QFileInfo(pdf).size() / 1e6, (long long)(buildMs + pdfMs));
    std::printf("html  %lld ms, %.2f MB\n", (long long)htmlMs, QFileInfo(html).size() / 1e6);
    std::printf("json  %lld ms, %.2f MB\n", (long long)jsonMs, QFileInfo(json).size() / 1e6);
    return 0;
}
