"""Mending the NER model's spans with the whole article in view.

requires: tokens, sentences, morph, ner        assigns: ner (the same layer, revised)

The model tags each stretch of text on its own; this stage corrects what it gets wrong in ways a rule can
see, each step measured on factRuEval-2016 (`letopis eval ner`):

1. Breaks. A name does not run across a line break, a comma, a list bullet or a bracket: `Федеральная
   антимонопольная служба (ФАС)` is two names, `Федеральная антимонопольная служба` and `ФАС`;
   `Монако • Намибия` two places; `Бернс (` is `Бернс`.
2. Edges. Legal forms and descriptors are not part of a name: `ОАО «Газпром»` names `Газпром`,
   `концерн «Майкрософт»` names `Майкрософт`, `ИА Regnum` names `Regnum` (lexicon `org_descriptors`); a
   capitalised phrase before a quoted name is a name of its own (`Русской службе «Голоса Америки»` is
   two). A noun naming people is not part of the name after it (`Исследователи Брукхейвенской
   лаборатории`, `Силач Фосс`). A country adjective before an institution every country has is
   (`японского МИДа`, lexicon `institution_heads`).
3. Recall. A name the model found once is found again where it missed it: a one-word name or a surname
   in any case form (`Токаева` after `Касым-Жомарт Токаев`), a longer name word for word; a surname the
   dictionary knows only as a surname, or as a surname among other things when joined by `и` or a comma to a
   person found (`Путин и Лукашенко`).
4. Not names. Common nouns the model takes for names (`СМИ`, lexicon `not_names`); one-word persons the
   dictionary knows only as verbs, pronouns or interjections (`Успокоил`, `Кто`), or, opening a sentence, only
   as nouns naming people (`Канцлер`), and words for the head of anything (`обозначенных Главой`); quoted
   titles of vehicles and works after their noun (`корабль «Союз»`, `оперу «Тангейзер»`, lexicon
   `title_nouns`), and that title quoted elsewhere.
5. Types. Names the model types wrongly everywhere get their fixed type (`ЕС` is an ORG, lexicon `name_types`), and
   an outlet of lexicon `outlets` in any case taken for a person is an ORG (`рассказал Викиновостям`); then each
   name takes, everywhere in the article, the type most of its mentions have; a one-word place or organisation that
   is the surname of a person named in full, and no place the dictionary knows, is that person (`Хина Раббани Хар
   ... Хар переговорила`); and a place or organisation that ends in such a surname as written is two names (`принял
   в Ново-Огарёво Дадли`); a one-word person the dictionary knows only as a place is that place (`связаться с
   Лозанной`).
6. Clergy. A bishop's see is told by adjectives after his title, his name after them: `епископ
   Иваново-Вознесенский и Вичугский Иосиф` names Иосиф, and no place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache

from letopis.analysis import lexicon
from letopis.analysis.document import Doc, NerSpan, Token
from letopis.analysis.morph_guard import morph_vocab
from letopis.analysis.normalize import normal_word, normalize_span
from letopis.analysis.parse_repairs import TIME_NOUNS
from letopis.analysis.person_names import given_name_gender

PLACE_PREPOSITIONS = {"в", "во", "на"}
BREAK_TOKENS = {"•", "·", "|", "(", ")", "[", "]", ";", ","}
OPENING_QUOTES = {"«", "„", '"', "“"}
CLOSING_QUOTES = {"»", "“", '"', "”"}
EDGE_PUNCTUATION = OPENING_QUOTES | CLOSING_QUOTES | {",", ":", "—", "–", "-", "(", ")", "/"}
ONE_LETTER_WORDS = {"С", "В", "К", "О", "У", "А", "И"}  # prepositions and conjunctions, capitalised
NOT_A_PERSON = {"VERB", "AUX", "PRON", "DET", "INTJ", "SCONJ", "CCONJ", "ADP", "PUNCT"}
RELATIONAL_ADJECTIVE = re.compile(r"^[а-яё-]+(?:ск|цк|ческ)(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)$")
LATIN = re.compile(r"^[A-Za-z]")
NAME_GRAMMEMES = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"}
NOT_A_NAME_POS = {"VERB", "GRND", "INFN", "PRTF", "PRTS", "INTJ", "NPRO", "ADVB", "CONJ", "PRCL", "PREP"}


class NerFixes:
    """requires tokens, sentences, morph, ner; assigns ner (revised in place)."""

    name = "ner_fixes"
    requires = ("tokens", "sentences", "morph", "ner")
    assigns = ("ner",)

    def __call__(self, doc: Doc) -> None:
        spans = []
        for span in doc.ner:
            for first, last, kind in revised_ranges(doc, span.first, span.last, span.type):
                spans.append(new_span(doc, first, last, kind))
        spans = unique(spans)
        spans = unique(spans + recalled_spans(doc, spans))
        spans = unique(spans + coordinated_people(doc, spans))
        titles = {fold(s.normal) for s in spans if is_quoted_title(doc, s.first)}
        surnames = written_surnames(doc, spans)
        spans = [s for s in spans if is_name(doc, s, surnames)
                 and not (fold(s.normal) in titles and is_quoted(doc, s.first))]
        retype(spans)
        spans = split_trailing_surnames(doc, spans)
        spans = clergy_names(doc, spans)
        retype_surnames(doc, spans)
        retype_places(doc, spans)
        share_surnames(doc, spans)
        doc.ner = spans


def new_span(doc: Doc, first: int, last: int, kind: str) -> NerSpan:
    span = NerSpan(doc.tokens[first].start, doc.tokens[last - 1].stop, kind, first, last)
    span.normal = normalize_span(doc, span)
    return span


def unique(spans: list[NerSpan]) -> list[NerSpan]:
    """Sorted by position, without repeats or spans that overlap an earlier one."""
    out: list[NerSpan] = []
    for span in sorted(spans, key=lambda s: (s.first, -s.last)):
        if out and span.first < out[-1].last:
            continue
        out.append(span)
    return out


# --- 1, 2: where a name starts and stops --------------------------------------------------------


def revised_ranges(doc: Doc, first: int, last: int, kind: str) -> Iterator[tuple[int, int, str]]:
    """The token ranges a model span really names: split at breaks, legal forms and quotes handled."""
    for a, b in split_at_breaks(doc, first, last):
        pieces = named_parts(doc, a, b) if kind == "ORG" else [(a, b)]
        for c, d in pieces:
            c, d = trim_edges(doc, c, d)
            if kind == "PER":
                c = skip_preposition(doc, c, d)
                if town_before_name(doc, c, d):  # `главы города Иванова Вячеслава Сверчкова`
                    yield c, c + 1, "LOC"
                    c += 1
                if two_surnames(doc, c, d):  # `Лукина Путин направил в Киев`: two people
                    yield c, c + 1, "PER"
                    c += 1
            c = skip_person_noun(doc, c, d)
            if kind == "LOC":
                d = drop_trailing_person_noun(doc, c, d)
            if kind == "ORG" and c < d:
                c = take_country_adjective(doc, c, d)
            if c < d:
                yield c, d, kind


def split_at_breaks(doc: Doc, first: int, last: int) -> list[tuple[int, int]]:
    """Pieces of [first, last) between break tokens, up to the first line break (what follows one is the
    start of a heading or paragraph the model ran into: `Олег Давыдов⏎⏎Лёд тронулся`)."""
    pieces = []
    start = first
    for i in range(first, last):
        token = doc.tokens[i]
        if i > first and "\n" in doc.text[doc.tokens[i - 1].stop:token.start]:
            last = i
            break
        if token.text in BREAK_TOKENS:
            pieces.append((start, i))
            start = i + 1
    pieces.append((start, last))
    return [(a, b) for a, b in pieces if a < b]


def trim_edges(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """Drop punctuation at either end (an unmatched quote, a dash, a comma)."""
    while first < last and doc.tokens[first].text in EDGE_PUNCTUATION:
        first += 1
    while last > first and doc.tokens[last - 1].text in EDGE_PUNCTUATION:
        last -= 1
    return first, last


@cache
def times_of_day_and_year() -> frozenset[str]:
    """The instrumental of each time of day or year (parse_repairs.TIME_NOUNS: `вечером`, `днем`), which the
    tagger may read as a noun opening a name (`Вечером Кобзон`); ё as е."""
    return frozenset(fold(morph_vocab().parse(noun)[0].inflect({"Ins"}).word) for noun in TIME_NOUNS)


def skip_preposition(doc: Doc, first: int, last: int) -> int:
    """Drop a preposition or an adverb that opens a sentence before a name: `С Дерипаской он не встречался`,
    `Помимо Ху Цзиньтао ...`, `Вчера Абрамович приехал`, `Вечером Кобзон приехал`, `Встречая Си Цзиньпина, ...`
    (an initial has its period: `С. Дерипаска`; a word the dictionary also knows as a name stays)."""
    t = doc.tokens[first]
    opener = t.text in ONE_LETTER_WORDS or t.pos == "ADP" or t.pos == "ADV" and not could_be_name_word(t.text) \
        or fold(t.text) in times_of_day_and_year() or only_verb_form(t.text)
    if last - first > 1 and opener and doc.tokens[first + 1].text[:1].isupper():
        return first + 1
    return first


VERB_FORMS = frozenset({"GRND", "VERB", "INFN", "PRTF", "PRTS"})


def only_verb_form(word: str) -> bool:
    """Whether the dictionary knows `word` only as a form of a verb (`Встречая`, `Поздравив`), never as a name:
    a converb opening a sentence that the model took into the name after it."""
    forms = morph_vocab().parse(word.lower())
    return all(f.is_known and f.tag.POS in VERB_FORMS for f in forms)


def could_be_name_word(word: str) -> bool:
    """Whether the dictionary does not know `word`, or knows it as a name too."""
    forms = morph_vocab().parse(word.lower())
    return not forms[0].is_known or any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in forms)


SETTLEMENT_NOUNS = frozenset({"город", "село", "поселок", "посёлок", "деревня", "станица", "хутор", "аул"})


def town_before_name(doc: Doc, first: int, last: int) -> bool:
    """Whether a person span of three words or more opens with the name of the town a noun before it
    names (`главы города Иванова Вячеслава Сверчкова`: the mayor of Иваново is Вячеслав Сверчков)."""
    return last - first >= 3 and first > 0 and doc.tokens[first - 1].lemma in SETTLEMENT_NOUNS


def two_surnames(doc: Doc, first: int, last: int) -> bool:
    """Whether a person span is two words in different cases that the dictionary knows only as surnames: an
    object put first and the subject after it (`Лукина Путин направил в Киев`), not one person's name."""
    if last - first != 2 or doc.tokens[first].feats.get("Case") == doc.tokens[first + 1].feats.get("Case"):
        return False
    return all(only_surname(doc.tokens[k].text) for k in (first, first + 1))


