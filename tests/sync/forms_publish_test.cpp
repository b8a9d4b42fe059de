// Forms come from the clinic: an admin publishes a validated questionnaire version on the server,
// kiosks take the active one with their pushes, keep the last good one offline, and run it.
#include <filesystem>

#include <pqxx/pqxx>

#include "kiosk/app/cli/clinic_forms.h"
#include "kiosk/app/cli/content.h"
#include "kiosk/sync/pusher.h"
#include "support/run_kiosk.h"
#include "sync/sync_fixture.h"

namespace kiosk::sync::testing {
namespace {

using kiosk::testing::runKiosk;
using kiosk::testing::shellWords;
using kiosk::testing::readFile;
using kiosk::testing::TempFile;

const std::string kFollowUp = KIOSK_SOURCE_DIR "/forms/follow-up.yaml";

/// The follow-up form with its version set to @p version and a changed title.
std::string followUpVersion(int version, const std::string& extra = "") {
    std::string text = readFile(kFollowUp);
    const auto at = text.find("\nversion: 1\n");
    if (at == std::string::npos) throw std::runtime_error("follow-up.yaml has no 'version: 1' line");
    text.replace(at, 12, "\nversion: " + std::to_string(version) + "\n");
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
    const TempFile broken("broken.yaml", followUpVersion(2) + "pages: 7\n");
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

    // Version 1, then version 2: one active at a time, each publication audited.
    const auto v1 = runKiosk(shellWords({"forms", "publish", kFollowUp, "--pg", admin}));
    ASSERT_EQ(v1.exitCode, 0) << v1.output;
    EXPECT_NE(v1.out.find("published form follow_up_visit version 1"), std::string::npos) << v1.out;
    ASSERT_TRUE(pushOnce(s, kiosk));  // nothing waits; the forms still come along through sync push below
    const auto push1 = runKiosk(shellWords({"sync", "push", "--data-dir", dir.path(), "--pg", kiosk}));
    ASSERT_EQ(push1.exitCode, 0) << push1.output;
    const std::string kept = app::clinicFormsDir(dir.path()) + "/follow_up_visit.yaml";
    EXPECT_EQ(readFile(kept), readFile(kFollowUp));

    const TempFile v2file("follow-up-v2.yaml", followUpVersion(2));
    const auto v2 = runKiosk(shellWords({"form", "publish", v2file.path(), "--pg", admin}));
    ASSERT_EQ(v2.exitCode, 0) << v2.output;
    // The same version with other content is refused: records name their form by version.
    const TempFile sneaky("follow-up-v2b.yaml", followUpVersion(2, "# changed\n"));
    const auto clash = runKiosk(shellWords({"forms", "publish", sneaky.path(), "--pg", admin}));
    EXPECT_EQ(clash.exitCode, 1);
    EXPECT_NE(clash.err.find("is already published on the clinic server with other content"), std::string::npos)
        << clash.err;
    {
        pqxx::connection c(admin);
        pqxx::nontransaction q(c);
        EXPECT_EQ(q.exec("SELECT version FROM ik_forms WHERE active")[0][0].as<int>(), 2);
        EXPECT_EQ(q.exec("SELECT count(*) FROM ik_audit WHERE action = 'form_publish'")[0][0].as<int>(), 2);
    }
    // The background pusher's path: pushOnce hands the active forms over, validated and kept.
    PushOptions options;
    options.onForms = [&](const std::vector<PublishedForm>& forms) { app::keepClinicForms(app::clinicFormsDir(dir.path()), forms); };
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
    EXPECT_EQ(app::loadContent(config).form->version, 1) << "no server.url: the local file";
    config.serverUrl = kiosk;
    const app::Content content = app::loadContent(config);
    ASSERT_TRUE(content.form) << content.problemTitle;
    EXPECT_EQ(content.form->version, 2);
    EXPECT_EQ(content.formPath, kept);

    // A server row that does not load as a form is never kept: the last good one stays.
    app::keepClinicForms(app::clinicFormsDir(dir.path()), {{"follow_up_visit", 3, "sha256:x", "x.yaml", "id: follow_up_visit\n"}});
    EXPECT_EQ(readFile(kept), readFile(v2file.path()));
}

}  // namespace
}  // namespace kiosk::sync::testing
