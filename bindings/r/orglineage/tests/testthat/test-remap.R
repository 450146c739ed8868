# ol_remap() answers as `orglineage remap` answers the same figures written to CSV: the user's
# column names kept, financial years, bad values rejected with their reasons and lines, a misspelt
# column an error naming the columns, the options passed through.
lin <- ol_load()

figures_csv <- c("ccg code,period,items,cost",
                 "11N,2019/20,100,12.5",
                 "01Y,2021/22,n/a,3",
                 "01Y,2021/22,\"12,000\",4",
                 "00T,2020/21,250,0.30000000000000004",
                 "15M,2023/24,40,52.12",
                 "XXX,2020/21,5,1",
                 "00T,2020/21,,7")

read_text <- function(path) read.csv(path, colClasses = "character", check.names = FALSE, na.strings = character())

test_that("remap gives the CLI's output, rejects and notes for the same figures", {
  cli <- Sys.getenv("ORGLINEAGE_CLI")
  skip_if(cli == "", "ORGLINEAGE_CLI is not set (the CLI is not built)")
  dir <- tempfile()
  dir.create(dir)
  file <- file.path(dir, "figures.csv")
  writeLines(figures_csv, file)
  out <- system2(cli, c("remap", shQuote(file), "--code-column", shQuote("ccg code"), "--date-column", "period",
                        "--value-column", "items", "--value-column", "cost", "--to", "2024-07-01",
                        "--date-format", "YYYY/YY", "--rejects", file.path(dir, "rejects.csv"),
                        "--notes", file.path(dir, "notes.csv"), "-q", "-o", file.path(dir, "out.csv")))
  expect_equal(out, 0)
  for (cells in c("text", "typed")) {
    df <- if (cells == "text") read_text(file) else read.csv(file, check.names = FALSE)
    r <- ol_remap(lin, df, "ccg code", "period", c("items", "cost"), "2024-07-01", date_format = "YYYY/YY")
    expected <- read_text(file.path(dir, "out.csv"))
    expect_equal(names(r$mapped), names(expected))
    expect_equal(names(r$mapped)[1:4], c("ccg code", "name", "period", "items"))
    for (column in names(expected)) {
      if (column %in% c("items", "cost", "rows")) {
        expect_equal(r$mapped[[column]], as.numeric(expected[[column]]), tolerance = 1e-15)
      } else {
        expect_equal(ifelse(is.na(r$mapped[[column]]), "", r$mapped[[column]]), expected[[column]])
      }
    }
    rejects <- read_text(file.path(dir, "rejects.csv"))
    expect_equal(r$rejects$line, as.numeric(rejects$line))
    expect_equal(r$rejects$line, c(3, 4, 7))
    expect_equal(r$rejects$row, c(2, 3, 6))
    expect_equal(r$rejects$reason, c("bad-value", "bad-value", "unknown-code"))
    expect_equal(r$rejects$message, rejects$message)
    notes <- read_text(file.path(dir, "notes.csv"))
    expect_equal(r$notes$kind, notes$kind)
    expect_equal(r$notes$note, notes$note)
    expect_equal(r$summary$rejected, 3)
  }
})

test_that("a misspelt column is an error naming the data.frame's columns", {
  df <- read_text(textConnection(figures_csv))
  expect_error(ol_remap(lin, df, "ccg_code", "period", "items", "2024-07-01"),
               "remap: no column 'ccg_code' in the header (columns: 'ccg code', 'period', 'items', 'cost')",
               fixed = TRUE, class = "orglineage_question_error")
  expect_error(ol_remap(lin, df, "ccg code", "perod", "items", "2024-07-01"), "no column 'perod'",
               class = "orglineage_question_error")
  expect_error(ol_remap(lin, df, "ccg code", "period", "itemz", "2024-07-01"), "no column 'itemz'",
               class = "orglineage_question_error")
})

test_that("options reach the library; no row mapped and strict are errors carrying the result", {
  df <- data.frame(ccg = c("01Y", "00T"), month = "2021-06", items = c(10L, 20L))
  by_row <- ol_remap(lin, df, "ccg", "month", "items", "2023-06-01", aggregate = FALSE)$mapped
  expect_true("weight" %in% names(by_row))
  regions <- ol_remap(lin, df, "ccg", "month", "items", "2023-06-01", to_kind = "region")$mapped
  expect_equal(sum(regions$items), 30)
  expect_error(ol_remap(lin, df, "ccg", "month", "items", "2023-06-01", date_format = "MM/YYYY"),
               "bad --date-format 'MM/YYYY'", class = "orglineage_question_error")
  bad <- data.frame(ccg = "XXX", month = "2021-06", items = 1)
  e <- tryCatch(ol_remap(lin, bad, "ccg", "month", "items", "2023-06-01"), orglineage_lookup_error = identity)
  expect_s3_class(e, "orglineage_remap_error")
  expect_equal(conditionMessage(e), "remap: no row mapped (1 rejected)")
  expect_equal(e$result$rejects$reason, "unknown-code")
  # Ashfield PCT (2002-2006) is known from secondary sources only, and its code is matched to its name
  # (inferred): its row says both.
  ashfield <- data.frame(code = "pct/2002/ashfield", month = "2005-06", items = 20)
  expect_equal(ol_remap(lin, ashfield, "code", "month", "items", "2024-07-01")$mapped$notes, "deduced;secondary-source")
  e <- tryCatch(ol_remap(lin, ashfield, "code", "month", "items", "2024-07-01", strict = TRUE),
                orglineage_strict_error = identity)
  expect_s3_class(e, "orglineage_strict_error")
  expect_equal(conditionMessage(e), "--strict: 1 of 1 output rows carry notes (see the notes column)")
  expect_equal(e$result$notes$kind, c("deduced", "secondary-source"))
})

test_that("numbers are passed in their shortest form, never with invented digits", {
  df <- data.frame(ccg = "01Y", month = "2021-06", items = c(0.1, 5e9))
  r <- ol_remap(lin, df, "ccg", "month", "items", "2021-06-30")
  expect_equal(nrow(r$rejects), 0)
  expect_equal(r$totals$read, 5000000000.1)
})
