// SPDX-License-Identifier: MIT
#include "jvalue.h"

#include <charconv>

namespace calens {

namespace {
std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}
} // namespace

JVal::Kind JVal::kind()
{
    if (m_isText) return Kind::String;
    if (m_consumed || m_scope->error) return Kind::Error;
    simdjson::ondemand::json_type type;
    if (auto e = m_json.type().get(type)) {
        m_scope->fail(e);
        return Kind::Error;
    }
    switch (type) {
    case simdjson::ondemand::json_type::array:
        return Kind::Array;
    case simdjson::ondemand::json_type::object:
        return Kind::Object;
    case simdjson::ondemand::json_type::number:
        return Kind::Number;
    case simdjson::ondemand::json_type::string:
        return Kind::String;
    case simdjson::ondemand::json_type::boolean:
        return Kind::Bool;
    case simdjson::ondemand::json_type::null:
        return Kind::Null;
    }
    return Kind::Error;
}

std::string_view JVal::str()
{
    // On Demand unescapes a string into the parser's buffer on every read; that buffer is sized for one
    // read of each string of the document, so a second read of the same value could run past it.
    if (!m_haveStr) {
        m_str = readStr();
        m_haveStr = true;
    }
    return m_str;
}

std::string_view JVal::readStr()
{
    if (m_isText) return stable(m_text);
    switch (kind()) {
    case Kind::String: {
        std::string_view s;
        if (auto e = m_json.get_string().get(s)) {
            m_scope->fail(e);
            return {};
        }
        return stable(s);
    }
    case Kind::Number:
    case Kind::Bool:
        return stable(trim(m_json.raw_json_token()));
    case Kind::Object:
    case Kind::Array: {
        // Where text is expected but structure arrives, keep the JSON as written.
        std::string_view raw;
        simdjson::error_code e;
        if (kind() == Kind::Object) {
            simdjson::ondemand::object o;
            e = m_json.get_object().get(o);
            if (!e) e = o.raw_json().get(raw);
        } else {
            simdjson::ondemand::array a;
            e = m_json.get_array().get(a);
            if (!e) e = a.raw_json().get(raw);
        }
        if (e) {
            m_scope->fail(e);
            return {};
        }
        return stable(trim(raw));
    }
    case Kind::Null:
    case Kind::Error:
        break;
    }
    return {};
}

bool JVal::toInt(int64_t& out)
{
    if (!m_isText && (m_consumed || m_scope->error)) return false;
    if (!m_isText && kind() == Kind::Number) {
        if (m_json.get_int64().get(out) == simdjson::SUCCESS) return true;
        double d;
        if (m_json.get_double().get(d) == simdjson::SUCCESS && d > -9.2e18 && d < 9.2e18) {
            out = int64_t(d);
            return true;
        }
        return false;
    }
    std::string_view s = trim(m_isText ? m_text : str());
    if (s.empty()) return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

bool JVal::toBool(bool& out)
{
    if (!m_isText && (m_consumed || m_scope->error)) return false;
    if (!m_isText && kind() == Kind::Bool) return m_json.get_bool().get(out) == simdjson::SUCCESS;
    std::string_view s = trim(m_isText ? m_text : str());
    if (s == "true" || s == "True" || s == "TRUE" || s == "1" || s == "Yes" || s == "yes") {
        out = true;
        return true;
    }
    if (s == "false" || s == "False" || s == "FALSE" || s == "0" || s == "No" || s == "no") {
        out = false;
        return true;
    }
    return false;
}

bool JVal::isTypeNameOnly()
{
    std::string_view s = trim(m_isText ? m_text : (kind() == Kind::String ? str() : std::string_view()));
    if (s.size() < 8 || s.find('.') == std::string_view::npos) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
                || c == '[' || c == ']' || c == ' ' || c == '`'))
            return false;
    return s.starts_with("System.") || s.starts_with("Microsoft.") || s.find("Models.") != std::string_view::npos;
}

} // namespace calens
