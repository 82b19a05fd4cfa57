"""Indirect and mixed speech: a reporting verb or frame and the clause it reports.

For a reporting verb, the content is, in this order of preference:

1. the rest of the sentence after a `как` clause: `Как отметил X, ...` (or the whole clause when the
   attribution stands inside it: `Решение, как отметил министр, будет принято`);
2. a `что` clause: `X заявил (кому, где, о том), что ...`;
3. for requests and promises, the addressee and the infinitive: `X призвал власти отменить ...`;
4. for naming, what follows the verb: `X назвал решение «ошибкой»`;
5. a noun of intent and its infinitive: `X заявил о готовности провести ...`;
6. a clause after a colon: `X сказал: все будет хорошо`;
7. the clause before a postposed attribution: `..., сообщает X`, `..., говорится в заявлении X`;
8. the sentence before `Об этом заявил X`.

Its source is the verb's subject (for `цитирует`, its object; for `сообщили в Кремле` and `говорится в
заявлении`, the body or document), or the source named after `со ссылкой на`. A verb without a source is
no quote (`Ранее сообщалось, что ...`), nor is the publishing outlet attributing its own article.

A frame (`По словам X, ...`, `по данным X`, `со слов X`) attributes its clause to X the same way.
"""

from __future__ import annotations

from letopis.analysis.quotes.clauses import (
    clause_end,
    infinitive_end,
    infinitive_phrase,
    is_finite,
    start_of_clause,
    that_clause,
    trim,
)
from letopis.analysis.quotes.context import Candidate, Context
from letopis.analysis.quotes.cues import FrameCue, VerbCue
from letopis.analysis.quotes.layout import fold
from letopis.analysis.quotes.speakers import Speakers
from letopis.model import Cue, Speaker

GO_BETWEEN = {"издание", "газета", "агентство", "информагентство", "телеканал", "канал", "радиостанция", "журнал",
              "портал", "сайт", "сми", "источник", "корреспондент"}
QUANTITY = {"несколько", "много", "немало", "ряд", "большинство", "часть", "сотни", "тысячи", "десятки", "множество"}
AS_ADVERBS = {"уже", "ранее", "также", "еще", "позже", "сегодня", "вчера", "недавно", "впоследствии", "затем"}
NAMING_THINK = {"счесть", "считать", "расценить", "расценивать"}


