"""The dating app: score-biased feeds, likes that aim up, mutual likes become dates.

Dating ties are kept as sorted keys (like friendships) with the step at which each ends.
Each person's app use and matches are tallied with an exponential window of about a year
so that ``match_gap`` is not dominated by one month's noise.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.special import expit

from .accel import use_kernels
from .graph import in_sorted, sorted_unique
from .measures import aim_up
from .score import SCORE_MIN, SPAN

__all__ = ["DatingState", "dating_round", "like_probability", "weighted_draws", "WINDOW"]

#: Months in the exponential window of app use and matches.
WINDOW = 12.0


class DatingState:
    """Current dating ties and the smoothed tallies of use and matches per person."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.keys = np.empty(0, dtype=np.int64)
        self.ends = np.empty(0, dtype=np.int64)
        self.uses = np.zeros(n)
        self.matches = np.zeros(n)
        #: aim_up of the last round's likes (nan without likes).
        self.aim_up = math.nan

    def edges(self) -> np.ndarray:
        """Canonical ``(m, 2)`` array of current dating ties."""
        u, v = np.divmod(self.keys, self.n)
        return np.column_stack([u, v])

    def expire(self, step: int) -> None:
        """Drop ties whose time is up."""
        live = self.ends > step
        if not live.all():
            self.keys = self.keys[live]
            self.ends = self.ends[live]


def weighted_draws(rng: np.random.Generator, p: np.ndarray, shape: tuple[int, ...], *,
                   kernels: bool = False) -> np.ndarray:
    """The draws of ``rng.choice(p.size, size=shape, p=p)``, bit for bit, found faster.

    numpy draws one uniform per pick and searches the normalised cumulative weights
    for each (``searchsorted(cdf, u, side="right")``); with random uniforms every search
    is slow (about 170 ns each here, 12-14% of a step at 100,000 people). Here the same
    uniforms are first placed in one of ``K`` equal bins (a power of two, so ``u * K``
    is exact), whose answer is known up front wherever no cumulative weight falls
    inside the bin; only the uniforms in the other bins (about 1 in 8-15) are searched.
    Weights numpy would refuse (negative, NaN, not summing to 1) go
    to ``rng.choice`` itself, which raises as before. With ``kernels`` (see
    :mod:`models.accel`) one compiled pass does the look-up and the searches
    (:func:`models.kernels.draws.weighted_picks`), from the same uniforms.

    Examples
    --------
    >>> p = np.array([0.1, 0.0, 0.6, 0.3])
    >>> a = weighted_draws(np.random.default_rng(5), p, (3, 4))
    >>> b = np.random.default_rng(5).choice(4, size=(3, 4), p=p)
    >>> bool((a == b).all())
    True
    """
    p = np.asarray(p, dtype=np.float64)
    total = float(np.sum(p))
    if p.ndim != 1 or p.size == 0 or not np.all(p >= 0) or not math.isfinite(total) \
            or abs(total - 1.0) > 1e-8:
        return rng.choice(p.size, size=shape, p=p)
    cdf = p.cumsum()            # as numpy's choice does
    cdf /= cdf[-1]
    u = rng.random(shape)
    if kernels:
        from .kernels.draws import weighted_picks

        return weighted_picks(cdf, u.reshape(-1)).reshape(u.shape)
    k = 1 << max(4, int(cdf.size - 1).bit_length() + 3)   # about 8 bins per weight
    # Multiplying by a power of two is exact, so the bins are exact: a uniform in bin
    # b (b <= u * k < b + 1) lies above every cumulative weight of a lower bin and
    # below every one of a higher bin; only weights in its own bin need a search.
    in_bin = np.bincount((cdf * k).astype(np.int64), minlength=k + 1)
    below = np.cumsum(in_bin) - in_bin
    # One table, one random look-up per uniform: twice the weights below the bin, plus
    # one if a weight lies inside it.
    table = below * 2
    table += in_bin > 0
    code = table[(u * k).astype(np.int64)]
    unsure = np.flatnonzero(code & 1)
    out = code >> 1
    if unsure.size:
        flat = out.reshape(-1)
        flat[unsure] = cdf.searchsorted(u.reshape(-1)[unsure], side="right")
    return out


def like_probability(own: np.ndarray, other: np.ndarray, *, display_scores: bool,
                     selectivity: float, like_width: float, like_rate: float) -> np.ndarray:
    """Chance that a user scoring ``own`` likes a candidate scoring ``other``.

    Scores shown: ``like_rate * expit((other - own + selectivity) / like_width)``, a
    smooth rise with the candidate's standing (people aim up, and the chance of liking
    someone below falls gently with the gap, never as a cliff). Scores hidden:
    ``like_rate`` for everyone.

    Examples
    --------
    >>> like_probability(np.array([600.0, 600.0]), np.array([550.0, 700.0]),
    ...                  display_scores=True, selectivity=50, like_width=50,
    ...                  like_rate=0.5).round(3).tolist()
    [0.25, 0.476]
    """
    if not display_scores:
        return np.full(np.shape(other), float(like_rate))
    x = np.subtract(other, own, dtype=np.float64)
    x += selectivity
    x /= like_width
    return _like_chance(x, like_rate)


def _like_chance(x: np.ndarray, like_rate: float) -> np.ndarray:
    """``like_rate * expit(x)``, in place of ``x`` (scipy's expit, also on the kernel
    path: its last bits are the library's)."""
    expit(x, out=x)
    x *= like_rate
    return x


