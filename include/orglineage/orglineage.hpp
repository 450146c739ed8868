// SPDX-License-Identifier: MIT
// orglineage — everything in one include.
#pragma once

#include <orglineage/ancestry.hpp>
#include <orglineage/answer.hpp>
#include <orglineage/ask.hpp>
#include <orglineage/body.hpp>
#include <orglineage/crosswalk.hpp>
#include <orglineage/area_history.hpp>
#include <orglineage/csv.hpp>
#include <orglineage/dataset.hpp>
#include <orglineage/date.hpp>
#include <orglineage/dot.hpp>
#include <orglineage/error.hpp>
#include <orglineage/event.hpp>
#include <orglineage/export.hpp>
#include <orglineage/function.hpp>
#include <orglineage/image.hpp>
#include <orglineage/lineage.hpp>
#include <orglineage/load.hpp>
#include <orglineage/notes.hpp>
#include <orglineage/output_file.hpp>
#include <orglineage/remap.hpp>
#include <orglineage/search.hpp>
#include <orglineage/share.hpp>
#include <orglineage/small_areas.hpp>
#include <orglineage/suggest.hpp>
#include <orglineage/text.hpp>
#include <orglineage/version.hpp>
