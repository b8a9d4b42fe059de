// `export --format csv|pdf`: intakes saved as the kiosk saves them come out as CSV rows (columns
// named from the bundled form's items, parsed back as RFC 4180) and as the therapist's PDF, one
// document with a page run per intake or one file per intake in a new folder.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "../export/csv_reader.h"
#include "../export/poppler.h"
#include "records_fixture.h"
#include "support/solid_png.h"

using namespace kiosk::app::testing;
namespace st = kiosk::store::testing;
using kiosk::exports::testing::parseCsv;

class CliExportFormats : public RecordsFixture {
protected:
    /// Saves answer set @p name through `simulate --save`, as a kiosk would.
    void save(const std::string& name, const std::string& lang) {
        const std::string src = KIOSK_SOURCE_DIR;
        const RunResult r = runKiosk("simulate " + src + "/forms/intake.yaml --answers " + src + "/tests/data/answers/" +
                                     name + "/answers.json --lang " + lang + " --drop-hidden --save --db " + db + " </dev/null");
        ASSERT_EQ(r.exitCode, 0) << r.output;
    }
    static std::size_t at(const std::vector<std::vector<std::string>>& rows, const std::string& name) {
        for (std::size_t i = 0; i < rows[0].size(); ++i)
            if (rows[0][i] == name) return i;
        ADD_FAILURE() << "no column " << name;
        return 0;
    }
    /// The row whose first_name is @p first (the two records may share a second: any order).
    static const std::vector<std::string>& rowOf(const std::vector<std::vector<std::string>>& rows,
                                                 const std::string& first) {
        for (const auto& row : rows)
            if (row.at(at(rows, "first_name")) == first) return row;
        ADD_FAILURE() << "no row for " << first;
        return rows.front();
    }
};

TEST_F(CliExportFormats, OneRowPerIntakeWithTheFormsColumnsAndAnExcelMark) {
    save("intake-red-flags", "en");
    save("intake-spanish", "es");
    const std::string out = dir / "intakes.csv";
    const std::string formsDir = std::string(KIOSK_SOURCE_DIR) + "/forms";
    RunResult r = run("export --format csv --excel --form clinic_intake --forms-dir " + formsDir + " -o " + out);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("exported 2 records to " + out), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("note:"), std::string::npos) << r.output;  // the forms folder knew the version

    const std::string text = st::readFile(out);
    EXPECT_EQ(text.substr(0, 3), "\xEF\xBB\xBF");
    const auto rows = parseCsv(text);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0][0], "record:id");
    const auto& red = rowOf(rows, "Testpatient");
    EXPECT_EQ(red[at(rows, "pain_map")], "lower_back_l:9;lower_back_r:6;buttock_l:7;hamstring_l:5");
    EXPECT_EQ(red[at(rows, "flag:bladder_bowel")], "urgent");
    EXPECT_EQ(red[at(rows, "interference.activity")], "a_lot");
    EXPECT_EQ(red[at(rows, "record:lang")], "en");
    const auto& spanish = rowOf(rows, "María José");
    EXPECT_EQ(spanish[at(rows, "record:lang")], "es");
    EXPECT_EQ(spanish[at(rows, "flag:bladder_bowel")], "");

    // Without the forms folder the same records still export: columns from their answers, said so.
    const std::string empty = dir / "no-forms";
    std::filesystem::create_directory(empty);
    r = run("export --format csv --no-mark --form clinic_intake --forms-dir " + empty + " --force -o " + out);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("note: 2 records on form clinic_intake version"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("Testpatient"), std::string::npos) << r.output;
    const auto again = parseCsv(st::readFile(out));
    ASSERT_EQ(again.size(), 3u);
    EXPECT_EQ(rowOf(again, "Testpatient")[at(again, "pain_map")], red[at(rows, "pain_map")]);
}

