"""Who said it: from the words that name a source to a `Speaker`.

The rules find a source as a token, the head of a noun phrase; here it becomes a speaker:

- a pronoun (`Он отметил`, `По его словам`, `заявил он`) is the person the entity layer resolved it to, or
  else the nearest earlier subject of its gender and number: a person of the article or an unnamed one
  (`был задержан житель ... Он сказал`);
- a noun with a person's name beside it in the same case (`мать пограничника Светлану Ващенко`,
  `глава Business NZ Фил О’Рейли`) is that person;
- a phrase covered by an entity's mention (a name, or a role such as `глава государства`) is that entity;
- a document or statement (`в заявлении министерства`, `заявление Кудрина`) is its owner; one without an
  owner is the owner of the same document mentioned before (`сделали совместное заявление` ... `говорится
  в совместном заявлении`);
- a body with its name beside it (`агентство Франс Пресс`, `газета "Время"`) is that organisation;
- several sources joined by `и` are listed together (`Трамп и Путин`);
- a lone person noun (`считает маэстро`, `Политик добавил`) is the person the article is about, when it is
  clearly about one;
- anything else is a description in the nominative: people (`источник в правительстве`, `собеседник ТАСС`)
  are ANON, bodies (`пресс-служба клуба`, `Комиссия ЕС`) ORG. Other things are no source (`аплодисменты
  подтвердили`).
"""

from __future__ import annotations

from letopis.analysis.document import Token
from letopis.analysis.normalize import normal_word
from letopis.analysis.person_names import shown_gender
from letopis.analysis.quotes.context import Context
from letopis.analysis.quotes.layout import fold
from letopis.model import Entity, Speaker

PRONOUN_SCOPE = 3  # units looked back for the person a pronoun means
DOCUMENT_SCOPE = 6  # units looked back for an earlier mention of an owner-less document
MAIN_PERSON_MENTIONS = 3  # a lone person noun means the article's main person only if mentioned this often
PERSONAL = {"он": ("Masc", "Sing"), "она": ("Fem", "Sing"), "они": (None, "Plur"),
            "его": ("Masc", "Sing"), "ее": ("Fem", "Sing"), "их": (None, "Plur")}
MEDIA = {"издание", "газета", "агентство", "информагентство", "телеканал", "радиостанция", "журнал", "портал"}
THING_PRONOUNS = {"нем": ("Masc", "Neut"), "ней": ("Fem",), "нем.": ("Masc", "Neut")}
DETERMINERS = {"его", "ее", "их", "свой", "этот", "тот", "наш", "мой", "ваш", "весь", "сам", "такой", "также"}
QUANTIFIERS = {"несколько", "много", "немало", "ряд", "часть", "большинство", "сразу"}


