#include "kiosk/session/answer_text.h"

#include <cstdio>
#include <type_traits>

#include "kiosk/forms/answer_access.h"

namespace kiosk::session {
namespace {

std::string joined(const std::vector<std::string>& parts, const std::string& sep) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
    return out;
}

std::string optionLabel(const forms::Item& item, const std::string& value, const Wording& w) {
    const forms::Option* o = item.findOption(value);
    return o != nullptr ? w.text(o->label) : value;
}

std::string dateText(const forms::Date& d, const Wording& w) {
    return w.catalog.format(w.lang, "answer.date",
                            {std::to_string(d.day), w.tr("month." + std::to_string(d.month)),
                             std::to_string(d.year)});
}

std::string markText(const forms::BodyMark& m, const Wording& w) {
    std::vector<std::string> detail;
    if (m.intensity)
        detail.push_back(w.catalog.format(w.lang, "answer.intensity", {std::to_string(*m.intensity)}));
    for (const auto& k : m.kinds) detail.push_back(w.tr("pain_kind." + k));
    std::string out = w.tr("region." + m.region);
    if (!detail.empty()) out += " (" + joined(detail, w.tr("answer.list_separator")) + ")";
    return out;
}

}  // namespace

std::string patientNumber(double value, int decimals, const Wording& w) {
    char buf[64];
    if (decimals >= 0) {
        std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    } else {
        std::snprintf(buf, sizeof buf, "%.10g", value);
    }
    std::string out = buf;
    const std::string& sep = w.tr("number.decimal_separator");
    if (auto dot = out.find('.'); dot != std::string::npos) out.replace(dot, 1, sep);
    return out;
}

std::string entryTitle(const forms::Item& list, std::size_t index, const Wording& w) {
    const std::string& label = list.entryLabel.empty() ? w.tr("answer.list_entry") : w.text(list.entryLabel);
    return w.catalog.format(w.lang, "answer.entry_title", {label, std::to_string(index + 1)});
}

std::string addEntryLabel(const forms::Item& list, std::size_t next, const Wording& w) {
    if (!list.addLabel.empty()) return w.text(list.addLabel);
    if (list.entryLabel.empty()) return w.tr("ui.repeat.add_another");
    return w.catalog.format(w.lang, "ui.repeat.add_entry", {entryTitle(list, next, w)});
}

std::string answerText(const forms::Item& item, const forms::Answer& answer, const Wording& w) {
    using forms::ItemType;
    const std::string& sep = w.tr("answer.list_separator");
    return std::visit(
        [&](const auto& a) -> std::string {
            using T = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<T, bool>) {
                if (item.type == ItemType::Consent)
                    return w.tr(a ? "answer.consent_given" : "answer.consent_refused");
                return w.tr(a ? "answer.yes" : "answer.no");
            } else if constexpr (std::is_same_v<T, forms::NumberList> || std::is_same_v<T, forms::DateList>) {
                forms::Item one = item;  // each value as the item's single answer reads
                one.repeats = false;
                std::vector<std::string> values;
                for (const auto& v : a) values.push_back(answerText(one, forms::Answer{v}, w));
                return joined(values, w.tr("answer.value_separator"));  // "7,5; 8": no clash with a decimal comma
            } else if constexpr (std::is_same_v<T, forms::ListAnswer>) {
                // One line an entry: "Medication 1: Ibuprofen; 400 mg", its fields in the list's order.
                std::vector<std::string> lines;
                for (std::size_t i = 0; i < a.size(); ++i) {
                    std::vector<std::string> values;
                    for (const forms::Item& field : item.fields)
                        if (auto it = a[i].fields.find(field.id); it != a[i].fields.end())
                            values.push_back(answerText(field, it->second, w));
                    lines.push_back(entryTitle(item, i, w) + ": " + joined(values, w.tr("answer.value_separator")));
                }
                return joined(lines, "\n");
            } else if constexpr (std::is_same_v<T, double>) {
                if (item.type == ItemType::Scale)
                    return w.catalog.format(w.lang, "answer.scale",
                                            {patientNumber(a, -1, w),
                                             patientNumber(item.max.value_or(10), -1, w)});
                std::string out = patientNumber(a, item.decimals > 0 ? item.decimals : -1, w);
                if (!item.unit.empty()) out += " " + w.text(item.unit);
                return out;
            } else if constexpr (std::is_same_v<T, std::string>) {
                return item.type == ItemType::Single ? optionLabel(item, a, w) : a;
            } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                std::vector<std::string> labels;
                for (const auto& v : a) labels.push_back(optionLabel(item, v, w));
                return joined(labels, sep);
            } else if constexpr (std::is_same_v<T, forms::Date>) {
                return dateText(a, w);
            } else if constexpr (std::is_same_v<T, forms::MatrixAnswer>) {
                // Rows in the form's order, one per line; a row left out says so, so that the
                // patient sees on the review what is missing.
                std::vector<std::string> lines;
                for (const forms::MatrixRow& row : item.rows) {
                    auto it = a.find(row.id);
                    const bool answered = it != a.end() && !it->second.empty();
                    lines.push_back(w.text(row.label) + ": " +
                                    (answered ? optionLabel(item, it->second, w) : w.tr("review.not_answered")));
                }
                return joined(lines, "\n");
            } else if constexpr (std::is_same_v<T, forms::BodyMapAnswer>) {
                std::vector<std::string> marks;
                for (const auto& m : a) marks.push_back(markText(m, w));
                return joined(marks, "\n");
            } else {
                return w.tr("answer.signed");
            }
        },
        answer);
}

