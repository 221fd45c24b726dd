"""The Sweep panel: pick one or two parameters and their values, the seeds and steps;
run them in the background; see a metric against the parameters; open any point's run
in the main view; export the plot and the table.

The panel knows the window only through what it is given: a callable returning the
scenario to start from, and the ``open_run(Scenario)`` signal it emits. Values are read
and checked by :mod:`models.sweeps` (the same rules as ``scorenet sweep --vary``), so a
mistake shows as one line under the form before anything runs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QProgressBar, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from app.sweep.job import SweepJob
from app.sweep.plot import QtSweepPlot
from models.atomic import atomic_path
from models.errors import ScenarioError
from models.scenario import Scenario
from models.schema import FIELD_BY_NAME, FIELDS, Field
from models.sweeps import (SweepOutcome, SweepPlan, default_workers, make_plan, parse_vary,
                           tidy_columns, write_table)
from app.common.i18n import QT_TRANSLATE_NOOP, field_label, tr_data, translate

__all__ = ["QtSweepPanel", "sweepable_fields", "suggested_values"]

_NONE = QT_TRANSLATE_NOOP("sweep_panel", "(none)")


def _none() -> str:
    """The "no second parameter" entry, in the app's language."""
    return tr_data("sweep_panel", _NONE)


def sweepable_fields() -> list[Field]:
    """Parameters worth sweeping: numbers, switches and choices that change the model."""
    skip = {"run.seed", "run.steps", "network.path"}
    return [f for f in FIELDS if f.section != "about" and f.name not in skip
            and (f.type in (int, float, bool) or f.choices)]


def suggested_values(field: Field, base: Scenario) -> str:
    """A starting text for a parameter's values, around its value in ``base``."""
    current = base[field.name]
    if field.type is bool:
        return "true, false"
    if field.choices:   # those that make a valid scenario (a file kind needs a path)
        return ", ".join(c for c in field.choices if _valid(base, field.name, c))
    if field.type is int:
        step = max(1, int(field.step or 1))
        values = [current + k * step for k in (-1, 0, 1)]
        return ", ".join(str(v) for v in values if _valid(base, field.name, v))
    if current == 0:
        top = 1.0 if field.hi is None or field.hi >= 1 else field.hi
        return f"0:{top:g}:5"
    # From half to one and a half times the value, narrowed until both ends are allowed.
    ends = []
    for factor in (0.5, 1.5):
        for shrink in (1.0, 0.5, 0.2, 0.0):
            v = current * (1 + (factor - 1) * shrink)
            v = min(max(v, field.lo if field.lo is not None else v),
                    field.hi if field.hi is not None else v)
            if _valid(base, field.name, v):
                ends.append(v)
                break
    if len(ends) < 2 or ends[0] == ends[1]:
        return f"{current:g}"
    return f"{ends[0]:g}:{ends[1]:g}:5"


def _valid(base: Scenario, name: str, value) -> bool:
    try:
        base.replace({name: value})
    except ScenarioError:
        return False
    return True


def panel_error(exc: ScenarioError, where: str) -> ScenarioError:
    """``exc`` in the panel's terms: the row it is about instead of ``--vary ...``, and a
    value list described as the panel's fields take it."""
    problem = exc.problem
    if problem.startswith("expected KEY="):
        problem = translate("sweep_panel", "write values as a list (0.1, 0.3) or as "
                            "START:STOP:COUNT")
    for name in sorted(FIELD_BY_NAME, key=len, reverse=True):   # labels, not raw keys
        if name in problem:
            problem = problem.replace(name, _label(name))
    key = _label(exc.key) if exc.key in FIELD_BY_NAME and _label(exc.key) not in where else ""
    return ScenarioError(where, key, problem)


def _label(name: str) -> str:
    """A parameter as the Parameters panel names it, in the app's language."""
    return field_label(name) if name in FIELD_BY_NAME else name


