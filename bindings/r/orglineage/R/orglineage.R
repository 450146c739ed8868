# SPDX-License-Identifier: MIT

#' @useDynLib orglineage, .registration = TRUE
#' @importFrom Rcpp sourceCpp
NULL

# Re-signals an error from the C++ library as a condition of its class (orglineage_lookup_error,
# orglineage_data_error, orglineage_validation_error, all orglineage_error) with its message.
ol_call <- function(expr) {
  tryCatch(expr, error = function(e) {
    parts <- strsplit(conditionMessage(e), "\x1f", fixed = TRUE)[[1]]
    if (length(parts) != 2) stop(e)
    classes <- unique(c(parts[1], if (parts[1] == "orglineage_validation_error") "orglineage_data_error",
                        "orglineage_error"))
    stop(errorCondition(parts[2], class = classes, call = NULL))
  })
}

# A list of columns from C++ as a data.frame (a tibble where installed): dates as Date, unknown
# shares as NA.
as_frame <- function(columns) {
  types <- attr(columns, "types")
  out <- lapply(seq_along(columns), function(i) {
    if (types[i] == "date") as.Date(columns[[i]]) else columns[[i]]
  })
  names(out) <- names(columns)
  df <- as.data.frame(out, stringsAsFactors = FALSE, optional = TRUE)
  if (requireNamespace("tibble", quietly = TRUE)) df <- tibble::as_tibble(df)
  df
}

as_day <- function(x) {
  if (is.null(x) || length(x) == 0 || (length(x) == 1 && is.na(x))) return("")
  if (is.character(x)) return(x) # checked by the library, with its own message
  format(as.Date(x), "%Y-%m-%d")
}

check_lineage <- function(lin) {
  if (!inherits(lin, "orglineage")) stop("'lin' must come from ol_load()", call. = FALSE)
  lin$ptr
}

#' Open an orglineage dataset
#'
#' Loads and checks the shipped dataset of English NHS commissioning bodies (or the one at
#' `path`). The shipped dataset is found without configuration: `$ORGLINEAGE_DATA` if set, else
#' where the C++ library installed it.
#'
#' @param path A dataset directory, or `NULL` for the shipped dataset.
#' @return An `orglineage` object to pass to the other `ol_` functions.
#' @examples
#' lin <- ol_load()
#' ol_who(lin, "Cornwall", "2007-06-01")
#' @export
ol_load <- function(path = NULL) {
  ptr <- ol_call(.ol_load(if (is.null(path)) "" else path.expand(path)))
  structure(list(ptr = ptr, path = attr(ptr, "path"), data_version = attr(ptr, "data_version")),
            class = "orglineage")
}

#' @export
print.orglineage <- function(x, ...) {
  cat("<orglineage dataset ", x$data_version, " at ", x$path, ">\n", sep = "")
  invisible(x)
}

#' Who held a function for an area on a date
#'
#' @param lin A dataset from [ol_load()].
#' @param area An ONS area code (e.g. `"E06000052"`) or an area name (e.g. `"Cornwall"`).
#' @param on The date (a `Date` or `"YYYY-MM-DD"`).
#' @param function_id The function, e.g. `"commissioning"`, `"public-health"`.
#' @param legal `TRUE` for the body holding it in law rather than a delegate exercising it.
#' @return A data.frame with columns id, kind, name, ods, share, basis, function, via_area
#'   (share is `NA` where the data does not know it; basis says why).
#' @examples
#' ol_who(ol_load(), "Cornwall", "2007-06-01")
#' @export
ol_who <- function(lin, area, on, function_id = "commissioning", legal = FALSE) {
  as_frame(ol_call(.ol_who(check_lineage(lin), area, as_day(on), function_id, legal)))
}

#' Which bodies hold on a date what a body held
#'
#' @inheritParams ol_who
#' @param body A body id (`"pct/5QP"`), ODS or ONS code.
#' @param since The date whose holdings are followed (default: the body's own history).
#' @return A data.frame with columns id, kind, name, ods, ons, from, to, share, basis.
#' @examples
#' ol_successors(ol_load(), "ccg/01Y", "2022-07-01")
#' @export
ol_successors <- function(lin, body, on, function_id = "commissioning", since = NULL) {
  as_frame(ol_call(.ol_successors(check_lineage(lin), body, as_day(on), function_id, as_day(since))))
}

