// After a crash or power cut with an intake in progress: "Welcome back", then start a new intake
// or continue. Whoever stands here may already be the next patient, so nothing of the draft shows,
// not even a name (UX.md: never leave one patient's answers visible to the next), and the big
// default is a new intake: continuing is the smaller, deliberate choice. Unattended, idle wipes it.
#include <algorithm>
#include <string>

#include "kiosk/ui/scroll_area.h"
#include "kiosk/ui/screens.h"

namespace kiosk::ui {

void drawResume(Frame& f, const session::ViewModel& vm) {
    (void)vm;  // on purpose: the view model of this screen holds no answers
    drawTopBar(f, "");
    const float top = f.px(f.theme.topBarEm);
    const float avail = f.displayH - top;
    const Column c = contentColumn(f);
    const float w = std::min(c.width, f.px(36.0f));
    const float x = (f.displayW - w) * 0.5f;
    const float target = f.px(f.theme.targetEm);
    const float bw = std::min(w, f.px(20.0f));
    const bool languages = f.form.languages.size() > 1;
    const std::string& title = f.tr("ui.resume.title");
    const std::string& body = f.tr("ui.resume.body");
    const std::string& question = f.tr("ui.resume.question");
    const std::string& notYours = f.tr("ui.resume.not_yours");

    ButtonSpec over{"resume/start_over", f.tr("ui.resume.start_over"), WidgetKind::Button};
    over.look = Look::Primary;
    over.font = FontRole::Question;
    ButtonSpec resume{"resume/continue", f.tr("ui.resume.continue"), WidgetKind::Button};
    over.navigation = resume.navigation = true;
    const float overH = std::max(target * 1.4f, buttonHeight(f, over.label, bw, Mark::None, over.font));
    const float resumeH = buttonHeight(f, resume.label, bw, Mark::None, resume.font);

    // Measured first: centred when it fits, scrolled by a finger when Larger text makes it taller.
    const float titleH = centredTextHeight(f, FontRole::Title, title, w);
    const float bodyH = centredTextHeight(f, FontRole::Body, body, w);
    const float questionH = centredTextHeight(f, FontRole::Question, question, w);
    const float notYoursH = centredTextHeight(f, FontRole::Body, notYours, w);
    const float h = titleH + f.px(0.8f) + bodyH + f.px(0.6f) + questionH + f.px(1.2f) + overH + f.px(0.5f) +
                    notYoursH + f.px(1.2f) + resumeH + (languages ? f.px(1.5f) + target : 0);

    ImGui::SetCursorScreenPos(ImVec2(0, top));
    beginScrollArea(f, "##resume", "resume", ImVec2(f.displayW, avail));
    float y = ImGui::GetCursorScreenPos().y + std::max(f.px(1.0f), (avail - h) * 0.5f);
    auto line = [&](FontRole role, const std::string& s, float height, Rgb colour, const char* key) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        centredText(f, role, s, colour, w);
        registerLastText(f, key, s, role);
        y += height;
    };
    line(FontRole::Title, title, titleH, f.pal.text, "message");
    y += f.px(0.8f);
    line(FontRole::Body, body, bodyH, f.pal.text, "resume/body");
    y += f.px(0.6f);
    line(FontRole::Question, question, questionH, f.pal.text, "resume/question");
    y += f.px(1.2f);

    ImGui::SetCursorScreenPos(ImVec2(x + (w - bw) * 0.5f, y));
    if (button(f, over, ImVec2(bw, overH))) f.emit(session::Reset{});  // wipes answers and draft
    y += overH + f.px(0.5f);
    line(FontRole::Body, notYours, notYoursH, f.pal.mutedText, "resume/not_yours");
    y += f.px(1.2f);
    ImGui::SetCursorScreenPos(ImVec2(x + (w - bw) * 0.5f, y));
    if (button(f, resume, ImVec2(bw, resumeH))) f.emit(session::ResumeContinue{});
    y += resumeH;

    if (languages) {  // the next patient may read another language
        y += f.px(1.5f);
        languageButtons(f, x, w, y);
        y += target;
    }
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    ImGui::Dummy(ImVec2(w, f.px(1.0f)));
    endScrollArea(f);
}

}  // namespace kiosk::ui
