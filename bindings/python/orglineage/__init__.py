# SPDX-License-Identifier: MIT
"""orglineage: the lineage of English NHS commissioning bodies, 2002 to today.

Every query is answered by orglineage's C++ library; this package lays its answers out as pandas
DataFrames with the same columns as the command line's CSV: dates as ``datetime64``, shares and
weights as floats (NaN where the data does not know the share; the ``basis`` column says why).

    >>> import orglineage
    >>> lin = orglineage.load()
    >>> lin.who("Cornwall", "2007-06-01")[["id", "name", "share"]]
"""
from __future__ import annotations

import datetime
import os
from typing import Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from . import _orglineage
from ._orglineage import DataError, Error, LookupError, QuestionError, ValidationError  # noqa: A004

__all__ = ["load", "Lineage", "RemapResult", "Error", "DataError", "ValidationError", "LookupError",
           "QuestionError", "RemapError", "StrictError", "version"]

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


def _frame(table: dict) -> pd.DataFrame:
    data = {}
    for name, kind in zip(table["columns"], table["types"]):
        values = table["data"][name]
        if kind == "date":
            data[name] = pd.to_datetime(pd.Series(values, dtype="object"), format="%Y-%m-%d")
        elif kind == "number":
            data[name] = np.asarray(values, dtype="float64")
        else:
            data[name] = pd.Series(values, dtype="object")
    return pd.DataFrame(data, columns=table["columns"])


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

    def who(self, area: str, on, function: str = "commissioning", legal: bool = False) -> pd.DataFrame:
        """Bodies holding ``function`` for ``area`` (ONS code or name) on ``on``, with their shares."""
        return _frame(self._lin.who(area, _day(on), function, legal))

    def successors(self, body: str, on, function: str = "commissioning", since=None) -> pd.DataFrame:
        """Bodies holding on ``on`` what ``body`` (id, ODS or ONS code) held on ``since``."""
        return _frame(self._lin.successors(body, _day(on), function, _day(since)))

    def predecessors(self, body: str, on, function: str = "commissioning", back_to=None) -> pd.DataFrame:
        """Where what ``body`` held on ``on`` came from: one step back, or the bodies of ``back_to``."""
        return _frame(self._lin.predecessors(body, _day(on), function, _day(back_to)))

    def resolve(self, code: str, on=None) -> pd.DataFrame:
        """The bodies that had ``code`` on ``on`` (every holder when ``on`` is None)."""
        return _frame(self._lin.resolve(code, _day(on)))

    def snapshot(self, on, kind: str = "") -> pd.DataFrame:
        """Bodies active on ``on`` (of one kind, or all)."""
        return _frame(self._lin.snapshot(_day(on), kind))

    def diff(self, d1, d2, kind: str = "") -> pd.DataFrame:
        """Bodies that ended, appeared or were renamed between two dates."""
        return _frame(self._lin.diff(_day(d1), _day(d2), kind))

    def groups(self, body: str, on) -> pd.DataFrame:
        """The groups (SHA, cluster, region, ICB, ...) ``body`` belonged to on ``on``."""
        return _frame(self._lin.groups(body, _day(on)))

    def members(self, group: str, on) -> pd.DataFrame:
        """The members of ``group`` on ``on``."""
        return _frame(self._lin.members(group, _day(on)))

    def lineage(self, body: str) -> Tuple[pd.DataFrame, pd.DataFrame]:
        """The bodies and the links (with events and sources) connected to ``body``."""
        bodies, links = self._lin.lineage(body)
        return _frame(bodies), _frame(links)

    def crosswalk(self, frm, to, kind: str = "", function: str = "commissioning") -> pd.DataFrame:
        """Weights re-expressing figures of the bodies of ``frm`` in the bodies of ``to``."""
        return _frame(self._lin.crosswalk(_day(frm), _day(to), kind, function))

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
