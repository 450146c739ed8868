# SPDX-License-Identifier: MIT

#' @useDynLib orglineage, .registration = TRUE
#' @importFrom Rcpp sourceCpp
NULL

# Re-signals an error from the C++ library as a condition of its class (orglineage_lookup_error,
# orglineage_ambiguous_error, orglineage_question_error, orglineage_data_error,
# orglineage_validation_error, all orglineage_error) with the CLI's message; a question the answers
# layer could not answer also carries `exit` (the CLI's exit code) and `suggestions`.
ol_call <- function(expr) {
  tryCatch(expr, error = function(e) {
    parts <- strsplit(conditionMessage(e), "\x1f", fixed = TRUE)[[1]]
    if (length(parts) < 2 || !startsWith(parts[1], "orglineage_")) stop(e)
    classes <- unique(c(parts[1], if (parts[1] == "orglineage_validation_error") "orglineage_data_error",
                        if (parts[1] == "orglineage_ambiguous_error") "orglineage_lookup_error", "orglineage_error"))
    exit <- if (length(parts) >= 3) as.integer(parts[3]) else NA_integer_
    suggestions <- if (length(parts) >= 4) parts[-(1:3)] else character()
    stop(errorCondition(parts[2], class = classes, call = NULL, exit = exit, suggestions = suggestions))
  })
}

# A list of columns from C++ as a data.frame (a tibble where installed): dates as Date, unknown
# shares as NA. Built directly (structure, tibble::new_tibble): as.data.frame() and as_tibble()
# check and deparse every column, which cost a single answer milliseconds.
as_frame <- function(columns) {
  types <- attr(columns, "types")
  out <- lapply(seq_along(columns), function(i) {
    if (types[i] == "date") as.Date(columns[[i]]) else columns[[i]]
  })
  names(out) <- names(columns)
  n <- if (length(out)) length(out[[1]]) else 0L
  if (requireNamespace("tibble", quietly = TRUE)) return(tibble::new_tibble(out, nrow = n))
  structure(out, class = "data.frame", row.names = .set_row_names(n))
}

# An answer of the answers layer as a data.frame of its rows, the rest in attributes: notes (every
# note of every row: row, kind, text, about), query (how the question was read), remarks, exit.
# An empty or partial answer (the CLI's exit 1) warns with the library's reason.
as_answer <- function(a, warn = TRUE) {
  df <- as_frame(a$rows)
  notes <- as_frame(a$notes)
  if ("row" %in% names(notes)) notes$row <- notes$row + 1 # R counts rows from 1
  attr(df, "notes") <- notes
  for (name in names(a$tables)) attr(df, name) <- as_frame(a$tables[[name]])
  for (name in names(a$extra)) attr(df, name) <- a$extra[[name]]
  attr(df, "query") <- a$query
  attr(df, "remarks") <- a$remarks
  attr(df, "exit") <- a$exit
  if (warn && a$exit != 0) {
    why <- a$remarks$text[a$remarks$kind == "outcome"]
    warning(warningCondition(if (length(why)) paste(why, collapse = "; ") else "the answer is empty or partial",
                             class = "orglineage_answer_warning", call = NULL))
  }
  df
}

# The arguments of a question as the answers layer reads them: text, dates as YYYY-MM-DD, flags as
# "true"/"false"; NULL arguments are left out.
question_args <- function(args) {
  args <- args[!vapply(args, is.null, logical(1))]
  values <- vapply(names(args), function(name) {
    x <- args[[name]]
    if (is.logical(x) && length(x) == 1 && !is.na(x)) return(if (x) "true" else "false")
    if (inherits(x, c("Date", "POSIXt"))) return(as_day(x, name))
    check_text(x, name)
  }, character(1))
  list(names = if (length(args)) names(args) else character(), values = unname(values))
}