def only_surname(word: str) -> bool:
    """The dictionary knows `word` as a person only by surname, never as a given name (`Лукина`, `Путин`)."""
    from letopis.analysis.linguistic import models

    forms = [f for f in models().morph_vocab(word.lower()) if f.is_known and f.tag.POS == "NOUN" and "anim" in f.tag]
    return bool(forms) and all("Surn" in f.tag.grammemes for f in forms)


def skip_person_noun(doc: Doc, first: int, last: int) -> int:
    """Drop a leading noun naming people before a capitalised name: `Исследователи Брукхейвенской
    лаборатории`, `Силач Фосс`, `Сотрудники Смольного` (but not `Лев Толстой`: `Лев` is also a name)."""
    if last - first > 1 and doc.tokens[first + 1].text[:1].isupper() and names_people(doc.tokens[first].text):
        return first + 1
    return first


def drop_trailing_person_noun(doc: Doc, first: int, last: int) -> int:
    """Drop a lower-case noun naming people that a place ran into: `в Ново-Огарёве губернатора Кемеровской
    области` (the place is `Ново-Огарёво`); an organisation may end in one (`Союз писателей`)."""
    if last - first > 1 and doc.tokens[last - 1].text.islower() and names_people(doc.tokens[last - 1].text):
        return last - 1
    return last


