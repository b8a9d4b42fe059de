#pragma once
// A small intake form exercising every session rule: required items, an item and a whole page
// behind show_if, a consent + signature page, a score and a flag.
//   page 0 about:   name (text, required), dob (date, past_only, required)
//   page 1 pain:    hurts (yes_no, required), pain_now (scale, required, if hurts), where (body_map, if hurts)
//   page 2 night:   [page shown if pain_now >= 7] night_pain (yes_no, required)
//   page 3 consent: agree (consent, required), sig (signature, required)
#include <string>

#include "kiosk/session/intake.h"
#include "support/form_builder.h"

namespace kiosk::testing {

inline std::shared_ptr<const Form> sampleForm() {
    Form f = form({
        page("about", {required(text("name")), [] {
                           Item d = required(date("dob"));
                           d.pastOnly = true;
                           return d;
                       }()}),
        page("pain", {required(yesNo("hurts")),
                      shownIf(required(scale("pain_now")), cmp("hurts", CondOp::Eq, true)),
                      shownIf(bodyMap("where", {BodyDetail::Intensity}), cmp("hurts", CondOp::Eq, true))}),
        page("night", {required(yesNo("night_pain"))}, cmp("pain_now", CondOp::Ge, 7.0)),
        page("consent", {required(consent("agree")), required(signature("sig"))}),
    });
    Score s;
    s.id = "pain_score";
    s.items = {"pain_now"};
    s.method = ScoreMethod::Max;
    ScoreBand low;
    low.min = 0;
    low.max = 6;
    low.label = txt("manageable", "llevadero");
    ScoreBand high;
    high.min = 7;
    high.max = 10;
    high.label = txt("severe", "intenso");
    s.bands = {low, high};
    f.scores.push_back(s);
    Flag night;
    night.id = "night_pain";
    night.severity = Severity::Urgent;
    night.label = txt("Night pain", "Dolor nocturno");
    night.explain = txt("Ask about night pain before treatment.", "Preguntar.");
    night.when = cmp("night_pain", CondOp::Eq, true);
    f.flags.push_back(night);
    return share(std::move(f));
}

inline Signature aSignature() { return Signature{{{{0.1f, 0.1f}, {0.5f, 0.6f}}}}; }

/// From the first page of a started intake to the review, by the shortest way (no pain).
inline void answerToReview(session::Intake& intake, const std::string& name = "Ana") {
    using namespace session;
    intake.apply(SetAnswer{"name", name});
    intake.apply(SetAnswer{"dob", Date{1950, 3, 14}});
    intake.apply(Next{});
    intake.apply(SetAnswer{"hurts", false});
    intake.apply(Next{});
    intake.apply(SetAnswer{"agree", true});
    intake.apply(SetAnswer{"sig", aSignature()});
    intake.apply(Next{});
}

}  // namespace kiosk::testing