class Indirect:
    def __init__(self, ctx: Context, speakers: Speakers, frames: list[FrameCue]):
        self.ctx = ctx
        self.doc = ctx.doc
        self.sp = speakers
        self.frames = frames
        self.cite_frames = [f for f in frames if f.kind == "cite"]

    # --- reporting verbs --------------------------------------------------------------------

    def from_verb(self, cue: VerbCue) -> Candidate | None:
        ctx, doc = self.ctx, self.doc
        v = cue.token
        unit = ctx.layout.unit(v)
        limit = unit.last
        found = self.as_clause(cue, unit)
        if found is not None:
            return found
        content, rule, rank = None, "", 5
        if cue.cls in ("ask", "promise"):
            content = infinitive_phrase(ctx, v, limit)
            rule, rank = "infinitive", 1
        if content is None and cue.cls != "relay":
            content = that_clause(ctx, v, limit)
            rule, rank = "that", 1
        if content is None and (cue.cls == "name" or doc.tokens[v].lemma in NAMING_THINK):
            content = self.naming(v, limit)
            rule, rank = "naming", 2
        if content is None and cue.cls in ("say", "think"):
            content = self.intent(v, limit)
            rule, rank = "intent", 2
        if content is None and cue.cls in ("say", "think"):
            content = self.colon(v, limit)
            rule, rank = "colon", 3
        subject_after = False
        if content is None:
            content = self.postposed(v, unit)
            rule, rank, subject_after = "postposed", 3, True
        if content is None:
            content = self.about_this(v, unit)
            rule, rank = "about-this", 4
        if content is None or (rule in ("postposed", "about-this") and self.topic_only(*content)):
            return None
        speaker = self.speaker_of_verb(cue, content, subject_after,
                                       attribution=(v + 1, unit.last) if rule == "postposed" else None)
        if speaker is None:
            return None
        span = trim(ctx, *content)
        if span is None:
            return None
        t = doc.tokens[v]
        return Candidate(self.kind(span), span[0], span[1], Cue(t.start, t.stop, t.text, t.lemma), speaker,
                         rule, rank)

    def needs_parse(self, cue: VerbCue) -> bool:
        """Whether a reporting verb's sentence is worth a parse: it can yield a quote, and its source is not
        plain without one (a name or a pronoun right before the verb, or right after it: `Иван Петров
        заявил, что`, `— сказал Олег Громов`, `Он отметил`)."""
        return self.worth_parsing(cue) and not self.plain_source(cue)

    def plain_source(self, cue: VerbCue) -> bool:
        ctx, tokens = self.ctx, self.doc.tokens
        v = cue.token
        unit = ctx.layout.unit(v)
        if cue.cls == "passive":
            return self.sp.linear_place(v) is not None  # `говорится в сообщении министерства`
        if cue.cls == "cite" or cue.form != "fin":
            return False
        k = v - 1
        while k >= unit.first and (k in ctx.layout.artefacts or tokens[k].pos in ("ADV", "PART")
                                   and self.ctx.layout.lows[k] in AS_ADVERBS):
            k -= 1
        j = v + 1
        while j < unit.last and (j in ctx.layout.artefacts or tokens[j].pos in ("ADV", "PART")
                                 and self.ctx.layout.lows[j] in AS_ADVERBS):
            j += 1
        # `Авторы исследования полагают`: over a genitive tail to the head of the phrase before the verb
        h = k
        while h > unit.first and tokens[h].pos in ("NOUN", "PROPN", "ADJ") and tokens[h].feats.get("Case") == "Gen":
            h -= 1
        # `сообщает региональный главк МЧС`: over the adjectives to the noun after the verb
        a = j
        while a < unit.last - 1 and tokens[a].pos in ("ADJ", "DET") and tokens[a].feats.get("Case") == "Nom":
            a += 1
        # `Макгирт (..., тренер Дадашева упрашивал`: a phrase after a comma may be an apposition to the subject
        apposed = h > unit.first and tokens[h - 1].text in (",", "(", "—", "–")
        before = k >= unit.first and not apposed and self.plain_name(h, last=True) and self.agrees(h, v)
        after = j < unit.last and self.plain_name(a, last=False) and self.agrees(a, v)
        if not before and not after and self.impersonal(v) and self.sp.linear_place(v) is not None:
            return True  # `сообщили в пресс-службе`
        if not before and not after and (k < unit.first or tokens[k].text in (",", "—", "–", "-")):
            # `— сказал министр финансов Олег Громов.`: one person named after the verb, nobody before
            end = next((x for x in range(j, unit.last) if tokens[x].text in (",", ".", ";", ":")), unit.last)
            after = self.sp.named_in(j, end) is not None
        return before != after  # exactly one side names someone: no doubt which

    def not_a_source(self, k: int, v: int) -> bool:
        """A noun right before the verb, its subject by form, that names nothing that speaks (no person, body,
        document or name)."""
        t = self.doc.tokens[k]
        words = self.ctx.words
        unit_first = self.ctx.layout.unit(k).first
        if any(self.ctx.layout.lows[j] in ("и", ",") for j in range(max(unit_first, k - 4), k)):
            return False  # `участники X и другие расследователи публиковали`: the subject may be a coordination
        return t.pos == "NOUN" and t.feats.get("Case") == "Nom" and self.agrees(k, v) and \
            t.feats.get("Animacy") == "Inan" and t.lemma not in words.bodies and t.lemma not in words.documents \
            and self.ctx.entity_at(k) is None and t.lemma not in words.anon

    def plain_frame(self, f: FrameCue) -> bool:
        """`По его словам`, `По словам Олега Громова`, `по данным полиции`: the source needs no parse; `По данным
        на 1 марта` names none."""
        if f.possessive is not None or f.last >= len(self.doc.tokens):
            return True
        t = self.doc.tokens[f.last]
        return self.plain_name(f.last, last=False) or t.pos not in ("NOUN", "PROPN", "ADJ", "DET", "X") or \
            (t.pos in ("NOUN", "PROPN") and t.feats.get("Case") in ("Gen", None))

    def agrees(self, i: int, v: int) -> bool:
        """Whether a name or pronoun at `i` can be the subject of the verb at `v` (number and gender), so that
        `Трамп и Путин заявили` is not read as Путин alone."""
        a, b = self.doc.tokens[i].feats, self.doc.tokens[v].feats
        if b.get("Number") == "Plur" and a.get("Number") != "Plur":
            return False
        return not (a.get("Gender") and b.get("Gender") and a.get("Number") == "Sing" and a["Gender"] != b["Gender"])

    def plain_name(self, i: int, last: bool) -> bool:
        """A person's or organisation's name ending (or starting) at token `i` in the nominative, a personal
        pronoun, or (before the verb) a noun in the nominative ending its phrase (`Полиция сообщила`,
        `собеседник агентства отметил`)."""
        t = self.doc.tokens[i]
        if fold(t.text) in ("он", "она", "они"):
            return True
        words = self.ctx.words
        if t.pos == "NOUN" and t.feats.get("Case") == "Nom" and (t.feats.get("Animacy") == "Anim" or
                                                                 t.lemma in words.bodies):
            return True
        for e, m in self.ctx.mentions.get(i, []):
            if m.kind != "name" or e.type not in ("PER", "ORG"):
                continue
            edge = self.doc.token_at(m.stop - 1) if last else self.doc.token_at(m.start)
            if edge == i and t.feats.get("Case") in ("Nom", None):
                return True
        return False

    def worth_parsing(self, cue: VerbCue) -> bool:
        """Whether a reporting verb can yield a quote, judged without the parse: it has a clause, an
        infinitive, a colon or a quotation by it, or stands in an attribution (`как ...`, `..., сообщил`,
        `Об этом ...`). Only such verbs' sentences are parsed."""
        ctx, tokens = self.ctx, self.doc.tokens
        v = cue.token
        unit = ctx.layout.unit(v)
        limit = unit.last
        k = v - 1
        while k >= unit.first and self.ctx.layout.lows[k] in AS_ADVERBS:
            k -= 1
        if k >= unit.first and self.ctx.layout.lows[k] in ("я", "мы", "ты", "вы"):
            return False  # the narrator's own words in an interview or a memoir
        if cue.cls == "passive" and not any(self.ctx.layout.lows[j] in ("в", "во", "на")
                                            for j in range(max(unit.first, v - 5), min(limit, v + 4))):
            return False  # `Отмечается, что ...`: no document or body to speak
        if cue.cls == "cite" and v + 1 < limit and self.ctx.layout.lows[v + 1] in ("к", "ко"):
            return False  # `привело к скандалу`: leads to, cites nothing
        if k >= unit.first and self.not_a_source(k, v):
            return False  # `Звезды рекомендуют Весам ...`
        if cue.cls == "cite" or any(tokens[j].text in "»\"”—–-:" for j in range(max(unit.first, v - 3), v)):
            return True
        colon = next((j for j in range(v + 1, min(limit, v + 8)) if tokens[j].text == ":"), None)
        if colon is not None or (v + 1 < limit and tokens[v + 1].text in ("«", "\"")):
            return True
        if k >= unit.first and self.ctx.layout.lows[k] == "как":
            return True
        if cue.cls in ("ask", "promise") and infinitive_phrase(ctx, v, limit) is not None:
            return True
        if cue.cls != "relay" and that_clause(ctx, v, limit) is not None:
            return True
        if (cue.cls == "name" or tokens[v].lemma in NAMING_THINK) and self.naming(v, limit) is not None:
            return True
        if cue.cls in ("say", "think") and self.intent(v, limit) is not None:
            return True
        return self.postposed(v, unit) is not None or self.about_this(v, unit) is not None

    def speaker_of_verb(self, cue: VerbCue, content: tuple[int, int], subject_after: bool = False,
                        linear: str = "before", attribution: tuple[int, int] | None = None) -> Speaker | None:
        """As `source_of_verb`, except that a single person named in the nominative inside the attribution after
        the verb is the speaker (`Как пишет для издания The Hill один из участников, генерал Питер Цвак,`):
        outlets and bodies in an attribution mostly relay what a person said, and a name is surer than a role."""
        speaker = self.source_of_verb(cue, content, subject_after, linear)
        if attribution is not None:
            named = self.sp.named_in(*attribution)
            if named is not None:
                return named  # a name beats a role the entity layer resolved (`глава Business NZ Фил О’Рейли`)
        return speaker

    def source_of_verb(self, cue: VerbCue, content: tuple[int, int], subject_after: bool = False,
                       linear: str = "before") -> Speaker | None:
        """The source of a reporting verb whose content is the token range `content`; `subject_after` for a
        postposed attribution, whose subject follows the verb; `linear` says where to look for the subject
        when the parse shows none. The publishing outlet as the subject means the outlet attributing its own
        article: no source."""
        ctx, sp = self.ctx, self.sp
        v = cue.token
        sp.avoid = content
        try:
            subjects = sp.subjects(v, content)
            if subject_after:
                # `CONTENT, сообщили его дочери`: the subject follows the verb (the parse may take one before)
                subjects = [k for k in subjects if k > v] or [k for k in [self.linear_subject(v, content, True)] if k]
                if not subjects and sp.subjects(v, content):
                    return None
            subj = subjects[0] if subjects else None
            if subj is not None and (ctx.is_outlet(self.doc.tokens[subj].text) or self.outlet_reporter(subj)):
                return None
            heads: list[int | None] = [self.cited_source(v, content)]
            if cue.cls == "cite":
                # `цитирует издание мать пограничника`, `приводит ТАСС заявление Кудрина`: the one quoted is
                # the phrase that is not the go-between (an outlet, a media noun), whatever the parse says
                person = self.cited_person(v, content)
                if person is not None:
                    heads.append(person)
                tree = ctx.tree
                pair = [k for k in tree.kids(v) if tree.rel(k) in ("obj", "iobj", "nsubj") and not
                        (content[0] <= k < content[1])]
                pair.sort(key=lambda x: (self.go_between(x), tree.rel(x) != "obj"))
                for x in pair:
                    if self.doc.tokens[x].lemma in ctx.words.documents and sp.owner(x) is not None:
                        x = sp.owner(x)
                    heads.append(x)
                if not pair:
                    heads.append(self.linear_object(v, content))
            heads += subjects
            heads.append(sp.place_source(v, content) if subj is None or cue.cls == "passive" else None)
            after = subject_after or linear == "after"
            heads.append(self.linear_subject(v, content, after=after))
            if not after:
                heads.append(self.linear_subject(v, content, after=False, wide=True))
            for head in heads:
                if head is None:
                    continue
                speaker = sp.of_head(head, v)
                if speaker is None:
                    continue
                if ctx.is_outlet(speaker.name) or self.outlet_reporter(head):
                    return None
                return sp.agree(speaker, v)
            return None
        finally:
            sp.avoid = None

    def cited_source(self, v: int, content: tuple[int, int]) -> int | None:
        """`со ссылкой на X` in the verb's attribution: X. The frame belongs to the nearest reporting verb
        before it in its unit (`сообщает агентство со ссылкой на X`), or else to the first one after it
        (`Агентство со ссылкой на X сообщает, что`)."""
        unit = self.ctx.layout.unit(v)
        verbs = self.ctx.words.verbs
        tokens = self.doc.tokens
        for f in self.cite_frames:
            if not (unit.first <= f.first < unit.last) or content[0] <= f.first < content[1]:
                continue
            before = [i for i in range(unit.first, f.first) if verbs.get(tokens[i].lemma)]
            after = [i for i in range(f.last, unit.last) if verbs.get(tokens[i].lemma)]
            owner = before[-1] if before else (after[0] if after else None)
            if owner != v:
                continue
            head = self.frame_source(f)
            if head is not None:
                return head
        return None

    def cited_person(self, v: int, content: tuple[int, int]) -> int | None:
        """`цитирует газета Ивана Петрова`, `приводит ТАСС заявление Кудрина`: the person named after a citing
        verb, whatever the parse made of the phrase."""
        unit = self.ctx.layout.unit(v)
        for i in range(v + 1, unit.last):
            if content[0] <= i < content[1] or self.doc.tokens[i].text in (".", ";"):
                break
            e = self.ctx.entity_at(i, ("name",))
            if e is not None and e.type == "PER":
                return i
        return None

    def go_between(self, head: int) -> bool:
        t = self.doc.tokens[head]
        return t.lemma in GO_BETWEEN or self.ctx.is_outlet(t.text) or \
            (self.ctx.entity_at(head) is not None and self.ctx.entity_at(head).type == "ORG")

    def linear_object(self, v: int, content: tuple[int, int]) -> int | None:
        doc = self.doc
        unit = self.ctx.layout.unit(v)
        for i in range(v + 1, min(unit.last, v + 8)):
            t = doc.tokens[i]
            if t.pos in ("NOUN", "PROPN") and t.feats.get("Case") in ("Acc", "Gen") and not self.go_between(i):
                return i
        return None

    def impersonal(self, v: int) -> bool:
        f = self.doc.tokens[v].feats
        return f.get("Number") == "Plur" and f.get("Person") in ("3", None)

    def outlet_reporter(self, head: int) -> bool:
        """`сообщает корреспондент ТАСС` in a TASS article: the outlet speaking through its reporter."""
        doc = self.doc
        t = doc.tokens[head]
        if t.lemma not in ("корреспондент", "редакция", "журналист", "обозреватель", "издание", "агентство"):
            return False
        for k in range(head + 1, min(head + 4, len(doc.tokens))):
            if self.ctx.is_outlet(doc.tokens[k].text):
                return True
        return False

    def linear_subject(self, v: int, content: tuple[int, int], after: bool, wide: bool = False) -> int | None:
        """Without a usable parse: the nearest nominative noun or pronoun before the verb in its clause (or
        after it, for a postposed attribution); `wide` looks past commas for one that agrees with the verb
        (`Керри сделал остановку в Кабуле, где ... отметил, что`)."""
        doc = self.doc
        unit = self.ctx.layout.unit(v)
        t = doc.tokens[v]
        number, gender = t.feats.get("Number"), t.feats.get("Gender")
        rng = range(v + 1, min(unit.last, v + 8)) if after else range(v - 1, unit.first - 1, -1)
        for i in rng:
            if content[0] <= i < content[1]:
                if after:
                    break
                continue
            ti = doc.tokens[i]
            if self.ctx.in_speech(i):
                continue
            if ti.text in (",", ";", ":") and not after and not wide:
                break
            if ti.text in (".", "!", "?", ";"):
                break
            nominative = ti.feats.get("Case") == "Nom" or (ti.pos in ("PROPN", "X") and not ti.feats.get("Case"))
            # `несколько изданий обратили внимание`: a genitive after a quantifier heads the subject
            quantified = ti.pos == "NOUN" and ti.feats.get("Case") == "Gen" and i > unit.first and \
                (doc.tokens[i - 1].pos == "NUM" and doc.tokens[i - 1].feats.get("Case") in ("Nom", None)
                 or self.ctx.layout.lows[i - 1] in QUANTITY)
            if quantified:
                return i
            if ti.pos in ("NOUN", "PROPN", "PRON", "X") and nominative and \
                    (not number or ti.feats.get("Number") in (number, None)) and \
                    (not wide or not gender or ti.feats.get("Gender") in (gender, None)):
                if wide and (fold(ti.text) in ("который", "которая", "которые", "что", "это")
                             or self.sp.in_relative_clause(i, v)):
                    continue
                return i
        return None

    # --- what the verb reports --------------------------------------------------------------

    def as_clause(self, cue: VerbCue, unit) -> Candidate | None:
        """`Как отметил X, CONTENT`, `CONTENT, как сообщает X`, `A, как считает X, B`."""
        ctx, doc = self.ctx, self.doc
        tokens = doc.tokens
        v = cue.token
        k = v - 1
        while k >= unit.first and (k in ctx.layout.artefacts or self.ctx.layout.lows[k] in AS_ADVERBS):
            k -= 1
        if k < unit.first or self.ctx.layout.lows[k] != "как" or cue.cls == "name":
            return None  # `как назвали ящик авторы` names a thing, it reports nothing
        if k + 1 < unit.last and self.ctx.layout.lows[k + 1] in ("и", "бы", "будто", "только"):
            return None
        as_first = k
        as_last = self.attribution_end(v, unit, "Nom")
        before = (unit.first, as_first)
        after = (as_last, unit.last)
        if self.lead_words(*before):
            start = start_of_clause(ctx, as_first, unit.first)
            content = (start, clause_end(ctx, v, as_last, unit.last)) if ctx.layout.words(*after) else (start, as_first)
        else:
            content = (as_last, clause_end(ctx, v, as_last, unit.last))
        if not ctx.layout.words(*content):
            return None
        speaker = self.speaker_of_verb(cue, (as_last, unit.last) if content[1] > as_last else content,
                                       subject_after=False, linear="after", attribution=(v + 1, as_last))
        if speaker is None:
            return None
        span = trim(ctx, *content)
        if span is None:
            return None
        t = tokens[v]
        cue_start = tokens[as_first].start
        return Candidate(self.kind(span), span[0], span[1],
                         Cue(cue_start, t.stop, ctx.doc.text[cue_start:t.stop], t.lemma), speaker, "as", 1)

    def topic_only(self, first: int, last: int) -> bool:
        """Whether a clause only reports that someone spoke about something (`Токаев высказался о
        предложении ...`, `Министр рассказал о планах`): its reporting verb has a topic and no proposition."""
        tokens, verbs = self.doc.tokens, self.ctx.words.verbs
        for i in range(first, last):
            t = tokens[i]
            if verbs.get(t.lemma) not in ("say", "think") or self.ctx.in_speech(i) or \
                    t.feats.get("VerbForm") in ("Inf", "Part"):
                continue
            j = i + 1
            while j < last and tokens[j].pos in ("ADV", "PART"):
                j += 1
            if j < last and self.ctx.layout.lows[j] in ("о", "об", "обо"):
                rest = range(j, last)
                return not any(self.ctx.layout.lows[k] in ("что", "чтобы") or tokens[k].text in (":", "«", "\"")
                               for k in rest)
            return False
        return False

    def lead_words(self, first: int, last: int) -> int:
        """How many content words stand before an inserted attribution once the connectives are left out
        (`Решение, как отметил министр, ...` has one; `Однако, как отметил министр, ...` and `Всего, как
        сообщается, ...` none)."""
        span = trim(self.ctx, first, last)
        if span is None:
            return 0
        tokens = self.doc.tokens
        return sum(1 for i in self.ctx.layout.words(first, last) if tokens[i].start >= span[0]
                   and tokens[i].pos in ("NOUN", "PROPN", "PRON", "VERB", "AUX", "ADJ", "NUM"))

    def attribution_end(self, v: int, unit, case: str = "Nom") -> int:
        """One past the end of an inserted attribution that starts at token `v` (`как сообщает X со ссылкой
        на Y,`, `по словам X, главы Y,`): up to its first comma, then over comma-separated phrases with no verb
        whose first noun is in `case` (appositions to the source), as long as another comma follows."""
        tokens = self.doc.tokens
        segments = []
        a = v
        for j in range(v, unit.last):
            if tokens[j].text == "," and not self.ctx.in_quote(j):
                segments.append((a, j))
                a = j + 1
        if not segments:
            return unit.last
        end = segments[0][1] + 1
        for a, b in segments[1:]:
            words = [i for i in range(a, b) if tokens[i].pos != "PUNCT"]
            if not words or any(is_finite(tokens[i]) or self.ctx.layout.lows[i] in ("что", "чтобы") for i in words):
                break
            nouns = [i for i in words if tokens[i].pos in ("NOUN", "PROPN", "ADJ")]
            if not nouns:
                break
            got = tokens[nouns[0]].feats
            # a masculine person's genitive looks like the accusative (`президента`)
            if got.get("Case") != case and not (case == "Gen" and got.get("Case") == "Acc" and got.get("Animacy") == "Anim"):
                break
            end = b + 1
        return end

    def naming(self, v: int, limit: int) -> tuple[int, int] | None:
        """`назвал решение «ошибкой»`, `сочли фактическим началом`: the words after the verb, when they hold an
        instrumental or a quotation."""
        tokens = self.doc.tokens
        end = clause_end(self.ctx, v, v + 1, limit)
        for i in range(v + 1, min(end, v + 8)):
            t = tokens[i]
            if is_finite(t) or fold(t.text) in ("что", "чтобы"):
                return None
            if (t.feats.get("Case") == "Ins" and t.pos in ("NOUN", "ADJ")) or t.text in "«\"„":
                return v + 1, self.phrase_after(v, end)
        return None

    def phrase_after(self, v: int, end: int) -> int:
        """End of the verb's own dependents after it (no coordinated clause with a subject of its own)."""
        tree = self.ctx.tree
        if not tree.parsed(v):
            return end
        last = v + 1
        for k in tree.kids(v):
            if k <= v or tree.rel(k) in ("parataxis", "punct") or (tree.rel(k) == "conj" and tree.kids_by(k, "nsubj")):
                continue
            sub = tree.subtree(k, {"parataxis"})
            last = max(last, max(sub) + 1)
        return min(max(last, v + 2), end)

    def intent(self, v: int, limit: int) -> tuple[int, int] | None:
        """`заявил о готовности загладить вину`, `выразили намерение сформировать ...`: the infinitive phrase;
        `заявили о своей признательности «за ...»`: the object with its quotation."""
        ctx, tokens = self.ctx, self.doc.tokens
        i = v + 1
        while i < limit and (i in ctx.layout.artefacts or tokens[i].pos in ("ADV", "PART")):
            i += 1
        about = i < limit and self.ctx.layout.lows[i] in ("о", "об")
        if about:
            i += 1
        while i < limit and tokens[i].pos in ("DET", "ADJ"):
            i += 1
        if i >= limit or tokens[i].pos != "NOUN":
            return None
        if tokens[i].lemma in ctx.words.intent_nouns:
            j = i + 1
            while j < limit and tokens[j].pos in ("ADV", "PART"):
                j += 1
            if j < limit and tokens[j].pos == "VERB" and tokens[j].feats.get("VerbForm") == "Inf":
                return j, infinitive_end(ctx, v, j, limit)
        if about:
            end = clause_end(ctx, v, i, limit)
            for q in ctx.quoted:
                if q.depth == 0 and tokens[i].start < q.open < (tokens[end - 1].stop if end > i else 0) and \
                        speechlike(ctx.text[q.start:q.stop]):
                    return v + 1, end
        return None

    def colon(self, v: int, limit: int) -> tuple[int, int] | None:
        """`сказал: все будет хорошо` (no quotation marks, the clause in the same paragraph)."""
        tokens = self.doc.tokens
        for i in range(v + 1, min(limit, v + 7)):
            t = tokens[i]
            if is_finite(t):
                return None
            if t.text == ":":
                if i + 1 >= limit or tokens[i + 1].text in "«\"„“—–-":
                    return None
                return i + 1, clause_end(self.ctx, v, i + 1, limit)
        return None

    def postposed(self, v: int, unit) -> tuple[int, int] | None:
        """`CONTENT, сообщает X.`, `CONTENT, — сообщили в X.`, `CONTENT, говорится в решении X.`"""
        ctx, tokens = self.ctx, self.doc.tokens
        k = v - 1
        while k >= unit.first and (k in ctx.layout.artefacts or tokens[k].pos in ("ADV",) and
                                   self.ctx.layout.lows[k] in AS_ADVERBS):
            k -= 1
        if k >= unit.first and tokens[k].text in "—–-":
            k -= 1
        if k < unit.first or tokens[k].text != ",":
            return None
        if is_finite(tokens[v]) is False and tokens[v].feats.get("VerbForm") == "Conv":
            return None
        k2 = k - 1
        while k2 >= unit.first and k2 in ctx.layout.artefacts:
            k2 -= 1
        if k2 >= unit.first and tokens[k2].text in "»\"“”":
            return None  # a quotation before: direct speech
        start = unit.first
        if len(ctx.layout.words(start, k)) < 2:
            return None
        # `X, который ..., выразил`: the comma closes a clause inside the subject
        last_comma = max((j for j in range(start, k) if tokens[j].text == ","), default=None)
        if last_comma is not None and any(self.ctx.layout.lows[j].startswith("котор") for j in range(last_comma, k)):
            return None
        return start, k

    def about_this(self, v: int, unit) -> tuple[int, int] | None:
        """`Об этом заявил X`: the sentence before."""
        ctx, tokens = self.ctx, self.doc.tokens
        words = ctx.layout.words(unit.first, v)
        if not words or ctx.in_speech(words[0]):
            return None
        low = [self.ctx.layout.lows[i] for i in words[:3]]
        if not (low[:2] in (["об", "этом"], ["о", "чем"], ["о", "том"]) or (low == ["это"] and len(words) == 1)):
            return None
        if any(self.ctx.words.verbs.get(tokens[i].lemma) for i in words if i != v):
            return None
        if low[:2] == ["о", "чем"] and any(is_finite(tokens[i]) for i in ctx.layout.words(v + 1, unit.last)):
            return None  # `О чем говорили президент и гость, не сообщалось`: a question the sentence goes on about
        u = ctx.layout.unit_of[v] - 1
        if u < 0:
            return None
        prev = ctx.layout.units[u]
        if len(ctx.layout.words(prev.first, prev.last)) < 3:
            return None
        return prev.first, prev.last

    # --- frames -----------------------------------------------------------------------------

    def frame_source(self, f: FrameCue) -> int | None:
        """The head of the source a frame names: `по словам [министра]`, `со ссылкой на [источник]`."""
        doc, tree = self.doc, self.ctx.tree
        if f.possessive is not None:
            return f.possessive
        noun = f.last - 1
        if tree.parsed(noun) and f.kind == "by":
            kids = [k for k in tree.kids(noun) if k >= f.last and tree.rel(k).split(":")[0] in ("nmod", "appos", "obl")
                    and doc.tokens[k].pos in ("NOUN", "PROPN", "PRON", "ADJ", "X")]
            if kids:
                return kids[0]
        # linear: the first noun after the frame
        for i in range(f.last, min(f.last + 6, len(doc.tokens))):
            t = doc.tokens[i]
            if t.text in (",", ".", ";", ":") or is_finite(t):
                return None
            if t.pos in ("NOUN", "PROPN", "X") or (t.pos == "PRON" and f.kind == "cite"):
                if f.kind == "by" and t.feats.get("Case") not in ("Gen", None) and t.pos != "X":
                    continue
                return i
        return None

    def from_frame(self, f: FrameCue) -> Candidate | None:
        ctx, doc = self.ctx, self.doc
        if f.kind != "by":
            return None
        unit = ctx.layout.unit(f.first)
        if self.attached_to_noun(f) or not self.opens_clause(f.first, unit):
            return None
        head = self.frame_source(f)
        if head is None:
            return None
        speaker = self.sp.of_pronoun(head) if f.possessive is not None else self.sp.of_head(head)
        if speaker is None or ctx.is_outlet(speaker.name):
            return None
        end = self.frame_end(f, head, unit)
        if f.possessive is None and (speaker.type != "PER" or speaker.entity is None):
            # `По мнению активистки ОНФ, президента Федерации ездового спорта Алины Рыжковой,`
            named = self.sp.named_in(f.last, end, "Gen")
            if named is not None:
                speaker = named
        lead = self.lead_words(unit.first, f.first)
        after_words = ctx.layout.words(end, unit.last)
        if lead and after_words:
            content = (start_of_clause(ctx, f.first, unit.first), unit.last)
        elif lead:
            content = (unit.first, f.first)
        else:
            content = (end, unit.last)
        content = (content[0], min(content[1], clause_end(ctx, f.first, max(content[0], end), unit.last))
                   if content[1] > end else content[1])
        span = trim(ctx, *content)
        if span is None:
            return None
        t0, t1 = doc.tokens[f.first], doc.tokens[f.last - 1]
        cue = Cue(t0.start, t1.stop, doc.text[t0.start:t1.stop], " ".join(self.ctx.layout.lows[i]
                                                                         for i in range(f.first, f.last)))
        return Candidate(self.kind(span), span[0], span[1], cue, speaker, "frame", 1)

    def frame_end(self, f: FrameCue, head: int, unit) -> int:
        """After the frame and its source: at the comma that closes them, or (`по словам женщины на щеке ...`
        with no comma) right after the source's genitive words."""
        end = self.attribution_end(f.first, unit, "Gen")
        if end < unit.last or f.possessive is not None:
            return end if f.possessive is None or end < unit.last else f.last
        tokens = self.doc.tokens
        j = head + 1
        while j < unit.last and (tokens[j].feats.get("Case") == "Gen" and tokens[j].pos in ("NOUN", "PROPN", "ADJ")
                                 or tokens[j].pos == "PROPN"):
            j += 1
        return j

    def opens_clause(self, k: int, unit) -> bool:
        """Whether token `k` opens its unit (after connectives) or follows a comma or a dash."""
        tokens = self.doc.tokens
        j = k - 1
        while j >= unit.first and j in self.ctx.layout.artefacts:
            j -= 1
        if j < unit.first or tokens[j].text in (",", "—", "–", "(", ":"):
            return True
        span = trim(self.ctx, unit.first, k + 1)
        return span is not None and span[0] >= tokens[k].start

    def attached_to_noun(self, f: FrameCue) -> bool:
        """`отборочный поединок по версии IBF`: the frame modifies a noun, it attributes nothing."""
        tree = self.ctx.tree
        noun = f.last - 1
        if not tree.parsed(noun) or f.first == self.ctx.layout.unit(f.first).first:
            return False
        h = tree.head(noun)
        return tree.rel(noun) == "nmod" and h >= 0 and self.doc.tokens[h].pos in ("NOUN", "PROPN")

    # --- kinds ------------------------------------------------------------------------------

    def kind(self, span: tuple[int, int]) -> str:
        for q in self.ctx.quoted:
            if q.depth == 0 and span[0] <= q.open and q.close < span[1] and speechlike(self.ctx.text[q.start:q.stop]):
                return "mixed"
            if q.open > span[1]:
                break
        return "indirect"


def speechlike(fragment: str) -> bool:
    """Quoted words that someone said, not a name or a title: they open in lower case, or run long."""
    words = fragment.split()
    if not words:
        return False
    first = fragment.lstrip("«\"„“ ")[:1]
    return first.islower() or len(words) >= 6 or fragment.rstrip()[-1:] in ".!?…"