class Speakers:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.doc = ctx.doc
        self.tree = ctx.tree
        self.genders = {e.id: entity_gender(ctx, e) for e in self.doc.entities}
        self.avoid: tuple[int, int] | None = None  # tokens of the content being attributed

    # --- the source of a verb ---------------------------------------------------------------

    def subject(self, verb: int, content: tuple[int, int] | None = None) -> int | None:
        """The token naming who does `verb`: its subject (the one nearest the verb), a gerund's or a
        conjunct's subject."""
        found = self.subjects(verb, content)
        return found[0] if found else None

    def subjects(self, verb: int, content: tuple[int, int] | None = None) -> list[int]:
        """The verb's subjects, nearest first (a parse may give two: `участники X и другие расследователи`)."""
        tree = self.tree
        if not tree.parsed(verb):
            return []
        v = verb
        for _ in range(4):
            subj = [k for k in tree.kids(v) if tree.rel(k) in ("nsubj", "nsubj:pass") and not inside(k, content)
                    and not self.ctx.in_speech(k)]
            subj = [k for k in subj if not self.ctx.is_outlet(self.doc.tokens[k].text)] or subj
            subj = [k for k in subj if not self.in_relative_clause(k, v)] or subj
            if subj:
                return sorted(subj, key=lambda k: abs(k - verb))
            t = self.doc.tokens[v]
            if t.feats.get("VerbForm") == "Conv" or tree.rel(v) in ("conj", "xcomp"):
                h = tree.head(v)
                if h < 0:
                    break
                v = h
                continue
            break
        return []

    def in_relative_clause(self, k: int, verb: int) -> bool:
        """`Помощник, который посетил Белград, заявил`: a word inside a relative clause before the verb."""
        tokens = self.doc.tokens
        if k > verb:
            return False
        unit_first = self.ctx.layout.unit(k).first
        for j in range(k - 1, unit_first - 1, -1):
            if tokens[j].text == ",":
                return False
            if self.ctx.layout.lows[j].startswith("котор"):
                return not any(tokens[x].text == "," for x in range(k + 1, verb))
        return False

    def place_source(self, verb: int, content: tuple[int, int] | None = None) -> int | None:
        """`в Кремле`, `в заявлении министерства`: an oblique in/at phrase of an impersonal speech verb that
        names a body or a document (`Как отметили в пятницу в правительстве` skips `в пятницу`)."""
        if not self.tree.parsed(verb):
            return self.linear_place(verb)
        for k in self.place_sources(verb, content):
            t = self.doc.tokens[k]
            if t.pos == "PROPN" or t.lemma in self.ctx.words.bodies or t.lemma in self.ctx.words.documents or \
                    self.ctx.entity_at(k) is not None or fold(t.text) in THING_PRONOUNS:
                return k
        return None

    def linear_place(self, verb: int) -> int | None:
        """Without the parse: `в`/`на` and a body, a document or a name right after the verb (or right before
        it: `В заявлении говорится`)."""
        doc, words = self.doc, self.ctx.words
        unit = self.ctx.layout.unit(verb)
        for i in (verb + 1, verb - 2):
            if not (unit.first <= i and i + 1 < unit.last) or self.ctx.layout.lows[i] not in ("в", "во", "на"):
                continue
            j = i + 1
            while j < unit.last and doc.tokens[j].pos in ("ADJ", "DET"):
                j += 1
            if j < unit.last and (doc.tokens[j].lemma in words.bodies or doc.tokens[j].lemma in words.documents or
                                  self.ctx.entity_at(j) is not None) and j != verb:
                return j
        return None

    def place_sources(self, verb: int, content: tuple[int, int] | None = None) -> list[int]:
        tree = self.tree
        out = []
        for k in tree.kids(verb):
            if inside(k, content) or tree.rel(k) not in ("obl", "nmod", "obl:agent"):
                continue
            case = [c for c in tree.kids(k) if tree.rel(c) == "case"]
            if case and fold(self.doc.tokens[case[0]].text) in ("в", "во", "на", "у"):
                out.append(k)
        return out

    def object(self, verb: int, content: tuple[int, int] | None = None) -> int | None:
        tree = self.tree
        for k in tree.kids(verb):
            if tree.rel(k) in ("obj", "iobj") and not inside(k, content):
                return k
        return None

    # --- from a noun phrase -----------------------------------------------------------------

    def of_head(self, head: int, verb: int | None = None, depth: int = 0, bare: bool = True,
                joint: bool = True) -> Speaker | None:
        """The speaker named by the phrase headed by `head`, or None when it names no possible source."""
        doc, tree, ctx = self.doc, self.tree, self.ctx
        if depth > 3:
            return None
        t = doc.tokens[head]
        low = fold(t.text)
        if low in THING_PRONOUNS:
            thing = self.thing_antecedent(head, THING_PRONOUNS[low])
            return self.of_head(thing, None, depth + 1) if thing is not None else None
        if low in PERSONAL or (t.pos == "PRON" and t.lemma in ("он", "она", "они")):
            return self.of_pronoun(head, verb)
        parsed = tree.parsed(head)
        np = tree.np_tokens(head) if parsed else self.np_linear(head)
        np.discard(next((k for k in tree.kids(head) if tree.rel(k) == "case"), -1))
        if self.avoid is not None:
            np = {i for i in np if not inside(i, self.avoid)} or {head}
        conj = [k for k in tree.kids(head) if tree.rel(k) == "conj" and self.person_like(k)
                and not inside(k, self.avoid)] if parsed and joint else []
        if conj and self.person_like(head):
            return self.joint(head, conj, np, depth)
        np -= self.conj_tokens(head)
        app = self.apposition(head, np, ("PER",))
        if app is not None:
            return self.entity_speaker(app, np)
        e = ctx.entity_at(head)
        if e is not None:
            return self.entity_speaker(e, np)
        if t.lemma in ctx.words.documents:
            owner = self.document_owner(head)
            if owner is not None:
                sp = self.of_head(owner, None, depth + 1)
                if sp is not None:
                    return sp
        if t.feats.get("Animacy") != "Anim":
            app = self.apposition(head, np, ("ORG", "LOC"))
            if app is not None:
                return self.entity_speaker(app, np)
        if t.lemma in MEDIA and len(np) == 1:
            outlet = self.earlier_outlet(head)
            if outlet is not None:
                return self.entity_speaker(outlet, np)
        return self.description(head, np, bare)

    def named_in(self, first: int, last: int, case: str = "Nom") -> Speaker | None:
        """The one person named (in `case`) among tokens [first, last), as a speaker, or None."""
        doc, ctx = self.doc, self.ctx
        found: dict[str, tuple[Entity, int]] = {}
        for i in range(first, min(last, len(doc.tokens))):
            e = ctx.entity_at(i, ("name",))
            t = doc.tokens[i]
            if e is not None and e.type == "PER" and t.feats.get("Case") == case and not self.oblique_name(e, t, case):
                found.setdefault(e.id, (e, i))
        if len(found) != 1:
            return None
        e, i = next(iter(found.values()))
        m = next(m for x, m in ctx.mentions[i] if x is e)
        return Speaker(e.name, e.type, e.id, m.start, m.stop, m.text)

    def earlier_outlet(self, head: int) -> Entity | None:
        """`По данным издания`, `Газета пишет`: the organisation named shortly before (the outlet the text
        has been citing)."""
        ctx = self.ctx
        u = ctx.layout.unit_of[head]
        first = ctx.layout.units[max(0, u - PRONOUN_SCOPE)].first
        for i in range(head - 1, first - 1, -1):
            if ctx.in_speech(i) or inside(i, self.avoid):
                continue
            e = ctx.entity_at(i, ("name",))
            if e is not None and e.type == "ORG" and not ctx.is_outlet(e.name):
                return e
        return None

    def agree(self, speaker: Speaker, verb: int) -> Speaker:
        """`Бут рассказала` when the article has Виктор Бут and Алла Бут: the person whose gender the verb
        shows."""
        want = self.doc.tokens[verb].feats.get("Gender")
        if not want or speaker.entity is None or speaker.type != "PER":
            return speaker
        if self.genders.get(speaker.entity) in (None, want):
            return speaker
        last = fold(speaker.name.split()[-1])
        for e in self.doc.entities:
            if e.type == "PER" and e.id != speaker.entity and fold(e.name.split()[-1]) == last and \
                    self.genders.get(e.id) == want:
                return Speaker(e.name, e.type, e.id, speaker.start, speaker.stop, speaker.text)
        return speaker

    def person_like(self, k: int) -> bool:
        t = self.doc.tokens[k]
        e = self.ctx.entity_at(k)
        return (e is not None and e.type in ("PER", "ORG")) or (t.pos == "NOUN" and t.feats.get("Animacy") == "Anim")

    def joint(self, head: int, conj: list[int], np: set[int], depth: int) -> Speaker | None:
        """`Трамп и Путин`: one speaker listing both names."""
        parts = [self.of_head(h, None, depth + 1, joint=False) for h in [head] + conj]
        parts = [p for p in parts if p]
        if not parts:
            return None
        names: list[str] = []
        for p in parts:
            if p.name not in names:
                names.append(p.name)
        first, last = span_of(self.doc, np)
        entity = parts[0].entity if len(names) == 1 else None
        return Speaker(", ".join(names), parts[0].type, entity, first, last, self.doc.text[first:last])

    def conj_tokens(self, head: int) -> set[int]:
        tree = self.tree
        out: set[int] = set()
        for c in tree.kids(head):
            if tree.rel(c) in ("conj", "cc"):
                out |= tree.subtree(c)
        return out

    def owner(self, head: int) -> int | None:
        """The genitive owner of a document noun (`заявление Кудрина`) or a possessive before it."""
        tree, doc = self.tree, self.doc
        if not tree.parsed(head):
            nxt = head + 1
            while nxt < len(doc.tokens) and doc.tokens[nxt].pos == "ADJ" and doc.tokens[nxt].feats.get("Case") == "Gen":
                nxt += 1
            if nxt < len(doc.tokens) and doc.tokens[nxt].pos in ("NOUN", "PROPN") and \
                    doc.tokens[nxt].feats.get("Case") in ("Gen", None) and doc.tokens[nxt].sent == doc.tokens[head].sent:
                return nxt
            if head > 0 and self.ctx.layout.lows[head - 1] in ("его", "ее", "их"):
                return head - 1
            return None
        for k in tree.kids(head):
            tk = doc.tokens[k]
            if tree.rel(k) in ("nmod", "nmod:poss", "appos") and (tk.feats.get("Case") == "Gen" or tk.pos == "X") and \
                    not [c for c in tree.kids(k) if tree.rel(c) == "case"] and tk.pos in ("NOUN", "PROPN", "X"):
                return k
            if tree.rel(k) in ("det", "nmod:poss", "nmod") and fold(tk.text) in ("его", "ее", "их"):
                return k
        return None

    def document_owner(self, head: int) -> int | None:
        """Who a document speaks for: its owner (`заявление Кудрина`), the subject of the verb it is the object
        of (`МИД опубликовал комментарий`), or the same for the same document mentioned shortly before
        (`Трамп и Путин сделали совместное заявление` ... `говорится в совместном заявлении`)."""
        doc, ctx = self.doc, self.ctx
        lemma = doc.tokens[head].lemma
        u = ctx.layout.unit_of[head]
        first = ctx.layout.units[max(0, u - DOCUMENT_SCOPE)].first
        own = self.owner(head)
        if own is not None:
            return own
        mentions = [head] + [i for i in range(head - 1, first - 1, -1) if doc.tokens[i].lemma == lemma]
        doc.parse(sorted({doc.tokens[i].sent for i in mentions}))
        for i in mentions:
            owner = self.owner(i)
            if owner is not None:
                return owner
            if self.tree.rel(i) == "obj":
                subj = self.subject(self.tree.head(i))
                if subj is not None:
                    return subj
        return None

    def thing_antecedent(self, tok: int, genders: tuple[str, ...]) -> int | None:
        """`В нём сказано`: the document or body that `нём` stands for, the nearest one of its gender before."""
        doc, ctx = self.doc, self.ctx
        u = ctx.layout.unit_of[tok]
        first = ctx.layout.units[max(0, u - PRONOUN_SCOPE)].first
        words = ctx.words
        for i in range(tok - 1, first - 1, -1):
            t = doc.tokens[i]
            if t.pos in ("NOUN", "PROPN") and (t.lemma in words.documents or t.lemma in words.bodies) and \
                    t.feats.get("Gender") in genders and t.feats.get("Number", "Sing") == "Sing":
                return i
        return None

    def apposition(self, head: int, np: set[int], types: tuple[str, ...]) -> Entity | None:
        """A named entity of one of `types` standing beside a common noun: a person in the same case
        (`мать пограничника Светлану Ващенко`), an organisation right after it in quotation marks, in Latin
        script, or in the same case (`агентство Франс Пресс`, `газету "Время"`)."""
        doc, ctx = self.doc, self.ctx
        t = doc.tokens[head]
        case = t.feats.get("Case")
        own = ctx.entity_at(head, ("name",))
        for i in sorted(np):
            if i <= head:
                continue
            e = ctx.entity_at(i, ("name",))
            if e is None or e.type not in types or e is own:
                continue
            ti = doc.tokens[i]
            if e.type == "PER":
                if t.pos in ("NOUN", "PROPN") and (t.feats.get("Animacy") == "Anim" or own is not None) and \
                        ti.feats.get("Case") == case and not self.oblique_name(e, ti, case):
                    return e
                continue
            prev = doc.tokens[i - 1].text if i > 0 else ""
            quoted = prev in "«\"„“"
            adjacent = i == head + 1 or (quoted and i == head + 2)
            latin = ti.feats.get("Foreign") == "Yes" or ti.pos == "X"
            abbreviation = ti.text.isupper() and len(ti.text) > 1
            if adjacent and (quoted or latin or (ti.feats.get("Case") == case and not abbreviation)):
                return e
        return None

    def oblique_name(self, e: Entity, t: Token, case: str | None) -> bool:
        """Whether a name token is an inflected form of the entity's nominative name (`Маркива` of `Маркив`)
        standing beside a nominative noun, whatever the tagger said of its case."""
        if case != "Nom":
            return False
        last = fold(e.name.split()[-1]) if e.name else ""
        word = fold(t.text)
        return bool(last) and word != last and word.startswith(last)

    def entity_speaker(self, e: Entity, np: set[int]) -> Speaker:
        first, last = span_of(self.doc, np)
        return Speaker(e.name, e.type, e.id, first, last, self.doc.text[first:last])

    def description(self, head: int, np: set[int], bare: bool = True) -> Speaker | None:
        doc, words = self.doc, self.ctx.words
        t = doc.tokens[head]
        if t.pos in ("PUNCT", "ADP", "CCONJ", "SCONJ", "NUM") or not any(c.isalpha() for c in t.text):
            return None
        if t.pos == "PROPN" or t.feats.get("Foreign") == "Yes" or t.pos == "X":
            kind = "ORG"
        elif t.feats.get("Animacy") == "Anim" or t.lemma in words.anon or t.pos in ("PRON", "DET", "ADJ"):
            kind = "ANON"
        elif t.lemma in words.bodies or t.lemma in words.documents or fold(t.text) in words.bodies:
            kind = "ORG"
        else:
            return None  # `аплодисменты подтвердили`: not something that speaks
        if t.lemma == "слово":
            return None  # `слова благодарности подтвердили`: words are a quote, not a source
        if kind == "ANON" and t.pos == "PRON" and t.lemma not in words.anon:
            return None  # `это`, `что`, `кто-то` standing as a subject name nobody
        if kind == "ANON" and (t.lemma not in words.anon or t.lemma in words.titles) and bare:
            e = self.bare_person(head, np)  # `сказал эксперт` after the expert was named
            if e is not None:
                return self.entity_speaker(e, np)
        name = describe(self.ctx, head, np)
        if not name:
            return None
        first, last = span_of(doc, np)
        return Speaker(name, kind, None, first, last, doc.text[first:last])

    def bare_person(self, head: int, np: set[int]) -> Entity | None:
        """A singular person noun standing alone (`считает маэстро`, `Политик добавил`) is the article's main
        person: the one named clearly more often than anyone else, when the gender agrees and the name came
        before."""
        doc = self.doc
        t = doc.tokens[head]
        if t.feats.get("Number") != "Sing" or t.pos != "NOUN" or len(np) > 1:
            return None
        counts = []
        for e in doc.entities:
            if e.type != "PER":
                continue
            before = [m for m in e.mentions if m.stop <= t.start and not self.in_avoid(m.start)]
            counts.append((len(e.mentions), bool(before), e))
        if not counts:
            return None
        counts.sort(key=lambda x: -x[0])
        n, before, e = counts[0]
        if n < MAIN_PERSON_MENTIONS or not before or (len(counts) > 1 and counts[1][0] * 2 > n):
            return None
        g = self.genders.get(e.id)
        if g and t.feats.get("Gender") and t.feats.get("Gender") != g:
            return None
        return e

    def in_avoid(self, offset: int) -> bool:
        if self.avoid is None:
            return False
        i = self.doc.token_at(offset)
        return i is not None and self.avoid[0] <= i < self.avoid[1]

    # --- pronouns ---------------------------------------------------------------------------

    def of_pronoun(self, tok: int, verb: int | None = None) -> Speaker | None:
        doc = self.doc
        t = doc.tokens[tok]
        e = self.ctx.entity_at(tok, ("pronoun",))
        if e is not None:
            return Speaker(e.name, e.type, e.id, t.start, t.stop, t.text)
        gender, number = PERSONAL.get(fold(t.text), (t.feats.get("Gender"), t.feats.get("Number")))
        if verb is not None and gender is None and number != "Plur":
            gender = doc.tokens[verb].feats.get("Gender")
        found = self.antecedent(tok, gender, number or "Sing")
        if isinstance(found, Entity):
            return Speaker(found.name, found.type, found.id, t.start, t.stop, t.text)
        if isinstance(found, int):
            sp = self.of_head(found, None, 2, bare=False)
            if sp is not None:
                return Speaker(sp.name, sp.type, sp.entity, t.start, t.stop, t.text)
        return Speaker(fold(t.text), "ANON", None, t.start, t.stop, t.text)

    def antecedent(self, tok: int, gender: str | None, number: str) -> Entity | int | None:
        """The nearest earlier subject a pronoun at `tok` can mean: an entity of the article (returned as
        Entity) or an unnamed person (the index of its noun). Subjects (nominative) win over other mentions."""
        doc, ctx = self.doc, self.ctx
        u = ctx.layout.unit_of[tok]
        first = ctx.layout.units[max(0, u - PRONOUN_SCOPE)].first
        fallback = None
        pronoun_in_quote = ctx.in_quote(tok)
        for i in range(tok - 1, first - 1, -1):
            ti = doc.tokens[i]
            if (ctx.in_quote(i) and not pronoun_in_quote) or inside(i, self.avoid):
                continue
            mentions = ctx.mentions.get(i, [])
            if mentions:
                for e, m in mentions:
                    if e.type != "PER" or number == "Plur":
                        continue
                    g = self.genders.get(e.id)
                    if gender and g and g != gender:
                        continue
                    if ti.feats.get("Case") in ("Nom", None) or (m.kind == "pronoun" and ti.feats.get("Case") == "Nom"):
                        return e
                    if fallback is None:
                        fallback = e
                    break
                continue
            if ti.pos == "NOUN" and ti.feats.get("Animacy") == "Anim" and ti.feats.get("Case") == "Nom" \
                    and ti.feats.get("Number") == number and (number == "Plur" or not gender
                                                             or ti.feats.get("Gender") in (gender, None)):
                return i
        return fallback

    def np_linear(self, head: int) -> set[int]:
        """A noun phrase without the parse: agreeing adjectives before, genitive words after."""
        doc = self.doc
        out = {head}
        sent = doc.tokens[head].sent
        i = head - 1
        while i >= 0 and doc.tokens[i].pos in ("ADJ",) and doc.tokens[i].sent == sent:
            out.add(i)
            i -= 1
        i = head + 1
        while i < len(doc.tokens) and doc.tokens[i].sent == sent and doc.tokens[i].feats.get("Case") == "Gen" \
                and doc.tokens[i].pos in ("NOUN", "PROPN", "ADJ"):
            out.add(i)
            i += 1
        # `агентство «Интерфакс»`, `газета The Times`: a name in quotation marks or in Latin script beside it
        if i < len(doc.tokens) and doc.tokens[i].text in ("«", "\"") and doc.tokens[i].sent == sent:
            close = next((x for x in range(i + 1, min(i + 7, len(doc.tokens))) if doc.tokens[x].text in ("»", "\"")), None)
            if close is not None:
                out.update(range(i, close + 1))
                i = close + 1
        while i < len(doc.tokens) and doc.tokens[i].sent == sent and (doc.tokens[i].pos == "X" or
                                                                      doc.tokens[i].feats.get("Foreign") == "Yes"):
            out.add(i)
            i += 1
        # `источник в правительстве`: a source noun keeps the place it speaks from
        if doc.tokens[head].lemma in self.ctx.words.anon and i + 1 < len(doc.tokens) and \
                self.ctx.layout.lows[i] in ("в", "во", "на", "из") and doc.tokens[i + 1].feats.get("Case") == "Loc":
            out.update((i, i + 1))
            i += 2
            while i < len(doc.tokens) and doc.tokens[i].feats.get("Case") == "Gen" and doc.tokens[i].pos in ("NOUN", "PROPN"):
                out.add(i)
                i += 1
        return out