def names_people(word: str) -> bool:
    """The dictionary knows `word` only as a noun for people, never as a name (nor is it one of
    lexicon/name_words.txt: `Пан` of `Пан Ги Мун`)."""
    from letopis.analysis.linguistic import models

    if word.lower() in lexicon.words("name_words"):
        return False
    forms = models().morph_vocab(word.lower())
    return bool(forms) and forms[0].is_known and not any(NAME_GRAMMEMES & f.tag.grammemes for f in forms) \
        and all(f.tag.POS == "NOUN" and "anim" in f.tag for f in forms)


def take_country_adjective(doc: Doc, first: int, last: int) -> int:
    """Include a relational adjective before an institution every country has: `японского МИДа`."""
    if first == 0:
        return first
    adjective, head = doc.tokens[first - 1], doc.tokens[first]
    if adjective.pos == "ADJ" and RELATIONAL_ADJECTIVE.match(adjective.text) \
            and adjective.feats.get("Case") == head.feats.get("Case") \
            and head.lemma in lexicon.words("institution_heads"):
        return first - 1
    return first


def named_parts(doc: Doc, first: int, last: int) -> list[tuple[int, int]]:
    """An organisation span without its legal form or descriptor: `ОАО «НК «Роснефть»»` → `Роснефть`;
    a capitalised phrase before the quotes stays a name of its own (`Русской службе «Голоса Америки»`)."""
    quote = next((i for i in range(first, last) if doc.tokens[i].text in OPENING_QUOTES), None)
    if quote is None:
        return [(skip_legal_forms(doc, first, last), last)]
    close = last
    while close > quote + 1 and doc.tokens[close - 1].text not in CLOSING_QUOTES:
        close -= 1
    if close == quote + 1:  # no closing quote: the name runs to the end of the span
        close = last + 1
    inner = named_parts(doc, quote + 1, close - 1)
    head = skip_descriptors(doc, first, quote)
    if head < quote and any(t.text[:1].isupper() for t in doc.tokens[head:quote]):
        return [(head, quote), *inner]
    return inner


