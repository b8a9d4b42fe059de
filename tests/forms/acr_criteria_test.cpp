// The 2016 fibromyalgia criteria in the bundled intake (score acr_2016_criteria): the body map's
// Widespread Pain Index and generalized pain with the SSS of forms/instruments/acr_sss.yaml, at the
// criteria's boundaries: WPI >= 7 and SSS >= 5, or WPI 4-6 and SSS >= 9, and pain in 4 of 5 regions.
#include <gtest/gtest.h>

#include <map>

#include "forms/form_test_util.h"
#include "kiosk/bodymap/regions.h"
#include "kiosk/forms/scoring.h"

using namespace kiosk::forms;
using namespace kiosk::forms::test;
using kiosk::bodymap::WpiRegion;

namespace {

std::shared_ptr<const Form> intake() {
    const auto r = loadForm(std::string(KIOSK_SOURCE_DIR) + "/forms/intake.yaml");
    EXPECT_TRUE(r.ok()) << dump(r);
    return r.form;
}

/// @p perRegion WPI areas in each of the first regions listed (one body-map region per area),
/// taken from the catalogue, so that the WPI and the regions covered are known.
BodyMapAnswer marks(const std::vector<std::pair<WpiRegion, int>>& perRegion) {
    std::map<std::string, std::string> oneRegionPerArea;  // WPI area -> a body-map region in it
    for (const auto& r : kiosk::bodymap::regions())
        if (!r.wpiArea.empty()) oneRegionPerArea.emplace(std::string(r.wpiArea), std::string(r.id));
    BodyMapAnswer out;
    for (const auto& [region, count] : perRegion) {
        int taken = 0;
        for (const auto& area : kiosk::bodymap::wpiAreas()) {
            if (area.region != region || !area.countsForGeneralized || taken == count) continue;
            out.push_back(BodyMark{oneRegionPerArea.at(std::string(area.id)), 6, {}});
            ++taken;
        }
        EXPECT_EQ(taken, count) << "test bug: not enough areas in a region";
    }
    return out;
}

/// SSS answers adding up to @p sss (0-12): severity rows first (up to 9), then the 6-month rows.
MatrixAnswer severity(int sss) {
    static const char* kLevels[] = {"no_problem", "slight", "moderate", "severe"};
    MatrixAnswer m;
    int left = std::min(sss, 9);
    for (const char* row : {"fatigue", "waking_unrefreshed", "cognitive"}) {
        const int v = std::min(left, 3);
        m[row] = kLevels[v];
        left -= v;
    }
    return m;
}
MatrixAnswer sixMonths(int sss) {
    MatrixAnswer m;
    int left = std::max(sss - 9, 0);
    for (const char* row : {"headaches", "lower_abdomen", "depression"}) m[row] = left-- > 0 ? "yes" : "no";
    return m;
}

struct Outcome {
    std::optional<double> wpi, generalized, sss, criteria;
};

Outcome run(const Form& f, const BodyMapAnswer& map, int sss) {
    const Answers a{{"pain_map", map}, {"sss_severity", severity(sss)}, {"sss_six_months", sixMonths(sss)}};
    const auto value = [&](const char* id) { return computeScore(*f.findScore(id), f, a).value; };
    return {value("widespread_pain_index"), value("generalized_pain"), value("acr_sss"), value("acr_2016_criteria")};
}

}  // namespace

TEST(AcrCriteria, TheBoundariesOfThe2016Criteria) {
    const auto f = intake();
    ASSERT_TRUE(f);
    // 7 areas over 4 regions (2+2+2+1): generalized.
    const BodyMapAnswer wpi7 = marks({{WpiRegion::LeftUpper, 2}, {WpiRegion::RightUpper, 2}, {WpiRegion::LeftLower, 2},
                                      {WpiRegion::RightLower, 1}});
    Outcome o = run(*f, wpi7, 5);
    EXPECT_EQ(o.wpi, 7.0);
    EXPECT_EQ(o.generalized, 1.0);
    EXPECT_EQ(o.sss, 5.0);
    EXPECT_EQ(o.criteria, 1.0);
    EXPECT_EQ(run(*f, wpi7, 4).criteria, 0.0);  // SSS 4: not met

    // 6 areas over 4 regions: needs SSS 9.
    const BodyMapAnswer wpi6 = marks({{WpiRegion::LeftUpper, 2}, {WpiRegion::RightUpper, 2}, {WpiRegion::LeftLower, 1},
                                      {WpiRegion::RightLower, 1}});
    EXPECT_EQ(run(*f, wpi6, 9).criteria, 1.0);
    EXPECT_EQ(run(*f, wpi6, 8).criteria, 0.0);
    // 4 areas in 4 regions with SSS 9: met; 3 areas (3 regions) with SSS 12: not.
    const BodyMapAnswer wpi4 = marks({{WpiRegion::LeftUpper, 1}, {WpiRegion::RightUpper, 1}, {WpiRegion::LeftLower, 1},
                                      {WpiRegion::RightLower, 1}});
    o = run(*f, wpi4, 9);
    EXPECT_EQ(o.wpi, 4.0);
    EXPECT_EQ(o.criteria, 1.0);
    const BodyMapAnswer wpi3 = marks({{WpiRegion::LeftUpper, 1}, {WpiRegion::RightUpper, 1}, {WpiRegion::LeftLower, 1}});
    EXPECT_EQ(run(*f, wpi3, 12).criteria, 0.0);

    // WPI 7 and SSS 12 in only 3 regions: no generalized pain, so not met.
    const BodyMapAnswer regional = marks({{WpiRegion::LeftUpper, 3}, {WpiRegion::RightUpper, 3}, {WpiRegion::Axial, 1}});
    o = run(*f, regional, 12);
    EXPECT_EQ(o.wpi, 7.0);
    EXPECT_EQ(o.generalized, 0.0);
    EXPECT_EQ(o.criteria, 0.0);
}

TEST(AcrCriteria, NoVerdictWhenTheSssIsIncompleteAndStaffReadScreeningNotDiagnosis) {
    const auto f = intake();
    ASSERT_TRUE(f);
    const BodyMapAnswer wpi7 = marks({{WpiRegion::LeftUpper, 2}, {WpiRegion::RightUpper, 2}, {WpiRegion::LeftLower, 2},
                                      {WpiRegion::RightLower, 1}});
    MatrixAnswer partial = severity(9);
    partial.erase("cognitive");
    const Answers a{{"pain_map", wpi7}, {"sss_severity", partial}, {"sss_six_months", sixMonths(0)}};
    EXPECT_FALSE(computeScore(*f->findScore("acr_2016_criteria"), *f, a).value);
    EXPECT_NE(f->findScore("acr_2016_criteria")->note.get("en").find("Screening, not a diagnosis"), std::string::npos);
    EXPECT_NE(f->findScore("acr_sss")->note.get("es").find("no un diagnóstico"), std::string::npos);
}
