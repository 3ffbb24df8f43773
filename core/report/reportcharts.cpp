// SPDX-License-Identifier: MIT
#include "reportcharts.h"

#include "diagnosis/incidentwords.h"
#include "diagnosis/words.h"

#include "incidentsection.h"

#include "diagnosis/incident.h"
#include "model/signinref.h"

#include <algorithm>
#include <map>

namespace calens {

namespace {

constexpr size_t kMaxBars = 8;

QString str(const SignInRef& s, SF f)
{
    const std::string_view v = s.str(f);
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

// Biggest first, ties by name; the tail beyond kMaxBars is summed into one "other" bar.
ReportChart bars(const QString& id, const QString& title, const std::map<QString, double>& counts)
{
    std::vector<std::pair<QString, double>> sorted(counts.begin(), counts.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    ReportChart c;
    c.id = id;
    c.title = title;
    double rest = 0;
    size_t restCount = 0;
    for (size_t i = 0; i < sorted.size(); ++i) {
        if (i + 1 < kMaxBars || sorted.size() == kMaxBars) {
            c.labels << sorted[i].first;
            c.values.push_back(sorted[i].second);
        } else {
            rest += sorted[i].second;
            ++restCount;
        }
    }
    if (restCount) {
        c.labels << QStringLiteral("%1 others").arg(restCount);
        c.values.push_back(rest);
    }
    return c;
}

int64_t bucketFor(int64_t span)
{
    constexpr int64_t hour = 3600 * 1000;
    for (int64_t b : { hour, 3 * hour, 6 * hour, 12 * hour, 24 * hour, 7 * 24 * hour })
        if (span / b < 48) return b;
    return 30 * 24 * hour;
}

QString identityOf(const SignInRef& s)
{
    for (SF f :
        { SF::UserPrincipalName, SF::UserDisplayName, SF::ServicePrincipalName, SF::UserId, SF::ServicePrincipalId })
        if (!s.str(f).empty()) return str(s, f);
    return QStringLiteral("(unknown)");
}

} // namespace

void addCharts(
    ReportModel& m, const Dataset& d, const std::vector<Incident>& incidents, int64_t firstMs, int64_t lastMs)
{
    const int64_t bucket = bucketFor(lastMs - firstMs);
    const int64_t start = firstMs - firstMs % bucket;
    const size_t buckets = size_t((lastMs - start) / bucket) + 1;
    ReportChart timeline;
    timeline.kind = ReportChart::Kind::Timeline;
    timeline.id = QStringLiteral("timeline");
    timeline.title = QStringLiteral("Blocked sign-ins per %1")
                         .arg(bucket < 24 * 3600 * 1000       ? QStringLiteral("%1 h").arg(bucket / 3600000)
                                 : bucket == 24 * 3600 * 1000 ? QStringLiteral("day")
                                                              : QStringLiteral("%1 days").arg(bucket / 86400000));
    timeline.values.assign(buckets, 0);
    for (size_t b = 0; b < buckets; ++b) timeline.labels << timeText(start + int64_t(b) * bucket).left(16);
    std::map<QString, double> byPolicy, byControl, byIdentity;
    for (const Incident& inc : incidents) {
        for (uint32_t row : inc.rows) {
            const int64_t t = d.signIn(row).createdMs();
            if (t != INT64_MIN) timeline.values[size_t((t - start) / bucket)] += 1;
            byIdentity[identityOf(d.signIn(row))] += 1;
        }
        byPolicy[inc.policyName.isEmpty() ? QStringLiteral("(no policy detail)") : inc.policyName] += double(inc.count);
        for (const QString& c : inc.unmetControls) byControl[controlWord(c)] += double(inc.count);
        if (inc.unmetControls.isEmpty()) byControl[QStringLiteral("(not logged)")] += double(inc.count);
    }
    m.charts.push_back(std::move(timeline));
    m.charts.push_back(bars(QStringLiteral("by-policy"), QStringLiteral("Blocked sign-ins by policy"), byPolicy));
    m.charts.push_back(
        bars(QStringLiteral("by-control"), QStringLiteral("Blocked sign-ins by unmet control"), byControl));
    m.charts.push_back(bars(QStringLiteral("by-identity"), QStringLiteral("Blocked sign-ins by identity"), byIdentity));
}

void addTables(ReportModel& m, const Dataset& d, const std::vector<Incident>& incidents)
{
    // One row per root cause; its identities are named when they are few, counted when they are many.
    m.overview.headers = QStringList { QStringLiteral("#"), QStringLiteral("Cause"), QStringLiteral("Policy"),
        QStringLiteral("Identities"), QStringLiteral("Applications"), QStringLiteral("Sign-ins"),
        QStringLiteral("First (UTC)"), QStringLiteral("Last (UTC)") };
    int n = 0;
    std::vector<uint32_t> rows;
    for (const Incident& i : incidents) {
        m.overview.rows.push_back({ QString::number(++n), causeTitle(i.cause), i.policyName, identitiesNamed(i, 2),
            appsInWords(i, 2), QString::number(i.count), timeText(i.firstMs).left(16), timeText(i.lastMs).left(16) });
        rows.insert(rows.end(), i.rows.begin(), i.rows.end());
    }
    std::sort(rows.begin(), rows.end(), [&d](uint32_t a, uint32_t b) {
        const int64_t ta = d.signIn(a).createdMs(), tb = d.signIn(b).createdMs();
        return ta != tb ? ta < tb : a < b;
    });
    m.appendix.headers
        = QStringList { QStringLiteral("Time (UTC)"), QStringLiteral("Identity"), QStringLiteral("Application"),
              QStringLiteral("IP address"), QStringLiteral("Correlation ID"), QStringLiteral("Request ID") };
    m.appendix.rows.reserve(rows.size());
    for (uint32_t row : rows) {
        const SignInRef s = d.signIn(row);
        const QString appName = s.str(SF::AppDisplayName).empty() ? str(s, SF::AppId) : str(s, SF::AppDisplayName);
        m.appendix.rows.push_back({ timeText(s.createdMs()), identityOf(s), appName, str(s, SF::IpAddress),
            str(s, SF::CorrelationId), str(s, SF::Id) });
    }
}

} // namespace calens
