// Choosing several intakes at once on the desk and exporting the choice (issue 14: "Export:
// selected, today's, or a date range"), and a batch of therapist's PDFs as one combined PDF (a page
// break per intake) or one PDF per intake in a new folder, as staff choose. Only what was chosen is
// written and marked; the choice is cleared once the export is done, kept when it failed.
#include <filesystem>

#include "desk_fixture.h"
#include "export/csv_reader.h"

namespace kiosk::staff {
namespace {
using namespace testing;
namespace fs = std::filesystem;

std::vector<std::string> chosen(const Desk& d) {
    std::vector<std::string> out;
    for (const auto& r : d.view().list.rows)
        if (r.selected) out.push_back(r.id);
    return out;
}

TEST_F(DeskFixture, ChooseSeveralIntakesAndExportOnlyThose) {
    Desk& d = open();
    unlock(d);
    d.apply(ToggleSelectMode{});
    ASSERT_TRUE(d.view().selecting);
    EXPECT_EQ(d.view().selectedCount, 0);
    d.apply(ToggleSelect{red});
    d.apply(ToggleSelect{calm});
    d.apply(ToggleSelect{spanish});
    d.apply(ToggleSelect{spanish});  // a second tap takes it out again
    EXPECT_EQ(d.view().selectedCount, 2);
    EXPECT_EQ(chosen(d), (std::vector<std::string>{red, calm}));
    d.apply(ToggleSelect{"not-a-listed-id"});  // only rows shown can be chosen
    EXPECT_EQ(d.view().selectedCount, 2);

    d.apply(StartExport{ExportFormat::Csv, "", true});
    const DeskView v = d.view();
    ASSERT_FALSE(v.exporting.failed) << v.exporting.message;
    EXPECT_NE(v.exporting.message.find("2 intakes written to"), std::string::npos) << v.exporting.message;
    EXPECT_EQ(exports::testing::parseCsv(st::readFile(v.exporting.file)).size(), 3u);  // header and the two
    EXPECT_EQ(statusOf(red), store::RecordStatus::Exported);
    EXPECT_EQ(statusOf(calm), store::RecordStatus::Exported);
    EXPECT_EQ(statusOf(spanish), store::RecordStatus::Submitted);
    // Cleared once done: back in the list, nothing chosen, the select mode left.
    EXPECT_EQ(v.selectedCount, 0);
    EXPECT_FALSE(v.selecting);
    d.apply(CloseExport{});
    EXPECT_TRUE(chosen(d).empty());
}

TEST_F(DeskFixture, SelectAllClearAndLeavingTheModeForgetTheChoice) {
    Desk& d = open();
    unlock(d);
    d.apply(StartExport{ExportFormat::Csv, "", true});
    EXPECT_EQ(d.view().notice, "Choose the intakes to export first.");  // nothing chosen yet
    EXPECT_EQ(d.view().screen, DeskScreen::List);
    d.apply(ToggleSelectMode{});
    d.apply(SelectAllShown{});
    EXPECT_EQ(d.view().selectedCount, 3);
    d.apply(ClearSelection{});
    EXPECT_EQ(d.view().selectedCount, 0);
    EXPECT_TRUE(d.view().selecting);
    d.apply(ToggleSelect{red});
    d.apply(ToggleSelectMode{});  // leaving the mode forgets the choice
    EXPECT_FALSE(d.view().selecting);
    EXPECT_EQ(d.view().selectedCount, 0);
    // A new search keeps only the chosen rows it still shows.
    d.apply(ToggleSelectMode{});
    d.apply(ToggleSelect{red});
    d.apply(ToggleSelect{calm});
    d.apply(FindName{"testpatient r"});
    EXPECT_EQ(d.view().selectedCount, 1);
    EXPECT_EQ(chosen(d), std::vector<std::string>{red});
}

TEST_F(DeskFixture, AFailedExportKeepsTheChoice) {
    DeskOptions o = options();
    o.places.fallbackDir.clear();  // nowhere to write
    desk = std::make_unique<Desk>(*store, *catalog, o);
    desk->enter(kT0);
    unlock(*desk);
    desk->apply(ToggleSelectMode{});
    desk->apply(ToggleSelect{red});
    desk->apply(StartExport{ExportFormat::Json, "", true});
    EXPECT_TRUE(desk->view().exporting.failed);
    EXPECT_EQ(desk->view().selectedCount, 1);
    EXPECT_EQ(statusOf(red), store::RecordStatus::Submitted);
}

TEST_F(DeskFixture, SeveralIntakesAsPdfAskOneFileOrOnePerIntake) {
    Desk& d = open();
    unlock(d);
    d.apply(ToggleSelectMode{});
    d.apply(ToggleSelect{red});
    d.apply(ToggleSelect{spanish});
    d.apply(StartExport{ExportFormat::Pdf, "", true});
    DeskView v = d.view();
    ASSERT_EQ(v.screen, DeskScreen::PdfChoice);
    EXPECT_EQ(v.pdfChoiceCount, 2);
    d.apply(CancelPdfChoice{});
    EXPECT_EQ(d.view().screen, DeskScreen::List);
    EXPECT_EQ(d.view().selectedCount, 2);  // nothing happened
    EXPECT_FALSE(fs::exists(dir / "exports"));

    d.apply(StartExport{ExportFormat::Pdf, "", true});
    d.apply(ChoosePdfBatch{true});
    v = d.view();
    ASSERT_FALSE(v.exporting.failed) << v.exporting.message;
    // A new folder holding one whole PDF per intake, named by time and id, never by patient.
    const fs::path folder = v.exporting.file;
    EXPECT_EQ(folder.parent_path(), fs::path(dir / "exports"));
    EXPECT_EQ(folder.filename(), "intakes-20261125-150000");
    EXPECT_EQ(namesIn(folder), (std::vector<std::string>{"2026-11-25_1000_" + red + ".pdf",
                                                         "2026-11-25_1100_" + spanish + ".pdf"}));
    for (const auto& name : namesIn(folder)) EXPECT_EQ(st::readFile(folder / name).substr(0, 5), "%PDF-");
    EXPECT_EQ(namesIn(dir / "exports"), std::vector<std::string>{"intakes-20261125-150000"});  // no temp left
    EXPECT_NE(v.exporting.message.find("one PDF per intake"), std::string::npos) << v.exporting.message;
    EXPECT_EQ(statusOf(red), store::RecordStatus::Exported);
    EXPECT_EQ(statusOf(spanish), store::RecordStatus::Exported);
    EXPECT_EQ(statusOf(calm), store::RecordStatus::Submitted);
    d.apply(CloseExport{});

    // The list shown (today's three) as one combined PDF.
    d.apply(StartExport{ExportFormat::Pdf, ""});
    ASSERT_EQ(d.view().screen, DeskScreen::PdfChoice);
    EXPECT_EQ(d.view().pdfChoiceCount, 3);
    d.apply(ChoosePdfBatch{false});
    v = d.view();
    ASSERT_FALSE(v.exporting.failed) << v.exporting.message;
    EXPECT_EQ(fs::path(v.exporting.file).extension(), ".pdf");
    EXPECT_EQ(st::readFile(v.exporting.file).substr(0, 5), "%PDF-");
    EXPECT_EQ(statusOf(calm), store::RecordStatus::Exported);
}

TEST_F(DeskFixture, CancellingThePdfChoiceGoesBackToTheList) {
    Desk& d = open();
    unlock(d);
    d.apply(OpenIntake{red});  // an intake read before: the choice is still asked from the list
    d.apply(BackToList{});
    d.apply(OpenIntake{calm});
    d.apply(ShowToday{});
    d.apply(StartExport{ExportFormat::Pdf, ""});
    ASSERT_EQ(d.view().screen, DeskScreen::PdfChoice);
    d.apply(CancelPdfChoice{});
    EXPECT_EQ(d.view().screen, DeskScreen::List);
    EXPECT_EQ(d.view().pdfChoiceCount, 0);
    d.apply(ChoosePdfBatch{true});  // nothing pending: nothing happens
    EXPECT_EQ(d.view().screen, DeskScreen::List);
    EXPECT_FALSE(fs::exists(dir / "exports"));
}

TEST_F(DeskFixture, OneIntakeAsPdfIsNotAsked) {
    Desk& d = open();
    unlock(d);
    d.apply(ToggleSelectMode{});
    d.apply(ToggleSelect{calm});
    d.apply(StartExport{ExportFormat::Pdf, "", true});
    EXPECT_EQ(d.view().screen, DeskScreen::Export);
    EXPECT_FALSE(d.view().exporting.failed) << d.view().exporting.message;
    EXPECT_EQ(fs::path(d.view().exporting.file).extension(), ".pdf");
}

}  // namespace
}  // namespace kiosk::staff
