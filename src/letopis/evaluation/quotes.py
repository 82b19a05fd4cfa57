"""Quote extraction measured against gold annotations (`letopis eval quotes`).

The matching rules are those of the project's reference scorer (../shared/tools/quote_score.py, gold v1), so
both print the same figures:

- Words are runs of `\\w` characters of the article text. A quote covers the words lying wholly inside its
  content span; a gold content is found in the text as written, or with any non-word characters between its
  words; a predicted content at its own offsets when they hold it, else the same way.
- A gold quote is *found* when at least half of its words lie inside predicted contents; a predicted quote is
  *right* when at least half of its words lie inside gold contents. Splitting or merging a quote differently
  costs little.
- End to end, only the contents of quotes whose speakers match count.
- Speakers match when their names, compared word by word on 5-letter stems (lower case, ё as е), are equal,
  end in the same word (the surname) when the gold speaker is a person, or share at least two thirds of the
  shorter name's words; an anonymous gold speaker also matches through the words that named it in the text
  (`speaker_text`); a gold quote whose article names no source matches any speaker.
- Precision divides by all predicted quotes (unlocated ones count as wrong), recall by the gold quotes with
  at least one word; speaker accuracy is the share of found gold quotes found with the right speaker.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

WORD = re.compile(r"\w+")
HALF = 0.5


def stems(name: str | None) -> list[str]:
    """A name's words in lower case, ё as е, each cut to its first five letters."""
    if not name:
        return []
    return [w[:5] for w in WORD.findall(name.lower().replace("ё", "е"))]


def same_speaker(gold: dict[str, Any], predicted: str | None) -> bool:
    if not gold.get("speaker") and not gold.get("speaker_text"):
        return True
    mine = stems(predicted)
    if not mine:
        return False
    names = [gold.get("speaker")]
    if gold.get("speaker_type") == "ANON":
        names.append(gold.get("speaker_text"))
    for name in names:
        theirs = stems(name)
        if not theirs:
            continue
        if theirs == mine:
            return True
        if gold.get("speaker_type") == "PER" and theirs[-1] == mine[-1]:
            return True
        a, b = set(theirs), set(mine)
        shorter = min(len(a), len(b))
        if len(a & b) >= max(1.0, 2 / 3 * shorter):
            return True
    return False


def find(text: str, fragment: str, at: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """Where `fragment` stands in `text`: at `at` when it holds it, else its first occurrence, else its words
    with any non-word characters between them."""
    if at is not None and text[at[0]:at[1]] == fragment:
        return at
    i = text.find(fragment)
    if i >= 0:
        return i, i + len(fragment)
    words = WORD.findall(fragment)
    if not words:
        return None
    m = re.search(r"\W+".join(re.escape(w) for w in words), text)
    return (m.start(), m.end()) if m else None


class Words:
    """The word spans of one article, to turn a character span into the set of words it covers."""

    def __init__(self, text: str):
        self.spans = [(m.start(), m.end()) for m in WORD.finditer(text)]

    def inside(self, start: int, stop: int) -> frozenset[int]:
        return frozenset(i for i, (a, b) in enumerate(self.spans) if a >= start and b <= stop)


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    found: int = 0
    right: int = 0
    found_speaker: int = 0
    right_speaker: int = 0
    unlocated: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [gold, found, found with speaker]
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)


def prf(hits_p: int, hits_r: int, predicted: int, gold: int) -> dict[str, float]:
    p = hits_p / predicted if predicted else 0.0
    r = hits_r / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score(texts: dict[str, str], gold: dict[str, list[dict]], predicted: dict[str, dict],
          errors: int = 0) -> dict[str, Any]:
    """Score predicted records (`{id: record}` with `quotes`) against gold quotes (`{id: [quote]}`) on the
    articles `{id: text}`; `errors` keeps up to that many misses and as many false alarms."""
    t = Tally()
    for aid, text in texts.items():
        score_article(t, aid, text, gold.get(aid, []), predicted.get(aid), errors)
    return {
        "articles": len(texts), "gold_quotes": t.gold, "predicted_quotes": t.predicted, "unlocated": t.unlocated,
        "content": prf(t.right, t.found, t.predicted, t.gold),
        "end_to_end": prf(t.right_speaker, t.found_speaker, t.predicted, t.gold),
        "speaker_accuracy": round(t.found_speaker / t.found, 4) if t.found else 0.0,
        "recall_by_kind": {k: {"gold": v[0], "content": round(v[1] / v[0], 4), "end_to_end": round(v[2] / v[0], 4)}
                           for k, v in sorted(t.by_kind.items())},
        "misses": t.misses, "false_alarms": t.false_alarms,
    }


