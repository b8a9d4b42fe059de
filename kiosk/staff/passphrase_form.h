#pragma once
// The desk's "Change the staff passphrase" form (desk.h): the current passphrase, the new one and
// the new one again, typed on the passphrase keyboard one field at a time. It keeps what was typed
// in buffers reserved up front (never reallocated, so no stray copies) and wipes them with
// sodium_memzero; the view gets counts only. check() applies the rule `staff passwd` applies
// (store::replacementProblem) before anything slow or stored is tried.
#include <array>
#include <string>
#include <string_view>

namespace kiosk::staff {

/// @brief What check() found: Ok, or the first problem in field order.
enum class PassphraseFormProblem { Ok, MissingCurrent, TooShort, IsDefault, Differ, SameAsCurrent };

class PassphraseForm {
public:
    static constexpr int kFields = 3;  ///< 0 the current passphrase, 1 the new one, 2 it again
    static constexpr std::size_t kMaxBytes = 256;

    PassphraseForm();
    ~PassphraseForm();  ///< wipes every field
    PassphraseForm(const PassphraseForm&) = delete;
    PassphraseForm& operator=(const PassphraseForm&) = delete;

    int field() const { return m_field; }
    void choose(int field);                 ///< out of range: ignored
    void type(std::string_view text);       ///< into the chosen field; beyond kMaxBytes: ignored
    void backspace();                       ///< the last whole UTF-8 character
    void clear(int field);
    void clearAll();                        ///< every field wiped, the first chosen
    int entered(int field) const;           ///< characters (code points) typed in @p field

    PassphraseFormProblem check() const;
    const std::string& current() const { return m_text[0]; }
    const std::string& fresh() const { return m_text[1]; }

private:
    std::array<std::string, kFields> m_text;
    int m_field = 0;
};

}  // namespace kiosk::staff