def skip_descriptors(doc: Doc, first: int, last: int) -> int:
    """The first token of [first, last) after leading legal forms, descriptor nouns and lower-case words
    (what stands before a quoted name: `ОАО`, `Группа компаний`, `международного клуба`)."""
    descriptors = lexicon.words("org_descriptors")
    i = first
    while i < last and (doc.tokens[i].lemma in descriptors or fold(doc.tokens[i].text) in descriptors
                        or doc.tokens[i].text.islower()):
        i += 1
    return i


def skip_legal_forms(doc: Doc, first: int, last: int) -> int:
    """The first token of [first, last) after leading legal forms where no quotes follow: upper-case
    abbreviations (`ИА Regnum`) and descriptor nouns before a Latin name (`Агенство France-Presse`);
    never the whole span."""
    descriptors = lexicon.words("org_descriptors")
    i = first
    while i + 1 < last:
        t = doc.tokens[i]
        abbreviation = t.text.isupper() and fold(t.text) in descriptors
        before_latin = t.lemma in descriptors and LATIN.match(doc.tokens[i + 1].text)
        if not (abbreviation or before_latin):
            break
        i += 1
    return i


# --- 3: names the model found once, found again ------------------------------------------------------


def recalled_spans(doc: Doc, spans: list[NerSpan]) -> list[NerSpan]:
    """New spans where the article repeats a name the model found elsewhere in it but missed here: a
    one-word name or a person's surname in any case form (`Токаева` after `Касым-Жомарт Токаев`), a
    longer name word for word (`World Fashion Channel`)."""
    covered = {i for s in spans for i in range(s.first, s.last)}
    words: dict[str, str] = {}  # folded nominative of a one-word name or a surname → type
    phrases: dict[tuple[str, ...], str] = {}  # folded words of a longer name as written → type
    for s in spans:
        names = s.normal.split()
        if s.type == "PER" or len(names) == 1:
            words.setdefault(fold(names[-1]), s.type)
        if s.last - s.first > 1:
            phrases.setdefault(tuple(fold(t.text) for t in doc.tokens[s.first:s.last]), s.type)
    found = []
    for i, t in enumerate(doc.tokens):
        if i in covered or not could_be_name(t):
            continue
        kind = words.get(fold(normal_word(t))) or words.get(fold(t.text))
        if kind is not None:
            found.append(new_span(doc, i, i + 1, kind))
            covered.add(i)
    folded = [fold(t.text) for t in doc.tokens]
    starts: dict[str, list[int]] = {}  # folded word → where it stands
    for i, word in enumerate(folded):
        starts.setdefault(word, []).append(i)
    for phrase, kind in phrases.items():
        for i in find_phrase(folded, starts, phrase, covered):
            found.append(new_span(doc, i, i + len(phrase), kind))
            covered.update(range(i, i + len(phrase)))
    return found


