"""Meeting events measured on factRuEval-2016 and NEREL (`letopis eval events [--data factrueval|nerel]`).

Gold, factRuEval-2016 (the default). The `.facts` records of type `Meeting` (5 in the devset, 51 in the testset): each names its
participants as objects (`Participant obj5 Сандали Виторио`), which the `.coref` record of that object
names by `lastname` (or, for a person known by a first name only, `firstname`).

Prediction. The MEET and NEGOTIATE events of letopis's record of the same text, analysed with its
publication date where the source gives one (the written and corpus sets; factRuEval, NEREL and the devset
texts give none); an event's participants are the PER entities among its actors and targets.

Names are compared by surname: a gold participant is among an event's participants when its lastname
(folded to lower case, ё as е) is one of the words of a participant's canonical name (split at spaces,
hyphens and dots: `А.Вебер`, `Диас-Канель`), or a nominative reading of a word of one of the participant's
name mentions: an article may spell one person two ways (`Дэвид Кэмерон`, later `Дэвида Камерона`), and the
entity, which holds both, is named by one.

- Recall: the share of gold Meetings *found*, a Meeting being found when one MEET or NEGOTIATE event in its
  article has every participant of the Meeting among its participants.
- Precision: the share of MEET and NEGOTIATE events that *match* a gold Meeting in the same way (every
  participant of some gold Meeting of the article is among the event's participants), counting the events
  that name at least two people in the articles that hold at least one gold Meeting. Every gold Meeting
  names at least two people, so an event naming fewer (`встречался с правозащитниками`, a headline's
  `Встреча с послом Италии`) cannot be compared with one; articles without a gold Meeting are left out,
  since factRuEval annotated Meetings only in some articles. An event that names two people but misses a
  third participant counts as wrong.
- Strict precision, printed beside it: the same share over all MEET and NEGOTIATE events of those articles.
- Exact recall and people precision, printed below, keep the first two honest: an event that names everyone
  of its sentence covers a Meeting as well as one that names only its participants. Exact recall counts a
  Meeting only when an event names its participants and no one else; people precision is, over the events
  that match, the share of the people they name who took part in the largest gold Meeting they cover.

Gold, NEREL-v1.1 (`--data nerel`, splits train, dev, test; Russian Wikinews in brat `.ann` files). A meeting
is an EVENT span holding a word of MEETING_WORDS (`встреча`, `переговоры`, `телефонный разговор`,
`побеседовал`: any form, by lemma); its participants are the PERSON spans that are its PARTICIPANT_IN or
AGENT, and the PROFESSION spans among those that a PERSON WORKS_AS (`главой Кубы` → `Мигель Диас-Канель`).
A participant's surname is the last word of its name (its last part after a hyphen) in the nominative; as the
case of a foreign or ambiguous name is a guess, the gold keeps each reading pymorphy2 gives as a surname or
given name, and the word as written (`Хасбулатова` → `хасбулатов|хасбулатова`): the participant is among an
event's participants when any of them is a word of a participant's canonical name. A meeting with
fewer than two distinct surnames is left out, and an article's meetings with the same surnames count once
(NEREL marks each mention of an event). Scoring is the same as for factRuEval.

Gold, letopis's own (`--data corpus`, splits tune, check, all): the meetings of 849 articles of the shared
news corpus (`../shared/corpus/news.jsonl`, its factRuEval collection left out): the 146 that hold a meeting
word, and the 703 others outside NEREL's test in which letopis finds two or more people, annotated by reading
in `data/corpus_meetings.jsonl` after factRuEval's Meeting (docs/events.md says how): each meeting lists its
participants' surnames in the nominative. An article goes to `tune` or `check` by a hash of its id; `check` is
kept for measuring what the rules chosen on `tune` do on text they were not chosen on. Surnames are compared as
for NEREL (each nominative reading of the written surname).

Gold, letopis's own written set (`--data written`, splits tune, check, all): 504 news articles written for
letopis in the manner of the Russian agencies and papers of 2008–2014, with their meetings annotated by
their writers after the guideline of the corpus set, in `data/written_meetings.jsonl` (texts included: they
are our own; the events are invented). Batches: `wa` international diplomacy, `wb` domestic politics,
business and courts, `wc` the former Soviet states and public life, `wd` long reports with many meetings,
`we` world news of 2010–2011, `wf` meetings told in unusual ways, `wg` and `wh` ordinary news of 2009–2013
written without a brief on how meetings are told, `wi` long analytical pieces in which people are named
without titles and called by titles later (16 articles each); `wj` long analytical pieces of 12,000–15,000
characters naming 25–37 people, `wk` long narratives (profiles, investigations, a memoir) of the same length,
`wl` long pieces of both kinds and of public life (8 each), `wm` reports of gatherings (sessions, summits,
congresses) and who was at them (16); `wn` and `wo` long narrative magazine pieces of 12,000–15,000
characters (profiles, investigations, retrospectives, a memoir) on business and the state, regional
politics, Russia's neighbours, and culture, science and sport, each with one main character (8 each). A
second annotator, blind to the first, read `wj`–`wo` again; the two agreed on all but four meetings, and the
two the writers missed under the guideline were added. Later rounds added `wp`–`wx` (docs/events.md tells
each: news items and long pieces of 2010–2014; `wx`, twenty short and mid-length pieces of 2011–2013 on
domestic politics, diplomacy, business and the courts, and culture and sport; `wy`, twenty more of 2010–2013
on society and the regions, world news, the economy, and politics and protest, never read); `wz` and `xa`, four
long narrative magazine pieces each (10,000–13,000 characters, one main character: a governor, an envoy, a
banker, an academician; a businessman, a minister, a diplomat's memoir, a theatre director); `xb` and `xc`,
`xd` and `xe` (twenty-fifth round), four such pieces each again (a governor, a film director, a rector, an
Olympic organiser; a shareholder fight, Ukraine's president, a civic activist, Belarus's president; a mayor,
an ambassador, a television head, a banker; an oil company, a party leader, Kazakhstan's president, a defence
lawyer); (twenty-sixth round) `xf` and `xg`, long analyses and news reports of 2009–2013, `xh` and `xi`,
opinion columns, agency items, digests of the foreign press and stories built on quotes, and `xk`, 32 more of
those four kinds; (twenty-seventh round) `xm`, 32 news items and longer pieces of 2010–2016 on eight
topics, written blind and never read; and (twenty-eighth round) `xn` and `xo`, 24 biographies each (a reference
note, an obituary and two long profiles by each of six writers), `xn` written blind and never read. `wc`,
`wg`, `wh`, `wl`, `wo`, `wq`, `ws`, `wu`, `ww`, `wy`, `xa`, `xc`, `xe`, `xg`, `xi`, `xk`, `xm` and `xn` are the
check half, the rest the tune half. Surnames are compared as for NEREL.

Gold, letopis's own annotation of factRuEval's devset texts (`--data devset`, splits tune, check, all): every
one of the 122 texts of factRuEval's devset read by two annotators blind to letopis, its meetings listed after
the corpus guideline in `data/devset_meetings.jsonl` (ids and surnames only: the texts stay in factRuEval's
folder). factRuEval itself marks 5 Meetings there; this annotation gives the same kind of prose many more.
An article goes to `tune` or `check` by the hash of its id, as for the corpus set.

factRuEval's devset (5 Meetings), NEREL's train and dev and the corpus and written sets' tune halves are
for tuning; the test sets and the check halves are for reporting.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from letopis.analysis.morph_guard import morph_vocab
from letopis.evaluation.miss_kinds import KINDS, Sentences, miss_kind, tally
from letopis.model import Article, Entity

SPLITS = {"dev": ("devset",), "test": ("testset",), "both": ("devset", "testset")}
NEREL_SPLITS = {"train": ("train",), "dev": ("dev",), "test": ("test",), "tune": ("train", "dev")}
EVENT_TYPES = ("MEET", "NEGOTIATE")
DEFAULT_DATA = Path("../shared/data/factRuEval-2016")
DEFAULT_NEREL = Path("../shared/data/NEREL-v1.1")
MEETING_WORDS = frozenset({
    "встреча", "встретиться", "встречаться", "переговоры", "переговор", "переговорить", "саммит", "беседа",
    "беседовать", "побеседовать", "разговор", "поговорить", "совещание", "приём", "прием", "аудиенция",
    "консультация", "позвонить", "созвониться", "визит",
})
PARTICIPANT_RELATIONS = ("PARTICIPANT_IN", "AGENT")
CORPUS_SPLITS = {"tune": ("tune",), "check": ("check",), "all": ("tune", "check")}
DEFAULT_CORPUS = Path("../shared/corpus/news.jsonl")
CORPUS_GOLD = Path(__file__).parent / "data" / "corpus_meetings.jsonl"
WRITTEN_SPLITS = {"tune": ("wa", "wb", "wd", "we", "wf", "wi", "wj", "wk", "wm", "wn", "wp", "wr", "wt", "wv", "wx",
                           "wz", "xb", "xd", "xf", "xh", "xo"),
                  "check": ("wc", "wg", "wh", "wl", "wo", "wq", "ws", "wu", "ww", "wy", "xa", "xc", "xe", "xg", "xi",
                            "xk", "xm", "xn"),
                  "all": ("wa", "wb", "wc", "wd", "we", "wf", "wg", "wh", "wi", "wj", "wk", "wl", "wm", "wn", "wo",
                          "wp", "wq", "wr", "ws", "wt", "wu", "wv", "ww", "wx", "wy", "wz", "xa", "xb", "xc", "xd",
                          "xe", "xf", "xg", "xh", "xi", "xk", "xm", "xn", "xo")}
DEFAULT_WRITTEN = Path(__file__).parent / "data" / "written_meetings.jsonl"
DEVSET_GOLD = Path(__file__).parent / "data" / "devset_meetings.jsonl"


@dataclass(frozen=True, slots=True)
class GoldMeeting:
    fact: str  # `58-0`
    participants: tuple[str, ...]  # folded surnames


@dataclass(slots=True)
class GoldArticle:
    id: str  # `devset/book_58`
    text: str
    meetings: list[GoldMeeting]
    date: str | None = None  # the publication date, where the source gives one (the written and corpus sets)


@dataclass(slots=True)
class ArticleResult:
    id: str
    meetings: list[GoldMeeting]
    events: list[tuple[str, int, frozenset[str]]]  # (event id, people named, folded words of their names)
    found: list[bool] = field(default_factory=list)  # per gold meeting
    matched: list[bool] = field(default_factory=list)  # per event
    exact: list[bool] = field(default_factory=list)  # per gold meeting: found by an event naming no one else
    fitted: list[int] = field(default_factory=list)  # per event: people of the largest gold Meeting it covers
    kinds: list[str] = field(default_factory=list)  # per gold meeting: "" when found, else where it lies (miss_kinds)


@dataclass(slots=True)
class Report:
    split: str
    data_hash: str
    articles: list[ArticleResult]
    source: str = "factrueval"

    @property
    def gold(self) -> int:
        return sum(len(a.meetings) for a in self.articles)

    @property
    def found(self) -> int:
        return sum(sum(a.found) for a in self.articles)

    @property
    def predicted(self) -> int:
        """Events naming at least two people."""
        return sum(people >= 2 for a in self.articles for _, people, _ in a.events)

    @property
    def matched(self) -> int:
        return sum(ok for a in self.articles for ok in a.matched)

    @property
    def all_events(self) -> int:
        return sum(len(a.events) for a in self.articles)

    @property
    def exact(self) -> int:
        return sum(sum(a.exact) for a in self.articles)

    @property
    def exact_recall(self) -> float:
        return self.exact / self.gold if self.gold else 0.0

    @property
    def people_precision(self) -> float:
        """Of the people the matching events name, the share that are participants of the gold Meeting
        they match: 1.0 when no matching event names anyone besides its Meeting's participants."""
        named = sum(people for a in self.articles for (_, people, _), ok in zip(a.events, a.matched, strict=True) if ok)
        fitted = sum(n for a in self.articles for n, ok in zip(a.fitted, a.matched, strict=True) if ok)
        return fitted / named if named else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def strict_precision(self) -> float:
        return self.matched / self.all_events if self.all_events else 0.0


