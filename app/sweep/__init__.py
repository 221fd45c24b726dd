"""The Sweep panel: many runs of the scenario over a grid of values and seeds.

- :mod:`app.sweep.panel`: the form, progress, cancel, exports (:class:`QtSweepPanel`);
- :mod:`app.sweep.plot`: a metric with a band over seeds, or a heatmap for two parameters;
- :mod:`app.sweep.job`: the sweep in a background thread, its runs on a process pool.

The work is :mod:`models.sweeps`, the same as ``scorenet sweep``.
"""
