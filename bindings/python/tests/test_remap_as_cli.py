# SPDX-License-Identifier: MIT
"""remap of a DataFrame answers as `orglineage remap` answers the same figures written to CSV:
the user's column names kept, financial years, bad values rejected with their reasons and lines,
a misspelt column an error naming the columns, every option passed through."""
import io
import os
import subprocess

import pandas as pd
import pytest

import orglineage

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
FIGURES = os.path.join(ROOT, "tests", "cli", "data", "remap", "figures_years_bad_values.csv")
CLI = os.environ.get("ORGLINEAGE_CLI", "")


def run_cli(tmp_path, *args):
    rejects, notes = tmp_path / "rejects.csv", tmp_path / "notes.csv"
    proc = subprocess.run([CLI, "remap", FIGURES, "--code-column", "ccg code", "--date-column", "period",
                           "--value-column", "items", "--value-column", "cost", "--to", "2024-07-01",
                           "--rejects", str(rejects), "--notes", str(notes), "-q", *args],
                          capture_output=True, text=True)
    text = lambda p: pd.read_csv(p, dtype=str, keep_default_na=False)  # noqa: E731
    return proc, text(io.StringIO(proc.stdout)) if proc.stdout else None, text(rejects), text(notes)


@pytest.mark.parametrize("dtype", [str, None], ids=["cells-as-text", "pandas-dtypes"])
def test_remap_gives_the_clis_output_rejects_and_notes(lin, tmp_path, dtype):
    if not CLI:
        pytest.skip("ORGLINEAGE_CLI is not set (the CLI is not built)")
    # keep_default_na=False: pandas would read 'n/a' as missing (a blank cell), not as the text it is.
    df = pd.read_csv(FIGURES, dtype=dtype, keep_default_na=False)
    mapped, rejects = result = lin.remap(df, code="ccg code", date="period", value=["items", "cost"],
                                         to="2024-07-01", date_format="YYYY/YY")
    proc, out, cli_rejects, cli_notes = run_cli(tmp_path, "--date-format", "YYYY/YY")
    assert proc.returncode == 0, proc.stderr
    # The user's column names, the CLI's columns and values, row for row.
    assert list(mapped.columns) == list(out.columns)
    assert list(mapped.columns)[:4] == ["ccg code", "name", "period", "items"]
    numbers = ["items", "cost", "rows"]
    text_columns = [c for c in out.columns if c not in numbers]
    assert mapped[text_columns].fillna("").to_dict("list") == out[text_columns].to_dict("list")
    for c in numbers:  # the CLI writes each column at its precision (12.50000000000000000): same numbers
        assert mapped[c].tolist() == [float(x) for x in out[c]], c
    # The rejects: the CLI's lines, reasons and messages; 'n/a' and '12,000' are bad values.
    assert rejects["line"].tolist() == cli_rejects["line"].astype(int).tolist() == [3, 4, 7]
    assert rejects["row"].tolist() == [1, 2, 5]
    assert rejects["reason"].tolist() == cli_rejects["reason"].tolist() == ["bad-value", "bad-value", "unknown-code"]
    assert rejects["message"].tolist() == cli_rejects["message"].tolist()
    assert "'n/a' in column 'items' is not a number" in rejects["message"][0]
    # The notes, as the CLI's --notes file.
    assert result.notes.astype(str).to_dict("list") == cli_notes.to_dict("list")
    # Totals conserved to the last digit, 17-digit floats passed as written (never invented digits).
    totals = result.totals.set_index("column")
    assert totals.loc["cost", "output"] == pytest.approx(totals.loc["cost", "mapped"], rel=1e-15)
    assert result.summary["rejected"] == 3 and result.summary["rows"] == 7


