#pragma once
// Record texts at the edges of JSON (numbers of every kind, escapes and lone surrogates, byte order
// marks, NULs, invalid UTF-8, repeated keys, deep nesting), for the tests of the readers that must
// accept and refuse what nlohmann::json::parse does (record_text_test.cpp, record_doc_test.cpp).
#include <string>
#include <vector>

inline std::vector<std::string> edgeRecordTexts() {
    using namespace std::string_literals;
    return {
        R"({"answers":{"q":"x","n":3,"m":-2,"f":-2.5,"e":1e2,"z":-0,"zf":-0.0,"t":true,"u":null}})",
        R"({"big":18446744073709551615,"bigger":18446744073709551616,"neg":-9223372036854775809})",
        R"({"p":0.1,"q":0.10000000149011612,"r":1.7976931348623157e308,"s":5e-324,"tiny":1e-400})",
        R"([1e400])", R"([-1e400])", R"({"a":1,"a":2})", R"("just a string")", "5", "[]", "{}", "",
        "   ", R"({"a":1} trailing)", R"({"a":1,})", R"([1,])", R"({'a':1})", R"({"a":01})", R"({"a":.5})",
        R"({"a":"\u00e9\ud83d\ude00\n\t\"\\\/"})", R"({"lone high":"\ud83d"})", R"({"lone low":"\ude00"})",
        R"({"\ude00":1})", R"({"pair reversed":"\ude00\ud83d"})", R"({"bad escape":"\x41"})",
        "{\"ctl\":\"a\tb\"}", "{\"utf8\":\"\xC3\xB1\xE2\x82\xAC\xF0\x9F\x98\x80\"}", "{\"bad\":\"\xC3\x28\"}",
        "{\"surrogate bytes\":\"\xED\xA0\x80\"}", "{\"overlong\":\"\xC0\xAF\"}", "{\"cut\":\"\xE2\x82\"}",
        "\xEF\xBB\xBF{\"bom\":1}", "\xEF\xBB{\"half bom\":1}", "\xBB\xBF{\"no lead\":1}", "\xEF{}",
        "{\"nul\":\"a\0b\"}"s, "{\"a\":1}\0 junk"s, "\0{}"s, "{\"a\":\0}"s, "[1 \0 ,2]"s,
        std::string(5000, '[') + std::string(5000, ']'), R"({"a":[1,[2,[3,{"b":[{}]}]]]})"};
}
