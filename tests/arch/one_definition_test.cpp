// The one-definition check: the real tree defines each type name once, and the check fails, at
// file:line and naming both places, on a fixture tree that defines two names twice
// (tests/data/odr/README.md). The real tree once had two kiosk::forms::detail::ItemSym (the form
// parser's and the FHIR import's): the linker kept one destructor for both and loading any form
// crashed in readPage.
#include "arch/one_definition.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using kiosk::arch::checkOneDefinition;

namespace {

const std::string kSrc = KIOSK_SOURCE_DIR;

std::string joined(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& l : lines) s += l + "\n";
    return s;
}

/// A message up to its "; two types ..." tail.
std::string head(const std::string& message) { return message.substr(0, message.find("; ")); }

}  // namespace

TEST(OneDefinition, TheTreeDefinesEachTypeNameOnce) {
    const std::vector<std::string> problems = checkOneDefinition(kSrc);
    EXPECT_TRUE(problems.empty()) << joined(problems);
}

TEST(OneDefinition, ATypeDefinedTwiceFailsAtItsLineNamingTheFirst) {
    const std::vector<std::string> problems = checkOneDefinition(kSrc + "/tests/data/odr");
    std::vector<std::string> heads;
    for (const auto& p : problems) heads.push_back(head(p));
    const std::vector<std::string> expected = {
        "kiosk/forms/parse_context.h:7: error: kiosk::forms::detail::ItemSym is defined again (first at "
        "kiosk/forms/fhir_import_ctx.h:8)",
        "kiosk/store/kind_old.h:5: error: kiosk::store::Kind is defined again (first at kiosk/store/kind.h:7)",
    };
    EXPECT_EQ(heads, expected) << joined(problems);
    for (const auto& p : problems) EXPECT_NE(p.find("one-definition rule"), std::string::npos) << p;
}
