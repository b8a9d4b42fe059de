// The calm screens: saving, could not save (it retries by itself), thank you, the idle warning and
// "Start over?".
#include <algorithm>
#include <string>

#include "kiosk/ui/screens.h"

namespace kiosk::ui {

void drawSaving(Frame& f, const session::ViewModel& vm) {
    (void)vm;
    drawTopBar(f, "");
    centredMessage(f, f.tr("ui.saving.title"), {f.tr("ui.saving.body")}, f.px(f.theme.topBarEm), f.displayH);
}

void drawSaveFailed(Frame& f, const session::ViewModel& vm) {
    drawTopBar(f, "");
    const std::string retry = vm.retryInSeconds > 0
                                  ? f.count("ui.save_failed.retry_in", vm.retryInSeconds)
                                  : f.tr("ui.save_failed.retrying");
    centredMessage(f, f.tr("ui.save_failed.title"), {f.tr("ui.save_failed.body"), retry},
                   f.px(f.theme.topBarEm), f.displayH);
}

void drawThankYou(Frame& f, const session::ViewModel& vm) {
    drawTopBar(f, "");
    const float bottom = f.displayH - f.px(f.theme.bottomBarEm) * 1.5f;
    // After an urgent flag the patient is asked to see the desk now, calmly and without naming it.
    centredMessage(f, f.tr("ui.thank_you.title"),
                   {f.tr("ui.thank_you.body"), f.tr(vm.goToDesk ? "ui.thank_you.desk" : "ui.thank_you.next")},
                   f.px(f.theme.topBarEm), bottom);
    const float w = std::min(f.displayW - 2 * f.px(f.theme.marginEm), f.px(12.0f));
    ImGui::SetCursorScreenPos(ImVec2((f.displayW - w) * 0.5f, bottom));
    ButtonSpec finish{"finish", f.tr("ui.thank_you.finish"), WidgetKind::Button};
    finish.look = Look::Primary;
    finish.navigation = true;
    if (button(f, finish, ImVec2(w, f.px(f.theme.targetEm) * 1.2f))) f.emit(session::Reset{});
}

void drawIdleOverlay(Frame& f, const session::ViewModel& vm) {
    drawTopBar(f, "");
    const float top = f.px(f.theme.topBarEm);
    const float target = f.px(f.theme.targetEm);
    const float buttonH = target * 1.6f;
    const std::string seconds = std::to_string(std::max(0, vm.idleSecondsLeft));
    const float bottom = f.displayH * 0.62f;
    // It says what will happen, and how to stop it (issue 20: patients did not know).
    centredMessage(f, f.tr("ui.idle.title"), {f.count("ui.idle.body", std::max(0, vm.idleSecondsLeft)), f.tr("ui.idle.keep")}, top, bottom);
    // The countdown in big figures, then one big button.
    const float w = std::min(f.displayW - 2 * f.px(f.theme.marginEm), f.px(20.0f));
    ImGui::SetCursorScreenPos(ImVec2((f.displayW - w) * 0.5f, bottom));
    centredText(f, FontRole::Title, seconds, f.pal.text, w);
    ImGui::SetCursorScreenPos(ImVec2((f.displayW - w) * 0.5f, bottom + f.px(f.theme.titleEm) * 1.4f + f.em));
    ButtonSpec here{"still_here", f.tr("ui.idle.still_here"), WidgetKind::Button};
    here.look = Look::Primary;
    here.font = FontRole::Question;
    if (button(f, here, ImVec2(w, buttonH))) f.emit(session::StillHere{f.now});
}

void drawStartOverOverlay(Frame& f, const session::ViewModel& vm) {
    (void)vm;  // the page's answers are not drawn under the question
    drawTopBar(f, "");
    const float top = f.px(f.theme.topBarEm);
    const float target = f.px(f.theme.targetEm);
    const float bottom = f.displayH * 0.55f;
    centredMessage(f, f.tr("ui.start_over.title"), {f.tr("ui.start_over.body")}, top, bottom);
    // Keeping the answers is the big, safe choice; deleting them is the deliberate one below it.
    const float w = std::min(f.displayW - 2 * f.px(f.theme.marginEm), f.px(22.0f));
    const float x = (f.displayW - w) * 0.5f;
    ButtonSpec keep{"start_over/keep", f.tr("ui.start_over.keep"), WidgetKind::Button};
    keep.look = Look::Primary;
    keep.font = FontRole::Question;
    ButtonSpec wipe{"start_over/confirm", f.tr("ui.start_over.confirm"), WidgetKind::Button};
    keep.navigation = wipe.navigation = true;
    const float keepH = std::max(target * 1.4f, buttonHeight(f, keep.label, w, Mark::None, keep.font));
    const float wipeH = buttonHeight(f, wipe.label, w, Mark::None, wipe.font);
    ImGui::SetCursorScreenPos(ImVec2(x, bottom));
    if (button(f, keep, ImVec2(w, keepH))) f.emit(session::KeepAnswers{});
    ImGui::SetCursorScreenPos(ImVec2(x, bottom + keepH + f.px(1.0f)));
    if (button(f, wipe, ImVec2(w, wipeH))) f.emit(session::Reset{});  // wipes answers and draft
}

}  // namespace kiosk::ui
