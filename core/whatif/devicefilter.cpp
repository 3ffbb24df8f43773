// SPDX-License-Identifier: MIT
#include "devicefilter.h"

#include <algorithm>
#include <cctype>

namespace calens::whatif {

namespace {

enum class Op : uint8_t
{
    Eq,
    Ne,
    StartsWith,
    NotStartsWith,
    EndsWith,
    NotEndsWith,
    Contains,
    NotContains,
    In,
    NotIn
};

struct OpName
{
    const char* name;
    Op op;
};
constexpr OpName kOps[] = { { "eq", Op::Eq }, { "ne", Op::Ne }, { "startswith", Op::StartsWith },
    { "notstartswith", Op::NotStartsWith }, { "endswith", Op::EndsWith }, { "notendswith", Op::NotEndsWith },
    { "contains", Op::Contains }, { "notcontains", Op::NotContains }, { "in", Op::In }, { "notin", Op::NotIn } };

bool negative(Op op)
{
    return op == Op::Ne || op == Op::NotStartsWith || op == Op::NotEndsWith || op == Op::NotContains || op == Op::NotIn;
}

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

struct DeviceFilter::Node
{
    enum class Kind : uint8_t
    {
        And,
        Or,
        Compare
    };
    Kind kind = Kind::Compare;
    std::shared_ptr<const Node> left, right; // And / Or
    std::string property; // Compare: lower case, without "device."
    Op op = Op::Eq;
    std::vector<std::string> values; // lower case
};

namespace {

using NodePtr = std::shared_ptr<const DeviceFilter::Node>;
using Node = DeviceFilter::Node;

// Recursive descent with an explicit depth limit: or := and ("-or" and)*; and := primary ("-and" primary)*;
// primary := "(" or ")" | comparison.
class Parser
{
public:
    explicit Parser(std::string_view text)
        : m_s(text)
    { }

    NodePtr parseAll(std::string* error)
    {
        NodePtr n = parseOr(0);
        if (n) {
            skipSpace();
            if (m_pos != m_s.size()) fail("unexpected text");
        }
        if (!m_error.empty()) {
            *error = m_error + " at position " + std::to_string(m_pos + 1);
            return nullptr;
        }
        return n;
    }

private:
    std::string_view m_s;
    size_t m_pos = 0;
    std::string m_error;

