// [SECTION] index: style · first page · answers and signature · page decor · PdfExportWriter
#include "kiosk/export/pdf_intake.h"

#include <cairo-pdf.h>

#include <algorithm>

#include "kiosk/core/local_day.h"
#include "kiosk/core/log.h"
#include "kiosk/export/pdf_layout.h"

namespace kiosk::exports {
namespace {

using pdf::Colour;
using pdf::Flow;
using pdf::Op;
using pdf::Style;

// [SECTION] style
const Colour kText{0.10, 0.10, 0.10}, kMuted{0.36, 0.36, 0.36}, kRule{0.62, 0.62, 0.62};
const Colour kUrgent{0.66, 0.07, 0.07}, kUrgentBack{0.99, 0.90, 0.90};
const Colour kCaution{0.55, 0.32, 0.00}, kCautionBack{1.00, 0.95, 0.83};
const Style kTitle{16, true, kText}, kHeading{12.5, true, kText}, kSub{10.5, true, kMuted};
const Style kBody{10, false, kText}, kBodyBold{10, true, kText}, kSmall{8.5, false, kMuted};

struct Labels {
    const core::Catalog& catalog;
    std::string lang;
    const std::string& tr(const char* key) const { return catalog.tr(lang, key); }
    std::string fmt(const char* key, const std::vector<std::string>& args) const { return catalog.format(lang, key, args); }
};

void heading(Flow& flow, const std::string& s) {
    flow.gap(10);
    flow.keep(Flow::lineHeight(kHeading) + 3 * Flow::lineHeight(kBody));  // never a heading alone at a page's foot
    flow.text(s, kHeading);
    Op rule;
    rule.kind = Op::Kind::FillRect;
    rule.style.colour = kRule;
    rule.x = flow.left();
    rule.y = flow.y();
    rule.w = flow.width();
    rule.h = 0.6;
    flow.add(rule);
    flow.gap(4);
}

// [SECTION] first page
/// A flag as a tinted box with a bar on its left: "URGENT: label" in bold, then what to do.
void flagBox(Flow& flow, const ReadFlag& f, const Labels& L) {
    const Style title{10.5, true, f.urgent ? kUrgent : kCaution};
    const std::string head = std::string(L.tr(f.urgent ? "pdf.urgent" : "pdf.caution")) + ": " + f.label;
    const double inner = flow.width() - 22;  // the text starts 12 pt in; as much room on the right
    const auto titleLines = flow.wrap(head, title, inner);
    const auto explainLines = f.explain.empty() ? std::vector<std::string>{} : flow.wrap(f.explain, kBody, inner);
    const double h = 8 + static_cast<double>(titleLines.size()) * Flow::lineHeight(title) +
                     static_cast<double>(explainLines.size()) * Flow::lineHeight(kBody);
    flow.keep(h);
    Op back;
    back.kind = Op::Kind::FillRect;
    back.style.colour = f.urgent ? kUrgentBack : kCautionBack;
    back.x = flow.left();
    back.y = flow.y();
    back.w = flow.width();
    back.h = h;
    flow.add(back);
    Op bar = back;
    bar.style.colour = f.urgent ? kUrgent : kCaution;
    bar.w = 4;
    flow.add(bar);
    flow.gap(4);
    flow.text(head, title, 12);
    if (!f.explain.empty()) flow.text(f.explain, kBody, 12);
    flow.gap(8);
}

/// "Change since the visit of 2026-11-04 (Clinic intake)", then each score's change; important
/// changes in bold.
void changeSince(Flow& flow, const ReadPreviousVisit& p, const Labels& L) {
    flow.gap(4);
    const auto [day, time] = core::localDayAndTime(p.submittedAt);
    (void)time;
    flow.keep(Flow::lineHeight(kSub) + 2 * Flow::lineHeight(kBody));
    flow.text(L.fmt("pdf.change_since", {day, p.formTitle}), kSub);
    if (p.changes.empty()) flow.text(L.tr("pdf.no_common_scores"), Style{10, false, kMuted});
    for (const ReadChange& c : p.changes) flow.text(c.text, c.important.value_or(false) ? kBodyBold : kBody);
}

void firstPage(Flow& flow, const ExportMeta& meta, const IntakeReading& r, const PdfOptions& o, const Labels& L,
               const std::optional<ReadPreviousVisit>& previous) {
    flow.text(L.tr("pdf.title"), kTitle);
    if (!r.formTitle.empty()) flow.text(r.formTitle, kSmall);
    flow.gap(8);
    flow.text(L.tr("pdf.patient"), kSub);
    flow.text(r.firstName + " " + r.lastName, Style{15, true, kText});
    if (!r.dateOfBirth.empty())
        flow.text(L.fmt("pdf.born", {r.dateOfBirth, r.age ? std::to_string(*r.age) : "?"}), kBody);
    std::string contact = r.phone;
    if (!r.email.empty()) contact += (contact.empty() ? "" : "   ") + r.email;
    if (!contact.empty()) flow.text(L.fmt("pdf.contact", {contact}), kBody);
    const auto [day, time] = core::localDayAndTime(meta.submittedAt);
    flow.text(L.fmt("pdf.submitted", {day + " " + time, meta.kioskId}), kSmall);
    if (!r.formKnown) flow.text(L.tr("pdf.form_unknown"), Style{9, true, kCaution});

    heading(flow, L.tr("pdf.flags"));
    if (r.flags.empty()) flow.text(L.tr("pdf.no_flags"), kBody);
    for (const ReadFlag& f : r.flags) flagBox(flow, f, L);

    if (!r.scores.empty()) heading(flow, L.tr("pdf.scores"));
    for (const ReadScore& s : r.scores) {
        if (s.total > 0 && s.answered == 0) continue;  // not asked (STarT Back without low back pain) or skipped whole
        std::string value = s.value ? s.valueText : L.tr("pdf.no_value");
        if (!s.band.empty()) value += " (" + s.band + ")";
        // Notes are on the desk; here the labels and bands say it ("not a validated instrument",
        // "screening, not a diagnosis"), so the body map still starts on the first page.
        flow.text(s.label + ": " + value, s.value ? kBody : Style{10, false, kMuted});
    }
    if (previous) changeSince(flow, *previous, L);

    // The heading goes with the figure: never alone at a page's foot (the scores and the change
    // since the last visit can take the room the figure needs).
    if (o.bodyMapFigure && !r.marks.empty())
        flow.keep(10 + Flow::lineHeight(kHeading) + 4 + o.figureHeight + Flow::lineHeight(kSmall) + 4);
    heading(flow, L.tr("pdf.body_map"));
    if (o.bodyMapFigure && !r.marks.empty()) {
        const double caption = Flow::lineHeight(kSmall);
        flow.keep(o.figureHeight + caption + 4);
        Op figure;
        figure.kind = Op::Kind::Figure;
        figure.x = flow.left();
        figure.y = flow.y();
        figure.w = flow.width();
        figure.h = o.figureHeight;
        flow.add(figure);
        // Each half named under it, with which side is the patient's (front: a mirror image).
        const std::string names[2] = {L.tr("pdf.front"), L.tr("pdf.back")};
        for (int half = 0; half < 2; ++half) {
            Op name;
            name.style = kSmall;
            name.text = names[half];
            name.x = figure.x + figure.w * (0.25 + 0.5 * half) - flow.textWidth(name.text, kSmall) / 2;
            name.y = figure.y + figure.h + caption;
            flow.add(std::move(name));
        }
        flow.gap(o.figureHeight + caption + 8);
    }
    if (r.marks.empty()) flow.text(L.tr("pdf.no_marks"), kBody);
    for (const ReadMark& m : r.marks) {
        std::string line = "- " + m.name;
        if (m.intensity) line += ": " + L.fmt("pdf.intensity", {std::to_string(*m.intensity)});
        for (std::size_t i = 0; i < m.kinds.size(); ++i) line += (i ? ", " : " (") + m.kinds[i];
        if (!m.kinds.empty()) line += ")";
        flow.text(line, m.intensity && *m.intensity >= 7 ? kBodyBold : kBody);
    }
}

// [SECTION] answers and signature
void answers(Flow& flow, const IntakeReading& r, const Labels& L) {
    heading(flow, L.tr("pdf.answers"));
    std::string page;
    for (const ReadAnswer& a : r.answers) {
        if (a.signature) continue;  // drawn with the consent
        if (a.pageTitle != page && !a.pageTitle.empty()) {
            page = a.pageTitle;
            flow.gap(4);
            flow.keep(Flow::lineHeight(kSub) + 2 * Flow::lineHeight(kBody));
            flow.text(page, kSub);
        }
        flow.keep(Flow::lineHeight(kBodyBold) + Flow::lineHeight(kBody));  // a question stays with its answer
        flow.text(a.question, Style{9.5, true, kMuted}, 6);
        flow.text(a.answer, kBody, 16);
        flow.gap(2);
    }
}

void signature(Flow& flow, const IntakeReading& r, const Labels& L) {
    const double w = 240, h = 80;
    // The heading goes with the signature and the time signed: never alone at a page's foot.
    if (r.signedConsent) flow.keep(10 + Flow::lineHeight(kHeading) + 4 + h + 2 * Flow::lineHeight(kBody));
    heading(flow, L.tr("pdf.consent"));
    if (!r.signedConsent) {
        flow.text(L.tr("pdf.not_signed"), kBody);
        return;
    }
    flow.keep(h + 2 * Flow::lineHeight(kBody));
    Op box;
    box.kind = Op::Kind::StrokeRect;
    box.style = Style{0.6, false, kRule};
    box.x = flow.left();
    box.y = flow.y();
    box.w = w;
    box.h = h;
    flow.add(box);
    for (const forms::Stroke& stroke : r.signature.strokes) {
        Op ink;
        ink.kind = Op::Kind::Polyline;
        ink.style = Style{1.6, false, Colour{0.05, 0.10, 0.35}};
        for (const forms::Point& p : stroke) ink.points.emplace_back(box.x + p.x * w, box.y + p.y * h);
        flow.add(std::move(ink));
    }
    flow.gap(h + 4);
    const auto [day, time] = core::localDayAndTime(r.submittedAt);
    flow.text(L.fmt("pdf.signed_at", {day + " " + time}), kBody);
}

std::vector<pdf::Page> layoutIntake(cairo_t* measure, const pdf::PageFrame& frame, const ExportMeta& meta,
                                    const IntakeReading& r, const PdfOptions& o, const Labels& L,
                                    const std::optional<ReadPreviousVisit>& previous) {
    Flow flow(measure, frame);
    firstPage(flow, meta, r, o, L, previous);
    answers(flow, r, L);
    signature(flow, r, L);
    return flow.take();
}

// [SECTION] page decor
void rightAligned(cairo_t* cr, const std::string& s, const Style& style, double right, double baseline) {
    pdf::useFont(cr, style);
    cairo_text_extents_t e;
    cairo_text_extents(cr, s.c_str(), &e);
    cairo_set_source_rgb(cr, style.colour.r, style.colour.g, style.colour.b);
    cairo_move_to(cr, right - e.x_advance, baseline);
    cairo_show_text(cr, s.c_str());
}

constexpr double kLogoBoxH = 30, kLogoBoxW = 150;  ///< the header logo's box, points

double advance(cairo_t* cr, const std::string& s, const Style& style) {
    pdf::useFont(cr, style);
    cairo_text_extents_t e;
    cairo_text_extents(cr, s.c_str(), &e);
    return e.x_advance;
}

/// The clinic's name in the room the patient's name leaves it: smaller (down to 8 pt), then cut
/// with an ellipsis at a character's boundary; the patient's name is what each page must show whole.
Op fittedClinicName(cairo_t* cr, const std::string& name, double x, double room) {
    Op clinic;
    clinic.style = Style{12, true, kText};
    clinic.x = x;
    clinic.y = 38;
    clinic.text = name;
    while (clinic.style.size > 8 && advance(cr, clinic.text, clinic.style) > room) clinic.style.size -= 0.5;
    while (!clinic.text.empty() && advance(cr, clinic.text, clinic.style) > room) {
        std::string& t = clinic.text;
        if (t.size() >= 3 && t.compare(t.size() - 3, 3, "\u2026") == 0) t.erase(t.size() - 3);
        while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80) t.pop_back();  // UTF-8 tail
        if (!t.empty()) t.pop_back();  // the last character's first byte
        while (!t.empty() && t.back() == ' ') t.pop_back();
        t += "\u2026";
        if (t == "\u2026") break;
    }
    return clinic;
}

/// The header (clinic, patient) and footer (record id, page N of M) of every page.
void decor(cairo_t* cr, const pdf::PageFrame& frame, std::size_t page, std::size_t pages, const ExportMeta& meta,
           const IntakeReading& r, const PdfOptions& o, const Labels& L) {
    const double right = frame.width - frame.right;
    double nameX = frame.left;
    if (o.logo) {  // scaled into a box 30 pt high above the rule, at most 150 pt wide
        cairo_surface_t* logo = o.logo.get();
        const double w = cairo_image_surface_get_width(logo), h = cairo_image_surface_get_height(logo);
        const double scale = std::min(kLogoBoxH / h, kLogoBoxW / w);
        cairo_save(cr);
        cairo_translate(cr, frame.left, 44 - h * scale);
        cairo_scale(cr, scale, scale);
        cairo_set_source_surface(cr, logo, 0, 0);
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
        cairo_paint(cr);
        cairo_restore(cr);
        nameX += w * scale + 10;
    }
    const Style patientStyle{10, true, kText};
    const std::string patient = r.firstName + " " + r.lastName + (r.dateOfBirth.empty() ? "" : "   " + r.dateOfBirth);
    pdf::Page ops;
    if (!o.clinicName.empty())
        ops.ops.push_back(fittedClinicName(cr, o.clinicName, nameX, right - advance(cr, patient, patientStyle) - 16 - nameX));
    Op rule;
    rule.kind = Op::Kind::FillRect;
    rule.style.colour = kRule;
    rule.x = frame.left;
    rule.y = 48;
    rule.w = right - frame.left;
    rule.h = 0.6;
    ops.ops.push_back(rule);
    rule.y = frame.height - 46;
    ops.ops.push_back(rule);
    Op record;
    record.style = Style{8.5, false, kMuted};
    record.x = frame.left;
    record.y = frame.height - 32;
    record.text = L.fmt("pdf.record", {meta.id});
    ops.ops.push_back(record);
    pdf::drawPage(cr, ops);
    rightAligned(cr, patient, patientStyle, right, 38);
    rightAligned(cr, L.fmt("pdf.page", {std::to_string(page), std::to_string(pages)}), Style{8.5, false, kMuted}, right,
                 frame.height - 32);
}

cairo_status_t writeToStream(void* closure, const unsigned char* data, unsigned int length) {
    auto* out = static_cast<std::ostream*>(closure);
    out->write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(length));
    return *out ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

}  // namespace

