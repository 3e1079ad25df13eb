// libFuzzer target: the CSV reader on any bytes. It must return records or throw orgplan::Error, never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "orgplan/import/csv.hpp"
#include "orgplan/base/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        orgplan::CsvReader reader(text, "fuzz.csv");
        std::vector<std::string_view> fields;
        std::size_t records = 0;
        while (reader.next(fields) && ++records < 100000) {
        }
    } catch (const orgplan::Error&) {
    }
    return 0;
}
