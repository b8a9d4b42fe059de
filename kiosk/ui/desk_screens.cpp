// [SECTION] index: helpers · bars · unlock · confirm delete · export · PDF choice · health · drawDesk
#include "kiosk/ui/desk_screens.h"

#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <iterator>

#include "kiosk/ui/desk_parts.h"
#include "kiosk/ui/screens.h"
#include "kiosk/ui/staff_gate.h"

namespace kiosk::ui {

void DeskUiState::wipe() {
    if (!name.buffer.empty()) sodium_memzero(name.buffer.data(), name.buffer.size());
    *this = DeskUiState{};
}

namespace desk {

// [SECTION] helpers
float fitWidth(const Ctx& c, std::string_view label, float minEm) {
    return std::max(c.f.px(minEm), textWidth(c.f, FontRole::BodyBold, label) + c.f.px(2.0f));
}

bool fitButton(Ctx& c, std::string_view key, std::string_view label, float x, float y, Look look, bool enabled,
               float minEm) {
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    ButtonSpec spec{key, label};
    spec.look = look;
    spec.enabled = enabled;
    return button(c.f, spec, ImVec2(fitWidth(c, label, minEm), c.f.px(c.f.theme.targetEm)));
}

void exportButtons(Ctx& c, float right, float y, const std::string& id, bool selection, float left) {
    Frame& f = c.f;
    const float gap = f.px(f.theme.gapEm);
    float x = right;
    for (auto it = c.v.formats.rbegin(); it != c.v.formats.rend(); ++it) {
        const std::string format = staff::toString(*it);
        const std::string& label = f.tr("desk.format." + format);
        x -= fitWidth(c, label, 4.0f);
        const std::string key =
            (selection ? "desk/export_selected/" : id.empty() ? "desk/export_list/" : "desk/export/") + format;
        const bool enabled = !selection || c.v.selectedCount > 0;
        if (fitButton(c, key, label, x, y, Look::Plain, enabled, 4.0f)) c.emit(staff::StartExport{*it, id, selection});
        x -= gap;
    }
    // The same short word in the select mode: the count beside "Select" says what goes (a longer
    // "Export selected:" ran into "Buscar por nombre" at 1280 px in Spanish).
    // Where the buttons on the left leave it no room ("Buscar por nombre" at 1280 px), the word is
    // left out rather than drawn over them: the formats' buttons and the screen they open say it.
    const std::string& label = f.tr("desk.export_label");
    x -= textWidth(f, FontRole::BodyBold, label);
    if (x < left) return;
    ImGui::SetCursorScreenPos(ImVec2(x, y + (f.px(f.theme.targetEm) - f.em * 1.3f) * 0.5f));
    text(f, FontRole::BodyBold, label, f.pal.text, textWidth(f, FontRole::BodyBold, label) + 1);
    registerLastText(f, "desk/export_label", label, FontRole::BodyBold);
}

PassKey passKeys(Ctx& c, float y, std::string_view prefix, bool locked, bool canSubmit) {
    using Type = KeyDef::Type;
    const KeyDef* k = passphraseKeyboard(c.f, c.x, y, c.width, c.s.passShift, locked, canSubmit, prefix, prefix,
                                         c.bottom - c.f.px(c.f.theme.gapEm), c.v.working);
    if (!k) return PassKey::None;
    switch (k->type) {
        case Type::Shift: c.s.passShift = !c.s.passShift; return PassKey::None;
        case Type::Backspace: c.emit(staff::Backspace{}); return PassKey::None;
        case Type::Char: c.emit(staff::TypeKey{c.s.passShift ? upperLetter(k->text) : k->text}); break;
        case Type::Space: c.emit(staff::TypeKey{" "}); break;
        default: c.s.passShift = false; return k->id == "ok" ? PassKey::Ok : PassKey::Cancel;
    }
    c.s.passShift = false;
    return PassKey::None;
}

namespace {

std::string megabytes(std::int64_t bytes) {
    char buf[32];
    const double b = static_cast<double>(bytes);
    if (b >= 10e9) std::snprintf(buf, sizeof buf, "%.0f GB", b / 1e9);
    else std::snprintf(buf, sizeof buf, "%.1f MB", b / 1e6);
    return buf;
}

// [SECTION] bars
/// Title on the left; Health, the staff's languages and "Back to the welcome screen" on the right.
void topBar(Ctx& c) {
    Frame& f = c.f;
    const float h = f.px(f.theme.topBarEm), target = f.px(f.theme.targetEm), gap = f.px(f.theme.gapEm);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(f.displayW, h), col(f.pal.bar));
    dl->AddLine(ImVec2(0, h), ImVec2(f.displayW, h), col(f.pal.buttonBorder), 1.0f);
    const float margin = f.px(f.theme.marginEm), y = (h - target) * 0.5f;
    float x = f.displayW - margin;
    // While the passphrase is checked the desk takes only Leave: the rest looks it.
    auto right = [&](std::string_view key, std::string_view label, Look look, bool enabled) {
        x -= fitWidth(c, label, 4.0f);
        const bool tapped = fitButton(c, key, label, x, y, look, enabled, 4.0f);
        x -= gap;
        return tapped;
    };
    if (right("desk/leave", f.tr("desk.leave"), Look::Primary, true)) c.emit(staff::Leave{});
    for (auto it = c.v.languages.rbegin(); it != c.v.languages.rend(); ++it) {
        const std::string key = "desk/lang/" + *it;
        if (right(key, f.catalog.tr(*it, "language.name"), *it == c.v.staffLang ? Look::Selected : Look::Plain,
                  !c.v.working))
            c.emit(staff::SetStaffLang{*it});
    }
    if (right("desk/health", f.tr("desk.health"), c.v.screen == staff::DeskScreen::Health ? Look::Selected : Look::Plain,
              !c.v.working))
        c.emit(staff::ShowHealth{});
    ImGui::SetCursorScreenPos(ImVec2(margin, (h - f.em * 1.6f) * 0.5f));
    text(f, FontRole::Title, f.tr("desk.title"), f.pal.text, std::max(f.px(4.0f), x - margin));
    c.top = h + gap;
}

/// The notice (a failed action in the error colour, a done one plain) and, in the last 30 s, when the desk closes by itself.
void bottomBar(Ctx& c) {
    Frame& f = c.f;
    const float h = f.px(f.theme.bottomBarEm);
    c.bottom = f.displayH - h;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, c.bottom), ImVec2(f.displayW, f.displayH), col(f.pal.bar));
    f.registry.addText(TextInfo{"desk/bottom_bar", "", Rect{0, c.bottom, f.displayW, h}, 0});
    const float margin = f.px(f.theme.marginEm);
    std::string idle;
    if (c.v.idleSecondsLeft <= 30) idle = f.fmt("desk.idle", {std::to_string(c.v.idleSecondsLeft)});
    const float idleW = idle.empty() ? 0 : textWidth(f, FontRole::Body, idle) + f.px(1.0f);
    if (!c.v.notice.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(margin, c.bottom + f.em * 0.4f));
        text(f, FontRole::BodyBold, c.v.notice, c.v.noticeIsDone ? f.pal.text : f.pal.error,
             f.displayW - 2 * margin - idleW);
        registerLastText(f, "desk/notice", c.v.notice, FontRole::BodyBold);
    }
    if (!idle.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(f.displayW - margin - idleW, c.bottom + f.em * 0.4f));
        text(f, FontRole::Body, idle, f.pal.mutedText, idleW);
        registerLastText(f, "desk/idle", idle, FontRole::Body);
    }
}