def fold(word: str) -> str:
    return word.lower().replace("ё", "е")


# --- gold -----------------------------------------------------------------------------------------------


def gold_articles(root: Path, sets: Iterable[str]) -> list[GoldArticle]:
    """The articles of the given sets that hold at least one Meeting fact, in a stable order."""
    out = []
    for name in sets:
        folder = root / name
        if not folder.is_dir():
            raise FileNotFoundError(f"{folder} is not a directory: expected factRuEval-2016's {name} there")
        for facts in sorted(folder.glob("book_*.facts"), key=lambda p: int(p.stem.split("_")[1])):
            meetings = read_meetings(facts)
            if meetings:
                text = facts.with_suffix(".txt").read_text(encoding="utf-8")
                out.append(GoldArticle(f"{name}/{facts.stem}", text, meetings))
    return out


def read_meetings(facts: Path) -> list[GoldMeeting]:
    names = read_names(facts.with_suffix(".coref"))
    out = []
    for fact_id, kind, rows in fact_records(facts.read_text(encoding="utf-8")):
        if kind != "Meeting":
            continue
        participants = []
        for row in rows:
            fields = row.split()
            if len(fields) >= 3 and fields[0] == "Participant":  # `Participant obj5 Сандали Виторио`
                participants.append(names.get(fields[1].removeprefix("obj")) or fold(fields[2]))
        out.append(GoldMeeting(fact_id, tuple(participants)))
    return out


