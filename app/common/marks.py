"""Marks on people the user should see: scam victims, the isolated, opt-outs, and the
people excluded under one rubric and not the other (A/B).

One place says, in plain words, which marks a person carries in a frame, so that the
network's hover text and the inspector say the same thing.
"""

from __future__ import annotations

import numpy as np

__all__ = ["MARK_WORDS", "marks_of", "mark_masks"]

#: Plain words for each mark, in the order they are listed.
MARK_WORDS: dict[str, str] = {
    "scammed": "scam victim now: every payment fails",
    "was_scammed": "was scammed",
    "isolated": "isolated: no friends",
    "opted_out": "opted out (no data)",
}


def mark_masks(frame, opted_out: np.ndarray) -> dict[str, np.ndarray]:
    """bool ``(n,)`` per mark for ``frame`` ("was scammed" only once the scam is over).

    Who opted out is the frame's own (``frame.opted_out``: people switch with
    ``optout.choice``); ``opted_out`` (the first month's) only for a frame without it.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> f = NS(scammed=np.array([True, False]), was_scammed=np.array([True, True]),
    ...        degree=np.array([0, 2]))
    >>> {k: v.tolist() for k, v in mark_masks(f, np.array([False, True])).items()}
    {'scammed': [True, False], 'was_scammed': [False, True], 'isolated': [True, False], \
'opted_out': [False, True]}
    """
    n = np.asarray(frame.degree).shape[0]
    none = np.zeros(n, dtype=bool)
    scammed = none if frame.scammed is None else np.asarray(frame.scammed, dtype=bool)
    was = none if frame.was_scammed is None else np.asarray(frame.was_scammed, dtype=bool)
    return {"scammed": scammed, "was_scammed": was & ~scammed,
            "isolated": np.asarray(frame.degree) == 0,
            "opted_out": np.asarray(opted_out if getattr(frame, "opted_out", None) is None
                                    else frame.opted_out, dtype=bool)}


def marks_of(frame, opted_out: np.ndarray, i: int) -> list[str]:
    """The plain words of every mark person ``i`` carries in ``frame``."""
    masks = mark_masks(frame, opted_out)
    return [MARK_WORDS[k] for k, m in masks.items() if m[i]]
