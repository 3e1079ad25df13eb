#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <elf.h>
#include <fstream>
#include <iterator>

#include "orgplan/base/error.hpp"
#include "orgplan/plugin.hpp"
#include "orgplan/plugin_host/elf_exports.hpp"

using namespace orgplan;

namespace {

std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string principles_library() {
    return file_bytes(std::string(ORGPLAN_BUILTIN_PLUGINS) + "/orgplan_principles.so");
}

bool exports(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

template <typename T>
void put(std::string& image, std::size_t offset, T value) {
    std::memcpy(image.data() + offset, &value, sizeof value);
}

Elf64_Ehdr header_of(const std::string& image) {
    Elf64_Ehdr header;
    std::memcpy(&header, image.data(), sizeof header);
    return header;
}

} // namespace

TEST_CASE("elf exports: a plugin's mark and factory, not what it only uses") {
    const auto names = elf_exports(principles_library());
    CHECK(exports(names, "orgplan_plugin_abi_v" + std::to_string(ORGPLAN_PLUGIN_ABI)));
    CHECK_FALSE(exports(names, "__cxa_begin_catch")); // undefined here: the library uses it, another defines it
    CHECK(std::none_of(names.begin(), names.end(), [](const std::string& n) { return n.empty(); }));
    CHECK(elf_exports_of_file(std::string(ORGPLAN_BUILTIN_PLUGINS) + "/orgplan_principles.so") == names);
}

TEST_CASE("elf exports: files that are not shared libraries are refused with the reason") {
    CHECK_THROWS_WITH(elf_exports(""), Catch::Contains("not an ELF file"));
    CHECK_THROWS_WITH(elf_exports("id,name\nE1,Ann\n"), Catch::Contains("not an ELF file"));
    auto image = principles_library();
    CHECK_THROWS_WITH(elf_exports(image.substr(0, 40)), Catch::Contains("ends inside its ELF header"));
    auto relocatable = image;
    put<Elf64_Half>(relocatable, offsetof(Elf64_Ehdr, e_type), ET_REL);
    CHECK_THROWS_WITH(elf_exports(relocatable), Catch::Contains("not a shared library"));
    auto big_endian = image;
    big_endian[EI_DATA] = ELFDATA2MSB;
    CHECK_THROWS_WITH(elf_exports(big_endian), Catch::Contains("little-endian"));
    CHECK_THROWS_WITH(elf_exports_of_file("/nonexistent/x.so"), Catch::Contains("cannot be read"));
}

TEST_CASE("elf exports: offsets and sizes past the end of the file are errors, never reads out of bounds") {
    const auto image = principles_library();
    const auto header = header_of(image);
    // The section table cut off.
    CHECK_THROWS_WITH(elf_exports(image.substr(0, header.e_shoff + 10)), Catch::Contains("past the end of the file"));
    auto far = image;
    put<Elf64_Off>(far, offsetof(Elf64_Ehdr, e_shoff), static_cast<Elf64_Off>(-64));
    CHECK_THROWS_WITH(elf_exports(far), Catch::Contains("past the end of the file"));
    // The dynamic symbol table's string table pointed past the end, and a symbol's name too.
    for (Elf64_Half s = 0; s < header.e_shnum; ++s) {
        const auto at = header.e_shoff + s * sizeof(Elf64_Shdr);
        Elf64_Shdr section;
        std::memcpy(&section, image.data() + at, sizeof section);
        if (section.sh_type != SHT_DYNSYM) continue;
        auto bad_link = image;
        put<Elf64_Word>(bad_link, at + offsetof(Elf64_Shdr, sh_link), header.e_shnum + 5);
        CHECK_THROWS_WITH(elf_exports(bad_link), Catch::Contains("names no string table"));
        auto bad_size = image;
        put<Elf64_Xword>(bad_size, at + offsetof(Elf64_Shdr, sh_size), image.size());
        CHECK_THROWS_WITH(elf_exports(bad_size), Catch::Contains("malformed"));
        auto bad_name = image;
        Elf64_Sym symbol;
        for (std::size_t k = 1; k < section.sh_size / sizeof symbol; ++k) { // the first defined global symbol
            std::memcpy(&symbol, image.data() + section.sh_offset + k * sizeof symbol, sizeof symbol);
            if (symbol.st_shndx == SHN_UNDEF || ELF64_ST_BIND(symbol.st_info) == STB_LOCAL) continue;
            put<Elf64_Word>(bad_name, section.sh_offset + k * sizeof symbol + offsetof(Elf64_Sym, st_name), 0x7fffffff);
            break;
        }
        CHECK_THROWS_WITH(elf_exports(bad_name), Catch::Contains("outside its string table"));
    }
}
