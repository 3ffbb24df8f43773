// SPDX-License-Identifier: MIT
#pragma once

#include "export/outputfile.h"

#include <QString>

#include <string_view>
#include <vector>

namespace calens::la {

// The sign-ins fetched from a workspace, written as a Log Analytics query API response with the detail columns
// (detailColumns()), so `calens analyze`, `diagnose`, `report` and the window read it like any saved export.
// Rows stream to the file as they arrive; the file appears (atomically) only on commit().
class DetailFile
{
public:
    bool open(const QString& path, QString* error);
    void row(const std::vector<std::string_view>& cells); // raw JSON cells in detailColumns() order
    bool commit(QString* error);
    uint64_t rows() const { return m_rows; }

private:
    exporter::OutputFile m_file;
    uint64_t m_rows = 0;
    bool m_failed = false;
};

} // namespace calens::la