std::pair<double, double> pageSize(PaperSize paper) {
    return paper == PaperSize::Letter ? std::make_pair(612.0, 792.0) : std::make_pair(595.276, 841.89);
}

// [SECTION] PdfExportWriter
PdfExportWriter::PdfExportWriter(std::ostream& out, PdfOptions options) : m_out(out), m_options(std::move(options)) {
    const auto [w, h] = pageSize(m_options.paper);
    m_surface = cairo_pdf_surface_create_for_stream(writeToStream, &m_out, w, h);
    cairo_pdf_surface_set_metadata(m_surface, CAIRO_PDF_METADATA_CREATOR, "intake-kiosk");
    m_cr = cairo_create(m_surface);
}

PdfExportWriter::~PdfExportWriter() {
    cairo_destroy(m_cr);
    cairo_surface_destroy(m_surface);
}

void PdfExportWriter::addParsed(const ExportMeta& meta, nlohmann::json record) {
    if (!m_options.catalog) return;
    const forms::Form* form =
        m_options.shelf ? m_options.shelf->find(meta.formId, meta.formVersion, meta.contentHash) : nullptr;
    const std::string answerLang = meta.lang.empty() ? m_options.staffLang : meta.lang;
    const IntakeReading reading = readIntake(record, form, *m_options.catalog, {m_options.staffLang, answerLang});
    const Labels labels{*m_options.catalog, m_options.staffLang};
    pdf::PageFrame frame;
    std::tie(frame.width, frame.height) = pageSize(m_options.paper);
    std::optional<ReadPreviousVisit> previous;
    if (m_options.previousVisit) previous = m_options.previousVisit(meta, reading);
    const std::vector<pdf::Page> pages = layoutIntake(m_cr, frame, meta, reading, m_options, labels, previous);
    const pdf::FigureFn figure = [&](cairo_t* cr, double x, double y, double w, double h) {
        if (m_options.bodyMapFigure) m_options.bodyMapFigure(cr, x, y, w, h, reading.marks);
    };
    for (std::size_t i = 0; i < pages.size(); ++i) {
        pdf::drawPage(m_cr, pages[i], figure);
        decor(m_cr, frame, i + 1, pages.size(), meta, reading, m_options, labels);
        cairo_show_page(m_cr);
        ++m_pages;
    }
}

