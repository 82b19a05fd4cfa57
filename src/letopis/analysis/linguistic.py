"""The linguistic layer on natasha/slovnet: sentences, tokens, morphology, lemmas, NER, dependency syntax.

The models ship inside the natasha wheel (no downloads) and are loaded once per process by `models()`.
Syntax is expensive, so the `Syntax` stage parses nothing by itself: it installs a parser on the document
and later stages call `doc.parse(sentences)` for the sentences they need.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

import razdel

from letopis.analysis.document import Doc, NerSpan, Sentence, Token
from letopis.analysis.morph_guard import morph_vocab
from letopis.analysis.normalize import normalize_span
from letopis.analysis.parse_repairs import mend_clauses

NER_CHUNK_CHARS = 3000  # NER runs over groups of whole sentences up to this size
NER_LEAD = "—"  # a token the NER model reads before each chunk (see ner_tags)

# Line breaks flattened to a literal `n` by some scrapers: `жестким.n«Я`, `сообщаетnРИА`, `Teamnи`.
# No Russian word holds a Latin `n`, so such an `n` is read as a line break (the text itself is not changed).
FLATTENED_NEWLINE = re.compile(
    r"(?<=[а-яёА-ЯЁ])n+"  # after a Cyrillic letter
    r"|(?<=[.,!?:;»\")\]])n+(?=[^\sa-z])"  # after punctuation, before anything but a Latin word
    r"|(?<=[A-Za-z])n(?=[а-яёА-ЯЁ«])"  # between a Latin word and a Cyrillic one
)


def reading_view(text: str) -> str:
    """The text as the models should read it: the same length (so offsets hold), flattened line breaks mended."""
    if "n" not in text:
        return text
    return FLATTENED_NEWLINE.sub(lambda m: "\n" * len(m.group()), text)


LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*(?=\S)")
OPEN_WORDS = frozenset("в во на с со по к ко о об от до из за у при для без и а но или что как словам".split())
WRAPPED_SHARE = 0.1  # a text with more of its line breaks inside a sentence than this is hard-wrapped


def sentence_spans(view: str) -> list[tuple[int, int]]:
    """razdel's sentences, each also ended by a blank line (a headline without a full stop is a sentence of its
    own, not the start of the next paragraph's first sentence) and, in a text that is not hard-wrapped, by a
    line break before a capital (`Встреча Трампа с Путиным не состоится\nДональд Трамп и Владимир Путин`)."""
    out = []
    lines_end = not hard_wrapped(view)
    for s in razdel_sentences(view):
        for piece in re.finditer(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", view[s[0]:s[1]], re.S):
            start, stop = s[0] + piece.start(), s[0] + piece.end()
            if lines_end and "\n" in view[start:stop]:
                out.extend(split_lines(view, start, stop))
            else:
                out.append((start, stop))
    return out


# a full stop after a name's short tail behind an apostrophe, which razdel takes for an abbreviation's
# (`виделся с Самюэлем Это'о. Камерунский нападающий`), before a capital: the sentence ends there
APOSTROPHE_NAME_END = re.compile(r"(?<=\w['’]\w)\.\s+(?=[А-ЯЁA-Z«])|(?<=\w['’]\w\w)\.\s+(?=[А-ЯЁA-Z«])")


# a full stop with no space after it between a small-letter word and a capitalised one, as scraped pages
# leave it (`на заседании коллегии прокуратуры.В мероприятии приняли участие`): razdel reads on, the sentence
# ends there. A word of four letters or more, all small: not an initial (`А.Вебер`), an abbreviation (`г.Москва`,
# `ул.Ленина`) or a brand (`Яндекс.Деньги`)
NO_SPACE_STOP = re.compile(r"(?<![А-ЯЁA-Za-zа-яё])[а-яё]{4,}(\.)(?=[А-ЯЁ][а-яё]*[\s,])")


def razdel_sentences(view: str) -> list[tuple[int, int]]:
    """razdel's sentence spans, cut after a name like `Это'о` at the end of a sentence and at a full stop
    with no space after it (NO_SPACE_STOP)."""
    out = []
    for s in razdel.sentenize(view):
        start = s.start
        cuts = [(m.start() + 1, m.end()) for m in APOSTROPHE_NAME_END.finditer(view, s.start, s.stop)]
        cuts += [(m.end(1), m.end(1)) for m in NO_SPACE_STOP.finditer(view, s.start, s.stop)]
        for stop, next_start in sorted(cuts):
            out.append((start, stop))
            start = next_start
        out.append((start, s.stop))
    return out


def hard_wrapped(view: str) -> bool:
    """Whether the text breaks its lines inside sentences: more than WRAPPED_SHARE of its single line breaks
    come before a small letter."""
    breaks = [m.end() for m in LINE_BREAK.finditer(view) if view[m.start() - 1:m.start()] != "\n"
              and view[m.end():m.end() + 1] != "\n"]
    if not breaks:
        return False
    inside = sum(view[i].islower() for i in breaks)
    return inside > WRAPPED_SHARE * len(breaks)


def split_lines(view: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The span cut at each line break that ends a line not left open (by a comma, colon, dash, bracket,
    preposition or conjunction: `по словам\nТрампа`) and starts one with a capital, a digit or an opening
    quote."""
    out, first = [], start
    for m in LINE_BREAK.finditer(view, start, stop):
        before, after = view[first:m.start()].rstrip(), view[m.end()]
        last_word = before.rsplit(None, 1)[-1].lower() if before else ""
        if before and before[-1] not in ",;:-–—(" and last_word not in OPEN_WORDS and (
                after.isupper() or after.isdigit() or after in "«\"„"):
            out.append((first, first + len(before)))
            first = m.end()
    out.append((first, stop))
    return out


@dataclass(frozen=True, slots=True)
class Models:
    morph_vocab: object
    morph_tagger: object
    syntax_parser: object
    ner_tagger: object


@cache
def models() -> Models:
    """natasha's models, loaded on first use and shared by every document in this process."""
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser

    from letopis.analysis.tree_parse import use_tree_decoding

    emb = NewsEmbedding()
    parser = NewsSyntaxParser(emb)
    use_tree_decoding(parser)  # every parse a tree with one root (tree_parse.py)
    return Models(morph_vocab(), NewsMorphTagger(emb), parser, NewsNERTagger(emb))


@lru_cache(maxsize=200_000)
def lemma_of(word: str, pos: str, feats: tuple[tuple[str, str], ...]) -> str:
    """Lemma of a word form in context, cached: news repeats its words."""
    lemma = models().morph_vocab.lemmatize(word, pos, dict(feats))
    return lemma.replace("ё", "е")


class Segment:
    """razdel sentences and tokens."""

    name = "segment"
    requires = ("text",)
    assigns = ("tokens", "sentences")

    def __call__(self, doc: Doc) -> None:
        view = doc.layers["view"] = reading_view(doc.text)
        tokens = [Token(t.start, t.stop, t.text) for t in razdel.tokenize(view)]
        starts = [t.start for t in tokens]
        sentences = []
        for start, stop in sentence_spans(view):
            first = bisect_left(starts, start)
            last = bisect_left(starts, stop)
            if last > first:
                sentences.append(Sentence(start, stop, first, last))
        for index, s in enumerate(sentences):
            for t in tokens[s.first:s.last]:
                t.sent = index
        doc.tokens, doc.sentences = tokens, sentences
        doc.index_tokens()


class Morph:
    """slovnet morphology (pos, feats) and pymorphy2 lemmas for every token."""

    name = "morph"
    requires = ("tokens", "sentences")
    assigns = ("morph", "lemmas")

    def __call__(self, doc: Doc) -> None:
        # the tagger reads `ё` as the e it stands for, as most of what it learnt from was written (`в нём` is the
        # pronoun of `в нем`, not a noun `нем`); the tokens keep their letters, and their lemmas come from them
        chunk = [[without_yo(t.text) for t in doc.sentence_tokens(i)] for i in range(len(doc.sentences))]
        tagged = list(map_by_length(morph_tags, chunk))
        # a common noun that opens a sentence, which its capital letter makes the tagger read as a name
        # (`Президенты провели переговоры`: a genitive singular name), is tagged again written in lower case
        again = [i for i, tags in enumerate(tagged) if chunk[i] and tags[0].startswith("PROPN")
                 and only_common_noun(chunk[i][0])]
        for i, tags in zip(again, morph_tags([[chunk[i][0].lower()] + chunk[i][1:] for i in again]), strict=True):
            tagged[i] = tags
        for i, tags in enumerate(tagged):
            for token, tag in zip(doc.sentence_tokens(i), tags, strict=True):
                pos, feats = read_morph_tag(tag)
                token.pos = pos
                token.feats = dict(feats)
                token.lemma = lemma_of(token.text, pos, feats)


def without_yo(word: str) -> str:
    return word.replace("ё", "е").replace("Ё", "Е")


NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})


@lru_cache(maxsize=20000)
def only_common_noun(word: str) -> bool:
    """The dictionary knows `word` (lower-cased) only as a common noun, never as a name of any kind."""
    forms = models().morph_vocab(word.lower())
    return bool(forms) and all(f.is_known and f.tag.POS == "NOUN" and not NAME_TAGS & f.tag.grammemes for f in forms)


def morph_tags(sentences: list[list[str]]) -> Iterator[list[str]]:
    """slovnet's morphology tags (`NOUN|Animacy=Inan|Case=Nom|...`) for each sentence of words (read as
    strings: slovnet's and natasha's record objects per token cost more than the tags)."""
    return model_tags(models().morph_tagger, sentences)


def model_tags(tagger, items: list[list[str]]) -> Iterator[list[str]]:
    """A slovnet tagger's tags for each list of words, in the tagger's batches, without its record objects."""
    from slovnet.chop import chop

    infer = tagger.infer
    for batch in chop(items, tagger.batch_size):
        yield from infer.decoder(infer.process(infer.encoder(batch)))


@lru_cache(maxsize=8192)
def read_morph_tag(tag: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """`NOUN|Animacy=Inan|Case=Nom` → (`NOUN`, ((`Animacy`, `Inan`), (`Case`, `Nom`))), features sorted."""
    pos, _, rest = tag.partition("|")
    if not rest:
        return pos, ()
    return pos, tuple(sorted(tuple(f.split("=", 1)) for f in rest.split("|")))  # type: ignore[misc]


def map_by_length(run, sentences: list[list[str]]) -> list:
    """`run` (a model's `map`: sentences of words in, one result per sentence out) over the sentences taken
    shortest first, results in input order. slovnet pads each batch to its longest sentence, so batches of
    sentences in text order spend much of their time on padding; sorted, they spend little (a quarter less
    time for the morphology). The results are the same either way: each sentence is read on its own."""
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
    out: list = [None] * len(sentences)
    for i, result in zip(order, run([sentences[i] for i in order]), strict=True):
        out[i] = result
    return out


class Ner:
    """slovnet named entities (PER, ORG, LOC) with nominative normal forms.

    The tagger reads groups of whole sentences (up to NER_CHUNK_CHARS each) as the words our own tokens give,
    not as text it would tokenize again; its BIO tags come back per token."""

    name = "ner"
    requires = ("tokens", "sentences", "morph")
    assigns = ("ner",)

    def __call__(self, doc: Doc) -> None:
        chunks = sentence_chunks(doc)
        words = [[t.text for t in doc.tokens[first:last]] for first, last in chunks]
        spans = []
        for (offset, _), tags in zip(chunks, ner_tags(words), strict=True):
            for first, last, kind in bio_runs(tags):
                first, last = offset + first, offset + last
                span = NerSpan(doc.tokens[first].start, doc.tokens[last - 1].stop, kind, first, last)
                span.normal = normalize_span(doc, span)
                spans.append(span)
        doc.ner = spans


def ner_tags(chunks: list[list[str]]) -> Iterator[list[str]]:
    """slovnet's NER tags (`B-PER`, `I-PER`, `O`, ...) for each chunk of words. Each chunk is read after
    NER_LEAD, whose tag is dropped: the model misses a name that opens its input (`Путин встретился с ...`,
    `Кадыров рассказал ...`), as it seldom does after a word."""
    return (tags[1:] for tags in model_tags(models().ner_tagger, [[NER_LEAD, *c] for c in chunks]))


def bio_runs(tags: list[str]) -> Iterator[tuple[int, int, str]]:
    """(first, last, type) token runs of BIO tags, read as slovnet reads them: `I` continues the open run
    whatever its type, and an `I` with no run open is dropped."""
    kind, first = None, 0
    for i, tag in enumerate(tags):
        part, _, tag_kind = tag.partition("-")
        if part == "I":
            continue
        if kind is not None:
            yield first, i, kind
            kind = None
        if part == "B":
            kind, first = tag_kind, i
    if kind is not None:
        yield first, len(tags), kind


def sentence_chunks(doc: Doc) -> list[tuple[int, int]]:
    """(first, last) token ranges of whole sentences, each up to NER_CHUNK_CHARS long (a longer sentence
    stands alone)."""
    chunks: list[tuple[int, int]] = []
    start = first = last = None
    for s in doc.sentences:
        if start is not None and s.stop - start > NER_CHUNK_CHARS:
            chunks.append((first, last))
            start = None
        if start is None:
            start, first = s.start, s.first
        last = s.last
    if start is not None:
        chunks.append((first, last))
    return chunks


class Syntax:
    """Dependency syntax on demand: later stages call `doc.parse(sentence_indices)`."""

    name = "syntax"
    requires = ("tokens", "sentences")
    assigns = ("syntax",)

    def __call__(self, doc: Doc) -> None:
        doc.parser = parse_sentences


def parse_sentences(doc: Doc, sent_indices: list[int]) -> None:
    """Parse the given sentences in one batch and store each token's head (a Doc.tokens index) and relation.

    Initials are left out of what the parser reads (`Н.Саркози` is `Н`, `.`, `Саркози` to the tokenizer, and the
    parser takes the dot for the end of a clause): each initial hangs on the name after it as `flat:name`, its
    dot on the initial as `punct`. Then the parse is mended where it crosses a clause boundary the parser does
    not keep (parse_repairs.py)."""
    kept = {i: kept_tokens(doc, i) for i in sent_indices}
    chunk = [[doc.tokens[k].text for k in kept[i]] for i in sent_indices]
    for i, markup in zip(sent_indices, map_by_length(models().syntax_parser.map, chunk), strict=True):
        s = doc.sentences[i]
        order = kept[i]
        for k, parsed in zip(order, markup.tokens, strict=True):
            head = int(parsed.head_id)
            doc.tokens[k].head = order[head - 1] if head > 0 else -1
            doc.tokens[k].rel = parsed.rel
        left_out = sorted(set(range(s.first, s.last)) - set(order))
        for k in reversed(left_out):  # an initial's dot hangs on the initial, the initial on what follows it
            t = doc.tokens[k]
            if t.text == ".":
                t.head, t.rel = k - 1, "punct"
            else:
                t.head, t.rel = k + 2, "flat:name"
        mend_clauses(doc, i)
        s.parsed = True


def kept_tokens(doc: Doc, sent: int) -> list[int]:
    """The tokens of a sentence the parser reads: all but initials (`Н`, `.` before a capitalised word or
    another initial), unless that would leave nothing."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    out = []
    k = s.first
    while k < s.last:
        if k + 2 < s.last and initial(tokens[k].text) and tokens[k + 1].text == "." \
                and tokens[k + 2].text[:1].isupper() and tokens[k + 2].text.isalpha():
            k += 2
            continue
        out.append(k)
        k += 1
    return out or list(range(s.first, s.last))


def initial(text: str) -> bool:
    return len(text) == 1 and text.isalpha() and text.isupper()
