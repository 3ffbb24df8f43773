// SPDX-License-Identifier: MIT
#include "kustocheck.h"

#include "la/signintables.h"
#include "testpaths.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>

namespace calens::test {

QString kustoPackage()
{
    const QString env = qEnvironmentVariable("CALENS_KUSTO_LANGUAGE");
    if (!env.isEmpty()) return env;
    return QStringLiteral(CALENS_TEST_DATA "/../../build/npm/node_modules/@kusto/language-service-next");
}

std::optional<nlohmann::json> runKustoScript(const QString& script, const nlohmann::json& input, QString* why)
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty()) {
        *why = QStringLiteral("node is not installed (scripts/install-deps.sh installs it)");
        return std::nullopt;
    }
    if (!QFile::exists(kustoPackage() + QStringLiteral("/Kusto.Language.Bridge.js"))) {
        *why
            = QStringLiteral("npm package @kusto/language-service-next not at %1 (scripts/install-deps.sh installs it)")
                  .arg(kustoPackage());
        return std::nullopt;
    }
    QProcess p;
    p.start(node, { QStringLiteral(CALENS_TEST_DATA "/../support/") + script, kustoPackage() });
    p.write(QByteArray::fromStdString(input.dump()));
    p.closeWriteChannel();
    if (!p.waitForFinished(kHangGuardMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *why = QStringLiteral("the Kusto analyzer failed: %1").arg(QString::fromUtf8(p.readAllStandardError()));
        return std::nullopt;
    }
    return nlohmann::json::parse(p.readAllStandardOutput().toStdString(), nullptr, false);
}

std::optional<nlohmann::json> kustoCheck(const QStringList& queries, QString* why)
{
    nlohmann::json in;
    in["tables"] = nlohmann::json::array();
    for (const la::SignInTable& t : la::signInTables())
        in["tables"].push_back({ { "name", std::string(t.name) }, { "schema", t.schemaText().toStdString() } });
    in["queries"] = nlohmann::json::array();
    for (const QString& q : queries) in["queries"].push_back(q.toStdString());
    return runKustoScript(QStringLiteral("kusto-check.js"), in, why);
}

} // namespace calens::test
