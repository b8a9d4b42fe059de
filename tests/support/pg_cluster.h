#pragma once
// A throwaway PostgreSQL 15 for one test process, started and stopped by tests/support/pg.sh (the
// script the bench and a person debugging use too). Each test takes a database of its own in it.
// Login roles get a password in the cluster's password file, which PGPASSFILE points at for this
// process and the intake-kiosk children it starts: no password is ever on a command line.
#include <stdlib.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>

#include <pqxx/pqxx>

namespace kiosk::testing {

class PgCluster {
public:
    PgCluster() {
        // Under /tmp itself, not a TempDir: as root the server runs as another user, who must reach it.
        std::string tmpl = "/tmp/kiosk-pg-XXXXXX";
        if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
        m_dir = tmpl;
        script("start");
        std::ifstream env(m_dir + "/env");
        for (std::string line; std::getline(env, line);)
            if (auto eq = line.find('='); eq != std::string::npos) m_env[line.substr(0, eq)] = line.substr(eq + 1);
        ::setenv("PGPASSFILE", m_env.at("PGPASSFILE").c_str(), 1);
    }
    ~PgCluster() {
        try {
            script("stop");
        } catch (...) {
        }
    }
    PgCluster(const PgCluster&) = delete;
    PgCluster& operator=(const PgCluster&) = delete;

    const std::string& port() const { return m_env.at("PGPORT"); }
    /// The cluster's folder (its data/ and the server's log).
    const std::string& dir() const { return m_dir; }
    /// postgresql://USER@127.0.0.1:PORT/DB (password from the password file).
    std::string url(const std::string& db, const std::string& user = "ik_admin") const {
        return "postgresql://" + user + "@127.0.0.1:" + port() + "/" + db;
    }
    /// A new empty database.
    void createDatabase(const std::string& db) { admin("postgres", "CREATE DATABASE " + db); }
    /// A login role in @p group with @p password, which goes into the password file (@p fileGets
    /// another password there, to test a wrong one).
    void createLogin(const std::string& role, const std::string& group, const std::string& password,
                     const std::string& fileGets = "") {
        admin("postgres", "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "' IN ROLE " + group);
        std::ofstream(m_env.at("PGPASSFILE"), std::ios::app)
            << "127.0.0.1:" << port() << ":*:" << role << ":" << (fileGets.empty() ? password : fileGets) << "\n";
    }
    /// Runs @p sql as the admin in @p db.
    void admin(const std::string& db, const std::string& sql) {
        pqxx::connection c(url(db));
        pqxx::nontransaction q(c);
        q.exec(sql);
    }
    /// What the server wrote to its log so far (errors, connections refused, ...).
    std::string serverLog() const {
        std::ifstream in(m_dir + "/server.log");
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }
    /// A crash (immediate shutdown) and a start on the same port.
    void kill() { script("kill"); }
    void restart() { script("restart"); }

private:
    void script(const std::string& cmd) {
        const std::string line = "bash '" KIOSK_SOURCE_DIR "/tests/support/pg.sh' " + cmd + " '" + m_dir + "'";
        if (std::system(line.c_str()) != 0) throw std::runtime_error("pg.sh " + cmd + " failed");
    }
    std::string m_dir;
    std::map<std::string, std::string> m_env;
};

}  // namespace kiosk::testing