def fact_records(text: str) -> list[tuple[str, str, list[str]]]:
    """(fact id, kind, field rows) of a `.facts` file; a record starts with a `N-M Kind` row."""
    out: list[tuple[str, str, list[str]]] = []
    for row in text.splitlines():
        fields = row.split()
        if len(fields) == 2 and "-" in fields[0] and fields[0].replace("-", "").isdigit():
            out.append((fields[0], fields[1], []))
        elif fields and out:
            out[-1][2].append(row)
    return out


def read_names(coref: Path) -> dict[str, str]:
    """object id → folded surname (`lastname`, else `firstname`, else `name`) from a `.coref` file."""
    out = {}
    for record in coref.read_text(encoding="utf-8").split("\n\n"):
        rows = [r for r in record.splitlines() if r.strip()]
        if not rows:
            continue
        keys = dict(r.split(None, 1) for r in rows[1:] if len(r.split(None, 1)) == 2)
        name = keys.get("lastname") or keys.get("firstname") or keys.get("name")
        if name:
            out[rows[0].split()[0]] = fold(name.split()[0])
    return out


# --- gold: NEREL ----------------------------------------------------------------------------------------


def nerel_articles(root: Path, sets: Iterable[str]) -> list[GoldArticle]:
    """The NEREL documents of the given splits that hold at least one meeting, in a stable order."""
    out = []
    for name in sets:
        folder = root / name
        if not folder.is_dir():
            raise FileNotFoundError(f"{folder} is not a directory: expected NEREL's {name} split there")
        for ann in sorted(folder.glob("*.ann")):
            meetings = nerel_meetings(ann.read_text(encoding="utf-8"), ann.stem)
            if meetings:
                text = ann.with_suffix(".txt").read_text(encoding="utf-8")
                out.append(GoldArticle(f"{name}/{ann.stem}", text, meetings))
    return out


