// forms/form.schema.json: valid draft-07, accepts every bundled form and the test forms the
// loader accepts, and rejects shape errors. Checked with valijson (Debian libvalijson-dev).
#include <gtest/gtest.h>

#include <dirent.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "form_test_util.h"
#include "kiosk/forms/yaml_json.h"
#include "support/temp_files.h"

using namespace kiosk::forms;
using kiosk::testing::readFile;

namespace {

const std::string kRoot = KIOSK_SOURCE_DIR;

std::vector<std::string> yamlFiles(const std::string& dir) {
    std::vector<std::string> out;
    if (DIR* d = ::opendir(dir.c_str())) {
        while (const dirent* e = ::readdir(d)) {
            const std::string name = e->d_name;
            if (name.size() > 5 && name.substr(name.size() - 5) == ".yaml") out.push_back(dir + "/" + name);
        }
        ::closedir(d);
    }
    std::sort(out.begin(), out.end());
    return out;
}

class FormSchema : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_json = nlohmann::json::parse(readFile(kRoot + "/forms/form.schema.json"));
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        valijson::adapters::NlohmannJsonAdapter adapter(s_json);
        s_schema = std::make_unique<valijson::Schema>();
        parser.populateSchema(adapter, *s_schema);
    }

    /// Schema violations of the YAML text, one line each ("" when it fits).
    static std::string violations(const std::string& yaml) {
        kiosk::core::Errors errors;
        const auto doc = yamlToJson(yaml, "t.yaml", errors);
        if (!doc) return "not YAML: " + errors.at(0).format();
        valijson::Validator validator;
        valijson::ValidationResults results;
        valijson::adapters::NlohmannJsonAdapter target(*doc);
        if (validator.validate(*s_schema, target, &results)) return {};
        std::string out;
        valijson::ValidationResults::Error e;
        while (results.popError(e)) {
            std::string path;
            for (const auto& p : e.context) path += p;
            out += path + ": " + e.description + "\n";
        }
        return out.empty() ? "invalid" : out;
    }

    static inline nlohmann::json s_json;
    static inline std::unique_ptr<valijson::Schema> s_schema;
};

}  // namespace

TEST_F(FormSchema, IsDraft07WithDescriptions) {
    EXPECT_EQ(s_json.at("$schema"), "http://json-schema.org/draft-07/schema#");
    for (const auto& [name, def] : s_json.at("properties").items())
        EXPECT_TRUE(def.contains("description")) << "top-level property '" << name << "' has no description";
    for (const auto& [name, def] : s_json.at("definitions").at("item").at("properties").items())
        EXPECT_TRUE(def.contains("description")) << "item property '" << name << "' has no description";
}

TEST_F(FormSchema, AcceptsEveryBundledForm) {
    const auto files = yamlFiles(kRoot + "/forms");
    ASSERT_GE(files.size(), 2u) << "the bundled forms (intake, follow-up) are missing";
    for (const auto& f : files) EXPECT_EQ(violations(readFile(f)), "") << f;
}

TEST_F(FormSchema, EveryBundledFormLoads) {
    const auto files = yamlFiles(kRoot + "/forms");
    ASSERT_GE(files.size(), 2u) << "the bundled forms (intake, follow-up) are missing";
    for (const auto& f : files) {
        const LoadResult r = loadForm(f);
        EXPECT_TRUE(r.ok()) << test::dump(r);
    }
}

TEST_F(FormSchema, AcceptsTheFormsTheLoaderAccepts) {
    auto files = yamlFiles(kRoot + "/tests/data/forms");
    for (const auto& f : yamlFiles(kRoot + "/tests/fuzz/corpus")) files.push_back(f);
    ASSERT_GE(files.size(), 3u);
    for (const auto& f : files) {
        ASSERT_TRUE(loadForm(f).ok()) << f;
        EXPECT_EQ(violations(readFile(f)), "") << f;
    }
}

TEST_F(FormSchema, RejectsShapeErrors) {
    using test::withItems;
    using test::yesNo;
    ASSERT_EQ(violations(withItems(yesNo("a"))), "");
    EXPECT_NE(violations(withItems(yesNo("a")) + "titel: x\n"), "");                                    // unknown key
    EXPECT_NE(violations(withItems("      - {id: a, type: scael, label: {en: A, es: A}}\n")), "");      // enum
    EXPECT_NE(violations(withItems("      - {id: Bad-Id, type: yes_no, label: {en: A, es: A}}\n")), "");  // id pattern
    for (const char* value : {"1a", "1", "\"1\""})  // option values start with a letter, as the loader says
        EXPECT_NE(violations(withItems(std::string("      - {id: a, type: single, label: {en: A, es: A}, options: "
                                                   "[{value: ") + value + ", label: {en: X, es: X}}, "
                                                   "{value: b, label: {en: B, es: B}}]}\n")), "")
            << value;
    EXPECT_NE(violations(withItems("      - {id: a, type: scale, label: {en: A, es: A}, options: []}\n")), "");  // key of another type
    EXPECT_NE(violations(withItems("      - {id: a, type: single, label: {en: A, es: A}}\n")), "");     // options required
    EXPECT_NE(violations(withItems(yesNo("a"), "flags:\n  - {id: f, severity: high, label: {en: F, es: F}, when: {item: a, op: answered}}\n")), "");
    EXPECT_NE(violations(withItems(yesNo("a"), "flags:\n  - {id: f, severity: urgent, label: {en: F, es: F}, when: {item: a, op: \"=\"}}\n")), "");
    EXPECT_NE(violations(withItems(yesNo("a"), "flags:\n  - {id: f, severity: urgent, label: {en: F, es: F}, when: {all: [], item: a}}\n")), "");
    EXPECT_NE(violations("version: 1\n"), "");  // required keys
    EXPECT_NE(violations(withItems("      - {id: a, type: yes_no, label: {English: A}}\n")), "");  // language code
}
