"""Where the dashboard's axes go: text measured as drawn, candidate layouts, the best one.

The panel sits below the network (wide and short) or beside it (narrow and tall), and
titles must stay readable at projector font sizes in both without overlapping. A
:class:`LayoutPlanner` evaluates every configuration (the histogram on the right or
below; the series in a 3x2, 2x3 or 1x6 grid; titles at three lengths) on a size in
pixels and says which is preferred, or how tall the canvas must be for one to be
readable. It measures text with the canvas's renderer and caches what it measured, so
a resize costs little. The dashboard applies the plan it chooses.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

from matplotlib.font_manager import FontProperties

from app.common.theme import SCORE_RANGE
from app.dashboard.histogram import HIST_TITLE, HIST_TITLE_SHORT
from app.common.i18n import tr_data
from app.dashboard.scales import SERIES, TEXT_PT, TITLE_PT, TITLE_TIERS, tier_title

__all__ = ["LayoutPlanner", "Plan", "Metrics"]

# Readable sizes, in points: a series plot's height, the histogram's height and width.
_PLOT_MIN_H, _HIST_MIN_H, _HIST_MIN_W = 40.0, 60.0, 120.0


@dataclass(frozen=True)
class Metrics:
    """Sizes in pixels that the layout is built from."""

    px: float        # pixels per point
    line_h: float    # one title line
    tick_h: float    # tick labels, or the x label, under an axes
    ytick_w: float   # room for y tick labels left of an axes
    value_w: float   # the current value beside a title
    pad: float
    end_pad: float   # room for the last x tick label, which sticks out on the right


@dataclass(frozen=True)
class Plan:
    """One way to place the axes."""

    mode: str        # "right" or "below": where the histogram goes
    series_box: tuple[float, float, float, float]
    hist_box: tuple[float, float, float, float]
    cols: int
    rows: int
    titles: dict
    title_h: float
    plot_h: float
    cell_w: float
    m: Metrics
    config: tuple    # (mode, cols, rows, title tier)
    readable: bool   # plots, titles and histogram all at a readable size
    wide: bool       # the histogram is wide enough (height can be scrolled to, width not)
    size: float      # how big the plots are, in pixels: bigger is better


class LayoutPlanner:
    """Measures the dashboard's text and plans where its axes go.

    ``legend`` is every entry the histogram's legend may show (the groups, then the
    shaded regions); the dashboard sets it when a run starts. ``tiers`` are the title
    lengths allowed (indices into ``TITLE_TIERS``): presenting leaves out the compact
    technical names, and the panel scrolls rather than show them.
    """

    def __init__(self, figure, canvas) -> None:
        self.figure = figure
        self.canvas = canvas
        self.legend: list = []
        self.tiers: tuple[int, ...] = tuple(range(len(TITLE_TIERS)))
        #: The widest current values beside a title ("A 0.15 \u00b7 B 0.22" when comparing).
        self.value_samples: tuple[str, ...] = ("-0.00", "100%", "9.99x")
        self._widths: dict[tuple, float] = {}   # text measurements, reused by every layout
        self._wraps: dict[tuple, str] = {}      # wrapped titles, likewise

    def text_px(self, text: str, size_pt: float, bold: bool = False) -> float:
        """Width in pixels of ``text`` as matplotlib will draw it (measured, cached)."""
        key = (text, size_pt, bold, self.figure.dpi)
        width = self._widths.get(key)
        if width is None:
            renderer = self.canvas.get_renderer()
            prop = FontProperties(size=size_pt, weight="bold" if bold else "normal")
            width = renderer.get_text_width_height_descent(text, prop, ismath=False)[0]
            self._widths[key] = width
        return width

    def wrap(self, title: str, width_px: float, last_px: float | None = None) -> str:
        """Wrap a title into as few, and as even, lines as fit ``width_px``.

        The last line shares its row with the current value (``last_px`` left free for
        the title); when the title's last line is too long for that, the value gets a row
        of its own below the title.
        """
        key = (title, round(width_px), None if last_px is None else round(last_px),
               self.figure.dpi)
        if key not in self._wraps:
            self._wraps[key] = self._wrap_uncached(title, width_px, last_px)
        return self._wraps[key]

    def _wrap_uncached(self, title: str, width_px: float, last_px: float | None) -> str:
        def widest(lines: list[str]) -> float:
            return max(self.text_px(ln, TITLE_PT, True) for ln in lines)

        cjk = any(_is_cjk(ch) for ch in title)

        def wrap(chars: int) -> list[str]:
            if cjk:
                return cjk_wrap(title, chars) or [title]
            return textwrap.wrap(title, chars, break_long_words=False) or [title]

        best = wrap(1)   # one word a line, if nothing fits
        for chars in range(len(title), 1, -1):
            if widest(wrap(chars)) <= width_px:
                best = wrap(chars)
                break
        # Same number of lines, narrowest that still fits: balanced, no orphan word.
        for chars in range(max(len(ln) for ln in best) - 1, 1, -1):
            lines = wrap(chars)
            if len(lines) > len(best):
                break
            best = lines
        if last_px is not None and self.text_px(best[-1], TITLE_PT, True) > last_px:
            best.append(" ")   # the value sits on this empty last line
        return "\n".join(best)

    def metrics(self) -> Metrics:
        px = self.figure.dpi / 72.0   # pixels per point
        return Metrics(
            px=px, line_h=TITLE_PT * px * 1.25, tick_h=TEXT_PT * px * 1.45,
            ytick_w=self.text_px("100%", TEXT_PT) + 12 * px,
            # The widest current values format_value writes: "-0.00", "100%", "9.99x".
            value_w=max(self.text_px(v, TITLE_PT, True) for v in self.value_samples)
            + 8 * px, pad=5 * px,
            end_pad=self.text_px(f"{SCORE_RANGE[1]:g}", TEXT_PT) / 2 + 5 * px)

    def evaluate(self, config: tuple, W: float, H: float) -> Plan | None:
        """Lay out ``config`` = (mode, cols, rows, title tier) on W x H pixels."""
        mode, cols, rows, tier = config
        m = self.metrics()
        px = m.px
        series_box, hist_box = self._boxes(mode, W, H, m)
        sx0, sy0, sx1, sy1 = series_box
        cell_w = (sx1 - sx0) / cols - m.ytick_w - 2 * m.pad
        if cell_w < 60 * px:
            return None
        titles = {c: self.wrap(tier_title(tier, c), cell_w, cell_w - m.value_w)
                  for c in SERIES}
        n_lines = max(t.count("\n") + 1 for t in titles.values())
        title_h = n_lines * m.line_h + 4 * px
        plot_h = (sy1 - sy0 - 2 * m.tick_h - rows * title_h - (rows - 1) * 2 * m.pad) / rows
        hist_w = hist_box[2] - hist_box[0] - m.ytick_w
        hist_h = (hist_box[3] - hist_box[1] - 2 * m.tick_h
                  - self._hist_head(hist_box[2] - hist_box[0], m))
        wide = hist_w >= _HIST_MIN_W * px    # height can be scrolled to, width cannot
        readable = wide and plot_h >= _PLOT_MIN_H * px and hist_h >= _HIST_MIN_H * px
        # Plots as big as possible, but a plot taller than its natural shape (series
        # about 5:3, the 30-bin histogram about 3:1) is no easier to read; the histogram
        # counts half as much as the six series.
        size = min(plot_h, 0.6 * cell_w) + 0.5 * min(hist_h, 0.35 * hist_w)
        return Plan(mode, series_box, hist_box, cols, rows, titles, title_h, plot_h,
                    cell_w, m, config, readable, wide, size)

    def plans(self, W: float, H: float) -> list[Plan]:
        configs = [(mode, cols, rows, tier) for mode in ("right", "below")
                   for cols, rows in ((3, 2), (2, 3), (1, 6))
                   for tier in self.tiers]
        return [p for p in (self.evaluate(c, W, H) for c in configs) if p is not None]

    def best(self, W: float, H: float, readable_only: bool = False) -> Plan | None:
        """The preferred plan: readable first, then plainer titles, then bigger plots."""
        plans = self.plans(W, H)
        if readable_only:
            plans = [p for p in plans if p.readable]
        if not plans:
            return None
        return max(plans, key=lambda p: (p.readable, -p.config[3], p.size))

    def least_height(self, W: float, H: float) -> tuple[tuple, float] | None:
        """The configuration readable at width W with the least height (and that height).

        Readability grows with height for a fixed configuration, so each one's least
        height is found by bisection.
        """
        best = None
        for plan in self.plans(W, H):
            if not plan.wide:
                continue
            lo, hi = H, H + 4000.0
            if not self.evaluate(plan.config, W, hi).readable:
                continue
            while hi - lo > 2.0:
                mid = (lo + hi) / 2
                if self.evaluate(plan.config, W, mid).readable:
                    hi = mid
                else:
                    lo = mid
            key = (hi, plan.config[3])   # least height, then plainer titles
            if best is None or key < best[0]:
                best = (key, plan.config)
        return None if best is None else (best[1], best[0][0])

    def _hist_head(self, width: float, m: Metrics) -> float:
        """Height of the histogram's title and legend rows above its axes (worst case).

        ``width`` is the histogram's whole box; the title starts at the axes' left edge,
        the legend at the box's.
        """
        axes_w = width - m.ytick_w - 8 * m.px
        title_lines = self.hist_title(axes_w).count("\n") + 1
        legend_rows = math.ceil(len(self.legend) / self.legend_columns(self.legend, width))
        return title_lines * m.line_h + (legend_rows * 1.15 + 0.5) * m.line_h + 8 * m.px

    def _boxes(self, mode: str, W: float, H: float, m: Metrics):
        px, pad = m.px, m.pad
        if mode == "right":   # histogram on the right, series in a grid on the left
            hist_w = min(max(0.3 * W, 210 * px), 420 * px)
            return ((pad, pad, W - hist_w - pad, H - pad),
                    (W - hist_w + pad, pad, W - m.end_pad, H - pad))
        hist_h = min(max(0.3 * H, 150 * px), 260 * px)   # histogram below
        return ((pad, hist_h + pad, W - pad, H - pad),
                (pad, pad, W - m.end_pad, hist_h - pad))

    def legend_columns(self, handles: list, width_px: float) -> int:
        """The most legend columns that fit ``width_px`` (matplotlib fills column-first)."""
        px = self.figure.dpi / 72.0
        # Handle 1.2 em, gap 0.4 em before the text, 1 em between columns (at 11 pt).
        entry = [self.text_px(h.get_label(), TEXT_PT) + 18 * px for h in handles]
        for ncol in range(len(handles), 1, -1):
            rows = math.ceil(len(handles) / ncol)
            cols = [entry[i:i + rows] for i in range(0, len(entry), rows)]
            if sum(max(c) for c in cols) + (len(cols) - 1) * 11 * px + 4 * px <= width_px:
                return len(cols)
        return 1

    def hist_title(self, width_px: float) -> str:
        """The histogram's title: the question on one line if it fits, else shorter."""
        title = tr_data("histogram", HIST_TITLE)
        if self.text_px(title, TITLE_PT, True) <= width_px:
            return title
        return self.wrap(tr_data("histogram", HIST_TITLE_SHORT), width_px)



