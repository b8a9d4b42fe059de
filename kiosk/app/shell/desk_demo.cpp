#include "kiosk/app/shell/desk_demo.h"

#include <stdlib.h>

#include <filesystem>

#include "kiosk/app/cli/demo_answers.h"
#include "kiosk/session/answer_json.h"
#include "kiosk/session/simulate.h"
#include "kiosk/core/clock.h"
#include "kiosk/export/record_payload.h"

namespace kiosk::app {
namespace {

constexpr const char* kDemoPassphrase = "demo desk passphrase";

/// Every question's demo answer, with a made-up name, and one red flag raised for @p flagged.
nlohmann::json demoAnswers(const forms::Form& form, const std::string& first, const std::string& last, bool flagged) {
    nlohmann::json answers = nlohmann::json::object();
    for (const forms::Item* item : form.allItems()) {
        if (auto a = demoAnswer(*item)) answers[item->id] = session::answerToJson(*a);
        if (item->type == forms::ItemType::YesNo) answers[item->id] = false;  // no flag unless asked below
    }
    if (answers.contains("first_name")) answers["first_name"] = first;
    if (answers.contains("last_name")) answers["last_name"] = last;
    // A flag, so the pictures show what staff see first: the first yes/no item some flag watches.
    if (flagged)
        for (const forms::Flag& flag : form.flags)
            if (flag.when.kind == forms::Condition::Kind::Compare && form.findItem(flag.when.item) &&
                form.findItem(flag.when.item)->type == forms::ItemType::YesNo) {
                answers[flag.when.item] = true;
                break;
            }
    return answers;
}

}  // namespace

core::Result<std::unique_ptr<DemoDesk>> DemoDesk::make(const Content& content, const std::string& screen,
                                                       staff::TimePoint now) {
    std::unique_ptr<DemoDesk> d(new DemoDesk);
    std::string tmpl = (std::filesystem::temp_directory_path() / "kiosk-desk-demo-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) return core::makeError(core::ErrorCode::Io, "cannot make a temporary folder");
    d->m_dir = tmpl;
    store::StoreOptions o;
    o.dbPath = d->m_dir + "/intake.sqlite3";
    o.kioskId = "demo";
    auto opened = store::Store::open(o);
    if (!opened) return opened.error();
    d->m_store = std::make_unique<store::Store>(std::move(*opened));
    if (auto made = d->m_store->initKeys(kDemoPassphrase, store::KdfLimits::minimum()); !made) return made.error();

    const forms::Form& form = *content.form;
    const auto today = core::SystemClock::now();
    const struct { const char* first; const char* last; bool flagged; int minutesAgo; } people[] = {
        {"Margaret", "Okafor", false, 95}, {"Jorge", "Salinas", true, 50}, {"Ana", "Lindqvist", false, 12}};
    for (const auto& p : people) {
        auto sim = session::simulate(content.form, demoAnswers(form, p.first, p.last, p.flagged), content.lang,
                                     content.catalog, core::systemClock(), session::HiddenAnswers::Drop);
        if (!sim.ok()) return core::makeError(core::ErrorCode::Invalid, "the demo answers do not fit the form");
        store::RecordMeta m;
        m.formId = form.id;
        m.formVersion = form.version;
        m.contentHash = form.contentHash;
        m.lang = content.lang;
        m.submittedAt = core::toUtcIso(today - std::chrono::minutes(p.minutesAgo));
        m.startedAt = core::toUtcIso(today - std::chrono::minutes(p.minutesAgo + 9));
        sim.record->submittedAt = m.submittedAt;
        if (auto saved = d->m_store->submit(m, exports::recordPayload(*sim.record)); !saved) return saved.error();
    }

    staff::DeskOptions options;
    options.staffLang = content.lang;
    auto shelf = std::make_shared<exports::FormShelf>();
    shelf->add(content.form);
    options.shelf = shelf;
    options.exportOnThread = false;
    d->m_desk = std::make_unique<staff::Desk>(*d->m_store, content.catalog, options);
    staff::Desk& desk = *d->m_desk;
    desk.enter(now);
    if (screen == "desk:unlock") {
        desk.apply(staff::OpenUnlock{});
        desk.apply(staff::TypeKey{"demo"});
        return d;
    }
    desk.apply(staff::OpenUnlock{});
    desk.apply(staff::TypeKey{kDemoPassphrase});
    desk.apply(staff::SubmitUnlock{});
    if (screen == "desk:detail" && !desk.view().list.rows.empty())
        desk.apply(staff::OpenIntake{desk.view().list.rows.front().id});
    if (screen == "desk:health") desk.apply(staff::ShowHealth{});
    return d;
}

DemoDesk::~DemoDesk() {
    m_desk.reset();
    m_store.reset();
    std::error_code ec;
    if (!m_dir.empty()) std::filesystem::remove_all(m_dir, ec);
}

}  // namespace kiosk::app
