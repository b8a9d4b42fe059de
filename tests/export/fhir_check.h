#pragma once
// Checks shared by the FHIR tests: the official FHIR R4 JSON schema (HL7's fhir.schema.json,
// installed from npm by packaging/install-deps.sh) with valijson, and our own check that every
// answer of a QuestionnaireResponse sits under a linkId of its Questionnaire with a matching type.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

namespace kiosk::testing {

/// @brief The FHIR R4 schema, parsed once per resource type asked for (each as a schema whose
///        root is that type's definition, so that errors name the real problem rather than 145
///        other resource types that did not match either).
class FhirSchema {
public:
    static FhirSchema& get() {
        static FhirSchema s;
        return s;
    }
    bool loaded() const { return !m_json.is_null(); }

    /// "" when @p resource is valid against the definition of its resourceType; else one line per
    /// problem ("<path>: <what>").
    std::string violations(const nlohmann::json& resource) {
        if (!loaded()) return "the FHIR schema is not installed (run `make deps`): " + std::string(KIOSK_FHIR_SCHEMA);
        const std::string type = resource.value("resourceType", "");
        if (!m_json["definitions"].contains(type)) return "no resourceType that FHIR R4 knows: '" + type + "'";
        if (type == "Bundle") {
            // Each entry against its own type first: a Bundle's own errors list every type an
            // entry failed to be.
            for (const auto& e : resource.value("entry", nlohmann::json::array())) {
                if (!e.contains("resource")) continue;
                const std::string inner = violations(e["resource"]);
                if (!inner.empty()) return "entry " + e.value("fullUrl", "?") + ":\n" + inner;
            }
        }
        valijson::Validator validator;
        valijson::ValidationResults results;
        valijson::adapters::NlohmannJsonAdapter target(resource);
        if (validator.validate(schemaFor(type), target, &results)) return {};
        std::string out;
        valijson::ValidationResults::Error e;
        while (results.popError(e)) {
            std::string path;
            for (const auto& p : e.context) path += p;
            out += path + ": " + e.description + "\n";
        }
        return out.empty() ? "invalid" : out;
    }

private:
    FhirSchema() {
        std::ifstream in(KIOSK_FHIR_SCHEMA, std::ios::binary);
        if (!in) return;
        std::stringstream s;
        s << in.rdbuf();
        m_json = nlohmann::json::parse(s.str());
    }
    const valijson::Schema& schemaFor(const std::string& type) {
        auto& slot = m_schemas[type];
        if (!slot) {
            nlohmann::json root{{"$ref", "#/definitions/" + type}, {"definitions", m_json["definitions"]}};
            valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
            valijson::adapters::NlohmannJsonAdapter adapter(root);
            slot = std::make_unique<valijson::Schema>();
            parser.populateSchema(adapter, *slot);
        }
        return *slot;
    }
    nlohmann::json m_json;
    std::map<std::string, std::unique_ptr<valijson::Schema>> m_schemas;
};

/// @brief What the schema cannot say about a Questionnaire: every enableWhen.question names an
///        item of it that is a question (not a group or display item: R4 "the linkId for the
///        question whose answer ... governs whether this item is enabled"), and an `exists` has an
///        answerBoolean. One line per problem.
inline std::vector<std::string> enableWhenProblems(const nlohmann::json& questionnaire) {
    std::map<std::string, std::string> types;
    std::vector<std::pair<std::string, nlohmann::json>> conditions;  // item linkId, one enableWhen
    std::function<void(const nlohmann::json&)> collect = [&](const nlohmann::json& items) {
        for (const auto& i : items) {
            types[i.value("linkId", "")] = i.value("type", "");
            for (const auto& ew : i.value("enableWhen", nlohmann::json::array())) conditions.emplace_back(i.value("linkId", ""), ew);
            collect(i.value("item", nlohmann::json::array()));
        }
    };
    collect(questionnaire.value("item", nlohmann::json::array()));
    std::vector<std::string> out;
    for (const auto& [item, ew] : conditions) {
        const std::string question = ew.value("question", "");
        const auto t = types.find(question);
        if (t == types.end())
            out.push_back("'" + item + "': enableWhen names '" + question + "', which is not in the Questionnaire");
        else if (t->second == "group" || t->second == "display")
            out.push_back("'" + item + "': enableWhen names '" + question + "', a " + t->second + " item, not a question");
        if (ew.value("operator", "") == "exists" && !(ew.contains("answerBoolean") && ew["answerBoolean"].is_boolean()))
            out.push_back("'" + item + "': enableWhen exists on '" + question + "' without answerBoolean");
    }
    return out;
}

/// Fails the current test with the schema's complaints when @p resource is not valid FHIR R4 (and,
/// for a Questionnaire, when an enableWhen names no question: enableWhenProblems).
inline void expectValidFhir(const nlohmann::json& resource, const std::string& what) {
    const std::string v = FhirSchema::get().violations(resource);
    EXPECT_EQ(v, "") << what << " is not valid FHIR R4:\n" << v.substr(0, 4000);
    if (resource.value("resourceType", "") == "Questionnaire") {
        EXPECT_EQ(enableWhenProblems(resource), std::vector<std::string>{}) << what;
    }
}

/// @brief Our own check of a response against its Questionnaire: every item's linkId is one of
///        the Questionnaire's, nested under the same parent; every answer's value[x] fits the
///        item's type (choice: valueCoding or the type of its answerOptions); a non-repeating item
///        has one answer; groups and display items carry no answers. One line per problem.
class LinkIdCheck {
public:
    explicit LinkIdCheck(const nlohmann::json& questionnaire) { collect(questionnaire.value("item", nlohmann::json::array()), ""); }

