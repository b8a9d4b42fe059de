#include "test_form.h"

#include <type_traits>

#include "ui_driver.h"

namespace kiosk::ui::test {
namespace {

forms::Item item(const std::string& id, forms::ItemType type, const std::string& en, const std::string& es) {
    forms::Item it;
    it.id = id;
    it.type = type;
    it.label = tx(en, es);
    return it;
}

forms::Option opt(const std::string& value, const std::string& en, const std::string& es, bool exclusive = false) {
    forms::Option o;
    o.value = value;
    o.label = tx(en, es);
    o.exclusive = exclusive;
    return o;
}

}  // namespace

forms::Text tx(const std::string& en, const std::string& es) {
    forms::Text t;
    t.byLang["en"] = en;
    if (!es.empty()) t.byLang["es"] = es;
    return t;
}

std::shared_ptr<forms::Form> makeTestForm() {
    using T = forms::ItemType;
    auto form = std::make_shared<forms::Form>();
    form->id = "ui_test";
    form->version = 1;
    form->title = tx("Pain clinic intake", "Admisión de la clínica del dolor");
    form->description = tx("A few questions before your visit.", "Unas preguntas antes de su visita.");
    form->languages = {"en", "es"};

    forms::Page about;
    about.id = "about";
    about.title = tx("About you", "Sobre usted");
    auto name = item("first_name", T::Text, "What is your first name?", "¿Cuál es su nombre?");
    name.textKind = forms::TextKind::Name;
    name.required = true;
    name.maxLength = 40;
    auto phone = item("phone", T::Text, "Phone number", "Teléfono");
    phone.textKind = forms::TextKind::Phone;
    auto email = item("email", T::Text, "Email", "Correo electrónico");
    email.textKind = forms::TextKind::Email;
    auto dob = item("dob", T::Date, "Date of birth", "Fecha de nacimiento");
    dob.pastOnly = true;
    dob.required = true;
    about.items = {name, phone, email, dob};

    forms::Page pain;
    pain.id = "pain";
    pain.title = tx("Your pain today", "Su dolor hoy");
    auto now = item("pain_now", T::Scale, "How bad is your pain right now?", "¿Cuánto le duele ahora?");
    now.min = 0;
    now.max = 10;
    now.minLabel = tx("No pain", "Sin dolor");
    now.maxLabel = tx("Worst pain imaginable", "El peor dolor imaginable");
    now.required = true;
    auto night = item("night_pain", T::YesNo, "Does the pain wake you at night?", "¿El dolor le despierta por la noche?");
    auto since = item("since", T::Single, "How long have you had this pain?", "¿Desde cuándo tiene este dolor?");
    since.options = {opt("weeks", "A few weeks", "Unas semanas"), opt("months", "A few months", "Unos meses"),
                     opt("years", "More than a year", "Más de un año")};
    auto helps = item("helps", T::Multi, "What helps?", "¿Qué le ayuda?");
    helps.options = {opt("rest", "Rest", "Descanso"), opt("heat", "Heat", "Calor"), opt("cold", "Cold", "Frío"),
                     opt("walking", "Walking", "Caminar"), opt("none", "Nothing helps", "Nada ayuda", true)};
    pain.items = {now, night, since, helps};

    forms::Page more;
    more.id = "more";
    more.title = tx("A little more", "Un poco más");
    auto sleep = item("sleep_hours", T::Number, "How many hours do you sleep?", "¿Cuántas horas duerme?");
    sleep.min = 0;
    sleep.max = 24;
    sleep.step = 0.5;
    sleep.decimals = 1;
    sleep.unit = tx("hours", "horas");
    auto mood = item("mood", T::Matrix, "Over the last two weeks…", "En las dos últimas semanas…");
    mood.options = {opt("0", "Not at all", "Nunca"), opt("1", "Several days", "Varios días"),
                    opt("2", "Most days", "Casi todos los días")};
    mood.rows = {forms::MatrixRow{"interest", tx("Little interest", "Poco interés"), {}, {}},
                 forms::MatrixRow{"down", tx("Feeling down", "Decaído"), {}, {}}};
    auto info = item("info", T::Info, "Please read and sign below.", "Lea y firme abajo.");
    auto consent = item("consent", T::Consent, "I agree to treatment.", "Acepto el tratamiento.");
    consent.required = true;
    auto sig = item("signature", T::Signature, "Your signature", "Su firma");
    more.items = {sleep, mood, info, consent, sig};

    forms::Page body;
    body.id = "body";
    body.title = tx("Where is your pain?", "¿Dónde le duele?");
    auto map = item("pain_map", T::BodyMap, "Tap every place that hurts.", "Toque cada lugar que le duela.");
    map.detail = {forms::BodyDetail::Intensity, forms::BodyDetail::Kind};
    body.items = {map};

    forms::Page notes;
    notes.id = "notes";
    notes.title = tx("Anything else?", "¿Algo más?");
    auto comments = item("comments", T::Text, "Anything else we should know?", "¿Algo más que debamos saber?");
    comments.textKind = forms::TextKind::Multiline;
    notes.items = {comments};

    form->pages = {about, pain, more, body, notes};
    return form;
}

void forEachKeyboard(UiDriver& ui, const std::function<void(const std::string&)>& goToPage,
                     const std::function<void(const std::string&)>& check) {
    struct Opening {
        const char* page;
        const char* item;
        const char* scenario;
    };
    for (const Opening& o : {Opening{"about", "first_name", "keyboard for first_name"},
                             Opening{"about", "phone", "keyboard for phone"},
                             Opening{"about", "email", "keyboard for email"},
                             Opening{"notes", "comments", "multiline keyboard"},
                             Opening{"more", "sleep_hours", "number pad"}}) {
        goToPage(o.page);
        ui.tap(std::string("item/") + o.item);
        check(o.scenario);
        ui.tap("keyboard/done");
    }
}

void FakeSession::apply(const session::Action& action) {
    std::visit(
        [&](const auto& a) {
            using A = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<A, session::SetAnswer>) {
                answers[a.item] = a.value;
            } else if constexpr (std::is_same_v<A, session::ClearAnswer>) {
                answers.erase(a.item);
            } else if constexpr (std::is_same_v<A, session::Start>) {
                lang = a.lang;
                screen = session::Screen::Page;
                page = 0;
            } else if constexpr (std::is_same_v<A, session::SetLanguage>) {
                lang = a.lang;
            } else if constexpr (std::is_same_v<A, session::Next>) {
                if (page + 1 < static_cast<int>(form->pages.size())) ++page;
                else screen = session::Screen::Review;
            } else if constexpr (std::is_same_v<A, session::Back>) {
                if (screen == session::Screen::Review) screen = session::Screen::Page;
                else if (page > 0) --page;
                else screen = session::Screen::Welcome;
            } else if constexpr (std::is_same_v<A, session::GoTo>) {
                screen = session::Screen::Page;
                page = a.page;
            } else if constexpr (std::is_same_v<A, session::Reset>) {
                *this = FakeSession(form);
            } else if constexpr (std::is_same_v<A, session::ResumeContinue>) {
                if (screen == session::Screen::Resume) screen = session::Screen::Page;
            }
        },
        action);
}

