#include "kiosk/sync/server_url.h"

#include <libpq-fe.h>

#include <map>

namespace kiosk::sync {
namespace {

/// The options libpq reads from @p url, or nullopt and @p why when it does not parse.
bool parse(const std::string& url, std::map<std::string, std::string>& out, std::string& why) {
    char* err = nullptr;
    PQconninfoOption* opts = PQconninfoParse(url.c_str(), &err);
    if (opts == nullptr) {
        why = err != nullptr ? err : "out of memory";
        if (err != nullptr) PQfreemem(err);
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
        return false;
    }
    for (PQconninfoOption* o = opts; o->keyword != nullptr; ++o)
        if (o->val != nullptr) out[o->keyword] = o->val;
    PQconninfoFree(opts);
    return true;
}

}  // namespace

core::Result<void> checkServerUrl(const std::string& url) {
    if (url.empty())
        return core::makeError(core::ErrorCode::Invalid,
                               "no clinic server: give --pg URL or set server.url in the settings file");
    std::map<std::string, std::string> opts;
    std::string why;
    if (!parse(url, opts, why))
        return core::makeError(core::ErrorCode::Invalid, "the clinic server URL is not valid: " + why);
    if (opts.count("password"))
        return core::makeError(core::ErrorCode::Invalid,
                               "the clinic server URL holds a password: put it in a password file (PGPASSFILE, "
                               "or passfile=FILE in the URL) instead, never on the command line");
    return {};
}

std::string describeServer(const std::string& url) {
    std::map<std::string, std::string> opts;
    std::string why;
    if (!parse(url, opts, why)) return "(an invalid URL)";
    auto get = [&](const char* k, const char* fallback) {
        auto it = opts.find(k);
        return it != opts.end() && !it->second.empty() ? it->second : std::string(fallback);
    };
    return get("host", "localhost") + ":" + get("port", "5432") + "/" + get("dbname", "(default)") + " as " +
           get("user", "(default user)");
}

}  // namespace kiosk::sync
