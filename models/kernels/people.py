"""Kernels of the per-person passes of a step: the life events and the score.

Each numpy twin makes one temporary array per operation (a comparison, a product, a
masked write), so a month of life events or a score is a dozen passes over 100,000
people; here each is one loop doing, per person, the same IEEE operations in the same
order (no fastmath, so nothing is fused or reordered). Sums over many people stay
numpy's (its pairwise order); exp and the random draws stay numpy's too and come in as
arrays.

numpy's ``maximum``, ``minimum`` and ``clip`` on floats are reproduced exactly,
including their choice between +0.0 and -0.0 and their NaN: ``_max_np`` and friends.

Twins: :func:`life_month` of ``models.events.numpy_month``; :func:`reciprocal_history`,
:func:`pack_values`, :func:`percentile_from_packed`, :func:`rank_places`, :func:`spread`
and :func:`fill_where` of ``models.score.base_components`` and
``behaviour_percentile``; :func:`combine5` of ``models.score.combine``;
:func:`status_pass` of ``models.events.status_of``; :func:`scaled` and
:func:`social_from_sums` of ``models.score.social_component`` after its mat-vecs.

Not here: the social term's two triangle mat-vecs, in models/kernels/triangles.py (one
pass over the lower triangle; a kernel gathering each row as scipy does was no faster
than scipy).
"""

from __future__ import annotations

import math

import numpy as np

from ._jit import kernel

__all__ = ["combine5", "fill_where", "life_month", "pack_values", "percentile_from_packed",
           "rank_places", "reciprocal_history", "scaled", "social_from_sums", "spread",
           "status_pass"]


@kernel
def _max_np(a, b):
    """``np.maximum(a, b)`` of two floats: NaN if either is; on a tie (+0.0 and -0.0) b."""
    if math.isnan(a):
        return a
    if math.isnan(b):
        return b
    return a if a > b else b  # noqa: FURB136 (not max: its choice on a tie is not numpy's)


@kernel
def _min_np(a, b):
    """``np.minimum(a, b)`` of two floats: NaN if either is; on a tie b."""
    if math.isnan(a):
        return a
    if math.isnan(b):
        return b
    return a if a < b else b  # noqa: FURB136 (not min: its choice on a tie is not numpy's)


@kernel
def _clip_np(x, lo, hi):
    """``np.clip(x, lo, hi)`` of a float: x kept when equal to a bound, NaN kept."""
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


@kernel
def life_month(first, second, poisson, growth, reliability, status, amount, opted_out,
               scam_left, scam_start, ever_scammed, old_debt, missed, violations,
               t, duration, scam_rate, miss_scale, perks_on, miss_factor, spend_factor,
               spend_cap, decay, verified, relief_delay):
    """One month of life events, person by person (twin: ``events.numpy_month``).

    ``first``, ``second``: the month's two uniform draws; ``poisson``: the violations;
    ``growth``: ``exp(noise)`` of the spending draw. ``miss_scale`` is
    ``base_miss_rate * 2.0``; the three ``*_factor`` / ``spend_cap`` tables are by
    status + 1. ``scam_left``, ``scam_start``, ``ever_scammed`` and ``old_debt`` change
    in place, as in the twin; returns the new ``(missed, debt, violations, scammed,
    missed_now, potential_spend, consumption)``.
    """
    n = first.shape[0]
    new_missed = np.empty(n)
    new_debt = np.empty(n)
    new_viol = np.empty(n)
    scammed = np.empty(n, dtype=np.bool_)
    missed_now = np.empty(n, dtype=np.bool_)
    spend = np.empty(n)
    consumption = np.empty(n)
    for i in range(n):
        d = old_debt[i]
        if duration > 0 and first[i] < scam_rate and scam_left[i] == 0:
            scam_left[i] = duration
            if scam_start[i] < 0:
                old_debt[i] = 0.0
                d = 0.0
            scam_start[i] = t
            ever_scammed[i] = True
        s = status[i] + 1
        p = miss_scale * (1.0 - reliability[i])
        if perks_on:
            p = p * miss_factor[s]
        p = _clip_np(p, 0.0, 1.0)
        ordinary = second[i] < p
        hit = scam_left[i] > 0
        now = ordinary or hit
        scammed[i] = hit
        missed_now[i] = now
        m = missed[i] * decay + (1.0 if now else 0.0)
        d = d * decay + (1.0 if (hit and not ordinary) else 0.0)
        start = scam_start[i]
        if verified and start >= 0 and t - start >= relief_delay:
            m = _max_np(m - d, 0.0)
            d = 0.0
        new_missed[i] = m
        new_debt[i] = d
        left = max(scam_left[i] - 1, 0)
        scam_left[i] = left
        if left == 0 and start >= 0 and (not verified or t - start >= relief_delay):
            scam_start[i] = -1
        new_viol[i] = violations[i] * decay + float(poisson[i])
        c = amount[i] * growth[i]
        if perks_on:
            c = c * spend_factor[s]
            c = _min_np(c, spend_cap[s])
        spend[i] = c
        consumption[i] = 0.0 if opted_out[i] else c
    return new_missed, new_debt, new_viol, scammed, missed_now, spend, consumption


@kernel
def scaled(x, lo, span):
    """``(x - lo) / span`` in one pass."""
    out = np.empty(x.shape[0])
    for i in range(x.shape[0]):
        out[i] = (x[i] - lo) / span
    return out


@kernel
def social_from_sums(total, degree, isolation_value):
    """``total / degree``, ``isolation_value`` where the degree is 0 (twin: the last
    lines of ``score.social_component``)."""
    n = total.shape[0]
    out = np.empty(n)
    for i in range(n):
        out[i] = total[i] / float(degree[i]) if degree[i] > 0 else isolation_value
    return out


