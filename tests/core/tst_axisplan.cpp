// SPDX-License-Identifier: MIT
// Chart axes: counts tick on whole numbers, times on round hours or days, and every value lies on the axis.
#include "query/axisplan.h"

#include <QTest>

using namespace calens;

class TestAxisPlan : public QObject
{
    Q_OBJECT
private slots:
    void counts();
    void times();
};

void TestAxisPlan::counts()
{
    for (uint64_t max : { 0ull, 1ull, 2ull, 3ull, 7ull, 10ull, 11ull, 87ull, 2000ull, 123456789ull }) {
        const CountAxis a = countAxis(max, 4);
        QVERIFY2(a.top >= std::max<uint64_t>(max, 1), qPrintable(QString::number(max)));
        QCOMPARE(a.top % a.step, 0ull); // every tick a whole multiple of the step
        QVERIFY(a.ticks() >= 2 && a.ticks() <= 5);
        QVERIFY(a.top - a.step < std::max<uint64_t>(max, 1)); // no empty interval on top
        const uint64_t lead = a.step / [](uint64_t s) {
            uint64_t p = 1;
            while (p * 10 <= s) p *= 10;
            return p;
        }(a.step);
        QVERIFY(lead == 1 || lead == 2 || lead == 5);
    }
    QCOMPARE(countAxis(2, 4).step, 1ull); // 0, 1, 2: never 0.5 labelled "0"
    QCOMPARE(countAxis(2, 4).top, 2ull);
}

void TestAxisPlan::times()
{
    constexpr int64_t kHour = 3600000, kDay = 24 * kHour;
    const int64_t oct1 = 1790812800000; // 2026-10-01T00:00:00Z
    struct Case
    {
        int64_t first, last;
        bool days;
    };
    for (const Case& c :
        { Case { oct1 + 1234, oct1 + 14 * kDay - 5, true }, Case { oct1 + 5 * kHour + 7, oct1 + 9 * kHour, false },
            Case { oct1 + 30 * 60000, oct1 + 30 * 60000, false }, Case { oct1, oct1 + 400 * kDay, true } }) {
        const TimeAxis a = timeAxis(c.first, c.last, 6);
        QVERIFY(a.startMs <= c.first && a.endMs > c.last);
        QCOMPARE(a.days, c.days);
        QCOMPARE(a.startMs % (a.days ? kDay : kHour), 0ll);
        QCOMPARE((a.endMs - a.startMs) % a.stepMs, 0ll);
        QVERIFY(a.ticks() >= 2 && a.ticks() <= 7);
    }
}

QTEST_GUILESS_MAIN(TestAxisPlan)
#include "tst_axisplan.moc"
