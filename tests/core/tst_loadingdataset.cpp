// SPDX-License-Identifier: MIT
// A dataset read while it is written (the rows shown while a file loads): the append-only storage keeps
// every value in place, and a prefix read during the load answers exactly as the finished dataset does.
#include "model/appendonly.h"
#include "model/signinref.h"
#include "query/aggregate.h"
#include "query/filterengine.h"
#include "query/rowsort.h"
#include "synth/synthesize.h"

#include <QTest>

#include <atomic>
#include <thread>

using namespace calens;

class TestLoadingDataset : public QObject
{
    Q_OBJECT
private slots:
    void appendOnlyKeepsValuesInPlace();
    void runsAreContiguous();
    void prefixReadWhileLoadingAgreesWithTheFinishedDataset();
};

void TestLoadingDataset::appendOnlyKeepsValuesInPlace()
{
    AppendOnly<uint64_t> v;
    QVERIFY(v.empty());
    std::atomic<bool> done { false };
    std::atomic<size_t> wrong { 0 }, seen { 0 };
    std::thread reader([&] {
        const uint64_t* firstAddress = nullptr;
        while (!done) {
            const size_t n = v.size();
            if (n == 0) continue;
            if (!firstAddress) firstAddress = &v[0];
            wrong += &v[0] != firstAddress; // never moves
            for (size_t i = n > 1000 ? n - 1000 : 0; i < n; ++i) wrong += v.load(i) != i * 3;
            seen = n;
        }
    });
    for (uint64_t i = 0; i < 2'000'000; ++i) v.push_back(i * 3);
    done = true;
    reader.join();
    QCOMPARE(wrong.load(), size_t(0));
    QVERIFY(seen > 0);
    QCOMPARE(v.size(), size_t(2'000'000));
    for (size_t i = 0; i < v.size(); i += 4999) QCOMPARE(v[i], uint64_t(i * 3));
    v.set(17, 5);
    QCOMPARE(v.load(17), uint64_t(5));
    QVERIFY(v.bytesReserved() >= v.size() * sizeof(uint64_t));
    QVERIFY(v.bytesReserved() <= v.size() * sizeof(uint64_t) * 2 + 4096); // at most the unused half of a chunk
}

void TestLoadingDataset::runsAreContiguous()
{
    AppendOnly<uint32_t> v;
    for (uint32_t i = 0; i < 200; ++i) v.push_back(i);
    // 100 values do not fit in the 56 left in the first chunk: the run starts in the next one.
    const size_t first = v.appendRun(100);
    QVERIFY(first >= 200);
    for (size_t i = 0; i < 100; ++i) QCOMPARE(v.run(first) + i, &v[first + i]);
    QCOMPARE(v.size(), first + 100);
    QCOMPARE(v[first + 99], 0u);
    const size_t big = v.appendRun(5000); // longer than the next chunk too
    for (size_t i = 0; i < 5000; ++i) QCOMPARE(v.run(big) + i, &v[big + i]);
    QCOMPARE(v.appendRun(0), v.size());
    for (uint32_t i = 0; i < 200; ++i) QCOMPARE(v[i], i); // what was there stays
}

void TestLoadingDataset::prefixReadWhileLoadingAgreesWithTheFinishedDataset()
{
    Dataset d;
    std::atomic<bool> done { false };
    std::thread writer([&] {
        SynthOptions o;
        o.signIns = 6000;
        synthesize(o, d);
        done = true;
    });
    struct Seen
    {
        uint32_t count;
        std::vector<uint32_t> rows;
    };
    std::vector<Seen> answers;
    const Filter filter = parseFilter(QStringLiteral("svc- -error:0 policy:ca0 result:failure"));
    const Filter text = parseFilter(QStringLiteral("contoso"));
    SearchIndex index;
    while (!done || answers.empty()) {
        const auto count = uint32_t(d.signInCount());
        index.extend(d);
        std::vector<uint32_t> rows = applyFilter(d, index, filter, nullptr, 0, count);
        std::vector<uint32_t> byText = applyFilter(d, index, text, nullptr, 0, count);
        QVERIFY(sortRows(d, index, byText, SignInColumn::Identity, false));
        QVERIFY(std::all_of(byText.begin(), byText.end(), [&](uint32_t r) { return r < count; }));
        timeline(d, byText);
        topBy(d, byText, Dimension::FailingPolicy, 5);
        answers.push_back({ count, std::move(rows) });
    }
    writer.join();
    QVERIFY(answers.size() > 1);
    const SearchIndex finished(d);
    const std::vector<uint32_t> all = applyFilter(d, finished, filter);
    QVERIFY(!all.empty());
    for (const Seen& s : answers) {
        std::vector<uint32_t> expected;
        for (const uint32_t r : all)
            if (r < s.count) expected.push_back(r);
        QCOMPARE(s.rows, expected);
    }
}

QTEST_GUILESS_MAIN(TestLoadingDataset)
#include "tst_loadingdataset.moc"
