// The content shipped with the kiosk: body-region names in every language, the bundled forms'
// translations, and the answer sets in tests/data/answers that simulate tests replay.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "kiosk/bodymap/regions.h"
#include "kiosk/core/i18n.h"

namespace fs = std::filesystem;
using kiosk::core::Catalog;
using kiosk::bodymap::regions;
using kiosk::bodymap::painKinds;

namespace {

const std::vector<std::string> kLanguages{"en", "es"};

std::string sourcePath(const std::string& rel) { return std::string(KIOSK_SOURCE_DIR) + "/" + rel; }

std::vector<fs::path> bundledForms() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(sourcePath("forms")))
        if (e.path().extension() == ".yaml") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

Catalog loadRegions(const std::string& lang) {
    Catalog c;
    auto r = c.loadFile(sourcePath("assets/i18n/regions." + lang + ".yaml"));
    EXPECT_TRUE(r) << "regions." << lang << ".yaml does not load";
    return c;
}

// Any map with an `en` key is a Text: it must hold exactly the form's languages, none empty.
void checkTexts(const YAML::Node& node, const std::set<std::string>& langs, const std::string& path,
                std::vector<std::string>& problems) {
    if (node.IsMap()) {
        if (node["en"]) {
            std::set<std::string> keys;
            for (const auto& kv : node) {
                keys.insert(kv.first.as<std::string>());
                if (!kv.second.IsScalar() || kv.second.as<std::string>().empty())
                    problems.push_back(path + "." + kv.first.as<std::string>() + " is empty");
            }
            if (keys != langs) problems.push_back(path + " has other languages than `languages`");
            return;
        }
        for (const auto& kv : node)
            checkTexts(kv.second, langs, path + "." + kv.first.as<std::string>(), problems);
    } else if (node.IsSequence()) {
        for (size_t i = 0; i < node.size(); ++i)
            checkTexts(node[i], langs, path + "[" + std::to_string(i) + "]", problems);
    }
}

nlohmann::json readJson(const fs::path& p) {
    std::ifstream in(p);
    return nlohmann::json::parse(in);
}

}  // namespace

// [SECTION] Region names

TEST(BundledContent, EveryRegionGroupAndPainKindHasANameInEveryLanguage) {
    auto catalog = Catalog::loadDir(sourcePath("assets/i18n"));
    ASSERT_TRUE(catalog);
    for (const auto& lang : kLanguages) {
        for (const auto& r : regions()) {
            EXPECT_TRUE(catalog->has(lang, "region." + std::string(r.id))) << lang << " " << r.id;
            EXPECT_TRUE(catalog->has(lang, "region_group." + std::string(r.group))) << lang << " " << r.group;
        }
        for (auto kind : painKinds())
            EXPECT_TRUE(catalog->has(lang, "pain_kind." + std::string(kind))) << lang << " " << kind;
    }
    EXPECT_EQ(catalog->tr("en", "language.name"), "English");
    EXPECT_EQ(catalog->tr("es", "language.name"), "Español");
}

TEST(BundledContent, RegionFilesHaveTheSameKeysAndNoStrayRegions) {
    const Catalog en = loadRegions("en"), es = loadRegions("es");
    EXPECT_EQ(en.keys("en"), es.keys("es"));
    for (const auto& key : en.keys("en")) {
        if (key.rfind("region.", 0) != 0) continue;
        EXPECT_NE(kiosk::bodymap::findRegion(key.substr(7)), nullptr) << key << " is not a body region";
    }
}

TEST(BundledContent, PairedRegionNamesSayThePatientsSide) {
    const Catalog en = loadRegions("en"), es = loadRegions("es");
    auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        return s;
    };
    for (const auto& r : regions()) {
        const std::string id(r.id), key = "region." + id;
        const std::string enName = lower(en.tr("en", key)), esName = lower(es.tr("es", key));
        const bool left = id.size() > 2 && id.compare(id.size() - 2, 2, "_l") == 0;
        const bool right = id.size() > 2 && id.compare(id.size() - 2, 2, "_r") == 0;
        if (left) {
            EXPECT_NE(enName.find("left"), std::string::npos) << key;
            EXPECT_EQ(enName.find("right"), std::string::npos) << key;
            EXPECT_NE(esName.find("izquierd"), std::string::npos) << key;
        } else if (right) {
            EXPECT_NE(enName.find("right"), std::string::npos) << key;
            EXPECT_EQ(enName.find("left"), std::string::npos) << key;
            EXPECT_NE(esName.find("derech"), std::string::npos) << key;
        }
    }
}

// [SECTION] Bundled forms

