#include "kiosk/app/cli/voice.h"

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <utility>

#include "kiosk/core/log.h"

#ifndef KIOSK_LIBEXEC_DIR
#define KIOSK_LIBEXEC_DIR "/usr/lib/intake-kiosk"
#endif

namespace kiosk::app {

std::string voicePluginPath() {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path beside = self.parent_path() / speech::kVoicePluginFile;
        if (::access(beside.c_str(), F_OK) == 0) return beside.string();
    }
    return (fs::path(KIOSK_LIBEXEC_DIR) / speech::kVoicePluginFile).string();
}

const core::Result<speech::VoicePlugin>& voicePlugin() {
    static const core::Result<speech::VoicePlugin> plugin = [] {
        const std::string path = voicePluginPath();
        auto loaded = speech::loadVoicePlugin(path);
        if (loaded) core::logger()->info("read aloud: voice plugin {}", path);  // the package test looks for it
        return loaded;
    }();
    return plugin;
}

speech::EngineOpener pluginEngine() {
    return [](const speech::SpeechSettings& settings) -> core::Result<std::unique_ptr<speech::Engine>> {
        const auto& plugin = voicePlugin();
        if (!plugin) return plugin.error();
        return plugin->engine(settings);
    };
}

speech::AudioOpener pluginAudio(std::string device) {
    return [device = std::move(device)](int sampleRate) -> core::Result<std::unique_ptr<speech::AudioOut>> {
        const auto& plugin = voicePlugin();
        if (!plugin) return plugin.error();
        return plugin->audio(device)(sampleRate);
    };
}

}  // namespace kiosk::app
