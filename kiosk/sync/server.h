#pragma once
// One connection to the clinic PostgreSQL (libpqxx), and the only place its exceptions become
// core::Error: "cannot reach", "password refused", "not allowed", "newer schema" in words staff can
// act on, naming the server (never a password) and never a record's content. Not thread-safe: one
// Server per thread, as for store::Store.
//
// The server's tables (server_schema.cpp) hold what a kiosk's SQLite holds, no more: the plain
// columns, the sealed payloads, the clinic key wrapped by the staff passphrase, and an audit chain.
#include <functional>
#include <memory>
#include <string>

#include "kiosk/core/error.h"

namespace pqxx {
class connection_base;
}

namespace kiosk::sync {

/// The server schema this program writes; a newer one on the server is refused with a clear message.
inline constexpr int kServerSchemaVersion = 4;

class Server {
public:
    /// @brief Checks @p url (server_url.h), connects, and reads the server's schema version. A
    ///        server with a newer schema is an Invalid error; one with none is fine (clinic init).
    static core::Result<Server> connect(const std::string& url);
    Server(Server&&) noexcept;
    Server& operator=(Server&&) noexcept;
    ~Server();

    /// "host:port/db as user", for messages.
    const std::string& describe() const { return m_describe; }
    /// The schema version on the server; 0 = no clinic there yet.
    int schemaVersion() const { return m_schemaVersion; }
    /// The server's database user (a kiosk role, a staff role or the admin).
    std::string user();

    /// @brief Runs @p f on the connection; a libpqxx exception becomes an error about @p doing.
    core::Result<void> run(const std::string& doing, const std::function<void(pqxx::connection_base&)>& f);

private:
    Server();
    struct Conn;  // the pqxx::connection (a typedef pqxx does not let us declare here)
    std::unique_ptr<Conn> m_conn;
    std::string m_describe;
    int m_schemaVersion = 0;
};

/// @brief The error for a pqxx (or std) exception @p e met while @p doing against @p server.
core::Error serverError(const std::exception& e, const std::string& doing, const std::string& server);

}  // namespace kiosk::sync
