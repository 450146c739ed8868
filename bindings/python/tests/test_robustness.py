# SPDX-License-Identifier: MIT
"""No input to a package function crashes the interpreter: wrong types, None, missing and misspelt
columns, 10 MB strings, empty frames. Each call gives an answer or raises an exception; the
interpreter goes on (a crash would end this test run)."""
import datetime

import numpy as np
import pandas as pd
import pytest

import orglineage

BIG = "E" * (10 * 1024 * 1024)
BAD = [None, 42, 4.2, float("nan"), b"E06000052", ["E06000052"], {"a": 1}, object(), BIG, "", "\x00", "é",
       "\udcff", np.int64(3), pd.NaT, datetime.date(1, 1, 1)]


def survives(call, *args, **kwargs):
    """Calls; an answer (a DataFrame, a tuple of them) or an exception are both fine."""
    try:
        out = call(*args, **kwargs)
    except (orglineage.Error, TypeError, ValueError, LookupError, KeyError) as e:
        assert str(e) is not None
        return e
    assert isinstance(out, (pd.DataFrame, tuple)), type(out)
    return out


@pytest.mark.parametrize("bad", BAD, ids=lambda b: type(b).__name__ + ("-big" if b is BIG else ""))
def test_every_query_survives_a_bad_argument(lin, bad):
    good_area, good_day, good_body = "E06000052", "2007-06-01", "pct/5QP"
    survives(lin.who, bad, good_day)
    survives(lin.who, good_area, bad)
    survives(lin.who, good_area, good_day, function=bad)
    survives(lin.successors, bad, good_day)
    survives(lin.successors, good_body, bad)
    survives(lin.successors, good_body, good_day, since=bad)
    survives(lin.predecessors, bad, good_day)
    survives(lin.predecessors, good_body, good_day, back_to=bad)
    survives(lin.resolve, bad)
    survives(lin.resolve, "5QP", bad)
    survives(lin.snapshot, bad)
    survives(lin.snapshot, good_day, bad)
    survives(lin.diff, bad, good_day)
    survives(lin.groups, bad, good_day)
    survives(lin.members, bad, good_day)
    survives(lin.lineage, bad)
    survives(lin.crosswalk, bad, good_day)
    survives(lin.crosswalk, good_day, good_day, kind=bad)


def test_a_big_string_is_answered_as_unknown(lin):
    e = survives(lin.who, BIG, "2007-06-01")
    assert isinstance(e, orglineage.LookupError)
    assert len(str(e)) < 20 * 1024 * 1024


@pytest.mark.parametrize("bad", BAD, ids=lambda b: type(b).__name__ + ("-big" if b is BIG else ""))
def test_remap_survives_bad_arguments(lin, bad):
    df = pd.DataFrame({"ccg": ["01Y"], "month": ["2021-06"], "items": [1.0]})
    survives(lin.remap, bad, "ccg", "month", "items", "2023-06-01")
    survives(lin.remap, df, bad, "month", "items", "2023-06-01")
    survives(lin.remap, df, "ccg", bad, "items", "2023-06-01")
    survives(lin.remap, df, "ccg", "month", bad, "2023-06-01")
    survives(lin.remap, df, "ccg", "month", "items", bad)
    survives(lin.remap, df, "ccg", "month", "items", "2023-06-01", to_kind=bad)
    survives(lin.remap, df, "ccg", "month", "items", "2023-06-01", date_format=bad)
    survives(lin.remap, df, "ccg", "month", "items", "2023-06-01", max_rejects=bad)
    survives(lin.remap, df, "ccg", "month", "items", "2023-06-01", sizes=bad)


def test_remap_survives_odd_frames(lin):
    weird = pd.DataFrame({
        "ccg": ["01Y", None, BIG, 42, b"bytes", ["list"], "01Y"],
        "month": ["2021-06", "2021-06", "2021-06", pd.Timestamp("2021-06-01"), None, "x", BIG],
        "items": [1, "n/a", None, float("inf"), float("nan"), {"a": 1}, "12,000"],
    })
    result = survives(lin.remap, weird, "ccg", "month", "items", "2023-06-01")
    mapped, rejects = result
    # Every row but the first, each with its reason: a field over the CSV reader's 1 MiB is malformed.
    assert rejects["row"].tolist() == [1, 2, 3, 4, 5, 6]
    assert rejects["reason"].tolist() == ["bad-value", "malformed", "bad-value", "bad-date", "bad-value", "malformed"]
    survives(lin.remap, pd.DataFrame(), "ccg", "month", "items", "2023-06-01")
    survives(lin.remap, pd.DataFrame({"ccg": [], "month": [], "items": []}), "ccg", "month", "items", "2023-06-01")
    two = pd.DataFrame([[1, 2]], columns=["a", "a"])
    survives(lin.remap, two, "a", "a", "a", "2023-06-01")
    survives(lin.remap, pd.DataFrame({1: ["01Y"], 2: ["2021-06"], 3: [1]}), "1", "2", "3", "2023-06-01")
    dated = pd.DataFrame({"ccg": ["01Y"], "month": pd.to_datetime(["2021-06-01"]).tz_localize("UTC"), "items": [1]})
    mapped, rejects = lin.remap(dated, "ccg", "month", "items", "2023-06-01")
    assert rejects.empty and mapped["items"].sum() == 1


def test_load_survives_bad_paths():
    for bad in (None, 42, BIG, "", "/nonexistent", "/dev/null", "\x00"):
        try:
            orglineage.load(bad) if bad is not None else None
        except (orglineage.Error, TypeError, ValueError, OSError):
            pass


@pytest.mark.parametrize("bad", BAD, ids=lambda b: type(b).__name__ + ("-big" if b is BIG else ""))
def test_many_places_at_once_survive_bad_input(lin, bad):
    survives(lin.who, [bad, "E06000052"], "2007-06-01")
    survives(lin.who, ["E06000052", "E01019727"], [bad, "2010-06-01"])
    survives(lin.who, pd.DataFrame({"area": [bad], "on": ["2007-06-01"]}))
    survives(lin.who, pd.DataFrame({"area": ["E06000052"], "on": [bad]}))
    survives(lin.who_many, ["E06000052"], "2007-06-01", function=bad)
    survives(lin.ask, bad)
    survives(lin.ask, "who", area=bad, on="2007-06-01")
    survives(lin.search, bad)
    survives(lin.changes, bad)


def test_many_places_at_once_with_missing_columns_or_lengths(lin):
    e = survives(lin.who, pd.DataFrame({"place": ["E06000052"], "on": ["2007-06-01"]}))
    assert isinstance(e, orglineage.QuestionError) and "'area'" in str(e) and "'place'" in str(e)
    e = survives(lin.who, pd.DataFrame({"area": ["E06000052"]}))
    assert isinstance(e, orglineage.QuestionError)
    e = survives(lin.who, ["E06000052", "E01019727", "E06000047"], ["2007-06-01", "2010-06-01"])
    assert isinstance(e, orglineage.QuestionError)
    assert isinstance(survives(lin.who, [], "2007-06-01"), orglineage.QuestionError)  # the library's: 0 and 1
    with pytest.warns(orglineage.AnswerWarning):
        df = lin.who([BIG, "E06000052"], "2007-06-01")
    assert df["input"].tolist() == [1] and len(df.attrs["errors"]) == 1
