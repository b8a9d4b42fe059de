#pragma once
// The one-definition check: no two class, struct, union or enum definitions under kiosk/ with the
// same qualified name (types in an anonymous namespace are each file's own and do not count). Two
// different types under one name link without a word, and the linker then keeps one copy of their
// inline members (destructor, copy, vector growth) for both: the other file's objects are destroyed
// with the wrong layout. Text only: comments, string literals and preprocessor lines are skipped,
// braces are counted, and a type is recorded where its `{` opens at namespace scope.
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::arch {

/// @brief One message per name defined twice, in compiler form
/// (`kiosk/forms/b.h:12: error: kiosk::forms::detail::ItemSym is defined again (first at kiosk/forms/a.h:27) ...`);
/// empty when every name is defined once. @p root is the folder that holds kiosk/; paths in the
/// messages are relative to it.
std::vector<std::string> checkOneDefinition(const std::filesystem::path& root);

}  // namespace kiosk::arch
