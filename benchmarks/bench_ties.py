"""Drawing moving ties and people: the options for the living layout, in one run.

    python benchmarks/bench_ties.py

Per frame at 1100x1000 pixels, for 5,000 people / ~25,000 ties (Barabasi-Albert) and the
facebook network (4,039 / 88,234): Agg drawing every tie as one compound path (what a
full redraw costs), Agg drawing a sample, the numpy tie raster of
:mod:`app.network.tie_raster` on every tie and within the view's per-frame budget, and
the people's pixel raster built exactly (sorted overlaps) or fast (while moving).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.timing import best_ms  # noqa: E402


def main() -> None:
    import igraph as ig
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import PathPatch

    from app.network.motion import MOVING_TIE_SAMPLES
    from app.network.people import NodeRaster
    from app.network.tie_raster import paint_ties
    from app.picture.scene import segments_path
    from models.layout import layout

    ig.set_random_number_generator(__import__("random").Random(0))
    fb = np.loadtxt(ROOT / "assets" / "networks" / "facebook_combined.txt", dtype=np.int64)
    cases = [("5,000 / 25,000", 5000, np.array(ig.Graph.Barabasi(5000, 5).get_edgelist())),
             ("facebook", 4039, fb)]
    W, H = 1100, 1000
    print("| graph | Agg, all ties | Agg, 2,000 ties | raster, all | raster, budget "
          f"{MOVING_TIE_SAMPLES:,} px | people raster exact | fast |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, n, edges in cases:
        pos = layout(n, edges, seed=0)
        fig = Figure(figsize=(W / 100, H / 100), dpi=100)
        canvas = FigureCanvasAgg(fig)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        patch = PathPatch(segments_path(pos, edges), fill=False, linewidth=0.4, alpha=0.2)
        ax.add_patch(patch)
        canvas.draw()
        agg_all = best_ms(canvas.draw, 3)
        patch.set_path(segments_path(pos, edges[:: max(1, len(edges) // 2000)]))
        agg_some = best_ms(canvas.draw, 3)
        buf = np.full((H, W, 4), 255, np.uint8)
        px = pos * [W - 40, H - 40] + 20
        ends = px[edges]
        grey = np.array([138.0, 138.0, 138.0])
        clip = (0, 0, W, H)
        raster_all = best_ms(lambda: paint_ties(buf, ends, clip, grey, 0.2), 3)
        raster_budget = best_ms(lambda: paint_ties(buf, ends, clip, grey, 0.2,
                                                   max_samples=MOVING_TIE_SAMPLES))
        d = float(np.clip(0.35 * 1000 / np.sqrt(n), 1.5, 16.0))
        square = np.zeros(n, bool)
        exact = best_ms(lambda: NodeRaster(px, square, d, 1.0, clip, H, W, exact=True))
        fast = best_ms(lambda: NodeRaster(px, square, d, 1.0, clip, H, W, exact=False))
        print(f"| {name} | {agg_all:.0f} ms | {agg_some:.0f} ms | {raster_all:.0f} ms | "
              f"{raster_budget:.0f} ms | {exact:.0f} ms | {fast:.0f} ms |")


if __name__ == "__main__":
    main()