// [SECTION] unlock
void drawUnlock(Ctx& c) {
    Frame& f = c.f;
    const staff::GateView& g = c.v.unlock;
    float y = c.top + f.em * 0.2f;
    ImGui::SetCursorScreenPos(ImVec2(c.x, y));
    centredText(f, FontRole::Title, f.tr("desk.unlock_title"), f.pal.text, c.width);
    std::string line = f.tr("desk.unlock_hint");
    if (g.message == staff::GateMessage::Wrong) line = f.tr("ui.staff.wrong_passphrase");
    if (g.message == staff::GateMessage::Locked) line = lockedLine(f, g.lockedSeconds);
    if (c.v.working) line = f.tr("desk.unlock_checking");  // argon2id on a worker: the frames go on
    ImGui::SetCursorScreenPos(ImVec2(c.x, ImGui::GetCursorScreenPos().y));
    centredText(f, FontRole::Body, line, g.message == staff::GateMessage::Enter ? f.pal.text : f.pal.error, c.width);
    const std::string dots(static_cast<std::size_t>(g.entered), '*');  // never what was typed
    const float dotsY = ImGui::GetCursorScreenPos().y;
    ImGui::SetCursorScreenPos(ImVec2(c.x, dotsY));
    if (!dots.empty()) centredText(f, FontRole::Title, dots, f.pal.text, c.width);
    registerLastText(f, "desk/pass/dots", dots, FontRole::Title);
    // The line is kept while empty: the keyboard never moves under the finger after the first key.
    y = dotsY + centredTextHeight(f, FontRole::Title, "*", c.width) + f.px(f.theme.gapEm);
    switch (passKeys(c, y, "desk/pass/", g.lockedSeconds > 0 || c.v.working, g.canSubmit)) {
        case PassKey::Ok: c.emit(staff::SubmitUnlock{}); break;
        case PassKey::Cancel: c.emit(staff::CancelUnlock{}); break;
        case PassKey::None: break;
    }
}

