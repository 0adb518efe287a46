import re

from checklist.chart import radar_svg

LABELS = ("Kanavat", "Työkalut", "Työelämä", "Osaaminen", "Kielitaito", "Asenne")


def test_the_chart_is_inline_safe_svg_with_labels_and_a_text_alternative():
    svg = radar_svg(LABELS, (10, 20, 30, 40, 50, 60), None, "Scores: Channels 10")
    assert svg.startswith('<svg role="img"')
    assert "<title>Scores: Channels 10</title>" in svg
    for label in LABELS:
        assert f"> {label} <" in svg or f">{label}<" in svg
    # A page whose CSP forbids inline styles would lose them: no style attribute or element.
    assert "style=" not in svg and "<style" not in svg
    # Only ids the SVG itself refers to are kept, so they cannot clash with the page's.
    for element_id in re.findall(r' id="([^"]+)"', svg):
        assert f"#{element_id}" in svg


def test_the_title_is_escaped():
    svg = radar_svg(LABELS, (0,) * 6, None, "<script>")
    assert "<title>&lt;script&gt;</title>" in svg


def test_a_previous_round_adds_a_dashed_outline():
    without = radar_svg(LABELS, (10, 20, 30, 40, 50, 60))
    with_previous = radar_svg(LABELS, (10, 20, 30, 40, 50, 60), (5, 5, 5, 5, 5, 5))
    assert "stroke-dasharray" not in without
    assert "stroke-dasharray" in with_previous


def test_different_scores_draw_different_charts():
    assert radar_svg(LABELS, (10,) * 6) != radar_svg(LABELS, (90,) * 6)


def test_identical_charts_are_drawn_once():
    radar_svg.cache_clear()
    first = radar_svg(LABELS, (1, 2, 3, 4, 5, 6))
    second = radar_svg(LABELS, (1, 2, 3, 4, 5, 6))
    assert first is second
    assert radar_svg.cache_info().hits == 1 and radar_svg.cache_info().misses == 1


def test_mismatched_lengths_are_refused():
    import pytest

    with pytest.raises(ValueError):
        radar_svg(LABELS, (1, 2, 3))


def test_a_right_to_left_chart_runs_anticlockwise_with_its_labels_kept_as_text():
    labels = ("القنوات", "الأدوات", "الحياة العملية", "المهارات", "اللغة", "الإيجابية")
    left_to_right = radar_svg(labels, (10, 20, 30, 40, 50, 60))
    right_to_left = radar_svg(labels, (10, 20, 30, 40, 50, 60), rtl=True)
    assert 'direction="rtl"' in right_to_left and 'direction="rtl"' not in left_to_right
    # The same strings, in logical order, for the browser to shape.
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", right_to_left)
    assert [t for t in texts if not t.isdigit()] == list(labels)
    # In right-to-left text "start" is the right end: each anchor is swapped to keep the label
    # on the side matplotlib left room for.
    anchors = re.findall(r'text-anchor="(\w+)"', left_to_right)
    swapped = {"start": "end", "end": "start", "middle": "middle"}
    assert [swapped[a] for a in anchors] != anchors
    # The second area is on the left, as the page reads: its label ends nearer the left edge.
    second = re.search(r'<text [^>]*x="([\d.]+)"[^>]*>الأدوات<', right_to_left)
    assert float(second.group(1)) < float(re.search(r'viewBox="0 0 ([\d.]+)', right_to_left).group(1)) / 2
