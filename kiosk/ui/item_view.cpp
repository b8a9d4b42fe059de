#include "kiosk/ui/item_widgets.h"

#include <algorithm>

#include "kiosk/session/repeat_values.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {

void drawItem(Frame& f, const session::ItemView& iv, float width) {
    const forms::Item& item = *iv.item;
    ImGui::PushID(item.id.c_str());
    ImGui::BeginGroup();  // new lines start at the column, not at the window's left edge
    if (item.type == forms::ItemType::Info) {
        text(f, FontRole::Body, f.text(item.label), f.pal.text, width);
        registerLastText(f, "question/" + item.id, f.text(item.label), FontRole::Body);
        if (!item.help.empty()) text(f, FontRole::Body, f.text(item.help), f.pal.mutedText, width);
        ImGui::EndGroup();
        ImGui::PopID();
        return;
    }
    // Consent: the label is the consent text itself, read in body size.
    const FontRole role = item.type == forms::ItemType::Consent ? FontRole::Body : FontRole::Question;
    text(f, role, f.text(item.label), f.pal.text, width);
    registerLastText(f, "question/" + item.id, f.text(item.label), role);
    if (!item.help.empty()) {
        text(f, FontRole::Body, f.text(item.help), f.pal.mutedText, width);
        registerLastText(f, "help/" + item.id, f.text(item.help), FontRole::Body);
    }
    if (!iv.error.empty()) {
        errorLine(f, iv.error, width);  // right next to its question
        registerLastText(f, "error/" + item.id, iv.error, FontRole::BodyBold);
        const float h = ImGui::GetItemRectSize().y;
        float& kept = f.state.errorSpace[item.id];
        if (h < kept) {
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + kept - h);  // a shorter message: same room
        } else {
            kept = h;
        }
    } else if (auto kept = f.state.errorSpace.find(item.id); kept != f.state.errorSpace.end()) {
        // The error went with the tap that answered it: its room stays until the page changes, so
        // the answers below do not jump up under the finger (issue 20: March became May).
        ImGui::Dummy(ImVec2(width, kept->second));
    }
    // A little air between the question and its answers, no extra item (ImGui adds 0.25 em already).
    const float itemSpacing = ImGui::GetStyle().ItemSpacing.y;
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + std::max(0.0f, f.px(f.theme.answerGapEm) - itemSpacing));
    switch (item.type) {
        case forms::ItemType::Single: drawSingle(f, iv, width); break;
        case forms::ItemType::Multi: drawMulti(f, iv, width); break;
        case forms::ItemType::YesNo: drawYesNo(f, iv, width); break;
        case forms::ItemType::Scale: drawScale(f, iv, width); break;
        case forms::ItemType::Matrix: drawMatrix(f, iv, width); break;
        case forms::ItemType::Consent: drawConsent(f, iv, width); break;
        case forms::ItemType::Text: drawTextField(f, iv, width); break;
        case forms::ItemType::Number:
        case forms::ItemType::Date:
            if (session::takesValueList(item)) drawRepeats(f, iv, width);
            else if (item.type == forms::ItemType::Date) drawDate(f, iv, width);
            else drawNumber(f, iv, width);
            break;
        case forms::ItemType::Signature: drawSignature(f, iv, width); break;
        case forms::ItemType::BodyMap: drawBodyMap(f, iv, width); break;
        case forms::ItemType::List: drawList(f, iv, width); break;
        case forms::ItemType::Info: break;
    }
    ImGui::EndGroup();
    ImGui::PopID();
}

}  // namespace kiosk::ui
