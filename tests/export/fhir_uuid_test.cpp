// The name-based UUIDs a Bundle names its resources by (fhir_common.h uuidFrom): the same name
// gives the same UUID in every export, different names different ones, each a valid RFC 9562
// version 8 UUID; one value is pinned, so a change of the scheme (which renames every resource an
// EHR already holds) cannot pass unnoticed.
#include <regex>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "kiosk/export/fhir_common.h"

namespace {

using kiosk::exports::fhir::uuidFrom;

TEST(ExportFhirUuid, TheSameNameGivesTheSameValidUuidAndNamesDiffer) {
    const std::regex shape("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    std::set<std::string> seen;
    const std::string record = "5f0c2a56-3b1e-4c3e-9a55-0d6f1e2b7c11";
    for (const std::string kind : {"score", "flag"})
        for (int i = 0; i < 500; ++i) {
            const std::string name = record + "/" + kind + "/item_" + std::to_string(i);
            const std::string u = uuidFrom(name);
            EXPECT_TRUE(std::regex_match(u, shape)) << u;
            EXPECT_EQ(uuidFrom(name), u);
            char buf[46];
            EXPECT_EQ(std::string(uuidFrom(name, buf)), u);
            seen.insert(u);
        }
    EXPECT_EQ(seen.size(), 1000u);
    EXPECT_NE(uuidFrom(record + "/patient"), uuidFrom(record + "/patient "));
    EXPECT_EQ(uuidFrom(record + "/patient"), "urn:uuid:f8fa33e9-f6e0-8e8f-920c-e3be65c1ceb5");
}

}  // namespace