// [SECTION] confirm delete
void drawConfirmDelete(Ctx& c) {
    Frame& f = c.f;
    const float gap = f.px(f.theme.gapEm);
    const float h = centredTextHeight(f, FontRole::Question, c.v.deleteQuestion, c.width);
    float y = c.top + std::max(0.0f, (c.bottom - c.top - h - f.px(f.theme.targetEm) - 2 * gap) * 0.4f);
    ImGui::SetCursorScreenPos(ImVec2(c.x, y));
    centredText(f, FontRole::Question, c.v.deleteQuestion, f.pal.text, c.width);
    registerLastText(f, "desk/delete/question", c.v.deleteQuestion, FontRole::Question);
    y = ImGui::GetCursorScreenPos().y + 2 * gap;
    const std::string& keep = f.tr("desk.confirm_delete.no");
    const std::string& del = f.tr("desk.confirm_delete.yes");
    const float w = std::max(fitWidth(c, keep, 10.0f), fitWidth(c, del, 10.0f));
    const float x = c.x + (c.width - 2 * w - 2 * gap) * 0.5f;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    ButtonSpec no{"desk/delete/no", keep};
    no.look = Look::Primary;  // keeping is the safe choice
    if (button(f, no, ImVec2(w, f.px(f.theme.targetEm)))) c.emit(staff::CancelDelete{});
    ImGui::SetCursorScreenPos(ImVec2(x + w + 2 * gap, y));
    if (button(f, ButtonSpec{"desk/delete/yes", del}, ImVec2(w, f.px(f.theme.targetEm)))) c.emit(staff::ConfirmDelete{});
}

// [SECTION] export
void drawExport(Ctx& c) {
    Frame& f = c.f;
    const staff::DeskExportView& x = c.v.exporting;
    const float gap = f.px(f.theme.gapEm), target = f.px(f.theme.targetEm);
    float y = c.top + f.em;
    ImGui::SetCursorScreenPos(ImVec2(c.x, y));
    text(f, FontRole::Title, f.tr("desk.export.title"), f.pal.text, c.width);
    y = ImGui::GetCursorScreenPos().y + gap;
    if (x.running) {
        const std::string line = f.fmt("desk.export.running", {std::to_string(x.done), std::to_string(x.total)});
        ImGui::SetCursorScreenPos(ImVec2(c.x, y));
        text(f, FontRole::Body, line, f.pal.text, c.width);
        registerLastText(f, "desk/export/progress", line, FontRole::Body);
        y = ImGui::GetCursorScreenPos().y + gap;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float share = x.total > 0 ? std::min(1.0f, static_cast<float>(x.done) / static_cast<float>(x.total)) : 0.0f;
        dl->AddRectFilled(ImVec2(c.x, y), ImVec2(c.x + c.width, y + f.em), col(f.pal.button), f.px(f.theme.roundingEm));
        dl->AddRectFilled(ImVec2(c.x, y), ImVec2(c.x + c.width * share, y + f.em), col(f.pal.primary), f.px(f.theme.roundingEm));
        dl->AddRect(ImVec2(c.x, y), ImVec2(c.x + c.width, y + f.em), col(f.pal.buttonBorder), f.px(f.theme.roundingEm));
        y += f.em + 2 * gap;
        if (fitButton(c, "desk/export/cancel", f.tr("desk.export.cancel"), c.x, y)) c.emit(staff::CancelExport{});
        return;
    }
    ImGui::SetCursorScreenPos(ImVec2(c.x, y));
    text(f, FontRole::BodyBold, x.message, x.failed ? f.pal.error : f.pal.text, c.width);
    registerLastText(f, "desk/export/message", x.message, FontRole::BodyBold);
    y = ImGui::GetCursorScreenPos().y + 2 * gap;
    if (fitButton(c, "desk/export/close", f.tr("desk.export.close"), c.x, y, Look::Primary, true, 10.0f))
        c.emit(staff::CloseExport{});
    (void)target;
}

