"""The dashboard's histogram: how scores are spread, one stacked layer per group.

Scores fall in 30 bins of 20 points from 350 to 950; each of the largest groups is a
filled step patch stacked on the ones before it (the rest fold into "other groups").
The restricted and privileged regions are shaded, with a dashed line at each threshold
and a label inside each region when it fits; when not, the legend names them instead.
The layer patches are animated (blitted by the dashboard); everything else is drawn
into the dashboard's cached background.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import blended_transform_factory

from app.common.i18n import QT_TRANSLATE_NOOP, tr_data, translate
from app.common.theme import DEFAULT_THRESHOLDS, SCORE_RANGE
from app.dashboard.scales import TEXT_PT, TITLE_PT

__all__ = ["ScoreHistogram", "GROUP_COLOURS", "OTHER_COLOUR", "HIST_EDGES", "HIST_TITLE",
           "HIST_TITLE_SHORT"]

#: Okabe-Ito colours (safe for the common colour-vision deficiencies); grey is "other".
GROUP_COLOURS: tuple[str, ...] = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9",
                                  "#D55E00", "#F0E442")
OTHER_COLOUR = "#999999"

#: Histogram bins: 30 bins of 20 points over the whole score range.
HIST_EDGES = np.linspace(*SCORE_RANGE, 31)

HIST_TITLE = QT_TRANSLATE_NOOP("histogram", "How are scores spread? (by group)")
HIST_TITLE_SHORT = QT_TRANSLATE_NOOP("histogram", "Scores by group")

RESTRICTED_COLOUR = "#D55E00"
PRIVILEGED_COLOUR = "#0072B2"


class ScoreHistogram:
    """The histogram axes of a figure, fed with each frame's scores.

    ``counts`` holds the counts per group layer and bin as last shown; ``thresholds``
    the (restricted below, privileged at) scores shaded.
    """

    def __init__(self, figure: Figure) -> None:
        self.figure = figure
        ax = figure.add_axes((0, 0, 1, 1))
        ax.tick_params(labelsize=TEXT_PT, length=4)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.set_xlim(HIST_EDGES[0], HIST_EDGES[-1])
        ax.set_xticks(np.linspace(*SCORE_RANGE, 5))
        ax.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
        # y given (where it would be worked out to be): a cheaper full draw.
        self.title = ax.set_title(tr_data("histogram", HIST_TITLE), loc="left",
                                  fontsize=TITLE_PT, fontweight="bold", y=1.0)
        ax.set_xlabel(translate("histogram", "score"), fontsize=TEXT_PT, labelpad=2)
        ax.set_ylabel(translate("histogram", "people"), fontsize=TEXT_PT)
        xdata_yaxes = blended_transform_factory(ax.transData, ax.transAxes)
        lo, hi = SCORE_RANGE
        restricted, privileged = DEFAULT_THRESHOLDS
        self._restricted_span = ax.axvspan(lo, restricted, color=RESTRICTED_COLOUR, alpha=0.10,
                                           linewidth=0, zorder=0)
        self._privileged_span = ax.axvspan(privileged, hi, color=PRIVILEGED_COLOUR, alpha=0.10,
                                           linewidth=0, zorder=0)
        self._restricted_line = ax.axvline(restricted, color=RESTRICTED_COLOUR, linewidth=2.0,
                                           linestyle="--", zorder=4)
        self._privileged_line = ax.axvline(privileged, color=PRIVILEGED_COLOUR, linewidth=2.0,
                                           linestyle="--", zorder=4)
        self._restricted_label = ax.text(
            lo + 6, 0.97, translate("histogram", "restricted"), transform=xdata_yaxes,
            ha="left", va="top",
            fontsize=TEXT_PT, color="#a63f00", zorder=5)
        self._privileged_label = ax.text(
            hi - 6, 0.97, translate("histogram", "privileged"), transform=xdata_yaxes,
            ha="right", va="top",
            fontsize=TEXT_PT, color="#00508a", zorder=5)
        self.ax = ax
        self._legend = None
        self._group_handles: list[Patch] = []
        self._region_handles = [
            Patch(facecolor=colour, alpha=0.25, edgecolor=colour, linestyle="--", label=name)
            for colour, name in ((RESTRICTED_COLOUR, translate("histogram", "restricted")),
                                 (PRIVILEGED_COLOUR, translate("histogram", "privileged")))]
        self.stairs: list = []
        self._group_slot: np.ndarray | None = None   # group code -> stacked layer
        self._ylim: float | None = None
        self.thresholds = DEFAULT_THRESHOLDS
        self.counts = np.zeros((0, HIST_EDGES.size - 1), dtype=np.int64)

    def set_groups(self, group: np.ndarray, group_labels: list) -> None:
        """One filled step patch per group layer (the largest groups, then "other")."""
        for artist in self.stairs:
            artist.remove()
        self.stairs = []
        group = np.asarray(group, dtype=np.int64)
        labels = [str(x) for x in group_labels]
        sizes = np.bincount(group, minlength=len(labels))
        few = len(labels) <= len(GROUP_COLOURS)
        keep = len(GROUP_COLOURS) if few else len(GROUP_COLOURS) - 1
        # Layers keep the groups' own order (group 0 first) among the largest groups.
        chosen = np.sort(np.argsort(-sizes, kind="stable")[:keep])
        slot = np.full(len(labels), len(chosen), dtype=np.int64)
        slot[chosen] = np.arange(len(chosen))
        names = [labels[c] for c in chosen]
        colours = list(GROUP_COLOURS[:len(chosen)])
        if not few:
            names.append(translate("histogram", "{n} other groups").format(
                n=len(labels) - len(chosen)))
            colours.append(OTHER_COLOUR)
        self._group_slot = slot
        self._ylim = None
        zeros = np.zeros(HIST_EDGES.size - 1)
        for colour in colours:
            self.stairs.append(self.ax.stairs(zeros, HIST_EDGES, baseline=0.0, fill=True,
                                              color=colour, zorder=2, animated=True))
        self._group_handles = [Patch(facecolor=c, label=name)
                               for c, name in zip(colours, names)]

    def legend_entries(self, with_regions: bool = True) -> list[Patch]:
        """The groups' legend entries, then the shaded regions' if asked for."""
        return self._group_handles + (self._region_handles if with_regions else [])

    def update(self, scores: np.ndarray, group: np.ndarray,
               thresholds: tuple[float, float]) -> tuple[bool, bool]:
        """Show these scores; (the y limit changed, the thresholds changed).

        Either means the background must be redrawn; new thresholds also mean a new
        layout, since the region labels may now fit, or not.
        """
        if self._group_slot is None or not self.stairs:
            return False, False
        nb = HIST_EDGES.size - 1
        scores = np.asarray(scores, dtype=float)
        width = (HIST_EDGES[-1] - HIST_EDGES[0]) / nb
        b = np.clip(((scores - HIST_EDGES[0]) // width).astype(np.int64), 0, nb - 1)
        layers = len(self.stairs)
        group = np.asarray(group, dtype=np.int64)
        counts = np.bincount(self._group_slot[group] * nb + b,
                             minlength=layers * nb).reshape(layers, nb)
        top = np.cumsum(counts, axis=0).astype(float)
        base = np.zeros(nb)
        for artist, row in zip(self.stairs, top):
            artist.set_data(values=row, baseline=base)
            base = row
        self.counts = counts
        rescaled = False
        want = max(5.0, float(top[-1].max()) * 1.3)   # head-room for the labels at the top
        if self._ylim is None or want > self._ylim or want < 0.5 * self._ylim:
            self._ylim = float(MaxNLocator(nbins=4, integer=True).tick_values(0, want)[-1])
            self.ax.set_ylim(0.0, self._ylim)
            rescaled = True
        if thresholds == self.thresholds:
            return rescaled, False
        self.thresholds = lo, hi = thresholds
        self._restricted_span.set_width(lo - HIST_EDGES[0])
        self._privileged_span.set_x(hi)
        self._privileged_span.set_width(HIST_EDGES[-1] - hi)
        self._restricted_line.set_xdata([lo, lo])
        self._privileged_line.set_xdata([hi, hi])
        return rescaled, True

    def place_threshold_labels(self, axes_px: float,
                               text_px: Callable[[str, float], float]) -> bool:
        """Label each shaded region inside it, at its outer end, if both labels fit.

        ``axes_px`` is the axes' width and ``text_px(text, size_pt)`` a text's, in
        pixels. Returns whether they fit; when not, the legend names the regions instead.
        """
        lo, hi = self.thresholds
        per_px = (HIST_EDGES[-1] - HIST_EDGES[0]) / max(axes_px, 1.0)
        gap = 3 * self.figure.dpi / 72.0
        fit = all(text_px(label.get_text(), TEXT_PT) + 3 * gap <= (end - start) / per_px
                  for label, start, end in ((self._restricted_label, HIST_EDGES[0], lo),
                                            (self._privileged_label, hi, HIST_EDGES[-1])))
        for label in (self._restricted_label, self._privileged_label):
            label.set_visible(fit)
        self._restricted_label.set_x(HIST_EDGES[0] + gap * per_px)
        self._privileged_label.set_x(HIST_EDGES[-1] - gap * per_px)
        return fit

    def place_legend(self, handles: list[Patch], ncol: int, start: float) -> int:
        """(Re)make the legend above the axes in ``ncol`` columns; the number of rows.

        ``start`` is the legend's left edge in axes fractions (negative: over the y tick
        labels). Only called on resize or a new run.
        """
        if self._legend is not None:
            self._legend.remove()
            self._legend = None
        if not handles:
            return 0
        self._legend = self.ax.legend(
            handles=handles, loc="lower left", bbox_to_anchor=(start, 1.0), frameon=False,
            fontsize=TEXT_PT, ncol=ncol, handlelength=1.2, handletextpad=0.4,
            # Clear of the top y tick label, which sticks out above the axes.
            columnspacing=1.0, borderaxespad=0.7, borderpad=0.1)
        return math.ceil(len(handles) / ncol)

    def set_title(self, text: str, pad_pt: float, x: float) -> None:
        """The title, ``pad_pt`` above the axes (room for the legend), left edge at ``x``."""
        self.title = self.ax.set_title(text, loc="left", fontsize=TITLE_PT,
                                       fontweight="bold", pad=pad_pt, y=1.0)
        self.title.set_x(x)

    def tooltip(self) -> str:
        lo, hi = self.thresholds
        return (tr_data("histogram", HIST_TITLE) + "\n\n"
                + translate("histogram", "Number of people in each {bin:g}-point score bin "
                            "from {lo:g} to {hi:g}, the bars of each group stacked on the "
                            "others.").format(bin=HIST_EDGES[1] - HIST_EDGES[0],
                                              lo=SCORE_RANGE[0], hi=SCORE_RANGE[1])
                + "\n" + translate("histogram", "Shaded: restricted (below {lo:g}) and "
                                   "privileged ({hi:g} and above).").format(lo=lo, hi=hi))
