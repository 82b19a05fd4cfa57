"""Direct speech: a speaker's own words in quotation marks or after a dialogue dash, and their attribution.

- After: `«...», — сказал Иванов`, `"...", - считает Токаев`, `«...», пишет газета`, `«...!» — крикнул он`.
  After `», —` any verb opens the author's words (`— поспешили расставить точки над i сотрудники`).
- Before: `Иванов заявил: «...»`, `Иванов: «...»`, `Как сказал Иванов, «...»`.
- Around: `«A, — сказал он. — B»` is two quotes of one speaker.
- Dialogue: `— A, — сказал он. — B` without quotation marks; a replica with no attribution of its own right
  after an attributed one goes on with the same speaker as long as it reads as speech.
- A paragraph after a paragraph that ends with a reporting verb and a colon (`В поздравлении говорится:`).

Quotation marks around names and titles (`компания «Газпром»`) have no attribution and yield nothing.
"""

from __future__ import annotations

import re

from letopis.analysis.quotes.clauses import RELATIVES, is_finite, trim
from letopis.analysis.quotes.context import Candidate, Context
from letopis.analysis.quotes.cues import VerbCue
from letopis.analysis.quotes.indirect import Indirect
from letopis.analysis.quotes.layout import fold, person_of
from letopis.analysis.quotes.marks import Quoted
from letopis.model import Cue, Speaker

AFTER = re.compile(r"[^\S\n]*(,)?[^\S\n]*([—–]|--?)?\s*")
# the attribution may name an outlet in guillemets: `«A, — рассказал Либерман «Огоньку». — B»`
AROUND = re.compile(r"(?<=[,!?…])[^\S\n]*(?:[—–]|--?)[^\S\n]+(?P<attr>(?:[^—–«»\"\n]|«[^«»\"\n]{1,40}»){2,200}?)[.,]"
                    r"[^\S\n]*(?:[—–]|--?)[^\S\n]+")
REPLICA = re.compile(r"(?:^|(?<=\n)|(?<=[.!?…:»])[^\S\n]+)[^\S\n]*(?:[—–]|--?)[^\S\n]+(?=\S)")
ATTRIBUTION_MARK = re.compile(r"(?<=[,!?…])[^\S\n]*(?:[—–]|--?)[^\S\n]+")
ATTRIBUTION_END = re.compile(r"[.!?…]+(?:[^\S\n]*(?:[—–]|--?)[^\S\n]+)?|,[^\S\n]*(?:[—–]|--?)[^\S\n]+|\n|$")
MAX_ATTRIBUTION_WORDS = 6  # the verb of an attribution comes among its first words


