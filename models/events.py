"""One month of life events: bills paid or missed, scams, violations, spending.

Perks and restrictions act here: they change the chance of missing a bill and how much
a person spends. Everything is vectorised over people; on a large network
(:func:`models.accel.use_kernels`) a month is one compiled pass
(:func:`models.kernels.people.life_month`) after the same draws, with the same bits as
:func:`numpy_month`, the reference.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .accel import use_kernels

__all__ = ["decay_factor", "faded", "live_month", "miss_probability", "numpy_month",
           "prior_record", "relieve_scams", "spending", "STATUS_RESTRICTED", "STATUS_NORMAL",
           "STATUS_PRIVILEGED", "status_of", "zero_where"]

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
    if use_kernels(scores.shape[0]) and scores.dtype == np.float64 and scores.ndim == 1:
        from .kernels.people import status_pass

        return status_pass(scores, float(privileged_at), float(restricted_below))
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


def live_month(sim: Any, sc: Any, rng: np.random.Generator) -> np.ndarray:
    """One month of life events on a simulation's state; returns who missed a payment.

    ``sim`` is the :class:`~models.simulation.Simulation` (its ``n``, ``step_count``,
    ``pop``, ``status`` and the records below), ``sc`` its applied scenario, ``rng``
    its events stream. Scams start (``scam_left``, ``scam_start``, ``ever_scammed``
    and ``scam_debt`` change in place), bills are paid or missed (``scammed_now``),
    ``missed``, ``scam_debt`` and ``violations`` fade and grow as new arrays, verified
    relief cleans records, and ``potential_spend`` and ``consumption`` are drawn. The
    draws: two uniforms, the violations and the spending noise, n each, in that order.
    """
    if use_kernels(sim.n) and all(a.dtype == np.float64 for a in (
            sim.pop.reliability, sim.pop.amount, sim.missed, sim.scam_debt, sim.violations)):
        return _kernel_month(sim, sc, rng)
    return numpy_month(sim, sc, rng)


def numpy_month(sim: Any, sc: Any, rng: np.random.Generator) -> np.ndarray:
    """:func:`live_month` in numpy, one array at a time (the reference)."""
    n = sim.n
    t = sim.step_count
    duration = sc["events.scam_duration"]
    new_scam = np.flatnonzero((rng.random(n) < sc["events.scam_rate"]) & (sim.scam_left == 0))
    if duration > 0:
        sim.scam_left[new_scam] = duration
        # A new scam before an old one's relief keeps the old debt for the new relief.
        sim.scam_debt[new_scam[sim.scam_start[new_scam] < 0]] = 0.0
        sim.scam_start[new_scam] = t
        sim.ever_scammed[new_scam] = True
    p = miss_probability(
        sim.pop.reliability, sim.status, base_miss_rate=sc["events.base_miss_rate"],
        perks_on=sc["perks.enabled"], perk_miss_factor=sc["perks.perk_miss_factor"],
        restriction_miss_factor=sc["perks.restriction_miss_factor"])
    ordinary = rng.random(n) < p
    scammed = sim.scammed_now = sim.scam_left > 0   # a scam made payments fail
    missed_now = ordinary | scammed
    decay = decay_factor(sc["events.forgiveness_half_life"])
    sim.missed = faded(sim.missed, decay, missed_now)
    sim.scam_debt = faded(sim.scam_debt, decay, scammed & ~ordinary)
    if sc["events.scam_relief"] == "verified":
        relieve_scams(sim.missed, sim.scam_debt, sim.scam_start, t, sc["events.relief_delay"])
    np.maximum(sim.scam_left - 1, 0, out=sim.scam_left)
    # A scam is forgotten once over and, under verified relief, once relieved.
    done = (sim.scam_left == 0) & (sim.scam_start >= 0)
    if sc["events.scam_relief"] == "verified":
        done &= t - sim.scam_start >= sc["events.relief_delay"]
    sim.scam_start[done] = -1
    sim.violations = faded(sim.violations, decay, rng.poisson(sc["events.violation_rate"], n))
    noise = sc["events.spend_noise"] * rng.standard_normal(n)
    sim.potential_spend = spending(
        sim.pop.amount, noise, sim.status, np.zeros(n, dtype=bool),
        perks_on=sc["perks.enabled"], perk_spend_factor=sc["perks.perk_spend_factor"],
        restricted_spend_cap=sc["perks.restricted_spend_cap"])
    sim.consumption = zero_where(sim.pop.opted_out, sim.potential_spend)
    return missed_now


def _kernel_month(sim: Any, sc: Any, rng: np.random.Generator) -> np.ndarray:
    """:func:`live_month` in one compiled pass over the people (the same bits): the
    same draws first, in the same order (no draw depends on the month's outcomes),
    and numpy's exp of the spending noise."""
    from .kernels.people import life_month
    from .kernels.poisson import poisson_small

    n = sim.n
    first = rng.random(n)
    second = rng.random(n)
    poisson = poisson_small(rng, sc["events.violation_rate"], n)   # = rng.poisson(rate, n)
    noise = rng.standard_normal(n)
    np.multiply(noise, sc["events.spend_noise"], out=noise)
    growth = np.exp(noise)
    (sim.missed, sim.scam_debt, sim.violations, sim.scammed_now, missed_now,
     sim.potential_spend, sim.consumption) = life_month(
        first, second, poisson, growth, sim.pop.reliability, sim.status, sim.pop.amount,
        sim.pop.opted_out, sim.scam_left, sim.scam_start, sim.ever_scammed, sim.scam_debt,
        sim.missed, sim.violations, int(sim.step_count),
        int(sc["events.scam_duration"]), float(sc["events.scam_rate"]),
        float(sc["events.base_miss_rate"] * 2.0), bool(sc["perks.enabled"]),
        np.array([sc["perks.restriction_miss_factor"], 1.0, sc["perks.perk_miss_factor"]],
                 dtype=np.float64),
        np.array([1.0, 1.0, sc["perks.perk_spend_factor"]], dtype=np.float64),
        np.array([sc["perks.restricted_spend_cap"], math.inf, math.inf], dtype=np.float64),
        float(decay_factor(sc["events.forgiveness_half_life"])),
        sc["events.scam_relief"] == "verified", int(sc["events.relief_delay"]))
    return missed_now
