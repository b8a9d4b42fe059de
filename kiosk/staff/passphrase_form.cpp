#include "kiosk/staff/passphrase_form.h"

#include <sodium.h>

#include <algorithm>

#include "kiosk/store/store.h"

namespace kiosk::staff {

PassphraseForm::PassphraseForm() {
    for (std::string& s : m_text) s.reserve(kMaxBytes);
}

PassphraseForm::~PassphraseForm() { clearAll(); }

void PassphraseForm::choose(int field) {
    if (field >= 0 && field < kFields) m_field = field;
}

void PassphraseForm::type(std::string_view text) {
    std::string& s = m_text[static_cast<std::size_t>(m_field)];
    if (s.size() + text.size() > kMaxBytes) return;
    s.append(text.data(), text.size());
}

void PassphraseForm::backspace() {
    std::string& s = m_text[static_cast<std::size_t>(m_field)];
    while (!s.empty()) {
        const auto c = static_cast<unsigned char>(s.back());
        s.back() = '\0';
        s.pop_back();
        if ((c & 0xC0) != 0x80) break;
    }
}

void PassphraseForm::clear(int field) {
    if (field < 0 || field >= kFields) return;
    std::string& s = m_text[static_cast<std::size_t>(field)];
    if (!s.empty()) sodium_memzero(s.data(), s.size());
    s.clear();
}

void PassphraseForm::clearAll() {
    for (int i = 0; i < kFields; ++i) clear(i);
    m_field = 0;
}

int PassphraseForm::entered(int field) const {
    if (field < 0 || field >= kFields) return 0;
    const std::string& s = m_text[static_cast<std::size_t>(field)];
    return static_cast<int>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

PassphraseFormProblem PassphraseForm::check() const {
    if (m_text[0].empty()) return PassphraseFormProblem::MissingCurrent;
    switch (store::replacementProblem(m_text[1])) {
        case store::NewPassphraseProblem::TooShort: return PassphraseFormProblem::TooShort;
        case store::NewPassphraseProblem::IsDefault: return PassphraseFormProblem::IsDefault;
        case store::NewPassphraseProblem::None: break;
    }
    // Not secrets compared against a stored one: both were typed here, by the same person.
    if (m_text[1] != m_text[2]) return PassphraseFormProblem::Differ;
    if (m_text[1] == m_text[0]) return PassphraseFormProblem::SameAsCurrent;
    return PassphraseFormProblem::Ok;
}

}  // namespace kiosk::staff
