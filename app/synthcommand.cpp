// SPDX-License-Identifier: MIT
#include "commands.h"
#include "terminal.h"

#include "export/outputpaths.h"
#include "export/writers.h"
#include "ingest/format.h"
#include "model/dataset.h"
#include "synth/synthesize.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace {

int usageError(const QString& message)
{
    printError("synth", message);
    return 2;
}

bool parseNumber(const QString& text, qulonglong min, qulonglong max, qulonglong& out)
{
    bool ok = false;
    out = text.toULongLong(&ok);
    return ok && out >= min && out <= max;
}

} // namespace

int runSynth(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption seed(
        QStringLiteral("seed"), QStringLiteral("PRNG seed."), QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption signIns(
        QStringLiteral("sign-ins"), QStringLiteral("Number of sign-ins."), QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("Output format."),
        QStringLiteral("FORMAT"), QStringLiteral("graph-json"));
    const QCommandLineOption output({ QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("Output file or folder."), QStringLiteral("PATH"));
    const QCommandLineOption policiesOut(QStringLiteral("policies-out"),
        QStringLiteral("Also write the CA policies (Graph list)."), QStringLiteral("FILE"));
    const QCommandLineOption locationsOut(QStringLiteral("named-locations-out"),
        QStringLiteral("Also write the named locations (Graph list)."), QStringLiteral("FILE"));
    const QCommandLineOption psDepth(QStringLiteral("ps-depth"),
        QStringLiteral("powershell-json: ConvertTo-Json -Depth (2 truncates)."), QStringLiteral("N"),
        QStringLiteral("10"));
    parser.addOptions({ seed, signIns, format, output, policiesOut, locationsOut, psDepth });
    const QCommandLineOption help(QStringLiteral("help"), QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args)) return usageError(parser.errorText());
    if (parser.isSet(help)) {
        printCommandHelp(parser, QStringLiteral("synth"));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument %1").arg(parser.positionalArguments().first()));

    calens::SynthOptions options;
    qulonglong n = 0;
    if (!parseNumber(parser.value(seed), 0, ~0ULL, n))
        return usageError(QStringLiteral("--seed %1: not a non-negative integer").arg(parser.value(seed)));
    options.seed = n;
    if (!parseNumber(parser.value(signIns), 0, 50'000'000, n))
        return usageError(QStringLiteral("--sign-ins %1: expected 0..50000000").arg(parser.value(signIns)));
    options.signIns = size_t(n);
    if (!parseNumber(parser.value(psDepth), 0, 100, n))
        return usageError(QStringLiteral("--ps-depth %1: expected 0..100").arg(parser.value(psDepth)));
    calens::WriteOptions writeOptions;
    writeOptions.psDepth = int(n);

    const QByteArray formatText = parser.value(format).toUtf8();
    const auto fmt = calens::formatFromName(std::string_view(formatText.constData(), size_t(formatText.size())));
    if (!fmt || !calens::isSignInFormat(*fmt))
        return usageError(QStringLiteral("--format %1: unknown sign-in format").arg(parser.value(format)));
    if (!parser.isSet(output)) return usageError(QStringLiteral("missing -o PATH"));
    const QString path = parser.value(output);
    std::vector<calens::exporter::OutputPath> outputs { { QStringLiteral("-o"), path, true } };
    if (parser.isSet(policiesOut)) outputs.push_back({ QStringLiteral("--policies-out"), parser.value(policiesOut) });
    if (parser.isSet(locationsOut))
        outputs.push_back({ QStringLiteral("--named-locations-out"), parser.value(locationsOut) });
    if (const QString refused = calens::exporter::checkOutputPaths(outputs, {}); !refused.isEmpty())
        return usageError(refused);

    calens::Dataset data;
    calens::synthesize(options, data);
    QString error;
    if (!calens::writeSignIns(data, *fmt, path, &error, writeOptions)) return usageError(error);
    if (parser.isSet(policiesOut) && !calens::writePolicies(data, parser.value(policiesOut), &error))
        return usageError(error);
    if (parser.isSet(locationsOut) && !calens::writeNamedLocations(data, parser.value(locationsOut), &error))
        return usageError(error);
    printError("synth",
        QStringLiteral("%1 sign-ins, %2 policies (%3) -> %4")
            .arg(QString::number(data.signInCount()), QString::number(data.policies().size()),
                QString::fromUtf8(formatText), path));
    return 0;
}