def nerel_meetings(ann: str, doc_id: str = "") -> list[GoldMeeting]:
    """The meetings of one brat `.ann` text with two or more people, one per set of surnames."""
    spans: dict[str, tuple[str, str]] = {}  # T-id → (type, text)
    relations = []  # (type, arg1, arg2)
    for row in ann.splitlines():
        fields = row.split("\t")
        if row.startswith("T") and len(fields) >= 3:
            spans[fields[0]] = (fields[1].split()[0], fields[2])
        elif row.startswith("R") and len(fields) >= 2:
            kind, arg1, arg2 = fields[1].split()[:3]
            relations.append((kind, arg1.removeprefix("Arg1:"), arg2.removeprefix("Arg2:")))
    works_as = {b: a for kind, a, b in relations if kind == "WORKS_AS" and spans.get(a, ("",))[0] == "PERSON"}
    out: list[GoldMeeting] = []
    for tid, (kind, text) in spans.items():
        if kind != "EVENT" or not MEETING_WORDS & {lemma(w) for w in re.findall(r"\w+", text)}:
            continue
        people = []
        for rel, a, b in relations:
            if rel in PARTICIPANT_RELATIONS and b == tid and a in spans:
                person = a if spans[a][0] == "PERSON" else works_as.get(a)
                surname = person and nerel_surname(spans[person][1])
                if surname and not any(same_name(surname, p) for p in people):
                    people.append(surname)
        if len(people) >= 2 and not any(same_people(people, m.participants) for m in out):
            out.append(GoldMeeting(f"{doc_id}:{tid}", tuple(people)))
    return out


