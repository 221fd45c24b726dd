"""Tables out: people over time (one row per person and step), and any column table as
CSV or Parquet.

:class:`PeopleWriter` streams while the run goes: each step's rows are written (CSV) or
buffered up to :data:`ROW_GROUP` rows (Parquet row groups), so memory stays bounded
whatever the number of steps. The file appears only when the writer is closed; a run
that fails or is interrupted leaves the previous file as it was and no temporary file.

Parquet needs ``pyarrow`` (the optional extra ``scorenet[parquet]``); without it a
:class:`ParquetMissing` (an OSError-free ``RuntimeError``) says which extra to install.
Parquet files carry the provenance text in their key-value metadata (key ``scorenet``).
"""

from __future__ import annotations

import contextlib
import csv
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from ..atomic import atomic_path
from ..history import format_value

__all__ = ["PEOPLE_COLUMNS", "PeopleWriter", "ParquetMissing", "require_parquet",
           "is_parquet", "write_table"]

#: Columns of the people-over-time table.
PEOPLE_COLUMNS = ("step", "id", "score", "status", "degree", "community")
#: Rows per Parquet row group (and the most rows buffered in memory).
ROW_GROUP = 1 << 16
_STATUS = np.array(["restricted", "normal", "privileged"], dtype=object)


class ParquetMissing(RuntimeError):
    """Writing Parquet was asked for but pyarrow is not installed."""


def is_parquet(path: str | os.PathLike[str]) -> bool:
    """True when ``path`` ends in ``.parquet`` (any case)."""
    return str(path).lower().endswith(".parquet")


def require_parquet(what: str = "Parquet output"):
    """Import and return ``pyarrow``, or raise :class:`ParquetMissing` naming the extra."""
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise ParquetMissing(f"{what} needs pyarrow: pip install 'scorenet[parquet]' "
                             "(or write .csv)") from None
    return pyarrow


def _arrow_table(columns: Mapping[str, Sequence], metadata: str | None):
    pa = require_parquet()
    arrays = {}
    for name, col in columns.items():
        values = np.asarray(col)
        if values.dtype == object:
            values = [v.item() if isinstance(v, np.generic) else v for v in values.tolist()]
            kinds = {type(v) for v in values}
            if len(kinds) > 1:
                values = [str(v) for v in values]
        arrays[name] = pa.array(values)
    table = pa.table(arrays)
    if metadata:
        table = table.replace_schema_metadata({"scorenet": metadata})
    return table


def write_table(path: str | os.PathLike[str], columns: Mapping[str, Sequence],
                metadata: str | None = None) -> None:
    """Write equal-length columns as CSV or Parquet (by extension), atomically."""
    if is_parquet(path):
        import pyarrow.parquet as pq

        table = _arrow_table(columns, metadata)
        with atomic_path(path) as tmp:
            pq.write_table(table, tmp)
        return
    names = list(columns)
    cols = [np.asarray(columns[c]).tolist() for c in names]
    with atomic_path(path) as tmp, open(tmp, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(names)
        for row in zip(*cols):
            w.writerow([format_value(x) for x in row])


class PeopleWriter:
    """Write one row per person and step while the simulation runs.

    Use as a context manager; call :meth:`write` after building and after each step.
    The file is committed when the block ends without an exception.

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> from models import Simulation, load_scenario
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "people.csv"
    >>> sim = Simulation(load_scenario("karate"))
    >>> with PeopleWriter(out) as people:
    ...     people.write(sim)
    ...     sim.run(2, progress=lambda done, total: people.write(sim))
    >>> pd.read_csv(out).shape
    (102, 6)
    """

    def __init__(self, path: str | os.PathLike[str], metadata: str | None = None) -> None:
        self.path = Path(path)
        self.metadata = metadata
        self.parquet = is_parquet(path)
        if self.parquet:
            require_parquet()
        self._stack = contextlib.ExitStack()
        self._buffer: list[dict[str, np.ndarray]] = []
        self._buffered = 0
        self._id_text: list[str] | None = None

    def __enter__(self) -> PeopleWriter:
        tmp = self._stack.enter_context(atomic_path(self.path))
        if self.parquet:
            self._tmp = tmp
            self._pq = None
        else:
            self._fh = self._stack.enter_context(open(tmp, "w", newline="", encoding="utf-8"))
            self._csv = csv.writer(self._fh)
            self._csv.writerow(PEOPLE_COLUMNS)
        return self

    def write(self, sim) -> None:
        """Append the rows of the simulation's current step."""
        n = sim.n
        cols = {"step": np.full(n, sim.step_count, dtype=np.int64), "id": sim.ids,
                "score": np.asarray(sim.scores, dtype=np.float64),
                "status": _STATUS[sim.status.astype(np.int64) + 1],
                "degree": sim.degree().astype(np.int64),
                "community": np.asarray(sim.communities(), dtype=np.int64)}
        if not self.parquet:
            # Column-wise text, the same cells as format_value gives, without a call per cell.
            if self._id_text is None:
                self._id_text = [format_value(x) for x in sim.ids.tolist()]
            self._csv.writerows(zip(
                [str(sim.step_count)] * n, self._id_text, map(repr, cols["score"].tolist()),
                cols["status"].tolist(), map(str, cols["degree"].tolist()),
                map(str, cols["community"].tolist())))
            return
        self._buffer.append(cols)
        self._buffered += n
        if self._buffered >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if not self._buffer:
            return
        import pyarrow.parquet as pq

        merged = {c: np.concatenate([b[c] for b in self._buffer]) for c in PEOPLE_COLUMNS}
        table = _arrow_table(merged, self.metadata)
        if self._pq is None:
            self._pq = pq.ParquetWriter(self._tmp, table.schema)
        self._pq.write_table(table)
        self._buffer, self._buffered = [], 0

    def __exit__(self, kind, exc, tb) -> bool:
        try:
            if self.parquet and kind is None:
                self._flush()
            if self.parquet and self._pq is not None:
                self._pq.close()
        except BaseException as err:
            self._stack.__exit__(type(err), err, err.__traceback__)
            raise
        return bool(self._stack.__exit__(kind, exc, tb))
