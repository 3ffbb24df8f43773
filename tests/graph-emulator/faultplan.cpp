// SPDX-License-Identifier: MIT
#include "faultplan.h"

#include <QStringList>

namespace calens::emulator {

namespace {

const std::pair<Fault, const char*> kNames[] = {
    { Fault::Throttle, "throttle" },
    { Fault::Unavailable, "unavailable" },
    { Fault::Drop, "drop" },
    { Fault::Truncate, "truncate" },
    { Fault::Slow, "slow" },
    { Fault::Expire, "expire" },
    { Fault::Licence, "licence" },
    { Fault::NoCaPolicy, "nocapolicy" },
    { Fault::Redirect, "redirect" },
    { Fault::SelfLink, "selflink" },
    { Fault::GrowingLink, "growinglink" },
    { Fault::Trickle, "trickle" },
    { Fault::Huge, "huge" },
    { Fault::Partial, "partial" },
};

} // namespace

Fault faultFromName(const QString& name)
{
    for (const auto& [f, n] : kNames)
        if (name == QLatin1String(n)) return f;
    if (name == QLatin1String("license")) return Fault::Licence;
    return Fault::None;
}

QString faultName(Fault f)
{
    for (const auto& [k, n] : kNames)
        if (k == f) return QString::fromLatin1(n);
    return QStringLiteral("none");
}

bool FaultPlan::add(const QString& spec, QString* error)
{
    const QStringList parts = spec.split(QLatin1Char(':'));
    Rule rule;
    rule.fault = faultFromName(parts.value(0));
    if (rule.fault == Fault::None) {
        *error = QStringLiteral("unknown fault '%1'").arg(parts.value(0));
        return false;
    }
    if (rule.fault == Fault::NoCaPolicy || rule.fault == Fault::Licence) rule.count = 0;
    if (rule.fault == Fault::Slow) rule.ms = 3000;
    if (rule.fault == Fault::Trickle) rule.ms = 1000;
    if (rule.fault == Fault::Huge) rule.kb = 2048;
    if (rule.fault == Fault::SelfLink || rule.fault == Fault::GrowingLink) rule.count = 0; // every page
    for (int i = 1; i < parts.size(); ++i) {
        const QString key = parts[i].section(QLatin1Char('='), 0, 0);
        bool ok = false;
        const int value = parts[i].section(QLatin1Char('='), 1).toInt(&ok);
        if (!ok || value < 0) {
            *error = QStringLiteral("bad fault option '%1' in '%2'").arg(parts[i], spec);
            return false;
        }
        if (key == QLatin1String("every"))
            rule.every = std::max(1, value);
        else if (key == QLatin1String("count"))
            rule.count = value;
        else if (key == QLatin1String("after"))
            rule.after = value;
        else if (key == QLatin1String("ms"))
            rule.ms = value;
        else if (key == QLatin1String("kb"))
            rule.kb = value;
        else {
            *error = QStringLiteral("unknown fault option '%1' in '%2'").arg(key, spec);
            return false;
        }
    }
    m_rules.push_back(rule);
    return true;
}

FaultPlan::Rule FaultPlan::next()
{
    const int n = ++m_requests;
    for (Rule& r : m_rules) {
        if (r.count && r.fired >= r.count) continue;
        if (r.fault == Fault::NoCaPolicy) continue; // applied to every page by the server, not per request
        if (n <= r.after || (n - r.after) % r.every != 0) continue;
        ++r.fired;
        ++m_fired[faultName(r.fault)];
        return r;
    }
    return {};
}

bool FaultPlan::caPolicyHidden() const
{
    for (const Rule& r : m_rules)
        if (r.fault == Fault::NoCaPolicy) return true;
    return false;
}

std::map<QString, int> FaultPlan::fired() const
{
    return m_fired;
}

} // namespace calens::emulator
