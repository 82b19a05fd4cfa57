"""Speech cues: the reporting verbs and the attributing frames of an article, found from lemmas alone.

Finding them needs no parse, so it runs first and tells the stage which sentences to parse. A cue does not
count inside a quotation (the speaker's own `говорил`), in the first or second person (`Напомним`), as an
infinitive (`Стоит отметить`), as a full participle (`заявленный`), or inside an author's frame
(`Ранее сообщалось`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from letopis.analysis.quotes.context import Context
from letopis.analysis.quotes.layout import fold


@dataclass(slots=True)
class VerbCue:
    token: int
    cls: str  # say | think | ask | promise | name | cite | passive
    form: str  # fin | conv | short


@dataclass(slots=True)
class FrameCue:
    first: int  # tokens [first, last) of the frame words (`По словам`, `со ссылкой на`)
    last: int
    kind: str  # by | cite
    possessive: int | None  # `по его словам`: the pronoun


def author_frame_tokens(ctx: Context) -> set[int]:
    """Tokens of author's-voice frames that open a unit or follow a comma or a connective; a frame may hold one
    adverb more than its entry (`Стоит также отметить`)."""
    out: set[int] = set()
    layout, doc = ctx.layout, ctx.doc
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for f in ctx.words.author_frames:
        by_first.setdefault(f[0], []).append(f)
    for u in layout.units:
        words = layout.words(u.first, u.last)
        lows = [ctx.layout.lows[i] for i in words]
        for k, low in enumerate(lows):
            frames = by_first.get(low)
            if not frames:
                continue
            opens = k == 0 or doc.tokens[words[k] - 1].text == "," or lows[k - 1] in ("и", "а", "но", "однако", "также")
            if not opens:
                continue
            for f in frames:
                n = len(f)
                if tuple(lows[k:k + n]) == f:
                    out.update(range(words[k], words[k + n - 1] + 1))
                    break
                if n > 1 and k + n < len(lows) + 0 and any(
                        tuple(lows[k:k + j] + lows[k + j + 1:k + n + 1]) == f and doc.tokens[words[k + j]].pos in ("ADV", "PART")
                        for j in range(1, n)):
                    out.update(range(words[k], words[min(k + n, len(words) - 1)] + 1))
                    break
    return out


FINITE_ENDINGS = ("ется", "ится", "ются", "ятся", "лся", "лась", "лось", "лись")
VERB_ENDINGS = ("ал", "ял", "ил", "ел", "ла", "ли", "ло", "ет", "ит", "ют", "ят", "ут", "ся", "сь")


@lru_cache(maxsize=50_000)
def verb_lemma(word: str) -> str | None:
    """The lemma of `word` read as a verb, when the dictionary knows it only as a verb: for words the tagger
    took for something else (`упрашивал` tagged as an adverb)."""
    from letopis.analysis.linguistic import models

    forms = models().morph_vocab(word)
    lemmas = {f.normal.replace("ё", "е") for f in forms if f.pos == "VERB"}
    if len(lemmas) == 1 and all(f.pos == "VERB" for f in forms):
        return next(iter(lemmas))
    return None


def verb_cues(ctx: Context, excluded: set[int]) -> list[VerbCue]:
    doc, verbs = ctx.doc, ctx.words.verbs
    lows = ctx.layout.lows
    out = []
    for i, t in enumerate(doc.tokens):
        cls = verbs.get(t.lemma)
        if cls is None and t.pos in ("NOUN", "PROPN", "ADV", "X") and lows[i].endswith(VERB_ENDINGS) \
                and t.text.isalpha():
            lemma = verb_lemma(lows[i])
            cls = verbs.get(lemma) if lemma else None
        if cls is None or i in excluded or i in ctx.layout.artefacts:
            continue
        f = t.feats
        form = f.get("VerbForm")
        if form == "Part" and f.get("Variant") != "Short" and fold(t.text).endswith(FINITE_ENDINGS):
            form = "Fin"  # `подчёркивается` tagged as a participle
        if form == "Inf" or f.get("Person") in ("1", "2") or f.get("Mood") == "Imp":
            continue
        if form == "Part":
            # only the impersonal short participle (`сказано в решении`); `эксперимент должен быть повторен`
            # is no report
            if f.get("Variant") != "Short" or f.get("Voice") == "Act" or f.get("Gender") not in ("Neut", None):
                continue
            kind = "short"
            cls = "passive"
        elif form == "Conv":
            kind = "conv"
        else:
            kind = "fin"
        if t.pos == "ADJ" and f.get("Variant") != "Short":
            continue  # `уверенный` as an attribute; `уверен` is a predicate
        if t.pos in ("NOUN", "PROPN") and not t.lemma.endswith(("ть", "ться", "ти", "чь")) and \
                not verb_lemma(fold(t.text)):
            continue  # the tagger may call a verb a noun (`упрашивал`); its lemma still shows the verb
        if ctx.in_quote(i):
            continue
        out.append(VerbCue(i, cls, kind))
    return out


def frame_cues(ctx: Context, excluded: set[int]) -> list[FrameCue]:
    doc, frames = ctx.doc, ctx.words.frames
    out = []
    n = len(doc.tokens)
    lows = ctx.layout.lows
    for i in range(n):
        if lows[i] not in ("по", "со", "согласно", "ссылаясь") or i in excluded or ctx.in_quote(i):
            continue
        for f, kind in frames.items():
            k = len(f)
            if tuple(lows[i:i + k]) == f:
                out.append(FrameCue(i, i + k, kind, None))
                break
            # `по его словам`: a possessive inside the frame
            if k == 2 and i + 2 < n and lows[i] == f[0] and lows[i + 2] == f[1] and lows[i + 1] in ("его", "ее", "их"):
                out.append(FrameCue(i, i + 3, kind, i + 1))
                break
    return out
