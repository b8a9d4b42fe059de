// [SECTION] index: kept text · codings · typed answers · untyped answers · the response · Observations
// Each function writes what its namesake in fhir_response.cpp builds; keys in sorted order.
#include "kiosk/export/fhir_stream.h"

#include <cmath>
#include <cstdlib>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kiosk/bodymap/regions.h"
#include "kiosk/export/fhir_patient.h"
#include "kiosk/export/fhir_response.h"
#include "kiosk/export/fhir_signature.h"
#include "kiosk/export/record_doc.h"
#include "kiosk/forms/answer_access.h"
#include "kiosk/session/answer_json.h"

namespace kiosk::exports::fhir {
namespace {

using forms::ItemType;
using Value = RecordDoc::Value;

/// The ids of the answers patientFacts() may read for a form (null: none at hand).
struct PatientIds {
    std::vector<std::string> ids;
    std::unordered_set<std::string_view> set;  ///< views into ids
    explicit PatientIds(const forms::Form* form) : ids(patientAnswerIds(form)), set(ids.begin(), ids.end()) {}
    bool has(std::string_view id) const { return set.count(id) != 0; }
};

/// Where a record's answers belong in its form, made once a form: each page's items, page by page,
/// have a slot (items of one id share it), filled from the record's answers in one pass.
struct FormIndex {
    std::unordered_map<std::string_view, std::size_t> slotOf;  ///< by item id (views into the form)
    std::vector<std::size_t> itemSlots;  ///< the slot of each page's items, in form order
    PatientIds patient;

    explicit FormIndex(const forms::Form& form) : patient(&form) {
        for (const forms::Page& page : form.pages)
            for (const forms::Item& item : page.items)
                itemSlots.push_back(slotOf.emplace(item.id, slotOf.size()).first->second);
    }
};

/// The kept text of one form in one language (StreamCache): each piece as its writer below wrote it.
struct Pieces {
    const forms::Form* form = nullptr;
    std::string lang;
    std::string formId;  ///< the records' form id the score codes were written for
    std::unordered_map<const forms::Option*, std::string> options;  ///< optionValue(), a whole value
    std::unordered_map<const void*, std::string> tails;  ///< by item, matrix row or page: its linkId and text members
    std::unordered_map<const forms::Score*, std::string> scoreCodes;  ///< an Observation's category and code members
    std::unique_ptr<FormIndex> index;  ///< made on first use
    /// By item of a kind whose answers come from a short list (fromShortList()): the response item
    /// written for each answer value met, by the value's key (valueKey()).
    std::unordered_map<const forms::Item*, std::unordered_map<std::string, std::string>> answered;
    const FormIndex& formIndex() {
        if (!index) index = std::make_unique<FormIndex>(*form);
        return *index;
    }
};

}  // namespace

struct StreamCache::Impl {
    /// At most this many (form, language) pairs are kept; past it, all are dropped and made again.
    static constexpr std::size_t kMaxPieces = 64;
    std::vector<std::unique_ptr<Pieces>> all;
    Pieces* last = nullptr;  ///< records come form by form: the last one first
    std::vector<const Value*> slots;  ///< a record's answers by FormIndex slot, reused
    std::string key;  ///< valueKey()'s, reused
    std::size_t answeredBytes = 0;  ///< kept in Pieces::answered, all forms together

