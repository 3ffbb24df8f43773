// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace calens {

// The diagnosis flowchart, read from resources/diagnosis/flowchart.json: questions, the fact each one
// reads, branches, causes, related error codes and fixes. The words live in the data, the logic in C++.
struct Flowchart
{
    struct Branch
    {
        std::string next; // a step id, "@policy" (walk each failing policy), or empty when it ends in a cause
        std::string cause;
        double confidence = 0;
    };
    struct Step
    {
        std::string id, question, label, fact, help; // label: a few words for the drawn path
        std::optional<Branch> yes, no, unknown;
    };
    struct Cause
    {
        std::string title, summary;
        std::vector<std::string> fixes;
    };
    struct Code
    {
        std::string name, text, cause;
        bool conditionalAccess = false;
        double confidence = 0; // how sure the code alone makes the cause; 0: the branch's confidence
    };
    struct Fix
    {
        std::string title, portal, verify;
        std::string tab; // a few words, whole on a tab (the title is the full sentence)
    };

    std::string start, policyStart;
    std::map<std::string, Step> steps;
    std::map<std::string, Cause> causes;
    std::map<int, Code> codes;
    std::map<std::string, Fix> fixes;
    std::map<std::string, std::string> notes;

    // The built-in flowchart (compiled in from resources/).
    static const Flowchart& builtIn();
    // Reads and checks a flowchart: every branch leads to a known step or cause, every cause's fixes exist.
    static std::optional<Flowchart> load(const QString& path, QString* error);
    static std::optional<Flowchart> parse(const std::string& json, QString* error);

private:
    static std::optional<Flowchart> parseChecked(const std::string& json, QString* error);
};

} // namespace calens
