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

import os
from typing import Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from . import _orglineage
from ._orglineage import DataError, Error, LookupError, ValidationError  # noqa: A004

__all__ = ["load", "Lineage", "Error", "DataError", "ValidationError", "LookupError", "version"]

try:  # written when the package is built: where the shipped dataset is installed and in the source tree
    from ._paths import DATA_CANDIDATES as _DATA_CANDIDATES
except ImportError:  # pragma: no cover - a build without the generated file
    _DATA_CANDIDATES = []


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
    """A date given as text, datetime, date or Timestamp, as YYYY-MM-DD."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return pd.Timestamp(value).strftime("%Y-%m-%d")


class Lineage:
    """A loaded, checked dataset. Safe to query from several threads; long calls release the GIL."""

    def __init__(self, path: Optional[str] = None):
        path = path if path is not None else _orglineage.default_data_dir(list(_DATA_CANDIDATES))
        self._lin = _orglineage.Lineage(os.fspath(path))

    @property
    def path(self) -> str:
        """The dataset directory."""
        return self._lin.path

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

    def remap(self, df: pd.DataFrame, code: str, date: str, value, to,
              function: str = "commissioning") -> Tuple[pd.DataFrame, pd.DataFrame]:
        """Re-expresses figures reported by the bodies of many dates in the bodies of ``to``.

        Runs the library's streaming remap (the command line's ``remap``). Returns ``(mapped,
        rejects)``: ``mapped`` has one row per target body and date; ``rejects`` one per row that
        could not be mapped, with its line (header is line 1) and reason. Totals are conserved:
        ``mapped[value].sum()`` equals the sum over the rows not rejected. The totals of each value
        column are in ``mapped.attrs["totals"]``.
        """
        values: Sequence[str] = [value] if isinstance(value, str) else list(value)
        dates = df[date]
        if pd.api.types.is_datetime64_any_dtype(dates):
            dates = dates.dt.strftime("%Y-%m-%d")
        mapped, rejects, totals = self._lin.remap(
            df[code].astype(str).tolist(), dates.astype(str).tolist(), list(values),
            [pd.to_numeric(df[v], errors="coerce").to_numpy(dtype="float64") for v in values],
            _day(to), function)
        out = _frame(mapped)
        out.attrs["totals"] = _frame(totals)
        rej = _frame(rejects)
        if "line" in rej:
            rej["line"] = rej["line"].astype("int64")
        return out, rej


def load(path: Optional[str] = None) -> Lineage:
    """Opens the shipped dataset (or the one at ``path``)."""
    return Lineage(path)
