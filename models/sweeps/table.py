"""A sweep's tidy table, its summary over seeds, and the files written from them.

The table has one row per run and step: every varied key (named as the key), ``seed``,
``step``, then every metric column of the simulation's history, ordered by grid point,
seed and step. Numbers are written as ``scorenet run`` writes them (``repr`` of each
float), so the same sweep always writes the same bytes. A side file
``<results>.meta.toml`` says how the results were made, in the format of every other
output's sidecar (:mod:`models.io.provenance`); the ``.meta.json`` of older versions is
still read by :func:`read_meta`.
"""

from __future__ import annotations

import csv
import json
import math
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from ..atomic import atomic_path, write_text_atomic
from ..errors import ScenarioError
from ..history import format_value
from ..schema import FIELD_BY_NAME
from .runner import SweepOutcome

__all__ = ["Columns", "tidy_columns", "summary_columns", "as_table", "write_table",
           "write_meta", "meta_path", "interval"]

#: A table as named numpy columns, in order.
Columns = dict[str, np.ndarray]

_DTYPES = {float: np.float64, int: np.int64, bool: np.bool_, str: object}


def _metric_names(outcome: SweepOutcome) -> tuple[str, ...]:
    names: tuple[str, ...] | None = None
    for i in sorted(outcome.results):
        cols = outcome.results[i][0]
        if names is None:
            names = cols
        elif cols != names:
            raise RuntimeError(f"run {i} has metric columns {cols}, others {names}")
    return names or ()


def _key_array(key: str, values: list[Any]) -> np.ndarray:
    dtype = _DTYPES[FIELD_BY_NAME[key].type]
    out = np.empty(len(values), dtype=dtype)
    out[:] = values
    return out


def tidy_columns(outcome: SweepOutcome) -> Columns:
    """The finished runs as one tidy table of named columns (see the module docstring)."""
    plan = outcome.plan
    names = _metric_names(outcome)
    has_step = "step" in names
    metrics = [c for c in names if c != "step"]
    runs = [r for r in plan.runs() if r.index in outcome.results]
    blocks = [outcome.results[r.index][1] for r in runs]
    lengths = [b.shape[0] for b in blocks]
    table: Columns = {}
    for key in plan.keys:
        table[key] = _key_array(key, [v for r, n in zip(runs, lengths)
                                      for v in [r.values[key]] * n])
    table["seed"] = np.repeat(np.array([r.seed for r in runs], dtype=np.int64), lengths)
    stacked = np.concatenate(blocks) if blocks else np.empty((0, len(names)))
    if has_step:
        table["step"] = stacked[:, names.index("step")].astype(np.int64)
    else:
        table["step"] = np.concatenate([np.arange(n, dtype=np.int64) for n in lengths]) \
            if blocks else np.empty(0, dtype=np.int64)
    for c in metrics:
        table[c] = stacked[:, names.index(c)].copy()
    return table


#: The range each bounded metric has by definition (shares, Gini and AUC in [0, 1],
#: scores in [350, 950], assortativity in [-1, 1], counts from 0). The t interval of a
#: few seeds can reach past it (a share's low bound of -0.14 with two seeds); its bounds
#: are clipped to the range, so they stay values the metric can take.
BOUNDS: dict[str, tuple[float, float]] = {
    **{m: (0.0, 1.0) for m in ("gini", "restricted_share", "privileged_share",
                               "isolated_share", "giant_share", "bottom_isolated_share",
                               "optout_share", "score_auc")},
    "mean_score": (350.0, 950.0), "median_score": (350.0, 950.0),
    "assortativity": (-1.0, 1.0), "dating_assortativity": (-1.0, 1.0),
    **{m: (0.0, math.inf) for m in ("components", "friend_ties", "dating_ties",
                                    "mean_degree")},
}


def interval(values: np.ndarray, bounds: tuple[float, float] | None = None
             ) -> tuple[float, float, float]:
    """Mean and a 95% Student-t interval for the mean of the finite values, its bounds
    clipped to ``bounds`` (the metric's range, see :data:`BOUNDS`) when given.

    With fewer than two finite values the interval is (nan, nan).

    Examples
    --------
    >>> [round(x, 3) for x in interval(np.array([1.0, 2.0, 3.0]))]
    [2.0, -0.484, 4.484]
    >>> [round(x, 3) for x in interval(np.array([1.0, 2.0, 3.0]), (0.0, 4.0))]
    [2.0, 0.0, 4.0]
    """
    x = np.asarray(values, dtype=np.float64)
    x = x[np.isfinite(x)]
    if x.size == 0:
        return math.nan, math.nan, math.nan
    mean = float(x.mean())
    if x.size < 2:
        return mean, math.nan, math.nan
    from scipy.stats import t   # lazy: scipy.stats takes longer to import than a run

    half = float(t.ppf(0.975, x.size - 1) * x.std(ddof=1) / math.sqrt(x.size))
    low, high = mean - half, mean + half
    if bounds is not None:
        low, high = max(low, bounds[0]), min(high, bounds[1])
    return mean, low, high


