// SPDX-License-Identifier: MIT
// libFuzzer: one reader with a fixed format (FUZZ_FORMAT, FUZZ_SHAPE), so every input exercises it; or,
// without them, the whole path a file takes (gzip / UTF-16 sniffing, detection, the reader it picks).
#include "ingest/csvreader.h"
#include "ingest/ingestjob.h"
#include "ingest/jsonreader.h"
#include "ingest/memorysource.h"
#include "model/dataset.h"

#include <QByteArray>

using namespace calens;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    Dataset dataset;
    IngestJob job(dataset);
#ifdef FUZZ_FORMAT
    Detection detection;
    detection.format = Format::FUZZ_FORMAT;
    detection.shape = JsonShape::FUZZ_SHAPE;
    InputReport report;
    report.path = QStringLiteral("fuzz");
    MemorySource source(bytes);
    if (detection.format == Format::PortalCsv || detection.format == Format::LaCsv) {
        CsvReader reader(source, job, report, detection, SignInType::Unknown);
        reader.read();
    } else {
        JsonReader reader(source, job, report, detection, SignInType::Unknown);
        reader.read();
    }
    job.finish();
#else
    job.readBuffer(bytes, QStringLiteral("fuzz"));
#endif
    return 0;
}
