#include "kiosk/export/record_doc.h"

#include <cstdint>

#include <rapidjson/reader.h>

#include "kiosk/export/record_text.h"

namespace kiosk::exports {
namespace {

using Json = nlohmann::json;

/// The parser's events handed to the document, but a string or key that an escape made invalid
/// UTF-8 of (record_text.h decodedUtf8): nlohmann refuses it, so this refuses it too.
/// Only a text with a \u escape can have one: the others are not looked at again.
struct Checked : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Checked> {
    Checked(rapidjson::Document& d, bool escapes) : doc(d), check(escapes) {}
    rapidjson::Document& doc;
    bool check;

    bool valid(const char* s, rapidjson::SizeType n) const { return !check || decodedUtf8(std::string_view(s, n)); }
    bool Null() { return doc.Null(); }
    bool Bool(bool b) { return doc.Bool(b); }
    bool Int(int i) { return doc.Int(i); }
    bool Uint(unsigned u) { return doc.Uint(u); }
    bool Int64(std::int64_t i) { return doc.Int64(i); }
    bool Uint64(std::uint64_t u) { return doc.Uint64(u); }
    bool Double(double d) { return doc.Double(d); }
    bool String(const char* s, rapidjson::SizeType n, bool copy) { return valid(s, n) && doc.String(s, n, copy); }
    bool Key(const char* s, rapidjson::SizeType n, bool copy) { return valid(s, n) && doc.Key(s, n, copy); }
    bool StartObject() { return doc.StartObject(); }
    bool EndObject(rapidjson::SizeType n) { return doc.EndObject(n); }
    bool StartArray() { return doc.StartArray(); }
    bool EndArray(rapidjson::SizeType n) { return doc.EndArray(n); }
};

/// @p v as a document value, strings copied into @p pool.
void fromTree(const Json& v, RecordDoc::Value& out, rapidjson::MemoryPoolAllocator<>& pool) {
    switch (v.type()) {
        case Json::value_t::boolean: out.SetBool(v.get<bool>()); break;
        case Json::value_t::number_integer: out.SetInt64(v.get<std::int64_t>()); break;
        case Json::value_t::number_unsigned: out.SetUint64(v.get<std::uint64_t>()); break;
        case Json::value_t::number_float: out.SetDouble(v.get<double>()); break;
        case Json::value_t::string: {
            const std::string& s = v.get_ref<const std::string&>();
            out.SetString(s.data(), static_cast<rapidjson::SizeType>(s.size()), pool);
            break;
        }
        case Json::value_t::array:
            out.SetArray();
            out.Reserve(static_cast<rapidjson::SizeType>(v.size()), pool);
            for (const Json& e : v) {
                RecordDoc::Value element;
                fromTree(e, element, pool);
                out.PushBack(element, pool);
            }
            break;
        case Json::value_t::object:
            out.SetObject();
            for (const auto& [key, value] : v.items()) {
                RecordDoc::Value name(key.data(), static_cast<rapidjson::SizeType>(key.size()), pool);
                RecordDoc::Value element;
                fromTree(value, element, pool);
                out.AddMember(name, element, pool);
            }
            break;
        default: out.SetNull(); break;  // null; binary and discarded never come from a record's text
    }
}

}  // namespace

RecordDoc::RecordDoc() : m_pool(m_poolBuffer.data(), m_poolBuffer.size()), m_doc(&m_pool) {}

bool RecordDoc::parse(const std::string& text) {
    m_doc.SetNull();
    m_pool.Clear();  // what the last record took, but the buffer kept
    std::size_t from = 0;
    // As parseRecordText: a byte order mark skipped, a text that starts as one and is not refused.
    if (!text.empty() && static_cast<unsigned char>(text[0]) == 0xEF) {
        if (text.compare(0, 3, "\xEF\xBB\xBF") != 0) return false;
        from = 3;
    }
    if (!validUtf8(text)) return false;
    m_text.assign(text, from, std::string::npos);  // capacity kept; data() ends in a NUL: where the parse ends
    bool ok = false;
    auto generate = [&](rapidjson::Document& doc) {
        rapidjson::InsituStringStream in(m_text.data());
        Checked events(doc, m_text.find("\\u") != std::string::npos);
        constexpr unsigned kFlags =
            rapidjson::kParseInsituFlag | rapidjson::kParseFullPrecisionFlag | rapidjson::kParseIterativeFlag;
        rapidjson::Reader parser;
        ok = !parser.Parse<kFlags>(in, events).IsError();
        return ok;
    };
    m_doc.Populate(generate);
    if (!ok) m_doc.SetNull();
    return ok;
}

void RecordDoc::assign(const nlohmann::json& record) {
    m_doc.SetNull();
    m_pool.Clear();
    fromTree(record, m_doc, m_pool);
}

const RecordDoc::Value* RecordDoc::member(const Value& object, std::string_view key) {
    if (!object.IsObject()) return nullptr;
    const Value* found = nullptr;
    for (auto m = object.MemberBegin(); m != object.MemberEnd(); ++m)
        if (text(m->name) == key) found = &m->value;
    return found;
}

nlohmann::json RecordDoc::toTree(const Value& v) {
    switch (v.GetType()) {
        case rapidjson::kNullType: return nullptr;
        case rapidjson::kFalseType: return false;
        case rapidjson::kTrueType: return true;
        case rapidjson::kStringType: return std::string(v.GetString(), v.GetStringLength());
        case rapidjson::kNumberType:
            if (v.IsUint64()) return v.GetUint64();
            if (v.IsInt64()) return v.GetInt64();
            return v.GetDouble();
        case rapidjson::kArrayType: {
            Json out = Json::array();
            out.get_ref<Json::array_t&>().reserve(v.Size());
            for (const Value& e : v.GetArray()) out.push_back(toTree(e));
            return out;
        }
        case rapidjson::kObjectType: {
            Json out = Json::object();
            for (auto m = v.MemberBegin(); m != v.MemberEnd(); ++m)
                out[std::string(m->name.GetString(), m->name.GetStringLength())] = toTree(m->value);  // the last wins
            return out;
        }
    }
    return nullptr;
}

}  // namespace kiosk::exports
