// SPDX-License-Identifier: MIT
// Internal: building the dataset from the records read.
#pragma once

#include "read/raw_dataset.hpp"

#include <orglineage/dataset.hpp>

#include <string>
#include <vector>

namespace orglineage::detail {

/// Resolves references, normalises and checks the whole dataset. With `problems`, every problem
/// is recorded there (and the result is partial); without, the first is thrown as ValidationError.
Dataset build_dataset(RawDataset raw, std::vector<std::string>* problems);

/// Sets announced events and bodies aside as announcements, or (with `include`) keeps them and
/// ends the bodies they end; either way each announced event becomes an announcement.
void take_announced(RawDataset& raw, bool include);

} // namespace orglineage::detail