std::string problemKey(forms::Problem problem) {
    using forms::Problem;
    switch (problem) {
        case Problem::Required: return "validation.required";
        case Problem::ConsentRequired: return "validation.consent_required";
        case Problem::MatrixIncomplete: return "validation.matrix_incomplete";
        case Problem::NotAnswerable: return "validation.not_answerable";
        case Problem::WrongType: return "validation.wrong_type";
        case Problem::OutOfRange: return "validation.out_of_range";
        case Problem::BelowMin: return "validation.below_min";
        case Problem::AboveMax: return "validation.above_max";
        case Problem::Step: return "validation.step";
        case Problem::Decimals: return "validation.decimals";
        case Problem::UnknownOption: return "validation.unknown_option";
        case Problem::DuplicateOption: return "validation.duplicate_option";
        case Problem::TooFew: return "validation.too_few";
        case Problem::TooMany: return "validation.too_many";
        case Problem::Exclusive: return "validation.exclusive";
        case Problem::InvalidDate: return "validation.invalid_date";
        case Problem::FutureDate: return "validation.future_date";
        case Problem::UnknownRow: return "validation.unknown_row";
        case Problem::UnknownRegion: return "validation.unknown_region";
        case Problem::DuplicateRegion: return "validation.duplicate_region";
        case Problem::DetailNotAsked: return "validation.detail_not_asked";
        case Problem::Intensity: return "validation.intensity";
        case Problem::UnknownPainKind: return "validation.unknown_pain_kind";
        case Problem::Signature: return "validation.signature";
        case Problem::TooLong: return "validation.too_long";
        case Problem::TooManyAnswers: return "validation.too_many_answers";
        case Problem::TooFewEntries: return "validation.too_few_entries";
        case Problem::UnknownField: return "validation.unknown_field";
        case Problem::EmptyEntry: return "validation.empty_entry";
        case Problem::PhoneDigits: return "validation.phone_digits";
        case Problem::EmailShape: return "validation.email_shape";
        case Problem::SignatureTooSmall: return "validation.signature_too_small";
    }
    return "validation.wrong_type";
}

std::string problemMessage(const forms::AnswerProblem& problem, const Wording& w) {
    std::vector<std::string> args;
    for (double v : problem.limits) args.push_back(patientNumber(v, -1, w));
    return w.catalog.format(w.lang, problemKey(problem.problem), args);
}

std::string problemMessage(const forms::Item& item, const forms::AnswerProblem& problem, const Wording& w) {
    const std::string message = problemMessage(problem, w);
    if (item.type != forms::ItemType::List || problem.position < 0) return message;
    const std::string entry = entryTitle(item, static_cast<std::size_t>(problem.position), w);
    if (const forms::Item* field = item.findField(problem.field))
        return w.catalog.format(w.lang, "validation.in_entry_field", {entry, w.text(field->label), message});
    return w.catalog.format(w.lang, "validation.in_entry", {entry, message});
}

}  // namespace kiosk::session
