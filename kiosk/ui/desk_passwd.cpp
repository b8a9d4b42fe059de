// The desk's "Change the staff passphrase" screen: three fields side by side (the current
// passphrase, the new one, it again), each a big box showing dots for what was typed and tapped to
// type into it, the desk's message, and the passphrase keyboard. OK moves to the next field and on
// the last one asks the desk to change it; the rules and the slow work are the desk's
// (staff/desk_keys.cpp). Keys for tests: desk/passwd/field/<0-2>, desk/passwd/<key>.
#include <algorithm>

#include "kiosk/ui/desk_parts.h"

namespace kiosk::ui::desk {

void drawChangePassphrase(Ctx& c) {
    Frame& f = c.f;
    const staff::DeskPassphraseView& p = c.v.passphrase;
    const float gap = f.px(f.theme.gapEm), target = f.px(f.theme.targetEm);
    // A room of fixed height at the top (a title's line; the screen is full at 1280x800): the
    // title, or in its place what the desk says (a mistake, the work going on), so the keys never
    // move under the finger.
    const float y0 = c.top + f.em * 0.2f;
    const float room = centredTextHeight(f, FontRole::Title, "*", c.width);
    std::string line = f.tr("desk.passwd.title");
    Rgb colour = f.pal.text;
    FontRole role = FontRole::Title;
    if (c.v.working) line = f.tr("desk.passwd.working"), role = FontRole::Body;
    else if (!p.message.empty()) line = p.message, colour = f.pal.error, role = FontRole::Body;
    const float h = std::min(room, centredTextHeight(f, role, line, c.width));
    ImGui::SetCursorScreenPos(ImVec2(c.x, y0 + (room - h) * 0.5f));
    centredText(f, role, line, colour, c.width);
    registerLastText(f, "desk/passwd/message", role == FontRole::Title ? "" : line, FontRole::Body);
    float y = y0 + room + gap * 0.5f;

    // The three fields, side by side.
    static const char* const kLabels[3] = {"desk.passwd.current", "desk.passwd.new", "desk.passwd.again"};
    const float w = (c.width - 2 * gap) / 3;
    float bottom = y;
    for (int i = 0; i < 3; ++i) {
        const float x = c.x + static_cast<float>(i) * (w + gap);
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        text(f, FontRole::BodyBold, f.tr(kLabels[i]), f.pal.text, w);
        const float boxY = ImGui::GetCursorScreenPos().y;
        const std::string dots(static_cast<std::size_t>(std::min(p.entered[i], 40)), '*');  // never what was typed
        ImGui::SetCursorScreenPos(ImVec2(x, boxY));
        const std::string key = "desk/passwd/field/" + std::to_string(i);
        ButtonSpec spec{key, dots.empty() ? std::string_view(" ") : std::string_view(dots)};
        spec.look = p.field == i ? Look::Selected : Look::Plain;
        spec.font = FontRole::Title;
        spec.enabled = !c.v.working;
        if (button(f, spec, ImVec2(w, target))) c.emit(staff::ChooseField{i});
        bottom = std::max(bottom, boxY + target);
    }
    y = bottom + gap;

    const bool typed = p.entered[p.field] > 0;
    switch (passKeys(c, y, "desk/passwd/", c.v.working, typed && !c.v.working)) {
        case PassKey::Ok:
            if (p.field < 2) c.emit(staff::ChooseField{p.field + 1});
            else c.emit(staff::SubmitChangePassphrase{});
            break;
        case PassKey::Cancel: c.emit(staff::CancelChangePassphrase{}); break;
        case PassKey::None: break;
    }
}

}  // namespace kiosk::ui::desk
