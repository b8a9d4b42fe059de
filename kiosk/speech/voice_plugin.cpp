#include "kiosk/speech/voice_plugin.h"

#include <dlfcn.h>
#include <unistd.h>

namespace kiosk::speech {

core::Result<VoicePlugin> loadVoicePlugin(const std::string& path) {
    if (::access(path.c_str(), F_OK) != 0)
        return core::makeError(core::ErrorCode::NotFound, std::string("the voice package (") + kVoicePackage +
                                                              ") is not installed: no " + path);
    // RTLD_LOCAL: espeak-ng's and ALSA's symbols stay the plugin's own. Never dlclose()d: the
    // engine's and the opener's code live in it.
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* why = ::dlerror();
        return core::makeError(core::ErrorCode::Io, "cannot load the voice plugin: " + std::string(why ? why : path));
    }
    auto entry = reinterpret_cast<VoicePluginEntry>(::dlsym(handle, kVoicePluginEntry));
    if (!entry)
        return core::makeError(core::ErrorCode::Invalid,
                               path + " is not an intake-kiosk voice plugin (no " + kVoicePluginEntry + ")");
    VoicePlugin plugin;
    if (entry(kVoicePluginAbi, sizeof(VoicePlugin), sizeof(SpeechSettings), &plugin) != 1 || !plugin.engine ||
        !plugin.audio)
        return core::makeError(core::ErrorCode::Invalid, path + " was built for another version of intake-kiosk: install " +
                                                             kVoicePackage + " of the same version");
    return plugin;
}

}  // namespace kiosk::speech