@kernel
def reciprocal_history(missed, takes_part, keep_part):
    """``1 / (1 + missed)`` and, when ``keep_part``, its values at ``takes_part`` in
    order (``h[takes_part]``, for numpy's mean); else an empty second array."""
    n = missed.shape[0]
    h = np.empty(n)
    count = 0
    if keep_part:
        for i in range(n):
            count += 1 if takes_part[i] else 0
    part = np.empty(count)
    j = 0
    for i in range(n):
        v = 1.0 / (1.0 + missed[i])
        h[i] = v
        if keep_part and takes_part[i]:
            part[j] = v
            j += 1
    return h, part


@kernel
def rank_places(order, xs, out):
    """``out[order[k]] = (rank_k - 0.5) / K`` for the sorted values ``xs`` of ``K``
    people: rank ``k + 1``, a tied run's ``start + (size + 1) / 2`` (twins:
    ``measures.ranks.place_ranks`` then ``score.behaviour_percentile``)."""
    size = xs.shape[0]
    scale = float(size)
    k = 0
    while k < size:
        end = k + 1
        while end < size and xs[end] == xs[k]:
            end += 1
        if end - k == 1:
            out[order[k]] = (float(k + 1) - 0.5) / scale
        else:
            r = float(k) + float(end - k + 1) / 2.0
            r = (r - 0.5) / scale
            for j in range(k, end):
                out[order[j]] = r
        k = end


@kernel
def pack_values(x, idx, bits):
    """``(bits of x[idx[j]] with the low ``bits`` bits cleared) | j`` for each j, as
    int64 sort keys whose order is the values' (for values >= +0.0 and below inf);
    None when some value is outside that range (negative, -0.0, inf or NaN)."""
    size = idx.shape[0]
    packed = np.empty(size, dtype=np.int64)
    top = np.int64(0x7FF0000000000000)
    keep = ~np.int64((1 << bits) - 1)
    raw = x.view(np.int64)
    for j in range(size):
        b = raw[idx[j]]
        if b < 0 or b >= top:
            return None
        packed[j] = (b & keep) | j
    return packed


@kernel
def _rank_run(first, end, scale, places, out):
    """``out[places[i]]`` for the tied sorted places ``first..end-1``: their mean rank
    ``first + (size + 1) / 2`` (``first + 1`` alone), less 0.5, over ``scale``."""
    if end - first == 1:
        r = float(first + 1)
    else:
        r = float(first) + float(end - first + 1) / 2.0
    r = (r - 0.5) / scale
    for j in range(places.shape[0]):
        out[places[j]] = r


@kernel
def percentile_from_packed(packed, x, idx, bits, out):
    """The mid-rank percentiles of ``x[idx]`` from their sorted :func:`pack_values`
    keys, written to ``out[j]`` for the j-th of ``idx`` (the ranks of
    :func:`rank_places`).

    Only where neighbouring keys share their value bits are the values themselves read:
    they may be equal (a tie, sharing a rank) or differ in the cleared bits (then that
    stretch is put in the values' order first, so the ranks are those of a true sort).
    """
    size = packed.shape[0]
    scale = float(size)
    low = np.int64((1 << bits) - 1)
    k = 0
    while k < size:
        high = packed[k] >> bits
        end = k + 1
        while end < size and (packed[end] >> bits) == high:
            end += 1
        if end - k == 1:
            out[packed[k] & low] = (float(k + 1) - 0.5) / scale
        else:
            places = packed[k:end] & low
            values = np.empty(end - k)
            for i in range(end - k):
                values[i] = x[idx[places[i]]]
            by_value = np.argsort(values, kind="mergesort")
            places = places[by_value]
            values = values[by_value]
            a = 0
            while a < end - k:
                b = a + 1
                while b < end - k and values[b] == values[a]:
                    b += 1
                _rank_run(k + a, k + b, scale, places[a:b], out)
                a = b
        k = end


@kernel
def spread(part, takes_part, fill, out):
    """``out[takes_part] = part`` (in order) and ``out[~takes_part] = fill``."""
    j = 0
    for i in range(out.shape[0]):
        if takes_part[i]:
            out[i] = part[j]
            j += 1
        else:
            out[i] = fill


@kernel
def fill_where(out, mask, value):
    """``out[mask] = value`` in place."""
    for i in range(out.shape[0]):
        if mask[i]:
            out[i] = value


@kernel
def combine5(a, b, c, d, e, wa, wb, wc, wd, we, violations, violation_points, lo, hi,
             span):
    """``clip(((0 + a wa + b wb + c wc + d wd + e we) * span + lo) - violations *
    violation_points, lo, hi)`` (no subtraction when ``violation_points`` is 0), in that
    order (twin: ``score.combine``)."""
    n = a.shape[0]
    out = np.empty(n)
    for i in range(n):
        r = 0.0
        r = r + a[i] * wa
        r = r + b[i] * wb
        r = r + c[i] * wc
        r = r + d[i] * wd
        r = r + e[i] * we
        r = r * span
        r = r + lo
        if violation_points != 0.0:
            r = r - violations[i] * violation_points
        out[i] = _clip_np(r, lo, hi)
    return out


@kernel
def status_pass(scores, privileged_at, restricted_below):
    """-1 below ``restricted_below``, else 1 at or above ``privileged_at``, else 0
    (twin: ``events.status_of``)."""
    n = scores.shape[0]
    out = np.empty(n, dtype=np.int8)
    for i in range(n):
        x = scores[i]
        if x < restricted_below:
            out[i] = -1
        elif x >= privileged_at:
            out[i] = 1
        else:
            out[i] = 0
    return out