#' Where what a body held on a date came from
#'
#' @inheritParams ol_successors
#' @param back_to The earlier date whose bodies are wanted (default: one step back).
#' @return A data.frame with columns id, kind, name, ods, ons, from, to, share, basis.
#' @examples
#' ol_predecessors(ol_load(), "pct/5NT", "2007-01-01")
#' @export
ol_predecessors <- function(lin, body, on, function_id = "commissioning", back_to = NULL) {
  as_frame(ol_call(.ol_predecessors(check_lineage(lin), body, as_day(on), function_id, as_day(back_to))))
}

#' The bodies that had a code
#'
#' @inheritParams ol_who
#' @param code An ODS or ONS code, or a body id.
#' @param on The date, or `NULL` for every body that ever had the code.
#' @return A data.frame with columns id, kind, name, ods, ons, from, to.
#' @examples
#' ol_resolve(ol_load(), "01Y", "2022-06-30")
#' @export
ol_resolve <- function(lin, code, on = NULL) {
  as_frame(ol_call(.ol_resolve(check_lineage(lin), code, as_day(on))))
}

#' The bodies active on a date
#'
#' @inheritParams ol_who
#' @param kind A kind of body (`"ccg"`, `"icb"`, `"pct"`, ...), or `""` for all.
#' @return A data.frame with columns id, kind, name, ods, ons, from, to.
#' @examples
#' nrow(ol_snapshot(ol_load(), "2022-07-01", "icb"))
#' @export
ol_snapshot <- function(lin, on, kind = "") {
  as_frame(ol_call(.ol_snapshot(check_lineage(lin), as_day(on), kind)))
}

#' What changed between two dates
#'
#' @inheritParams ol_snapshot
#' @param d1,d2 The two dates.
#' @return A data.frame with columns change (ended, appeared, renamed), id, kind, name, ods, ons,
#'   from, to.
#' @examples
#' ol_diff(ol_load(), "2018-03-31", "2018-04-01", "ccg")
#' @export
ol_diff <- function(lin, d1, d2, kind = "") {
  as_frame(ol_call(.ol_diff(check_lineage(lin), as_day(d1), as_day(d2), kind)))
}

#' The groups a body belonged to on a date
#'
#' @inheritParams ol_successors
#' @return A data.frame with columns id, kind, name, ods, ons, from, to.
#' @examples
#' ol_groups(ol_load(), "pct/5D7", "2012-01-01")
#' @export
ol_groups <- function(lin, body, on) {
  as_frame(ol_call(.ol_groups(check_lineage(lin), body, as_day(on))))
}

#' Weights from the bodies of one date to those of another
#'
#' @inheritParams ol_snapshot
#' @inheritParams ol_who
#' @param from,to The two dates.
#' @return A data.frame with columns from_id, from_code, from_name, to_id, to_code, to_name,
#'   weight, basis, method.
#' @examples
#' head(ol_crosswalk(ol_load(), "2021-04-01", "2022-07-01", "ccg"))
#' @export
ol_crosswalk <- function(lin, from, to, kind = "", function_id = "commissioning") {
  as_frame(ol_call(.ol_crosswalk(check_lineage(lin), as_day(from), as_day(to), kind, function_id)))
}

#' Re-express figures of many dates' bodies in the bodies of one date
#'
#' Runs the C++ library's streaming remap (the command line's `remap`): each row's code is
#' resolved on the row's own date and its values apportioned by the crosswalk weights. Totals are
#' conserved: the mapped values sum to the values of the rows not rejected.
#'
#' @inheritParams ol_who
#' @param df A data.frame of figures.
#' @param code,date The names of the code and date columns.
#' @param value The names of the numeric columns to apportion.
#' @param to The date whose bodies the figures are re-expressed in.
#' @return A list: `mapped` (one row per target body and date), `rejects` (line, reason, message,
#'   raw: one per row that could not be mapped), `totals` (per value column).
#' @examples
#' lin <- ol_load()
#' df <- data.frame(ccg = c("01Y", "00T"), month = "2021-06-01", items = c(10, 20))
#' ol_remap(lin, df, "ccg", "month", "items", "2023-06-01")$mapped
#' @export
ol_remap <- function(lin, df, code, date, value, to, function_id = "commissioning") {
  dates <- df[[date]]
  if (inherits(dates, "Date")) dates <- format(dates, "%Y-%m-%d")
  values <- lapply(value, function(v) as.numeric(df[[v]]))
  r <- ol_call(.ol_remap(check_lineage(lin), as.character(df[[code]]), as.character(dates), value, values,
                         as_day(to), function_id))
  list(mapped = as_frame(r$mapped), rejects = as_frame(r$rejects), totals = as_frame(r$totals))
}
