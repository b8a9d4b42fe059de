#include "intake_walk.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "kiosk/forms/loader.h"
#include "kiosk/ui/item_widgets.h"
#include "kiosk/session/intake.h"
#include "kiosk/session/simulate.h"

namespace kiosk::ui::test {
namespace {

namespace fs = std::filesystem;

const core::FixedClock kClock = core::FixedClock::atUtc("2026-11-25T10:03:00Z");

nlohmann::json readJson(const fs::path& path) {
    std::ifstream in(path);
    return nlohmann::json::parse(in, nullptr, false);
}

/// "7", "7.5": what a patient types on the number pad for @p v.
std::string numberText(double v) {
    if (v == std::floor(v)) return std::to_string(static_cast<long long>(v));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

bool isNo(const forms::Answer& a) {
    const auto* b = std::get_if<bool>(&a);
    const auto* s = std::get_if<std::string>(&a);
    return (b && !*b) || (s && *s == "no");
}

/// Whether the patient answers the page's No questions with its `no_to_all` button: it has one, it
/// saves taps (two or more Nos), and the set answers every question it would answer.
bool usesNoToAll(const AnswerSet& set, const forms::Page& page, const std::vector<session::ItemView>& items) {
    if (page.noToAll.empty()) return false;
    int nos = 0;
    for (const auto& iv : items) {
        if (!iv.item || !forms::answersNoToAll(*iv.item)) continue;
        const auto a = set.answers.find(iv.item->id);
        if (a == set.answers.end()) return false;
        nos += isNo(a->second);
    }
    return nos >= 2;
}

std::string screenName(const session::Intake& intake) {
    const session::ViewModel vm = intake.view();
    switch (vm.screen) {
        case session::Screen::Welcome: return "welcome";
        case session::Screen::Page: return intake.form().pages[static_cast<size_t>(vm.page)].id;
        case session::Screen::Review: return "review";
        case session::Screen::ThankYou: return "thank_you";
        default: return "other";
    }
}

/// The patient's part: one answer, entered by taps.
class Hands {
public:
    Hands(UiDriver& ui, WalkResult& result) : m_ui(ui), m_result(result) {}

    void enter(const forms::Item& item, const forms::Answer& answer) {
        const std::string base = "item/" + item.id + "/";
        auto tap = [&](const std::string& rest) { m_ui.tap(base + rest); };
        switch (item.type) {
            case forms::ItemType::Text: {
                const std::string& text = std::get<std::string>(answer);
                if (m_ui.type(item.id, text, true) != text) m_result.leftOut.push_back(item.id);
                break;
            }
            case forms::ItemType::Number: m_ui.type(item.id, numberText(std::get<double>(answer))); break;
            case forms::ItemType::Scale:
                tap(std::to_string(static_cast<int>(std::lround(std::get<double>(answer)))));
                break;
            case forms::ItemType::YesNo: tap(std::get<bool>(answer) ? "yes" : "no"); break;
            case forms::ItemType::Consent:
                if (std::get<bool>(answer)) tap("agree");
                break;
            case forms::ItemType::Single: tap(std::get<std::string>(answer)); break;
            case forms::ItemType::Multi:
                for (const auto& v : std::get<std::vector<std::string>>(answer)) tap(v);
                break;
            case forms::ItemType::Matrix:
                for (const auto& [row, v] : std::get<forms::MatrixAnswer>(answer)) tap(row + "/" + v);
                break;
            case forms::ItemType::Date: {  // a decade, its year, the month, the day
                const auto& d = std::get<forms::Date>(answer);
                tap("decade/" + std::to_string(d.year / 10 * 10));
                tap("year/" + std::to_string(d.year));
                tap("month/" + std::to_string(d.month));
                tap("day/" + std::to_string(d.day));
                break;
            }
            case forms::ItemType::BodyMap:
                for (const auto& mark : std::get<forms::BodyMapAnswer>(answer)) {
                    tap(mark.region);
                    if (mark.intensity) tap(mark.region + "/intensity/" + std::to_string(*mark.intensity));
                    for (const auto& k : mark.kinds) tap(mark.region + "/kind/" + k);
                }
                break;
            case forms::ItemType::Signature: {  // one stroke of the finger across the pad
                const std::string pad = base + "pad";
                if (!m_ui.scrollIntoView(pad)) {
                    ADD_FAILURE() << "no signature pad for " << item.id;
                    break;
                }
                const Rect r = m_ui.find(pad)->visible;
                m_ui.drag(r.x + r.w * 0.15f, r.y + r.h * 0.3f, r.x + r.w * 0.85f, r.y + r.h * 0.7f, 12);
                m_ui.frame();
                ++m_ui.counts().taps;
                break;
            }
            case forms::ItemType::List: {  // each entry on its card, "Add another" before the next
                const auto& entries = std::get<forms::ListAnswer>(answer);
                for (size_t i = 0; i < entries.size(); ++i) {
                    if (i > 0) tap("add");
                    for (const forms::Item& field : item.fields) {
                        const auto v = entries[i].fields.find(field.id);
                        if (v == entries[i].fields.end()) continue;
                        forms::Item onCard = field;
                        onCard.id = listFieldKey(item, static_cast<int>(i), field);
                        enter(onCard, v->second);
                    }
                }
                break;
            }
            case forms::ItemType::Info: break;
        }
    }

private:
    UiDriver& m_ui;
    WalkResult& m_result;
};

/// What the kiosk gives its view: the drawn body map.
UiOptions kioskOptions() {
    UiOptions o;
    o.bodyFigure = bundledFigure();
    return o;
}

}  // namespace

std::vector<AnswerSet> bundledAnswerSets() {
    const fs::path root = fs::path(KIOSK_SOURCE_DIR) / "tests/data/answers";
    const core::Catalog catalog = loadCatalog();
    std::vector<fs::path> dirs;
    for (const auto& e : fs::directory_iterator(root))
        if (e.is_directory()) dirs.push_back(e.path());
    std::sort(dirs.begin(), dirs.end());
    std::vector<AnswerSet> sets;
    for (const auto& dir : dirs) {
        const nlohmann::json expected = readJson(dir / "expected.json");
        const nlohmann::json answers = readJson(dir / "answers.json");
        if (expected.is_discarded() || answers.is_discarded()) {
            ADD_FAILURE() << dir << ": answers.json or expected.json does not parse";
            continue;
        }
        auto loaded = forms::loadForm((fs::path(KIOSK_SOURCE_DIR) / expected.value("form", "")).string());
        if (!loaded.ok()) {
            ADD_FAILURE() << dir << ": " << (loaded.errors.empty() ? "" : loaded.errors.front().format());
            continue;
        }
        AnswerSet set{dir.filename().string(), loaded.form, expected.value("lang", "en"), {}, {}};
        // The answers a record keeps (the shown ones, checked against their items), as simulate reads them.
        auto sim = session::simulate(set.form, answers, set.lang, catalog, kClock, session::HiddenAnswers::Drop);
        if (!sim.record) {
            ADD_FAILURE() << dir << ": " << (sim.errors.empty() ? "" : sim.errors.front().format());
            continue;
        }
        set.answers = sim.record->answers;
        set.expected = *sim.record;
        sets.push_back(std::move(set));
    }
    return sets;
}

WalkResult walkAnswerSet(const AnswerSet& set, float width, float height) {
    WalkResult result;
    const core::Catalog catalog = loadCatalog();
    session::Intake intake(set.form, catalog, session::IntakeConfig{}, kClock);
    std::unique_ptr<UiDriver> ui;
    std::function<void(const std::vector<session::Effect>&)> handle = [&](const std::vector<session::Effect>& effects) {
        for (const auto& e : effects)
            if (const auto* save = std::get_if<session::SaveRequest>(&e)) {
                result.saved = save->record;
                handle(intake.apply(session::SaveSucceeded{"walk"}));
            }
    };
    ui = std::make_unique<UiDriver>(
        width, height, *set.form,
        [&] {
            handle(intake.apply(session::Tick{ui->now()}));
            return intake.view();
        },
        [&](const session::Action& a) { handle(intake.apply(a)); }, kioskOptions());
    ui->frame();
    auto seen = [&] {
        const std::string now = screenName(intake);
        if (result.screens.empty() || result.screens.back() != now) result.screens.push_back(now);
    };
    seen();
    if (set.lang != set.form->languages.front()) ui->tap("lang/" + set.lang);
    ui->tap("start");
    seen();
    Hands hands(*ui, result);
    for (int guard = 0; guard < 100 && intake.screen() == session::Screen::Page; ++guard) {
        const int page = intake.view().page;
        const forms::Page& pageDef = set.form->pages[static_cast<size_t>(page)];
        const bool noToAll = usesNoToAll(set, pageDef, intake.view().items);
        // An answer may reveal a question on the page (show_if): look again until nothing is new.
        std::set<std::string> done;
        for (bool more = true; more;) {
            more = false;
            for (const auto& iv : intake.view().items) {
                if (!iv.item || !done.insert(iv.item->id).second) continue;
                more = true;
                const auto a = set.answers.find(iv.item->id);
                const bool byButton = noToAll && a != set.answers.end() && forms::answersNoToAll(*iv.item) && isNo(a->second);
                if (a != set.answers.end() && !byButton) hands.enter(*iv.item, a->second);
                if (::testing::Test::HasFatalFailure()) return result;
                break;  // the page may have changed under the answer: read it again
            }
        }
        if (noToAll) ui->tap("no_to_all");  // the Nos left, in one tap
        ui->tap("next");
        seen();
        if (intake.screen() == session::Screen::Page && intake.view().page == page) {
            std::string why;
            for (const auto& iv : intake.view().items)
                if (!iv.error.empty()) why += " " + iv.item->id + ": " + iv.error;
            ADD_FAILURE() << set.name << ": Next did not leave page " << screenName(intake) << why;
            return result;
        }
    }
    if (intake.screen() != session::Screen::Review) {
        ADD_FAILURE() << set.name << ": no review after the pages";
        return result;
    }
    ui->tap("submit");
    ui->frames(2);
    seen();
    result.count = ui->counts();
    return result;
}

}  // namespace kiosk::ui::test