TEST_F(CliExportFormats, TheTherapistsPdfInOneFileOrOnePerIntake) {
    save("intake-red-flags", "en");
    save("intake-spanish", "es");
    const std::string formsDir = std::string(KIOSK_SOURCE_DIR) + "/forms";
    const std::string out = dir / "intakes.pdf";
    // Every record, the fixture's three on a form not in the folder too (their answers as stored).
    RunResult r = run("export --format pdf --paper letter --lang es --no-mark --forms-dir " + formsDir + " -o " + out);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(st::readFile(out).substr(0, 5), "%PDF-");
    EXPECT_EQ(r.output.find("Testpatient"), std::string::npos) << r.output;
    if (std::system("command -v pdftotext >/dev/null 2>&1") == 0) {
        ASSERT_EQ(std::system(("pdftotext -enc UTF-8 '" + out + "' '" + dir / "all.txt" + "'").c_str()), 0);
        const std::string text = st::readFile(dir / "all.txt");
        EXPECT_NE(text.find("Testpatient Redflag"), std::string::npos);
        EXPECT_NE(text.find("María José Prueba Núñez"), std::string::npos);
        EXPECT_NE(text.find("Página 1 de"), std::string::npos);
    }

    const std::string folder = dir / "each";
    r = run("export --format pdf --one-per-intake --form clinic_intake --forms-dir " + formsDir + " -o " + folder);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(folder)) {
        EXPECT_EQ(e.path().extension(), ".pdf");
        EXPECT_EQ(e.path().filename().string().find("Testpatient"), std::string::npos);
        ++files;
    }
    EXPECT_EQ(files, 2);
    r = run("export --format pdf --one-per-intake --forms-dir " + formsDir + " -o " + folder);
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("already exists"), std::string::npos) << r.output;
    r = run("export --format csv --one-per-intake -o " + dir / "x.csv");
    EXPECT_EQ(r.exitCode, 2) << r.output;

    // --combined says the default out loud (scripts and staff notes); both at once is a usage error.
    r = run("export --format pdf --combined --no-mark --form clinic_intake --forms-dir " + formsDir + " -o " +
            dir / "combined.pdf");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(st::readFile(dir / "combined.pdf").substr(0, 5), "%PDF-");
    r = run("export --format pdf --combined --one-per-intake -o " + dir / "both");
    EXPECT_EQ(r.exitCode, 2) << r.output;
    EXPECT_FALSE(std::filesystem::exists(dir / "both"));
    r = run("export --format json --combined -o " + dir / "x.json");
    EXPECT_EQ(r.exitCode, 2) << r.output;
    EXPECT_NE(r.output.find("--combined is for --format pdf"), std::string::npos) << r.output;
}

// The clinic's logo from the settings file goes into the PDF's header; a logo that cannot be read
// is a warning naming the file (nothing of a patient) and the PDF is still written.
TEST_F(CliExportFormats, TheSettingsLogoGoesIntoThePdfAndABadOneOnlyWarns) {
    save("intake-red-flags", "en");
    const std::string formsDir = std::string(KIOSK_SOURCE_DIR) + "/forms";
    ASSERT_TRUE(kiosk::testing::writeSolidPng(dir / "logo.png", 240, 120, 0.1, 0.3, 0.7));
    std::ofstream(dir / "kiosk.yaml") << "clinic:\n  name: North Clinic\n  logo: logo.png\n";
    RunResult r = run("export --format pdf --form clinic_intake --no-mark --config " + dir / "kiosk.yaml" +
                      " --forms-dir " + formsDir + " -o " + dir / "logo.pdf");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(r.output.find("logo:"), std::string::npos) << r.output;  // no warning
    // pdfimages -list: "page num type width height ...", one line per image drawn.
    const std::string images = kiosk::exports::testing::commandOutput("pdfimages -list '" + dir / "logo.pdf" + "'");
    std::istringstream words(images);
    std::vector<std::string> w{std::istream_iterator<std::string>(words), std::istream_iterator<std::string>()};
    bool logo = false;
    for (std::size_t i = 0; i + 1 < w.size(); ++i) logo = logo || (w[i] == "240" && w[i + 1] == "120");
    EXPECT_TRUE(logo) << images;

    std::ofstream(dir / "kiosk.yaml") << "clinic:\n  name: North Clinic\n  logo: gone.png\n";
    r = run("export --format pdf --form clinic_intake --no-mark --config " + dir / "kiosk.yaml" + " --forms-dir " +
            formsDir + " -o " + dir / "nologo.pdf");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("logo: " + dir / "gone.png"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("Testpatient"), std::string::npos) << r.output;
    EXPECT_EQ(st::readFile(dir / "nologo.pdf").substr(0, 5), "%PDF-");
}
