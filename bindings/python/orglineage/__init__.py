# SPDX-License-Identifier: MIT
"""orglineage: the lineage of English NHS commissioning bodies, 2002 to today.

Every question is answered by orglineage's C++ library (its answers layer, the same that answers
the command line); this package lays each answer out as a pandas DataFrame with the command line's
CSV columns: dates as ``datetime64``, shares and weights as floats (NaN where the data does not
know the share; the ``basis`` column says why), and a ``notes`` column naming the kinds of each
row's notes. ``df.attrs`` holds the rest of the answer: ``notes`` (a DataFrame of every note of
every row: ``row``, ``kind``, ``text``, ``about``), ``query`` (how the question was read),
``remarks`` and ``exit`` (the CLI's exit code). A question that cannot be answered raises
``LookupError`` (not found, ambiguous: with ``.suggestions``), ``QuestionError`` (a bad date,
function, kind or argument) or ``DataError``, with the CLI's message.

    >>> import orglineage
    >>> lin = orglineage.load()
    >>> lin.who("Cornwall", "2007-06-01")[["id", "name", "share"]]
"""
from __future__ import annotations

import datetime
import os
import warnings
from typing import Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from . import _orglineage
from ._orglineage import DataError, Error, LookupError, QuestionError, ValidationError  # noqa: A004

__all__ = ["load", "Lineage", "RemapResult", "Error", "DataError", "ValidationError", "LookupError",
           "AmbiguousError", "QuestionError", "RemapError", "StrictError", "AnswerWarning", "version"]


class AmbiguousError(LookupError):
    """The words stand for several places or bodies; ``.suggestions`` lists them."""


class AnswerWarning(UserWarning):
    """An answer that is empty or partial, with the library's reason (the CLI's exit 1 and remark)."""


_PROBLEMS = {"not_found": LookupError, "ambiguous": AmbiguousError, "bad_question": QuestionError,
             "bad_data": DataError}


def _raise(problem: dict):
    """A problem of the answers layer as this package's exception, with the CLI's message, the
    suggestions and the exit code."""
    e = _PROBLEMS[problem["kind"]](problem["message"])
    e.suggestions, e.exit_code, e.kind = list(problem["suggestions"]), problem["exit"], problem["kind"]
    raise e

_HERE = os.path.dirname(os.path.abspath(__file__))
try:  # written by the build: the dataset of the source tree, or where `cmake --install` put it
    from ._paths import DATA_CANDIDATES as _BUILT_CANDIDATES
except ImportError:  # a wheel: no such file, the dataset is inside the package
    _BUILT_CANDIDATES = []
# After $ORGLINEAGE_DATA: the dataset inside the package (pip), then the one the build names
# (absolute, or relative to this directory).
_DATA_CANDIDATES = [os.path.join(_HERE, "data", "nhs-england")] + [
    os.path.normpath(os.path.join(_HERE, p)) for p in _BUILT_CANDIDATES]


def version() -> str:
    """The version of the C++ library."""
    return _orglineage.version()


def _frame(table: dict, index=None) -> pd.DataFrame:
    """A column table from the module as a DataFrame: dates as datetime64, numbers as float64 (whole
    numbers as int64 where none is missing), flags as booleans, text as objects. Built from numpy
    arrays in one go (Series per column cost a single answer milliseconds)."""
    data = {}
    for name, kind in zip(table["columns"], table["types"]):
        values = table["data"][name]
        if kind == "date":  # YYYY-MM-DD text or None (NaT)
            data[name] = np.array(values, dtype="datetime64[D]").astype("datetime64[ns]")
        elif kind in ("number", "integer"):
            numbers = np.asarray(values, dtype="float64")
            whole = kind == "integer" and not np.isnan(numbers).any()
            data[name] = numbers.astype("int64") if whole else numbers
        elif kind == "boolean":
            data[name] = pd.array(values, dtype="boolean")
        else:
            text = np.empty(len(values), dtype=object)
            text[:] = values
            data[name] = text
    df = pd.DataFrame(data)  # in the columns' order (no columns=: that path builds a Series a column)
    if index is not None:
        df.index = index
    return df


