# SPDX-License-Identifier: MIT
"""The Python package answers as the C++ tests do (tests/dataset/test_nhs_england.cpp), on the
shipped dataset, with the CLI's columns; remap conserves totals on a million rows."""
import numpy as np
import pandas as pd
import pytest

import orglineage


def show(df, share="share"):
    """As the C++ tests' show(): `id share` with shares to 4 significant digits, '?' when unknown."""
    def one(row):
        s = row[share]
        return row["id"] + " " + ("?" if np.isnan(s) else f"{s:.4g}")
    return ", ".join(one(r) for _, r in df.iterrows())


def test_who_commissioned_an_area_on_a_date(lin):
    # Northumberland's two CCGs in 2017 (ONS LSOA11-CCG17-LAD17 lookup, population shares).
    df = lin.who("E06000047", "2017-06-01")
    assert list(df.columns) == ["id", "kind", "name", "ods", "share", "basis", "function", "via_area", "derivation",
                                "notes"]
    assert show(df) == "ccg/00D 0.5243, ccg/00J 0.4757"
    assert lin.who("Cornwall", "2007-06-01")["id"].tolist() == ["pct/5QP"]


def test_the_readme_question_with_its_notes(lin):
    # Cornwall's code of 2009 asked in 2007: answered for its territory then (the six districts), and
    # said so: the notes column names the kinds, attrs["notes"] holds each note's text.
    df = lin.who("E06000052", "2007-06-01")
    assert df["id"].tolist() == ["pct/5QP"]
    assert df["name"].tolist() == ["Cornwall and Isles of Scilly PCT"]
    assert df["notes"].tolist() == ["derived"]
    notes = df.attrs["notes"]
    assert list(notes.columns) == ["row", "kind", "text", "about"]
    assert set(notes["kind"]) == {"derived"} and len(notes) >= 2
    assert any("not in force on 2007-06-01" in t for t in notes["text"])
    assert df.attrs["query"]["area"] == "E06000052" and df.attrs["exit"] == 0


def test_lsoas_names_and_many_places_at_once(lin):
    # An LSOA of Glossop (Tameside and Glossop PCT in 2010, NHS Derby and Derbyshire ICB in 2022).
    assert lin.who("E01019727", "2010-06-01")["id"].tolist() == ["pct/5LH"]
    assert lin.who("E01019727", "2022-07-01")["id"].tolist() == ["icb/E54000058"]
    # Several places in one call: one table, `input` the question each row answers, the index the
    # input's own labels; a question that cannot be answered is in attrs["errors"].
    q = pd.DataFrame({"area": ["E06000052", "E01019727", "Atlantis"], "on": ["2007-06-01", "2010-06-01", "2010-06-01"]},
                     index=["a", "b", "c"])
    with pytest.warns(orglineage.AnswerWarning, match="1 of 3 questions could not be answered"):
        df = lin.who(q)
    assert df["input"].tolist() == [0, 1] and df.index.tolist() == ["a", "b"]
    assert df["id"].tolist() == ["pct/5QP", "pct/5LH"]
    errors = df.attrs["errors"]
    assert errors["input"].tolist() == [2] and errors["exit"].tolist() == [1]


def test_successors_follow_the_2022_split_between_icbs(lin):
    # 01Y (NHS Tameside and Glossop CCG) went to two ICBs (ONS CCG21 -> ICB22 lookup).
    df = lin.successors("ccg/01Y", "2022-07-01")
    assert list(df.columns) == ["id", "kind", "name", "ods", "ons", "from", "to", "share", "basis", "notes"]
    assert show(df) == "icb/E54000057 0.8711, icb/E54000058 0.1289"
    assert df["basis"].tolist() == ["population", "population"]
    assert df["from"].dtype.kind == "M"
    assert df["from"].iloc[0] == pd.Timestamp("2022-07-01")


def test_predecessors_of_manchester_pct(lin):
    # Manchester's three PCTs merged into Manchester PCT on 1 Oct 2006 (Hansard 15 Mar 2010).
    df = lin.predecessors("pct/5NT", "2007-01-01")
    assert show(df) == "pct/2002/central-manchester 1, pct/2002/north-manchester 1, pct/2002/south-manchester 1"


