# No input to a package function crashes R: wrong types, NULL, NA, missing and misspelt columns,
# 10 MB strings, odd data.frames. Each call answers or signals an error; the session goes on.
lin <- ol_load()
big <- strrep("E", 10 * 1024 * 1024)
bad <- list(NULL, NA, 42, c("a", "b"), character(), list(1), TRUE, big, "", as.Date(NA), function() 1)

survives <- function(expr) {
  # An empty answer warns (orglineage_answer_warning) with the library's reason: fine here.
  out <- tryCatch(withCallingHandlers(expr, orglineage_answer_warning = function(w) invokeRestart("muffleWarning")),
                  error = function(e) e)
  expect_true(inherits(out, "error") || is.data.frame(out) || is.list(out))
  out
}

test_that("every query survives a bad argument", {
  for (b in bad) {
    survives(ol_who(lin, b, "2007-06-01"))
    survives(ol_who(lin, "E06000052", b))
    survives(ol_who(lin, "E06000052", "2007-06-01", function_id = b))
    survives(ol_who(lin, "E06000052", "2007-06-01", legal = b))
    survives(ol_successors(lin, b, "2020-01-01"))
    survives(ol_successors(lin, "pct/5QP", b))
    survives(ol_predecessors(lin, b, "2020-01-01"))
    survives(ol_resolve(lin, b))
    survives(ol_snapshot(lin, b))
    survives(ol_snapshot(lin, "2020-01-01", b))
    survives(ol_diff(lin, b, "2020-01-01"))
    survives(ol_groups(lin, b, "2020-01-01"))
    survives(ol_crosswalk(lin, b, "2020-01-01"))
    survives(ol_who(b, "E06000052", "2007-06-01"))
    survives(ol_load(b))
  }
})

test_that("many places at once survive bad input", {
  for (b in bad) {
    survives(ol_who(lin, c("E06000052", "E01019727"), b))
    survives(ol_who(lin, list(b, "E06000052"), "2007-06-01"))
    survives(ol_who(lin, data.frame(area = "E06000052", on = "2007-06-01"), function_id = b))
    survives(ol_search(lin, b))
    survives(ol_changes(lin, b))
    survives(ol_lineage(lin, b))
    survives(ol_ask(lin, b))
    survives(ol_ask(lin, "who", area = b, on = "2007-06-01"))
  }
  survives(ol_who(lin, data.frame(area = c(NA, "E06000052"), on = "2007-06-01")))
  survives(ol_who(lin, data.frame(on = "2007-06-01")))
  survives(ol_who(lin, c("E06000052", "E01019727", "E06000047"), c("2007-06-01", "2010-06-01")))
  w <- suppressWarnings(ol_who(lin, c(big, "E06000052"), "2007-06-01"))
  expect_equal(w$input, 2)
  expect_equal(nrow(attr(w, "errors")), 1)
})

test_that("a 10 MB string is answered as unknown", {
  e <- survives(ol_who(lin, big, "2007-06-01"))
  expect_s3_class(e, "orglineage_lookup_error")
})

test_that("remap survives bad arguments and odd data.frames", {
  df <- data.frame(ccg = "01Y", month = "2021-06", items = 1)
  for (b in bad) {
    survives(ol_remap(lin, b, "ccg", "month", "items", "2023-06-01"))
    survives(ol_remap(lin, df, b, "month", "items", "2023-06-01"))
    survives(ol_remap(lin, df, "ccg", b, "items", "2023-06-01"))
    survives(ol_remap(lin, df, "ccg", "month", b, "2023-06-01"))
    survives(ol_remap(lin, df, "ccg", "month", "items", b))
    survives(ol_remap(lin, df, "ccg", "month", "items", "2023-06-01", to_kind = b))
    survives(ol_remap(lin, df, "ccg", "month", "items", "2023-06-01", max_rejects = b))
    survives(ol_remap(lin, df, "ccg", "month", "items", "2023-06-01", sizes = b))
    survives(ol_remap(lin, df, "ccg", "month", "items", "2023-06-01", strict = b))
  }
  weird <- data.frame(ccg = c("01Y", NA, big, "01Y", "01Y"), month = c("2021-06", "2021-06", "2021-06", NA, big),
                      items = c("1", "n/a", NA, "Inf", "12,000"))
  r <- survives(ol_remap(lin, weird, "ccg", "month", "items", "2023-06-01"))
  expect_equal(nrow(r$rejects), 4)
  survives(ol_remap(lin, data.frame(), "ccg", "month", "items", "2023-06-01"))
  survives(ol_remap(lin, data.frame(ccg = character(), month = character(), items = numeric()),
                    "ccg", "month", "items", "2023-06-01"))
  listcol <- data.frame(ccg = "01Y", month = "2021-06")
  listcol$items <- list(1:3)
  e <- survives(ol_remap(lin, listcol, "ccg", "month", "items", "2023-06-01"))
  expect_s3_class(e, "orglineage_question_error")
  factors <- data.frame(ccg = factor("01Y"), month = as.Date("2021-06-01"), items = 1L)
  expect_equal(sum(ol_remap(lin, factors, "ccg", "month", "items", "2023-06-01")$mapped$items), 1)
})
