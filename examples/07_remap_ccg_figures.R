# SPDX-License-Identifier: MIT
# 07_remap_ccg_figures.R — map figures of the 2014 CCGs onto the ICBs of 2023, in R.
#
# Demonstrates: ol_load(), ol_snapshot() as a data.frame, ol_remap() (the C++ streaming remap),
# the rejects and the conserved totals, a text bar chart of the result.
# Read first: bindings/r/orglineage/R/orglineage.R, docs/crosswalk.md.
#
# The figure mapped is each 2014 CCG counted once ("how many 2014 CCGs' worth of area each ICB
# holds"): a table anyone can rebuild from the dataset itself. Put your own column in its place.
#
# Usage: Rscript 07_remap_ccg_figures.R [DATASET_DIR]
library(orglineage)

args <- commandArgs(trailingOnly = TRUE)
lin <- ol_load(if (length(args) > 0) args[1] else NULL)

ccgs <- ol_snapshot(lin, "2014-04-01", "ccg")
figures <- data.frame(ccg = ccgs$id, month = as.Date("2014-04-01"), ccgs = 1)
cat(sprintf("%d CCGs on 2014-04-01 (dataset %s)\n", nrow(figures), lin$data_version))

r <- ol_remap(lin, figures, "ccg", "month", "ccgs", "2023-06-01")
cat(sprintf("mapped onto %d ICBs of 2023-06-01; %d rows rejected\n", nrow(r$mapped), nrow(r$rejects)))
cat(sprintf("total before %.4f, after %.4f\n", sum(figures$ccgs), sum(r$mapped$ccgs)))

top <- head(r$mapped[order(-r$mapped$ccgs), ], 10)
for (i in seq_len(nrow(top))) {
  cat(sprintf("%-60s %6.2f  %s\n", top$name[i], top$ccgs[i], strrep("#", round(top$ccgs[i] * 4))))
}
