// orgplan plugin SDK: every header at once, for a library that holds plugins of several kinds.
#pragma once

#include "orgplan/diagnostic.hpp"
#include "orgplan/hiring_mix.hpp"
#include "orgplan/org.hpp"
#include "orgplan/plugin.hpp"
#include "orgplan/principle.hpp"