def dating_round(state: DatingState, scores: np.ndarray, step: int, *, activity: float,
                 feed_size: int, exposure_bias: float, display_scores: bool,
                 selectivity: float, like_width: float, like_rate: float, date_duration: int,
                 rng: np.random.Generator) -> int:
    """One month of the dating app; returns the number of new dating ties.

    A share ``activity`` of people use the app. Each sees ``feed_size`` candidates drawn
    (with replacement) from the other users this month with probability proportional to
    ``((score - 350) / 600) ** exposure_bias``, and likes each with
    :func:`like_probability` (a user shown to themself likes nobody). Mutual likes
    become ties lasting ``date_duration`` months. ``state.aim_up`` records how far up
    this month's likes aimed (:func:`models.measures.aim_up`).

    Draws, in this order: one uniform per person (who uses the app), the feed
    (``rng.choice``; :func:`weighted_draws` finds the same picks faster), one uniform
    per feed entry (the like).
    :func:`models.oracles.dating_round_loop` is the plain-Python version.
    """
    n = state.n
    fast = use_kernels(n)
    state.expire(step)
    state.aim_up = math.nan
    decay = 1.0 - 1.0 / WINDOW
    state.uses *= decay
    state.matches *= decay
    users = np.flatnonzero(rng.random(n) < activity)
    if users.size < 2 or feed_size <= 0:
        state.uses[users] += 1.0
        return 0
    state.uses[users] += 1.0
    s = (scores[users] - SCORE_MIN) / SPAN
    weight = np.power(s, exposure_bias) if exposure_bias > 0 else np.ones(users.size)
    total = weight.sum()
    p = weight / total if total > 0 else None
    # A feed longer than the pool only repeats people (and costs memory quadratically).
    feed = min(feed_size, users.size - 1)
    if p is None:
        pick = rng.choice(users.size, size=(users.size, feed))
    else:
        pick = weighted_draws(rng, p, (users.size, feed), kernels=fast)
    pick = pick.reshape(users.size, feed)
    # Scores gathered from the users' own (small) array: the same values as
    # scores[users[...]], with fewer cache misses.
    su = scores[users]
    likes = _likes_compiled if fast else _likes
    liker, liked, new = likes(users, su, pick, n, display_scores=display_scores,
                              selectivity=selectivity, like_width=like_width,
                              like_rate=like_rate, rng=rng)
    state.aim_up = aim_up(liker, liked)
    if new.size == 0 or date_duration <= 0:
        return 0
    fresh = new[~in_sorted(new, state.keys)]
    u, v = np.divmod(fresh, n)
    np.add.at(state.matches, u, 1.0)
    np.add.at(state.matches, v, 1.0)
    # The fresh keys are sorted and none is there already: a merge gives the order a
    # stable sort of both would.
    at = np.searchsorted(state.keys, fresh)
    state.keys = np.insert(state.keys, at, fresh)
    state.ends = np.insert(state.ends, at, np.full(fresh.size, step + date_duration, np.int64))
    return int(fresh.size)


def _likes(users: np.ndarray, su: np.ndarray, pick: np.ndarray, n: int, *,
           display_scores: bool, selectivity: float, like_width: float, like_rate: float,
           rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The like test of a feed (one uniform per entry): the likers' and the liked
    ones' scores, one per like in row order, and the sorted keys of the pairs liked both
    ways. ``pick`` is ``(users, feed)``, indices into ``users`` and ``su``."""
    feed = pick.shape[1]
    p_like = like_probability(np.repeat(su, feed), su[pick.ravel()],
                              display_scores=display_scores, selectivity=selectivity,
                              like_width=like_width, like_rate=like_rate)
    like = (rng.random(pick.size) < p_like).reshape(pick.shape)
    like &= pick != np.arange(pick.shape[0])[:, None]
    return _liked(users, su, pick, n, like)


def _liked(users: np.ndarray, su: np.ndarray, pick: np.ndarray, n: int,
           like: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`_likes`' outputs from the like mask (``pick``'s shape)."""
    vi, fi = np.nonzero(like)          # viewers ascending, as the flat order gives them
    pi = pick[vi, fi]
    a, b = users[vi], users[pi]
    # A like is the unordered pair's key times two plus its direction: after one sort
    # (repeated likes merged) a pair liked both ways is two neighbouring entries with
    # the same pair key. The mutual pairs come out sorted, like liked[mutual] before.
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    directed = sorted_unique((lo * np.int64(n) + hi) * 2 + (a > b))
    pair = directed >> 1
    return su[vi], su[pi], pair[1:][pair[1:] == pair[:-1]]


def _likes_compiled(users: np.ndarray, su: np.ndarray, pick: np.ndarray, n: int, *,
                    display_scores: bool, selectivity: float, like_width: float,
                    like_rate: float, rng: np.random.Generator,
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`_likes` with kernels: the entries that may be liked, their gaps, scipy's
    expit of those only, then one pass for the like test, the gathers and the mutual
    pairs (:mod:`models.kernels.draws`)."""
    from .kernels.draws import like_candidates, likes

    u = rng.random(pick.size)
    cand, x = like_candidates(u, pick, su, float(like_rate), float(selectivity),
                              float(like_width))
    # Scores hidden, like_probability is like_rate for everyone.
    p_like = _like_chance(x, like_rate) if display_scores else np.full(cand.size,
                                                                       float(like_rate))
    return likes(u, cand, p_like, pick, su, users, np.int64(n))
