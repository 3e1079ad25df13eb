// libFuzzer target: the bytes of a plugin file, read for its exported symbols before anything of it is loaded. A
// malformed or hostile file must be an Error, never a read outside it. The seed is a minimal shared library:
//   printf 'const unsigned char orgplan_plugin_abi_v7 = 7;\nint orgplan_probe(void) { return 1; }\n' > tiny.c
//   gcc -shared -nostdlib -fPIC -O2 -Wl,-z,norelro -Wl,-z,noseparate-code -o tiny_library.so tiny.c && strip tiny_library.so
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "orgplan/base/error.hpp"
#include "orgplan/plugin_host/elf_exports.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        orgplan::elf_exports(std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const orgplan::Error&) {
    }
    return 0;
}