// [SECTION] PDF choice
/// Several intakes as PDF: one combined PDF or one per intake, as staff choose.
void drawPdfChoice(Ctx& c) {
    Frame& f = c.f;
    const float gap = f.px(f.theme.gapEm), target = f.px(f.theme.targetEm);
    float y = c.top + f.em;
    ImGui::SetCursorScreenPos(ImVec2(c.x, y));
    text(f, FontRole::Title, f.fmt("desk.pdf_choice.title", {std::to_string(c.v.pdfChoiceCount)}), f.pal.text, c.width);
    y = ImGui::GetCursorScreenPos().y + gap;
    ImGui::SetCursorScreenPos(ImVec2(c.x, y));
    text(f, FontRole::Question, f.tr("desk.pdf_choice.question"), f.pal.text, c.width);
    registerLastText(f, "desk/pdf/question", f.tr("desk.pdf_choice.question"), FontRole::Question);
    y = ImGui::GetCursorScreenPos().y + 2 * gap;
    const std::string& combined = f.tr("desk.pdf_choice.combined");
    const std::string& each = f.tr("desk.pdf_choice.each");
    const float w = std::max(fitWidth(c, combined, 12.0f), fitWidth(c, each, 12.0f));
    ImGui::SetCursorScreenPos(ImVec2(c.x, y));
    ButtonSpec one{"desk/pdf/combined", combined};
    one.look = Look::Primary;
    if (button(f, one, ImVec2(w, target))) c.emit(staff::ChoosePdfBatch{false});
    ImGui::SetCursorScreenPos(ImVec2(c.x + w + 2 * gap, y));
    if (button(f, ButtonSpec{"desk/pdf/each", each}, ImVec2(w, target))) c.emit(staff::ChoosePdfBatch{true});
    y += target + 3 * gap;
    if (fitButton(c, "desk/pdf/cancel", f.tr("desk.pdf_choice.cancel"), c.x, y)) c.emit(staff::CancelPdfChoice{});
}

