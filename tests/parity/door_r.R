# SPDX-License-Identifier: MIT
# The parity suite's R door: each question asked through the orglineage R package's own functions
# (ol_who, ol_successors, ..., ol_remap: the question's arguments are their arguments), printed as
# the raw answers parity.py compares (README.md): {"id", "exit", "error", "answer"}.
#
#   parity.py plain QUESTIONS... > plain.jsonl
#   Rscript door_r.R DATA plain.jsonl > r.jsonl        (R_LIBS: the installed package)
#
# A remap question's CSV is read as text (every cell as the file has it: 'n/a' reaches the library
# as 'n/a', as it reaches the CLI) and given to ol_remap as a data.frame.
suppressPackageStartupMessages({
  library(orglineage)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 2) stop("usage: door_r.R DATA PLAIN_QUESTIONS")
lin <- ol_load(args[1])
lines <- readLines(args[2], encoding = "UTF-8")
lines <- lines[nzchar(trimws(lines)) & !startsWith(trimws(lines), "#")]

fn <- function(a) if (is.null(a$`function`)) "commissioning" else a$`function`
flag <- function(x, default = FALSE) if (is.null(x)) default else identical(x, "true")
read_text_csv <- function(path) {
  read.csv(path, colClasses = "character", na.strings = character(), check.names = FALSE)
}

# The package function for each question, and how the question's argument names become its own.
calls <- list(
  resolve = function(a) ol_resolve(lin, a$code, a$on),
  who = function(a) ol_who(lin, a$area, a$on, fn(a), flag(a$legal), a$postcode, a$postcode_file, flag(a$population)),
  successors = function(a) ol_successors(lin, a$body, a$on, fn(a), a$code_on),
  predecessors = function(a) ol_predecessors(lin, a$body, a$on, fn(a), a$code_on, a$back_to),
  groups = function(a) ol_groups(lin, a$body, a$on, a$kind),
  members = function(a) ol_members(lin, a$body, a$on, a$kind),
  snapshot = function(a) ol_snapshot(lin, a$on, a$kind),
  diff = function(a) ol_diff(lin, a$date1, a$date2, a$kind),
  lineage = function(a) ol_lineage(lin, a$body, a$on, a$`function`, flag(a$connected)),
  search = function(a) ol_search(lin, a$text, a$on, a$kind, if (is.null(a$max)) 25 else a$max,
                                 flag(a$bodies_only), flag(a$areas_only)),
  changes = function(a) ol_changes(lin, a$from, a$to, a$kind),
  crosswalk = function(a) ol_crosswalk(lin, a$from, a$to, a$kind, fn(a), flag(a$all_dates)),
  remap = function(a) {
    ol_remap(lin, read_text_csv(a$input), a$code_column, a$date_column, strsplit(a$value_columns, ",")[[1]], a$to,
             fn(a), if (is.null(a$date_format)) "auto" else a$date_format,
             if (is.null(a$to_kind)) "" else a$to_kind, flag(a$aggregate, TRUE), flag(a$nearest),
             flag(a$estimates, TRUE), flag(a$populations, TRUE), max_rejects = a$max_rejects)
  }
)

cell <- function(x) {
  if (length(x) == 0 || is.na(x)) return(NULL)
  if (inherits(x, "Date")) return(format(x, "%Y-%m-%d"))
  x
}
records <- function(df) {
  lapply(seq_len(nrow(df)), function(i) lapply(as.list(as.data.frame(df)[i, , drop = FALSE]), function(x) cell(x[[1]])))
}
# The exit code of each condition class (a problem of the answers layer carries its own).
exit_of <- function(e) {
  if (!is.null(e$exit) && !is.na(e$exit)) return(e$exit)
  if (inherits(e, "orglineage_question_error")) return(2L)
  if (inherits(e, "orglineage_data_error")) return(3L)
  1L
}

for (line in lines) {
  q <- fromJSON(line, simplifyVector = FALSE)
  raw <- list(id = q$id, exit = 0L, error = NULL, answer = NULL)
  a <- q[setdiff(names(q), c("id", "query"))]
  out <- tryCatch(suppressWarnings(calls[[q$query]](a)), orglineage_error = function(e) e)
  if (inherits(out, "error")) {
    raw$exit <- exit_of(out)
    raw$error <- conditionMessage(out)
  } else if (q$query == "remap") {
    raw$answer <- list(results = records(out$mapped),
                       rejects = lapply(seq_len(nrow(out$rejects)), function(i)
                         list(line = out$rejects$line[i], reason = out$rejects$reason[i])))
  } else {
    raw$exit <- attr(out, "exit")
    notes <- attr(out, "notes")
    results <- lapply(seq_len(nrow(out)), function(i) {
      row <- records(out[i, setdiff(names(out), "notes")])[[1]]
      row$notes <- lapply(notes$kind[notes$row == i], function(k) list(kind = k))
      row
    })
    raw$answer <- list(query = attr(out, "query"), results = results)
  }
  cat(toJSON(raw, auto_unbox = TRUE, null = "null", digits = NA), "\n", sep = "")
}
