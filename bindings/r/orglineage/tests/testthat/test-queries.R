# The R package answers as the C++ tests do (tests/dataset/test_nhs_england.cpp), on the shipped
# dataset, with the CLI's columns.
lin <- ol_load()

show <- function(df) {
  s <- ifelse(is.na(df$share), "?", as.character(signif(df$share, 4)))
  paste(df$id, s, collapse = ", ")
}

test_that("who commissioned an area on a date (ONS LSOA11-CCG17-LAD17, population shares)", {
  df <- ol_who(lin, "E06000047", "2017-06-01")
  expect_equal(names(df), c("id", "kind", "name", "ods", "share", "basis", "function", "via_area", "derivation",
                            "notes"))
  expect_equal(show(df), "ccg/00D 0.5243, ccg/00J 0.4757")
  expect_equal(ol_who(lin, "Cornwall", as.Date("2007-06-01"))$id, "pct/5QP")
})

test_that("the README's question, with its notes (kinds in a column, texts in attr(, 'notes'))", {
  df <- ol_who(lin, "E06000052", "2007-06-01")
  expect_equal(df$id, "pct/5QP")
  expect_equal(df$name, "Cornwall and Isles of Scilly PCT")
  expect_equal(df$notes, "derived")
  notes <- attr(df, "notes")
  expect_equal(names(notes), c("row", "kind", "text", "about"))
  expect_true(all(notes$row == 1) && all(notes$kind == "derived") && nrow(notes) >= 2)
  expect_true(any(grepl("not in force on 2007-06-01", notes$text, fixed = TRUE)))
  expect_equal(attr(df, "exit"), 0)
})

test_that("LSOAs, typos with suggestions, and many places in one call", {
  expect_equal(ol_who(lin, "E01019727", "2010-06-01")$id, "pct/5LH")
  expect_equal(ol_who(lin, "E01019727", "2022-07-01")$id, "icb/E54000058")
  e <- tryCatch(ol_who(lin, "Cornwal", "2007-06-01"), error = identity)
  expect_s3_class(e, "orglineage_lookup_error")
  expect_true(startsWith(conditionMessage(e), "unknown area 'Cornwal' (did you mean: Cornwall (E06000052)"))
  expect_true("Cornwall (E06000052)" %in% e$suggestions)
  expect_equal(e$exit, 1L)
  q <- data.frame(area = c("E06000052", "Atlantis", "E01019727"), on = c("2007-06-01", "2010-06-01", "2010-06-01"))
  expect_warning(m <- ol_who(lin, q), "1 of 3 questions could not be answered", class = "orglineage_answer_warning")
  expect_equal(m$input, c(1, 3))
  expect_equal(m$id, c("pct/5QP", "pct/5LH"))
  expect_equal(attr(m, "errors")$input, 2)
  expect_error(ol_who(lin, data.frame(place = "E06000052", on = "2007-06-01")), "columns: 'place', 'on'",
               class = "orglineage_question_error")
})

test_that("successors follow the 2022 split of 01Y between two ICBs (ONS CCG21-ICB22)", {
  df <- ol_successors(lin, "ccg/01Y", "2022-07-01")
  expect_equal(names(df), c("id", "kind", "name", "ods", "ons", "from", "to", "share", "basis", "notes"))
  expect_equal(show(df), "icb/E54000057 0.8711, icb/E54000058 0.1289")
  expect_s3_class(df$from, "Date")
  expect_equal(df$from[1], as.Date("2022-07-01"))
})

test_that("predecessors of Manchester PCT (Hansard 15 Mar 2010)", {
  df <- ol_predecessors(lin, "pct/5NT", "2007-01-01")
  expect_equal(show(df), paste("pct/2002/central-manchester 1, pct/2002/north-manchester 1,",
                               "pct/2002/south-manchester 1"))
})

test_that("a reused code is resolved on its date", {
  expect_equal(ol_resolve(lin, "01Y", "2022-06-30")$kind, "ccg")
  expect_equal(ol_resolve(lin, "01Y", "2022-07-01")$kind, "sub-icb")
  expect_equal(nrow(ol_resolve(lin, "01Y")), 2)
})

test_that("snapshots count 211 CCGs in 2013 and 42 ICBs in 2022 (ONS Code History Database)", {
  expect_equal(nrow(ol_snapshot(lin, "2013-04-01", "ccg")), 211)
  expect_equal(nrow(ol_snapshot(lin, "2022-07-01", "icb")), 42)
})

test_that("groups, diff and crosswalk", {
  expect_true("pct-cluster/north-of-tyne" %in% ol_groups(lin, "pct/5D7", "2012-01-01")$id)
  d <- ol_diff(lin, "2018-03-31", "2018-04-01", "ccg")
  expect_true(all(c("ccg/02V", "ccg/03C", "ccg/03G") %in% d$id[d$change == "ended"]))
  cw <- ol_crosswalk(lin, "2021-04-01", "2022-07-01", "ccg")
  expect_equal(cw$to_id[cw$from_id == "ccg/01Y"], c("icb/E54000057", "icb/E54000058"))
  sums <- tapply(cw$weight, cw$from_id, sum)
  expect_true(all(abs(sums - 1) < 1e-9))
})

test_that("errors are conditions of orglineage's classes with its messages", {
  expect_error(ol_successors(lin, "XYZ", "2020-01-01"), "no body has the id, code or name 'XYZ'",
               class = "orglineage_lookup_error")
  expect_error(ol_snapshot(lin, "2020-02-30"), "bad date '2020-02-30'", class = "orglineage_question_error")
  expect_error(ol_load("/nonexistent/dataset"), class = "orglineage_data_error")
})

test_that("remap of a million rows conserves totals and reports its rejects", {
  ccgs <- ol_snapshot(lin, "2014-04-01", "ccg")$ods
  ccgs <- ccgs[!is.na(ccgs)]
  set.seed(2014)
  n <- 1e6
  df <- data.frame(ccg = sample(ccgs, n, replace = TRUE),
                   month = as.Date("2014-04-01") + sample(0:364, n, replace = TRUE),
                   items = as.numeric(sample(0:999, n, replace = TRUE)))
  df$ccg[6] <- "NOTACODE"
  r <- ol_remap(lin, df, "ccg", "month", "items", "2023-06-01")
  expect_equal(r$rejects$line, 7)   # header is line 1, row 6 is line 7
  expect_equal(r$rejects$row, 6)
  expect_equal(r$rejects$reason, "unknown-code")
  expect_equal(sum(r$mapped$items), sum(df$items) - df$items[6], tolerance = 1e-12)
  expect_equal(r$totals$rejected[1], df$items[6])
})
