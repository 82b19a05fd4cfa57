"""A small bar chart of an entity's activity over time, as SVG geometry for the template (no JS, no CDN).

Each period (`YYYY-MM`) gets two bars side by side: articles that mention the entity and statements it made.
The template draws the rectangles; each carries a <title> so a browser shows the figures on hover.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from letopis.store.base import TimePoint

WIDTH = 640
HEIGHT = 180
PAD_LEFT = 32
PAD_BOTTOM = 36
PAD_TOP = 10
MAX_PERIODS = 36  # the latest three years of months


@dataclass(slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    css: str
    title: str


@dataclass(slots=True)
class Chart:
    width: int
    height: int
    bars: list[Bar] = field(default_factory=list)
    labels: list[tuple[float, str]] = field(default_factory=list)  # x, period
    ticks: list[tuple[float, int]] = field(default_factory=list)  # y, value
    baseline: float = 0.0


def activity_chart(points: list[TimePoint]) -> Chart | None:
    """Bars for mentions and statements per period; None when there is nothing to draw."""
    dated = sorted((p for p in points if p.period != "unknown"), key=lambda p: p.period)[-MAX_PERIODS:]
    if not dated:
        return None
    top = max(max(p.n_articles, p.n_quotes) for p in dated) or 1
    plot_w = WIDTH - PAD_LEFT - 8
    plot_h = HEIGHT - PAD_BOTTOM - PAD_TOP
    slot = plot_w / len(dated)
    bar_w = max(2.0, min(24.0, slot * 0.4))
    baseline = HEIGHT - PAD_BOTTOM
    chart = Chart(WIDTH, HEIGHT, baseline=baseline)
    every = max(1, len(dated) // 12)  # at most a dozen labels
    for i, p in enumerate(dated):
        x0 = PAD_LEFT + i * slot + (slot - 2 * bar_w) / 2
        for j, (value, css, what) in enumerate(((p.n_articles, "bar-mentions", "article(s) mentioning"),
                                                (p.n_quotes, "bar-quotes", "statement(s)"))):
            h = plot_h * value / top
            chart.bars.append(Bar(round(x0 + j * bar_w, 1), round(baseline - h, 1), round(bar_w, 1), round(h, 1),
                                  css, f"{p.period}: {value} {what}"))
        if i % every == 0:
            chart.labels.append((round(PAD_LEFT + i * slot + slot / 2, 1), p.period))
    chart.ticks = [(round(baseline - plot_h * v / top, 1), v) for v in sorted({0, top // 2, top})]
    return chart