    Pieces& of(const forms::Form& form, const std::string& lang, const std::string& formId) {
        if (last != nullptr && last->form == &form && last->lang == lang && last->formId == formId) return *last;
        for (auto& p : all)
            if (p->form == &form && p->lang == lang && p->formId == formId) return *(last = p.get());
        if (all.size() >= kMaxPieces) all.clear(), answeredBytes = 0;
        all.push_back(std::make_unique<Pieces>());
        last = all.back().get();
        last->form = &form;
        last->lang = lang;
        last->formId = formId;
        return *last;
    }
};

namespace {

/// What every writer below needs: the output, the options, text buffers reused record to record,
/// and the kept text of the record's form in its language (null: write everything).
struct Ctx {
    JsonOut& out;
    const FhirOptions& options;
    std::string& scratch;
    Pieces* pieces = nullptr;
    StreamCache::Impl* cache = nullptr;  ///< where pieces come from
    std::string_view subject;  ///< the record's Patient's fullUrl, "" when it has none
    std::string_view subjectMembers;  ///< "subject":{"reference":subject}, written once a record
    const Value* pictures = nullptr;  ///< the record's "signature_pictures", null when it has none
};

const std::string& primaryLang(const forms::Form& form) {
    static const std::string en = "en";
    return form.languages.empty() ? en : form.languages.front();
}

std::string_view linkIdOf(const forms::Item& item) { return item.linkId.empty() ? item.id : item.linkId; }

/// {"valueInteger": n} or {"valueDecimal": v}, as numberValue() in fhir_response.cpp.
void numberValue(JsonOut& out, double v, bool integer) {
    out.beginObject();
    if (integer && std::fabs(v) < 1e15 && v == std::floor(v)) out.key("valueInteger").integer(static_cast<long long>(v));
    else out.key("valueDecimal").number(v);
    out.endObject();
}

/// Closes a list that @p any says holds something; else takes back all since @p start: false.
bool closeList(JsonOut& out, bool any, const JsonOut::Mark& start) {
    if (!any) {
        out.rollback(start);
        return false;
    }
    out.endArray();
    return true;
}

/// "answer": [what @p fill writes]; when it writes nothing, all since @p start is taken back: false.
template <class Fill>
bool answerList(JsonOut& out, const JsonOut::Mark& start, Fill fill) {
    out.key("answer").beginArray();
    return closeList(out, fill(), start);
}

// [SECTION] kept text
/// The text @p write writes, kept in @p map under @p key: written once (into a JsonOut of its
/// own, with the settings of the record's), then copied. With @p asMembers, what @p write writes
/// inside an object, without the braces.
template <class Map, class Key, class Write>
const std::string& kept(Ctx& c, Map& map, Key key, bool asMembers, Write write) {
    auto it = map.find(key);
    if (it != map.end()) return it->second;
    JsonOut text;
    text.controlsAsSpaces(true);
    std::string scratch;
    Ctx own{text, c.options, scratch, nullptr, nullptr, {}, {}};
    if (asMembers) text.beginObject();
    write(own);
    std::string piece = asMembers ? text.text().substr(1) : text.text();
    return map.emplace(key, std::move(piece)).first->second;
}

/// Members of an object that @p owner (an item, a matrix row, a page) always writes the same way in
/// a language (its linkId and text): written by @p write, kept.
template <class Write>
void ownMembers(Ctx& c, const void* owner, Write write) {
    if (c.pieces == nullptr) return write(c.out);
    c.out.members(kept(c, c.pieces->tails, owner, true, [&](Ctx& own) { write(own.out); }));
}

// [SECTION] codings
void regionCoding(Ctx& c, std::string_view regionId) {
    c.out.beginObject();
    if (const bodymap::Region* r = bodymap::findRegion(regionId); r != nullptr && r->choir != 0) {
        char digits[16];
        const int n = std::snprintf(digits, sizeof digits, "%d", r->choir);
        c.out.key("code").string(std::string_view(digits, static_cast<std::size_t>(n)));
        c.out.key("system").concat(c.options.base, "/CodeSystem/choir-bodymap");
    } else {
        c.out.key("code").string(regionId);
        c.out.key("system").concat(c.options.base, "/CodeSystem/body-region");
    }
    c.out.endObject();
}

void writeOptionValue(Ctx& c, const forms::Form& form, const forms::Item& item, const forms::Option& option,
                      const std::string& lang) {
    JsonOut& out = c.out;
    out.beginObject();
    if (!option.code.empty() && !option.codeType.empty() && option.codeType != "coding") {
        if (option.codeType == "integer") {
            char* end = nullptr;
            const long long n = std::strtoll(option.code.c_str(), &end, 10);
            if (end != nullptr && *end == '\0' && end != option.code.c_str()) out.key("valueInteger").integer(n);
            else out.key("valueString").string(option.code);
        } else {
            out.key(option.codeType == "date" ? "valueDate" : "valueString").string(option.code);
        }
        out.endObject();
        return;
    }
    out.key("valueCoding").beginObject();
    out.key("code").string(option.code.empty() ? option.value : option.code);
    if (const std::string& display = option.label.get(lang, primaryLang(form)); !display.empty())
        out.key("display").string(display);
    if (option.code.empty()) out.key("system").concat(c.options.base, "/CodeSystem/", form.id, "/" + item.id);
    else if (!option.system.empty()) out.key("system").string(option.system);
    out.endObject().endObject();
}

/// An option's answer value: the same for every record in a language, so kept.
void optionValue(Ctx& c, const forms::Form& form, const forms::Item& item, const forms::Option& option,
                 const std::string& lang) {
    if (c.pieces == nullptr) return writeOptionValue(c, form, item, option, lang);
    c.out.raw(kept(c, c.pieces->options, &option, false,
                   [&](Ctx& own) { writeOptionValue(own, form, item, option, lang); }));
}

/// One marked region: {item: [intensity, kinds], valueCoding}.
void bodyMarkAnswer(Ctx& c, std::string_view link, const forms::BodyMark& m) {
    JsonOut& out = c.out;
    out.beginObject();
    if (m.intensity || !m.kinds.empty()) {
        out.key("item").beginArray();
        if (m.intensity) {
            out.beginObject().key("answer").beginArray().beginObject().key("valueInteger").integer(*m.intensity);
            out.endObject().endArray().key("linkId").concat(link, ".intensity").endObject();
        }
        if (!m.kinds.empty()) {
            out.beginObject().key("answer").beginArray();
            for (const std::string& k : m.kinds) {
                out.beginObject().key("valueCoding").beginObject().key("code").string(k);
                out.key("system").concat(c.options.base, "/CodeSystem/pain-kind").endObject().endObject();
            }
            out.endArray().key("linkId").concat(link, ".kinds").endObject();
        }
        out.endArray();
    }
    out.key("valueCoding");
    regionCoding(c, m.region);
    out.endObject();
}

// [SECTION] typed answers
/// The elements of a question's answer list; false when there are none (nothing written then).
bool typedAnswers(Ctx& c, const forms::Form& form, const forms::Item& item, const forms::Answer& answer,
                  const std::string& lang) {
    JsonOut& out = c.out;
    const JsonOut::Mark start = out.mark();
    auto option = [&](const std::string& value) {
        if (const forms::Option* o = item.findOption(value)) optionValue(c, form, item, *o, lang);
        else out.beginObject().key("valueString").string(value).endObject();
    };
    std::visit(
        [&](const auto& a) {
            using T = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<T, bool>) {
                out.beginObject().key("valueBoolean").boolean(a).endObject();
            } else if constexpr (std::is_same_v<T, double>) {
                numberValue(out, a, isIntegerItem(item));
            } else if constexpr (std::is_same_v<T, std::string>) {
                if (a.empty()) return;
                if (item.repeats) {
                    for (const std::string& line : forms::answerLines(a))
                        out.beginObject().key("valueString").string(line).endObject();
                } else if (item.type == ItemType::Single) {
                    option(a);
                } else {
                    out.beginObject().key("valueString").string(a).endObject();
                }
            } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                for (const std::string& v : a) option(v);
            } else if constexpr (std::is_same_v<T, forms::Date>) {
                out.beginObject().key("valueDate").string(forms::toIsoString(a)).endObject();
            } else if constexpr (std::is_same_v<T, forms::NumberList>) {  // repeats: one answer a value
                for (double v : a) numberValue(out, v, isIntegerItem(item));
            } else if constexpr (std::is_same_v<T, forms::DateList>) {
                for (const forms::Date& d : a) out.beginObject().key("valueDate").string(forms::toIsoString(d)).endObject();
            } else if constexpr (std::is_same_v<T, forms::BodyMapAnswer>) {
                for (const forms::BodyMark& m : a) bodyMarkAnswer(c, linkIdOf(item), m);
            } else if constexpr (std::is_same_v<T, forms::Signature>) {
                if (a.empty()) return;
                out.beginObject().key("valueAttachment").beginObject();
                out.field("contentType", "image/png");
                if (!a.picture.empty()) {  // the picture kept when the intake was submitted
                    out.key("data").string(a.picture);
                } else {  // a record saved before pictures were kept
                    (void)signaturePng(a, c.scratch);
                    out.key("data").base64(c.scratch);
                }
                out.field("title", "signature").endObject().endObject();
            }
        },
        answer);
    return !out.unchangedSince(start);
}