    std::vector<std::string> problems(const nlohmann::json& response) const {
        std::vector<std::string> out;
        check(response.value("item", nlohmann::json::array()), "", out);
        return out;
    }

private:
    struct Def {
        std::string type, parent;
        bool repeats = false;
        std::set<std::string> optionTypes;  ///< value[x] keys of its answerOptions
    };

    void collect(const nlohmann::json& items, const std::string& parent) {
        for (const auto& i : items) {
            Def d{i.value("type", ""), parent, i.value("repeats", false), {}};
            for (const auto& o : i.value("answerOption", nlohmann::json::array()))
                for (const auto& [k, v] : o.items())
                    if (k.rfind("value", 0) == 0) d.optionTypes.insert(k);
            const std::string link = i.value("linkId", "");
            if (!m_defs.emplace(link, d).second) m_duplicates.insert(link);
            collect(i.value("item", nlohmann::json::array()), link);
        }
    }

    static std::string expectedKey(const Def& d) {
        static const std::map<std::string, std::string> keys = {
            {"boolean", "valueBoolean"}, {"decimal", "valueDecimal"}, {"integer", "valueInteger"},
            {"date", "valueDate"},       {"dateTime", "valueDateTime"}, {"string", "valueString"},
            {"text", "valueString"},     {"attachment", "valueAttachment"}, {"url", "valueUri"}};
        const auto it = keys.find(d.type);
        return it == keys.end() ? "" : it->second;
    }

    void check(const nlohmann::json& items, const std::string& parent, std::vector<std::string>& out) const {
        for (const auto& i : items) {
            const std::string link = i.value("linkId", "");
            const auto it = m_defs.find(link);
            if (it == m_defs.end()) {
                out.push_back("linkId '" + link + "' is not in the Questionnaire");
                continue;
            }
            const Def& d = it->second;
            if (m_duplicates.count(link)) out.push_back("linkId '" + link + "' is used twice in the Questionnaire");
            if (d.parent != parent)
                out.push_back("linkId '" + link + "' sits under '" + parent + "', the Questionnaire has it under '" + d.parent + "'");
            const auto answers = i.value("answer", nlohmann::json::array());
            if ((d.type == "group" || d.type == "display") && !answers.empty())
                out.push_back("'" + link + "' is a " + d.type + " but has answers");
            if (!d.repeats && answers.size() > 1) out.push_back("'" + link + "' does not repeat but has several answers");
            for (const auto& a : answers) {
                std::string key;
                for (const auto& [k, v] : a.items())
                    if (k.rfind("value", 0) == 0) key = k;
                const bool fits = d.type == "choice" || d.type == "open-choice"
                                      ? (d.optionTypes.empty() ? key == "valueCoding" : d.optionTypes.count(key) > 0) ||
                                            (d.type == "open-choice" && key == "valueString")
                                      : key == expectedKey(d);
                if (!fits) out.push_back("'" + link + "' is " + d.type + " but is answered with " + key);
                if (key == "valueInteger" && !a[key].is_number_integer()) out.push_back("'" + link + "' has a valueInteger that is not whole");
                check(a.value("item", nlohmann::json::array()), link, out);
            }
            check(i.value("item", nlohmann::json::array()), link, out);
        }
    }

    std::map<std::string, Def> m_defs;
    std::set<std::string> m_duplicates;
};

}  // namespace kiosk::testing
