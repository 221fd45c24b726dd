"""One month of life events: bills paid or missed, scams, violations, spending.

Perks and restrictions act here: they change the chance of missing a bill and how much
a person spends. Everything is vectorised over people.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["decay_factor", "faded", "miss_probability", "prior_record", "relieve_scams",
           "spending", "STATUS_RESTRICTED", "STATUS_NORMAL", "STATUS_PRIVILEGED", "status_of",
           "zero_where"]

STATUS_RESTRICTED = -1
STATUS_NORMAL = 0
STATUS_PRIVILEGED = 1


def decay_factor(half_life: float) -> float:
    """Monthly decay ``2 ** (-1 / half_life)``: 1 for an infinite half-life, 0 for zero.

    Examples
    --------
    >>> decay_factor(1.0), decay_factor(math.inf), decay_factor(0.0)
    (0.5, 1.0, 0.0)
    """
    if half_life <= 0:
        return 0.0
    if math.isinf(half_life):
        return 1.0
    return 2.0 ** (-1.0 / half_life)


def faded(record: np.ndarray, decay: float, new: np.ndarray) -> np.ndarray:
    """A record faded by a month, plus this month's: ``record * decay + new`` as a new
    array (callers may hold the old one), made once and added to in place."""
    out = record * decay
    out += new
    return out


def zero_where(mask: np.ndarray, values: np.ndarray) -> np.ndarray:
    """``np.where(mask, 0.0, values)``: a copy, zero where ``mask`` is set."""
    out = values.copy()
    if mask.any():
        out[mask] = 0.0
    return out


def status_of(scores: np.ndarray, privileged_at: float, restricted_below: float) -> np.ndarray:
    """-1 restricted (below ``restricted_below``), 1 privileged (at or above
    ``privileged_at``), 0 otherwise.

    Examples
    --------
    >>> status_of(np.array([400.0, 600.0, 700.0]), 700, 550).tolist()
    [-1, 0, 1]
    """
    # One pass per test, no masked writes; restricted wins where both hold.
    up = (scores >= privileged_at).view(np.int8)
    return np.where(scores < restricted_below, np.int8(STATUS_RESTRICTED), up)


def miss_probability(reliability: np.ndarray, status: np.ndarray, *, base_miss_rate: float,
                     perks_on: bool, perk_miss_factor: float,
                     restriction_miss_factor: float) -> np.ndarray:
    """Monthly chance of missing a bill.

    ``base_miss_rate * 2 * (1 - reliability)``, so a person of median reliability misses
    at the base rate; multiplied by the perk or restriction factor when perks are on.
    """
    p = base_miss_rate * 2.0 * (1.0 - reliability)
    if perks_on:
        # The factor of each status by table look-up: the same products as choosing it
        # with np.where, in a third of the passes.
        p *= _by_status(status, restriction_miss_factor, 1.0, perk_miss_factor)
    return np.clip(p, 0.0, 1.0, out=p)


def _by_status(status: np.ndarray, restricted: float, normal: float,
               privileged: float) -> np.ndarray:
    """One value per person, chosen by status (-1, 0, 1)."""
    table = np.array([restricted, normal, privileged], dtype=np.float64)
    return table.take(status.astype(np.intp) + 1)


def spending(amount: np.ndarray, noise: np.ndarray, status: np.ndarray, opted_out: np.ndarray,
             *, perks_on: bool, perk_spend_factor: float,
             restricted_spend_cap: float) -> np.ndarray:
    """Platform spending this month: wealth times log-normal noise, shaped by status.

    ``noise`` is a standard-normal draw scaled by the caller. Privileged people spend
    ``perk_spend_factor`` times more; restricted people at most ``restricted_spend_cap``
    (a multiple of the median person's wealth). People who opted out spend nothing on the
    platform.
    """
    c = amount * np.exp(noise)
    if perks_on:
        # Multiplying by 1.0 and taking the minimum with infinity leave a value as it
        # is, so table look-ups give the bits of choosing with np.where.
        c *= _by_status(status, 1.0, 1.0, perk_spend_factor)
        np.minimum(c, _by_status(status, restricted_spend_cap, math.inf, math.inf), out=c)
    if opted_out.any():
        c[opted_out] = 0.0
    return c


def prior_record(reliability: np.ndarray, *, months: int, base_miss_rate: float,
                 violation_rate: float, decay: float,
                 rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """The decayed counts of missed payments and violations people bring to step 0.

    ``months`` months of ordinary life (no scams, no perks or restrictions) before the run
    starts, so that the first steps show a society in its usual state rather than
    everyone climbing down from a clean record. ``months = 0``: everyone starts clean.

    Examples
    --------
    >>> m, v = prior_record(np.full(3, 0.5), months=0, base_miss_rate=0.1,
    ...                     violation_rate=0.1, decay=0.9, rng=np.random.default_rng(0))
    >>> m.tolist(), v.tolist()
    ([0.0, 0.0, 0.0], [0.0, 0.0, 0.0])
    """
    n = reliability.shape[0]
    missed = np.zeros(n)
    violations = np.zeros(n)
    p = np.clip(base_miss_rate * 2.0 * (1.0 - reliability), 0.0, 1.0)
    for _ in range(months):
        missed = missed * decay + (rng.random(n) < p)
        violations = violations * decay + rng.poisson(violation_rate, n)
    return missed, violations


def relieve_scams(missed: np.ndarray, scam_debt: np.ndarray, scam_start: np.ndarray, step: int,
                  relief_delay: int) -> np.ndarray:
    """Verified scam relief: remove a scam's misses from the record after the delay.

    ``scam_debt`` holds, decayed like ``missed``, the misses that a current scam caused
    (months the victim would have paid but for the scam). Where ``relief_delay`` months
    have passed since the scam began (``scam_start``, -1 for none), that debt is
    subtracted from ``missed`` and cleared, in place; from then on the scam's misses are
    cleared the month they happen. Returns who was relieved this month.

    Examples
    --------
    >>> missed, debt = np.array([3.0, 2.0]), np.array([2.0, 2.0])
    >>> relieve_scams(missed, debt, np.array([1, 4]), step=5, relief_delay=3).tolist()
    [True, False]
    >>> missed.tolist(), debt.tolist()
    ([1.0, 2.0], [0.0, 2.0])
    """
    due = (scam_start >= 0) & (step - scam_start >= relief_delay)
    if due.any():
        missed[due] = np.maximum(missed[due] - scam_debt[due], 0.0)
        scam_debt[due] = 0.0
    return due
