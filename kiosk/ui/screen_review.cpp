#include <algorithm>
#include <string>

#include "kiosk/ui/scroll_area.h"
#include "kiosk/ui/screens.h"

namespace kiosk::ui {

void drawReview(Frame& f, const session::ViewModel& vm) {
    drawTopBar(f, f.tr("ui.review.progress"));
    const float top = f.px(f.theme.topBarEm);
    const float bottomH = f.px(f.theme.bottomBarEm);
    const Column c = contentColumn(f);
    const float gap = f.px(f.theme.gapEm), target = f.px(f.theme.targetEm);
    ImGui::SetCursorScreenPos(ImVec2(0, top));
    beginScrollArea(f, "##review", "review", ImVec2(f.displayW, f.displayH - top - bottomH));
    ImGui::SetCursorScreenPos(ImVec2(c.x, ImGui::GetCursorScreenPos().y + f.px(0.8f)));
    ImGui::BeginGroup();  // new lines start at the column
    text(f, FontRole::Title, f.tr("ui.review.title"), f.pal.text, c.width);
    text(f, FontRole::Body, f.tr("ui.review.intro"), f.pal.text, c.width);
    ImGui::Dummy(ImVec2(c.width, f.em * 0.6f));
    const float editW = std::max(f.px(7.0f), textWidth(f, FontRole::BodyBold, f.tr("ui.review.edit")) + f.px(2.0f));
    int lastPage = -1;
    for (const auto& e : vm.review) {
        if (e.page != lastPage) {
            lastPage = e.page;
            ImGui::Dummy(ImVec2(c.width, f.em * 0.5f));
            if (e.page == f.state.reviewReturnPage) {
                // Back from "Change": the section that was changed, not the top of the review.
                f.state.scroll.scrollToY = ImGui::GetCursorPosY();  // applied next frame
                f.state.reviewReturnPage = -1;
            }
            const float y = ImGui::GetCursorScreenPos().y;
            ImDrawList* dl = ImGui::GetWindowDrawList();
            dl->AddLine(ImVec2(c.x, y), ImVec2(c.x + c.width, y), col(f.pal.buttonBorder), 1.0f);
            // Page title on the left, its Edit button on the right (it returns here afterwards).
            const float titleW = c.width - editW - gap;
            const float th = textHeight(f, FontRole::Question, e.pageTitle, titleW);
            const float rowH = std::max(th, target);
            ImGui::SetCursorScreenPos(ImVec2(c.x, y + gap + (rowH - th) * 0.5f));
            text(f, FontRole::Question, e.pageTitle, f.pal.text, titleW);
            ImGui::SetCursorScreenPos(ImVec2(c.x + c.width - editW, y + gap));
            const std::string key = "edit/" + std::to_string(e.page);
            ButtonSpec edit{key, f.tr("ui.review.edit"), WidgetKind::Button};
            edit.navigation = true;
            if (button(f, edit, ImVec2(editW, target))) f.emit(session::GoTo{e.page});
            ImGui::SetCursorScreenPos(ImVec2(c.x, y + gap + rowH + gap * 0.5f));
        }
        if (!e.item) continue;
        ImGui::SetCursorScreenPos(ImVec2(c.x, ImGui::GetCursorScreenPos().y));
        text(f, FontRole::Body, f.text(e.item->label), f.pal.mutedText, c.width);
        ImGui::SetCursorScreenPos(ImVec2(c.x + f.em, ImGui::GetCursorScreenPos().y));
        text(f, FontRole::BodyBold, e.answerText, f.pal.text, c.width - f.em);
        ImGui::Dummy(ImVec2(c.width, f.em * 0.4f));
    }
    ImGui::Dummy(ImVec2(c.width, f.px(1.0f)));
    ImGui::EndGroup();
    endScrollArea(f);
    f.state.reviewReturnPage = -1;  // a page no longer shown has no section to return to

    ButtonSpec back{"back", f.tr("ui.page.back"), WidgetKind::Button};
    back.enabled = vm.canGoBack;
    ButtonSpec submit{"submit", f.tr("ui.review.submit"), WidgetKind::Button};
    submit.look = Look::Primary;
    switch (drawBottomBar(f, &back, submit)) {
        case -1: f.emit(session::Back{}); break;
        case 1: f.emit(session::Submit{}); break;
        default: break;
    }
}

}  // namespace kiosk::ui
