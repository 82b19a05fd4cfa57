"""Where a reported clause begins and ends.

Content runs to the end of its unit unless something closes it earlier: a semicolon, a colon before a
quotation, a second reporting verb coordinated with the first (`..., и добавил, что`, `..., отметив, что`),
or an attribution of its own (`..., сообщает ТАСС`, `..., как отметил министр`). Words that open a sentence
without being part of what was said (`Однако`, `При этом`, `Например,`) are left out.
"""

from __future__ import annotations

from letopis.analysis.document import Token
from letopis.analysis.quotes.context import Context
from letopis.analysis.quotes.layout import fold

SUBORDINATORS = {"что", "чтобы", "будто", "якобы"}
QUESTION_WORDS = {"как", "ли", "где", "когда", "почему", "зачем", "кто", "сколько", "куда", "откуда", "какой", "чем"}
COORDINATORS = {"и", "а", "но", "однако", "также"}
RELATIVES = {"который", "которая", "которое", "которые", "которого", "которой", "которым", "которых", "которую",
             "которому", "котором", "которыми", "где", "куда", "когда", "чей", "чья", "чье", "чьи", "если",
             "хотя", "поскольку", "так", "потому"}
NOT_CONTENT = {"parataxis"}


def is_finite(t: Token) -> bool:
    f = t.feats
    if t.pos not in ("VERB", "AUX"):
        return False
    return f.get("VerbForm") in ("Fin", None) or (f.get("VerbForm") == "Part" and f.get("Variant") == "Short")


def that_clause(ctx: Context, v: int, limit: int, max_gap: int = 14) -> tuple[int, int] | None:
    """`заявил (кому, где, о том), что CLAUSE`: the clause after `что` with only the verb's own
    arguments between them."""
    doc = ctx.doc
    gap = 0
    i = v + 1
    while i < limit:
        if i in ctx.layout.artefacts:
            i += 1
            continue
        t = doc.tokens[i]
        low = fold(t.text)
        if low in SUBORDINATORS and t.pos in ("SCONJ", "PRON", "CCONJ", "ADV", "PART"):
            if not complement_that(ctx, v, i):
                return None
            if low == "чтобы" and ctx.words.verbs.get(doc.tokens[v].lemma) not in ("ask", "promise"):
                return None  # `передал деньги, чтобы ...`: a purpose, not a report
            start = i + 1
            if start >= limit:
                return None
            return start, clause_end(ctx, v, start, limit)
        if t.text in (":", ";") or (is_finite(t) and not ctx.in_quote(i)):
            return None
        if t.pos == "VERB" and t.feats.get("VerbForm") == "Inf" and not ctx.in_quote(i):
            return None
        if low in QUESTION_WORDS and not ctx.in_quote(i):
            return None
        gap += 1
        if gap > max_gap:
            return None
        i += 1
    return None


def complement_that(ctx: Context, v: int, i: int) -> bool:
    """Whether the `что` at `i` opens the verb's complement: `сказал, что`, `заявил о том, что`, `уверен в
    том, что`, `указал на то, что` - not `из-за того, что`, `после того как`, `несмотря на то, что`."""
    tokens = ctx.doc.tokens
    k = i - 1
    while k > v and (tokens[k].text == "," or k in ctx.layout.artefacts):
        k -= 1
    if k <= v or ctx.layout.lows[k] not in ("того", "тем", "то", "том", "тому"):
        return True
    p = k - 1
    if p <= v:
        return True
    prep = ctx.layout.lows[p]
    if prep in ("о", "об", "в", "на") and not (p - 1 > v and ctx.layout.lows[p - 1] == "несмотря"):
        return True
    return False


def clause_end(ctx: Context, v: int, start: int, limit: int) -> int:
    """One past the last token of a reported clause that starts at `start` (exclusive of cut points)."""
    doc, verbs = ctx.doc, ctx.words.verbs
    tokens = doc.tokens
    for j in range(start, limit):
        t = tokens[j]
        if ctx.in_quote(j) and not ctx.in_quote(v):
            continue
        if t.text == ";":
            return j
        if t.text == ":" and j + 1 < limit and (tokens[j + 1].text in "«\"„“" or j + 1 == limit):
            return j
        if t.text == ":" and j + 1 >= limit:
            return j
        if verbs.get(t.lemma) not in (None, "passive") and j > start and t.feats.get("VerbForm") in ("Fin", "Conv", None) \
                and t.feats.get("Person") not in ("1", "2"):
            cut = coordination_start(ctx, j, start)
            if cut is not None:
                return cut
    return limit


def coordination_start(ctx: Context, j: int, start: int) -> int | None:
    """If the speech verb at `j` opens a new attribution or a second report, where the content before it ends:
    `..., и добавил`, `..., отметив`, `..., сообщает X`, `..., как отметил X`, `..., — сказал он`."""
    tokens = ctx.doc.tokens
    k = j - 1
    while k >= start and (k in ctx.layout.artefacts or tokens[k].pos == "ADV" and ctx.layout.lows[k] in
                          ("также", "еще", "уже", "ранее", "позже", "затем", "тогда", "вновь", "снова", "вчера")):
        k -= 1
    if k < start:
        return None
    low = ctx.layout.lows[k]
    if low in ("как",) and k - 1 >= start and tokens[k - 1].text == ",":
        return k - 1
    if low in COORDINATORS:
        k2 = k - 1
        if k2 >= start and tokens[k2].text == ",":
            return k2
        if low in ("и", "а") and k2 >= start:
            return k
        return None
    if tokens[k].text in "—–-" and k - 1 >= start and tokens[k - 1].text == ",":
        return k - 1
    if tokens[k].text == ",":
        if tokens[j].feats.get("VerbForm") == "Conv":
            return k  # `..., отметив, что`
        # `..., сообщает X`: a postposed attribution (the verb before its subject)
        if any(tokens[x].feats.get("Case") == "Nom" and tokens[x].pos in ("NOUN", "PROPN", "PRON")
               for x in range(j + 1, min(j + 6, len(tokens)))):
            return k
    return None