#' Ask any question by its name
#'
#' The questions of the command line's `orglineage query -` (resolve, who, successors,
#' predecessors, groups, members, snapshot, diff), answered by the library's answers layer; the
#' other `ol_` functions are this with named parameters.
#'
#' @param lin A dataset from [ol_load()].
#' @param question The question's name.
#' @param ... Its arguments, named as in `orglineage query -` (`area`, `on`, `function`, `body`,
#'   `code`, `kind`, `code_on`, `back_to`, `date1`, `date2`, `legal`, ...).
#' @return A data.frame of the answer's rows (the CLI's CSV columns and `notes`, the kinds of each
#'   row's notes), with attributes `notes` (every note: row, kind, text, about), `query`, `remarks`
#'   and `exit`.
#' @examples
#' ol_ask(ol_load(), "who", area = "Cornwall", on = "2007-06-01")
#' @export
ol_ask <- function(lin, question, ...) {
  args <- question_args(list(...))
  as_answer(ol_call(.ol_ask(check_lineage(lin), check_text(question, "question"), args$names, args$values)))
}

# A date argument as YYYY-MM-DD text: a Date (or POSIXt), or text the library checks. NULL is
# "no date" (for the optional ones); anything else is refused.
as_day <- function(x, what = "date") {
  if (is.null(x)) return("")
  if (inherits(x, c("Date", "POSIXt")) && length(x) == 1 && !is.na(x)) return(format(as.Date(x), "%Y-%m-%d"))
  check_text(x, what)
}

# A question's argument that must be one string (the library checks what it says).
check_text <- function(x, what) {
  if (!is.character(x) || length(x) != 1 || is.na(x)) {
    stop(errorCondition(sprintf("'%s' must be one character string", what),
                        class = c("orglineage_question_error", "orglineage_error"), call = NULL))
  }
  x
}

check_flag <- function(x, what) {
  if (!is.logical(x) || length(x) != 1 || is.na(x)) {
    stop(errorCondition(sprintf("'%s' must be TRUE or FALSE", what),
                        class = c("orglineage_question_error", "orglineage_error"), call = NULL))
  }
  x
}

check_lineage <- function(lin) {
  if (!inherits(lin, "orglineage")) stop("'lin' must come from ol_load()", call. = FALSE)
  lin$ptr
}

#' Open an orglineage dataset
#'
#' Loads and checks the shipped dataset of English NHS commissioning bodies (or the one at
#' `path`). The shipped dataset is found without configuration: `$ORGLINEAGE_DATA` if set, else
#' the package's own copy (installed with its compiled image, which opens in milliseconds).
#'
#' @param path A dataset directory, or `NULL` for the shipped dataset.
#' @param include_announced `TRUE` to apply the changes announced but not confirmed (the CLI's
#'   `--include-announced`).
#' @return An `orglineage` object to pass to the other `ol_` functions.
#' @examples
#' lin <- ol_load()
#' ol_who(lin, "Cornwall", "2007-06-01")
#' @export
ol_load <- function(path = NULL, include_announced = FALSE) {
  if (!is.null(path)) path <- check_text(path, "path")
  include_announced <- check_flag(include_announced, "include_announced")
  shipped <- system.file("extdata", "nhs-england", package = "orglineage")
  if (!is.null(path) && startsWith(path, "~")) path <- path.expand(path)
  ptr <- ol_call(.ol_load(if (is.null(path)) "" else path, shipped, include_announced))
  image <- attr(ptr, "image")
  structure(list(ptr = ptr, path = attr(ptr, "path"), data_version = attr(ptr, "data_version"),
                 image = if (nzchar(image)) image else NULL),
            class = "orglineage")
}

#' @export
print.orglineage <- function(x, ...) {
  cat("<orglineage dataset ", x$data_version, " at ", x$path, ">\n", sep = "")
  invisible(x)
}