TEST(BundledContent, FormsParseAndEveryTextHasExactlyTheDeclaredLanguages) {
    const auto forms = bundledForms();
    ASSERT_GE(forms.size(), 2u);
    for (const auto& path : forms) {
        SCOPED_TRACE(path.filename().string());
        YAML::Node root;
        ASSERT_NO_THROW(root = YAML::LoadFile(path.string()));
        ASSERT_TRUE(root["languages"].IsSequence());
        std::set<std::string> langs;
        for (const auto& l : root["languages"]) langs.insert(l.as<std::string>());
        EXPECT_EQ(langs, std::set<std::string>(kLanguages.begin(), kLanguages.end()));
        ASSERT_TRUE(root["license"]["text"]) << "bundled forms carry a license block";
        std::vector<std::string> problems;
        checkTexts(root, langs, root["id"].as<std::string>(), problems);
        std::string all;
        for (const auto& p : problems) all += p + "\n";
        EXPECT_TRUE(problems.empty()) << all;
    }
}

// [SECTION] Answer sets

TEST(BundledContent, AnswerSetsUseRealItemsOptionsAndRegions) {
    const fs::path dir = sourcePath("tests/data/answers");
    int sets = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (!entry.is_directory()) continue;
        SCOPED_TRACE(entry.path().filename().string());
        ++sets;
        const auto answers = readJson(entry.path() / "answers.json");
        const auto expected = readJson(entry.path() / "expected.json");
        const fs::path formPath = sourcePath(expected.at("form").get<std::string>());
        const YAML::Node form = YAML::LoadFile(formPath.string());

        // Items, flags and scores of the form and of the instruments its pages (or a page's items) include.
        std::map<std::string, YAML::Node> items;
        std::map<std::string, std::string> flagSeverity;
        std::set<std::string> scoreIds;
        std::function<void(const YAML::Node&)> addItems = [&](const YAML::Node& f) {
            for (const auto& fl : f["flags"]) flagSeverity[fl["id"].as<std::string>()] = fl["severity"].as<std::string>();
            for (const auto& sc : f["scores"]) scoreIds.insert(sc["id"].as<std::string>());
            for (const auto& page : f["pages"]) {
                if (page["include"]) {
                    addItems(YAML::LoadFile((formPath.parent_path() / page["include"].as<std::string>()).string()));
                    continue;
                }
                for (const auto& item : page["items"]) {
                    if (item["include"]) {
                        addItems(YAML::LoadFile((formPath.parent_path() / item["include"].as<std::string>()).string()));
                        continue;
                    }
                    items.emplace(item["id"].as<std::string>(), YAML::Node(item));
                }
            }
        };
        addItems(form);
        auto hasOption = [](const YAML::Node& item, const std::string& v) {
            for (const auto& o : item["options"])
                if (o["value"].as<std::string>() == v) return true;
            return false;
        };
        for (const auto& [id, value] : answers.items()) {
            ASSERT_TRUE(items.count(id)) << id << " is not an item of " << expected["form"];
            const YAML::Node& item = items[id];
            const std::string type = item["type"].as<std::string>();
            if (type == "single") {
                EXPECT_TRUE(hasOption(item, value.get<std::string>())) << id << ": " << value;
            } else if (type == "multi") {
                for (const auto& v : value) EXPECT_TRUE(hasOption(item, v.get<std::string>())) << id << ": " << v;
            } else if (type == "matrix") {
                for (const auto& [row, v] : value.items()) {
                    bool rowFound = false;
                    for (const auto& r : item["rows"]) rowFound |= r["id"].as<std::string>() == row;
                    EXPECT_TRUE(rowFound) << id << "." << row;
                    EXPECT_TRUE(hasOption(item, v.get<std::string>())) << id << "." << row << ": " << v;
                }
            } else if (type == "body_map") {
                for (const auto& mark : value) {
                    const std::string region = mark.is_string() ? mark.get<std::string>() : mark.at("region").get<std::string>();
                    // Some sets keep ids of the earlier list (sacrum, trapezius_l): old answer files must load.
                    EXPECT_FALSE(kiosk::bodymap::resolveRegion(region).empty()) << region;
                    if (!mark.is_object() || !mark.contains("kinds")) continue;
                    for (const auto& k : mark["kinds"])
                        EXPECT_NE(std::find(painKinds().begin(), painKinds().end(), k.get<std::string>()),
                                  painKinds().end()) << k;
                }
            } else if (type == "yes_no" || type == "consent") {
                EXPECT_TRUE(value.is_boolean()) << id;
            } else if (type == "scale" || type == "number") {
                EXPECT_TRUE(value.is_number()) << id;
            }
        }
        for (const char* severity : {"urgent", "caution"})
            for (const auto& f : expected["flags"][severity]) {
                auto it = flagSeverity.find(f.get<std::string>());
                ASSERT_NE(it, flagSeverity.end()) << f << " is not a flag of the form";
                EXPECT_EQ(it->second, severity) << f;
            }
        for (const auto& [id, v] : expected["scores"].items()) EXPECT_TRUE(scoreIds.count(id)) << id;
        EXPECT_EQ(expected["scores"].size(), scoreIds.size()) << "every score has an expected value";
    }
    EXPECT_GE(sets, 4);
}