class Direct:
    def __init__(self, ctx: Context, indirect: Indirect, cues: list[VerbCue]):
        self.ctx = ctx
        self.doc = ctx.doc
        self.ind = indirect
        self.sp = indirect.sp
        self.cues = {c.token: c for c in cues}
        self.all_cue_lemmas = ctx.words.verbs
        self.content: tuple[int, int] = (0, 0)  # tokens of the quotation whose attribution is being read

    def find(self) -> list[Candidate]:
        out: list[Candidate] = []
        for q in self.ctx.quoted:
            if q.depth == 0:
                out += self.quotation(q)
        out += self.dialogue()
        out += self.colon_paragraphs()
        return out

    # --- quotation marks --------------------------------------------------------------------

    def quotation(self, q: Quoted) -> list[Candidate]:
        text = self.ctx.text
        if not re.search(r"\w", text[q.start:q.stop]):
            return []
        inside = self.ctx.doc.tokens_in(q.start, q.stop)
        self.content = (inside.start, inside.stop) if inside else (0, 0)
        parts, inner = self.around(q.start, q.stop)
        ends_sentence = text[q.start:q.stop].rstrip()[-1:] in "!?…"
        found = self.after(q.close + 1, ends_sentence)
        if found is not None:
            prefix = self.lead_in(q)
            if prefix is not None:
                # `Например, 1 апреля ... опубликовал фотографии «...», говорится в решении`: the quotation
                # ends a clause that the attribution reports as a whole
                cue, speaker = found
                return [Candidate("mixed", prefix, q.close + 1, cue, speaker, "quotation", 0)]
        if found is None:
            found = self.before(q)
        if found is None and inner is not None:
            found = inner
        if found is None:
            return []
        cue, speaker = found
        return [self.candidate(a, b, cue, speaker, "quotation") for a, b in parts if re.search(r"\w", text[a:b])]

    def lead_in(self, q: Quoted) -> int | None:
        """Where a clause begins that leads into the quotation within its unit (at least two words after the
        connectives, no colon or dash before the quotation), or None."""
        ctx = self.ctx
        first = ctx.layout.token_after(q.open)
        if first is None:
            return None
        unit = ctx.layout.unit(first)
        k = first - 1
        while k >= unit.first and k in ctx.layout.artefacts:
            k -= 1
        if k < unit.first or self.doc.tokens[k].text in (":", "—", "–", "-", "(", "«", "\""):
            return None
        span = trim(ctx, unit.first, first)
        if span is None or len(re.findall(r"\w+", ctx.text[span[0]:span[1]])) < 2:
            return None
        return span[0]

    def candidate(self, a: int, b: int, cue: Cue, speaker: Speaker, rule: str) -> Candidate:
        text = self.ctx.text
        while a < b and (text[a].isspace() or text[a] in "—–-"):
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in ".,;:—–-"):
            b -= 1
        return Candidate("direct", a, b, cue, speaker, rule, 0)

    def around(self, start: int, stop: int) -> tuple[list[tuple[int, int]], tuple[Cue, Speaker] | None]:
        """`«A, — сказал он. — B»`: the parts A and B, and the attribution between them."""
        text = self.ctx.text
        parts = []
        found = None
        a = start
        saved = self.content
        for m in AROUND.finditer(text, start, stop):
            inside = self.ctx.doc.tokens_in(a, m.start())
            self.content = (inside.start, inside.stop) if inside else (0, 0)
            attr = self.attribution(m.start("attr"), m.end("attr"), dash=True)
            if attr is None:
                continue
            parts.append((a, m.start()))
            a = m.end()
            found = found or attr
        parts.append((a, stop))
        self.content = saved
        return parts, found

    def after(self, pos: int, ends_sentence: bool = False) -> tuple[Cue, Speaker] | None:
        """The attribution right after a quotation: `, — verb SPEAKER` (any verb), `! — verb SPEAKER`,
        `— сказал SPEAKER`, `, пишет SPEAKER` (a reporting verb)."""
        text = self.ctx.text
        m = AFTER.match(text, pos)
        comma, dash = m.group(1), m.group(2)
        if not comma and not dash:
            return None
        end = ATTRIBUTION_END.search(text, m.end())
        stop = end.start() if end else len(text)
        return self.attribution(m.end(), stop, dash=bool(dash), any_verb=bool(dash) and (bool(comma) or ends_sentence))

    def attribution(self, start: int, stop: int, dash: bool, any_verb: bool = True) -> tuple[Cue, Speaker] | None:
        """The verb and the speaker of an attribution clause [start, stop): a reporting verb among its first
        words, or with `any_verb` (after `», —`) any finite verb."""
        ctx, doc = self.ctx, self.doc
        first = ctx.layout.token_after(start)
        if first is None:
            return None
        words = 0
        verb = None
        for j in range(first, len(doc.tokens)):
            t = doc.tokens[j]
            if t.start >= stop or t.text in "«\"„":
                break
            if j in ctx.layout.artefacts:
                continue
            if j in self.cues or self.all_cue_lemmas.get(t.lemma) and t.feats.get("VerbForm") not in ("Inf", "Part"):
                verb = j
                break
            if any_verb and verb is None and (is_finite(t) or t.pos in ("PROPN", "NOUN") and fold(t.lemma).endswith("ть")
                                              and t.text[:1].isupper() is False):
                verb = j
                break
            if t.pos != "PUNCT":
                words += 1
            if words >= MAX_ATTRIBUTION_WORDS or (not dash and words >= 1):
                break
        if verb is None:
            return None
        cue = self.cues.get(verb) or VerbCue(verb, self.all_cue_lemmas.get(doc.tokens[verb].lemma, "say"), "fin")
        stop_tok = ctx.layout.token_before(stop)
        speaker = self.ind.speaker_of_verb(cue, self.content, linear="after",
                                           attribution=(verb + 1, (stop_tok if stop_tok is not None else verb) + 1))
        if speaker is None:
            head = self.first_nominative(verb + 1, (stop_tok or verb) + 1)
            if head is not None:
                speaker = self.sp.of_head(head, verb)
        if speaker is None or ctx.is_outlet(speaker.name):
            return None
        t = doc.tokens[verb]
        if not dash and speaker.start is not None and speaker.start < t.start:
            return None  # `«...», опубликовал фотографии`: a comma alone needs the inverted `, пишет газета`
        return Cue(t.start, t.stop, t.text, t.lemma), speaker

    def first_nominative(self, first: int, last: int) -> int | None:
        for i in range(first, last):
            t = self.doc.tokens[i]
            if t.pos in ("NOUN", "PROPN", "PRON") and t.feats.get("Case") in ("Nom", None):
                return i
        return None

    def before(self, q: Quoted) -> tuple[Cue, Speaker] | None:
        """`X заявил: «...»`, `X: «...»`, `Как сказал X, «...»`."""
        ctx, doc = self.ctx, self.doc
        text = ctx.text
        k = q.open - 1
        while k >= 0 and text[k] in " \t\n":
            k -= 1
        if k < 0 or text[k] not in ":,":
            return None
        mark = ctx.layout.token_before(k + 1)
        if mark is None:
            return None
        unit = ctx.layout.unit(mark)
        if text[k] == ",":
            words = ctx.layout.words(unit.first, mark)
            if not words or fold(doc.tokens[words[0]].text) != "как":
                return None
        cues = [c for c in range(unit.first, mark) if c in self.cues]
        if cues:
            v = cues[-1]
            speaker = self.ind.speaker_of_verb(self.cues[v], (mark, mark + 1))
            if speaker is None:
                return None
            t = doc.tokens[v]
            return Cue(t.start, t.stop, t.text, t.lemma), speaker
        if text[k] != ":":
            return None
        words = ctx.layout.words(unit.first, mark)
        if not words or len(words) > 8 or any(is_finite(doc.tokens[i]) for i in words):
            return None
        heads = [i for i in words if ctx.entity_at(i)] or [i for i in words if doc.tokens[i].pos in ("NOUN", "PROPN")]
        if not heads:
            return None
        speaker = self.sp.of_head(heads[0])
        if speaker is None:
            return None
        t = doc.tokens[mark]
        return Cue(t.start, t.stop, t.text, ":"), speaker

    # --- dialogue dashes --------------------------------------------------------------------

    def dialogue(self) -> list[Candidate]:
        ctx = self.ctx
        text = ctx.text
        out: list[Candidate] = []
        last: tuple[Cue, Speaker, int] | None = None  # the last attribution and where it ended
        for m in REPLICA.finditer(text):
            r = m.end()
            if ctx.quote_around(r) is not None:
                continue
            _, pe = ctx.layout.para_bounds(r)
            nxt = REPLICA.search(text, r, pe)
            end = nxt.start() if nxt else pe
            mark = ATTRIBUTION_MARK.search(text, r, end)
            if mark is not None:
                inside = ctx.doc.tokens_in(r, mark.start())
                self.content = (inside.start, inside.stop) if inside else (0, 0)
                stop_m = ATTRIBUTION_END.search(text, mark.end())
                stop = stop_m.start() if stop_m else end
                found = self.attribution(mark.end(), stop, dash=True)
                if found is not None:
                    cue, speaker = found
                    out.append(self.candidate(r, mark.start(), cue, speaker, "dialogue"))
                    last = (cue, speaker, stop)
                    continue
            if last is not None and 0 <= r - last[2] <= 6 and ctx.layout.para_of(r) == ctx.layout.para_of(last[2]):
                stop = self.speech_end(r, end)
                if stop > r:
                    out.append(self.candidate(r, stop, last[0], last[1], "dialogue"))
            last = None
        return out

    def speech_end(self, start: int, end: int) -> int:
        """A replica without its own attribution goes on while its sentences read as speech (first or second
        person, a present or future main verb, an imperative, an exclamation) and stops at the first that
        reads as narrative (a past-tense main verb and nobody speaking)."""
        ctx = self.ctx
        units = [u for u in ctx.layout.units if u.stop > start and u.start < end]
        stop = start
        for n, u in enumerate(units):
            if n and self.narrative(u):
                break
            stop = min(u.stop, end)
        return stop

    def narrative(self, u) -> bool:
        """A sentence reads as narrative when nobody speaks in it (no first or second person, no `!` or `?`)
        and its main clauses (outside relative and subordinate ones) have a past-tense verb and none in the
        present or future (`Появление печи в отделении, где проходят лечение больные, стало возможным`)."""
        doc = self.doc
        toks = range(u.first, u.last)
        if any(person_of(doc.tokens[i]) for i in toks) or doc.text[u.start:u.stop].rstrip()[-1:] in "!?":
            return False
        if any(self.ctx.layout.lows[i] == "бы" for i in toks):
            return False
        past = present = False
        subordinate = False
        for i in toks:
            t = doc.tokens[i]
            low = fold(t.text)
            if t.text in (",", "—", "–", "(", ")", ";", ":"):
                subordinate = False
                continue
            if low in RELATIVES and (i == u.first or doc.tokens[i - 1].text in (",", "(")):
                subordinate = True
            if subordinate or not is_finite(t):
                continue
            if t.feats.get("Tense") == "Past":
                past = True
            elif t.feats.get("Tense") in ("Pres", "Fut"):
                present = True
        return past and not present

    # --- a paragraph after a colon ----------------------------------------------------------

    def person_act(self, first: int, last: int) -> int | None:
        """The finite verb of tokens [first, last) when a person (a named one or a person noun) stands in the
        nominative right before or after it."""
        doc, ctx = self.doc, self.ctx
        for v in range(first, last):
            if not is_finite(doc.tokens[v]):
                continue
            for k in (v - 1, v + 1):
                if not first <= k < last:
                    continue
                e = ctx.entity_at(k, ("name", "role"))
                t = doc.tokens[k]
                if t.feats.get("Case") == "Nom" and ((e is not None and e.type == "PER") or
                                                     (t.pos == "NOUN" and t.feats.get("Animacy") == "Anim")):
                    return v
            # `поздравил его учитель Олег Табаков`: a person named after the verb
            if self.sp.named_in(v + 1, last) is not None:
                return v
        return None

    def colon_paragraphs(self) -> list[Candidate]:
        ctx, doc = self.ctx, self.doc
        text = ctx.text
        out = []
        for p in range(1, len(ctx.layout.para_starts)):
            start = ctx.layout.para_starts[p]
            k = start - 1
            while k >= 0 and text[k].isspace():
                k -= 1
            if k < 0 or text[k] != ":":
                continue
            if text[start] in "«\"„“":
                continue  # a quotation: attributed by `before`
            mark = ctx.layout.token_before(k + 1)
            if mark is None:
                continue
            unit = ctx.layout.unit(mark)
            _, pe = ctx.layout.para_bounds(start)
            body = text[start:pe]
            if len(body.split()) < 5 or body.rstrip()[-1:] not in ".!?…»\"":
                continue  # a list, a poem, a caption: not a quotation
            cues = [c for c in range(unit.first, mark) if c in self.cues]
            if not cues:
                # `Машкова поздравил его учитель Олег Табаков:` and the greeting below: a person's act
                v = self.person_act(unit.first, mark)
                if v is None:
                    continue
                self.cues[v] = VerbCue(v, "say", "fin")
                cues = [v]
            v = cues[-1]
            if self.ind.as_clause(self.cues[v], unit) is not None:
                continue  # `как отметила ведущая` reports its own clause
            body_tokens = doc.tokens_in(start, pe)
            speaker = self.ind.speaker_of_verb(self.cues[v], (mark, body_tokens.stop if body_tokens else mark + 1),
                                               attribution=(v + 1, mark))
            if speaker is None:
                continue
            t = doc.tokens[v]
            out.append(self.candidate(start, pe, Cue(t.start, t.stop, t.text, t.lemma), speaker, "colon-paragraph"))
        return out
