// The names an ELF shared library exports, read from its bytes: nothing of it is loaded or run.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace orgplan {

/// The symbols a shared library defines for others to use: the globally visible, defined entries of its dynamic
/// symbol table (.dynsym, the table the loader reads, which `strip` keeps). `image` is the whole file. Throws
/// orgplan::Error saying what is wrong when it is not a well-formed ELF shared library; every offset and size in
/// the file is checked against its length before it is read.
std::vector<std::string> elf_exports(std::string_view image);

/// elf_exports of the file at `path`. Throws orgplan::Error when it cannot be read or is not a shared library.
std::vector<std::string> elf_exports_of_file(const std::string& path);

} // namespace orgplan