core::Result<void> PdfExportWriter::finish() {
    if (!m_finished && m_pages == 0 && m_options.catalog) {  // not a blank page: say why it is empty
        pdf::PageFrame frame;
        std::tie(frame.width, frame.height) = pageSize(m_options.paper);
        pdf::Page page;
        Op note;
        note.style = kBody;
        note.x = frame.left;
        note.y = frame.top;
        note.text = m_options.catalog->tr(m_options.staffLang, "pdf.none");
        page.ops.push_back(note);
        pdf::drawPage(m_cr, page);
        cairo_show_page(m_cr);
    }
    if (!m_finished) {
        m_finished = true;
        cairo_surface_finish(m_surface);
        m_out.flush();
    }
    if (cairo_surface_status(m_surface) != CAIRO_STATUS_SUCCESS || !m_out)
        return core::makeError(core::ErrorCode::Io, "the export could not be written");
    return {};
}

std::string pdfFileName(const ExportMeta& meta) {
    auto [day, time] = core::localDayAndTime(meta.submittedAt);
    time.erase(std::remove(time.begin(), time.end(), ':'), time.end());
    return day + "_" + time + "_" + meta.id + ".pdf";
}

WriterMaker pdfWriter(PdfOptions options) {
    if (!options.logo && !options.logoPath.empty()) {
        auto logo = readPng(options.logoPath, kLogoLimits);
        if (logo) options.logo = std::move(*logo);
        else core::logger()->warn("logo: {} (the PDF is made without it)", logo.error().format());
    }
    return [options = std::move(options)](std::ostream& out, const std::string&, const std::string&) {
        return std::make_unique<PdfExportWriter>(out, options);
    };
}

}  // namespace kiosk::exports
