// SPDX-License-Identifier: MIT
#include "flowchart.h"

#include <QFile>

#include <nlohmann/json.hpp>

namespace calens {

namespace {

using json = nlohmann::json;

std::string str(const json& j, const char* key)
{
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const json& section(const json& j, const char* key)
{
    static const json empty = json::object();
    auto it = j.find(key);
    return it != j.end() && it->is_object() ? *it : empty;
}

std::optional<Flowchart::Branch> branch(const json& step, const char* key)
{
    auto it = step.find(key);
    if (it == step.end()) return std::nullopt;
    Flowchart::Branch b;
    if (it->is_string()) {
        b.next = it->get<std::string>();
    } else if (it->is_object()) {
        b.cause = str(*it, "cause");
        b.confidence = it->value("confidence", 0.5);
    }
    return b;
}

} // namespace

std::optional<Flowchart> Flowchart::parse(const std::string& text, QString* error)
{
    // Edited data may have a wrong type anywhere (a confidence in quotes, a code that is not a number):
    // that is a message about the file, never a crash.
    try {
        return parseChecked(text, error);
    } catch (const std::exception& e) {
        if (error)
            *error = QStringLiteral("the flowchart has a value of the wrong type: %1").arg(QString::fromUtf8(e.what()));
        return std::nullopt;
    }
}

std::optional<Flowchart> Flowchart::parseChecked(const std::string& text, QString* error)
{
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        if (error) *error = QStringLiteral("the flowchart is not valid JSON");
        return std::nullopt;
    }
    Flowchart f;
    f.start = str(j, "start");
    f.policyStart = str(j, "policyStart");
    for (auto& [id, s] : section(j, "steps").items()) {
        Step step { id, str(s, "question"), str(s, "label"), str(s, "fact"), str(s, "help"), branch(s, "yes"),
            branch(s, "no"), branch(s, "unknown") };
        f.steps.emplace(id, std::move(step));
    }
    for (auto& [id, c] : section(j, "causes").items())
        f.causes.emplace(
            id, Cause { str(c, "title"), str(c, "summary"), c.value("fixes", std::vector<std::string>()) });
    for (auto& [code, c] : section(j, "codes").items())
        f.codes.emplace(std::stoi(code),
            Code { str(c, "name"), str(c, "text"), str(c, "cause"), c.value("conditionalAccess", false),
                c.value("confidence", 0.0) });
    for (auto& [id, x] : section(j, "fixes").items())
        f.fixes.emplace(id, Fix { str(x, "title"), str(x, "portal"), str(x, "verify"), str(x, "tab") });
    for (auto& [id, n] : section(j, "notes").items())
        if (n.is_string()) f.notes.emplace(id, n.get<std::string>());

    // Every path must end: unknown targets are an error in the data, reported with the step.
    auto check = [&](const std::optional<Branch>& b) -> bool {
        if (!b) return true;
        if (!b->next.empty()) return b->next == "@policy" || f.steps.count(b->next);
        return b->cause == "code-hint" || f.causes.count(b->cause);
    };
    for (const auto& [id, s] : f.steps) {
        if (!check(s.yes) || !check(s.no) || !check(s.unknown) || (!s.yes && !s.no)) {
            if (error) *error = QStringLiteral("step '%1' leads nowhere").arg(QString::fromStdString(id));
            return std::nullopt;
        }
    }
    for (const auto& [code, c] : f.codes)
        if (!f.causes.count(c.cause)) {
            if (error)
                *error = QStringLiteral("code %1 names an unknown cause '%2'")
                             .arg(code)
                             .arg(QString::fromStdString(c.cause));
            return std::nullopt;
        }
    for (const auto& [id, c] : f.causes)
        for (const auto& fix : c.fixes)
            if (!f.fixes.count(fix)) {
                if (error)
                    *error = QStringLiteral("cause '%1' names an unknown fix '%2'")
                                 .arg(QString::fromStdString(id), QString::fromStdString(fix));
                return std::nullopt;
            }
    if (!f.steps.count(f.start) || !f.steps.count(f.policyStart)) {
        if (error) *error = QStringLiteral("the start steps are missing");
        return std::nullopt;
    }
    return f;
}

std::optional<Flowchart> Flowchart::load(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return parse(file.readAll().toStdString(), error);
}

const Flowchart& Flowchart::builtIn()
{
    static const Flowchart chart = [] {
        QString error;
        auto f = load(QStringLiteral(":/calens/diagnosis/flowchart.json"), &error);
        if (!f) qFatal("built-in flowchart: %s", qPrintable(error)); // a build defect, caught by the tests
        return *f;
    }();
    return chart;
}

} // namespace calens
