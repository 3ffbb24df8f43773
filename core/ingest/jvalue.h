// SPDX-License-Identifier: MIT
#pragma once

#include "parsescope.h"

#include <cstdint>
#include <string_view>

namespace calens {

// A value as a reader meets it: a simdjson on-demand value, or text (a CSV cell, a JSON string that
// holds JSON, a PowerShell "@{Key=Value}" rendering). Readers ask for what they expect and JVal
// converts leniently; nested JSON inside text is parsed on demand.
class JVal
{
public:
    enum class Kind
    {
        Null,
        Bool,
        Number,
        String,
        Object,
        Array,
        Error
    };

    JVal(simdjson::ondemand::value v, ParseScope& scope, int depth, bool stable = true)
        : m_json(v)
        , m_scope(&scope)
        , m_depth(depth)
        , m_stable(stable)
    { }
    JVal(std::string_view text, ParseScope& scope, int depth, bool stable)
        : m_text(text)
        , m_scope(&scope)
        , m_depth(depth)
        , m_isText(true)
        , m_stable(stable)
    { }

    Kind kind();
    // The value as text: strings unescaped, numbers and booleans as written, null as empty.
    // Valid until the record is stored.
    std::string_view str();
    bool toInt(int64_t& out);
    bool toBool(bool& out);
    bool isTypeNameOnly(); // text like "Microsoft.Graph.PowerShell.Models.X" or "System.Object[]"

    // Calls f(key, JVal) for each member. Text holding a JSON object or "@{K=V; ...}" counts as an object.
    // Returns false when the value is not object-like (null counts as an empty object).
    template<typename F> bool fields(F&& f);
    // Calls f(JVal) for each element. Text holding a JSON array counts. Returns false when not array-like.
    template<typename F> bool elements(F&& f);

private:
    std::string_view stable(std::string_view s) { return m_stable ? s : m_scope->arena.copy(s); }
    std::string_view readStr();
    template<bool WantObject, typename F> bool nestedDocument(F&& f);
    template<typename F> bool powershellPairs(F&& f);

