#pragma once
// Helpers for the forms tests: wrap items in a minimal valid form, find where a piece of text
// sits (1-based line:col, counted in characters like an editor), and match errors exactly.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "kiosk/forms/loader.h"

namespace kiosk::forms::test {

/// A valid form in en + es around @p items (indented 6 spaces, "      - id: ..."); @p tail is
/// appended at top level (scores:, flags:). The items begin on line 9.
inline std::string withItems(const std::string& items, const std::string& tail = "") {
    return "id: t\n"
           "version: 1\n"
           "title: {en: T, es: T}\n"
           "languages: [en, es]\n"
           "pages:\n"
           "  - id: p\n"
           "    title: {en: P, es: P}\n"
           "    items:\n" +
           items + tail;
}

/// One yes_no item, for forms that need something to refer to.
inline std::string yesNo(const std::string& id) {
    return "      - id: " + id + "\n        type: yes_no\n        label: {en: Q, es: Q}\n";
}

struct Pos {
    int line = 0, col = 0;
};

/// Where the @p nth (0-based) occurrence of @p needle starts in @p text.
inline Pos locate(std::string_view text, std::string_view needle, int nth = 0) {
    size_t at = text.find(needle);
    for (int i = 0; i < nth && at != std::string_view::npos; ++i) at = text.find(needle, at + 1);
    EXPECT_NE(at, std::string_view::npos) << "test bug: '" << needle << "' is not in the text";
    if (at == std::string_view::npos) return {};
    Pos p{1, 1};
    for (size_t i = 0; i < at; ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.col = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++p.col;
        }
    }
    return p;
}

inline LoadResult load(std::string_view yaml) { return loadFormFromString(yaml, "forms/t.yaml"); }

inline std::string dump(const LoadResult& r) {
    std::string s;
    for (const auto& e : r.errors) s += e.format() + "\n";
    return s;
}

/// The result has an error exactly at @p pos with exactly @p message.
inline ::testing::AssertionResult hasError(const LoadResult& r, Pos pos, std::string_view message) {
    for (const auto& e : r.errors)
        if (e.where.line == pos.line && e.where.col == pos.col && e.message == message)
            return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "no error at " << pos.line << ":" << pos.col << " saying \"" << message
                                         << "\"; got:\n"
                                         << dump(r);
}

/// The result failed with exactly one error, at @p pos, saying @p message.
inline ::testing::AssertionResult onlyError(const LoadResult& r, Pos pos, std::string_view message) {
    if (r.form) return ::testing::AssertionFailure() << "the form loaded; expected an error";
    if (r.errors.size() != 1)
        return ::testing::AssertionFailure() << "expected 1 error, got " << r.errors.size() << ":\n" << dump(r);
    return hasError(r, pos, message);
}

}  // namespace kiosk::forms::test