bool answeredItem(Ctx& c, const forms::Form& form, const forms::Item& item, const forms::Answer& answer,
                  const std::string& lang);

/// A list: the group item once per entry, its fields' answers as child items (as fhir_response.cpp's
/// listEntries); false (nothing written) when no entry holds an answer.
bool listEntries(Ctx& c, const forms::Form& form, const forms::Item& item, const forms::ListAnswer& entries,
                 const std::string& lang) {
    JsonOut& out = c.out;
    bool any = false;
    for (const forms::ListEntry& entry : entries) {
        const JsonOut::Mark start = out.mark();
        out.beginObject().key("item").beginArray();
        bool answered = false;
        for (const forms::Item& field : item.fields)
            if (const auto it = entry.fields.find(field.id); it != entry.fields.end())
                answered = answeredItem(c, form, field, it->second, lang) || answered;
        if (!closeList(out, answered, start)) continue;
        ownMembers(c, &item, [&](JsonOut& o) {
            o.key("linkId").string(linkIdOf(item));
            if (const std::string& text = item.label.get(lang, primaryLang(form)); !text.empty()) o.key("text").string(text);
        });
        out.endObject();
        any = true;
    }
    return any;
}

/// The response item of @p item; false (nothing written) when it holds no answer.
bool responseItem(Ctx& c, const forms::Form& form, const forms::Item& item, const Value& value,
                  const std::string& lang) {
    // Typed by the one reading of answers (session/answer_json.h): a small tree of this value only.
    auto parsed = session::answerFromJson(item, RecordDoc::toTree(value), std::nullopt);
    if (!parsed) return false;
    if (auto* signature = std::get_if<forms::Signature>(&*parsed); signature && c.pictures) {  // kept beside the answers
        const Value* kept = RecordDoc::member(*c.pictures, item.id);
        if (kept != nullptr && kept->IsString() && isKeptPicture(RecordDoc::text(*kept)))
            signature->picture = RecordDoc::text(*kept);
    }
    if (const auto* entries = std::get_if<forms::ListAnswer>(&*parsed)) return listEntries(c, form, item, *entries, lang);
    return answeredItem(c, form, item, *parsed, lang);
}

