// Forms come from the clinic: an admin publishes a validated questionnaire version on the server,
// kiosks take the active one with their pushes, keep the last good one offline, and run it.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <pqxx/pqxx>

#include "kiosk/app/cli/clinic_forms.h"
#include "kiosk/app/cli/content.h"
#include "kiosk/forms/loader.h"
#include "kiosk/session/form_updates.h"
#include "kiosk/sync/pusher.h"
#include "support/run_kiosk.h"
#include "support/session_support.h"
#include "sync/sync_fixture.h"

namespace kiosk::sync::testing {
namespace {

using kiosk::testing::runKiosk;
using kiosk::testing::shellWords;
using kiosk::testing::readFile;
using kiosk::testing::TempFile;

const std::string kFollowUp = KIOSK_SOURCE_DIR "/forms/follow-up.yaml";

/// A form file an admin edits in a folder of their own, beside the instruments it includes (as in
/// forms/): the form publishes with its instruments' fingerprints.
class AdminFile {
public:
    AdminFile(const std::string& name, const std::string& content) : m_path(m_dir / name) {
        std::filesystem::create_directory_symlink(KIOSK_SOURCE_DIR "/forms/instruments", m_dir / "instruments");
        std::ofstream(m_path, std::ios::binary) << content;
    }
    const std::string& path() const { return m_path; }

private:
    TempDir m_dir{"admin"};
    std::string m_path;
};

/// The bundled follow-up form's version (the test publishes it, then the next one).
int bundledVersion() {
    const std::string text = readFile(kFollowUp);
    const auto at = text.find("\nversion: ");
    if (at == std::string::npos) throw std::runtime_error("follow-up.yaml has no 'version:' line");
    return std::stoi(text.substr(at + 10));
}

/// The follow-up form with its version (whatever the bundled file has) set to @p version.
std::string followUpVersion(int version, const std::string& extra = "") {
    std::string text = readFile(kFollowUp);
    const auto at = text.find("\nversion: ");
    if (at == std::string::npos) throw std::runtime_error("follow-up.yaml has no 'version:' line");
    const auto end = text.find('\n', at + 1);
    text.replace(at, end - at, "\nversion: " + std::to_string(version));
    return text + extra;
}

TEST_F(SyncTest, AnAdminPublishesAValidatedFormAndKiosksTakeTheActiveOne) {
    const std::string admin = makeClinic("forms");
    pg().createLogin("forms_k", "intake_kiosk", "pk");
    pg().createLogin("forms_desk", "intake_staff", "pd");
    const std::string kiosk = pg().url("forms", "forms_k");
    const TempDir dir("kiosk");
    store::Store s = joinedKiosk(dir, "kiosk-f", kiosk);

    // A form with errors never reaches the server: each error at file:line:col.
    const AdminFile broken("broken.yaml", followUpVersion(bundledVersion() + 1) + "pages: 7\n");
    const auto bad = runKiosk(shellWords({"forms", "publish", broken.path(), "--pg", admin}));
    EXPECT_EQ(bad.exitCode, 1) << bad.output;
    EXPECT_NE(bad.err.find("broken.yaml:"), std::string::npos) << bad.err;
    EXPECT_NE(bad.err.find("not published"), std::string::npos) << bad.err;
    // Staff and kiosks may not publish.
    const auto staff = runKiosk(shellWords({"forms", "publish", kFollowUp, "--pg", pg().url("forms", "forms_desk")}));
    EXPECT_EQ(staff.exitCode, 1);
    EXPECT_NE(staff.err.find("does not allow this"), std::string::npos) << staff.err;
    {
        pqxx::connection c(admin);
        pqxx::nontransaction q(c);
        EXPECT_EQ(q.exec("SELECT count(*) FROM ik_forms")[0][0].as<int>(), 0);
    }

    // The bundled version (v1 here), then the next (v2): one active at a time, each publication audited.
    const int v1n = bundledVersion(), v2n = v1n + 1;
    const auto v1 = runKiosk(shellWords({"forms", "publish", kFollowUp, "--pg", admin}));
    ASSERT_EQ(v1.exitCode, 0) << v1.output;
    EXPECT_NE(v1.out.find("published form follow_up_visit version " + std::to_string(v1n)), std::string::npos) << v1.out;
    ASSERT_TRUE(pushOnce(s, kiosk));  // nothing waits; the forms still come along through sync push below
    const auto push1 = runKiosk(shellWords({"sync", "push", "--data-dir", dir.path(), "--pg", kiosk}));
    ASSERT_EQ(push1.exitCode, 0) << push1.output;
    const std::string kept = app::clinicFormsDir(dir.path()) + "/follow_up_visit.yaml";
    EXPECT_EQ(readFile(kept), readFile(kFollowUp));

    const AdminFile v2file("follow-up-v2.yaml", followUpVersion(v2n));
    const auto v2 = runKiosk(shellWords({"form", "publish", v2file.path(), "--pg", admin}));
    ASSERT_EQ(v2.exitCode, 0) << v2.output;
    // The same version with other content is refused: records name their form by version.
    const AdminFile sneaky("follow-up-v2b.yaml", followUpVersion(v2n, "# changed\n"));
    const auto clash = runKiosk(shellWords({"forms", "publish", sneaky.path(), "--pg", admin}));
    EXPECT_EQ(clash.exitCode, 1);
    EXPECT_NE(clash.err.find("is already published on the clinic server with other content"), std::string::npos)
        << clash.err;
    {
        pqxx::connection c(admin);
        pqxx::nontransaction q(c);
        EXPECT_EQ(q.exec("SELECT version FROM ik_forms WHERE active")[0][0].as<int>(), v2n);
        EXPECT_EQ(q.exec("SELECT count(*) FROM ik_audit WHERE action = 'form_publish'")[0][0].as<int>(), 2);
    }
    // The background pusher's path: pushOnce hands the active forms over, validated and kept.
    PushOptions options;
    options.onForms = [&](const std::vector<PublishedForm>& forms) {
        app::keepClinicForms(app::clinicFormsDir(dir.path()), forms, KIOSK_SOURCE_DIR "/forms");
    };
    ASSERT_TRUE(pushOnce(s, kiosk, options));
    EXPECT_EQ(readFile(kept), readFile(v2file.path()));

    // Offline: the last good one stays, and the kiosk runs it in place of its local file.
    const auto away = pushOnce(s, "postgresql://forms_k@127.0.0.1:1/forms", options);
    EXPECT_FALSE(away);
    EXPECT_EQ(readFile(kept), readFile(v2file.path()));
    app::KioskConfig config;
    config.assetsDir = KIOSK_SOURCE_DIR "/assets";
    config.formsDir = KIOSK_SOURCE_DIR "/forms";
    config.form = kFollowUp;
    config.dataDir = dir.path();
    config.defaultLanguage = "en";
    EXPECT_EQ(app::loadContent(config).form->version, v1n) << "no server.url: the local file";
    config.serverUrl = kiosk;
    const app::Content content = app::loadContent(config);
    ASSERT_TRUE(content.form) << content.problemTitle;
    EXPECT_EQ(content.form->version, v2n);
    EXPECT_EQ(content.formPath, kept);

    // A server row that does not load as a form is never kept: the last good one stays.
    app::keepClinicForms(app::clinicFormsDir(dir.path()),
                         {{"follow_up_visit", v2n + 1, "sha256:x", "x.yaml", "id: follow_up_visit\n"}},
                         KIOSK_SOURCE_DIR "/forms");
    EXPECT_EQ(readFile(kept), readFile(v2file.path()));
}

/// Waits (at most a minute: a generous bound, not a timing assertion) until @p done.
template <class F>
bool eventually(F done) {
    for (int i = 0; i < 600; ++i) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return done();
}

// Forms come from the clinic, live: the running kiosk's pusher thread brings a version published
// while a patient is mid-intake; that patient finishes on the old one, the next gets the new one. A
// form on the server that does not load, or a server that is away, leaves the last good one.
TEST_F(SyncTest, AVersionPublishedWhileTheKioskRunsReachesTheNextPatient) {
    using namespace kiosk::session;
    const std::string admin = makeClinic("live");
    pg().createLogin("live_k", "intake_kiosk", "pk");
    const std::string kiosk = pg().url("live", "live_k");
    const TempDir dir("kiosk");
    store::Store s = joinedKiosk(dir, "kiosk-live", kiosk);
    const int v1n = bundledVersion(), v2n = v1n + 1;
    ASSERT_EQ(runKiosk(shellWords({"forms", "publish", kFollowUp, "--pg", admin})).exitCode, 0);

    // The kiosk as run_command.cpp wires it: the pusher offers what it keeps, the flow takes it.
    const forms::LoadResult local = forms::loadForm(kFollowUp);
    ASSERT_TRUE(local.ok());
    Intake intake(local.form, kiosk::testing::realCatalog());
    FormUpdates updates;
    std::atomic<int> wakes{0};
    Pusher::Settings settings{dir / "intake.sqlite3", "kiosk-live", kiosk, std::chrono::seconds(1)};
    settings.onForms = app::clinicFormsTaker(dir.path(), KIOSK_SOURCE_DIR "/forms", &updates, [&] { ++wakes; });
    Pusher pusher(settings);
    ASSERT_TRUE(eventually([&] { return pusher.rounds() >= 2; }));
    EXPECT_FALSE(updates.deliver(intake)) << "the version it runs is no news";
    EXPECT_EQ(wakes.load(), 1) << "one offer of v1, no wake-up for the same version again";

    // A patient starts on v1; the admin publishes v2 meanwhile.
    intake.apply(Start{"en"});
    const AdminFile v2file("follow-up-v2.yaml", followUpVersion(v2n));
    ASSERT_EQ(runKiosk(shellWords({"forms", "publish", v2file.path(), "--pg", admin})).exitCode, 0);
    ASSERT_TRUE(eventually([&] { return updates.waiting() && wakes.load() >= 2; })) << "the pusher brought v2";
    EXPECT_FALSE(updates.deliver(intake)) << "never in the middle of an intake";
    EXPECT_EQ(intake.buildRecord().formVersion, v1n);
    intake.apply(Reset{});  // the intake ends: the welcome screen, nobody there
    EXPECT_TRUE(updates.deliver(intake));
    EXPECT_EQ(intake.form().version, v2n);
    EXPECT_EQ(intake.form().contentHash, forms::loadForm(v2file.path()).form->contentHash);
    EXPECT_EQ(readFile(app::clinicFormsDir(dir.path()) + "/follow_up_visit.yaml"), readFile(v2file.path()));

    // The server's active version becomes one that does not load: nothing offered, v2 kept.
    {
        auto server = Server::connect(admin);
        ASSERT_TRUE(server);
        PublishedForm broken{"follow_up_visit", v2n + 1, "sha256:broken", "broken.yaml", "id: follow_up_visit\npages: 7\n"};
        ASSERT_TRUE(publishForm(*server, broken));
    }
    const auto seen = pusher.rounds();
    ASSERT_TRUE(eventually([&] { return pusher.rounds() >= seen + 2; }));
    EXPECT_FALSE(updates.waiting());
    EXPECT_EQ(readFile(app::clinicFormsDir(dir.path()) + "/follow_up_visit.yaml"), readFile(v2file.path()));
    // The server away: the pusher backs off, the kiosk keeps v2 and so does its next start.
    pg().kill();
    const auto away = pusher.rounds();
    ASSERT_TRUE(eventually([&] { return pusher.rounds() >= away + 2; }));
    EXPECT_FALSE(updates.waiting());
    EXPECT_EQ(intake.form().version, v2n);
    const auto kept = app::clinicForm(app::clinicFormsDir(dir.path()), "follow_up_visit", KIOSK_SOURCE_DIR "/forms");
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->version, v2n);
    pg().restart();
}

// A crash while the pusher kept a newer version: the draft resumes on the version it was answered
// on (the replaced clinic copy, or the local file), and the kiosk takes the newer one after it.
TEST(ClinicForms, ADraftLeftOnTheReplacedVersionResumesOnIt) {
    const std::string forms = KIOSK_SOURCE_DIR "/forms";
    const int v1n = bundledVersion(), v2n = v1n + 1;
    auto published = [](int v) { return PublishedForm{"follow_up_visit", v, "sha256:x", "f.yaml", followUpVersion(v)}; };
    const TempDir dir("kiosk");
    const std::string clinic = app::clinicFormsDir(dir.path());
    EXPECT_EQ(app::keepClinicForms(clinic, {published(v1n)}, forms), 1);
    EXPECT_EQ(app::keepClinicForms(clinic, {published(v2n)}, forms), 1);
    const auto running = app::clinicForm(clinic, "follow_up_visit", forms);
    ASSERT_TRUE(running);
    ASSERT_EQ(running->version, v2n);
    const auto own = app::formForDraft("follow_up_visit", v1n, running, clinic, forms, "");
    ASSERT_TRUE(own) << "the replaced clinic copy is kept for it";
    EXPECT_EQ(own->version, v1n);
    EXPECT_EQ(app::formForDraft("follow_up_visit", v2n, running, clinic, forms, "").get(), running.get());
    EXPECT_FALSE(app::formForDraft("follow_up_visit", v2n + 5, running, clinic, forms, kFollowUp));
    EXPECT_FALSE(app::formForDraft("clinic_intake", v1n, running, clinic, forms, kFollowUp));

    // A kiosk whose first clinic copy is already newer than its draft: the local file has it.
    const TempDir fresh("fresh");
    const std::string clinic2 = app::clinicFormsDir(fresh.path());
    app::keepClinicForms(clinic2, {published(v2n)}, forms);
    const auto fromLocal = app::formForDraft("follow_up_visit", v1n, app::clinicForm(clinic2, "follow_up_visit", forms),
                                             clinic2, forms, kFollowUp);
    ASSERT_TRUE(fromLocal);
    EXPECT_EQ(fromLocal->version, v1n);
}

}  // namespace
}  // namespace kiosk::sync::testing
