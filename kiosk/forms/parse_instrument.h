#pragma once
// Instrument blocks, verbatim checks and included instrument files (internal to kiosk_forms).
#include <map>
#include <string>

#include "kiosk/forms/parse_context.h"

namespace kiosk::forms::detail {

/// `instrument:` of an instrument file.
void readInstrument(Ctx& ctx, const YamlNode& node, Form& form);
/// Once every page is read: verbatim items need an instrument block, every language a declared
/// official translation, and each translation's fingerprint must match the text (instrument.h).
void checkVerbatim(Ctx& ctx, Form& form);
/// A page entry `{include: path, optional: bool, show_if: ...}`: loads the instrument file beside
/// the form and appends its pages (their items join the symbol table); its scores and flags wait
/// for addIncludedResults, after the form's own.
void includePages(Ctx& ctx, const YamlNode& node, Form& form, std::map<std::string, core::SourceLoc>& pageIds);
/// An entry `{include: path, ...}` among a page's items: a one-page instrument's items join page
/// @p pageIndex (its show_if applies to each of them).
void includeItems(Ctx& ctx, const YamlNode& node, Form& form, size_t pageIndex);
void addIncludedResults(Ctx& ctx, Form& form);

}  // namespace kiosk::forms::detail