class QtSweepPanel(QWidget):
    """The sweep form, its progress and its plot.

    Parameters
    ----------
    base
        Returns the scenario a sweep starts from (the main window's, unsaved edits
        included).

    Signals
    -------
    open_run(Scenario)
        The user clicked a point: this is the scenario of that point's first seed.
    message(str)
        A line for the status bar.
    job_progress(done, total)
        Runs finished so far.
    job_done(outcome)
        The sweep ended (finished, cancelled, or failed: then None); the panel is idle.
    """

    open_run = Signal(object)
    message = Signal(str)
    job_progress = Signal(int, int)
    job_done = Signal(object)

    def __init__(self, base: Callable[[], Scenario], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base = base
        self.job: SweepJob | None = None
        self.outcome: SweepOutcome | None = None
        self._fields = {f.name: f for f in sweepable_fields()}
        self._build()
        self._on_key_changed()
        if self.key(self.key1) == "rubric.social":
            self.values1.setText("0:0.4:5")   # the question the panel is first asked
        self.seeds.valueChanged.connect(lambda _v: self._count_runs())
        self._count_runs()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        form_box = QGroupBox(translate("sweep_panel", "Sweep"))
        form_box.setMaximumWidth(1100)   # long fields are hard to read on a wide screen
        form = QFormLayout(form_box)
        self.key1, self.values1 = self._key_row(form, translate("sweep_panel", "Parameter"),
                                                "rubric.social", False)
        self.key2, self.values2 = self._key_row(
            form, translate("sweep_panel", "Second parameter"), None, True)
        self.seeds = QSpinBox(minimum=1, maximum=1000, value=5)
        self.seeds.setToolTip(translate("sweep_panel", "Every grid point runs this many seeds, from the scenario's."))
        self.steps = QSpinBox(minimum=0, maximum=100_000, value=60, singleStep=10)
        self.workers = QSpinBox(minimum=1, maximum=max(64, default_workers()),
                                value=default_workers())
        self.workers.setToolTip(translate("sweep_panel", "Processes running at once (one per core is usually best)."))
        row = QHBoxLayout()
        for label, box in ((translate("sweep_panel", "Seeds"), self.seeds),
                           (translate("sweep_panel", "Steps"), self.steps),
                           (translate("sweep_panel", "Workers"), self.workers)):
            row.addWidget(QLabel(label))
            row.addWidget(box)
        row.addStretch(1)
        form.addRow(row)
        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B00020;")
        self.error.hide()
        form.addRow(self.error)
        buttons = QHBoxLayout()
        self.run_button = QPushButton(translate("sweep_panel", "Run sweep"))
        self.run_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(translate("sweep_panel", "Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setFormat(translate("sweep_panel", "%v / %m runs"))
        self.progress.setValue(0)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)
        form.addRow(buttons)

        self.plot = QtSweepPlot(self)
        self.plot.point_clicked.connect(self._on_point_clicked)
        self.metric_box = QComboBox()
        self.metric_box.currentIndexChanged.connect(self._redraw)
        self.export_plot_button = QPushButton(translate("sweep_panel", "Export plot\u2026"))
        self.export_plot_button.clicked.connect(self._on_export_plot)
        self.export_table_button = QPushButton(translate("sweep_panel", "Export table\u2026"))
        self.export_table_button.clicked.connect(self._on_export_table)
        tools = QHBoxLayout()
        tools.addWidget(QLabel(translate("sweep_panel", "Metric")))
        tools.addWidget(self.metric_box, 1)
        tools.addWidget(self.export_plot_button)
        tools.addWidget(self.export_table_button)
        self.hint = QLabel(translate("sweep_panel", "Click a point to open that run in the main view."))
        self.hint.setStyleSheet("color: #555555;")
        layout = QVBoxLayout(self)
        layout.addWidget(form_box)
        layout.addLayout(tools)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.hint)
        self._set_results_enabled(False)

    def _key_row(self, form: QFormLayout, label: str, key: str | None, optional: bool):
        combo = QComboBox()
        if optional:
            combo.addItem(_none())
        # Shown by its label, as the Parameters panel shows it; the key is the item's data.
        for name, f in self._fields.items():
            combo.addItem(_label(name), name)
            combo.setItemData(combo.count() - 1, tr_data("schema", f.doc), 3)   # 3: Qt.ToolTipRole
        self.choose(combo, key)
        values = QLineEdit()
        values.setPlaceholderText(translate("sweep_panel", "V1, V2, ... or START:STOP:COUNT"))
        values.setToolTip(translate("sweep_panel", "Values as in scorenet sweep --vary: a list, or COUNT evenly "
                          "spaced values from START to STOP."))
        combo.currentIndexChanged.connect(self._on_key_changed)
        values.textChanged.connect(lambda _t: (self._say(""), self._count_runs()))
        row = QHBoxLayout()
        row.addWidget(combo, 2)
        row.addWidget(values, 3)
        form.addRow(label, row)
        return combo, values

    @property
    def metric(self) -> str | None:
        """The column of the metric the plot shows (e.g. ``assortativity``)."""
        return self.metric_box.currentData()

    def choose_metric(self, name: str | None) -> None:
        """Show metric column ``name`` (KeyError if the sweep has no such column)."""
        if name is None:
            return
        index = self.metric_box.findData(name)
        if index < 0:
            raise KeyError(name)
        self.metric_box.setCurrentIndex(index)

    @staticmethod
    def key(combo: QComboBox) -> str | None:
        """The parameter a row's list has chosen (its key), None for "(none)"."""
        return combo.currentData()

    @staticmethod
    def choose(combo: QComboBox, name: str | None) -> None:
        """Choose parameter ``name`` (a key such as ``rubric.social``; None: "(none)")."""
        index = combo.findData(name) if name is not None else 0
        if index < 0 or (name is None and combo.itemData(0) is not None):
            raise KeyError(name)
        combo.setCurrentIndex(index)

    def _on_key_changed(self, _index: int = 0) -> None:
        base = self._base()
        for combo, values in ((self.key1, self.values1), (self.key2, self.values2)):
            name = self.key(combo)
            values.setEnabled(name is not None)
            if name is None:
                values.clear()
            elif values.property("key") != name:
                values.setText(suggested_values(self._fields[name], base))
            values.setProperty("key", name)
        self._say("")

    # ------------------------------------------------------------------ running
    def make_plan(self) -> SweepPlan:
        """The plan the form describes; ScenarioError (one line) when it is wrong."""
        vary = []
        for row, combo, values in ((translate("sweep_panel", "Parameter"), self.key1, self.values1),
                                   (translate("sweep_panel", "Second parameter"), self.key2,
                                    self.values2)):
            name = self.key(combo)
            if name is not None:
                try:
                    vary.append(parse_vary(f"{name}={values.text()}"))
                except ScenarioError as exc:
                    raise panel_error(exc, f"{row} ({_label(name)})") from None
        base = self._base()
        first = base["run.seed"]
        seeds = [first + i for i in range(self.seeds.value())]
        try:
            return make_plan(base, vary, seeds, steps=self.steps.value())
        except ScenarioError as exc:
            raise panel_error(exc, translate("sweep_panel", "Sweep")) from None

    def _count_runs(self) -> None:
        """Show how many runs the form describes before it is run (not a bare 100)."""
        if self.job is not None:
            return
        try:
            runs = len(self.make_plan())
        except ScenarioError:
            return
        self.progress.setRange(0, max(runs, 1))
        self.progress.setValue(0)

    def start(self) -> bool:
        """Check the form and start the sweep; False (and a message) if it is wrong."""
        if self.job is not None:
            return False
        try:
            plan = self.make_plan()
        except ScenarioError as exc:
            self._say(str(exc))
            return False
        self._say("")
        self.job = SweepJob(plan, self.workers.value(), self)
        self.job.progress.connect(self._on_progress)
        self.job.done.connect(self._on_done)
        self.job.failed.connect(self._on_failed)
        self.job.finished.connect(self._on_finished)
        self.progress.setRange(0, len(plan))
        self.progress.setValue(0)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.message.emit(translate("sweep_panel", "Sweep: {n} runs of {steps} steps started.")
                          .format(n=len(plan), steps=plan.steps))
        self.job.start()
        return True

    def cancel(self) -> None:
        """Stop after the runs in progress; what finished is kept and plotted."""
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.progress.setFormat(translate("sweep_panel", "Cancelling: %v / %m runs"))

    def shutdown(self) -> None:
        """Cancel and wait for the background sweep (the window is closing)."""
        if self.job is not None:
            self.job.cancel()
            self.job.wait()

    @property
    def running(self) -> bool:
        return self.job is not None

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setValue(done)
        self.job_progress.emit(done, total)

    def _on_done(self, outcome: SweepOutcome) -> None:
        self.outcome = outcome
        names = [c for c in tidy_columns(outcome) if c not in (*outcome.plan.keys, "seed",
                                                                "step")]
        keep = self.metric or "assortativity"
        self.metric_box.blockSignals(True)
        self.metric_box.clear()
        # Shown by the plot's plain-words title; the metric's column name is the data.
        for name in names:
            self.metric_box.addItem(self.plot.metric_title(name), name)
        self.choose_metric(keep if keep in names else names[0] if names else None)
        self.metric_box.blockSignals(False)
        self._redraw()
        self._set_results_enabled(bool(outcome.results))
        done = len(outcome.results)
        self.message.emit((translate("sweep_panel", "Sweep cancelled: {done} of {n} runs.")
                           if outcome.stopped else
                           translate("sweep_panel", "Sweep finished: {done} of {n} runs."))
                          .format(done=done, n=len(outcome.plan)))

    def _say(self, error: str) -> None:
        """Show a one-line error under the form (hidden when there is none)."""
        self.error.setText(error)
        self.error.setVisible(bool(error))

    def _on_failed(self, message: str) -> None:
        self._say(message)
        self.message.emit(translate("sweep_panel", "Sweep failed: ") + message)

    def _on_finished(self) -> None:
        failed = self.job is not None and self.job.outcome is None
        self.job = None
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setFormat(translate("sweep_panel", "%v / %m runs"))
        self.job_done.emit(None if failed else self.outcome)

    def _redraw(self, _index: int = 0) -> None:
        self.plot.show_outcome(self.outcome, self.metric or "")

    def _set_results_enabled(self, on: bool) -> None:
        for w in (self.metric_box, self.export_plot_button, self.export_table_button):
            w.setEnabled(on)

    # ------------------------------------------------------------------ results
    def _on_point_clicked(self, point: dict) -> None:
        if self.outcome is None:
            return
        plan = self.outcome.plan
        scenario = plan.base.replace({**point, "run.seed": plan.seeds[0],
                                      "run.steps": plan.steps})
        where = ", ".join(f"{_label(k)} = {v}" for k, v in point.items()) or translate(
            "sweep_panel", "the scenario")
        self.message.emit(translate("sweep_panel", "Opened the run at {where}, seed {seed}.")
                          .format(where=where, seed=plan.seeds[0]))
        self.open_run.emit(scenario)

    def export_plot(self, path: str | Path) -> None:
        """Write the figure as PNG or SVG (by the file's suffix), atomically."""
        path = Path(path)
        import matplotlib as mpl

        from app.common.figsave import FILE_RC, file_metadata

        fmt = "svg" if path.suffix.lower() == ".svg" else "png"
        with atomic_path(path) as tmp, mpl.rc_context(FILE_RC):   # same plot, same bytes
            self.plot.figure.savefig(tmp, format=fmt, dpi=150, metadata=file_metadata(fmt))

    def export_table(self, path: str | Path) -> None:
        """Write the tidy table (one row per run and step) as CSV, atomically."""
        if self.outcome is not None:
            write_table(path, tidy_columns(self.outcome))

    def _ask_path(self, title: str, filters: str, default: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, title, default, filters)
        return path or None

    def _on_export_plot(self) -> None:
        path = self._ask_path(translate("sweep_panel", "Export sweep plot"),
                              translate("sweep_panel", "PNG image (*.png);;SVG image (*.svg)"),
                              "sweep.png")
        if path:
            self._guarded(self.export_plot, path)

    def _on_export_table(self) -> None:
        path = self._ask_path(translate("sweep_panel", "Export sweep table"),
                              translate("sweep_panel", "CSV table (*.csv)"), "sweep.csv")
        if path:
            self._guarded(self.export_table, path)

    def _guarded(self, write, path: str) -> None:
        try:
            write(path)
        except OSError as exc:
            self._say(f"{path}: {exc.strerror or exc}")
            return
        self.message.emit(translate("sweep_panel", "Wrote {path}.").format(path=path))