bool answeredItem(Ctx& c, const forms::Form& form, const forms::Item& item, const forms::Answer& answer,
                  const std::string& lang) {
    const forms::Answer* parsed = &answer;
    JsonOut& out = c.out;
    const JsonOut::Mark start = out.mark();
    out.beginObject();
    if (const auto* m = std::get_if<forms::MatrixAnswer>(&*parsed)) {
        out.key("item").beginArray();
        bool any = false;
        for (const forms::MatrixRow& row : item.rows) {
            const auto it = m->find(row.id);
            if (it == m->end() || it->second.empty()) continue;
            any = true;
            out.beginObject().key("answer").beginArray();
            if (const forms::Option* o = item.findOption(it->second)) optionValue(c, form, item, *o, lang);
            else out.beginObject().key("valueString").string(it->second).endObject();
            out.endArray();
            ownMembers(c, &row, [&](JsonOut& o) {
                o.key("linkId").concat(linkIdOf(item), ".", row.id);
                if (const std::string& t = row.label.get(lang); !t.empty()) o.key("text").string(t);
            });
            out.endObject();
        }
        if (!closeList(out, any, start)) return false;
    } else if (!answerList(out, start, [&] { return typedAnswers(c, form, item, *parsed, lang); })) {
        return false;
    }
    ownMembers(c, &item, [&](JsonOut& o) {
        o.key("linkId").string(linkIdOf(item));
        if (const std::string& text = item.label.get(lang, primaryLang(form)); !text.empty()) o.key("text").string(text);
    });
    out.endObject();
    return true;
}

// [SECTION] untyped answers
/// The elements of untypedAnswers(); false when there are none.
bool untypedAnswers(Ctx& c, const nlohmann::json& v) {
    JsonOut& out = c.out;
    const JsonOut::Mark start = out.mark();
    auto element = [&](const nlohmann::json& e) {
        if (e.is_number_float()) return numberValue(out, e.get<double>(), true);
        out.beginObject();
        if (e.is_boolean()) {
            out.key("valueBoolean").boolean(e.get<bool>());
        } else if (e.is_number_integer()) {
            out.key("valueInteger").value(e);
        } else if (e.is_string()) {
            out.key("valueString").string(e.get_ref<const std::string&>());
        } else {  // anything else (signature strokes): the JSON itself, as an attachment
            out.key("valueAttachment").beginObject().field("contentType", "application/json");
            out.key("data").base64(e.dump()).endObject();
        }
        out.endObject();
    };
    if (v.is_array()) {
        for (const nlohmann::json& e : v)
            if (!(e.is_string() && e.get_ref<const std::string&>().empty())) element(e);
    } else if (!(v.is_string() && v.get_ref<const std::string&>().empty()) && !v.is_null()) {
        element(v);
    }
    return !out.unchangedSince(start);
}