def _answer(r: dict, warn: bool = True, index=None) -> pd.DataFrame:
    """An answer from the module: its rows, with the rest of the answer in ``attrs``: ``notes``,
    ``query``, ``remarks``, ``exit``, and the answer's further tables (lineage's ``links``, the
    ``errors`` and ``empty`` of a vectorised who) and members by their names."""
    if "problem" in r:
        _raise(r["problem"])
    a = r["answer"]
    df = _frame(a["rows"], index=index)
    df.attrs.update(a["extra"])
    df.attrs.update({name: _frame(t) for name, t in a["tables"].items()})
    df.attrs.update(notes=_frame(a["notes"]), query=a["query"], remarks=list(a["remarks"]), exit=a["exit"])
    if warn and a["exit"] != 0:
        why = [text for kind, text in a["remarks"] if kind == "outcome"]
        warnings.warn("; ".join(why) or "the answer is empty or partial", AnswerWarning, stacklevel=3)
    return df


def _day(value) -> Optional[str]:
    """A date given as text (checked by the library), datetime, date, Timestamp or datetime64, as
    YYYY-MM-DD; None stays None (an optional date). Anything else is a TypeError."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (datetime.date, np.datetime64)):
        stamp = pd.Timestamp(value)
        if pd.isna(stamp):
            raise QuestionError("bad date 'NaT' (expected YYYY-MM-DD, a real calendar day)")
        return stamp.strftime("%Y-%m-%d")
    raise TypeError(f"a date must be a str, date, datetime or Timestamp, not {type(value).__name__}")


class RemapResult(tuple):
    """What ``Lineage.remap`` gives: ``(mapped, rejects)``, and the rest of what the command line's
    ``remap`` writes as attributes: ``notes`` (its ``--notes`` file: each note of each output row,
    ``output_row`` 1 being ``mapped``'s first row), ``totals`` (each value column's totals) and
    ``summary`` (the counts)."""

    def __new__(cls, mapped, rejects, notes, totals, summary):
        self = super().__new__(cls, (mapped, rejects))
        self.mapped, self.rejects, self.notes, self.totals, self.summary = mapped, rejects, notes, totals, summary
        return self


class RemapError(LookupError):
    """No row mapped, or more rows rejected than ``max_rejects`` allows (the CLI's exit 1); the
    result is in ``.result``."""

    def __init__(self, message, result):
        super().__init__(message)
        self.result = result


class StrictError(Error):
    """``strict=True`` and output rows carry notes (the CLI's ``--strict``, exit 4); the result is
    in ``.result``."""

    def __init__(self, message, result):
        super().__init__(message)
        self.result = result


_DATE_ARGUMENTS = {"on", "code_on", "back_to", "date1", "date2", "from", "to"}


def _text(value, what: str) -> str:
    """A text argument, refused (TypeError) when it is not text."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    return value


def _frame_columns(df: pd.DataFrame):
    """The frame's columns as the library reads them: float64 arrays for numbers (written in their
    shortest round-trip form), lists of cells for anything else (None for a missing cell)."""
    columns = []
    for name in df.columns:
        col = df[name]
        if isinstance(col, pd.DataFrame):  # a repeated column name
            raise QuestionError(f"remap: the column name '{name}' is repeated")
        if pd.api.types.is_bool_dtype(col.dtype):
            values = col.astype(object)
        elif pd.api.types.is_float_dtype(col.dtype) or (
                pd.api.types.is_integer_dtype(col.dtype) and not col.isna().any()
                and (col.abs() <= 2 ** 53).all()):
            columns.append((str(name), col.to_numpy(dtype="float64", na_value=np.nan)))
            continue
        elif pd.api.types.is_datetime64_any_dtype(col.dtype):  # as the day it falls on, YYYY-MM-DD
            stamps = (col.dt.tz_localize(None) if col.dt.tz is not None else col).to_numpy()
            text = np.datetime_as_string(stamps.astype("datetime64[D]"), unit="D").astype(object)
            text[pd.isna(stamps)] = None
            columns.append((str(name), text.tolist()))
            continue
        else:
            values = col.astype(object)
        values = values.where(values.notna(), None)
        columns.append((str(name), values.tolist()))
    return columns


class Lineage:
    """A loaded, checked dataset. Safe to query from several threads; long calls release the GIL."""

    def __init__(self, path: Optional[str] = None, include_announced: bool = False):
        path = path if path is not None else _orglineage.default_data_dir(list(_DATA_CANDIDATES))
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"path must be a str or a path, not {type(path).__name__}")
        self._lin = _orglineage.Lineage(os.fspath(path), bool(include_announced))

    @property
    def path(self) -> str:
        """The dataset directory."""
        return self._lin.path

    @property
    def image(self) -> Optional[str]:
        """The compiled image the dataset was opened from (None: its YAML and tables were read)."""
        return self._lin.image or None

    @property
    def data_version(self) -> str:
        """The dataset's version (e.g. 2026.1)."""
        return self._lin.data_version

    def ask(self, question: str, **arguments) -> pd.DataFrame:
        """Any question by its name (resolve, who, successors, predecessors, groups, members,
        snapshot, diff) with its arguments as ``orglineage query -`` takes them; the methods below
        are this with named parameters."""
        args = []
        for name, value in arguments.items():
            if value is None:
                continue
            if isinstance(value, bool):
                value = "true" if value else "false"
            elif name in _DATE_ARGUMENTS:
                value = _day(value)
            args.append((name, _text(value, name)))
        return _answer(self._lin.ask(_text(question, "question"), args))

    def who(self, area, on=None, function: str = "commissioning", legal: bool = False, postcode=None,
            postcode_file=None, population: bool = False) -> pd.DataFrame:
        """Bodies holding ``function`` for a place on ``on``: an ONS area code of any date, an area's
        name, an LSOA, or a ``postcode`` looked up in ``postcode_file``. Many places at once: a list,
        array or Series of areas (``on`` one date, or one per area), or a DataFrame with ``area`` and
        ``on`` columns: one answer (``Answers::who_many``) whose rows carry ``input`` (the position
        of the question they answer) and are indexed by the input's own index labels; the questions
        that could not be answered are in ``attrs["errors"]``, those nobody held in ``attrs["empty"]``."""
        if isinstance(area, (pd.DataFrame, pd.Series, list, tuple, np.ndarray)):
            return self.who_many(area, on, function=function, legal=legal)
        return self.ask("who", area=area, on=on, function=function, legal=legal, postcode=postcode,
                        postcode_file=postcode_file, population=population)

    def who_many(self, areas, on=None, function: str = "commissioning", legal: bool = False) -> pd.DataFrame:
        """``who`` for many places in one call (see ``who``)."""
        index = None
        if isinstance(areas, pd.DataFrame):
            missing = [c for c in ("area", "on") if c not in areas.columns and not (c == "on" and on is not None)]
            if missing:
                raise QuestionError(f"who: no column {', '.join(repr(c) for c in missing)} in the frame "
                                    f"(columns: {', '.join(repr(str(c)) for c in areas.columns)})")
            index = areas.index
            on = areas["on"] if "on" in areas.columns else on
            areas = areas["area"]
        if isinstance(areas, pd.Series):
            index = areas.index if index is None else index
        area_list = [_text(a, "each area") for a in list(areas)]
        if on is None:
            raise QuestionError("'who' needs 'on'")
        if isinstance(on, (pd.Series, list, tuple, np.ndarray)):
            dates = [_day(d) for d in list(on)]
        else:
            dates = [_day(on)]
        if any(d is None for d in dates):
            raise QuestionError("'who' needs 'on' for every area")
        r = self._lin.who_many(area_list, dates, _text(function, "function"), bool(legal))
        df = _answer(r, warn=False)
        # The index: the input's own labels of the question each row answers (column `input`: its
        # position, as the library gives it).
        labels = np.arange(len(area_list)) if index is None else index.to_numpy()
        df.index = labels[df["input"].to_numpy(dtype="int64")] if len(df) else df.index
        errors = df.attrs.get("errors")
        if errors is not None and len(errors):
            warnings.warn(f"{len(errors)} of {len(area_list)} questions could not be answered (see attrs['errors']): "
                          f"{errors['message'].iloc[0]}", AnswerWarning, stacklevel=2)
        return df

    def successors(self, body: str, on=None, function: str = "commissioning", code_on=None) -> pd.DataFrame:
        """Bodies that on ``on`` hold what ``body`` (an id, an ODS or ONS code of any date, or a name)
        held; without ``on``: the day after its last day (today for a body still active)."""
        return self.ask("successors", body=body, on=on, function=function, code_on=code_on)

    def predecessors(self, body: str, on=None, function: str = "commissioning", code_on=None,
                     back_to=None) -> pd.DataFrame:
        """Where what ``body`` held on ``on`` (default: its first day) came from: one step back, or the
        bodies of ``back_to``."""
        return self.ask("predecessors", body=body, on=on, function=function, code_on=code_on, back_to=back_to)

    def resolve(self, code: str, on=None) -> pd.DataFrame:
        """The bodies that had ``code`` on ``on`` (every holder when ``on`` is None), or the body a
        name stands for."""
        return self.ask("resolve", code=code, on=on)

    def snapshot(self, on, kind=None) -> pd.DataFrame:
        """Bodies active on ``on`` (of one kind, or all)."""
        return self.ask("snapshot", on=on, kind=kind)

    def diff(self, date1, date2, kind=None) -> pd.DataFrame:
        """Bodies that ended, appeared or changed between two dates."""
        return self.ask("diff", date1=date1, date2=date2, kind=kind)

    def groups(self, body: str, on=None, kind=None) -> pd.DataFrame:
        """The groups (SHA, cluster, region, ICB, ...) ``body`` belonged to (on ``on``, or ever)."""
        return self.ask("groups", body=body, on=on, kind=kind)

    def members(self, body: str, on=None, kind=None) -> pd.DataFrame:
        """The members of the group ``body`` (on ``on``, or ever)."""
        return self.ask("members", body=body, on=on, kind=kind)

    def lineage(self, body: str, on=None, function=None, connected: bool = False) -> Tuple[pd.DataFrame, pd.DataFrame]:
        """The bodies and the links (with events and sources) around ``body``."""
        bodies = self.ask("lineage", body=body, on=on, function=function, connected=connected)
        return bodies, bodies.attrs.get("links", pd.DataFrame())

    def crosswalk(self, frm=None, to=None, kind=None, function: str = "commissioning", sizes=None,
                  all_dates: bool = False) -> pd.DataFrame:
        """Weights re-expressing figures of the bodies of ``frm`` in the bodies of ``to`` (``all_dates``:
        one long table for figures of every date)."""
        return self.ask("crosswalk", **{"from": frm}, to=to, kind=kind, function=function, sizes=sizes,
                        all_dates=all_dates)

    def search(self, text: str, on=None, kind=None, max=25, bodies_only: bool = False,  # noqa: A002
               areas_only: bool = False) -> pd.DataFrame:
        """Bodies and areas by name, best matches first."""
        return self.ask("search", text=text, on=on, kind=kind, max=str(max), bodies_only=bodies_only,
                        areas_only=areas_only)

    def changes(self, frm, to=None, kind=None) -> pd.DataFrame:
        """What happened on a day (or from ``frm`` to ``to``)."""
        return self.ask("changes", **{"from": frm}, to=to, kind=kind)

    def remap(self, df: pd.DataFrame, code: str, date: str, value, to, function: str = "commissioning", *,
              date_format: str = "auto", to_kind: str = "", aggregate: bool = True, nearest: bool = False,
              estimates: bool = True, populations: bool = True, sizes: Optional[pd.DataFrame] = None,
              max_rejects=None, strict: bool = False) -> RemapResult:
        """Re-expresses figures reported by the bodies of many dates in the bodies of ``to``.

        The frame goes through the library's streaming remap exactly as the command line's
        ``remap`` reads it from CSV, column names kept (numbers in their shortest round-trip
        form): every row is mapped or rejected with its reason, a cell that is not a number
        ('n/a', '12,000') is a ``bad-value`` reject, a misspelt column a ``QuestionError`` naming
        the frame's columns. The options are the CLI's: ``date_format`` (auto, YYYY-MM-DD, YYYY-MM,
        DD/MM/YYYY, YYYY/YY: financial years such as 2019/20), ``to_kind``, ``aggregate``
        (``--no-aggregate``), ``nearest``, ``estimates`` (``--no-estimates``), ``populations``
        (``--no-populations``), ``sizes`` (a frame of ``code, size``), ``max_rejects`` (N or
        "P%"), ``strict``; announced changes apply when the dataset was loaded with
        ``include_announced=True``.

        Returns a ``RemapResult``: ``mapped, rejects = lin.remap(...)``; ``mapped`` is the CLI's
        output (its ``notes`` column names the kinds of each row's caveats), ``rejects`` has the
        frame's ``row``, the CSV ``line`` (header is line 1), ``reason``, ``message`` and ``raw``;
        ``.notes``, ``.totals`` and ``.summary`` the rest. ``row`` is the frame's index label of the row. Raises ``RemapError`` when no row mapped
        or more were rejected than ``max_rejects``; ``StrictError`` when ``strict`` and rows carry
        notes (each with the result in ``.result``).
        """
        if not isinstance(df, pd.DataFrame):
            raise TypeError(f"df must be a pandas DataFrame, not {type(df).__name__}")
        values: Sequence[str] = [value] if isinstance(value, str) else list(value)
        o = _orglineage.RemapOptions()
        o.code_column = _text(code, "code")
        o.date_column = _text(date, "date")
        o.value_columns = [_text(v, "each value column") for v in values]
        o.to = _day(to)
        o.function = _text(function, "function")
        o.to_kind = _text(to_kind, "to_kind")
        o.date_format = _text(date_format, "date_format")
        o.aggregate, o.nearest, o.estimates, o.populations = bool(aggregate), bool(nearest), bool(estimates), bool(
            populations)
        o.max_rejects = "" if max_rejects is None else str(max_rejects)
        if sizes is not None:
            if not isinstance(sizes, pd.DataFrame):
                raise TypeError(f"sizes must be a pandas DataFrame of code, size, not {type(sizes).__name__}")
            o.sizes_csv = sizes.to_csv(index=False)
        r = self._lin.remap(_frame_columns(df), o)
        if "problem" in r:
            _raise(r["problem"])
        mapped, rejects = _frame(r["mapped"]), _frame(r["rejects"])
        rejects["line"] = rejects["line"].astype("int64")
        rejects["row"] = df.index.to_numpy()[rejects["row"].to_numpy(dtype="int64")]  # the frame's own labels
        notes = _frame(r["notes"])
        for name in ("output_row", "rows"):
            notes[name] = notes[name].astype("int64")
        result = RemapResult(mapped, rejects, notes, _frame(r["totals"]), r["summary"])
        mapped.attrs["totals"] = result.totals
        if r["failure"]:
            raise RemapError(r["failure"], result)
        noted, total = r["summary"]["noted_output_rows"], r["summary"]["output_rows"]
        if strict and noted:
            raise StrictError(f"--strict: {noted} of {total} output rows carry notes (see the notes column)", result)
        return result


def load(path: Optional[str] = None, include_announced: bool = False) -> Lineage:
    """Opens the shipped dataset (or the one at ``path``); ``include_announced`` applies the changes
    announced but not confirmed (the CLI's ``--include-announced``)."""
    return Lineage(path, include_announced)