#: Chinese punctuation that never starts a line, and that never ends one.
_NO_START = set("\uff0c\u3002\u3001\uff1f\uff01\uff09\uff1a\uff1b\u300d\u300f%\u2026,.?!):;")
_NO_END = set("\uff08\u300c\u300e(")


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" or "\u3000" <= ch <= "\u303f"


def cjk_wrap(text: str, chars: int) -> list[str]:
    """Wrap Chinese text into lines of at most ``chars`` characters: a line may break
    between any two Chinese characters (there are no spaces), never before closing
    punctuation or after an opening one, and never inside a Latin word.

    Examples
    --------
    >>> cjk_wrap("\u4fe1\u7528\u5206\u6709\u591a\u4e0d\u5e73\u7b49\uff1f\uff08Gini\uff09", 8)
    ['\u4fe1\u7528\u5206\u6709\u591a\u4e0d\u5e73', '\u7b49\uff1f\uff08Gini\uff09']
    """
    tokens: list[str] = []
    buf = ""
    for ch in text:
        if ch == " ":
            if buf:
                tokens.append(buf)
            tokens.append(" ")
            buf = ""
        elif buf and (ch in _NO_START or buf[-1] in _NO_END
                      or not (_is_cjk(ch) or _is_cjk(buf[-1]))):
            buf += ch   # no break here
        else:
            if buf:
                tokens.append(buf)
            buf = ch
    if buf:
        tokens.append(buf)
    lines: list[str] = []
    line, space = "", False
    for tok in tokens:
        if tok == " ":
            space = bool(line)
            continue
        candidate = line + (" " if space else "") + tok
        if len(candidate) <= chars or not line:
            line = candidate
        else:
            lines.append(line)
            line = tok
        space = False
    if line:
        lines.append(line)
    return lines