def summary_columns(outcome: SweepOutcome) -> Columns:
    """Per grid point: the runs found and, for each metric at the last step, its mean
    over seeds and a 95% interval (``<metric>_mean``, ``_low``, ``_high``; clipped to
    the metric's range, :data:`BOUNDS`)."""
    plan = outcome.plan
    metrics = [c for c in _metric_names(outcome) if c != "step"]
    names = _metric_names(outcome)
    rows: list[dict[str, Any]] = []
    runs = plan.runs()
    per_point = len(plan.seeds)
    for p, point in enumerate(plan.points()):
        done = [outcome.results[r.index][1] for r in runs[p * per_point:(p + 1) * per_point]
                if r.index in outcome.results]
        row: dict[str, Any] = dict(point)
        row["runs"] = len(done)
        last = np.array([b[-1] for b in done]).reshape(len(done), len(names))
        for c in metrics:
            row[f"{c}_mean"], row[f"{c}_low"], row[f"{c}_high"] = interval(
                last[:, names.index(c)], BOUNDS.get(c))
        rows.append(row)
    table: Columns = {k: _key_array(k, [r[k] for r in rows]) for k in plan.keys}
    table["runs"] = np.array([r["runs"] for r in rows], dtype=np.int64)
    for c in metrics:
        for part in ("mean", "low", "high"):
            table[f"{c}_{part}"] = np.array([r[f"{c}_{part}"] for r in rows], dtype=np.float64)
    return table


def as_table(columns: Columns, frame: bool | None = None):
    """A pandas DataFrame when pandas is installed (or ``frame`` is True), else the dict."""
    if frame is False:
        return columns
    try:
        import pandas as pd
    except ImportError:
        if frame:
            raise
        return columns
    return pd.DataFrame({k: v for k, v in columns.items()})


def write_table(path: str | os.PathLike[str], columns: Columns,
                meta: str | Mapping[str, Any] | None = None) -> None:
    """Write a table atomically as CSV, or as Parquet when ``path`` ends in ``.parquet``
    (which carries ``meta`` under the key ``scorenet``: the side file's text, or a
    mapping written as JSON)."""
    path = Path(path)
    if path.suffix.lower() == ".parquet":
        _write_parquet(path, columns, meta)
        return
    names = list(columns)
    cells = [c.tolist() for c in columns.values()]
    with atomic_path(path) as tmp, open(tmp, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(names)
        for row in zip(*cells):
            w.writerow([format_value(x) for x in row])


def _write_parquet(path: Path, columns: Columns, meta: str | Mapping[str, Any] | None) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ScenarioError(str(path), "", "writing Parquet needs pyarrow "
                            "(pip install pyarrow), or name a .csv file") from None
    table = pa.table({k: (v.tolist() if v.dtype == object else v) for k, v in columns.items()})
    if meta is not None:
        text = meta if isinstance(meta, str) else json.dumps(dict(meta), sort_keys=True)
        table = table.replace_schema_metadata({"scorenet": text})
    with atomic_path(path) as tmp:
        pq.write_table(table, tmp)


def meta_path(path: str | os.PathLike[str]) -> Path:
    """The side file that says how ``path`` was made (``FILE.meta.toml``)."""
    from ..io.provenance import sidecar_path

    return sidecar_path(path)


def _old_meta_path(path: str | os.PathLike[str]) -> Path:
    path = Path(path)
    return path.with_name(path.name + ".meta.json")


def write_meta(path: str | os.PathLike[str], meta: str) -> None:
    """Write the side file of ``path`` atomically: ``meta`` is its TOML text
    (:func:`models.sweeps.describe`). A ``.meta.json`` an older version left beside
    ``path`` described the results just replaced, so it goes."""
    write_text_atomic(meta_path(path), meta)
    try:
        _old_meta_path(path).unlink()
    except FileNotFoundError:
        pass


def read_meta(path: str | os.PathLike[str]) -> dict[str, Any] | None:
    """The ``[made_by]`` table of ``path``'s side file, or None when it has none.

    Reads ``FILE.meta.toml``, else the ``FILE.meta.json`` of older versions, whose keys
    are mapped to the new names (``scorenet_version`` to ``version``, the rest as they
    were).
    """
    import tomllib

    new, old = meta_path(path), _old_meta_path(path)
    if new.is_file():
        return tomllib.loads(new.read_text(encoding="utf-8")).get("made_by", {})
    if old.is_file():
        data = json.loads(old.read_text(encoding="utf-8"))
        if "scorenet_version" in data:
            data["version"] = data.pop("scorenet_version")
        return data
    return None