/// untypedItem(): false (nothing written) when it is null there.
bool untypedItem(Ctx& c, std::string_view id, const nlohmann::json& v) {
    JsonOut& out = c.out;
    const JsonOut::Mark start = out.mark();
    out.beginObject();
    if (const auto marks = untypedBodyMap(v)) {
        if (!marks->empty()) {
            out.key("answer").beginArray();
            for (const forms::BodyMark& m : *marks) bodyMarkAnswer(c, id, m);
            out.endArray();
        }
    } else if (v.is_object() && !v.contains("strokes")) {  // a matrix: rows as items
        out.key("item").beginArray();
        bool any = false;
        for (const auto& [row, value] : v.items()) {
            const JsonOut::Mark before = out.mark();
            out.beginObject();
            if (!answerList(out, before, [&] { return untypedAnswers(c, value); })) continue;
            any = true;
            out.key("linkId").concat(id, ".", row).endObject();
        }
        if (!closeList(out, any, start)) return false;
    } else if (!answerList(out, start, [&] { return untypedAnswers(c, v); })) {
        return false;
    }
    out.key("linkId").string(id).endObject();
    return true;
}

// [SECTION] answers written before
/// The answers of these kinds come from a short list (options, yes/no, 0-10, option per row), so
/// the same values come back record after record: the response item written for a value is kept
/// and copied when it comes back. Free text, dates, numbers, body maps, signatures (one patient's
/// own) are always written afresh, and the kept text is bounded (kMaxKept per item, kMaxKeptBytes).
bool fromShortList(const forms::Item& item) {
    switch (item.type) {
        case ItemType::Single:
        case ItemType::Multi:
        case ItemType::YesNo:
        case ItemType::Consent:
        case ItemType::Scale:
        case ItemType::Matrix: return true;
        default: return false;
    }
}
constexpr std::size_t kMaxKept = 64;
constexpr std::size_t kMaxKeptBytes = 4 << 20;

/// Appends a key of @p v to @p key: two values have the same key only when they are the same
/// JSON (types, numbers bit for bit, strings byte for byte, members in their order, repeats too).
void valueKey(const Value& v, std::string& key) {
    auto bytes = [&](const void* p, std::size_t n) { key.append(static_cast<const char*>(p), n); };
    switch (v.GetType()) {
        case rapidjson::kNullType: key += 'n'; break;
        case rapidjson::kFalseType: key += 'f'; break;
        case rapidjson::kTrueType: key += 't'; break;
        case rapidjson::kNumberType:
            if (v.IsUint64()) {
                const std::uint64_t n = v.GetUint64();
                key += 'u', bytes(&n, sizeof n);
            } else if (v.IsInt64()) {
                const std::int64_t n = v.GetInt64();
                key += 'i', bytes(&n, sizeof n);
            } else {
                const double d = v.GetDouble();
                key += 'd', bytes(&d, sizeof d);
            }
            break;
        case rapidjson::kStringType: {
            const rapidjson::SizeType n = v.GetStringLength();
            key += 's', bytes(&n, sizeof n), bytes(v.GetString(), n);
            break;
        }
        case rapidjson::kArrayType:
            key += '[';
            for (const Value& e : v.GetArray()) valueKey(e, key);
            key += ']';
            break;
        case rapidjson::kObjectType:
            key += '{';
            for (auto m = v.MemberBegin(); m != v.MemberEnd(); ++m) valueKey(m->name, key), valueKey(m->value, key);
            key += '}';
            break;
    }
}

// [SECTION] the response
/// The record's "answers" object, as answersOf() finds it; null when it has none.
const Value* answersIn(const Value& record) {
    const Value* answers = RecordDoc::member(record, "answers");
    return answers != nullptr && answers->IsObject() ? answers : nullptr;
}

