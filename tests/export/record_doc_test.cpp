// RecordDoc (record_doc.h), the FHIR Bundle writer's reading of a record, is the twin of the tree
// nlohmann::json::parse builds: the same texts accepted and refused, the same values (toTree), the
// last of repeated keys found (member), a tree taken in byte for byte (assign), and each record
// replacing the last in memory that is reused.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "kiosk/export/record_doc.h"
#include "record_texts.h"

namespace {
using nlohmann::json;
using kiosk::exports::RecordDoc;

json reference(const std::string& text) { return json::parse(text.data(), text.data() + text.size(), nullptr, false); }

}  // namespace

TEST(RecordDoc, ReadsWhatNlohmannReadsAndRefusesWhatItRefuses) {
    RecordDoc doc;
    for (const std::string& text : edgeRecordTexts()) {
        SCOPED_TRACE(text.size() > 80 ? text.substr(0, 80) + "..." : text);
        const json expected = reference(text);
        const bool ok = doc.parse(text);
        EXPECT_EQ(ok, !expected.is_discarded());
        if (!ok) {
            EXPECT_TRUE(doc.root().IsNull()) << "a refused text leaves nothing of itself";
            continue;
        }
        if (expected.is_discarded()) continue;
        const json got = RecordDoc::toTree(doc.root());
        EXPECT_EQ(got, expected);
        EXPECT_EQ(got.dump(), expected.dump()) << "integers as integers, doubles as doubles";
    }
}

TEST(RecordDoc, MemberIsTheLastOfARepeatedKeyAsTheTreeKeepsIt) {
    RecordDoc doc;
    ASSERT_TRUE(doc.parse(R"({"a":1,"b":"x","a":{"c":2,"c":3},"d":null})"));
    const RecordDoc::Value* a = RecordDoc::member(doc.root(), "a");
    ASSERT_NE(a, nullptr);
    ASSERT_TRUE(a->IsObject());
    ASSERT_NE(RecordDoc::member(*a, "c"), nullptr);
    EXPECT_EQ(RecordDoc::member(*a, "c")->GetInt(), 3);
    EXPECT_EQ(RecordDoc::text(*RecordDoc::member(doc.root(), "b")), "x");
    EXPECT_TRUE(RecordDoc::member(doc.root(), "d")->IsNull());
    EXPECT_EQ(RecordDoc::member(doc.root(), "e"), nullptr);
    EXPECT_EQ(RecordDoc::member(*RecordDoc::member(doc.root(), "b"), "a"), nullptr) << "a string has no members";
    EXPECT_EQ(RecordDoc::toTree(doc.root()), reference(R"({"a":1,"b":"x","a":{"c":2,"c":3},"d":null})"));
}

TEST(RecordDoc, TakesATreeByteForByte) {
    // Strings a tree may hold that no accepted text does (broken UTF-8, NULs) stay as they are.
    const json tree = {{"answers",
                        {{"broken", std::string("a\xff\xed\xa0\x80" "b\0c", 8)},
                         {"n", -3},
                         {"u", 18446744073709551615ULL},
                         {"f", 0.1},
                         {"list", json::array({true, nullptr, json::object(), json::array()})}}},
                       {"lang", "es"}};
    RecordDoc doc;
    doc.assign(tree);
    EXPECT_EQ(RecordDoc::toTree(doc.root()), tree);
    EXPECT_EQ(RecordDoc::toTree(doc.root()).dump(-1, ' ', false, json::error_handler_t::replace),
              tree.dump(-1, ' ', false, json::error_handler_t::replace));
}

TEST(RecordDoc, EachRecordReplacesTheLast) {
    // A record larger than the kept pool, then smaller ones: each read alone, none of the last left.
    json big = json::object();
    for (int i = 0; i < 5000; ++i) big["answers"]["item_" + std::to_string(i)] = std::string(20, 'x');
    RecordDoc doc;
    ASSERT_TRUE(doc.parse(big.dump()));
    EXPECT_EQ(RecordDoc::toTree(doc.root()), big);
    ASSERT_TRUE(doc.parse(R"({"answers":{"q":"short"}})"));
    EXPECT_EQ(RecordDoc::toTree(doc.root()), reference(R"({"answers":{"q":"short"}})"));
    doc.assign(big);
    EXPECT_EQ(RecordDoc::toTree(doc.root()), big);
    EXPECT_FALSE(doc.parse("{not json"));
    EXPECT_TRUE(doc.root().IsNull());
}