def inside(i: int, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= i < span[1]


def span_of(doc, tokens: set[int]) -> tuple[int, int]:
    first, last = min(tokens), max(tokens)
    while first < last and doc.tokens[first].pos == "PUNCT" and doc.tokens[first].text not in "«\"„":
        first += 1
    while last > first and doc.tokens[last].pos == "PUNCT" and doc.tokens[last].text not in "»\"“":
        last -= 1
    return doc.tokens[first].start, doc.tokens[last].stop


def describe(ctx: Context, head: int, np: set[int]) -> str:
    """A description in the nominative: determiners and the preposition dropped, the head and the words
    that agree with it before it inflected, the rest as written (`собеседника агентства` -> `собеседник
    агентства`, `в пресс-службе «Киностудии КИТ»` -> `пресс-служба «Киностудии КИТ»`)."""
    doc = ctx.doc
    toks = sorted(i for i in np if i not in ctx.layout.artefacts and i >= head - 6)
    toks = [i for i in toks if not (i < head and (ctx.layout.lows[i] in DETERMINERS or doc.tokens[i].lemma in DETERMINERS
                                                   or doc.tokens[i].pos in ("ADV", "ADP", "PRON", "PUNCT")))]
    toks = contiguous(toks, head)
    while toks and doc.tokens[toks[-1]].pos in ("PUNCT", "ADP", "CCONJ") and doc.tokens[toks[-1]].text not in "»\"":
        toks.pop()
    if not toks:
        return ""
    if any(ctx.layout.lows[i] in QUANTIFIERS for i in toks if i < head) or \
            doc.tokens[head].feats.get("Case") in ("Nom", None) or doc.tokens[head].pos == "PRON":
        words = [doc.tokens[i].text for i in toks]
    else:
        words = []
        for i in toks:
            t = doc.tokens[i]
            agree = i == head or (i < head and t.pos in ("ADJ", "DET", "NUM") or
                                  (t.pos == "VERB" and t.feats.get("VerbForm") == "Part" and i < head))
            words.append(normal_word(t) if agree and t.pos in ("NOUN", "PROPN", "ADJ", "DET", "NUM", "VERB") else t.text)
    out = join_words(doc, toks, words)
    if doc.tokens[toks[0]].pos in ("NOUN", "ADJ") and not doc.tokens[toks[0]].text.isupper() and \
            ctx.entity_at(toks[0]) is None:
        out = out[:1].lower() + out[1:]
    return out.strip()


def contiguous(toks: list[int], head: int) -> list[int]:
    """The run of tokens around `head` without gaps (a phrase split by an inserted clause keeps its part
    holding the head)."""
    if head not in toks:
        return toks
    k = toks.index(head)
    a = b = k
    while a > 0 and toks[a - 1] >= toks[a] - 2:
        a -= 1
    while b + 1 < len(toks) and toks[b + 1] <= toks[b] + 2:
        b += 1
    return toks[a:b + 1]


def join_words(doc, toks: list[int], words: list[str]) -> str:
    out = []
    for n, (i, w) in enumerate(zip(toks, words, strict=True)):
        if n and doc.tokens[i].start > doc.tokens[toks[n - 1]].stop:
            out.append(" ")
        out.append(w)
    return "".join(out)


def entity_gender(ctx: Context, e: Entity) -> str | None:
    if e.type != "PER":
        return None
    genders = []
    for m in e.mentions:
        if m.kind != "name":
            continue
        toks = ctx.doc.tokens_in(m.start, m.stop)
        if toks:
            g = shown_gender(ctx.doc, toks)
            if g:
                genders.append(g)
    if not genders:
        return None
    return max(sorted(set(genders)), key=genders.count)  # sorted: the same tie-break in every process