#' Who held a function for a place on a date
#'
#' @param lin A dataset from [ol_load()].
#' @param area An ONS area code of any date (e.g. `"E06000052"`), an area's name (`"Cornwall"`) or
#'   an LSOA; several at once as a vector, or a data.frame with columns `area` and `on`.
#' @param on The date (a `Date` or `"YYYY-MM-DD"`); for several areas one date, or one each.
#' @param function_id The function, e.g. `"commissioning"`, `"public-health"`.
#' @param legal `TRUE` for the body holding it in law rather than a delegate exercising it.
#' @param postcode,postcode_file A postcode instead of `area`, looked up in an ONS Postcode
#'   Directory CSV.
#' @param population `TRUE` for a local authority's shares by its LSOAs' population.
#' @return A data.frame with the CLI's columns (id, kind, name, ods, share, basis, function,
#'   via_area, derivation, notes; an LSOA: location, lad); for several areas an `input_row` column
#'   (the row of the input) and the questions that could not be answered in `attr(, "errors")`.
#' @examples
#' ol_who(ol_load(), "Cornwall", "2007-06-01")
#' @export
ol_who <- function(lin, area, on = NULL, function_id = "commissioning", legal = FALSE, postcode = NULL,
                   postcode_file = NULL, population = FALSE) {
  if (is.data.frame(area) || length(area) > 1) return(ol_who_many(lin, area, on, function_id, legal))
  ol_ask(lin, "who", area = area, on = on, "function" = function_id, legal = legal, postcode = postcode,
         postcode_file = postcode_file, population = population)
}

ol_who_many <- function(lin, area, on, function_id, legal) {
  if (is.data.frame(area)) {
    if (!"area" %in% names(area) || (is.null(on) && !"on" %in% names(area))) {
      stop(errorCondition(sprintf("who: the data.frame needs columns 'area' and 'on' (columns: %s)",
                                  paste0("'", names(area), "'", collapse = ", ")),
                          class = c("orglineage_question_error", "orglineage_error"), call = NULL))
    }
    if ("on" %in% names(area)) on <- area$on
    area <- area$area
  }
  if (is.factor(area)) area <- as.character(area)
  if (!is.character(area) || anyNA(area)) {
    stop(errorCondition("'area' must be character strings without NA",
                        class = c("orglineage_question_error", "orglineage_error"), call = NULL))
  }
  if (inherits(on, c("Date", "POSIXt"))) on <- format(as.Date(on), "%Y-%m-%d")
  if (is.factor(on)) on <- as.character(on)
  if (!is.character(on) || anyNA(on) || !(length(on) %in% c(1, length(area)))) {
    stop(errorCondition("'on' must be one date, or one date for each area",
                        class = c("orglineage_question_error", "orglineage_error"), call = NULL))
  }
  df <- as_answer(ol_call(.ol_who_many(check_lineage(lin), area, on, check_text(function_id, "function_id"),
                                       check_flag(legal, "legal"))), warn = FALSE)
  df$input <- df$input + 1 # the row of the input each row answers (R counts from 1)
  errors <- attr(df, "errors")
  if (is.data.frame(errors) && nrow(errors) > 0) {
    errors$input <- errors$input + 1
    attr(df, "errors") <- errors
    warning(warningCondition(sprintf("%d of %d questions could not be answered (see attr(, \"errors\")): %s",
                                     nrow(errors), length(area), errors$message[1]),
                             class = "orglineage_answer_warning", call = NULL))
  }
  empty <- attr(df, "empty")
  if (is.data.frame(empty) && nrow(empty) > 0) {
    empty$input <- empty$input + 1
    attr(df, "empty") <- empty
  }
  df
}

#' Which bodies hold on a date what a body held
#'
#' @inheritParams ol_who
#' @param body A body id (`"pct/5QP"`), an ODS or ONS code of any date, or a name.
#' @param on The date (default: the day after the body's last day; today for a body still active).
#' @param code_on Read the code as on this date instead of `on` (codes are reused).
#' @return A data.frame with columns id, kind, name, ods, ons, from, to, share, basis, notes.
#' @examples
#' ol_successors(ol_load(), "ccg/01Y", "2022-07-01")
#' @export
ol_successors <- function(lin, body, on = NULL, function_id = "commissioning", code_on = NULL) {
  ol_ask(lin, "successors", body = body, on = on, "function" = function_id, code_on = code_on)
}

