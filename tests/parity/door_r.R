# SPDX-License-Identifier: MIT
# The parity suite's R door: each question of QUESTIONS asked through the orglineage R package's
# own functions (ol_who, ol_successors, ...: the question's arguments are their arguments), printed
# as the raw answers parity.py compares (README.md): {"id", "exit", "error", "answer"}.
#
#   Rscript door_r.R DATA QUESTIONS > r.jsonl        (R_LIBS: the installed package)
suppressPackageStartupMessages({
  library(orglineage)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 2) stop("usage: door_r.R DATA QUESTIONS")
lin <- ol_load(args[1])
lines <- readLines(args[2], encoding = "UTF-8")
lines <- lines[nzchar(trimws(lines)) & !startsWith(trimws(lines), "#")]

# The package function for each question, and how the question's argument names become its own.
calls <- list(
  resolve = function(a) ol_resolve(lin, a$code, a$on),
  who = function(a) ol_who(lin, a$area, a$on, if (is.null(a$`function`)) "commissioning" else a$`function`,
                           identical(a$legal, "true"), a$postcode, a$postcode_file, identical(a$population, "true")),
  successors = function(a) ol_successors(lin, a$body, a$on, if (is.null(a$`function`)) "commissioning" else a$`function`,
                                         a$code_on),
  predecessors = function(a) ol_predecessors(lin, a$body, a$on,
                                             if (is.null(a$`function`)) "commissioning" else a$`function`, a$code_on,
                                             a$back_to),
  groups = function(a) ol_groups(lin, a$body, a$on, a$kind),
  members = function(a) ol_members(lin, a$body, a$on, a$kind),
  snapshot = function(a) ol_snapshot(lin, a$on, a$kind),
  diff = function(a) ol_diff(lin, a$date1, a$date2, a$kind)
)

cell <- function(x) {
  if (length(x) == 0 || is.na(x)) return(NULL)
  if (inherits(x, "Date")) return(format(x, "%Y-%m-%d"))
  x
}

for (line in lines) {
  q <- fromJSON(line, simplifyVector = FALSE)
  raw <- list(id = q$id, exit = 0L, error = NULL, answer = NULL)
  a <- q[setdiff(names(q), c("id", "query", "expect"))]
  out <- tryCatch(suppressWarnings(calls[[q$query]](a)), orglineage_error = function(e) e)
  if (inherits(out, "error")) {
    raw$exit <- if (is.null(out$exit) || is.na(out$exit)) 2L else out$exit # the package's own checks: usage
    raw$error <- conditionMessage(out)
  } else {
    raw$exit <- attr(out, "exit")
    notes <- attr(out, "notes")
    results <- lapply(seq_len(nrow(out)), function(i) {
      row <- lapply(as.list(out[i, setdiff(names(out), "notes")]), function(x) cell(x[[1]]))
      row$notes <- lapply(notes$kind[notes$row == i], function(k) list(kind = k))
      row
    })
    raw$answer <- list(query = attr(out, "query"), results = results)
  }
  cat(toJSON(raw, auto_unbox = TRUE, null = "null", digits = NA), "\n", sep = "")
}
