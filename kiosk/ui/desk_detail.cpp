// One intake on the desk: what the therapist needs first (flags with what to do, scores with
// bands and the change since the patient's last visit, the pain map), then every answer in form order, then the signature drawn from its strokes.
// [SECTION] index: pieces · drawDetail
#include <algorithm>

#include "kiosk/core/local_day.h"
#include "kiosk/ui/body_map.h"
#include "kiosk/ui/desk_parts.h"
#include "kiosk/ui/scroll_area.h"

namespace kiosk::ui::desk {
namespace {

// [SECTION] pieces
void heading(Frame& f, float x, float& y, float w, const std::string& s) {
    y += f.em * 0.6f;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    text(f, FontRole::Title, s, f.pal.text, w);
    y = ImGui::GetCursorScreenPos().y + f.em * 0.2f;
}

void line(Frame& f, float x, float& y, float w, const std::string& key, const std::string& s, FontRole role, Rgb colour) {
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    text(f, role, s, colour, w);
    if (!key.empty()) registerLastText(f, key, s, role);
    y = ImGui::GetCursorScreenPos().y;
}

/// The signature as drawn: its strokes scaled into a pad-coloured box.
void signature(Frame& f, float x, float& y, float w, const forms::Signature& sig) {
    const float bw = std::min(w, f.px(24.0f)), bh = f.px(f.theme.signatureHeightEm);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(x, y), ImVec2(x + bw, y + bh), col(f.pal.pad), f.px(f.theme.roundingEm));
    dl->AddRect(ImVec2(x, y), ImVec2(x + bw, y + bh), col(f.pal.buttonBorder), f.px(f.theme.roundingEm));
    for (const forms::Stroke& stroke : sig.strokes) {
        std::vector<ImVec2> points;
        for (const forms::Point& p : stroke) points.emplace_back(x + p.x * bw, y + p.y * bh);
        if (points.size() == 1) dl->AddCircleFilled(points[0], f.em * 0.1f, col(f.pal.ink));
        else dl->AddPolyline(points.data(), static_cast<int>(points.size()), col(f.pal.ink), 0, f.em * 0.12f);
    }
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    ImGui::Dummy(ImVec2(bw, bh));
    WidgetInfo& info = registerLastItem(f, "desk/signature", WidgetKind::Hidden, "", false);
    (void)info;
    y += bh + f.em * 0.3f;
}

/// Change since the patient's last visit: "Change since the visit of 2026-11-04 (Clinic intake)",
/// then each score previous → now with improved / worse against its minimal important change; an
/// important change in bold (in the error colour when worse). The words say it all; colour adds.
void changeSince(Frame& f, float x, float& y, float w, const exports::ReadPreviousVisit& p) {
    y += f.em * 0.4f;
    const auto [day, time] = core::localDayAndTime(p.submittedAt);
    (void)time;
    line(f, x, y, w, "desk/change/since", f.fmt("desk.detail.change_since", {day, p.formTitle}), FontRole::BodyBold,
         f.pal.text);
    if (p.changes.empty())
        line(f, x + f.em, y, w - f.em, "desk/change/none", f.tr("desk.detail.no_common_scores"), FontRole::Body,
             f.pal.mutedText);
    for (const exports::ReadChange& c : p.changes) {
        const bool important = c.important.value_or(false);
        const bool worse = c.way == exports::ReadChange::Way::Worse;
        line(f, x + f.em, y, w - f.em, "desk/change/" + c.id, c.text,
             important ? FontRole::BodyBold : FontRole::Body, important && worse ? f.pal.error : f.pal.text);
    }
}

void body(Ctx& c, const staff::DeskDetailView& d) {
    Frame& f = c.f;
    const exports::IntakeReading& r = d.reading;
    const float x = c.x, w = c.width;
    float y = ImGui::GetCursorScreenPos().y;

    heading(f, x, y, w, f.tr("desk.detail.patient"));
    line(f, x, y, w, "desk/patient/name", r.firstName + " " + r.lastName, FontRole::Question, f.pal.text);
    if (!r.dateOfBirth.empty())
        line(f, x, y, w, "desk/patient/born",
             f.fmt("desk.detail.born", {r.dateOfBirth, r.age ? std::to_string(*r.age) : "?"}), FontRole::Body, f.pal.text);
    for (const std::string* contact : {&r.phone, &r.email})
        if (!contact->empty()) line(f, x, y, w, "", *contact, FontRole::Body, f.pal.text);

    heading(f, x, y, w, f.tr("desk.detail.flags"));
    if (r.flags.empty()) line(f, x, y, w, "desk/flags/none", f.tr("desk.detail.no_flags"), FontRole::Body, f.pal.mutedText);
    for (const exports::ReadFlag& flag : r.flags) {
        const std::string badge = f.tr(flag.urgent ? "desk.badge.urgent" : "desk.badge.caution");
        line(f, x, y, w, "desk/flag/" + flag.id, badge + ": " + flag.label, FontRole::Question,
             flag.urgent ? f.pal.error : f.pal.text);
        if (!flag.explain.empty()) line(f, x + f.em, y, w - f.em, "", flag.explain, FontRole::Body, f.pal.text);
        y += f.em * 0.3f;
    }

    if (!r.scores.empty()) heading(f, x, y, w, f.tr("desk.detail.scores"));
    for (const exports::ReadScore& s : r.scores) {
        std::string value = s.value ? s.valueText : f.tr("desk.detail.no_value");
        if (!s.band.empty()) value += " - " + s.band;
        line(f, x, y, w, "desk/score/" + s.id, s.label + ": " + value, FontRole::Body, f.pal.text);
        // "Screening, not a diagnosis", "Not a validated instrument", a manual's missing-item rule.
        if (!s.note.empty()) line(f, x + f.em, y, w - f.em, "desk/score_note/" + s.id, s.note, FontRole::Body, f.pal.mutedText);
    }
    if (d.previous) changeSince(f, x, y, w, *d.previous);

    if (!r.marks.empty()) {
        heading(f, x, y, w, f.tr("desk.detail.pain_map"));
        // The drawing, and the marks in words beside it where there is room (else under it).
        std::vector<bodymap::FigureMark> marks;
        for (const exports::ReadMark& m : r.marks) marks.push_back(bodymap::FigureMark{m.region, m.intensity.value_or(-1)});
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        const ImVec2 drawn = drawFigureReadOnly(f, "desk/figure", marks, w * 0.6f, (c.bottom - c.top) * 0.85f);
        const bool beside = drawn.x > 0 && w - drawn.x >= f.px(16.0f);
        const float listX = beside ? x + drawn.x + 2 * f.px(f.theme.gapEm) : x, listW = x + w - listX;
        float listY = beside ? y : y + drawn.y + f.em * 0.3f;
        for (const exports::ReadMark& m : r.marks) {
            std::string s = m.name;
            if (m.intensity) s += ": " + std::to_string(*m.intensity) + "/10";
            for (std::size_t i = 0; i < m.kinds.size(); ++i)
                s += (i ? ", " : " (") + m.kinds[i] + (i + 1 == m.kinds.size() ? ")" : "");
            line(f, listX, listY, listW, "desk/mark/" + m.region, s, FontRole::Body, f.pal.text);
        }
        y = std::max(y + drawn.y, listY) + f.em * 0.3f;
    }

    heading(f, x, y, w, f.tr("desk.detail.answers"));
    for (const exports::ReadAnswer& a : r.answers) {
        if (a.signature) continue;  // drawn below
        line(f, x, y, w, "desk/question/" + a.itemId, a.question, FontRole::BodyBold, f.pal.mutedText);
        line(f, x + f.em, y, w - f.em, "desk/answer/" + a.itemId, a.answer, FontRole::Body, f.pal.text);
        y += f.em * 0.3f;
    }

    heading(f, x, y, w, f.tr("desk.detail.signature"));
    if (r.signedConsent) {
        signature(f, x, y, w, r.signature);
        const auto [day, time] = core::localDayAndTime(r.submittedAt);
        line(f, x, y, w, "desk/signed_at", f.fmt("desk.detail.signed_at", {day + " " + time}), FontRole::Body, f.pal.text);
    } else {
        line(f, x, y, w, "desk/signed_at", f.tr("desk.detail.not_signed"), FontRole::Body, f.pal.mutedText);
    }
    ImGui::SetCursorScreenPos(ImVec2(x, y + f.em));
    ImGui::Dummy(ImVec2(1, 1));
}

}  // namespace

