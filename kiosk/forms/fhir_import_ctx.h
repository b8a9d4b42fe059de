#pragma once
// What the parts of import-fhir share while converting one Questionnaire (internal to
// kiosk_forms): the warnings and errors, the ids handed out, every item by linkId, the texts
// and the languages they come in.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/core/error.h"

namespace kiosk::forms::detail {

using nlohmann::json;
using ojson = nlohmann::ordered_json;

/// @brief An enableWhen waiting for every item to be known (it may name any item).
struct PendingCondition {
    const json* enableWhen = nullptr;  ///< the enableWhen list
    std::string behavior;              ///< enableBehavior ("" = all)
    std::string path;                  ///< JSON path of the list
};

/// @brief One question or info item as it will be written.
struct OutItem {
    ojson yaml;                              ///< the item map, show_if added at the end
    std::vector<PendingCondition> conditions;  ///< its own and its groups' (all must hold)
    std::string linkId, path;
    size_t order = 0;                        ///< position in the form
};

/// @brief One page as it will be written.
struct OutPage {
    ojson yaml;  ///< id, link_id, title (items added at the end)
    std::vector<PendingCondition> conditions;
    std::vector<OutItem> items;
    std::string linkId, path;
    size_t firstOrder = 0;  ///< order of its first item
};

/// @brief What the conversion knows about an item with an answer, for conditions naming it.
struct FhirItemSym {
    std::string id, type;                      ///< our id and item type (yes_no, multi, ...)
    size_t order = 0;
    std::map<std::string, std::string> codes;  ///< FHIR code (or plain value) -> option value
    std::vector<std::string> selected;         ///< option values with answerOption.initialSelected
    std::vector<std::string> fields;           ///< a list: its fields' linkIds
    std::set<std::string> exact;               ///< a list: fields answered exactly when it is (required, or the only one)
};

class ImportCtx {
public:
    explicit ImportCtx(std::string file) : m_file(std::move(file)) {}

    void error(const std::string& path, const std::string& message);
    void warn(const std::string& path, const std::string& linkId, const std::string& message);
    const std::string& file() const { return m_file; }
    core::Errors& errors() { return m_errors; }
    std::vector<std::string>& warnings() { return m_warnings; }

    /// A form-wide unique id for @p linkId (idFromLinkId, then _2, _3, ...).
    std::string uniqueId(const std::string& linkId);

    /// A translated text from a FHIR string and its `_element` (translation extensions).
    ojson text(const std::string& value, const json* element);
    /// The languages every text has (the primary first); warns about the others.
    std::vector<std::string> keptLanguages(const std::string& path);

    std::string primary = "en";
    std::map<std::string, FhirItemSym> byLinkId;  ///< questions only (what conditions can name)
    std::map<std::string, std::string> listOfField;  ///< linkId of a list's field -> the list's linkId

private:
    std::string m_file;
    core::Errors m_errors;
    std::vector<std::string> m_warnings;
    std::set<std::string> m_ids;
    std::map<std::string, size_t> m_langUses;
    size_t m_texts = 0;
};

/// "es" from "es-MX"; "" when @p code is no language code.
std::string languageOf(const std::string& code);

/// Converts the Questionnaire's items to pages (every item, condition and option).
std::vector<OutPage> importItems(ImportCtx& ctx, const json& questionnaire);

/// The `initial` of a question already mapped to @p out (its kiosk type in @p sym): item.initial
/// or answerOption.initialSelected, as our YAML value; nullopt when there is none, or (with a
/// warning naming the linkId) one the kiosk's item could not take as a patient's answer.
std::optional<ojson> importInitial(ImportCtx& ctx, const json& item, const ojson& out, const FhirItemSym& sym,
                                   const std::string& path, const std::string& linkId);

/// Resolves the pending enableWhen of @p pages into show_if (after importItems).
void resolveConditions(ImportCtx& ctx, std::vector<OutPage>& pages);

}  // namespace kiosk::forms::detail
