// A library that claims a future plugin ABI: the host must refuse it before touching its manifest.
#include <cstdint>

#include <boost/dll/alias.hpp>

namespace wrong_abi {
static std::uint32_t abi() { return 999; }
static const void* manifest() { return nullptr; }
} // namespace wrong_abi

BOOST_DLL_ALIAS(wrong_abi::abi, orgplan_plugin_abi)
BOOST_DLL_ALIAS(wrong_abi::manifest, orgplan_plugin_manifest)