session::ViewModel FakeSession::view() const {
    session::ViewModel vm;
    vm.screen = screen;
    vm.lang = lang;
    vm.page = page;
    vm.step = page + 1;
    vm.stepCount = static_cast<int>(form->pages.size());
    vm.canGoBack = true;
    vm.idleWarning = idleWarning;
    vm.idleSecondsLeft = idleSecondsLeft;
    vm.retryInSeconds = retryInSeconds;
    const forms::Page& p = form->pages[static_cast<size_t>(page)];
    vm.pageTitle = p.title.get(lang);
    for (const auto& it : p.items) {
        session::ItemView iv;
        iv.item = &it;
        auto a = answers.find(it.id);
        iv.answer = a == answers.end() ? nullptr : &a->second;
        auto e = errors.find(it.id);
        if (e != errors.end()) iv.error = e->second;
        vm.items.push_back(iv);
    }
    vm.hasErrors = !errors.empty();
    int index = 0;
    for (const auto& pg : form->pages) {
        for (const auto& it : pg.items) {
            if (!it.isQuestion()) continue;
            vm.review.push_back(session::ReviewEntry{index, pg.title.get(lang), &it,
                                                     answers.count(it.id) ? "(answered)" : "Not answered"});
        }
        ++index;
    }
    return vm;
}

}  // namespace kiosk::ui::test
