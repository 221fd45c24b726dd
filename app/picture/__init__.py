"""The network picture without a window: for exported images, slides and animations.

- :mod:`app.picture.style`: colours, marker sizes and tie styles (the app's network view
  uses the same);
- :mod:`app.picture.caption`: the caption in plain words, and the settings changed on
  the way;
- :mod:`app.picture.scene`: :class:`~app.picture.scene.NetworkPicture` and
  :class:`~app.picture.scene.Board` (one picture, or A and B side by side), matplotlib
  Agg;
- :mod:`app.picture.movie`: a run with a living layout, written as MP4, GIF, PNG or SVG.

No Qt here (an import-linter contract says so): ``scorenet render`` runs headless.
"""
