// A library built for a future plugin ABI: the host must refuse it from its file, before loading it. Its static
// constructor leaves a mark (a file named by $ORGPLAN_TEST_CONSTRUCTOR_MARK) if it ever runs.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include <boost/config.hpp>
#include <boost/dll/alias.hpp>

namespace wrong_abi {
static const void* manifest() { return nullptr; }
struct Constructor {
    Constructor() {
        if (const char* mark = std::getenv("ORGPLAN_TEST_CONSTRUCTOR_MARK"))
            if (FILE* f = std::fopen(mark, "w")) std::fclose(f);
    }
};
static const Constructor runs_on_load;
} // namespace wrong_abi

BOOST_DLL_ALIAS(wrong_abi::manifest, orgplan_plugin_manifest)
extern "C" BOOST_SYMBOL_EXPORT const unsigned char orgplan_plugin_abi_v999 = 0;
