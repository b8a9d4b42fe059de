// [SECTION] index: helpers · patient · flags and scores · answers · readPatient, readIntake
#include "kiosk/export/intake_reading.h"

#include <algorithm>
#include <cstdio>

#include "kiosk/export/csv_export.h"
#include "kiosk/session/answer_json.h"
#include "kiosk/session/answer_text.h"

namespace kiosk::exports {
using nlohmann::json;

// [SECTION] helpers
namespace {

std::string str(const json& obj, const char* key) {
    const auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const json& answersOf(const json& record) {
    static const json empty = json::object();
    const auto it = record.find("answers");
    return it != record.end() && it->is_object() ? *it : empty;
}

/// The answer to the first text item whose id is @p id, else of the @p nth item with @p kind.
std::string textAnswer(const json& answers, const forms::Form* form, const char* id, forms::TextKind kind, int nth) {
    if (answers.contains(id) && answers[id].is_string()) return answers[id].get<std::string>();
    if (!form) return "";
    int seen = 0;
    for (const forms::Item* item : form->allItems()) {
        if (item->type != forms::ItemType::Text || item->textKind != kind) continue;
        if (seen++ == nth) return str(answers, item->id.c_str());
    }
    return "";
}

/// Age in whole years on @p onDay ("YYYY-MM-DD..."), from @p dob ("YYYY-MM-DD").
std::optional<int> ageOn(const std::string& dob, const std::string& onDay) {
    int by = 0, bm = 0, bd = 0, y = 0, m = 0, d = 0;
    if (std::sscanf(dob.c_str(), "%4d-%2d-%2d", &by, &bm, &bd) != 3) return std::nullopt;
    if (std::sscanf(onDay.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return std::nullopt;
    int age = y - by - ((m < bm || (m == bm && d < bd)) ? 1 : 0);
    if (age < 0 || age > 150) return std::nullopt;
    return age;
}

}  // namespace

bool IntakeReading::hasUrgent() const {
    return std::any_of(flags.begin(), flags.end(), [](const ReadFlag& f) { return f.urgent; });
}

bool IntakeReading::hasCaution() const {
    return std::any_of(flags.begin(), flags.end(), [](const ReadFlag& f) { return !f.urgent; });
}

std::string firstCharacter(const std::string& text) {
    if (text.empty()) return "";
    std::size_t n = 1;
    while (n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) ++n;
    return text.substr(0, n);
}

std::string IntakeReading::shortName() const {
    if (lastName.empty()) return firstName;
    return firstName + (firstName.empty() ? "" : " ") + firstCharacter(lastName) + ".";
}

// [SECTION] flags and scores
namespace {

void readFlags(IntakeReading& r, const json& record, const forms::Form* form, const std::string& lang,
               const std::string& formLang) {
    const auto it = record.find("flags");
    if (it == record.end() || !it->is_array()) return;
    for (const json& f : *it) {
        if (!f.is_object()) continue;
        ReadFlag flag{str(f, "id"), str(f, "severity") == "urgent", str(f, "label"), str(f, "explain")};
        if (form) {
            const auto def = std::find_if(form->flags.begin(), form->flags.end(),
                                          [&](const forms::Flag& d) { return d.id == flag.id; });
            if (def != form->flags.end()) {
                flag.label = def->label.get(lang, formLang);
                flag.explain = def->explain.get(lang, formLang);
            }
        }
        r.flags.push_back(std::move(flag));
    }
    std::stable_sort(r.flags.begin(), r.flags.end(), [](const ReadFlag& a, const ReadFlag& b) { return a.urgent && !b.urgent; });
}

void readScores(IntakeReading& r, const json& record, const forms::Form* form, const session::Wording& staff) {
    const auto it = record.find("scores");
    if (it == record.end() || !it->is_array()) return;
    for (const json& s : *it) {
        if (!s.is_object()) continue;
        ReadScore score;
        score.id = str(s, "id");
        score.label = score.id;
        score.band = str(s, "band");
        if (const auto v = s.find("value"); v != s.end() && v->is_number()) score.value = v->get<double>();
        score.answered = s.value("answered", 0);
        score.total = s.value("total", 0);
        int decimals = -1;
        if (form) {
            const auto def = std::find_if(form->scores.begin(), form->scores.end(),
                                          [&](const forms::Score& d) { return d.id == score.id; });
            if (def != form->scores.end()) {
                score.label = staff.text(def->label);
                decimals = def->decimals;
                if (!def->note.empty()) score.note = staff.text(def->note);
                if (!score.value && !def->missingRule.empty())
                    score.note += (score.note.empty() ? "" : " ") + staff.text(def->missingRule);
                score.band.clear();  // the band again, named in the staff's language
                if (score.value)
                    for (const auto& b : def->bands)
                        if (*score.value >= b.min && *score.value <= b.max) {
                            score.band = staff.text(b.label);
                            break;
                        }
            }
        }
        if (score.value) score.valueText = session::patientNumber(*score.value, decimals, staff);
        r.scores.push_back(std::move(score));
    }
}

// [SECTION] answers
void readMarks(IntakeReading& r, const forms::BodyMapAnswer& marks, const session::Wording& staff) {
    for (const forms::BodyMark& m : marks) {
        ReadMark mark{m.region, staff.tr("region." + m.region), m.intensity, {}};
        for (const auto& k : m.kinds) mark.kinds.push_back(staff.tr("pain_kind." + k));
        r.marks.push_back(std::move(mark));
    }
}

void readAnswersByForm(IntakeReading& r, const json& answers, const forms::Form& form, const session::Wording& asked,
                       const session::Wording& staff) {
    for (const forms::Page& page : form.pages) {
        for (const forms::Item& item : page.items) {
            if (!item.isQuestion() || !answers.contains(item.id)) continue;
            auto value = session::answerFromJson(item, answers[item.id], std::nullopt);
            ReadAnswer a{item.id, asked.text(page.title), asked.text(item.label), "", item.type == forms::ItemType::Signature,
                         page.summary};
            // An answer that no longer fits its item (never for a record of this very version) is
            // shown as stored rather than dropped.
            a.answer = value ? session::answerText(item, *value, asked) : csvAnswerText(answers[item.id]);
            if (value) {
                if (const auto* marks = std::get_if<forms::BodyMapAnswer>(&*value)) readMarks(r, *marks, staff);
                if (const auto* sig = std::get_if<forms::Signature>(&*value); sig && r.signature.empty()) {
                    r.signature = *sig;
                    r.signedConsent = !sig->empty();
                }
            }
            r.answers.push_back(std::move(a));
        }
    }
}

/// Without the form: every answer by its id, as stored; body marks and a signature still read.
void readAnswersBare(IntakeReading& r, const json& answers, const session::Wording& staff) {
    for (const auto& [id, value] : answers.items()) {
        ReadAnswer a{id, "", id, csvAnswerText(value), false, false};
        if (value.is_object() && value.contains("strokes")) {
            forms::Item sig;
            sig.id = id;
            sig.type = forms::ItemType::Signature;
            if (auto parsed = session::answerFromJson(sig, value, std::nullopt)) {
                r.signature = std::get<forms::Signature>(*parsed);
                r.signedConsent = !r.signature.empty();
                a.signature = true;
            }
        } else if (value.is_array() && !value.empty() && (value[0].is_object() && value[0].contains("region"))) {
            for (const json& m : value)
                if (m.is_object())
                    r.marks.push_back(ReadMark{str(m, "region"), staff.tr("region." + str(m, "region")),
                                               m.contains("intensity") && m["intensity"].is_number_integer()
                                                   ? std::optional<int>(m["intensity"].get<int>())
                                                   : std::nullopt,
                                               {}});
        }
        r.answers.push_back(std::move(a));
    }
}

}  // namespace

// [SECTION] readPatient, readIntake
IntakeReading readPatient(const json& record, const forms::Form* form) {
    IntakeReading r;
    r.formKnown = form != nullptr;
    const json& answers = answersOf(record);
    r.submittedAt = str(record, "submitted_at");
    r.lang = str(record, "lang");
    r.firstName = textAnswer(answers, form, "first_name", forms::TextKind::Name, 0);
    r.lastName = textAnswer(answers, form, "last_name", forms::TextKind::Name, 1);
    r.phone = textAnswer(answers, form, "phone", forms::TextKind::Phone, 0);
    r.email = textAnswer(answers, form, "email", forms::TextKind::Email, 0);
    r.dateOfBirth = str(answers, "date_of_birth");
    if (r.dateOfBirth.empty() && form)
        for (const forms::Item* item : form->allItems())
            if (item->type == forms::ItemType::Date && item->pastOnly && answers.contains(item->id)) {
                r.dateOfBirth = str(answers, item->id.c_str());
                break;
            }
    r.age = ageOn(r.dateOfBirth, r.submittedAt);
    return r;
}

IntakeReading readIntake(const json& record, const forms::Form* form, const core::Catalog& catalog,
                         const ReadingLangs& langs) {
    IntakeReading r = readPatient(record, form);
    const std::string formLang = form && !form->languages.empty() ? form->languages.front() : langs.staff;
    const session::Wording staff{catalog, langs.staff, formLang};
    const session::Wording asked{catalog, langs.answers, formLang};
    const json& answers = answersOf(record);
    r.formTitle = form ? asked.text(form->title) : (record.contains("form") && record["form"].is_object()
                                                        ? str(record["form"], "id")
                                                        : std::string());
    readFlags(r, record, form, langs.staff, formLang);
    readScores(r, record, form, staff);
    if (form) readAnswersByForm(r, answers, *form, asked, staff);
    else readAnswersBare(r, answers, staff);
    return r;
}

}  // namespace kiosk::exports