void responseItems(Ctx& c, const Value& record, const forms::Form* form, const std::string& lang) {
    JsonOut& out = c.out;
    const Value* answers = answersIn(record);
    if (answers == nullptr) return;
    c.pictures = RecordDoc::member(record, "signature_pictures");
    auto write = [&](const forms::Item& item, const Value& value) {
        if (!responseItem(c, *form, item, value, lang)) untypedItem(c, linkIdOf(item), RecordDoc::toTree(value));
    };
    // An answer from a short list: written once a value (with its separator taken off), then copied.
    auto one = [&](const forms::Item& item, const Value& value) {
        if (!fromShortList(item)) return write(item, value);
        c.cache->key.clear();
        valueKey(value, c.cache->key);
        auto& kept = c.pieces->answered[&item];
        if (const auto it = kept.find(c.cache->key); it != kept.end()) {
            if (!it->second.empty()) out.raw(it->second);  // nothing written: no separator either
            return;
        }
        const JsonOut::Mark before = out.mark();
        write(item, value);
        if (kept.size() >= kMaxKept || c.cache->answeredBytes >= kMaxKeptBytes) return;
        std::string text = out.text().substr(before.size);
        if (!text.empty() && !before.first && !before.afterKey) text.erase(0, 1);  // the ',' raw() writes again
        c.cache->answeredBytes += c.cache->key.size() + text.size();
        kept.emplace(c.cache->key, std::move(text));
    };
    if (form == nullptr) {  // no form: every answer untyped, in the tree's order
        const nlohmann::json tree = RecordDoc::toTree(*answers);
        for (const auto& [id, value] : tree.items()) untypedItem(c, id, value);
        return;
    }
    const FormIndex& index = c.pieces->formIndex();
    std::vector<const Value*>& slots = c.cache->slots;
    slots.assign(index.slotOf.size(), nullptr);
    for (auto m = answers->MemberBegin(); m != answers->MemberEnd(); ++m)  // a repeated key: the last, as the tree
        if (const auto at = index.slotOf.find(RecordDoc::text(m->name)); at != index.slotOf.end())
            slots[at->second] = &m->value;
    std::size_t k = 0;
    for (const forms::Page& page : form->pages) {
        const JsonOut::Mark start = out.mark();
        if (page.group) out.beginObject().key("item").beginArray();
        const JsonOut::Mark items = out.mark();
        for (const forms::Item& item : page.items) {
            const Value* value = slots[index.itemSlots[k++]];
            if (value == nullptr || !item.isQuestion()) continue;
            one(item, *value);
        }
        if (out.unchangedSince(items)) {
            out.rollback(start);
            continue;
        }
        if (!page.group) continue;
        out.endArray();
        ownMembers(c, &page, [&](JsonOut& o) {
            o.key("linkId").string(page.linkId.empty() ? page.id : page.linkId);
            if (const std::string& t = page.title.get(lang); !t.empty()) o.key("text").string(t);
        });
        out.endObject();
    }
}

/// "subject": {"reference": the Patient's fullUrl}, when the record has a Patient.
void subjectMember(Ctx& c) {
    // Made once a record (a urn:uuid: nothing to escape), copied into the response and each Observation.
    if (!c.subject.empty()) c.out.members(c.subjectMembers);
}

void questionnaireResponse(Ctx& c, const ExportMeta& meta, const Value& record, const forms::Form* form,
                           const std::string& lang) {
    JsonOut& out = c.out;
    out.beginObject();
    if (!meta.submittedAt.empty()) out.field("authored", meta.submittedAt);
    out.field("id", meta.id);
    out.key("identifier").beginObject().key("system").concat(c.options.base, "/intake-record");
    out.field("value", meta.id).endObject();
    const JsonOut::Mark start = out.mark();
    out.key("item").beginArray();
    const JsonOut::Mark items = out.mark();
    responseItems(c, record, form, lang);
    if (out.unchangedSince(items)) out.rollback(start);
    else out.endArray();
    if (!lang.empty()) out.field("language", lang);
    if (c.pieces != nullptr) {
        out.members(kept(c, c.pieces->tails, form, true, [&](Ctx& own) {
            own.out.field("questionnaire", questionnaireCanonical(*form, c.options));
        }));
    } else {
        c.scratch = form ? questionnaireCanonical(*form, c.options)
                         : questionnaireCanonical(meta.formId, meta.formVersion, c.options);
        out.field("questionnaire", c.scratch);
    }
    out.field("resourceType", "QuestionnaireResponse").field("status", "completed");
    subjectMember(c);
    out.endObject();
}

// [SECTION] Observations
/// An Observation's category and code members.
void observationCode(Ctx& c, const ExportMeta& meta, std::string_view kind, std::string_view id,
                     std::string_view display, std::string_view loinc) {
    JsonOut& out = c.out;
    // The same for every Observation: plain ASCII, nothing to escape.
    out.members(R"("category":[{"coding":[{"code":"survey","system":"http://terminology.hl7.org/CodeSystem/)"
                R"(observation-category"}]}])");
    out.key("code").beginObject().key("coding").beginArray().beginObject().field("code", id);
    if (!display.empty()) out.field("display", display);
    out.key("system").concat(c.options.base, "/CodeSystem/", meta.formId, kind).endObject();
    // A published score (PHQ-2 total, pain NRS) also carries its LOINC code (as the tree does).
    if (!loinc.empty()) out.beginObject().field("code", loinc).field("system", "http://loinc.org").endObject();
    out.endArray().endObject();
}