// [SECTION] drawDetail
void drawDetail(Ctx& c) {
    if (!c.v.detail) return;
    Frame& f = c.f;
    const staff::DeskDetailView& d = *c.v.detail;
    const float gap = f.px(f.theme.gapEm), target = f.px(f.theme.targetEm);
    float y = c.top + gap * 0.5f;
    if (fitButton(c, "desk/back", f.tr("desk.back"), c.x, y)) c.emit(staff::BackToList{});
    const float after = c.x + fitWidth(c, f.tr("desk.back")) + 2 * gap;
    const char* state = d.row.state == staff::RowState::Reviewed   ? "desk.state.reviewed"
                        : d.row.state == staff::RowState::Exported ? "desk.state.exported"
                                                                   : "desk.state.submitted";
    const std::string title = d.row.name + "   " + d.row.day + " " + d.row.time + "   " + f.tr(state);
    ImGui::SetCursorScreenPos(ImVec2(after, y + (target - f.em * 1.6f) * 0.5f));
    text(f, FontRole::Title, title, f.pal.text, c.x + c.width - after);
    registerLastText(f, "desk/detail/title", title, FontRole::Title);
    y += target + gap;

    float x = c.x;
    auto action = [&](std::string_view key, const std::string& label, bool enabled) {
        const bool tapped = fitButton(c, key, label, x, y, Look::Plain, enabled);
        x += fitWidth(c, label) + gap;
        return tapped;
    };
    if (action("desk/review", f.tr("desk.mark_reviewed"), d.row.state == staff::RowState::Submitted))
        c.emit(staff::MarkReviewed{d.row.id});
    if (action("desk/delete", f.tr("desk.delete"), true)) c.emit(staff::AskDelete{d.row.id});
    exportButtons(c, c.x + c.width, y, d.row.id, false, x);
    y += target + gap;

    ImGui::SetCursorScreenPos(ImVec2(0, y));
    beginScrollArea(f, "##desk_detail", "desk/detail/" + d.row.id, ImVec2(f.displayW, std::max(target, c.bottom - y - gap)));
    body(c, d);
    endScrollArea(f);
}

}  // namespace kiosk::ui::desk
