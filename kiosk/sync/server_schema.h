#pragma once
// The clinic server's schema (version kServerSchemaVersion): tables, triggers, roles, GRANTs and
// row-level security as SQL steps. `clinic init` runs them all in one transaction; `clinic
// upgrade` runs those past the server's version. Step N leaves the server at version N.
#include <vector>

namespace kiosk::sync {

/// @brief The DDL of each schema version in order, GRANTs included (README "Several kiosks").
std::vector<const char*> serverSchemaSteps();

}  // namespace kiosk::sync
