#pragma once
// The clinic server's schema (version kServerSchemaVersion): tables, triggers, roles and GRANTs as
// one SQL text, run by `clinic init` in one transaction.
namespace kiosk::sync {

/// @brief The DDL of schema version 1, GRANTs included (README "Several kiosks" shows them).
const char* serverSchemaSql();

}  // namespace kiosk::sync
