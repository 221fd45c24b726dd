"""A sweep as a pandas table, notebook style: each block below could be a cell.

Run it with ``python docs/examples/sweep_pandas.py`` (needs pandas: ``pip install
'scorenet[tables]'``). It runs in this process (``workers=1``), so it also works pasted
into a notebook; pass ``workers=2`` (in a script with a ``__main__`` guard) for a pool.
"""

from __future__ import annotations

import sys

from models import sweep

STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 24

# %% Two parameters, two seeds: one tidy row per run and step.
df = sweep("karate", vary={"rubric.social": [0.0, 0.4], "dating.display_scores": [True, False]},
           seeds=2, steps=STEPS)
print(df.shape, "columns:", ", ".join(df.columns[:6]), "...")

# %% The last month of every run.
last = df[df["step"] == STEPS]

# %% Mean over seeds per grid point, as a small wide table.
table = (last.groupby(["rubric.social", "dating.display_scores"])[["assortativity", "gini"]]
         .mean().round(3))
print(table)

# %% How far apart do the seeds land? (the spread an interval is built from)
spread = last.groupby("rubric.social")["assortativity"].agg(["mean", "std", "count"])
print(spread.round(3))