/// Opens the resource of an Observation and writes its keys up to effectiveDateTime and its
/// interpretation's place: category, code, then @p derived (derivedFrom and effectiveDateTime, the
/// same in each Observation of a record). A score of the form (@p def) has the same category and
/// code in every record: kept.
void observationHead(Ctx& c, const ExportMeta& meta, std::string_view derived, std::string_view kind,
                     std::string_view id, std::string_view display, std::string_view loinc = {},
                     const forms::Score* def = nullptr) {
    JsonOut& out = c.out;
    out.beginObject();
    if (def != nullptr && c.pieces != nullptr && c.pieces->formId == meta.formId)
        out.members(kept(c, c.pieces->scoreCodes, def, true,
                         [&](Ctx& own) { observationCode(own, meta, kind, id, display, loinc); }));
    else
        observationCode(c, meta, kind, id, display, loinc);
    out.members(derived);
}

/// "resourceType" and "status" of an Observation, and its subject (after its interpretation).
void observationStatus(Ctx& c) {
    c.out.members(R"("resourceType":"Observation","status":"final")");  // plain ASCII: as field() writes it
    subjectMember(c);
}

/// A string member of @p obj as stringOf() reads one: "" when it is missing or no string.
std::string_view stringIn(const Value& obj, std::string_view key) {
    const Value* v = RecordDoc::member(obj, key);
    return v != nullptr && v->IsString() ? RecordDoc::text(*v) : std::string_view();
}

int observations(Ctx& c, const ExportMeta& meta, const Value& record, const forms::Form* form,
                 std::string_view separator) {
    JsonOut& out = c.out;
    int written = 0;
    static const std::string en = "en";
    const std::string& lang = form ? primaryLang(*form) : en;
    // derivedFrom and effectiveDateTime: the same in each Observation of the record, written once.
    thread_local JsonOut shared;
    shared.clear();
    shared.controlsAsSpaces(true);
    shared.beginObject().key("derivedFrom").beginArray().beginObject().key("reference").concat("urn:uuid:", meta.id);
    shared.endObject().endArray();
    if (!meta.submittedAt.empty()) shared.field("effectiveDateTime", meta.submittedAt);
    const std::string_view derived = std::string_view(shared.text()).substr(1);
    auto entry = [&](std::string_view kind, std::string_view id) {
        out.literal(separator);
        out.beginObject().key("fullUrl");
        c.scratch.assign(meta.id).append("/").append(kind).append("/").append(id);
        char uuid[46];
        out.string(uuidFrom(c.scratch, uuid));
        out.key("resource");
        ++written;
    };
    const Value* scores = RecordDoc::member(record, "scores");
    if (scores != nullptr && scores->IsArray()) {
        for (const Value& s : scores->GetArray()) {
            if (!s.IsObject()) continue;
            const Value *idAt = RecordDoc::member(s, "id"), *valueAt = RecordDoc::member(s, "value");
            if (idAt == nullptr || !idAt->IsString() || valueAt == nullptr || !valueAt->IsNumber()) continue;
            const std::string_view id = RecordDoc::text(*idAt);
            const forms::Score* def = nullptr;  // the last of that id, as the tree takes it
            if (form)
                for (auto fs = form->scores.rbegin(); fs != form->scores.rend() && def == nullptr; ++fs)
                    if (fs->id == id) def = &*fs;
            entry("score", id);
            observationHead(c, meta, derived, "/score", id,
                            def ? std::string_view(def->label.get(lang)) : std::string_view(),
                            def ? std::string_view(def->loinc) : std::string_view(), def);
            if (const std::string_view band = stringIn(s, "band"); !band.empty())
                out.key("interpretation").beginArray().beginObject().field("text", band).endObject().endArray();
            observationStatus(c);
            const double v = valueAt->GetDouble();
            if (std::fabs(v) < 1e15 && v == std::floor(v)) out.key("valueInteger").integer(static_cast<long long>(v));
            else out.key("valueQuantity").beginObject().key("value").number(v).endObject();
            out.endObject().endObject();
        }
    }
    const Value* flags = RecordDoc::member(record, "flags");
    if (flags != nullptr && flags->IsArray()) {
        for (const Value& f : flags->GetArray()) {
            if (!f.IsObject()) continue;
            const Value* idAt = RecordDoc::member(f, "id");
            if (idAt == nullptr || !idAt->IsString()) continue;
            const std::string_view id = RecordDoc::text(*idAt);
            entry("flag", id);
            observationHead(c, meta, derived, "/flag", id, stringIn(f, "label"));
            const bool urgent = stringIn(f, "severity") == "urgent";
            out.key("interpretation").beginArray().beginObject().key("coding").beginArray().beginObject();
            out.field("code", urgent ? "AA" : "A")
                .field("system", "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation");
            out.endObject().endArray().field("text", urgent ? "urgent" : "caution").endObject().endArray();
            if (const std::string_view explain = stringIn(f, "explain"); !explain.empty())
                out.key("note").beginArray().beginObject().field("text", explain).endObject().endArray();
            observationStatus(c);
            out.key("valueBoolean").boolean(true);
            out.endObject().endObject();
        }
    }
    return written;
}

}  // namespace

