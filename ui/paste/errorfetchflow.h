// SPDX-License-Identifier: MIT
#pragma once

#include "diagnosis/errortext.h"
#include "graph/fetchoptions.h"

namespace calens {

class MainWindow;

// "Fetch from the tenant…" of a pasted error: the Connect dialog limited to the sign-ins behind the error; when they
// arrive, the one the error names is matched and the wizard opens on it. Sign-ins already loaded in `origin` stay
// where they are: the fetch then opens in a new window.
void fetchAndDiagnose(MainWindow* origin, const ErrorText& error, const graph::FetchOptions& only, const QString& what);

} // namespace calens
