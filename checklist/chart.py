"""The radar chart of the six area scores, drawn as SVG with matplotlib.

Pure Python: no Flask import. Uses matplotlib's object-oriented API (a Figure per chart) and
never pyplot, whose global state is unsafe in threaded servers. The SVG is made safe to inline
into a page whose Content-Security-Policy forbids inline styles: style attributes become
presentation attributes, and the <style> element goes.
"""

from __future__ import annotations

import html
import io
import math
import re
from collections.abc import Sequence
from functools import lru_cache

import matplotlib

matplotlib.use("svg")
matplotlib.rcParams.update(
    {
        "svg.fonttype": "none",  # text stays text: smaller, selectable, readable when printed
        "svg.hashsalt": "checklist",  # stable clip-path ids, so identical charts are identical
        "font.family": "sans-serif",
    }
)

from matplotlib.figure import Figure  # noqa: E402  (after choosing the backend)

INK = "#0b0c0c"
FILL = "#1d70b8"
GRID = "#6f777b"
SIZE_INCHES = 3.4

_STYLE = re.compile(r'style="([^"]*)"')
_REMOVE = [
    re.compile(r"<\?xml[^>]*>\s*"),
    re.compile(r"<!DOCTYPE[^>]*>\s*", re.S),
    re.compile(r"<metadata>.*?</metadata>\s*", re.S),
    re.compile(r"<style[^>]*>.*?</style>\s*", re.S),
    re.compile(r'<path d="M 0 [^"]*"\s+fill="#ffffff"/>'),  # the white background
]
_ID = re.compile(r' id="([^"]*)"')
_REFERENCE = re.compile(r'(?:url\(|href=")#([^)"]+)')
# Six decimals of a point are far finer than a screen or a printer can show.
_LONG_DECIMAL = re.compile(r"(\d\.\d)\d+")
_SPACE = re.compile(r"\s*\n\s*")


def _presentation_attributes(match: re.Match[str]) -> str:
    attributes = []
    for declaration in match.group(1).split(";"):
        name, _, value = declaration.partition(":")
        name, value = name.strip(), value.strip()
        if name == "font-family":
            value = "sans-serif"
        if name:
            attributes.append(f'{name}="{value}"')
    return " ".join(attributes)


def _inline_safe(svg: str) -> str:
    svg = _STYLE.sub(_presentation_attributes, svg)
    for pattern in _REMOVE:
        svg = pattern.sub("", svg)
    # Drop the ids matplotlib gives every group ("figure_1"): they would clash with the page's.
    referenced = set(_REFERENCE.findall(svg))
    svg = _ID.sub(lambda m: m.group(0) if m.group(1) in referenced else "", svg)
    svg = _SPACE.sub(" ", _LONG_DECIMAL.sub(r"\1", svg))
    return svg.replace("<svg ", '<svg stroke-linejoin="round" stroke-linecap="butt" ', 1)


def with_id_suffix(svg: str, suffix: str) -> str:
    """Return the SVG with its ids (and the references to them) made unique by a suffix.

    Needed when one page shows two charts: identical markers would otherwise share an id.
    """
    ids = set(_ID.findall(svg))
    for element_id in ids:
        svg = svg.replace(f'id="{element_id}"', f'id="{element_id}{suffix}"').replace(
            f"#{element_id}", f"#{element_id}{suffix}"
        )
    return svg


_ANCHOR = re.compile(r'text-anchor="(start|end)"')


def _right_to_left(svg: str) -> str:
    """Return the SVG with its text laid out right to left, each label where matplotlib placed it.

    matplotlib measures and places text as left to right. In a right-to-left SVG, "start" is a
    text's right end, so the anchors are swapped to keep every label on the side of its axis
    that matplotlib left room for. The browser shapes the Arabic or Persian letters (text stays
    text: svg.fonttype is none).
    """
    svg = _ANCHOR.sub(lambda m: f'text-anchor="{"end" if m.group(1) == "start" else "start"}"', svg)
    return svg.replace("<svg ", '<svg direction="rtl" ', 1)


