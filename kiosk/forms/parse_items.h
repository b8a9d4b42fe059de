#pragma once
// Readers for the parts of a form file (internal to kiosk_forms). Each reports shape errors and
// the checks it can make locally; references are resolved once the symbol table is complete.
#include <map>
#include <optional>
#include <string>

#include "kiosk/forms/parse_context.h"

namespace kiosk::forms::detail {

/// Page @p pageIndex of @p form and its items (an `include` entry brings a one-page instrument's
/// items); item ids go into ctx.items, show_if into ctx.deferred.
void readPage(Ctx& ctx, const YamlNode& node, Form& form, size_t pageIndex,
              std::map<std::string, core::SourceLoc>& pageIds);

/// `initial` of @p item (its type and options already read): the answer it starts with.
void readInitial(Ctx& ctx, const YamlNode& node, Item& item);

/// Reports a list field id that is also an item id or another field's id (after every page is read).
void checkListFields(Ctx& ctx);

/// Reports a linkId (link_id, else id) shared by two pages or items.
void checkLinkIds(Ctx& ctx, const Form& form);

/// Where a condition sits, which decides what it may refer to.
struct CondScope {
    std::string who;                       ///< "show_if", "when": the start of messages
    std::optional<size_t> beforeOrder;     ///< item show_if: only items before this one
    std::optional<size_t> beforePage;      ///< page show_if: only items on earlier pages
    bool scores = false;                   ///< flags and rule scores may compare scores too
    std::string rule;                      ///< a rule score's id: its conditions cannot use a rule score
};
std::optional<Condition> readCondition(Ctx& ctx, const YamlNode& node, const CondScope& scope, int depth = 0);

/// The item (or matrix row) a reference names, checked against the symbol table.
struct ItemRef {
    const ItemSym* sym = nullptr;
    const MatrixRow* row = nullptr;  ///< "matrix.row"
};
/// Resolves "id" or "matrix.row" at @p node; reports unknown ids with "did you mean", drawn only
/// from the items @p scope lets a condition use (null: a score, which may use any item).
std::optional<ItemRef> resolveRef(Ctx& ctx, const YamlNode& node, std::string_view who,
                                  const CondScope* scope = nullptr);

void readScores(Ctx& ctx, const YamlNode& node, std::vector<Score>& scores);
void readFlags(Ctx& ctx, const YamlNode& node, std::vector<Flag>& flags);

}  // namespace kiosk::forms::detail
