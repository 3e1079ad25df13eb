#include "id_index.hpp"

namespace orgplan::importing {

void check_ref(const IdIndex& ids, std::string_view ref, Loc loc, const std::string& field, const std::string& what,
               Problems& problems) {
    if (!ref.empty() && !ids.has(ref))
        problems.add(loc, field, "unknown " + what + " '" + std::string(ref) + "'; add it to the " + what +
                                     "s file, fix the reference, or create it by id with --create-missing " + what +
                                     "s");
}

} // namespace orgplan::importing
