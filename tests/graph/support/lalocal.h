// SPDX-License-Identifier: MIT
#pragma once

#include "la/lapipeline.h"
#include "la/laquery.h"
#include "model/dataset.h"

#include <QByteArray>
#include <QString>

#include <string>
#include <vector>

namespace calens::test {

// A Log Analytics workspace holding `tenant`'s sign-ins as the service would: each sign-in in its own table's
// columns only (a service-principal sign-in has no AppDisplayName, no DeviceDetail), in the query API's JSON with
// the detail columns. Read back with the ordinary reader it is "the files" the equivalence tests compare with.
QByteArray workspaceExport(const Dataset& tenant);

// The answer to `query` over `workspace`, computed by the test from CA Lens's own model of the sign-ins: what each
// pushed-down query asks, evaluated row by row on the cells the workspace holds (the emulator serves it; it never
// runs KQL). The same columns as the query's result.
std::string localAnswer(const Dataset& workspace, const la::LaQuery& query);

// Runs `pipeline` to the end on local answers and returns every query it asked (the roots, unsplit).
std::vector<la::LaQuery> runLocally(const Dataset& workspace, la::LaPipeline& pipeline);

// Writes the answer of each root query, and of every part split() can cut it into down to `depth` cuts, to `dir` as
// <sha256 of the text>.json: every query the client may send, whatever limits make it split. Returns the count.
int writeAnswers(const Dataset& workspace, const std::vector<la::LaQuery>& roots, const QString& dir, int depth);

} // namespace calens::test
