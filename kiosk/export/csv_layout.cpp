#include "kiosk/export/csv_layout.h"

#include <algorithm>

namespace kiosk::exports {
using nlohmann::json;
namespace {

using Kind = CsvColumn::Kind;

/// Merges @p incoming (one version's columns, in its order) into @p group: a known column moves the
/// cursor to itself, a new one goes right after the cursor (at the end before any known one).
void merge(std::vector<CsvColumn>& group, const std::vector<CsvColumn>& incoming) {
    std::size_t cursor = group.size();  // "at the end" until a known column is met
    bool anchored = false;
    for (const CsvColumn& c : incoming) {
        const auto at = std::find_if(group.begin(), group.end(), [&](const CsvColumn& g) { return g.name == c.name; });
        if (at != group.end()) {
            cursor = static_cast<std::size_t>(at - group.begin());
            anchored = true;
            continue;
        }
        const std::size_t pos = anchored ? cursor + 1 : group.size();
        group.insert(group.begin() + static_cast<std::ptrdiff_t>(pos), c);
        cursor = pos;
        anchored = true;
    }
}

CsvColumn answer(const std::string& item) { return {Kind::Answer, item, item, ""}; }
CsvColumn matrixRow(const std::string& item, const std::string& row) {
    return {Kind::MatrixRow, item + "." + row, item, row};
}
void addScore(std::vector<CsvColumn>& out, const std::string& id, bool banded) {
    out.push_back({Kind::Score, "score:" + id, id, ""});
    if (banded) out.push_back({Kind::Band, "score:" + id + ":band", id, ""});
}
CsvColumn flag(const std::string& id) { return {Kind::Flag, "flag:" + id, id, ""}; }

/// A matrix answer is a JSON object of row -> option; a signature is an object too, with strokes.
bool isMatrixAnswer(const json& v) { return v.is_object() && !v.contains("strokes"); }

}  // namespace

void CsvLayout::addForm(const forms::Form& form) {
    std::vector<CsvColumn> answers, scores, flags;
    for (const forms::Item* item : form.allItems()) {
        if (!item->isQuestion()) continue;
        if (item->type == forms::ItemType::Matrix)
            for (const auto& row : item->rows) answers.push_back(matrixRow(item->id, row.id));
        else
            answers.push_back(answer(item->id));
    }
    for (const auto& s : form.scores) addScore(scores, s.id, !s.bands.empty());
    for (const auto& f : form.flags) flags.push_back(flag(f.id));
    merge(m_answers, answers);
    merge(m_scores, scores);
    merge(m_flags, flags);
}

void CsvLayout::addRecordShape(const json& record) {
    std::vector<CsvColumn> answers, scores, flags;
    if (const auto a = record.find("answers"); a != record.end() && a->is_object()) {
        for (const auto& [id, value] : a->items()) {
            if (isMatrixAnswer(value))
                for (const auto& [row, option] : value.items()) answers.push_back(matrixRow(id, row));
            else
                answers.push_back(answer(id));
        }
    }
    if (const auto s = record.find("scores"); s != record.end() && s->is_array()) {
        for (const auto& score : *s)
            if (score.is_object() && score.value("id", json()).is_string())
                addScore(scores, score["id"].get<std::string>(), score.value("band", json()).is_string());
    }
    if (const auto f = record.find("flags"); f != record.end() && f->is_array()) {
        for (const auto& raised : *f)
            if (raised.is_object() && raised.value("id", json()).is_string())
                flags.push_back(flag(raised["id"].get<std::string>()));
    }
    merge(m_answers, answers);
    merge(m_scores, scores);
    merge(m_flags, flags);
}

std::vector<CsvColumn> CsvLayout::columns() const {
    std::vector<CsvColumn> out;
    for (const char* field : {"id", "form", "version", "lang", "started_at", "submitted_at", "kiosk", "status"})
        out.push_back({Kind::Meta, std::string("record:") + field, field, ""});
    out.insert(out.end(), m_answers.begin(), m_answers.end());
    out.insert(out.end(), m_scores.begin(), m_scores.end());
    out.insert(out.end(), m_flags.begin(), m_flags.end());
    return out;
}

}  // namespace kiosk::exports
