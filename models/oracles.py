"""Slow, obvious versions of the fast step's mechanisms, kept as test oracles.

Each function here does with plain Python loops, sets and dicts what its vectorised
counterpart does with arrays, and takes its random numbers from the same generator in
the same order and the same batch sizes (the fast functions' docstrings list that
order), so that both give the same result from the same seed. Nothing here is used by
the simulation; the tests compare, on small graphs, several seeds and parameter sets:

- :func:`review_ties_loop` with :func:`models.ties.review_ties`;
- :func:`dating_round_loop` with :func:`models.dating.dating_round`.

(:func:`models.score.social_component_loop` is the oracle of the social average.)
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["review_ties_loop", "dating_round_loop"]


def _chance(gain: float, tolerance: float, sensitivity: float) -> float:
    return -math.expm1(-sensitivity * max(0.0, gain - tolerance))


def _neighbour(friends: list[int], u: float) -> int:
    return friends[int(math.floor(u * len(friends)))]


def review_ties_loop(n: int, edges, scores, *, share: float, rng: np.random.Generator,
                     triadic_closure: float, homophilous_search: float = 0.0,
                     rule=None, ask_limit: int = 8) -> tuple[list[int], list[int]]:
    """:func:`models.ties.review_ties`, one person at a time.

    ``edges`` is a list of ``(u, v)`` pairs, ``rule`` a :class:`models.ties.GainRule` (only
    its four numbers are read) or None. Returns the keys ``u * n + v`` (``u < v``) to
    remove and to add, in no particular order.
    """
    nbrs: dict[int, set[int]] = {i: set() for i in range(n)}
    for u, v in edges:
        nbrs[int(u)].add(int(v))
        nbrs[int(v)].add(int(u))
    # The order in which the fast version lists a person's friends: those with a higher
    # index first, then those with a lower one, each ascending.
    listed = {i: sorted(x for x in nbrs[i] if x > i) + sorted(x for x in nbrs[i] if x < i)
              for i in range(n)}
    deg = {i: len(nbrs[i]) for i in range(n)}
    s = [float(x) for x in scores]

    def drop_chance(i: int, j: int) -> float:
        k = deg[i]
        gain = (s[i] - s[j]) / k if k >= 2 else rule.alone - s[j]
        return _chance(rule.weight * gain, rule.tolerance, rule.sensitivity)

    def refuse_chance(c: int, i: int) -> float:
        k = deg[c]
        gain = (s[c] - s[i]) / (k + 1) if k >= 1 else rule.alone - s[i]
        return _chance(rule.weight * gain, rule.tolerance, rule.sensitivity)

    def key(a: int, b: int) -> int:
        return min(a, b) * n + max(a, b)

    u_act = rng.random(n)
    acting = [i for i in range(n) if u_act[i] < share]
    who = [i for i in acting if deg[i] > 0]
    u_friend = rng.random(len(who))
    friend = [_neighbour(listed[i], u_friend[t]) for t, i in enumerate(who)]
    u_drop = rng.random(len(who))
    askers: list[tuple[int, int]] = []
    remove: list[int] = []
    for t, i in enumerate(who):
        j = friend[t]
        if rule is None or u_drop[t] < drop_chance(i, j):
            remove.append(key(i, j))
            askers.append((i, j))
    if rule is not None:
        askers += [(i, -1) for i in acting if deg[i] == 0]
    if not askers:
        return remove, []
    order = sorted(range(n), key=lambda x: (s[x], x))
    rank = {person: r for r, person in enumerate(order)}
    window = max(1, min(n - 1, int(round(0.01 * n))))
    add: list[int] = []
    pending = askers
    for attempt in range(ask_limit):
        m = len(pending)
        triadic = triadic_closure if attempt == 0 else 0.0
        u_kind = rng.random(m)
        anyone = rng.integers(0, n, size=m)
        offsets = rng.integers(-window, window, size=m) if homophilous_search > 0 else None
        kinds = []
        for t, (i, _j) in enumerate(pending):
            if u_kind[t] < homophilous_search:
                kinds.append("similar")
            elif (u_kind[t] < homophilous_search + (1.0 - homophilous_search) * triadic
                  and deg[i] > 0):
                kinds.append("triadic")
            else:
                kinds.append("random")
        n_tri = kinds.count("triadic")
        u_k = rng.random(n_tri)
        tri_askers = [i for (i, _j), kind in zip(pending, kinds) if kind == "triadic"]
        via = [_neighbour(listed[i], u_k[t]) for t, i in enumerate(tri_askers)]
        u_c = rng.random(n_tri)
        fof = iter(_neighbour(listed[k], u_c[t]) for t, k in enumerate(via))
        u_accept = rng.random(m)
        still = []
        for t, (i, j) in enumerate(pending):
            if kinds[t] == "similar":
                r = int(offsets[t])
                r = r + 1 if r >= 0 else r
                pos = rank[i] + r
                if not 0 <= pos < n:
                    pos = rank[i] - r
                c = order[min(max(pos, 0), n - 1)]
            elif kinds[t] == "triadic":
                c = next(fof)
            else:
                c = int(anyone[t])
            taken = c == i or c == j or c in nbrs[i]
            refused = rule is not None and not taken and u_accept[t] < refuse_chance(c, i)
            if taken or refused:
                still.append((i, j))
            else:
                add.append(key(i, c))
        pending = still
        if not pending:
            break
    return remove, add


def dating_round_loop(n: int, keys, ends, uses, matches, scores, step: int, *,
                      activity: float, feed_size: int, exposure_bias: float,
                      display_scores: bool, selectivity: float, like_width: float,
                      like_rate: float, date_duration: int, rng: np.random.Generator) -> dict:
    """:func:`models.dating.dating_round`, one user and one candidate at a time.

    Takes the dating state as plain values (current keys and their end steps, the
    smoothed tallies) and returns the new state as a dict with ``dates`` (key -> end
    step), ``uses``, ``matches``, ``aim_up`` and ``new`` (the number of new dates).
    """
    dates = {int(k): int(e) for k, e in zip(keys, ends) if e > step}
    decay = 1.0 - 1.0 / 12.0
    uses = [x * decay for x in uses]
    matches = [x * decay for x in matches]
    out = {"dates": dates, "uses": uses, "matches": matches, "aim_up": math.nan, "new": 0}
    u_use = rng.random(n)
    users = [i for i in range(n) if u_use[i] < activity]
    for i in users:
        uses[i] += 1.0
    if len(users) < 2 or feed_size <= 0:
        return out
    s = [float(x) for x in scores]
    weight = [((s[i] - 350.0) / 600.0) ** exposure_bias if exposure_bias > 0 else 1.0
              for i in users]
    cdf, total = [], 0.0
    for w in weight:
        total += w
        cdf.append(total)
    feed = min(feed_size, len(users) - 1)
    u_pick = rng.random((len(users), feed)) if total > 0 else None
    if u_pick is None:
        picks = rng.integers(0, len(users), size=(len(users), feed))
    else:
        picks = [[next(k for k, c in enumerate(cdf) if c / total > u) for u in row]
                 for row in u_pick]
    u_like = rng.random(len(users) * feed)
    liked: set[tuple[int, int]] = set()
    likers, targets = [], []
    for a in range(len(users)):
        for t in range(feed):
            b = int(picks[a][t])
            i, c = users[a], users[b]
            if display_scores:
                p = like_rate / (1.0 + math.exp(-(s[c] - s[i] + selectivity) / like_width))
            else:
                p = like_rate
            if u_like[a * feed + t] < p and a != b:
                liked.add((i, c))
                likers.append(s[i])
                targets.append(s[c])
    if likers:
        low = sum(likers) / len(likers) - 350.0
        if low > 0:
            out["aim_up"] = (sum(targets) / len(targets) - 350.0) / low - 1.0
    if date_duration <= 0:
        return out
    for i, c in liked:
        if i < c and (c, i) in liked and i * n + c not in dates:
            dates[i * n + c] = step + date_duration
            matches[i] += 1.0
            matches[c] += 1.0
            out["new"] += 1
    return out