def test_resolve_a_reused_code_on_its_date(lin):
    # 01Y was a CCG until 30 June 2022 and a sub-ICB location from 1 July 2022.
    assert lin.resolve("01Y", "2022-06-30")["kind"].tolist() == ["ccg"]
    assert lin.resolve("01Y", "2022-07-01")["kind"].tolist() == ["sub-icb"]
    assert len(lin.resolve("01Y")) == 2


def test_snapshot_counts(lin):
    # 211 CCGs on 1 April 2013, 42 ICBs on 1 July 2022 (ONS Code History Database).
    assert len(lin.snapshot("2013-04-01", "ccg")) == 211
    assert len(lin.snapshot(pd.Timestamp("2022-07-01"), "icb")) == 42


def test_groups_diff_lineage_and_crosswalk(lin):
    assert "pct-cluster/north-of-tyne" in lin.groups("pct/5D7", "2012-01-01")["id"].tolist()
    diff = lin.diff("2018-03-31", "2018-04-01", "ccg")
    assert {"ccg/02V", "ccg/03C", "ccg/03G"} <= set(diff[diff.change == "ended"]["id"])
    assert "ccg/15F" in set(diff[diff.change == "appeared"]["id"])
    bodies, links = lin.lineage("pct/5NT")
    assert "pct/2002/central-manchester" in set(bodies["id"])
    assert list(links.columns) == ["date", "event", "event_id", "from", "to", "share", "basis", "functions",
                                   "sources", "notes"]
    cw = lin.crosswalk("2021-04-01", "2022-07-01", "ccg")
    row = cw[cw.from_id == "ccg/01Y"].sort_values("weight", ascending=False)
    assert row["to_id"].tolist() == ["icb/E54000057", "icb/E54000058"]
    # Every CCG of 2021 is mapped whole onto the ICBs of 2022.
    assert np.allclose(cw.groupby("from_id")["weight"].sum(), 1.0)


def test_errors_are_python_exceptions_with_the_librarys_messages(lin):
    with pytest.raises(orglineage.LookupError, match="no body has the id, code or name 'XYZ'") as e:
        lin.successors("XYZ", "2020-01-01")
    assert e.value.exit_code == 1
    with pytest.raises(LookupError):  # also a builtin LookupError
        lin.who("Atlantis", "2020-01-01")
    with pytest.raises(orglineage.QuestionError, match="bad date '2020-02-30'"):
        lin.snapshot("2020-02-30")
    with pytest.raises(ValueError):  # also a builtin ValueError
        lin.snapshot("2020-02-30")
    with pytest.raises(orglineage.DataError):
        orglineage.load("/nonexistent/dataset")


def test_remap_of_a_million_rows_conserves_totals(lin):
    # 2014 CCG figures (every CCG of 1 April 2014, real codes) mapped onto the ICBs of 2023.
    ccgs = lin.snapshot("2014-04-01", "ccg")["ods"].dropna().tolist()
    rng = np.random.default_rng(2014)
    n = 1_000_000
    df = pd.DataFrame({
        "ccg": rng.choice(ccgs, n),
        "month": pd.to_datetime("2014-04-01") + pd.to_timedelta(rng.integers(0, 365, n), unit="D"),
        "items": rng.integers(0, 1000, n).astype("float64"),
    })
    df.loc[5, "ccg"] = "NOTACODE"  # one row that cannot be mapped, reported with its line
    mapped, rejects = lin.remap(df, code="ccg", date="month", value="items", to="2023-06-01")
    assert rejects["line"].tolist() == [7]  # header is line 1, row 5 is line 7
    assert rejects["row"].tolist() == [5]
    assert rejects["reason"].tolist() == ["unknown-code"]
    expected = df["items"].sum() - df.loc[5, "items"]
    assert mapped["items"].sum() == pytest.approx(expected, rel=1e-12)
    totals = mapped.attrs["totals"]
    assert totals.loc[0, "rejected"] == df.loc[5, "items"]
    assert set(lin.snapshot("2023-06-01", "icb")["id"]) >= set(mapped["body_id"])
