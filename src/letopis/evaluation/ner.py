"""NER quality and in-article grouping, measured on factRuEval-2016 (`letopis eval ner`).

Named entities. Exact-span precision, recall and F1 per type (PER, ORG, LOC), micro-averaged over all
documents: a predicted span counts only when its start, stop and type all equal a gold span's. The gold
spans are read as naeval reads factRuEval (see `letopis.evaluation.factru`). Two systems are scored in the
same run on the same texts:

- *natasha*: `NewsNERTagger` over each whole text, its spans as they come;
- *letopis*: the `name` mentions of the entities in our record (`letopis.analyze`), each with its
  entity's type: the spans our pipeline finally stands by, after its NER fixes and grouping.

Grouping. B-cubed precision, recall and F1 of our entities against the gold coreference chains
(`.coref`), computed over the mentions both sides have: the gold spans that are also the exact span of one
of our `name` mentions (of any type). For each such mention m, with O(m) the shared mentions in m's entity
and G(m) the shared mentions in m's gold chain, precision is |O(m) ∩ G(m)| / |O(m)| and recall
|O(m) ∩ G(m)| / |G(m)|; both are averaged over all shared mentions of all documents. So this scores the
grouping alone, not recognition: a mention one side lacks is left out, and the number of shared mentions
is printed beside the score.

Canonical names. For each person whose gold chain gives a surname (`lastname` in `.coref`), the entity
that holds most of the chain's PER spans (a mention overlapping the span) is found, and its name counts as
right when one of its words (split at spaces, dots and hyphens, as the events evaluation compares names)
is that surname, up to case and ё: `Касым-Жомарт Токаев` for `Токаев`, `Ху Цзиньтао` for `Ху`. A person none
of our entities mentions is left out (recognition is scored above); the count is printed.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from letopis.analysis.person_names import fold
from letopis.evaluation import factru
from letopis.model import Article

TYPES = ("PER", "ORG", "LOC")
DEFAULT_DATA = Path("../shared/data/factRuEval-2016")

Prediction = tuple[int, int, str]  # start, stop, type


@dataclass(slots=True)
class Score:
    """Counts of one type's exact-span matches and the measures they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class BCubed:
    precision: float = 0.0
    recall: float = 0.0
    mentions: int = 0  # shared mentions the averages run over
    gold_mentions: int = 0  # all gold spans

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Names:
    right: int = 0  # people whose entity's name holds the gold surname
    people: int = 0  # people with a gold surname that one of our entities mentions
    unmatched: int = 0  # people with a gold surname that none of our entities mentions

    @property
    def accuracy(self) -> float:
        return self.right / self.people if self.people else 0.0


@dataclass(slots=True)
class NerReport:
    documents: int
    data_hash: str
    natasha: dict[str, Score]
    letopis: dict[str, Score]
    grouping: BCubed
    seconds: dict[str, float] = field(default_factory=dict)  # system → seconds spent analysing
    names: Names = field(default_factory=Names)


# --- systems -------------------------------------------------------------------------------------


def natasha_spans(text: str) -> list[Prediction]:
    """Plain natasha: NewsNERTagger's spans over the whole text, as they come."""
    tagger = natasha_tagger()
    return [(s.start, s.stop, s.type) for s in tagger(text).spans]


def natasha_tagger():
    from letopis.analysis.linguistic import models

    return models().ner_tagger


def letopis_spans(article: Article) -> list[Prediction]:
    """The `name` mentions of our entities, typed by their entity."""
    return [(m.start, m.stop, e.type) for e in article.entities for m in e.mentions if m.kind == "name"]


# --- measures ------------------------------------------------------------------------------------


def span_scores(docs: list[factru.GoldDoc], predictions: list[list[Prediction]]) -> dict[str, Score]:
    """Exact-span counts per type over all documents."""
    scores = {t: Score() for t in TYPES}
    for doc, predicted in zip(docs, predictions, strict=True):
        for kind, score in scores.items():
            gold = {(s.start, s.stop) for s in doc.spans if s.type == kind}
            ours = {(s, e) for s, e, t in predicted if t == kind}
            score.tp += len(gold & ours)
            score.fp += len(ours - gold)
            score.fn += len(gold - ours)
    return scores


