#pragma once
// The layering check: every #include of every source file under kiosk/ against the allowed graph in
// kiosk/layers.txt (its header says the format). Text only: it reads lines that start with
// #include, so an include inside a block comment or #if 0 still counts (it errs on the strict side).
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::arch {

/// @brief Every forbidden edge and every misfit, one message each in compiler form
/// (`kiosk/session/intake.cpp:7: error: forbidden edge session -> store ...`); empty when the tree
/// keeps to the graph. Also reported: a bad line of @p layersFile, a source folder that is in no
/// layer, a quoted include not spelled "kiosk/...". @p root is the folder that holds kiosk/; paths in
/// the messages are relative to it.
std::vector<std::string> checkLayering(const std::filesystem::path& root, const std::filesystem::path& layersFile);

}  // namespace kiosk::arch
