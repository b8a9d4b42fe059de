#pragma once
// Error and Result: how every layer reports what went wrong and where (STYLE.md #8).
// An Error never carries patient data: messages name items, files and lines, not answers.
#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace kiosk::core {

/// @brief A position in a source file (1-based line and column; 0 = unknown).
struct SourceLoc {
    std::string file;
    int line = 0;
    int col = 0;
};

enum class ErrorCode {
    Invalid,    ///< input does not fit (form file, answers, arguments)
    NotFound,   ///< a file, record or item that does not exist
    Io,         ///< the operating system refused a read or write
    DiskFull,   ///< no space left: the caller keeps the data and retries
    Busy,       ///< database locked by another writer: retry
    Integrity,  ///< tampered or corrupt data
    Crypto,     ///< wrong passphrase, missing key
    Internal,   ///< a bug: should never happen
};

/// @brief What went wrong, where; formatted like a compiler diagnostic.
struct Error {
    ErrorCode code = ErrorCode::Invalid;
    std::string message;
    SourceLoc where;

    /// "file:line:col: error: message" (parts that are unknown are left out).
    std::string format() const;
};

Error makeError(ErrorCode code, std::string message, SourceLoc where = {});

/// @brief A value or an Error; a small stand-in for C++23 std::expected.
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::move(value)) {}          // NOLINT: implicit by design
    Result(Error error) : m_v(std::move(error)) {}      // NOLINT: implicit by design
    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { assert(ok()); return std::get<0>(m_v); }
    const T& value() const& { assert(ok()); return std::get<0>(m_v); }
    T&& value() && { assert(ok()); return std::get<0>(std::move(m_v)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    const Error& error() const { assert(!ok()); return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}  // NOLINT: implicit by design
    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error& error() const { assert(!m_ok); return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

/// Every error found, not only the first (form loading reports all of them).
using Errors = std::vector<Error>;

}  // namespace kiosk::core
