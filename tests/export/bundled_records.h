#pragma once
// Records as the kiosk saves them, made by the real session from the bundled answer sets
// (tests/data/answers/<name>/answers.json) on the bundled forms: what CSV and PDF tests read.
#include <fstream>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kiosk/export/record_writer.h"
#include "kiosk/forms/loader.h"
#include "kiosk/session/simulate.h"
#include "support/session_support.h"

namespace kiosk::exports::testing {

inline std::shared_ptr<const forms::Form> bundledForm(const std::string& file = "intake.yaml") {
    auto loaded = forms::loadForm(std::string(KIOSK_SOURCE_DIR) + "/forms/" + file);
    if (!loaded.ok()) ADD_FAILURE() << file << " did not load";
    return loaded.form;
}

/// The record JSON the kiosk would seal for answer set @p name, answered on @p form.
inline nlohmann::json bundledRecord(const std::string& name, std::shared_ptr<const forms::Form> form,
                                    const std::string& lang = "") {
    std::ifstream in(std::string(KIOSK_SOURCE_DIR) + "/tests/data/answers/" + name + "/answers.json");
    const nlohmann::json answers = nlohmann::json::parse(in);
    const session::SimulateResult r = session::simulate(std::move(form), answers, lang, kiosk::testing::realCatalog(),
                                                        kiosk::testing::fixedClock(),
                                                        session::HiddenAnswers::Drop);
    if (!r.ok()) {
        ADD_FAILURE() << name << " did not simulate";
        return nlohmann::json::object();
    }
    return session::toJson(*r.record);
}

/// What the store would say of @p record saved under @p id: its form, language and times.
inline ExportMeta metaOf(const nlohmann::json& record, const std::string& id) {
    ExportMeta m;
    m.id = id;
    m.formId = record["form"]["id"];
    m.formVersion = record["form"]["version"];
    m.contentHash = record["form"].value("content_hash", "");
    m.lang = record["lang"];
    m.startedAt = record["started_at"];
    m.submittedAt = record["submitted_at"];
    return m;
}

}  // namespace kiosk::exports::testing
