// The calm screens: saving, could not save (it retries by itself), thank you, and the idle warning.
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
                                  ? f.fmt("ui.save_failed.retry_in", {std::to_string(vm.retryInSeconds)})
                                  : f.tr("ui.save_failed.retrying");
    centredMessage(f, f.tr("ui.save_failed.title"), {f.tr("ui.save_failed.body"), retry},
                   f.px(f.theme.topBarEm), f.displayH);
}

void drawThankYou(Frame& f, const session::ViewModel& vm) {
    (void)vm;
    drawTopBar(f, "");
    const float bottom = f.displayH - f.px(f.theme.bottomBarEm) * 1.5f;
    centredMessage(f, f.tr("ui.thank_you.title"), {f.tr("ui.thank_you.body"), f.tr("ui.thank_you.next")},
                   f.px(f.theme.topBarEm), bottom);
    const float w = std::min(f.displayW - 2 * f.px(f.theme.marginEm), f.px(12.0f));
    ImGui::SetCursorScreenPos(ImVec2((f.displayW - w) * 0.5f, bottom));
    ButtonSpec finish{"finish", f.tr("ui.thank_you.finish"), WidgetKind::Button};
    finish.look = Look::Primary;
    if (button(f, finish, ImVec2(w, f.px(f.theme.targetEm) * 1.2f))) f.emit(session::Reset{});
}

void drawIdleOverlay(Frame& f, const session::ViewModel& vm) {
    drawTopBar(f, "");
    const float top = f.px(f.theme.topBarEm);
    const float target = f.px(f.theme.targetEm);
    const float buttonH = target * 1.6f;
    const std::string seconds = std::to_string(std::max(0, vm.idleSecondsLeft));
    const float bottom = f.displayH * 0.62f;
    centredMessage(f, f.tr("ui.idle.title"), {f.fmt("ui.idle.body", {seconds})}, top, bottom);
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

}  // namespace kiosk::ui
