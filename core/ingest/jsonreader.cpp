// SPDX-License-Identifier: MIT
#include "jsonreader.h"

#include "auditparser.h"
#include "directoryparser.h"
#include "ingestsink.h"
#include "jsonstream.h"
#include "legacytext.h"

namespace calens {

namespace {

bool isContainerKey(std::string_view k)
{
    return k == "value" || k == "records" || k == "signIns" || k == "policies" || k == "conditionalAccessPolicies"
        || k == "namedLocations" || k == "servicePrincipals" || k == "tables" || k == "Value" || k == "Records"
        || k == "directoryAudits";
}

QString whereAt(uint64_t offset)
{
    return QStringLiteral("record at byte %1").arg(offset);
}

QString errorText(simdjson::error_code e)
{
    switch (e) {
    case simdjson::DEPTH_ERROR:
        return QStringLiteral("nested deeper than 1024 levels");
    case simdjson::STRING_ERROR:
    case simdjson::UNCLOSED_STRING:
        return QStringLiteral("a string is not closed");
    case simdjson::UTF8_ERROR:
        return QStringLiteral("text that is not valid UTF-8");
    case simdjson::INCORRECT_TYPE:
        return QStringLiteral("a value of the wrong type");
    default:
        return QStringLiteral("not valid JSON (%1)").arg(QString::fromLatin1(simdjson::error_message(e)));
    }
}

} // namespace

JsonReader::JsonReader(
    ByteSource& source, IngestSink& sink, InputReport& report, const Detection& detection, SignInType typeHint)
    : m_source(source)
    , m_sink(sink)
    , m_report(report)
    , m_detection(detection)
    , m_typeHint(typeHint)
    , m_builder(m_draft)
{
    m_builder.setScope(&m_scope);
}

JsonReader::Kind JsonReader::kindOf(const std::vector<std::string>& path) const
{
    const Format f = m_detection.format;
    auto itemKind = [&]() {
        switch (f) {
        case Format::Policies:
            return Kind::Policy;
        case Format::NamedLocations:
            return Kind::NamedLocation;
        case Format::ServicePrincipals:
            return Kind::ServicePrincipal;
        case Format::LaPolicyRows:
            return Kind::PolicyRow;
        case Format::DirectoryAudits:
            return Kind::Audit;
        default:
            return Kind::SignIn;
        }
    };
    if (path.empty()) return itemKind();
    if (path.size() == 1) {
        if (path[0] == "*") return f == Format::GraphJson ? Kind::Page : itemKind();
        return Kind::Meta;
    }
    if (path.size() == 2 && path[1] == "*") {
        const std::string& k = path[0];
        if (k == "policies" || k == "conditionalAccessPolicies") return Kind::Policy;
        if (k == "namedLocations") return Kind::NamedLocation;
        if (k == "servicePrincipals") return Kind::ServicePrincipal;
        if (k == "directoryAudits") return Kind::Audit;
        return itemKind();
    }
    if (path.size() == 3 && path[0] == "tables" && path[2] == "columns") return Kind::LaColumns;
    if (path.size() == 4 && path[0] == "tables" && path[2] == "rows") return Kind::LaRow;
    return Kind::Skip;
}

void JsonReader::read()
{
    JsonStream stream(m_source, m_sink, m_detection.bomLength);
    bool ok;
    if (m_detection.shape == JsonShape::Lines) {
        ok = stream.runLines([&](std::string_view line, size_t cap, uint64_t lineNo, uint64_t offset) {
            if (line.front() != '{') {
                m_report.skip(QStringLiteral("line %1").arg(lineNo), QStringLiteral("not a JSON object"));
                return;
            }
            onRecord(kindOf({}), line, cap, offset, QStringLiteral("line %1").arg(lineNo));
        });
    } else {
        const JsonShape shape = m_detection.shape;
        ok = stream.run(
            [&](const JsonStream::Path& path, char c) {
                if (path.empty())
                    return shape == JsonShape::SingleObject ? JsonStream::Action::Emit : JsonStream::Action::Descend;
                if (path.size() == 1) {
                    if (path[0] == "*") return JsonStream::Action::Emit;
                    if (isContainerKey(path[0]) && c == '[') return JsonStream::Action::Descend;
                    if (isContainerKey(path[0]) && c != 'n') { // not silently: the records are what it holds
                        m_report.skip(QStringLiteral("\"%1\"").arg(QString::fromStdString(path[0])),
                            QStringLiteral("a single value where a list of records belongs"));
                        return JsonStream::Action::Skip;
                    }
                    if (path[0] == "@odata.context") return JsonStream::Action::Emit;
                    return JsonStream::Action::Skip;
                }
                if (path.size() == 2)
                    return path[0] == "tables" ? JsonStream::Action::Descend : JsonStream::Action::Emit;
                if (path.size() == 3 && path[0] == "tables") {
                    if (path[2] == "columns") return JsonStream::Action::Emit;
                    if (path[2] == "rows") return JsonStream::Action::Descend;
                    return JsonStream::Action::Skip;
                }
                if (path.size() == 4 && path[0] == "tables" && path[2] == "rows") return JsonStream::Action::Emit;
                return JsonStream::Action::Skip;
            },
            [&](const JsonStream::Path& path, std::string_view span, size_t cap, uint64_t offset) {
                onRecord(kindOf(path), span, cap, offset, whereAt(offset));
            });
    }
    if (stream.oversizedRecords())
        m_report.warn(QStringLiteral("%1: %2 record(s) larger than %3 MiB were skipped")
                          .arg(m_report.path)
                          .arg(stream.oversizedRecords())
                          .arg(JsonStream::kMaxRecord >> 20));
    m_report.skipped += stream.oversizedRecords();
    if (stream.nulBytesSkipped())
        m_report.warn(QStringLiteral("%1: %2 NUL byte(s) between records were passed over (a damaged or zero-padded "
                                     "file?); the records around them were read")
                          .arg(m_report.path)
                          .arg(stream.nulBytesSkipped()));
    if (!ok && !stream.cancelled()) {
        if (stream.error().isEmpty() && (stream.endedInsideValue() || m_source.endedEarly())) {
            m_report.truncated = true;
            m_report.warn(QStringLiteral("%1: the file ends in the middle of a record (truncated download or copy?); "
                                         "the %2 complete records before it were kept")
                              .arg(m_report.path)
                              .arg(m_report.records));
        } else {
            const QString why = stream.error().isEmpty() ? QStringLiteral("unreadable JSON") : stream.error();
            if (m_report.records == 0 && m_report.skipped == 0)
                m_report.error = why;
            else
                m_report.warn(QStringLiteral("%1: reading stopped: %2; the %3 records before it were kept")
                                  .arg(m_report.path, why)
                                  .arg(m_report.records));
        }
    } else if (m_source.endedEarly()) {
        m_report.truncated = true;
        m_report.warn(
            QStringLiteral("%1: the compressed file ends early (truncated .gz); the %2 records read were kept")
                .arg(m_report.path)
                .arg(m_report.records));
    }
    finishWarnings();
}

void JsonReader::onRecord(Kind kind, std::string_view span, size_t capacity, uint64_t offset, const QString& where)
{
    if (kind == Kind::Skip) return;
    if (kind == Kind::Meta) {
        if (span.size() > 2 && span.front() == '"') m_context.assign(span.substr(1, span.size() - 2));
        return;
    }
    if (kind == Kind::Policy || kind == Kind::NamedLocation || kind == Kind::ServicePrincipal || kind == Kind::Audit) {
        if (!isValidUtf8(span)) {
            m_legacy.clear();
            appendWindows1252AsUtf8(span, m_legacy);
            ++m_legacyRecords;
            span = m_legacy;
        }
        readDirectoryObject(kind, span, where);
        return;
    }
    m_scope.reset();
    simdjson::ondemand::document doc;
    auto e = m_parser.iterate(simdjson::padded_string_view(span.data(), span.size(), capacity)).get(doc);
    if (e == simdjson::UTF8_ERROR && !m_readingLegacy) {
        // Checked only when simdjson objects, so UTF-8 files pay nothing for it.
        m_legacy.clear();
        appendWindows1252AsUtf8(span, m_legacy);
        ++m_legacyRecords;
        const size_t size = m_legacy.size();
        m_legacy.resize(size + simdjson::SIMDJSON_PADDING);
        m_readingLegacy = true;
        onRecord(kind, std::string_view(m_legacy.data(), size), m_legacy.size(), offset, where);
        m_readingLegacy = false;
        return;
    }
    if (e) {
        m_report.skip(where, errorText(e));
        return;
    }
    if (kind == Kind::LaColumns || kind == Kind::LaRow) {
        simdjson::ondemand::array arr;
        if ((e = doc.get_array().get(arr))) {
            m_report.skip(where, QStringLiteral("expected a JSON array"));
            return;
        }
        if (kind == Kind::LaColumns)
            readLaColumns(arr);
        else
            readLaRow(arr, offset, span.size(), where);
        return;
    }
    simdjson::ondemand::object obj;
    if ((e = doc.get_object().get(obj))) {
        m_report.skip(where, e == simdjson::INCORRECT_TYPE ? QStringLiteral("expected a JSON object") : errorText(e));
        return;
    }
    switch (kind) {
    case Kind::Page:
        readPage(obj, where);
        break;
    case Kind::PolicyRow:
        readPolicyRow(obj, where);
        break;
    default:
        readSignIn(obj, offset, span.size(), where);
        break;
    }
}

void JsonReader::readSignIn(simdjson::ondemand::object& obj, uint64_t offset, size_t length, const QString& where)
{
    m_builder.begin();
    for (auto field : obj) {
        std::string_view key;
        simdjson::ondemand::value v;
        if (auto e = field.unescaped_key().get(key)) {
            m_scope.fail(e);
            break;
        }
        if (auto e = field.value().get(v)) {
            m_scope.fail(e);
            break;
        }
        JVal jv(v, m_scope, 0);
        m_builder.applyNamed(key, jv);
        if (m_scope.error) break;
    }
    if (m_scope.error) {
        m_report.skip(where, errorText(m_scope.error));
        return;
    }
    m_builder.finish(m_typeHint);
    if (m_draft.get(SF::Id).empty() && m_draft.createdMs == INT64_MIN && m_draft.get(SF::CorrelationId).empty()) {
        ++m_notSignIns;
        m_report.skip(where, QStringLiteral("not a sign-in (no id, correlationId or createdDateTime)"));
        return;
    }
    if (!m_source.isCompressed()) {
        m_draft.sourceOffset = offset;
        m_draft.sourceLength = uint32_t(std::min<size_t>(length, UINT32_MAX));
    }
    const uint32_t t = m_builder.truncatedFields();
    for (int bit = 0; bit < 7; ++bit)
        if (t & (1u << bit)) ++m_truncatedCounts[bit];
    ++m_report.records;
    m_sink.signIn(m_draft);
}

void JsonReader::readPage(simdjson::ondemand::object& page, const QString& where)
{
    // A saved Graph page inside a top-level array: its "value" holds the sign-ins.
    bool sawValue = false;
    for (auto field : page) {
        std::string_view key;
        if (field.unescaped_key().get(key)) break;
        if (key != "value") continue;
        sawValue = true;
        simdjson::ondemand::array arr;
        if (field.value().get_array().get(arr)) {
            m_report.skip(where, QStringLiteral("\"value\" is not an array"));
            return;
        }
        size_t index = 0;
        for (auto element : arr) {
            simdjson::ondemand::object obj;
            const QString at = QStringLiteral("%1, sign-in %2").arg(where).arg(index++);
            if (auto e = element.get_object().get(obj)) {
                m_report.skip(at, errorText(e));
                if (e != simdjson::INCORRECT_TYPE) return;
                continue;
            }
            m_scope.reset();
            readSignIn(obj, 0, 0, at);
        }
    }
    if (!sawValue) m_report.skip(where, QStringLiteral("a page without a \"value\" list"));
}

void JsonReader::readPolicyRow(simdjson::ondemand::object& obj, const QString& where)
{
    m_builder.begin();
    std::string_view requestId, time;
    std::string body = "{";
    // The row is a policy object plus RequestId/TimeGenerated/index: read the policy part with the builder.
    for (auto field : obj) {
        std::string_view key;
        simdjson::ondemand::value v;
        if (field.unescaped_key().get(key) || field.value().get(v)) {
            m_scope.fail(simdjson::TAPE_ERROR);
            break;
        }
        if (equalsIgnoreCase(key, "RequestId")) {
            JVal jv(v, m_scope, 0);
            requestId = jv.str();
        } else if (equalsIgnoreCase(key, "TimeGenerated")) {
            JVal jv(v, m_scope, 0);
            time = jv.str();
        } else {
            std::string_view raw = v.raw_json_token();
            simdjson::ondemand::json_type t;
            if (!v.type().get(t)
                && (t == simdjson::ondemand::json_type::array || t == simdjson::ondemand::json_type::object)) {
                if (t == simdjson::ondemand::json_type::array) {
                    simdjson::ondemand::array a;
                    if (!v.get_array().get(a) && a.raw_json().get(raw)) raw = {};
                } else {
                    simdjson::ondemand::object o;
                    if (!v.get_object().get(o) && o.raw_json().get(raw)) raw = {};
                }
            }
            if (body.size() > 1) body += ',';
            body += '"';
            body += key;
            body += "\":";
            body += raw;
        }
    }
    body += '}';
    if (m_scope.error || requestId.empty()) {
        m_report.skip(
            where, requestId.empty() ? QStringLiteral("a policy row without RequestId") : errorText(m_scope.error));
        return;
    }
    // RequestId is "<sign-in request id>-<index>".
    std::string signInId(requestId);
    if (const size_t dash = signInId.rfind('-'); dash != std::string::npos && signInId.size() - dash <= 4)
        signInId.resize(dash);
    std::string_view stableTime = m_scope.arena.copy(time);
    JVal policy(std::string_view(body), m_scope, 0, false);
    m_builder.parsePolicy(policy);
    m_draft.createdMs = INT64_MIN;
    JVal t(stableTime, m_scope, 0, true);
    m_builder.apply(SignInKey::CreatedDateTime, t);
    m_draft.policyDetail = Tristate::True;
    ++m_report.records;
    m_sink.policyRow(signInId, m_draft);
}

void JsonReader::readLaColumns(simdjson::ondemand::array& columns)
{
    m_laColumns.clear();
    m_laColumnNames.clear();
    for (auto c : columns) {
        std::string name;
        simdjson::ondemand::object o;
        if (!c.get_object().get(o)) {
            for (auto f : o) {
                std::string_view k, v;
                if (!f.unescaped_key().get(k) && k == "name" && !f.value().get_string().get(v)) name.assign(v);
            }
        }
        m_laColumns.push_back(signInKeyFor(name));
        m_laColumnNames.push_back(name);
    }
}

void JsonReader::readLaRow(simdjson::ondemand::array& row, uint64_t offset, size_t length, const QString& where)
{
    if (m_laColumns.empty()) {
        m_report.skip(where, QStringLiteral("a row before its table's \"columns\""));
        return;
    }
    m_builder.begin();
    size_t i = 0;
    for (auto cell : row) {
        simdjson::ondemand::value v;
        if (auto e = cell.get(v)) {
            m_scope.fail(e);
            break;
        }
        if (i < m_laColumns.size()) {
            JVal jv(v, m_scope, 0);
            m_builder.apply(m_laColumns[i], jv);
        }
        ++i;
        if (m_scope.error) break;
    }
    if (m_scope.error) {
        m_report.skip(where, errorText(m_scope.error));
        return;
    }
    m_builder.finish(m_typeHint);
    if (!m_source.isCompressed()) {
        m_draft.sourceOffset = offset;
        m_draft.sourceLength = uint32_t(std::min<size_t>(length, UINT32_MAX));
    }
    ++m_report.records;
    m_sink.signIn(m_draft);
}

void JsonReader::readDirectoryObject(Kind kind, std::string_view span, const QString& where)
{
    QString error;
    // In a fetch file the policies sit beside the sign-ins: "records" stays the sign-in count there.
    uint64_t& counter = isSignInFormat(m_detection.format) ? m_report.directoryObjects : m_report.records;
    if (kind == Kind::Audit) {
        bool conditionalAccess = false;
        if (auto change = parseDirectoryAudit(span, &error, &conditionalAccess)) {
            if (!conditionalAccess) {
                ++m_otherAudits; // an audit log export holds every category; only policy changes matter here
                return;
            }
            ++counter;
            m_sink.directoryChange(std::move(*change));
            return;
        }
    } else if (kind == Kind::Policy) {
        if (auto p = parseCaPolicy(span, &error)) {
            ++counter;
            m_sink.policy(std::move(*p));
            return;
        }
    } else if (kind == Kind::NamedLocation) {
        if (auto n = parseNamedLocation(span, &error)) {
            ++counter;
            m_sink.namedLocation(std::move(*n));
            return;
        }
    } else if (auto sp = parseServicePrincipal(span, &error)) {
        ++counter;
        m_sink.servicePrincipal(std::move(*sp));
        return;
    }
    m_report.skip(where, error);
}

void JsonReader::finishWarnings()
{
    warnUnusableErrorCodes(m_report, m_builder);
    if (m_otherAudits)
        m_report.warn(QStringLiteral("%1: %2 audit record(s) not about Conditional Access policies or named locations "
                                     "were passed over")
                          .arg(m_report.path)
                          .arg(m_otherAudits));
    if (m_legacyRecords)
        m_report.warn(QStringLiteral("%1: %2 record(s) were not UTF-8 and were read as Windows-1252 (Latin-1); "
                                     "check names with accents in them")
                          .arg(m_report.path)
                          .arg(m_legacyRecords));
    static const char* const names[] = { "Status", "DeviceDetail", "Location", "AppliedConditionalAccessPolicies",
        "the enforced controls of policies", "NetworkLocationDetails", "other nested fields" };
    QStringList lost;
    uint64_t most = 0;
    for (int bit = 0; bit < 7; ++bit)
        if (m_truncatedCounts[bit]) {
            lost << QString::fromLatin1(names[bit]);
            most = std::max(most, m_truncatedCounts[bit]);
        }
    if (!lost.isEmpty())
        m_report.warn(QStringLiteral("%1: in up to %2 sign-ins, %3 were cut to type names by ConvertTo-Json's depth "
                                     "limit; what remained was kept. Export again with ConvertTo-Json -Depth 10 to "
                                     "keep the per-policy detail")
                          .arg(m_report.path)
                          .arg(most)
                          .arg(lost.join(QStringLiteral(", "))));
}

} // namespace calens
