"""Drawing the people: wealth, reliability, stability, groups and who opts out.

All draws come from the generator passed in; nothing here touches global random state.
See ``docs/model.md`` for the reasoning behind each choice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from scipy.special import ndtr

__all__ = ["Population", "draw_population", "encode_groups"]


@dataclass
class Population:
    """Fixed traits of the N people (arrays of length N).

    Attributes
    ----------
    wealth
        Percentile in (0, 1) of each person's log-normal wealth draw.
    amount
        The wealth draw itself, ``exp(sigma * z)`` (median 1): what spending scales with.
    reliability
        Propensity to pay on time in (0, 1), correlated with wealth by ``rho``.
    stability
        Personal characteristics in (0, 1), shifted down by ``group_gap`` across groups.
    group
        Integer group code per person, indexing ``group_labels``.
    group_labels
        The label of each group code (from the graph file where it has them).
    opted_out
        True for people who do not take part.
    """

    wealth: np.ndarray
    amount: np.ndarray
    reliability: np.ndarray
    stability: np.ndarray
    group: np.ndarray
    group_labels: list
    opted_out: np.ndarray


def encode_groups(labels: np.ndarray) -> tuple[np.ndarray, list]:
    """Integer codes for group labels, in label order: numbers by value, then text.

    Examples
    --------
    >>> codes, names = encode_groups(np.array(["b", "a", "b"], dtype=object))
    >>> codes.tolist(), names
    ([1, 0, 1], ['a', 'b'])
    >>> encode_groups(np.array(["10", "2", "1"], dtype=object))[1]
    ['1', '2', '10']
    """
    as_text = [str(x) for x in labels]
    first: dict[str, object] = {}
    for lab, txt in zip(labels, as_text):
        first.setdefault(txt, lab)
    names_text = sorted(first, key=_label_key)
    code_of = {t: k for k, t in enumerate(names_text)}
    codes = np.fromiter((code_of[t] for t in as_text), np.int64, len(as_text))
    return codes, [first[t] for t in names_text]


_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def _label_key(text: str) -> tuple:
    """Numbers by value (``"2"`` before ``"10"``), then other labels by text."""
    if _NUMBER.fullmatch(text.strip()):
        return (0, float(text), text)
    return (1, 0.0, text)


def draw_population(n: int, *, wealth_sigma: float, rho: float, groups: int, group_gap: float,
                    optout_share: float, rng: np.random.Generator,
                    given_groups: np.ndarray | None = None,
                    minority_share: float = 0.0) -> Population:
    """Draw N people.

    Parameters
    ----------
    n
        Number of people.
    wealth_sigma, rho, groups, group_gap, optout_share
        The ``[population]`` parameters of the scenario.
    rng
        The generator to draw from.
    given_groups
        Group labels from the graph (one per person); when None, each person is put in
        one of ``groups`` groups at random, labelled ``"g0"``, ``"g1"``...: uniformly,
        or, with ``minority_share > 0``, the last group with that chance and the others
        equally likely.
    minority_share
        The share of the last (worst-off) group; 0 for groups of equal size.

    Examples
    --------
    >>> p = draw_population(1000, wealth_sigma=1.0, rho=0.5, groups=2, group_gap=0.5,
    ...                     optout_share=0.1, rng=np.random.default_rng(0))
    >>> bool((p.wealth > 0).all() and (p.wealth < 1).all())
    True
    """
    z = rng.standard_normal(n)
    e_rel = rng.standard_normal(n)
    e_stab = rng.standard_normal(n)
    u_opt = rng.random(n)
    if given_groups is None:
        if minority_share > 0 and groups > 1:
            probs = np.full(groups, (1.0 - minority_share) / (groups - 1))
            probs[-1] = minority_share
            codes = rng.choice(groups, size=n, p=probs).astype(np.int64)
        else:
            codes = rng.integers(0, groups, size=n).astype(np.int64)
        labels = [f"g{k}" for k in range(groups)]
    else:
        codes, labels = encode_groups(np.asarray(given_groups, dtype=object))
    k = len(labels)
    # Group 0 is best off; the gap is spread linearly down to the last group.
    offset = -group_gap * codes / (k - 1) if k > 1 else np.zeros(n)
    # Centre the offsets so the population's mean stability does not move with the gap.
    offset = offset + group_gap / 2 if k > 1 else offset
    wealth = ndtr(z)
    c = float(np.clip(rho, -1.0, 1.0))
    reliability = ndtr(c * z + np.sqrt(1.0 - c * c) * e_rel)
    stability = ndtr(e_stab + offset)
    eps = np.finfo(float).eps
    return Population(
        wealth=np.clip(wealth, eps, 1 - eps),
        amount=np.exp(wealth_sigma * z),
        reliability=np.clip(reliability, eps, 1 - eps),
        stability=np.clip(stability, eps, 1 - eps),
        group=codes,
        group_labels=list(labels),
        opted_out=u_opt < optout_share,
    )