#' Where what a body held on a date came from
#'
#' @inheritParams ol_successors
#' @param on The date (default: the body's first day).
#' @param back_to The earlier date whose bodies are wanted (default: one step back).
#' @return A data.frame with columns id, kind, name, ods, ons, from, to, share, basis, notes.
#' @examples
#' ol_predecessors(ol_load(), "pct/5NT", "2007-01-01")
#' @export
ol_predecessors <- function(lin, body, on = NULL, function_id = "commissioning", code_on = NULL, back_to = NULL) {
  ol_ask(lin, "predecessors", body = body, on = on, "function" = function_id, code_on = code_on, back_to = back_to)
}

#' The bodies that had a code
#'
#' @inheritParams ol_who
#' @param code An ODS or ONS code, a body id, or a name.
#' @param on The date, or `NULL` for every body that ever had the code.
#' @return A data.frame with columns id, kind, name, ods, ons, from, to, notes.
#' @examples
#' ol_resolve(ol_load(), "01Y", "2022-06-30")
#' @export
ol_resolve <- function(lin, code, on = NULL) {
  ol_ask(lin, "resolve", code = code, on = on)
}

#' The bodies active on a date
#'
#' @inheritParams ol_who
#' @param kind A kind of body (`"ccg"`, `"icb"`, `"pct"`, ...), or `NULL` for all.
#' @return A data.frame with columns id, kind, name, ods, ons, from, to, notes.
#' @examples
#' nrow(ol_snapshot(ol_load(), "2022-07-01", "icb"))
#' @export
ol_snapshot <- function(lin, on, kind = NULL) {
  ol_ask(lin, "snapshot", on = on, kind = kind)
}

#' What changed between two dates
#'
#' @inheritParams ol_snapshot
#' @param d1,d2 The two dates.
#' @return A data.frame with columns change (ended, appeared, renamed, ...), id, kind, name, ods,
#'   ons, from, to, links, was, notes.
#' @examples
#' ol_diff(ol_load(), "2018-03-31", "2018-04-01", "ccg")
#' @export
ol_diff <- function(lin, d1, d2, kind = NULL) {
  ol_ask(lin, "diff", date1 = d1, date2 = d2, kind = kind)
}

#' The groups a body belonged to, or the members of a group
#'
#' @inheritParams ol_successors
#' @param on Only the memberships of this date (`NULL`: every one).
#' @param kind Only groups (members) of this kind.
#' @return A data.frame with columns id, kind, name, ods, ons, from, to, member_from, member_to,
#'   sources, notes.
#' @examples
#' ol_groups(ol_load(), "pct/5D7", "2012-01-01")
#' @export
ol_groups <- function(lin, body, on = NULL, kind = NULL) {
  ol_ask(lin, "groups", body = body, on = on, kind = kind)
}

#' @rdname ol_groups
#' @export
ol_members <- function(lin, body, on = NULL, kind = NULL) {
  ol_ask(lin, "members", body = body, on = on, kind = kind)
}

#' Weights from the bodies of one date to those of another
#'
#' @inheritParams ol_who
#' @param from,to The two dates.
#' @param kind A kind of body (`"ccg"`, `"icb"`, ...), or `NULL` for the holders of the function.
#' @param all_dates `TRUE` for one long table for figures of every date.
#' @return A data.frame with columns from_id, from_code, from_name, to_id, to_code, to_name,
#'   weight, basis, method, notes.
#' @examples
#' head(ol_crosswalk(ol_load(), "2021-04-01", "2022-07-01", "ccg"))
#' @export
ol_crosswalk <- function(lin, from = NULL, to = NULL, kind = NULL, function_id = "commissioning", all_dates = FALSE) {
  ol_ask(lin, "crosswalk", from = from, to = to, kind = kind, "function" = function_id, all_dates = all_dates)
}

#' The succession graph around a body
#'
#' @inheritParams ol_successors
#' @param on Read a code as on this date.
#' @param function_id Follow only the links carrying this function (`NULL`: all).
#' @param connected `TRUE` for every body connected in any direction.
#' @return A data.frame of the bodies; the links (date, event, from, to, share, basis, functions,
#'   sources, notes) in `attr(, "links")`.
#' @examples
#' attr(ol_lineage(ol_load(), "pct/5NT"), "links")
#' @export
ol_lineage <- function(lin, body, on = NULL, function_id = NULL, connected = FALSE) {
  ol_ask(lin, "lineage", body = body, on = on, "function" = function_id, connected = connected)
}

