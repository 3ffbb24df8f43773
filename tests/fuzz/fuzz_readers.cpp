// SPDX-License-Identifier: MIT
// libFuzzer: one reader with a fixed format (FUZZ_FORMAT, FUZZ_SHAPE), so every input exercises it; or,
// without them, the whole path a file takes (gzip / UTF-16 sniffing, detection, the reader it picks).
// Only IngestJob is touched from here: the readers' own headers pull in simdjson, whose classes must be
// compiled exactly as in calens_core.
#include "ingest/ingestjob.h"
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
    job.readBuffer(bytes, QStringLiteral("fuzz"), detection);
#else
    job.readBuffer(bytes, QStringLiteral("fuzz"));
#endif
    return 0;
}