def bcubed(docs: list[factru.GoldDoc], articles: list[Article]) -> BCubed:
    """B-cubed of our entities against the gold chains, over the mentions both have (see the module doc)."""
    precision = recall = 0.0
    shared_total = gold_total = 0
    for doc, article in zip(docs, articles, strict=True):
        gold_total += len(doc.spans)
        chain_of = {(s.start, s.stop): s.chain for s in doc.spans}
        entity_of = {}
        for e in article.entities:
            for m in e.mentions:
                if m.kind == "name" and (m.start, m.stop) in chain_of:
                    entity_of[(m.start, m.stop)] = e.id
        for p, r in mention_bcubed(entity_of, chain_of):
            precision += p
            recall += r
            shared_total += 1
    if not shared_total:
        return BCubed(gold_mentions=gold_total)
    return BCubed(precision / shared_total, recall / shared_total, shared_total, gold_total)


def mention_bcubed(entity_of: dict, chain_of: dict) -> Iterable[tuple[float, float]]:
    """(precision, recall) of each mention in `entity_of` (all of which are in `chain_of`)."""
    by_entity: dict[str, set] = {}
    by_chain: dict[str, set] = {}
    for key, entity in entity_of.items():
        by_entity.setdefault(entity, set()).add(key)
        by_chain.setdefault(chain_of[key], set()).add(key)
    for key, entity in entity_of.items():
        ours, gold = by_entity[entity], by_chain[chain_of[key]]
        both = len(ours & gold)
        yield both / len(ours), both / len(gold)


def canonical_names(docs: list[factru.GoldDoc], articles: list[Article]) -> Names:
    """How many people's entities are named with their gold surname (see the module doc)."""
    out = Names()
    for doc, article in zip(docs, articles, strict=True):
        people = [e for e in article.entities if e.type == "PER"]
        for chain, surname in doc.surnames.items():
            votes: Counter[str] = Counter()
            for span in doc.spans:
                if span.chain == chain and span.type == "PER":
                    votes.update(e.id for e in people
                                 if any(m.start < span.stop and span.start < m.stop for m in e.mentions))
            if not votes:
                out.unmatched += 1
                continue
            entity = next(e for e in people if e.id == votes.most_common(1)[0][0])
            out.people += 1
            out.right += fold(surname) in {fold(w) for w in re.split(r"[\s.-]+", entity.name) if w}
    return out



# --- the run -------------------------------------------------------------------------------------


def evaluate(root: Path = DEFAULT_DATA, sets: Iterable[str] = factru.SETS,
             progress: Callable[[str], None] | None = None) -> NerReport:
    """Score plain natasha and letopis on the given factRuEval sets, in one run."""
    import letopis

    sets = tuple(sets)
    docs = factru.load(root, sets)
    seconds = {}
    start = time.perf_counter()
    natasha = [natasha_spans(d.text) for d in docs]
    seconds["natasha"] = time.perf_counter() - start
    if progress:
        progress(f"natasha: {len(docs)} documents in {seconds['natasha']:.1f}s")
    start = time.perf_counter()
    articles = [letopis.analyze(d.text, id=d.id) for d in docs]
    seconds["letopis"] = time.perf_counter() - start
    if progress:
        progress(f"letopis: {len(docs)} documents in {seconds['letopis']:.1f}s")
    return NerReport(
        documents=len(docs), data_hash=factru.data_hash(root, sets),
        natasha=span_scores(docs, natasha), letopis=span_scores(docs, [letopis_spans(a) for a in articles]),
        grouping=bcubed(docs, articles), seconds=seconds, names=canonical_names(docs, articles),
    )


def format_report(report: NerReport) -> str:
    """The table `letopis eval ner` prints: natasha beside letopis per type, then B-cubed."""
    lines = [
        f"factRuEval-2016: {report.documents} documents, data sha256 {report.data_hash[:16]}",
        "exact-span NER          natasha               letopis",
        "type   gold      P      R      F1        P      R      F1     ΔF1",
    ]
    for kind in TYPES:
        n, o = report.natasha[kind], report.letopis[kind]
        gold = n.tp + n.fn
        lines.append(f"{kind:<5} {gold:>5}  {n.precision:.3f}  {n.recall:.3f}  {n.f1:.3f}    "
                     f"{o.precision:.3f}  {o.recall:.3f}  {o.f1:.3f}  {o.f1 - n.f1:+.3f}")
    g = report.grouping
    lines.append(f"grouping (B-cubed vs .coref, {g.mentions} of {g.gold_mentions} gold mentions shared): "
                 f"P {g.precision:.3f}  R {g.recall:.3f}  F1 {g.f1:.3f}")
    n = report.names
    lines.append(f"canonical names (the gold surname in our entity's name): {n.accuracy:.3f}  ({n.right} of "
                 f"{n.people} people; {n.unmatched} more that no entity of ours mentions)")
    return "\n".join(lines)
