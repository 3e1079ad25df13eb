#include "statements.hpp"

#include <SQLiteCpp/Column.h>

namespace orgplan {

std::string Row::text(int column) const {
    const auto value = query_.getColumn(column);
    return value.isNull() ? std::string() : value.getString();
}

double Row::real(int column) const { return query_.getColumn(column).getDouble(); }

std::int64_t Row::integer(int column) const { return query_.getColumn(column).getInt64(); }

bool Row::is_null(int column) const { return query_.getColumn(column).isNull(); }

} // namespace orgplan
