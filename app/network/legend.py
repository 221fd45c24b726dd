"""The network panel's legend: what the rings, squares, lines and marks mean."""

from __future__ import annotations

from matplotlib.lines import Line2D

from app.common.i18n import translate
from app.network.marks import mark_handles
from app.network.people import CMAP, NORM, PRIVILEGED_RING, RESTRICTED_RING
from app.picture.style import DATING_COLOUR, SELECT_COLOUR, TIE_COLOUR

__all__ = ["LegendMixin", "TEXT_PT"]

#: Size of the panel's text, in points.
TEXT_PT = 11.5


class LegendMixin:
    """Builds the legend of :class:`~app.network.panel.QtNetworkView` (thresholds,
    compact mode and A/B marks come from the view)."""

    def _make_legend(self) -> None:
        lo, hi = self._thresholds
        mid = CMAP(NORM(650))
        handles = [
            Line2D([], [], marker="o", linestyle="", markersize=11, markerfacecolor=mid,
                   markeredgecolor=RESTRICTED_RING, markeredgewidth=2.5,
                   label=translate("legend", "restricted (below {lo:g})").format(lo=lo)),
            Line2D([], [], marker="o", linestyle="", markersize=11, markerfacecolor=mid,
                   markeredgecolor=PRIVILEGED_RING, markeredgewidth=2.5,
                   label=translate("legend", "privileged ({hi:g} and up)").format(hi=hi)),
            Line2D([], [], marker="s", linestyle="", markersize=10, markerfacecolor=mid,
                   markeredgecolor="none", label=translate("legend", "opted out (square)")),
        ]
        lines = [
            Line2D([], [], color=TIE_COLOUR, linewidth=1.5,
                   label=translate("legend", "friendship")),
            Line2D([], [], color=DATING_COLOUR, linewidth=2.5,
                   label=translate("legend", "dating")),
            Line2D([], [], marker="o", linestyle="", markersize=13, markerfacecolor="none",
                   markeredgecolor=SELECT_COLOUR, markeredgewidth=2.2,
                   label=translate("legend", "selected")),
        ]
        # Short or shared space: the marks matter more than the lines.
        handles = [*handles, *([] if self._compact else lines), *mark_handles(self._compare)]
        if self._legend is not None:
            self._legend.remove()
        # One column under the colour bar: the network keeps the full height.
        self._legend = self.figure.legend(handles=handles, loc="upper left", ncol=1,
                                          frameon=False, fontsize=TEXT_PT - 1.5 * self._compact,
                                          handlelength=1.6,
                                          handletextpad=0.6, labelspacing=0.5,
                                          borderaxespad=0.0, borderpad=0.0)
        self._legend.set_visible(getattr(self, "_side", True))
        self._update_layout()