def coordinated_people(doc: Doc, spans: list[NerSpan]) -> list[NerSpan]:
    """A capitalised word the dictionary knows only as a surname (`Собянин`) is a person; so is one it knows
    as a surname among other things, joined by `и` or a comma to a person the model found: the model tags
    `Лукашенко` in `Путин и Лукашенко провели переговоры` and misses `Путин`."""
    from letopis.analysis.linguistic import models

    covered = {i for s in spans for i in range(s.first, s.last)}
    person_at = {i for s in spans if s.type == "PER" for i in (s.first, s.last - 1)}
    found = []
    for i, t in enumerate(doc.tokens):
        if i in covered or not could_be_name(t):
            continue
        forms = models().morph_vocab(t.text.lower())
        if forms and all(f.is_known and "Surn" in f.tag.grammemes for f in forms):
            found.append(new_span(doc, i, i + 1, "PER"))  # `Путин встретился с ...`: only a surname
            covered.add(i)
            continue
        beside = [i + 2] if i + 2 < len(doc.tokens) and doc.tokens[i + 1].text in (",", "и") else []
        if i >= 2 and doc.tokens[i - 1].text in (",", "и"):
            beside.append(i - 2)
        if not any(k in person_at and doc.tokens[k].sent == t.sent for k in beside):
            continue
        if any("Surn" in f.tag.grammemes for f in models().morph_vocab(t.text.lower())):
            found.append(new_span(doc, i, i + 1, "PER"))
            covered.add(i)
    return found


def could_be_name(t: Token) -> bool:
    word = t.text.replace("-", "")
    return t.text[:1].isupper() and word.isalnum() and t.pos in ("PROPN", "NOUN", "ADJ", "X")


def find_phrase(folded: list[str], starts: dict[str, list[int]], phrase: tuple[str, ...],
                covered: set[int]) -> Iterator[int]:
    """Starts of the uncovered token runs whose folded texts (`folded`, one per token; `starts`: where each
    folded word stands) are `phrase`."""
    n = len(phrase)
    for i in starts.get(phrase[0], ()):
        if tuple(folded[i:i + n]) == phrase and not covered.intersection(range(i, i + n)):
            yield i


# --- 4: what is no name -------------------------------------------------------------------------------