# --- gold: letopis's own annotation of the shared corpus ------------------------------------------------


def corpus_half(article_id: str) -> str:
    """`tune` or `check`, fixed by the id alone."""
    return "tune" if hashlib.sha256(article_id.encode()).digest()[0] % 2 == 0 else "check"


def own_meetings(gold: Path, halves: Iterable[str]) -> dict[str, list[GoldMeeting]]:
    """article id → its meetings of two or more people, for the annotated articles of the given halves that
    hold at least one, from one of letopis's annotation files (`corpus_meetings.jsonl`, `devset_meetings.jsonl`)."""
    wanted: dict[str, list[GoldMeeting]] = {}
    for row in gold.read_text(encoding="utf-8").splitlines():
        if not row.strip():
            continue
        record = json.loads(row)
        if corpus_half(record["id"]) not in halves:
            continue
        meetings = [GoldMeeting(f"{record['id']}:{k}", tuple(filter(None, (nerel_surname(p) for p in m["participants"]))))
                    for k, m in enumerate(record["meetings"]) if len(m["participants"]) >= 2]
        if meetings:
            wanted[record["id"]] = meetings
    return wanted


def corpus_articles(corpus: Path, halves: Iterable[str], gold: Path = CORPUS_GOLD) -> list[GoldArticle]:
    """The annotated corpus articles of the given halves that hold at least one meeting, in the gold's order."""
    if not corpus.is_file():
        raise FileNotFoundError(f"{corpus} is not a file: expected the shared news corpus (news.jsonl) there")
    wanted = own_meetings(gold, halves)
    texts, dates = {}, {}
    with corpus.open(encoding="utf-8") as lines:
        for row in lines:
            article = json.loads(row)
            if article["id"] in wanted:
                texts[article["id"]] = article["text"]
                dates[article["id"]] = article.get("date")
    missing = sorted(set(wanted) - set(texts))
    if missing:
        raise FileNotFoundError(f"{corpus} lacks {len(missing)} annotated articles, e.g. {missing[0]}")
    return [GoldArticle(i, texts[i], m, dates[i]) for i, m in wanted.items()]


def devset_articles(root: Path, halves: Iterable[str], gold: Path = DEVSET_GOLD) -> list[GoldArticle]:
    """The devset texts of factRuEval-2016 (under `root`) that letopis's annotation gives a meeting, in the
    given halves, in the gold's order."""
    out = []
    for article_id, meetings in own_meetings(gold, halves).items():  # `devset/book_58`
        path = root / f"{article_id}.txt"
        if not path.is_file():
            raise FileNotFoundError(f"{path} is not a file: expected factRuEval-2016's devset text there")
        out.append(GoldArticle(article_id, path.read_text(encoding="utf-8"), meetings))
    return out


def written_articles(path: Path, batches: Iterable[str]) -> list[GoldArticle]:
    """The articles of the written set in the given batches (`wa`, `wb`, `wc`: an id's prefix), in file order."""
    if not path.is_file():
        raise FileNotFoundError(f"{path} is not a file: expected the written set (written_meetings.jsonl) there")
    out = []
    for row in path.read_text(encoding="utf-8").splitlines():
        if not row.strip():
            continue
        record = json.loads(row)
        if record["id"].split("-")[0] not in batches:
            continue
        meetings = [GoldMeeting(f"{record['id']}:{k}", tuple(filter(None, (nerel_surname(p) for p in m["participants"]))))
                    for k, m in enumerate(record["meetings"]) if len(m["participants"]) >= 2]
        out.append(GoldArticle(record["id"], record["text"], meetings, record.get("date")))
    return out