    simdjson::ondemand::value m_json;
    std::string_view m_text;
    ParseScope* m_scope;
    int m_depth;
    bool m_isText = false;
    bool m_consumed = false; // a container already walked by fields()/elements(): On Demand cannot read it again
    bool m_stable = true; // text/strings stay valid until the record is stored without copying
    bool m_haveStr = false;
    std::string_view m_str; // what str() returned, so a value is unescaped once however often it is read
};

template<typename F> bool JVal::fields(F&& f)
{
    if (m_isText) {
        std::string_view t = m_text;
        while (!t.empty() && (t.front() == ' ' || t.front() == '\n' || t.front() == '\r' || t.front() == '\t'))
            t.remove_prefix(1);
        if (t.empty()) return true;
        if (t.front() == '{') return nestedDocument<true>(f);
        if (t.size() > 2 && t[0] == '@' && t[1] == '{') return powershellPairs(f);
        return false;
    }
    if (m_consumed || m_scope->error) return false;
    simdjson::ondemand::json_type type;
    if (auto e = m_json.type().get(type)) {
        m_scope->fail(e);
        return false;
    }
    if (type == simdjson::ondemand::json_type::null) return true;
    if (type == simdjson::ondemand::json_type::string) {
        const std::string_view s = str(); // once: see str()
        if (m_scope->error) return false;
        JVal inner(s, *m_scope, m_depth, m_stable);
        return inner.fields(f);
    }
    if (type != simdjson::ondemand::json_type::object) return false;
    simdjson::ondemand::object obj;
    if (auto e = m_json.get_object().get(obj)) {
        m_scope->fail(e);
        return false;
    }
    m_consumed = true;
    for (auto field : obj) {
        std::string_view key;
        if (auto e = field.unescaped_key().get(key)) {
            m_scope->fail(e);
            return false;
        }
        simdjson::ondemand::value v;
        if (auto e = field.value().get(v)) {
            m_scope->fail(e);
            return false;
        }
        JVal jv(v, *m_scope, m_depth, m_stable);
        f(key, jv);
        if (m_scope->error) return false;
    }
    return true;
}

template<typename F> bool JVal::elements(F&& f)
{
    if (m_isText) {
        std::string_view t = m_text;
        while (!t.empty() && (t.front() == ' ' || t.front() == '\n' || t.front() == '\r' || t.front() == '\t'))
            t.remove_prefix(1);
        if (t.empty()) return true;
        if (t.front() == '[') return nestedDocument<false>(f);
        return false;
    }
    if (m_consumed || m_scope->error) return false;
    simdjson::ondemand::json_type type;
    if (auto e = m_json.type().get(type)) {
        m_scope->fail(e);
        return false;
    }
    if (type == simdjson::ondemand::json_type::null) return true;
    if (type == simdjson::ondemand::json_type::string) {
        const std::string_view s = str(); // once: see str()
        if (m_scope->error) return false;
        JVal inner(s, *m_scope, m_depth, m_stable);
        return inner.elements(f);
    }
    if (type != simdjson::ondemand::json_type::array) return false;
    simdjson::ondemand::array arr;
    if (auto e = m_json.get_array().get(arr)) {
        m_scope->fail(e);
        return false;
    }
    m_consumed = true;
    for (auto element : arr) {
        simdjson::ondemand::value v;
        if (auto e = element.get(v)) {
            m_scope->fail(e);
            return false;
        }
        JVal jv(v, *m_scope, m_depth, m_stable);
        f(jv);
        if (m_scope->error) return false;
    }
    return true;
}

template<bool WantObject, typename F> bool JVal::nestedDocument(F&& f)
{
    if (m_depth >= ParseScope::kMaxNesting) return false;
    std::string& buf = m_scope->padded[size_t(m_depth)];
    buf.assign(m_text);
    buf.append(simdjson::SIMDJSON_PADDING, ' ');
    simdjson::ondemand::document doc;
    auto& parser = m_scope->parsers[size_t(m_depth)];
    if (parser.iterate(simdjson::padded_string_view(buf.data(), m_text.size(), buf.size())).get(doc)) return false;
    simdjson::ondemand::value root;
    if (doc.get_value().get(root)) return false;
    // Strings of this document live in a parser that the next nested value reuses: copy them.
    JVal inner(root, *m_scope, m_depth + 1);
    inner.m_stable = false;
    const simdjson::error_code before = m_scope->error;
    bool ok;
    if constexpr (WantObject)
        ok = inner.fields(f);
    else
        ok = inner.elements(f);
    if (!before && m_scope->error) {
        // Bad JSON inside a string is that field's problem, not the record's: forget it and report "not object-like".
        m_scope->error = before;
        return false;
    }
    return ok;
}

template<typename F> bool JVal::powershellPairs(F&& f)
{
    // "@{ErrorCode=53003; FailureReason=Access has been blocked; AdditionalDetails=}"
    std::string_view t = m_text;
    t.remove_prefix(t.find('{') + 1);
    if (!t.empty() && t.back() == '}') t.remove_suffix(1);
    while (!t.empty()) {
        int depth = 0;
        size_t end = 0;
        for (; end < t.size(); ++end) {
            const char c = t[end];
            if (c == '{') ++depth;
            if (c == '}') --depth;
            if (c == ';' && depth <= 0) break;
        }
        std::string_view pair = t.substr(0, end);
        while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
        const size_t eq = pair.find('=');
        if (eq != std::string_view::npos) {
            JVal v(pair.substr(eq + 1), *m_scope, m_depth + 1, m_stable);
            f(pair.substr(0, eq), v);
        }
        t.remove_prefix(std::min(end + 1, t.size()));
    }
    return true;
}

} // namespace calens