def is_name(doc: Doc, span: NerSpan, surnames: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether a span is a name at all (step 4). `surnames` (folded) are those of the people the article names in
    full: such a word opening a sentence is that person even where the dictionary knows it only as a noun for
    living things (`Сергей Рябков ... Рябков, принимавший Бернса`: `рябков`, of the bird `рябок`)."""
    tokens = doc.tokens[span.first:span.last]
    if not any(t.text[:1].isalnum() for t in tokens):
        return False
    not_names = lexicon.words("not_names")
    if fold(span.normal) in not_names or fold(doc.text[span.start:span.stop]) in not_names \
            or len(tokens) == 1 and tokens[0].lemma in not_names:
        return False
    if is_quoted_title(doc, span.first):
        return False
    return not (span.type == "PER" and len(tokens) == 1 and fold(tokens[0].text) not in surnames
                and (is_common_word(doc, span.first) or is_head_title(tokens[0].lemma)))


def is_head_title(lemma: str) -> bool:
    """A word for the head of anything (`глава`, `лидер`: `* any` in lexicon/titles.txt), which some papers
    capitalise for their region's head (`вопросов, обозначенных Главой`): a title, not a name."""
    return lexicon.table("titles").get(lemma, "").endswith("any")


def is_quoted_title(doc: Doc, first: int) -> bool:
    """The span opens a quote that follows a title noun: `корабля «Союз»`, `оперу «Тангейзер»`."""
    return first >= 2 and is_quoted(doc, first) and doc.tokens[first - 2].lemma in lexicon.words("title_nouns")


def is_quoted(doc: Doc, first: int) -> bool:
    return first >= 1 and doc.tokens[first - 1].text in OPENING_QUOTES


def is_common_word(doc: Doc, index: int) -> bool:
    """A one-word "person" that the dictionary knows only as a verb, pronoun or interjection
    (`Успокоил`, `Кто`, `Здрасте`), or, opening a sentence or a line, only as a noun naming people
    (`Канцлер заявил`, `Супруга`); a word the dictionary also knows as a name never is."""
    from letopis.analysis.linguistic import models

    t = doc.tokens[index]
    if t.pos in NOT_A_PERSON:
        return True
    forms = models().morph_vocab(t.text.lower())
    if not forms or any(NAME_GRAMMEMES & f.tag.grammemes for f in forms) or not forms[0].is_known:
        return False
    if all(f.tag.POS in NOT_A_NAME_POS for f in forms):
        return True
    opens = index == doc.sentences[t.sent].first or "\n" in doc.text[doc.tokens[index - 1].stop:t.start]
    return opens and names_people(t.text)


# --- 5: types -----------------------------------------------------------------------------------------


def retype_surnames(doc: Doc, spans: list[NerSpan]) -> None:
    """A one-word place or organisation that is the surname of a person the article names in full, and no
    place or organisation the dictionary knows, is that person (`министр Хина Раббани Хар ... После заседания
    Хар переговорила с Карзаем`, the second `Хар` read as a place)."""
    surnames = {fold(s.normal.split()[-1]) for s in spans if s.type == "PER" and len(s.normal.split()) > 1}
    for span in spans:
        if span.type == "PER" or span.last - span.first != 1:
            continue
        word = fold(doc.tokens[span.first].text)
        if (word in surnames or fold(span.normal) in surnames) and not any(
                "Geox" in p.tag or "Orgn" in p.tag for p in morph_vocab().parse(word)):
            span.type = "PER"


def retype_places(doc: Doc, spans: list[NerSpan]) -> None:
    """A one-word person that the dictionary knows only as a place, in every reading of the word, is that
    place (`пытался связаться с Лозанной`, a city standing for the IOC), in the singular: `Ливанов` is a
    minister, not the plural of Ливан; a word that is also a given name or a common noun stays (`Надежда`,
    `Орел`); so does the surname of a person named in full, in any case (`Роберт Дадли ... Дадли`, Dudley a
    town too; `Василий Синайский ... пригласила Синайского`)."""
    surnames = written_surnames(doc, spans)
    for span in spans:
        if span.type != "PER" or span.last - span.first != 1 or fold(doc.tokens[span.first].text) in surnames \
                or fold(span.normal) in surnames:
            continue
        readings = morph_vocab().parse(fold(doc.tokens[span.first].text))
        if readings and all(p.is_known and "Geox" in p.tag and "sing" in p.tag for p in readings):
            span.type = "LOC"


def share_surnames(doc: Doc, spans: list[NerSpan]) -> None:
    """A lone given name joined by `и` to a given name and a surname is named by that surname too, in its own
    gender where the surname has one: `Сергей и Юлия Скрипаль` are Сергей Скрипаль and Юлия Скрипаль, `Михаил
    и Раиса Горбачевы` Михаил Горбачев and Раиса Горбачева; not at the end of a list (ends_a_list)."""
    for a, b in zip(spans, spans[1:], strict=False):
        if a.type != "PER" or b.type != "PER" or a.last - a.first != 1 or b.last - b.first < 2 \
                or b.first != a.last + 1 or doc.tokens[a.last].text.lower() != "и":
            continue
        if not (is_given_name(a.normal) and is_given_name(b.normal.split()[0])) or ends_a_list(doc, a.first):
            continue
        surname = surname_in_gender(b.normal.split()[-1], given_name_gender(a.normal))
        if surname is not None:
            a.normal = f"{a.normal} {surname}"


def ends_a_list(doc: Doc, first: int) -> bool:
    """The given name at `first` follows a comma or a title (`Кэмерон, принц Уильям и Дэвид Бекхэм`): the last
    two of a list of people, or one known by title and given name, not two of one family."""
    if first == 0:
        return False
    before = doc.tokens[first - 1]
    return before.text == "," or before.lemma in lexicon.table("titles")


def is_given_name(word: str) -> bool:
    return any("Name" in p.tag.grammemes for p in morph_vocab().parse(word.lower()))


def surname_in_gender(surname: str, gender: str | None) -> str | None:
    """`Горбачевы` → `Горбачев` for `Masc`; a surname that does not decline (`Кличко`) or one the dictionary does
    not know (`Скрипаль`) as it is; None for one that declines when the given name's gender is not known."""
    for p in morph_vocab().parse(surname.lower()):
        if "Surn" in p.tag.grammemes:
            if "Fixd" in p.tag.grammemes:
                return surname
            form = p.inflect({gender, "Nom", "Sing"}) if gender else None
            return form.word.capitalize() if form is not None else None
    return surname


CLERGY = frozenset({"патриарх", "митрополит", "архиепископ", "епископ", "экзарх", "католикос", "архимандрит"})
ALL_OF = "всея"  # `митрополит Киевский и всея Украины Владимир`


def clergy_names(doc: Doc, spans: list[NerSpan]) -> list[NerSpan]:
    """A bishop is named after his title and his see's adjectives (`епископ Иваново-Вознесенский и Вичугский
    Иосиф`, `митрополитом Киевским и всея Украины Владимиром`): the adjectives are no names, and the name
    after them (`архиепископа Кентерберийского Роуэна Уильямса`) is the person, whatever the model made of
    them."""
    out = list(spans)
    for k, t in enumerate(doc.tokens):
        if t.lemma not in CLERGY:
            continue
        s = doc.sentences[t.sent]
        j = after_see(doc, k + 1)
        name = doc.tokens[j] if j < s.last else None
        if j == k + 1 or name is None or not name.text[:1].isupper() or not name.text.isalpha() \
                or name.pos in NOT_A_PERSON:
            continue
        stop = j + 1  # the name's words: the model's span that starts there, or the capitalised names that follow
        found = next((x for x in out if x.first == j), None)
        if found is not None:
            stop = found.last
        while found is None and stop < min(s.last, j + 3) and doc.tokens[stop].text[:1].isupper() \
                and doc.tokens[stop].pos == "PROPN":
            stop += 1
        out = [x for x in out if x.last <= k + 1 or x.first >= stop] + [new_span(doc, j, stop, "PER")]
    return unique(out)


def after_see(doc: Doc, k: int) -> int:
    """The token after the see's adjectives that start at `k` (`Иваново-Вознесенский и Вичугский`, `Киевский и
    всея Украины`), or `k` when none start there."""
    s = doc.sentences[doc.tokens[k].sent] if k < len(doc.tokens) else None
    j, sees = k, 0
    while s is not None and j < s.last:
        w = doc.tokens[j].text
        if w[:1].isupper() and RELATIONAL_ADJECTIVE.match(w.lower()):
            sees, j = sees + 1, j + 1
        elif w == "и" and sees:
            j += 1
        elif w.lower() == ALL_OF and j + 1 < s.last:
            j += 2  # `всея Руси`
        else:
            break
    return j if sees else k


def split_trailing_surnames(doc: Doc, spans: list[NerSpan]) -> list[NerSpan]:
    """A place of two names or more after `в` or `на` whose last word is, as written, the surname of a person
    the article names in full is a place and then that person: `принял в Ново-Огарёво Дадли` after `Роберт
    Дадли` is `Ново-Огарёво` and `Дадли`. The name before must end in a capitalised word, so that a street
    named after the person stays whole (`на проспекте Сахарова`); without the preposition the whole may be
    another person of that surname (`президента Ахмат-Хаджи Кадырова` beside `Рамзан Кадыров`)."""
    written = written_surnames(doc, spans)
    out = []
    for span in spans:
        last = doc.tokens[span.last - 1]
        person = fold(last.text) in written or fold(last.lemma) in written and last.feats.get("Animacy") == "Anim"
        if span.type != "PER" and span.last - span.first > 1 and person \
                and span.first > 0 and doc.tokens[span.first - 1].text.lower() in PLACE_PREPOSITIONS \
                and doc.tokens[span.last - 2].text[:1].isupper() and doc.tokens[span.last - 2].text[:1].isalpha():
            out.append(new_span(doc, span.first, span.last - 1, span.type))
            out.append(new_span(doc, span.last - 1, span.last, "PER"))
        else:
            out.append(span)
    return out


def written_surnames(doc: Doc, spans: list[NerSpan]) -> set[str]:
    """The last words, as written and as lemmas, folded, of the people named in two words or more (a person
    named `Михаил Зурабов` may stand in the dative after a place: `на Подоле Зурабову позвонил Лавров`)."""
    return {fold(w) for s in spans if s.type == "PER" and s.last - s.first > 1
            for w in (doc.tokens[s.last - 1].text, doc.tokens[s.last - 1].lemma)}


@cache
def fixed_types() -> dict[str, str]:
    """name (nominative, folded) → its type, from lexicon `name_types` (`европейский союз<TAB>ORG`)."""
    out = {}
    for entry in lexicon.entries("name_types"):
        name, kind = entry.rsplit(None, 1)
        out[fold(name)] = kind
    return out


@cache
def outlet_forms() -> frozenset[str]:
    """The one-word names of the outlets of lexicon `outlets` in every case the dictionary gives them, folded
    (`Викиновости`, `Викиновостям`, `Известиям`)."""
    names = {fold(n) for entry in lexicon.entries("outlets") for n in entry.split("\t")[-1].split("|") if n.strip()}
    out = set()
    for name in names:
        if name.isalpha():
            out.add(name)
            for parse in morph_vocab().parse(name)[:1]:
                out.update(fold(form.word) for form in parse.lexeme)
    return frozenset(out)


def is_outlet(name: str) -> bool:
    """Whether a name the model took for a person is an outlet in some case (`рассказал Викиновостям`)."""
    return fold(name) in outlet_forms()


def fold(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def retype(spans: list[NerSpan]) -> None:
    """Fixed types first; then every mention of a name takes the type most of its mentions have (on a
    tie, the type of its first mention)."""
    fixed = fixed_types()
    votes: dict[str, Counter[str]] = {}
    for span in spans:
        span.type = fixed.get(fold(span.normal), "ORG" if span.type == "PER" and is_outlet(span.normal) else span.type)
        votes.setdefault(fold(span.normal), Counter())[span.type] += 1
    for span in spans:
        counts = votes[fold(span.normal)]
        best = max(counts.values())
        span.type = next(kind for kind, n in counts.items() if n == best)