def same_name(a: str, b: str) -> bool:
    return bool(set(a.split("|")) & set(b.split("|")))


def same_people(a: Iterable[str], b: Iterable[str]) -> bool:
    a, b = list(a), list(b)
    return len(a) == len(b) and all(any(same_name(x, y) for y in b) for x in a)


def nerel_surname(name: str) -> str | None:
    """`Мигеля Диас-Канеля` → `канель|канеля`, `А.Меркель` → `меркель`, `Елизаветы II` → `елизавета|елизаветы`."""
    words = [w for w in re.split(r"[\s.]+", name) if w and not re.fullmatch(r"[IVXLC]+", w)]
    return nominatives(words[-1].split("-")[-1]) if words else None


def lemma(word: str) -> str:
    return fold(morph_vocab().parse(word.lower())[0].normal_form)


def nominatives(word: str) -> str:
    """The forms a name may take in the nominative, `|`-separated, the likeliest first: each reading of the
    word as a surname or given name (any reading when it has none) put in the nominative, its gender kept,
    and the word as written (`Зыкиной` → `зыкина|зыкиной`, `Хасбулатова` → `хасбулатов|хасбулатова`)."""
    parses = morph_vocab().parse(word.lower())
    named = [p for p in parses if {"Surn", "Name"} & p.tag.grammemes] or parses
    out = []
    for p in named:
        form = p if "nomn" in p.tag.grammemes else p.inflect({"Nom", "Sing"})
        out.append(fold(form.word if form is not None else p.normal_form))
    out.append(fold(word))
    return "|".join(dict.fromkeys(out))


def data_hash(articles: list[GoldArticle]) -> str:
    digest = hashlib.sha256()
    for a in articles:
        digest.update(a.id.encode())
        digest.update(a.text.encode())
        for m in a.meetings:
            digest.update(f"{m.fact}:{','.join(m.participants)}".encode())
    return digest.hexdigest()


# --- scoring --------------------------------------------------------------------------------------------


def meeting_events(record: Article) -> list[tuple[str, int, frozenset[str]]]:
    people = {e.id: e for e in record.entities if e.type == "PER"}
    names = {pid: name_words(e) for pid, e in people.items()}
    out = []
    for ev in record.events:
        if ev.type in EVENT_TYPES:
            named = [pid for pid in ev.actors + ev.targets if pid in people]
            out.append((ev.id, len(named), frozenset(w for pid in named for w in names[pid])))
    return out


def name_words(person: Entity) -> frozenset[str]:
    """The words a person is compared by: those of the canonical name, and each nominative reading of the
    words of the name mentions, as an article may spell a name two ways (`Дэвид Кэмерон`, `Дэвида Камерона`)
    and the canonical name carries one."""
    words = {fold(w) for w in re.split(r"[\s.-]+", person.name) if w}
    for m in person.mentions:
        if m.kind == "name":
            words.update(form for w in re.split(r"[\s.-]+", m.text) if w.isalpha()
                         for form in nominatives(w).split("|"))
    return frozenset(words)


def named_by(participant: str, words: frozenset[str]) -> bool:
    """Whether a gold participant (`хасбулатова|хасбулатов`: each reading of the surname) is among a person's
    name words."""
    return any(form in words for form in participant.split("|"))


def score(article: GoldArticle, record: Article) -> ArticleResult:
    result = ArticleResult(article.id, article.meetings, meeting_events(record))
    def covers(words: frozenset[str], meeting: GoldMeeting) -> bool:
        return all(named_by(p, words) for p in meeting.participants)
    result.found = [any(covers(w, m) for _, _, w in result.events) for m in article.meetings]
    result.matched = [any(covers(w, m) for m in article.meetings) for _, _, w in result.events]
    result.exact = [any(covers(w, m) and people == len(m.participants) for _, people, w in result.events)
                    for m in article.meetings]
    result.fitted = [min(people, max((len(m.participants) for m in article.meetings if covers(w, m)), default=0))
                     for _, people, w in result.events]
    result.kinds = missed_kinds(article, record, result.found)
    return result


