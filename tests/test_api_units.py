"""The API's parts without a database: highlighting from offsets, the chart, facets, tokens and hosts,
and `letopis serve` started for real as a process."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest

from letopis.api.access import is_loopback_host, token_matches
from letopis.api.chart import activity_chart
from letopis.api.highlight import Mark, layout, snippet_pieces
from letopis.api.templating import safe_url, with_params
from letopis.api.timeline import facet_links, month_range, timeline
from letopis.store.base import EventHit, Highlight, NameCount, QuoteFacets, QuoteHit, TimePoint


def flatten(blocks) -> list[tuple[str | None, str | None, str]]:
    """(quote ref, inner mark kind, text) for every piece, in order."""
    return [(b.quote.ref if b.quote else None, p.mark.kind if p.mark else None, p.text) for b in blocks for p in b.pieces]


def test_layout_nests_mentions_in_quotes_and_keeps_every_character():
    text = "Он сказал: «Москва ждёт», и ушёл."
    quote = Mark(text.index("Москва"), text.index("»"), "quote", "q1")
    city = Mark(text.index("Москва"), text.index("Москва") + 6, "mention", "e1")
    cue = Mark(3, 9, "cue", "q1")
    pieces = flatten(layout(text, [quote], [city, cue]))
    assert "".join(p[2] for p in pieces) == text
    assert (None, "cue", "сказал") in pieces and ("q1", "mention", "Москва") in pieces and ("q1", None, " ждёт") in pieces


def test_layout_splits_a_mention_across_a_quote_edge_and_drops_bad_spans():
    text = "abcdefghij"
    quote = Mark(2, 6, "quote", "q1")
    crossing = Mark(4, 8, "mention", "e1")
    outside = Mark(8, 40, "mention", "e2")  # past the end of the text
    backwards = Mark(5, 3, "mention", "e3")
    pieces = flatten(layout(text, [quote, Mark(3, 5, "quote", "q2")], [crossing, outside, backwards]))
    assert pieces == [(None, None, "ab"), ("q1", None, "cd"), ("q1", "mention", "ef"), (None, "mention", "gh"),
                      (None, None, "ij")]


def test_overlapping_inner_marks_keep_the_mention():
    text = "заявил Петров"
    blocks = layout(text, [], [Mark(0, 13, "cue", "q1"), Mark(0, 13, "mention", "e1")])
    assert [p.mark.kind for p in blocks[0].pieces] == ["mention"]


def test_snippet_pieces_mark_the_highlights():
    pieces = snippet_pieces("…о переговорах в Астане…", [Highlight(3, 14), Highlight(40, 50)])
    assert [(p.text, bool(p.mark)) for p in pieces] == [("…о ", False), ("переговорах", True), (" в Астане…", False)]
    assert snippet_pieces(None, []) == []


def test_chart_scales_bars_to_the_busiest_month_and_skips_undated():
    chart = activity_chart([TimePoint("2025-10", 4, 2), TimePoint("2025-09", 1, 0), TimePoint("unknown", 9, 9)])
    assert chart is not None
    labels = [label for _, label in chart.labels]
    assert labels == ["2025-09", "2025-10"]
    heights = {b.title: b.height for b in chart.bars}
    assert heights["2025-10: 4 article(s) mentioning"] == max(heights.values())
    assert heights["2025-10: 2 statement(s)"] == pytest.approx(heights["2025-10: 4 article(s) mentioning"] / 2, abs=0.1)
    assert heights["2025-09: 0 statement(s)"] == 0
    assert all(b.y + b.height == pytest.approx(chart.baseline, abs=0.1) for b in chart.bars)
    assert activity_chart([TimePoint("unknown", 3, 1)]) is None and activity_chart([]) is None


def hit(qid: str, date: str | None, speaker: str, outlet: str, kind: str = "direct") -> QuoteHit:
    return QuoteHit("a", qid, kind, "текст", 0, 5, None, speaker, "PER", None, date, outlet, None, None)


def test_facet_links_give_each_month_its_date_range():
    counts = QuoteFacets(speakers=[NameCount("Токаев", 2)], outlets=[NameCount("NUR.KZ", 3)],
                         months=[NameCount("2024-02", 1), NameCount("2025-09", 2)], kinds=[NameCount("direct", 3)])
    f = facet_links(counts)
    assert f.speakers == [("Токаев", 2)] and f.outlets == [("NUR.KZ", 3)] and f.kinds == [("direct", 3)]
    assert f.months == [("2025-09", 2, "2025-09-01", "2025-09-30"), ("2024-02", 1, "2024-02-01", "2024-02-29")]
    assert month_range("bad") == ("bad", "bad")


def test_timeline_merges_statements_and_events_newest_first():
    event = EventHit("a", "v1", "MEET", "встретился", None, "asserted", [], [], None, "2025-10-01", None)
    entries = timeline([hit("1", "2025-09-24", "Т", "X"), hit("2", None, "Т", "X")], [event])
    assert [(e.kind, e.date) for e in entries] == [("event", "2025-10-01"), ("quote", "2025-09-24"), ("quote", None)]


def test_tokens_compare_only_when_the_server_has_one():
    assert token_matches("секрет-123", "секрет-123")
    assert not token_matches("секрет-124", "секрет-123") and not token_matches("", "x")
    assert not token_matches(None, "x") and not token_matches("x", None) and not token_matches("", "")


@pytest.mark.parametrize("host,loopback", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                           ("127.0.0.2", True), ("0.0.0.0", False), ("::", False),
                                           ("192.168.1.5", False), ("example.org", False)])
def test_loopback_hosts(host, loopback):
    assert is_loopback_host(host) is loopback


def test_only_http_links_leave_an_article():
    assert safe_url("https://example.org/a") == "https://example.org/a"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//evil", "", None):
        assert safe_url(bad) is None


def test_links_keep_the_filters_and_drop_empty_ones():
    link = with_params("/quotes", {"speaker": "Токаев", "outlet": None, "about": ["Украина", "Россия"]}, cursor="c1")
    assert link == "/quotes?speaker=%D0%A2%D0%BE%D0%BA%D0%B0%D0%B5%D0%B2&about=%D0%A3%D0%BA%D1%80%D0%B0%D0%B8%D0%BD%D0%B0" \
                   "&about=%D0%A0%D0%BE%D1%81%D1%81%D0%B8%D1%8F&cursor=c1"
    assert with_params("/quotes", {"speaker": "x"}, speaker="") == "/quotes"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(tmp_path, *args: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen, int]:
    port = free_port()
    cmd = [sys.executable, "-m", "letopis", "serve", "--db", str(tmp_path / "x.db"), "--port", str(port), *args]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "LETOPIS_TOKEN": "", **(env or {})})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=1)
            return proc, port
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    pytest.fail(f"letopis serve did not start: {proc.communicate()[1][-2000:]}")


def stop(proc: subprocess.Popen) -> str:
    proc.terminate()
    out, _ = proc.communicate(timeout=30)
    return out


def test_serve_on_every_interface_without_a_token_is_read_only(tmp_path):
    proc, port = serve(tmp_path, "--host", "0.0.0.0")
    try:
        body = {"articles": [{"text": "Текст статьи."}]}
        r = httpx.post(f"http://127.0.0.1:{port}/api/ingest", json=body, headers={"Authorization": "Bearer whatever"})
        assert r.status_code == 403 and r.json()["error"]["code"] == "read_only"
        assert httpx.get(f"http://127.0.0.1:{port}/api/articles").status_code == 200
    finally:
        out = stop(proc)
    assert f"http://0.0.0.0:{port}" in out and "READ-ONLY" in out and "--token" in out


def test_serve_with_a_token_from_the_environment_takes_writes(tmp_path):
    proc, port = serve(tmp_path, env={"LETOPIS_TOKEN": "env-token-123"})
    try:
        body = {"articles": [{"text": "Мэр Зареченска Олег Смирнов открыл мост.", "id": "m1"}]}
        wrong = httpx.post(f"http://127.0.0.1:{port}/api/ingest", json=body, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 403
        right = httpx.post(f"http://127.0.0.1:{port}/api/ingest", json=body, timeout=120,
                           headers={"Authorization": "Bearer env-token-123"})
        assert right.status_code == 200 and right.json()["stored"] == 1
    finally:
        out = stop(proc)
    assert f"http://127.0.0.1:{port}" in out and "needs the token" in out


def test_serve_refuses_a_short_token(tmp_path):
    result = subprocess.run([sys.executable, "-m", "letopis", "serve", "--db", str(tmp_path / "x.db"), "--token", "123"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "at least 8 characters" in result.stderr