StreamCache::StreamCache() : m_impl(std::make_unique<Impl>()) {}
StreamCache::~StreamCache() = default;

int writeRecordEntries(JsonOut& out, const ExportMeta& meta, const nlohmann::json& record, const forms::Form* form,
                       const FhirOptions& options, std::string_view firstPrefix, std::string_view separator) {
    StreamCache cache;
    return writeRecordEntries(out, meta, record, form, options, firstPrefix, separator, cache);
}

int writeRecordEntries(JsonOut& out, const ExportMeta& meta, const nlohmann::json& record, const forms::Form* form,
                       const FhirOptions& options, std::string_view firstPrefix, std::string_view separator,
                       StreamCache& cache) {
    RecordDoc doc;
    doc.assign(record);
    return writeRecordEntries(out, meta, doc.root(), form, options, firstPrefix, separator, cache);
}

int writeRecordEntries(JsonOut& out, const ExportMeta& meta, const RecordDoc::Value& record, const forms::Form* form,
                       const FhirOptions& options, std::string_view firstPrefix, std::string_view separator,
                       StreamCache& cache) {
    thread_local std::string scratch;
    Ctx c{out, options, scratch, nullptr, &cache.impl(), {}, {}};
    out.controlsAsSpaces(true);  // as replaceControlChars() does to the trees
    out.literal(firstPrefix);
    std::string lang(stringIn(record, "lang"));  // recordLang(), else the plain column's
    if (lang.empty()) lang = meta.lang;
    if (form != nullptr) c.pieces = &c.cache->of(*form, lang, meta.formId);
    // The Patient (fhir_patient.h) after the response, as bundleEntries() puts it; read from a
    // tree of the answers it may read, not of the whole record.
    nlohmann::json forPatient = nlohmann::json::object();
    if (const Value* answers = answersIn(record)) {
        nlohmann::json& some = forPatient["answers"] = nlohmann::json::object();
        static const PatientIds anyForm(nullptr);
        const PatientIds& ids = c.pieces != nullptr ? c.pieces->formIndex().patient : anyForm;
        for (auto m = answers->MemberBegin(); m != answers->MemberEnd(); ++m)
            if (ids.has(RecordDoc::text(m->name)))
                some[std::string(RecordDoc::text(m->name))] = RecordDoc::toTree(m->value);  // the last of a repeated key
    }
    const auto patient = patientFacts(forPatient, form);
    char subject[46];
    thread_local std::string subjectMembers;
    if (patient) {
        scratch.assign(meta.id).append("/patient");
        c.subject = uuidFrom(scratch, subject);
        subjectMembers.assign(R"("subject":{"reference":")").append(c.subject).append("\"}");
        c.subjectMembers = subjectMembers;
    }
    out.beginObject().key("fullUrl").concat("urn:uuid:", meta.id).key("resource");
    questionnaireResponse(c, meta, record, form, lang);
    out.endObject();
    if (patient) {
        out.literal(separator);
        out.beginObject().key("fullUrl").string(c.subject).key("resource");
        writePatient(out, *patient);
        out.endObject();
    }
    return 1 + (patient ? 1 : 0) + observations(c, meta, record, form, separator);
}

}  // namespace kiosk::exports::fhir