def missed_kinds(article: GoldArticle, record: Article, found: list[bool]) -> list[str]:
    """For each gold meeting, "" when found, else the kind of place its miss lies in (miss_kinds.KINDS)."""
    if all(found):
        return [""] * len(found)
    people = [(e.id, name_words(e)) for e in record.entities if e.type == "PER"]
    sentences = Sentences(article.text)
    def may_be(participant: str) -> set[str]:
        return {pid for pid, words in people if named_by(participant, words)}
    return ["" if ok else miss_kind([may_be(p) for p in m.participants], record, sentences)
            for m, ok in zip(article.meetings, found, strict=True)]


def evaluate(root: Path = DEFAULT_DATA, split: str = "test",
             progress: Callable[[str], None] | None = None, source: str = "factrueval") -> Report:
    """Score letopis on a split of factRuEval-2016 (`source="factrueval"`), NEREL (`"nerel"`), the corpus
    set (`"corpus"`, `root` being news.jsonl), the written set (`"written"`, `root` being its file) or
    letopis's annotation of factRuEval's devset (`"devset"`, `root` being factRuEval's folder)."""
    from letopis.analysis import analyze

    if source == "nerel":
        articles = nerel_articles(root, NEREL_SPLITS[split])
    elif source == "corpus":
        articles = corpus_articles(root, CORPUS_SPLITS[split])
    elif source == "written":
        articles = written_articles(root, WRITTEN_SPLITS[split])
    elif source == "devset":
        articles = devset_articles(root, CORPUS_SPLITS[split])
    else:
        articles = gold_articles(root, SPLITS[split])
    results = []
    for n, article in enumerate(articles, 1):
        results.append(score(article, analyze(article.text, article.date, id=article.id)))
        if progress:
            progress(f"{n}/{len(articles)} {article.id}")
    return Report(split, data_hash(articles), results, source)


def format_report(report: Report, details: bool = False) -> str:
    title = {"nerel": "NEREL-v1.1 meetings", "corpus": "corpus meetings (letopis's annotation)",
             "written": "written set meetings (letopis's own articles)",
             "devset": "factRuEval devset meetings (letopis's annotation)"}.get(
        report.source, "factRuEval-2016 Meetings")
    lines = [
        f"{title}, {report.split}: {len(report.articles)} articles, data sha256 "
        f"{report.data_hash[:16]}",
        f"  recall     {report.recall:.3f}  ({report.found} of {report.gold} gold Meetings found)",
        f"  precision  {report.precision:.3f}  ({report.matched} of {report.predicted} MEET/NEGOTIATE events "
        f"naming two or more people match a gold Meeting)",
        f"  strict precision {report.strict_precision:.3f}  ({report.matched} of all {report.all_events} "
        f"MEET/NEGOTIATE events)",
        f"  exact recall {report.exact_recall:.3f}  ({report.exact} of {report.gold} found by an event naming "
        f"no one else)",
        f"  people precision {report.people_precision:.3f}  (of the people the matching events name, the share "
        f"that took part in the Meeting matched)",
    ]
    missed = tally(kind for a in report.articles for kind in a.kinds if kind)
    if any(n for _, n in missed):
        lines.append("  where the misses lie (counts only, safe on a held-out set):")
        lines.extend(f"    {n:4d}  {KINDS[kind]}" for kind, n in missed)
    if details:
        for a in report.articles:
            for m, ok, kind in zip(a.meetings, a.found, a.kinds, strict=True):
                where = f" ({kind})" if kind else ""
                lines.append(f"  {'found' if ok else 'MISSED':6} {a.id} {m.fact}: {', '.join(m.participants)}{where}")
            for (event_id, people, words), ok in zip(a.events, a.matched, strict=True):
                if not ok:
                    label = "extra" if people >= 2 else "part"
                    lines.append(f"  {label:6} {a.id} {event_id}: {', '.join(sorted(words)) or '-'}")
    return "\n".join(lines)
