#pragma once
// Durability helpers shared by everything that writes a file whole with "temp file, fsync, rename"
// (the draft key in store/, staff exports in export/).
#include <string>

namespace kiosk::core {

/// fsyncs the folder holding @p file, so that a rename into it survives a power cut too.
/// Best effort: a folder that cannot be opened is left alone.
void syncParentDir(const std::string& file);

}  // namespace kiosk::core
