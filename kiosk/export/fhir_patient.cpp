#include "kiosk/export/fhir_patient.h"

#include "kiosk/export/fhir_common.h"
#include "kiosk/export/intake_reading.h"
#include "kiosk/forms/answer_access.h"

namespace kiosk::exports::fhir {
using nlohmann::json;

namespace {

/// Our codes of the "Sex" question (forms/intake.yaml) as FHIR administrative-gender: see the header.
std::string genderOf(const json& record) {
    const auto answers = record.find("answers");
    if (answers == record.end() || !answers->is_object()) return "";
    const auto sex = answers->find("sex");
    if (sex == answers->end() || !sex->is_string()) return "";
    const std::string& v = sex->get_ref<const std::string&>();
    if (v == "female" || v == "male") return v;
    if (v == "other") return "unknown";
    return "";
}

}  // namespace

std::optional<PatientFacts> patientFacts(const json& record, const forms::Form* form) {
    const IntakeReading r = readPatient(record, form);
    PatientFacts p{r.firstName, r.lastName, {}, {}, r.phone, r.email};
    // Only a real date: FHIR's date type has no room for an old record's odd text.
    if (forms::parseIsoDate(r.dateOfBirth)) p.birthDate = r.dateOfBirth;
    if (p.given.empty() && p.family.empty() && p.birthDate.empty() && p.phone.empty() && p.email.empty())
        return std::nullopt;
    p.gender = genderOf(record);
    return p;
}

std::vector<std::string> patientAnswerIds(const forms::Form* form) {
    // What readPatient() (intake_reading.cpp) reads: the answers of these ids, else of the form's
    // name, phone and email text items and its past-only dates; and genderOf() above: "sex".
    std::vector<std::string> ids = {"first_name", "last_name", "phone", "email", "date_of_birth", "sex"};
    if (form != nullptr)
        for (const forms::Item* item : form->allItems())
            if ((item->type == forms::ItemType::Text &&
                 (item->textKind == forms::TextKind::Name || item->textKind == forms::TextKind::Phone ||
                  item->textKind == forms::TextKind::Email)) ||
                (item->type == forms::ItemType::Date && item->pastOnly))
                ids.push_back(item->id);
    return ids;
}

std::string patientUrl(std::string_view recordId) {
    std::string seed(recordId);
    seed += "/patient";
    return uuidFrom(seed);
}

json patientResource(const PatientFacts& p, const std::string& id) {
    json r{{"resourceType", "Patient"}};
    if (!id.empty()) r["id"] = id;
    if (!p.given.empty() || !p.family.empty()) {
        json name = json::object();
        if (!p.family.empty()) name["family"] = p.family;
        if (!p.given.empty()) name["given"] = json::array({p.given});
        r["name"] = json::array({std::move(name)});
    }
    if (!p.birthDate.empty()) r["birthDate"] = p.birthDate;
    if (!p.gender.empty()) r["gender"] = p.gender;
    json telecom = json::array();
    if (!p.phone.empty()) telecom.push_back({{"system", "phone"}, {"value", p.phone}});
    if (!p.email.empty()) telecom.push_back({{"system", "email"}, {"value", p.email}});
    if (!telecom.empty()) r["telecom"] = std::move(telecom);
    replaceControlChars(r);
    return r;
}

void writePatient(JsonOut& out, const PatientFacts& p) {
    // Keys in sorted order, as the tree keeps them.
    out.beginObject();
    if (!p.birthDate.empty()) out.field("birthDate", p.birthDate);
    if (!p.gender.empty()) out.field("gender", p.gender);
    if (!p.given.empty() || !p.family.empty()) {
        out.key("name").beginArray().beginObject();
        if (!p.family.empty()) out.field("family", p.family);
        if (!p.given.empty()) out.key("given").beginArray().string(p.given).endArray();
        out.endObject().endArray();
    }
    out.field("resourceType", "Patient");
    if (!p.phone.empty() || !p.email.empty()) {
        out.key("telecom").beginArray();
        if (!p.phone.empty()) out.beginObject().field("system", "phone").field("value", p.phone).endObject();
        if (!p.email.empty()) out.beginObject().field("system", "email").field("value", p.email).endObject();
        out.endArray();
    }
    out.endObject();
}

}  // namespace kiosk::exports::fhir
