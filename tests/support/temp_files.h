#pragma once
// Temporary folders and files for tests. Every name is made unique by mkdtemp, so `ctest -j` and
// several build trees on one machine never share a folder; each is removed with all it holds.
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

namespace kiosk::testing {

/// A fresh empty folder, $TMPDIR/kiosk-<label>-XXXXXX (or under /tmp), removed with its contents.
class TempDir {
public:
    /// @p label only helps a human who finds the folder left over after a crash.
    explicit TempDir(const std::string& label = "test") {
        const char* env = std::getenv("TMPDIR");
        std::string base = env && *env ? env : "/tmp";
        while (base.size() > 1 && base.back() == '/') base.pop_back();  // no "//" in paths tests compare
        std::string tmpl = base + "/kiosk-" + label + "-XXXXXX";
        if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed for " + tmpl);
        m_path = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::string& path() const { return m_path; }
    /// The path of @p name inside the folder (nothing is created).
    std::string operator/(const std::string& name) const { return m_path + "/" + name; }

private:
    std::string m_path;
};

/// A file named @p name holding @p content, alone in its own TempDir.
class TempFile {
public:
    TempFile(const std::string& name, const std::string& content) : m_dir("file"), m_path(m_dir / name) {
        std::ofstream(m_path, std::ios::binary) << content;
    }
    const std::string& path() const { return m_path; }

private:
    TempDir m_dir;
    std::string m_path;
};

/// The whole file as bytes; empty when it cannot be read.
inline std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// Replaces @p path with @p text.
inline void writeFile(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

}  // namespace kiosk::testing
