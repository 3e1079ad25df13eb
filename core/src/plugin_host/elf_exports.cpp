#include "orgplan/plugin_host/elf_exports.hpp"

#include <cstdint>
#include <cstring>
#include <elf.h>
#include <fstream>
#include <iterator>

#include "orgplan/base/error.hpp"

namespace orgplan {
namespace {

// A library larger than this is not a plugin: refuse it before reading it into memory.
constexpr std::size_t kMostBytes = std::size_t{1} << 30;

// The ELF structures of one class (32 or 64 bits).
struct Elf64 {
    using Header = Elf64_Ehdr;
    using Section = Elf64_Shdr;
    using Symbol = Elf64_Sym;
    static unsigned binding(unsigned char info) { return ELF64_ST_BIND(info); }
    static unsigned visibility(unsigned char other) { return ELF64_ST_VISIBILITY(other); }
};
struct Elf32 {
    using Header = Elf32_Ehdr;
    using Section = Elf32_Shdr;
    using Symbol = Elf32_Sym;
    static unsigned binding(unsigned char info) { return ELF32_ST_BIND(info); }
    static unsigned visibility(unsigned char other) { return ELF32_ST_VISIBILITY(other); }
};

// A copy of a T at `offset`, or an Error naming `what` when the file ends before it.
template <typename T>
T read_at(std::string_view image, std::uint64_t offset, const char* what) {
    if (offset > image.size() || image.size() - offset < sizeof(T))
        throw Error(std::string("the file ends inside its ") + what);
    T value;
    std::memcpy(&value, image.data() + offset, sizeof(T));
    return value;
}

// Whether [offset, offset + size) lies inside the file.
bool inside(std::string_view image, std::uint64_t offset, std::uint64_t size) {
    return offset <= image.size() && size <= image.size() - offset;
}

template <typename Elf>
std::vector<std::string> exports(std::string_view image) {
    using Section = typename Elf::Section;
    using Symbol = typename Elf::Symbol;
    const auto header = read_at<typename Elf::Header>(image, 0, "ELF header");
    if (header.e_type != ET_DYN) throw Error("it is an ELF file but not a shared library");
    if (header.e_shnum == 0) return {}; // no section table (sstrip): nothing to read the exports from
    if (header.e_shentsize != sizeof(Section)) throw Error("its section headers have an unexpected size");
    if (!inside(image, header.e_shoff, std::uint64_t{header.e_shnum} * sizeof(Section)))
        throw Error("its section table lies past the end of the file");
    const auto section = [&](std::uint64_t index) {
        return read_at<Section>(image, header.e_shoff + index * sizeof(Section), "section table");
    };
    std::vector<std::string> names;
    for (std::uint64_t s = 0; s < header.e_shnum; ++s) {
        const auto symbols = section(s);
        if (symbols.sh_type != SHT_DYNSYM) continue;
        if (symbols.sh_entsize != sizeof(Symbol) || !inside(image, symbols.sh_offset, symbols.sh_size))
            throw Error("its dynamic symbol table is malformed");
        if (symbols.sh_link >= header.e_shnum) throw Error("its dynamic symbol table names no string table");
        const auto strings = section(symbols.sh_link);
        if (strings.sh_type != SHT_STRTAB || !inside(image, strings.sh_offset, strings.sh_size))
            throw Error("the string table of its dynamic symbols is malformed");
        const auto text = image.substr(strings.sh_offset, strings.sh_size);
        for (std::uint64_t k = 1; k < symbols.sh_size / sizeof(Symbol); ++k) { // entry 0 is always empty
            const auto symbol = read_at<Symbol>(image, symbols.sh_offset + k * sizeof(Symbol), "symbol table");
            const auto binding = Elf::binding(symbol.st_info);
            const auto visibility = Elf::visibility(symbol.st_other);
            if (symbol.st_shndx == SHN_UNDEF || (binding != STB_GLOBAL && binding != STB_WEAK) ||
                (visibility != STV_DEFAULT && visibility != STV_PROTECTED))
                continue;
            if (symbol.st_name >= text.size()) throw Error("a symbol's name lies outside its string table");
            const auto name = text.substr(symbol.st_name);
            const auto end = name.find('\0');
            if (end == std::string_view::npos) throw Error("a symbol's name runs past its string table");
            if (end > 0) names.emplace_back(name.substr(0, end));
        }
    }
    return names;
}

} // namespace

std::vector<std::string> elf_exports(std::string_view image) {
    if (image.size() < EI_NIDENT || std::memcmp(image.data(), ELFMAG, SELFMAG) != 0)
        throw Error("it is not an ELF file");
    if (image[EI_DATA] != ELFDATA2LSB) throw Error("it is not a little-endian ELF file, as this machine's are");
    if (image[EI_CLASS] == ELFCLASS64) return exports<Elf64>(image);
    if (image[EI_CLASS] == ELFCLASS32) return exports<Elf32>(image);
    throw Error("its ELF class is unknown");
}

std::vector<std::string> elf_exports_of_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot be read");
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    if (size < 0 || static_cast<std::uint64_t>(size) > kMostBytes) throw Error("is too large to be a plugin");
    in.seekg(0);
    std::string image(static_cast<std::size_t>(size), '\0');
    if (!in.read(image.data(), size)) throw Error("cannot be read");
    return elf_exports(image);
}

} // namespace orgplan