def infinitive_phrase(ctx: Context, v: int, limit: int, max_gap: int = 8) -> tuple[int, int] | None:
    """`призвал власти отменить решение`: the addressee and the infinitive phrase after the verb."""
    doc = ctx.doc
    i = v + 1
    gap = 0
    while i < limit and gap <= max_gap:
        t = doc.tokens[i]
        if i in ctx.layout.artefacts or t.text == ",":
            i += 1
            continue
        if t.pos == "VERB" and t.feats.get("VerbForm") == "Inf":
            return v + 1, infinitive_end(ctx, v, i, limit)
        if is_finite(t) or fold(t.text) in SUBORDINATORS or t.text in (":", ";", "«", "\""):
            return None
        gap += 1
        i += 1
    return None


CAUSAL = {"из-за", "потому", "поскольку", "ибо", "так как"}
CONTRAST = {"но", "а", "однако", "хотя", "зато"}


def infinitive_end(ctx: Context, v: int, inf: int, limit: int) -> int:
    """One past the end of an infinitive phrase: the clause end, or earlier where a reason or a contrast
    begins (`попросила остановить поединок из-за того, что ...`, `упрашивал ... остановить бой, но ...`)."""
    tokens = ctx.doc.tokens
    end = clause_end(ctx, v, inf, limit)
    for j in range(inf + 1, end):
        low = ctx.layout.lows[j]
        if ctx.in_quote(j):
            continue
        if low in CAUSAL or (low in CONTRAST and tokens[j - 1].text == ","):
            return j - 1 if tokens[j - 1].text == "," else j
    return end


def phrase_end(ctx: Context, head: int, limit: int, v: int) -> int:
    """One past the last token of the phrase headed by `head` (its subtree, without clauses that have a
    subject of their own), or of the unit when the sentence is not parsed."""
    tree = ctx.tree
    if not tree.parsed(head):
        return clause_end(ctx, v, head, limit)
    sub = {head}
    todo = [head]
    while todo:
        x = todo.pop()
        for k in tree.kids(x):
            if k in sub or tree.rel(k) in NOT_CONTENT:
                continue
            if tree.rel(k) == "conj" and tree.kids_by(k, "nsubj"):
                continue
            sub.add(k)
            todo.append(k)
    end = max(x for x in sub if x < limit) + 1 if any(x < limit for x in sub) else head + 1
    return min(max(end, head + 1), clause_end(ctx, v, head, limit))


def trim(ctx: Context, first: int, last: int, connectives: bool = True) -> tuple[int, int] | None:
    """Character span of tokens [first, last) without leading connectives and punctuation and without the
    final period; None when nothing that is a word is left."""
    doc = ctx.doc
    tokens = doc.tokens
    layout = ctx.layout
    while first < last and (first in layout.artefacts or tokens[first].pos == "PUNCT" and tokens[first].text not in "«\"„(“"):
        first += 1
    if connectives:
        moved = True
        while moved and first < last:
            moved = False
            for c in ctx.words.connectives:
                if tuple(ctx.layout.lows[i] for i in range(first, min(first + len(c), last))) == c \
                        and first + len(c) < last:
                    first += len(c)
                    while first < last and tokens[first].text in (",", "—", "–", "-"):
                        first += 1
                    moved = True
                    break
    while last > first and (last - 1 in layout.artefacts or tokens[last - 1].pos == "PUNCT"
                            and tokens[last - 1].text not in "!?…»\"”)"):
        last -= 1
    if last <= first or not layout.words(first, last):
        return None
    start, stop = tokens[first].start, tokens[last - 1].stop
    return start, balance(ctx.layout.text, start, stop)


def balance(text: str, start: int, stop: int) -> int:
    """Drop a closing quotation mark or bracket at the end whose opening is not inside the span."""
    while stop > start and text[stop - 1] in "»”)\"":
        ch = text[stop - 1]
        inner = text[start:stop - 1]
        opening = {"»": "«", "”": "“„", ")": "(", "\"": "\""}[ch]
        if ch == "\"":
            if inner.count("\"") % 2 == 1:
                break
        elif any(o in inner for o in opening) and sum(inner.count(o) for o in opening) > inner.count(ch):
            break
        stop -= 1
        while stop > start and text[stop - 1] in " .,;:":
            stop -= 1
    return stop


def start_of_clause(ctx: Context, k: int, unit_first: int) -> int:
    """Where the clause holding token `k` begins: after a comma that introduces a relative or
    subordinate clause (`..., который, по версии следствия, является ...`), or at the unit's start."""
    tokens = ctx.doc.tokens
    for j in range(k - 1, unit_first - 1, -1):
        if ctx.layout.lows[j] in RELATIVES and j - 1 >= unit_first and tokens[j - 1].text == ",":
            return j
    return unit_first
