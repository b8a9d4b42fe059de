#include <algorithm>
#include <string>

#include "kiosk/ui/item_widgets.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/scroll_area.h"
#include "kiosk/ui/screens.h"

namespace kiosk::ui {
namespace {

bool requiredMissing(const session::ViewModel& vm) {
    return std::any_of(vm.items.begin(), vm.items.end(), [](const session::ItemView& iv) {
        return iv.item && iv.item->required && iv.item->isQuestion() && iv.answer == nullptr;
    });
}

const forms::Item* keyboardItem(const Frame& f, const session::ViewModel& vm) {
    if (!f.state.keyboard.open) return nullptr;
    for (const auto& iv : vm.items)
        if (iv.item && iv.item->id == f.state.keyboard.item) return iv.item;
    // A field on a list's card, while its list is on the page.
    const std::string& key = f.state.keyboard.item;
    const auto field = f.state.listFields.find(key);
    if (field == f.state.listFields.end()) return nullptr;
    for (const auto& iv : vm.items)
        if (iv.item && key.rfind(iv.item->id + ".", 0) == 0) return &field->second;
    return nullptr;  // the item left the page (hidden by a condition): no keyboard
}

/// A question an answer has just revealed (show_if) and that lies below the visible area is
/// scrolled into view at once: the patient would not know it is there (issue 20). The last item
/// drawn is that question. True when it asked for a scroll.
bool revealIfBelow(Frame& f) {
    const float winTop = ImGui::GetWindowPos().y, viewH = ImGui::GetWindowHeight();
    const float top = ImGui::GetItemRectMin().y - winTop + ImGui::GetScrollY();  // content y
    const float bottom = ImGui::GetItemRectMax().y - winTop + ImGui::GetScrollY();
    if (bottom <= ImGui::GetScrollY() + viewH) return false;
    // Its bottom just in view, or its top at the top if it is taller than the view.
    const float offset = std::min(top, bottom - viewH + f.px(0.5f));
    f.state.scroll.scrollToY = offset + f.px(1.0f);  // scroll_area.cpp takes 1 em off
    return true;
}

/// The page's `no_to_all` button, under its questions: No to each one not answered yet (the
/// answered ones stay). Always drawn while the page shows, so nothing moves when it is used.
void drawNoToAll(Frame& f, const session::ViewModel& vm, const forms::Page& page, float width) {
    ButtonSpec spec{"no_to_all", f.text(page.noToAll), WidgetKind::Button};
    if (!button(f, spec, ImVec2(width, f.px(f.theme.targetEm) * 1.2f))) return;
    for (const auto& iv : vm.items) {
        if (!iv.item || iv.answer || !forms::answersNoToAll(*iv.item)) continue;
        const forms::Answer no = iv.item->type == forms::ItemType::YesNo ? forms::Answer{false}
                                                                         : forms::Answer{std::string("no")};
        f.emit(session::SetAnswer{iv.item->id, no});
    }
}

}  // namespace

void drawPage(Frame& f, const session::ViewModel& vm) {
    struct Route {  // answers of list fields become the list's, however the page returns
        ActionSink& out;
        std::size_t from;
        ~Route() { routeListAnswers(out, from); }
    } route{f.out, f.out.size()};
    if (vm.editingFromReview) f.state.reviewReturnPage = vm.page;  // the review opens at this section
    drawTopBar(f, f.fmt("ui.page.step", {std::to_string(vm.step), std::to_string(vm.stepCount)}));
    const forms::Item* kbItem = keyboardItem(f, vm);
    if (!kbItem) f.state.keyboard.open = false;
    const float top = f.px(f.theme.topBarEm);
    const float bottomH = kbItem ? keyboardPanelHeight(f, *kbItem) : f.px(f.theme.bottomBarEm);
    const Column c = contentColumn(f);
    const float itemGap = f.px(f.theme.itemSpacingEm);

    ImGui::SetCursorScreenPos(ImVec2(0, top));
    const std::string owner = "page/" + std::to_string(vm.page);
    beginScrollArea(f, "##page", owner, ImVec2(f.displayW, std::max(f.em, f.displayH - top - bottomH)));
    const bool scrollToError = f.state.nextTapped || !f.state.lastHasErrors;
    ImGui::SetCursorScreenPos(ImVec2(c.x, ImGui::GetCursorScreenPos().y + f.px(0.6f)));
    ImGui::BeginGroup();  // new lines start at the column
    text(f, FontRole::Title, vm.pageTitle, f.pal.text, c.width);
    registerLastText(f, "title", vm.pageTitle, FontRole::Title);
    ImGui::Dummy(ImVec2(c.width, f.px(0.6f)));
    bool scrolled = false;
    bool first = true;
    const bool samePage = f.state.itemsOfPage == vm.page;
    std::vector<std::string> shown;
    for (const auto& iv : vm.items) {
        if (!iv.item) continue;
        if (!first) ImGui::Dummy(ImVec2(c.width, itemGap));  // between questions, not after the last
        first = false;
        ImGui::SetCursorScreenPos(ImVec2(c.x, ImGui::GetCursorScreenPos().y));
        if (vm.hasErrors && scrollToError && !scrolled && !iv.error.empty()) {
            f.state.scroll.scrollToY = ImGui::GetCursorPosY();  // applied next frame
            scrolled = true;
        }
        drawItem(f, iv, c.width);
        shown.push_back(iv.item->id);
        const bool revealed = samePage && std::find(f.state.itemsShown.begin(), f.state.itemsShown.end(),
                                                    iv.item->id) == f.state.itemsShown.end();
        if (revealed && !scrolled) scrolled = revealIfBelow(f);
    }
    const forms::Page& page = f.form.pages[static_cast<size_t>(vm.page)];
    if (!page.noToAll.empty()) {
        ImGui::Dummy(ImVec2(c.width, itemGap));
        ImGui::SetCursorScreenPos(ImVec2(c.x, ImGui::GetCursorScreenPos().y));
        drawNoToAll(f, vm, page, c.width);
    }
    f.state.itemsOfPage = vm.page;
    f.state.itemsShown = std::move(shown);
    ImGui::Dummy(ImVec2(c.width, f.px(0.15f)));  // the last answers clear the bottom bar
    ImGui::EndGroup();
    endScrollArea(f);
    f.state.nextTapped = false;

    if (kbItem) {
        ImGui::SetCursorScreenPos(ImVec2(0, f.displayH - bottomH));
        drawKeyboardPanel(f, *kbItem, f.displayW);
        return;
    }
    ButtonSpec back{"back", f.tr("ui.page.back"), WidgetKind::Button};
    back.enabled = vm.canGoBack;
    ButtonSpec next{"next", f.tr(vm.editingFromReview ? "ui.page.back_to_review" : "ui.page.next"),
                    WidgetKind::Button};
    // Looks disabled while required answers are missing, yet a tap explains what is missing.
    next.look = requiredMissing(vm) ? Look::Dimmed : Look::Primary;
    switch (drawBottomBar(f, &back, next)) {
        case -1: f.emit(session::Back{}); break;
        case 1:
            f.emit(session::Next{});
            f.state.nextTapped = true;
            break;
        default: break;
    }
}

}  // namespace kiosk::ui