// [SECTION] health
void drawHealth(Ctx& c) {
    Frame& f = c.f;
    const staff::DeskHealthView& h = c.v.health;
    const float gap = f.px(f.theme.gapEm);
    float y = c.top + f.em * 0.5f;
    if (fitButton(c, "desk/back", f.tr("desk.back"), c.x, y)) c.emit(staff::ShowToday{});
    y += f.px(f.theme.targetEm) + gap;
    const std::pair<const char*, std::string> lines[] = {
        {"database", megabytes(h.databaseBytes)},        {"free", megabytes(h.freeBytes)},
        {"submitted", std::to_string(h.submitted)},      {"reviewed", std::to_string(h.reviewed)},
        {"exported", std::to_string(h.exported)},        {"deleted", std::to_string(h.deleted)},
        {"drafts", std::to_string(h.draftsWaiting)},
        {"last_backup", h.lastBackup.empty() ? f.tr("desk.health_view.never") : h.lastBackup}};
    // Two figures a row: in one column they ran the buttons below under the bottom bar at 1280x800.
    const float half = (c.width - gap) * 0.5f;
    for (std::size_t i = 0; i < std::size(lines); i += 2) {
        float rowEnd = y;
        for (std::size_t j = i; j < std::min(i + 2, std::size(lines)); ++j) {
            const auto& [key, value] = lines[j];
            const std::string line = f.tr(std::string("desk.health_view.") + key) + ": " + value;
            ImGui::SetCursorScreenPos(ImVec2(c.x + static_cast<float>(j - i) * (half + gap), y));
            text(f, FontRole::Question, line, f.pal.text, half);
            registerLastText(f, std::string("desk/health/") + key, line, FontRole::Question);
            rowEnd = std::max(rowEnd, ImGui::GetCursorScreenPos().y);
        }
        y = rowEnd + gap * 0.5f;
    }
    // A kiosk that syncs to a clinic server (it has pushed or tried): what waits, and why.
    if (!h.syncLastPush.empty() || !h.syncLastError.empty()) {
        const std::pair<const char*, std::string> sync[] = {
            {"sync_waiting", f.fmt("desk.health_view.sync_waiting", {std::to_string(h.syncWaiting)})},
            {"sync_last", f.fmt("desk.health_view.sync_last",
                                {h.syncLastPush.empty() ? f.tr("desk.health_view.never") : h.syncLastPush})}};
        for (const auto& [key, line] : sync) {
            ImGui::SetCursorScreenPos(ImVec2(c.x, y));
            text(f, FontRole::Question, line, f.pal.text, c.width);
            registerLastText(f, std::string("desk/health/") + key, line, FontRole::Question);
            y = ImGui::GetCursorScreenPos().y + gap * 0.5f;
        }
        if (!h.syncLastError.empty()) {
            ImGui::SetCursorScreenPos(ImVec2(c.x, y));
            const std::string line = f.fmt("desk.health_view.sync_error", {h.syncLastError});
            text(f, FontRole::Body, line, f.pal.error, c.width);
            registerLastText(f, "desk/health/sync_error", line, FontRole::Body);
            y = ImGui::GetCursorScreenPos().y + gap * 0.5f;
        }
    }
    if (!h.problem.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(c.x, y));
        text(f, FontRole::Body, f.fmt("desk.health_view.problem", {h.problem}), f.pal.error, c.width);
        y = ImGui::GetCursorScreenPos().y + gap;
    }
    // Ending the program is here, away from the bar's buttons, so it is never hit by chance; the
    // passphrase is changed from here too (it asks for the records to be unlocked first).
    y = std::max(y + gap, c.bottom - f.px(f.theme.targetEm) - gap);
    if (fitButton(c, "desk/close", f.tr("desk.close_kiosk"), c.x, y)) c.emit(staff::CloseKiosk{});
    const std::string& change = f.tr("desk.passwd.open");
    if (fitButton(c, "desk/passwd/open", change, c.x + c.width - fitWidth(c, change), y))
        c.emit(staff::OpenChangePassphrase{});
}

}  // namespace
}  // namespace desk

// [SECTION] drawDesk
void drawDesk(Frame& f, const staff::DeskView& v, DeskUiState& s, DeskActions& out) {
    if (v.screen != s.lastScreen) {
        s.passShift = false;
        if (v.screen != staff::DeskScreen::List) s.panel = DeskUiState::Panel::None;
        s.lastScreen = v.screen;
    }
    desk::Ctx c{f, v, s, out};
    desk::topBar(c);
    desk::bottomBar(c);
    const Column column = contentColumn(f);
    c.x = column.x;
    c.width = column.width;
    switch (v.screen) {
        case staff::DeskScreen::List: desk::drawList(c); break;
        case staff::DeskScreen::Unlock: desk::drawUnlock(c); break;
        case staff::DeskScreen::Detail: desk::drawDetail(c); break;
        case staff::DeskScreen::ConfirmDelete: desk::drawConfirmDelete(c); break;
        case staff::DeskScreen::Export: desk::drawExport(c); break;
        case staff::DeskScreen::Health: desk::drawHealth(c); break;
        case staff::DeskScreen::ChangePassphrase: desk::drawChangePassphrase(c); break;
        case staff::DeskScreen::PdfChoice: desk::drawPdfChoice(c); break;
    }
}

}  // namespace kiosk::ui
