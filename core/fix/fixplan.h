// SPDX-License-Identifier: MIT
#pragma once

#include "blastradius.h"
#include "change.h"
#include "jsondiff.h"

#include <nlohmann/json.hpp>

#include <QString>
#include <QStringList>

#include <optional>

namespace calens::fix {

// A fix planned on the live object: what was read (and when it was last modified), the object after the
// change, the field-level diff, the request that sends it, what it does to the sign-ins at hand, and the
// warnings. Written with --plan-out and applied exactly with --plan.
struct FixPlan
{
    std::string fixId;
    QString title;
    Change change;
    QString apiVersion = QString::fromLatin1(kObjectApiVersion);
    std::string liveModifiedDateTime; // of the object read; apply refuses when the live one differs
    nlohmann::json before, after; // the live object, and it with the change
    std::vector<FieldChange> diff;
    QString method = QStringLiteral("PATCH");
    QString url; // relative to the Graph root: /beta/identity/conditionalAccess/policies/{id}
    nlohmann::json body;
    BlastRadius blast;
    QStringList warnings;
    QStringList why; // why this change rather than another (narrowest first)

    nlohmann::json toJson() const; // the contract's shape (calens fix --json) plus what --plan needs
    static std::optional<FixPlan> fromJson(const nlohmann::json& json, QString* error);
};

// "PATCH {graph}/beta/identity/conditionalAccess/policies/{id}": the object's URL path under the Graph root.
QString objectPath(const Change& change);

} // namespace calens::fix
