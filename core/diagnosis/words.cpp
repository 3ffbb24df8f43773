// SPDX-License-Identifier: MIT
#include "words.h"

#include "flowchart.h"

namespace calens {

QString confidenceWord(double confidence)
{
    return confidence >= 0.85 ? QStringLiteral("high")
        : confidence >= 0.6   ? QStringLiteral("medium")
                              : QStringLiteral("low");
}

QString controlWord(const QString& c)
{
    struct Word
    {
        const char *name, *words;
    };
    static const Word kWords[]
        = { { "mfa", "multifactor authentication" }, { "compliantDevice", "a device marked compliant by Intune" },
              { "domainJoinedDevice", "a Microsoft Entra hybrid joined device" },
              { "block", "block access (nothing satisfies it)" }, { "approvedApplication", "an approved client app" },
              { "compliantApplication", "an app protection policy" },
              { "authenticationStrength", "an authentication strength" }, { "termsOfUse", "accepted terms of use" },
              { "passwordChange", "a password change" }, { "riskRemediation", "risk remediation" } };
    for (const Word& w : kWords)
        if (c.compare(QLatin1String(w.name), Qt::CaseInsensitive) == 0) return QString::fromLatin1(w.words);
    return c; // a custom control keeps the name the tenant gave it
}

QString causeInWords(const std::string& causeId)
{
    const auto& causes = Flowchart::builtIn().causes;
    const auto it = causes.find(causeId);
    return it != causes.end() ? QString::fromStdString(it->second.title) : QStringLiteral("Not determined");
}

QString controlsInWords(const QStringList& controls)
{
    QStringList words;
    for (const QString& c : controls) words << controlWord(c);
    return words.isEmpty() ? QStringLiteral("a control the log does not name") : words.join(QStringLiteral(" and "));
}

} // namespace calens
