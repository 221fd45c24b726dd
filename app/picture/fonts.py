"""Chinese characters in matplotlib: a CJK font as the fallback after the usual one.

matplotlib's default font (DejaVu Sans) has no Chinese glyphs: titles, axes, legends
and captions in Chinese would be drawn as empty boxes. :func:`use_cjk_fonts` finds an
installed font that has them (Noto Sans CJK, Source Han Sans, WenQuanYi, Droid Sans
Fallback, and the usual Windows and macOS ones) and puts it after the default family,
so that Latin text looks as before and each Chinese glyph comes from the CJK font
(matplotlib's per-glyph fallback). Without one, and only when the language is Chinese,
one line says what to install, and matplotlib's warning per missing glyph is silenced.
A fallback without a bold (or a regular) face gets its nearest face registered under
that weight (:func:`fill_weights`), so that bold titles do not log "Failed to find font
weight bold" for it.
No Qt: the app, ``scorenet render`` and exports all call this.
"""

from __future__ import annotations

import sys
import warnings

__all__ = ["CJK_FONTS", "INSTALL_HINT", "WEIGHTS", "cjk_font", "fill_weights", "use_cjk_fonts"]

#: Font families with Simplified Chinese glyphs, best first.
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
             "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Sarasa Gothic SC",
             "Microsoft YaHei", "SimHei", "PingFang SC", "Hiragino Sans GB",
             "Heiti SC", "Noto Sans CJK JP", "AR PL UMing CN", "Droid Sans Fallback")

INSTALL_HINT = ("scorenet: no font with Chinese characters was found; Chinese text in "
                "pictures shows as boxes (install one, e.g. `apt install fonts-noto-cjk`)")

_done: str | None | bool = False   # False: not looked yet; None: none found


def cjk_font() -> str | None:
    """The first installed font family of :data:`CJK_FONTS`, or None.

    matplotlib's font list is cached: a font installed after the cache was made is asked
    of fontconfig (``fc-list :lang=zh``) and added.
    """
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    found = next((name for name in CJK_FONTS if name in installed), None)
    if found is not None:
        return found
    added = []
    for path in _fontconfig_files():
        try:
            font_manager.fontManager.addfont(path)
            added.append(font_manager.FontProperties(fname=path).get_name())
        except (OSError, RuntimeError, ValueError):
            continue   # a font matplotlib cannot read (a bitmap font, a broken file)
    return next((name for name in CJK_FONTS if name in added), added[0] if added else None)


def _fontconfig_files() -> list[str]:
    """Files of the fonts fontconfig knows with Simplified Chinese (none without it)."""
    import shutil
    import subprocess

    exe = shutil.which("fc-list")
    if exe is None:
        return []
    try:
        out = subprocess.run([exe, ":lang=zh", "--format", "%{file}\\n"],
                             capture_output=True, text=True, timeout=20, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted({line.strip() for line in out.splitlines()
                   if line.strip().lower().endswith((".ttf", ".otf", ".ttc"))})


def use_cjk_fonts(language: str | None = None) -> str | None:
    """Add the CJK fallback font to matplotlib's families (once); the family used, or
    None. Without one, warns once when ``language`` (default: the current) is Chinese."""
    global _done
    import matplotlib as mpl

    if _done is False:
        _done = cjk_font()
        if _done is not None:
            fill_weights(_done)
            families = list(mpl.rcParams["font.family"])
            if _done not in families:
                mpl.rcParams["font.family"] = [*families, _done]
    if _done is None:
        from app.common.language import current_language

        if (language or current_language()) == "zh_CN":
            _warn_once()
    return _done


#: The weights ScoreNet's pictures ask for: plain text, and bold titles.
WEIGHTS = (400, 700)


def fill_weights(family: str, weights: tuple[int, ...] = WEIGHTS) -> int:
    """Give ``family`` a face for each of ``weights`` it lacks: its nearest face again,
    registered under that weight; how many were added.

    matplotlib looks a bold title up in every family of the list, the fallback too, and
    logs "Failed to find font weight bold for Droid Sans Fallback" each time one has no
    bold face (Droid Sans Fallback has only a regular one). The glyphs drawn are the same
    (matplotlib takes the nearest face either way); registering it says so once, where
    the fallback is chosen, instead of a warning at every start.
    """
    from dataclasses import replace

    from matplotlib import font_manager

    def number(weight) -> int:   # "bold" or 700, as FontEntry holds either
        return weight if isinstance(weight, int) else font_manager.weight_dict[weight]

    fm = font_manager.fontManager
    faces = [f for f in fm.ttflist if f.name == family]
    have = {number(f.weight) for f in faces}
    added = 0
    for weight in weights:
        if faces and weight not in have:
            near = min(faces, key=lambda f: abs(number(f.weight) - weight))
            fm.ttflist.append(replace(near, weight=weight))
            added += 1
    if added and hasattr(fm, "_findfont_cached"):
        fm._findfont_cached.cache_clear()   # lookups made before see the new faces
    return added


_warned = False


def _warn_once() -> None:
    global _warned
    if not _warned:
        _warned = True
        sys.stderr.write(INSTALL_HINT + "\n")
        # One line said it; not another warning for every character drawn.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from")