    NodePtr fail(const std::string& why)
    {
        if (m_error.empty()) m_error = why;
        return nullptr;
    }
    void skipSpace()
    {
        while (m_pos < m_s.size() && std::isspace(static_cast<unsigned char>(m_s[m_pos]))) ++m_pos;
    }
    // A "-word" keyword (case-insensitive); consumed only when it matches.
    bool keyword(std::string_view word)
    {
        skipSpace();
        if (m_pos >= m_s.size() || m_s[m_pos] != '-') return false;
        size_t end = m_pos + 1;
        while (end < m_s.size() && std::isalpha(static_cast<unsigned char>(m_s[end]))) ++end;
        if (lower(m_s.substr(m_pos + 1, end - m_pos - 1)) != word) return false;
        m_pos = end;
        return true;
    }
    NodePtr join(Node::Kind kind, NodePtr l, NodePtr r)
    {
        auto n = std::make_shared<Node>();
        n->kind = kind;
        n->left = std::move(l);
        n->right = std::move(r);
        return n;
    }
    NodePtr parseOr(int depth)
    {
        NodePtr l = parseAnd(depth);
        while (l && keyword("or")) {
            NodePtr r = parseAnd(depth);
            if (!r) return nullptr;
            l = join(Node::Kind::Or, l, r);
        }
        return l;
    }
    NodePtr parseAnd(int depth)
    {
        NodePtr l = parsePrimary(depth);
        while (l && keyword("and")) {
            NodePtr r = parsePrimary(depth);
            if (!r) return nullptr;
            l = join(Node::Kind::And, l, r);
        }
        return l;
    }
    NodePtr parsePrimary(int depth)
    {
        skipSpace();
        if (m_pos >= m_s.size()) return fail("expected a comparison");
        if (m_s[m_pos] == '(') {
            if (depth + 1 > DeviceFilter::kMaxDepth) return fail("parentheses nested too deeply");
            ++m_pos;
            NodePtr n = parseOr(depth + 1);
            if (!n) return nullptr;
            skipSpace();
            if (m_pos >= m_s.size() || m_s[m_pos] != ')') return fail("expected ')'");
            ++m_pos;
            return n;
        }
        return parseComparison();
    }
    NodePtr parseComparison()
    {
        const size_t start = m_pos;
        while (m_pos < m_s.size()
            && (std::isalnum(static_cast<unsigned char>(m_s[m_pos])) || m_s[m_pos] == '.' || m_s[m_pos] == '_'))
            ++m_pos;
        const std::string name = lower(m_s.substr(start, m_pos - start));
        if (name.size() <= 7 || name.compare(0, 7, "device.") != 0) {
            m_pos = start;
            return fail("expected device.<property>");
        }
        auto n = std::make_shared<Node>();
        n->property = name.substr(7);
        if (n->property == "devicephysicalids") n->property = "physicalids";
        if (n->property.find('.') != std::string::npos) return fail("unknown property '" + name + "'");
        skipSpace();
        if (m_pos >= m_s.size() || m_s[m_pos] != '-') return fail("expected an operator");
        bool found = false;
        for (const OpName& o : kOps) {
            const size_t save = m_pos;
            if (keyword(o.name)) {
                n->op = o.op;
                found = true;
                break;
            }
            m_pos = save;
        }
        if (!found) return fail("unknown operator");
        skipSpace();
        if (n->op == Op::In || n->op == Op::NotIn) {
            if (m_pos >= m_s.size() || m_s[m_pos] != '[') return fail("expected '[' after -in/-notIn");
            ++m_pos;
            for (;;) {
                skipSpace();
                std::string v;
                if (!value(&v)) return fail("expected a value in the list");
                n->values.push_back(lower(v));
                skipSpace();
                if (m_pos < m_s.size() && m_s[m_pos] == ',') {
                    ++m_pos;
                    continue;
                }
                if (m_pos < m_s.size() && m_s[m_pos] == ']') {
                    ++m_pos;
                    break;
                }
                return fail("expected ',' or ']'");
            }
        } else {
            std::string v;
            if (!value(&v)) return fail("expected a value");
            n->values.push_back(lower(v));
        }
        return n;
    }
    // "quoted", 'quoted' or a bare word (True, False, 10.0).
    bool value(std::string* out)
    {
        if (m_pos >= m_s.size()) return false;
        const char q = m_s[m_pos];
        if (q == '"' || q == '\'') {
            const size_t end = m_s.find(q, m_pos + 1);
            if (end == std::string_view::npos) return false;
            *out = std::string(m_s.substr(m_pos + 1, end - m_pos - 1));
            m_pos = end + 1;
            return true;
        }
        const size_t start = m_pos;
        while (m_pos < m_s.size()
            && (std::isalnum(static_cast<unsigned char>(m_s[m_pos])) || m_s[m_pos] == '.' || m_s[m_pos] == '_'
                || m_s[m_pos] == ':'))
            ++m_pos;
        if (m_pos == start) return false;
        *out = std::string(m_s.substr(start, m_pos - start));
        return true;
    }
};

bool ends(const std::string& s, const std::string& p)
{
    return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

Tri compare(const Node& n, const PropertyLookup& lookup)
{
    const PropertyValue v = lookup(n.property);
    if (v.kind == PropertyValue::Kind::Unknown) return Tri::Unknown;
    if (v.kind == PropertyValue::Kind::Null) return triOf(negative(n.op));
    const std::string s = lower(v.value);
    const std::string& first = n.values.front();
    bool hit = false;
    switch (n.op) {
    case Op::Eq:
    case Op::Ne:
        hit = s == first;
        break;
    case Op::StartsWith:
    case Op::NotStartsWith:
        hit = s.compare(0, first.size(), first) == 0;
        break;
    case Op::EndsWith:
    case Op::NotEndsWith:
        hit = ends(s, first);
        break;
    case Op::Contains:
    case Op::NotContains:
        hit = s.find(first) != std::string::npos;
        break;
    case Op::In:
    case Op::NotIn:
        hit = std::find(n.values.begin(), n.values.end(), s) != n.values.end();
        break;
    }
    return triOf(negative(n.op) ? !hit : hit);
}

// Depth is bounded by the parser (kMaxDepth parentheses), but -and/-or chains are left-deep:
// walk them with an explicit stack instead of recursing.
Tri eval(const Node& root, const PropertyLookup& lookup)
{
    struct Frame
    {
        const Node* node;
        int stage;
        Tri left;
    };
    std::vector<Frame> stack { { &root, 0, Tri::No } };
    Tri result = Tri::No;
    while (!stack.empty()) {
        Frame& f = stack.back();
        if (f.node->kind == Node::Kind::Compare) {
            result = compare(*f.node, lookup);
            stack.pop_back();
            continue;
        }
        if (f.stage == 0) {
            f.stage = 1;
            stack.push_back({ f.node->left.get(), 0, Tri::No });
        } else if (f.stage == 1) {
            f.left = result;
            const bool isAnd = f.node->kind == Node::Kind::And;
            if ((isAnd && result == Tri::No) || (!isAnd && result == Tri::Yes)) { // short circuit
                stack.pop_back();
                continue;
            }
            f.stage = 2;
            stack.push_back({ f.node->right.get(), 0, Tri::No });
        } else {
            result = f.node->kind == Node::Kind::And ? triAnd(f.left, result) : triOr(f.left, result);
            stack.pop_back();
        }
    }
    return result;
}

} // namespace

DeviceFilter DeviceFilter::parse(std::string_view rule)
{
    DeviceFilter f;
    if (rule.size() > kMaxLength) {
        f.m_error = "rule longer than " + std::to_string(kMaxLength) + " characters";
        return f;
    }
    Parser p(rule);
    f.m_root = p.parseAll(&f.m_error);
    if (!f.m_root && f.m_error.empty()) f.m_error = "empty rule";
    return f;
}

std::vector<std::string> DeviceFilter::properties() const
{
    std::vector<std::string> out;
    if (!m_root) return out;
    std::vector<const Node*> stack { m_root.get() };
    while (!stack.empty()) {
        const Node* n = stack.back();
        stack.pop_back();
        if (n->kind == Node::Kind::Compare) {
            if (std::find(out.begin(), out.end(), n->property) == out.end()) out.push_back(n->property);
        } else {
            stack.push_back(n->right.get());
            stack.push_back(n->left.get());
        }
    }
    return out;
}

Tri DeviceFilter::evaluate(const PropertyLookup& lookup) const
{
    if (!m_root) return Tri::Unknown;
    return eval(*m_root, lookup);
}

} // namespace calens::whatif
