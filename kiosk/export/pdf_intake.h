#pragma once
// The therapist's PDF: one intake per document (or several, each starting on a new page), A4 or US
// Letter. First page, what the therapist needs before touching the patient: the clinic's name, the
// patient (name, date of birth, age, contact), the flags highlighted with what to do (urgent in red,
// caution in amber), the scores with their bands, where it hurts (the body-map figure when one is
// wired in through PdfOptions::bodyMapFigure, and always the marked regions as a list with their
// intensity). Then every answer in form order, then the consent with the signature drawn from its
// strokes and the time signed. Under the scores, where PdfOptions::previousVisit finds the
// patient's last visit, each score's change since then and whether it reaches the minimal
// important change. The record id and "Page N of M" on every page. Staff labels in the
// staff's language; questions and answers in the language the patient answered in. Pure: writes to
// a stream; the export job (export_job.h) owns files and records.
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

// cairo's own typedefs, so that users of this header (the staff desk) need not see cairo's headers.
typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;

#include "kiosk/core/i18n.h"
#include "kiosk/export/form_shelf.h"
#include "kiosk/export/intake_reading.h"
#include "kiosk/export/png_image.h"
#include "kiosk/export/record_writer.h"
#include "kiosk/export/visit_change.h"

namespace kiosk::exports {

enum class PaperSize { A4, Letter };

/// @brief Draws the body-map figure (front and back, the marked regions shaded by intensity) in the
///        box (@p x, @p y, @p w, @p h), PDF points from the page's top-left. The hook for the figure
///        drawn from kiosk/bodymap's geometry; without it the PDF lists the marked regions only.
using BodyMapFigure =
    std::function<void(cairo_t* cr, double x, double y, double w, double h, const std::vector<ReadMark>& marks)>;

/// @brief The change since the patient's last visit for one record (the staff layer finds it:
///        staff/previous_visit.h); empty: the PDF shows none.
using PreviousVisitFn =
    std::function<std::optional<ReadPreviousVisit>(const ExportMeta& meta, const IntakeReading& reading)>;

/// @brief How the PDF is made.
struct PdfOptions {
    PaperSize paper = PaperSize::A4;
    std::string clinicName;                   ///< the header; "" = none
    /// The clinic's logo (the settings' `clinic.logo`, a PNG), drawn scaled at the header's left
    /// with the name beside it. pdfWriter() reads it once per export; one that is missing,
    /// unreadable or over kLogoLimits is a logged warning and the PDF is made without it.
    std::string logoPath;
    PngSurface logo;                          ///< the logo read (pdfWriter() fills it from logoPath)
    std::string staffLang = "en";             ///< the labels' language
    const core::Catalog* catalog = nullptr;   ///< labels (pdf.*), region names; required
    std::shared_ptr<const FormShelf> shelf;   ///< the forms records were answered on (may be empty)
    BodyMapFigure bodyMapFigure;              ///< empty: the regions are listed, no figure
    double figureHeight = 230;                ///< points reserved for the figure when there is one
    PreviousVisitFn previousVisit;            ///< empty: no change since the last visit
};

/// @brief Streams intakes into one PDF on @p out: each addParsed() starts a new page. A damaged
///        record is left out (the job reports it). finish() completes the file.
class PdfExportWriter final : public RecordWriter {
public:
    PdfExportWriter(std::ostream& out, PdfOptions options);
    ~PdfExportWriter() override;
    PdfExportWriter(const PdfExportWriter&) = delete;
    PdfExportWriter& operator=(const PdfExportWriter&) = delete;

    void addParsed(const ExportMeta& meta, nlohmann::json record) override;
    void addDamaged(const std::string&) override {}
    core::Result<void> finish() override;

    std::int64_t pageCount() const { return m_pages; }

private:
    std::ostream& m_out;
    PdfOptions m_options;
    cairo_surface_t* m_surface = nullptr;
    cairo_t* m_cr = nullptr;
    std::int64_t m_pages = 0;
    bool m_finished = false;
};

/// @brief A logo's bounds: a header logo is drawn about 30 points high, so anything larger than a
///        few hundred pixels is only cost.
inline const PngLimits kLogoLimits{2048, 4u << 20};

/// @brief The WriterMaker (record_writer.h) for one PDF holding every intake exported (or, given
///        to exportRecordsEach(), one PDF per intake). Reads @p options.logoPath here, once.
WriterMaker pdfWriter(PdfOptions options);

/// @brief "2026-11-25_1042_<id>.pdf": a one-per-intake export's file name, sorted by time, naming
///        no patient.
std::string pdfFileName(const ExportMeta& meta);

/// @brief Page size in points.
std::pair<double, double> pageSize(PaperSize paper);

}  // namespace kiosk::exports