def test_a_misspelt_column_is_an_error_naming_the_columns(lin):
    df = pd.read_csv(FIGURES, dtype=str, keep_default_na=False)
    for bad in ({"code": "ccg_code"}, {"date": "perod"}, {"value": "itemz"}):
        args = dict(code="ccg code", date="period", value="items", to="2024-07-01") | bad
        with pytest.raises(orglineage.QuestionError) as e:
            lin.remap(df, **args)
        wrong = next(iter(bad.values()))
        assert str(e.value) == (f"remap: no column '{wrong}' in the header (columns: 'ccg code', 'period', "
                                f"'items', 'cost')")


def test_options_reach_the_library(lin):
    df = pd.DataFrame({"ccg": ["01Y", "00T"], "month": ["2021-06", "2021-06"], "items": [10, 20]})
    by_row, _ = lin.remap(df, "ccg", "month", "items", "2023-06-01", aggregate=False)
    assert "weight" in by_row.columns and by_row["line"].tolist()[:1] == [2]
    regions, _ = lin.remap(df, "ccg", "month", "items", "2023-06-01", to_kind="region")
    assert set(regions["body_id"]).issubset(set(lin.snapshot("2023-06-01", "region")["id"]))
    assert regions["items"].sum() == 30
    with pytest.raises(orglineage.QuestionError, match="bad --date-format 'MM/YYYY'"):
        lin.remap(df, "ccg", "month", "items", "2023-06-01", date_format="MM/YYYY")
    with pytest.raises(orglineage.QuestionError, match="unknown function 'comissioning'"):
        lin.remap(df, "ccg", "month", "items", "2023-06-01", function="comissioning")
    with pytest.raises(orglineage.QuestionError, match="bad --max-rejects 'lots'"):
        lin.remap(df, "ccg", "month", "items", "2023-06-01", max_rejects="lots")


def test_no_row_mapped_or_too_many_rejects_raise_with_the_result(lin):
    df = pd.DataFrame({"ccg": ["XXX", "01Y"], "month": ["2021-06", "2021-06"], "items": [1.0, 2.0]})
    with pytest.raises(orglineage.RemapError, match=r"remap: 1 rows rejected, more than --max-rejects 0 \(0\)") as e:
        lin.remap(df, "ccg", "month", "items", "2023-06-01", max_rejects=0)
    assert e.value.result.rejects["reason"].tolist() == ["unknown-code"]
    with pytest.raises(orglineage.RemapError, match=r"remap: no row mapped \(1 rejected\)"):
        lin.remap(df.iloc[:1], "ccg", "month", "items", "2023-06-01")
    with pytest.raises(LookupError):  # the CLI's exit 1
        lin.remap(df.iloc[:1], "ccg", "month", "items", "2023-06-01")


def test_strict_raises_when_rows_carry_notes(lin):
    # Ashfield PCT (2002-2006) is known from secondary sources only, and its code is matched to its name
    # (inferred): its row says both.
    df = pd.DataFrame({"code": ["pct/2002/ashfield"], "month": ["2005-06"], "items": [20]})
    result = lin.remap(df, "code", "month", "items", "2024-07-01")
    assert result.mapped["notes"].tolist() == ["deduced;secondary-source"]
    with pytest.raises(orglineage.StrictError, match=r"--strict: 1 of 1 output rows carry notes") as e:
        lin.remap(df, "code", "month", "items", "2024-07-01", strict=True)
    assert e.value.result.notes["kind"].tolist() == ["deduced", "secondary-source"]


def test_numbers_are_passed_in_their_shortest_form(lin):
    # 0.1 + 0.2 is 0.30000000000000004 exactly as a double: written so, never with 17 invented digits
    # for 0.1; a large value beside it stays exact.
    df = pd.DataFrame({"ccg": ["01Y", "01Y"], "month": ["2021-06", "2021-06"], "items": [0.1, 5e9]})
    mapped, rejects = lin.remap(df, "ccg", "month", "items", "2021-06-30")
    assert rejects.empty
    assert mapped.attrs["totals"].loc[0, "read"] == 5000000000.1
    assert mapped["items"].sum() == pytest.approx(5000000000.1, rel=1e-15)