def _rendered(figure: Figure) -> str:
    """Return the figure as SVG markup that is safe to inline (see _inline_safe)."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight", pad_inches=0.05)
    return _inline_safe(buffer.getvalue())


def _titled(svg: str, title: str) -> str:
    """Return the SVG as an image with this text alternative (unchanged without one)."""
    if not title:
        return svg
    svg = svg.replace("<svg ", '<svg role="img" ', 1)
    return re.sub(r"(<svg[^>]*>)", lambda m: f"{m.group(1)}<title>{html.escape(title)}</title>", svg, count=1)


def _outline(angles: Sequence[float], scores: Sequence[int | None]) -> tuple[list[float], list[float]]:
    """Return the closed outline through the scored axes; an area without a score is passed by."""
    points = [(angle, score) for angle, score in zip(angles, scores, strict=True) if score is not None]
    if points:
        points.append(points[0])
    return [angle for angle, _ in points], [score for _, score in points]


@lru_cache(maxsize=512)
def radar_svg(
    labels: tuple[str, ...],
    scores: tuple[int | None, ...],
    previous: tuple[int | None, ...] | None = None,
    title: str = "",
    rtl: bool = False,
) -> str:
    """Draw the radar chart of `scores` (0–100) with a dashed outline of `previous`, as SVG markup.

    A score of None (an area where nothing applies) leaves its axis empty; its label says why.
    rtl: for a right-to-left language the areas run anticlockwise from the top, as the page reads,
    and the labels are laid out right to left (see _right_to_left).

    Cached by its arguments, which are all it depends on, so repeated views do not re-render.
    """
    if len(labels) != len(scores) or (previous is not None and len(previous) != len(scores)):
        raise ValueError("labels, scores and previous scores must be of the same length")
    angles = [2 * math.pi * i / len(labels) for i in range(len(labels))]
    figure = Figure(figsize=(SIZE_INCHES, SIZE_INCHES))
    axes = figure.add_subplot(projection="polar")
    axes.set_theta_offset(math.pi / 2)  # the first area at the top, then in reading direction
    axes.set_theta_direction(1 if rtl else -1)
    axes.set_ylim(0, 100)
    axes.set_yticks([25, 50, 75, 100], ["25", "50", "75", "100"], fontsize=7, color=GRID)
    axes.set_rlabel_position(360 / len(labels) / 2)
    axes.set_xticks(angles, labels, fontsize=11, color=INK)
    axes.tick_params(axis="x", pad=6)
    for label, angle in zip(axes.get_xticklabels(), angles, strict=True):
        # Labels right of the centre start at their axis, those on the left end there.
        across = math.sin(angle) * (-1 if rtl else 1)
        if across > 0.01:
            label.set_horizontalalignment("left")
        elif across < -0.01:
            label.set_horizontalalignment("right")
    axes.grid(color=GRID, linewidth=0.6)
    axes.spines["polar"].set_color(GRID)
    if previous is not None:
        axes.plot(*_outline(angles, previous), color=INK, linewidth=1.5, linestyle=(0, (4, 3)))
    outline = _outline(angles, scores)
    axes.fill(*outline, color=FILL, alpha=0.3, linewidth=0)
    axes.plot(*outline, color=INK, linewidth=2, marker="o", markersize=4)
    figure.subplots_adjust(left=0.15, right=0.85, top=0.85, bottom=0.15)
    svg = _rendered(figure)
    if rtl:
        svg = _right_to_left(svg)
    return _titled(svg, title)


@lru_cache(maxsize=128)
def bar_svg(labels: tuple[str, ...], values: tuple[int, ...], title: str = "") -> str:
    """Draw a bar chart of counts (rounds per quarter, say) in the radar chart's style, as SVG markup."""
    if len(labels) != len(values):
        raise ValueError("labels and values must be of the same length")
    figure = Figure(figsize=(max(SIZE_INCHES, 0.45 * len(labels) + 1), 2.6))
    axes = figure.add_subplot()
    positions = range(len(labels))
    bars = axes.bar(positions, values, color=FILL, edgecolor=INK, linewidth=1)
    axes.bar_label(bars, labels=[str(v) for v in values], fontsize=8, color=INK)
    axes.set_xticks(list(positions), labels, fontsize=8, color=INK, rotation=90 if len(labels) > 6 else 0)
    axes.tick_params(axis="y", labelsize=8, colors=GRID)
    axes.set_ylim(0, max([*values, 5]) * 1.15)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color(GRID)
    return _titled(_rendered(figure), title)
