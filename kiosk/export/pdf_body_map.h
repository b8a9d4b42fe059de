#pragma once
// The therapist's PDF draws the body map from the kiosk's own geometry (bodymap::drawFigure, the
// same figure and intensity tints the patient marked on): front and back side by side, each marked
// region tinted and numbered with its intensity, in print colours (white body, grey lines).
#include <memory>

#include "kiosk/bodymap/figure.h"
#include "kiosk/export/pdf_intake.h"

namespace kiosk::exports {

/// The PdfOptions::bodyMapFigure that draws @p figure; empty when @p figure is null (the PDF then
/// lists the marked regions only).
BodyMapFigure bodyMapFigureOf(std::shared_ptr<const bodymap::Figure> figure);

}  // namespace kiosk::exports