#' Bodies and areas by name
#'
#' @inheritParams ol_who
#' @param text The words to look for (a name or a part of one, in any case).
#' @param on Only bodies active and areas in force on this date (`NULL`: any date).
#' @param kind A body kind (with its family) or an area kind (`NULL`: all).
#' @param max At most this many (0: all).
#' @param bodies_only,areas_only `TRUE` for bodies only, or areas only.
#' @return A data.frame with columns type, id, kind, name, ods, ons, from, to, matched, match,
#'   notes, best first.
#' @examples
#' ol_search(ol_load(), "kernow")
#' @export
ol_search <- function(lin, text, on = NULL, kind = NULL, max = 25, bodies_only = FALSE, areas_only = FALSE) {
  if (is.numeric(max) && length(max) == 1 && !is.na(max)) max <- format(max, scientific = FALSE)
  ol_ask(lin, "search", text = text, on = on, kind = kind, max = max, bodies_only = bodies_only,
         areas_only = areas_only)
}

#' What happened on a day, or between two days
#'
#' @inheritParams ol_who
#' @param from The first day.
#' @param to The last day (`NULL`: `from` only).
#' @param kind Only events with a body of this kind on either side (`NULL`: all).
#' @return A data.frame with columns date, kind, from, to, share, basis, functions, event,
#'   source_ids, notes, by date.
#' @examples
#' ol_changes(ol_load(), "2013-04-01", kind = "ccg")
#' @export
ol_changes <- function(lin, from, to = NULL, kind = NULL) {
  ol_ask(lin, "changes", from = from, to = to, kind = kind)
}

