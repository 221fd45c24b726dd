"""Looks and words of the main window: fonts, colours the views share, the app icon, and
the Help texts.

Kept apart from the window's wiring so the texts can be edited without reading Qt code.
Sizes are chosen for a projector: a 10.5 pt minimum font, bold group titles.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from app.common.i18n import translate
from models.schema import FIELD_BY_NAME
from models.score import SCORE_MAX, SCORE_MIN
from models.shipped import asset_dir

__all__ = ["apply_theme", "app_icon", "about_html", "model_html", "MIN_FONT_PT",
           "STATUS_COLOURS", "COMPONENT_COLOURS", "SCORE_RANGE", "DEFAULT_THRESHOLDS"]

#: The smallest font the window uses: readable from the back of a classroom.
MIN_FONT_PT = 10.5

#: Colours per status code (the inspector's badges, the network's rings). White text on
#: each passes 3:1 for large bold text; on the network, vermillion shows on viridis's
#: purples and blues (low scores), blue on its greens and yellows (high scores).
STATUS_COLOURS: dict[int, str] = {-1: "#C4420A", 0: "#5F5F5F", 1: "#0067A5"}

#: Okabe-Ito colours per rubric component; friends stand out in vermillion.
COMPONENT_COLOURS: dict[str, str] = {
    "history": "#0072B2", "capacity": "#E69F00", "identity": "#009E73",
    "behaviour": "#CC79A7", "social": "#D55E00",
}

_ICON = asset_dir("icons") / "scorenet.svg"

_STYLE = """
QGroupBox { font-weight: bold; margin-top: 1.1em; padding-top: 0.25em; }
QGroupBox::title { subcontrol-origin: margin; left: 6px; padding: 0 4px; }
QGroupBox QLabel, QGroupBox QCheckBox, QGroupBox QSpinBox, QGroupBox QDoubleSpinBox,
QGroupBox QComboBox, QGroupBox QLineEdit, QGroupBox QPushButton { font-weight: normal; }
QDockWidget::title { padding: 4px 6px; font-weight: bold; }
QToolButton { padding: 3px 6px; }
"""


def apply_theme(app: QApplication) -> None:
    """Fusion style (same look on every desktop), a projector-friendly font, the icon."""
    app.setStyle("Fusion")
    font = QFont(app.font())
    if font.pointSizeF() < MIN_FONT_PT:
        font.setPointSizeF(MIN_FONT_PT)
        app.setFont(font)
    app.setStyleSheet(_STYLE)
    app.setWindowIcon(app_icon())


def app_icon() -> QIcon:
    """The ScoreNet icon (a small network coloured by score), or an empty icon."""
    return QIcon(str(_ICON)) if _ICON.is_file() else QIcon()


#: The score's range and the perks' default thresholds, from the model (never retyped).
SCORE_RANGE: tuple[float, float] = (SCORE_MIN, SCORE_MAX)
DEFAULT_THRESHOLDS: tuple[float, float] = (
    float(FIELD_BY_NAME["perks.restricted_below"].default),
    float(FIELD_BY_NAME["perks.privileged_at"].default))
_LO, _HI, _SPAN = f"{SCORE_MIN:g}", f"{SCORE_MAX:g}", f"{SCORE_MAX - SCORE_MIN:g}"


def about_html() -> str:
    """Help > About, in the app's language."""
    return translate("theme", """
<h3>ScoreNet</h3>
<p>Simulates what a social credit score, like Alibaba's Sesame Credit ({lo} to {hi}),
does to a society: who is friends with whom, who dates whom, and who gets stuck.</p>
<p>Same scenario and seed give the same run as <code>scorenet run</code>, bit for bit.
Scenario files are plain TOML; every parameter is in them.</p>
<p>Mouse: wheel to zoom, drag to pan, click a person to inspect them, double-click to
fit the network. Keys: Space play/pause, Right one step, Ctrl+R reset.</p>
""").format(lo=_LO, hi=_HI)


def model_html() -> str:
    """Help > The model in brief, in the app's language."""
    return translate("theme", """
<h3>The model in brief</h3>
<p><b>People and ties.</b> N people on a friendship network, plus dating ties. Each has
wealth, a reliability to pay on time, personal stability, a group, and may have opted
out. One step is one month.</p>
<p><b>The score</b> ({lo} to {hi}) is a weighted sum of five components, each in [0, 1]:
credit history <i>1 / (1 + missed payments)</i>, fulfilment capacity (wealth
percentile), personal characteristics (stability), behaviour (spending percentile) and
interpersonal relationships (friends' mean score last month):</p>
<p align="center"><i>score = {lo} + {span} &times; &Sigma; (w<sub>k</sub> / &Sigma;w)
x<sub>k</sub> &minus; violation points</i></p>
<p><b>Life events.</b> Bills are paid or missed, scams strike through no fault of one's
own, violations arrive; old mistakes fade with the forgiveness half-life.</p>
<p><b>Perks and restrictions.</b> Above the privileged threshold people get perks (loans,
deposit-free renting) that make missing a bill rarer; below the restricted threshold
they lose them, which makes it likelier: a feedback loop.</p>
<p><b>Friend sharing.</b> When friends see each other's scores and friends' scores count,
people drop low-scoring friends and seek similar ones. <b>Dating app.</b> Showing scores
makes people aim up; matches last a few months.</p>
<p><b>What to watch.</b> Assortativity (friends with similar scores), stratification
(scores split along friend circles), restricted and isolated shares, inequality (Gini),
and the degree gap (do high scorers have more friends?). Hover over a plot for the
exact definition.</p>
""").format(lo=_LO, hi=_HI, span=_SPAN)