def score_article(t: Tally, aid: str, text: str, gold: list[dict], record: dict | None, errors: int) -> None:
    words = Words(text)
    golds = []
    for q in gold:
        at = find(text, q["content"])
        if at is None:
            raise ValueError(f"gold content not found in article {aid}: {q['content'][:60]!r}")
        golds.append((q, words.inside(*at)))
    preds = []
    for q in (record or {}).get("quotes", []):
        content = q.get("content") or {}
        fragment = content.get("text")
        same_text = record.get("text") == text
        if fragment is None and record.get("text") is not None and "start" in content:
            fragment = record["text"][content["start"]:content["stop"]]
        at = find(text, fragment or "", (content["start"], content["stop"]) if same_text and "start" in content else None)
        if at is None:
            t.unlocated += 1
            preds.append((q, None, frozenset()))
            continue
        preds.append((q, (q.get("speaker") or {}).get("name"), words.inside(*at)))
    predicted_words = frozenset().union(*(w for _, _, w in preds))
    gold_words = frozenset().union(*(w for _, w in golds))
    for q, w in golds:
        if not w:
            continue
        t.gold += 1
        kind = t.by_kind.setdefault(q["kind"], [0, 0, 0])
        kind[0] += 1
        found = len(w & predicted_words) >= HALF * len(w)
        agreeing = frozenset().union(*(pw for _, name, pw in preds if same_speaker(q, name)))
        found_speaker = len(w & agreeing) >= HALF * len(w)
        t.found += found
        t.found_speaker += found_speaker
        kind[1] += found
        kind[2] += found_speaker
        if errors and not found_speaker and len(t.misses) < errors:
            t.misses.append({"article": aid, "kind": q["kind"], "content": q["content"][:120],
                             "gold_speaker": q.get("speaker"), "found": found,
                             "predicted_speakers": [name for _, name, pw in preds if pw & w]})
    for q, name, w in preds:
        t.predicted += 1
        if not w:
            continue
        right = len(w & gold_words) >= HALF * len(w)
        agreeing = frozenset().union(*(gw for g, gw in golds if same_speaker(g, name)))
        right_speaker = len(w & agreeing) >= HALF * len(w)
        t.right += right
        t.right_speaker += right_speaker
        if errors and not right_speaker and len(t.false_alarms) < errors:
            first, last = min(w), max(w)
            t.false_alarms.append({"article": aid, "kind": q.get("kind"), "rule": q.get("rule"),
                                   "content": text[words.spans[first][0]:words.spans[last][1]][:120],
                                   "speaker": name, "cue": (q.get("cue") or {}).get("text"),
                                   "content_right": right})


def format_report(result: dict[str, Any]) -> str:
    """The reference scorer's lines, then the misses and false alarms when asked for."""
    c, e = result["content"], result["end_to_end"]
    lines = [
        f"articles {result['articles']}  gold quotes {result['gold_quotes']}  predicted {result['predicted_quotes']}"
        f"  unlocated {result['unlocated']}",
        f"content     P {c['precision']:.3f}  R {c['recall']:.3f}  F1 {c['f1']:.3f}",
        f"end-to-end  P {e['precision']:.3f}  R {e['recall']:.3f}  F1 {e['f1']:.3f}"
        f"   speaker accuracy {result['speaker_accuracy']:.3f}",
    ]
    for k, v in result["recall_by_kind"].items():
        lines.append(f"  {k:9s} gold {v['gold']:4d}  recall content {v['content']:.3f}  end-to-end {v['end_to_end']:.3f}")
    if result["misses"]:
        lines.append(f"misses ({len(result['misses'])} shown): gold quotes not found with their speaker")
        for m in result["misses"]:
            why = "wrong speaker" if m["found"] else "not found"
            lines.append(f"  - {m['article']} [{m['kind']}] {why}: {m['content']!r}  gold speaker {m['gold_speaker']!r}"
                         f"  predicted {m['predicted_speakers']}")
    if result["false_alarms"]:
        lines.append(f"false alarms ({len(result['false_alarms'])} shown): predicted quotes not in the gold with their speaker")
        for f in result["false_alarms"]:
            why = "wrong speaker" if f["content_right"] else "not a gold quote"
            lines.append(f"  - {f['article']} [{f['kind']}] {why}: {f['content']!r}  speaker {f['speaker']!r}"
                         f"  cue {f['cue']!r}")
    return "\n".join(lines)


def read_jsonl(path: Path) -> list[dict]:
    with Path(path).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_gold(path: Path) -> dict[str, list[dict]]:
    return {g["id"]: g["quotes"] for g in read_jsonl(path)}


def analyse(articles: Iterable[dict]) -> dict[str, dict]:
    """Records for the articles (`id`, `text` and the optional metadata), as JSON, by id."""
    from letopis.analysis import analyze

    out = {}
    for a in articles:
        record = analyze(a["text"], a.get("date"), id=a["id"], title=a.get("title"), url=a.get("url"),
                         outlet=a.get("outlet"))
        out[a["id"]] = record.to_json()
    return out


def evaluate(articles_path: Path, gold_path: Path, predicted_path: Path | None = None,
             errors: int = 0) -> dict[str, Any]:
    """Analyse the articles that have gold annotations (or read predictions from a file) and score them."""
    gold = load_gold(gold_path)
    articles = [a for a in read_jsonl(articles_path) if a["id"] in gold]
    texts = {a["id"]: a["text"] for a in articles}
    if predicted_path is not None:
        predicted = {p.get("id"): p for p in read_jsonl(predicted_path)}
    else:
        predicted = analyse(articles)
    return score(texts, gold, predicted, errors)