#' Re-express figures of many dates' bodies in the bodies of one date
#'
#' Runs the C++ library's streaming remap on the data.frame exactly as the command line's `remap`
#' reads it from CSV, column names kept (numbers in their shortest round-trip form): each row's
#' code is resolved on the row's own date and its values apportioned by the crosswalk weights.
#' Every row is mapped or rejected with its reason: a cell that is not a number (`"n/a"`,
#' `"12,000"`) is a `bad-value` reject, a misspelt column an `orglineage_question_error` naming the
#' data.frame's columns. Totals are conserved: the mapped values sum to the values of the rows not
#' rejected.
#'
#' @inheritParams ol_who
#' @param df A data.frame of figures.
#' @param code,date The names of the code and date columns.
#' @param value The names of the numeric columns to apportion.
#' @param to The date whose bodies the figures are re-expressed in.
#' @param date_format How the date column is written: `"auto"`, `"YYYY-MM-DD"`, `"YYYY-MM"`,
#'   `"DD/MM/YYYY"` or `"YYYY/YY"` (financial years such as `2019/20`).
#' @param to_kind The kind of the output bodies (`"icb"`, `"sub-icb"`, `"region"`, ...); `""`: the
#'   holders of the function.
#' @param aggregate `FALSE` for one output row per input row and target (`--no-aggregate`).
#' @param nearest `TRUE`: a code not in use on its row's date goes to its nearest holder in time.
#' @param estimates `FALSE`: backwards, reject rows whose weights would be estimates.
#' @param populations `FALSE`: backwards without `sizes`, normalised forward shares.
#' @param sizes A data.frame `code, size` of the bodies of `to` (default: the shipped populations).
#' @param max_rejects Fail when more rows than N (a number), or `"P%"` of the rows, are rejected.
#' @param strict `TRUE`: fail (`orglineage_strict_error`) when output rows carry notes.
#' @return A list: `mapped` (the CLI's output; its `notes` column names the kinds of each row's
#'   caveats), `rejects` (row of `df`, CSV line, reason, message, raw), `notes` (each note of each
#'   output row, as the CLI's `--notes` file), `totals` (per value column) and `summary` (counts).
#'   No row mapped, or more rejects than `max_rejects`: an `orglineage_remap_error` (a lookup
#'   error) with the result in its `result` field.
#' @examples
#' lin <- ol_load()
#' df <- data.frame(ccg = c("01Y", "00T"), month = "2021-06-01", items = c(10, 20))
#' ol_remap(lin, df, "ccg", "month", "items", "2023-06-01")$mapped
#' @export
ol_remap <- function(lin, df, code, date, value, to, function_id = "commissioning", date_format = "auto",
                     to_kind = "", aggregate = TRUE, nearest = FALSE, estimates = TRUE, populations = TRUE,
                     sizes = NULL, max_rejects = NULL, strict = FALSE) {
  ptr <- check_lineage(lin)
  if (!is.data.frame(df)) {
    stop(errorCondition("'df' must be a data.frame", class = c("orglineage_question_error", "orglineage_error"),
                        call = NULL))
  }
  if (!is.character(value) || length(value) == 0 || anyNA(value)) {
    stop(errorCondition("'value' must name one or more columns",
                        class = c("orglineage_question_error", "orglineage_error"), call = NULL))
  }
  options <- list(code = check_text(code, "code"), date = check_text(date, "date"), value = value,
                  to = as_day(to, "to"), function_id = check_text(function_id, "function_id"),
                  to_kind = check_text(to_kind, "to_kind"), date_format = check_text(date_format, "date_format"),
                  aggregate = check_flag(aggregate, "aggregate"), nearest = check_flag(nearest, "nearest"),
                  estimates = check_flag(estimates, "estimates"), populations = check_flag(populations, "populations"),
                  max_rejects = if (is.null(max_rejects)) "" else as.character(max_rejects)[1],
                  sizes = if (is.null(sizes)) NULL else check_sizes(sizes))
  strict <- check_flag(strict, "strict")
  r <- ol_call(.ol_remap(ptr, frame_columns(df), options))
  rejects <- as_frame(r$rejects)
  rejects$row <- rejects$row + 1 # the data.frame's row (R counts from 1)
  result <- list(mapped = as_frame(r$mapped), rejects = rejects, notes = as_frame(r$notes),
                 totals = as_frame(r$totals), summary = r$summary)
  if (nzchar(r$failure)) {
    stop(errorCondition(r$failure, result = result, call = NULL,
                        class = c("orglineage_remap_error", "orglineage_lookup_error", "orglineage_error")))
  }
  noted <- r$summary$noted_output_rows
  if (strict && noted > 0) {
    stop(errorCondition(sprintf("--strict: %d of %d output rows carry notes (see the notes column)", noted,
                                r$summary$output_rows),
                        result = result, call = NULL, class = c("orglineage_strict_error", "orglineage_error")))
  }
  result
}

# The data.frame's columns as the library reads them from CSV: numbers stay numbers (written in
# their shortest round-trip form), dates as YYYY-MM-DD, factors and logicals as their text.
frame_columns <- function(df) {
  columns <- lapply(seq_along(df), function(i) {
    x <- df[[i]]
    if (inherits(x, c("Date", "POSIXt"))) return(format(as.Date(x), "%Y-%m-%d"))
    if (is.factor(x) || is.logical(x)) return(as.character(x))
    if (is.double(x) || is.integer(x) || is.character(x)) return(as.vector(x))
    stop(errorCondition(sprintf("remap: column '%s' is a %s, not numbers or text", names(df)[i], class(x)[1]),
                        class = c("orglineage_question_error", "orglineage_error"), call = NULL))
  })
  names(columns) <- names(df)
  columns
}

check_sizes <- function(sizes) {
  if (!is.data.frame(sizes) || ncol(sizes) < 2 || !is.numeric(sizes[[2]])) {
    stop(errorCondition("'sizes' must be a data.frame of code, size (numbers)",
                        class = c("orglineage_question_error", "orglineage_error"), call = NULL))
  }
  list(code = as.character(sizes[[1]]), size = as.double(sizes[[2]]))
}
