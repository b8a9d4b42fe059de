#include "kiosk/sync/server.h"

#include <pqxx/pqxx>

#include "kiosk/sync/server_url.h"

namespace kiosk::sync {
using core::ErrorCode;
using core::makeError;

namespace {

/// libpq's first line, without the "connection to server at ... failed: " preamble and "FATAL:".
std::string firstLine(std::string text) {
    if (auto nl = text.find('\n'); nl != std::string::npos) text.resize(nl);
    if (auto f = text.find(" failed: "); f != std::string::npos && text.rfind("connection to server", 0) == 0)
        text = text.substr(f + 9);
    for (const char* prefix : {"FATAL:  ", "ERROR:  ", "FATAL: ", "ERROR: "})
        if (text.rfind(prefix, 0) == 0) text = text.substr(std::string(prefix).size());
    while (!text.empty() && (text.back() == ' ' || text.back() == '\r')) text.pop_back();
    return text;
}

bool contains(const std::string& s, const char* what) { return s.find(what) != std::string::npos; }

}  // namespace

core::Error serverError(const std::exception& e, const std::string& doing, const std::string& server) {
    const std::string line = firstLine(e.what());
    const std::string at = " (" + server + ")";
    if (dynamic_cast<const pqxx::broken_connection*>(&e) != nullptr || contains(line, "Connection refused") ||
        contains(line, "could not connect") || contains(line, "could not translate host name")) {
        if (contains(line, "password authentication failed") || contains(line, "no password supplied"))
            return makeError(ErrorCode::Crypto, "the clinic server refused the password" + at + ": " + line +
                                                    ". Check the password file (PGPASSFILE or passfile=)");
        if (contains(line, "does not exist"))
            return makeError(ErrorCode::NotFound, "the clinic server has no such database or user" + at + ": " + line);
        return makeError(ErrorCode::Io, "cannot reach the clinic server" + at + " while " + doing + ": " + line +
                                            ". Records stay queued on this kiosk");
    }
    if (dynamic_cast<const pqxx::in_doubt_error*>(&e) != nullptr)
        return makeError(ErrorCode::Io, "the connection to the clinic server" + at + " broke during COMMIT while " +
                                            doing + "; the next push finds out whether it landed");
    if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e)) {
        const std::string& state = sql->sqlstate();
        // (libpqxx 6.4 does not always carry the SQLSTATE through: the class and words say it too.)
        if (state == "42501" || dynamic_cast<const pqxx::insufficient_privilege*>(&e) != nullptr ||
            contains(line, "permission denied"))
            return makeError(ErrorCode::Invalid, "the clinic server does not allow this" + at + " while " + doing +
                                                     ": " + line);
        if (state == "42P01")
            return makeError(ErrorCode::NotFound, "the clinic server has no clinic yet" + at +
                                                      ": run `intake-kiosk clinic init --pg URL` first");
        if (state.rfind("08", 0) == 0 || state.rfind("57P", 0) == 0)
            return makeError(ErrorCode::Io, "the clinic server went away" + at + " while " + doing + ": " + line +
                                                ". Records stay queued on this kiosk");
        return makeError(ErrorCode::Io, "the clinic server refused " + doing + at + ": " + line);
    }
    return makeError(ErrorCode::Io, "clinic server" + at + ", " + doing + ": " + line);
}

struct Server::Conn {
    explicit Conn(const std::string& conninfo) : c(conninfo) {}
    pqxx::connection c;
};

Server::Server() = default;
Server::Server(Server&&) noexcept = default;
Server& Server::operator=(Server&&) noexcept = default;
Server::~Server() = default;

core::Result<Server> Server::connect(const std::string& url) {
    if (auto ok = checkServerUrl(url); !ok) return ok.error();
    Server s;
    s.m_describe = describeServer(url);
    try {
        // A kiosk must not hang on a server that does not answer: libpq's connect_timeout applies
        // unless the URL sets its own.
        const bool hasTimeout = url.find("connect_timeout") != std::string::npos;
        std::string conninfo = url;
        if (!hasTimeout) {
            const bool isUri = url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
            conninfo += isUri ? (url.find('?') == std::string::npos ? "?connect_timeout=5" : "&connect_timeout=5")
                              : " connect_timeout=5";
        }
        s.m_conn = std::make_unique<Conn>(conninfo);
        pqxx::nontransaction q(s.m_conn->c);
        const pqxx::result has = q.exec("SELECT to_regclass('ik_schema') IS NOT NULL");
        if (has[0][0].as<bool>()) s.m_schemaVersion = q.exec("SELECT max(version) FROM ik_schema")[0][0].as<int>(0);
    } catch (const std::exception& e) {
        return serverError(e, "connecting", s.m_describe);
    }
    if (s.m_schemaVersion > kServerSchemaVersion)
        return makeError(ErrorCode::Invalid,
                         "the clinic server (" + s.m_describe + ") has schema version " +
                             std::to_string(s.m_schemaVersion) + ", newer than this program understands (" +
                             std::to_string(kServerSchemaVersion) + "): update intake-kiosk on this machine. "
                             "Records stay queued on this kiosk");
    return s;
}

std::string Server::user() {
    std::string out;
    (void)run("reading the user", [&](pqxx::connection_base& c) {
        pqxx::nontransaction q(c);
        out = q.exec("SELECT current_user")[0][0].as<std::string>();
    });
    return out;
}

core::Result<void> Server::run(const std::string& doing, const std::function<void(pqxx::connection_base&)>& f) {
    try {
        f(m_conn->c);
        return {};
    } catch (const std::exception& e) {
        return serverError(e, doing, m_describe);
    }
}

}  // namespace kiosk::sync
