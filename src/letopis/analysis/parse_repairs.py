"""Mending the dependency parse where it crosses a clause boundary the parser does not keep.

requires: tokens, morph, a sentence's parse (linguistic.parse_sentences calls `mend_clauses` on each)
assigns: token `head`/`rel` (and the case of a comitative name, the part of speech of a participle taken
         for a verb or a name), mended in place

The parser reads a sentence as one tree and often hangs a word on a verb of another clause, and now and then
sets a relative clause over its own noun (`разговор, в ходе которого выразил`), which goes back under it first.
Each repair moves a word back into its own clause: out of a subordinate clause or an aside opened after it, into a
clause `когда ...` before its comma, to the second of two verbs joined by `и`, into the clause after `, и`, into a
participle's or gerund's phrase or a relative clause set off by commas (`, который`, `, где`), beside `мы/они` in
`мы с X`; a nominative after `в частности` or after an aside `как сообщил X, ...` becomes its verb's subject, and a
word inside such an aside is the aside's; a second subject of a verb is the subject of a later predicate of its
clause that has none; a verb joined to a verb after it hangs on the one before it, and one joined to the verb of an
aside between dashes on the verb the aside hangs on; a subject hung past the first verb after it is that verb's; a word
before a comma is not a later clause's that has a subject of its own, nor one after it an earlier clause's; a phrase
after a verb is not hung over it on a noun before it, nor a subject left behind on a noun far before; an indirect object
is a verb's, not its object's nor that of a phrase before it; a person in the nominative read as an object is the
subject, and so is a name hung on a time noun before it (`Вечером Наполитано вызвал`) or as a genitive on a place before
it (`На базе Уго Чавес возил гостя`); a direction hung on a name after the verb is the verb's (`вызвал Монти в дворец`),
a partner with `с` hung on an adverb of the verb is the verb's (`засиживался допоздна с Меламедом`), and a person joined
after a comma to a place is the verb's object (`пригласила к себе на Остоженку, ..., Иксанова`); a `что` clause beside
an earlier complement of speech is that speech's; a participle read as a second subject describes the subject after it;
a subject hung past a semicolon is the subject of the verb before it; a phrase `кроме X,` opening a clause is the phrase
of the clause's verb; people named right after a colon are the subjects of the verb after them; a name hung on
another name before it is the verb's; `тех, кто ...` after a verb is its object, and so is the person a verb of
introducing presents (not a genitive of those presented to) and a session's noun after a place (not the place's
genitive); a partner with `с` after a verb is the verb's, not a word's past a comma; people named before a
participle's phrase set off by commas, hung on the participle, are the subjects of the verb after it, and a person
joined by `, и` after such a phrase is the subject's conjunct, as is a name after `он,` in a list; `быть`
saying that something took place (`у Путина с Медведевым была встреча`) is the clause's verb; a name in the
nominative after the verb, hung on a phrase's noun before it, is the verb's subject (`Его встретил в аэропорту
Лавров`); a name hung on another person's in another case is the verb's (`Вместе с Чиркуновым Медведев
осматривал`); and the word opening a clause after a colon is that clause's (`заехал в музей: вместе с X он
осматривал`); and a person's name after `и` that the parser joined to a place's name right after another
person's name is that name's conjunct (`министров иностранных дел Германии и Польши Гидо Вестервелле и
Радослава Сикорского`). Each was measured on the events sets (docs/events.md, twelfth to thirtieth rounds).
"""

from __future__ import annotations

from functools import lru_cache

from letopis.analysis import lexicon
from letopis.analysis.document import CLAUSE_EDGES, Doc, NerSpan
from letopis.analysis.morph_guard import first_reading, morph_vocab
from letopis.analysis.person_names import oblique_only, undeclined_name

CLAUSE_BREAKS = CLAUSE_EDGES | {"(", ")"}  # no word moves across these
OPENING_QUOTES = ("«", "„")
CLOSING_QUOTES = ("»", "“")


def mend_clauses(doc: Doc, sent: int) -> None:
    """Every repair below, in turn, on parsed sentence `sent`."""
    relative_clause_over_its_noun(doc, sent)
    reattach_before_clause(doc, sent)
    inside_opening_clause(doc, sent)
    reattach_after_conjunct(doc, sent)
    reattach_after_comma_and(doc, sent)
    keep_inside_verbal_phrase(doc, sent)
    comitative_after_pronoun(doc, sent)
    subject_after_insertion(doc, sent)
    subject_after_as_said(doc, sent)
    kept_inside_as_said(doc, sent)
    second_subject_of_the_verb_before(doc, sent)
    conjunct_before_its_head(doc, sent)
    conjunct_out_of_aside(doc, sent)
    subject_of_the_nearer_verb(doc, sent)
    kept_before_the_comma(doc, sent)
    kept_after_the_comma(doc, sent)
    nominative_object(doc, sent)
    subject_hung_on_the_word_before(doc, sent)
    direction_on_the_verb(doc, sent)
    partner_on_an_adverb(doc, sent)
    object_joined_to_a_place(doc, sent)
    nested_that_clause(doc, sent)
    no_phrase_over_its_verb(doc, sent)
    subject_left_behind(doc, sent)
    indirect_object_of_verb(doc, sent)
    keep_inside_relative_clause(doc, sent)
    inside_where_clause(doc, sent)
    participle_before_its_noun(doc, sent)
    subject_before_a_semicolon(doc, sent)
    besides_on_the_verb_after(doc, sent)
    subjects_after_a_colon(doc, sent)
    name_hung_on_another_name(doc, sent)
    those_who_as_object(doc, sent)
    introduced_person_as_object(doc, sent)
    session_after_a_place(doc, sent)
    partner_hung_past_a_comma(doc, sent)
    subjects_hung_on_a_participle(doc, sent)
    subject_conjunct_past_a_participle(doc, sent)
    listed_after_a_pronoun(doc, sent)
    existential_be(doc, sent)
    subject_after_the_verb_on_a_phrase(doc, sent)
    opening_after_a_colon(doc, sent)
    person_joined_to_a_place(doc, sent)


CLAUSE_OPENERS = frozenset({"что", "чтобы", "который", "чей", "если", "когда", "хотя", "поскольку", "пока"})
REATTACHED = ("obl", "obj", "iobj", "nsubj")


def relative_clause_over_its_noun(doc: Doc, sent: int) -> None:
    """A relative clause the parser made the head of its own noun, which then hangs the verb before the noun
    on the noun as a relative clause: `Байден провел с Януковичем телефонный разговор, в ходе которого, как
    сообщили в Белом доме, выразил обеспокоенность`, read with `выразил` as the root, `разговор` its object and
    `провел` a relative clause of `разговор`. A clause that `который` opens after a comma is its noun's: the
    clause's verb hangs on the noun, the noun on the verb before it, which takes the place the clause's verb
    had; the words before the comma that hung on the clause's verb go to that verb, and the words after the
    comma that hung on that verb go to the clause's."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for i in range(s.first + 2, s.last):
        if tokens[i].lemma != "который":
            continue
        comma = next((j for j in range(i - 1, max(s.first, i - 4), -1) if tokens[j].text == ","), None)
        if comma is None or comma - 1 < s.first or tokens[comma - 1].pos not in ("NOUN", "PROPN"):
            continue
        noun, clause = comma - 1, tokens[i].head
        if clause < 0 or tokens[clause].pos != "VERB" or clause < i or not doc.below(noun, clause):
            continue
        verb = next((k for k in range(noun - 1, s.first - 1, -1) if tokens[k].pos == "VERB"
                     and tokens[k].feats.get("VerbForm") == "Fin"), None)
        if verb is None or not doc.below(verb, noun):
            continue
        moved_before = [k for k in range(s.first, comma) if tokens[k].head == clause and k != noun]
        if tokens[s.last - 1].pos == "PUNCT" and tokens[s.last - 1].head == clause:
            moved_before.append(s.last - 1)  # the sentence's full stop goes with its root
        moved_after = [k for k in range(comma, s.last) if tokens[k].head == verb]
        tokens[verb].head, tokens[verb].rel = tokens[clause].head, tokens[clause].rel
        tokens[noun].head = verb
        tokens[clause].head, tokens[clause].rel = noun, "acl:relcl"
        for k in moved_before:
            tokens[k].head = verb
        for k in moved_after:
            tokens[k].head = clause


def reattach_before_clause(doc: Doc, sent: int) -> None:
    """An oblique, an object or a subject the parser hung on the verb of a subordinate clause that opens after
    it (`намерен отправиться в Дамаск для встречи с Асадом, выразил надежду, что руководство прислушается`, `для
    встречи` read as the later clause's; `За столом сидели Потанин, чей «Интеррос» строит курорт, ...`) hangs
    instead on the nearest verb before it in its own clause, a finite one for a subject: a word does not leave
    its clause for one that a comma and `что`, `чтобы`, `который`, `чей` ... open after it, nor an aside `Как
    сообщил X после разговора с Y, ...` for the clause after its comma."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for i in range(s.first, s.last):
        t = tokens[i]
        if t.rel not in REATTACHED or t.pos not in ("NOUN", "PROPN") or t.head <= i:
            continue
        k = next((k for k in reversed(doc.clause_before(i)) if tokens[k].pos == "VERB"), None)
        if not any(tokens[c].lemma in CLAUSE_OPENERS and tokens[c - 1].text == "," for c in range(i + 2, t.head)) \
                and not (k is not None and as_said(doc, k) and any(tokens[c].text == "," for c in range(i + 1, t.head))):
            continue  # no clause opens between the word and its head, and the word is not in a `как сообщил X` aside
        if k is None or doc.below(k, i):
            continue
        if t.rel == "nsubj" and tokens[k].feats.get("VerbForm") != "Fin":
            continue  # `прибывший в Москву Лукашенко, который ...`: a participle has no subject
        t.head = k


OPENING_CONJUNCTIONS = frozenset({"когда", "если", "пока", "хотя", "поскольку", "раз", "едва", "как", "что", "чтобы"})


def inside_opening_clause(doc: Doc, sent: int) -> None:
    """A clause that `когда`, `если` ... open, up to its comma: a word between the conjunction and the clause's
    verb that the parser hung on a verb after the comma is the clause verb's (`Когда мы с Собяниным сели
    обсуждать бюджет, он спросил`, read with `мы` the subject of `спросил` and `он` that of `сели`); a subject
    moves only if it agrees with that verb. The subject after the comma that the parser hung on the clause's verb then
    goes to the verb it took the other from. The clause's verb is the first verb after the conjunction; a
    conjunction the parser hung on a verb after the comma goes to it too (`Помню, как мы с ним ужинали в
    ресторане, и он объяснял мне, почему Москва не может ...`: `как` and `мы` read as those of `может`)."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for c in range(s.first, s.last):
        if tokens[c].rel != "mark" or tokens[c].lemma not in OPENING_CONJUNCTIONS:
            continue
        verb = first_verb(doc, c + 1, s.last)
        if verb is None:
            continue
        end = clause_end(doc, verb, s.last)
        if end >= s.last or tokens[end].text != ",":
            continue
        if tokens[c].head > end:  # the conjunction itself hung on the verb after the comma
            tokens[c].head = verb
        if tokens[c].head != verb:
            continue
        for k in range(c + 1, verb):
            t = tokens[k]
            if t.rel not in REATTACHED or t.head <= end or tokens[t.head].pos != "VERB":
                continue
            if t.rel == "nsubj" and not agrees(t, tokens[verb]):
                continue
            later, t.head = t.head, verb
            if t.rel != "nsubj":
                continue
            for j in range(end + 1, later):
                u = tokens[j]
                if u.rel == "nsubj" and u.head == verb and agrees(u, tokens[later]):
                    u.head = later
                    break


def reattach_after_conjunct(doc: Doc, sent: int) -> None:
    """An object or oblique after the second of two verbs joined by `и`, which the parser hangs on the first,
    is the second's: `прилетел в Москву и провёл почти три часа с Путиным`, `три часа` read as the arrival's.
    Only a verb that has no object of its own takes an object so; nothing moves across a comma."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for v2 in range(s.first, s.last):
        t2 = tokens[v2]
        if t2.rel != "conj" or t2.pos != "VERB" or t2.head < s.first or t2.head >= v2 or tokens[t2.head].pos != "VERB":
            continue
        if not any(tokens[k].lemma == "и" and tokens[k].head == v2 for k in range(t2.head + 1, v2)):
            continue
        own_object = any(tokens[k].rel == "obj" for k in doc.children(v2))
        for k in range(v2 + 1, s.last):
            t = tokens[k]
            if t.text in CLAUSE_BREAKS or t.pos == "VERB" and t.head != v2:
                break
            if t.head == t2.head and t.pos in ("NOUN", "PROPN") and (t.rel == "obl" or t.rel == "obj" and not own_object):
                t.head = v2


def reattach_after_comma_and(doc: Doc, sent: int) -> None:
    """An oblique or object that opens a clause after `, и` (`прилетела Клинтон, и с Саакашвили она провела
    больше часа`), which the parser hangs on the verb before the comma, is the clause's own: it goes to the
    first finite verb after it, when one follows before the next comma."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for i in range(s.first + 2, s.last):
        t = tokens[i]
        if t.rel not in ("obl", "obj") or t.pos not in ("NOUN", "PROPN") or t.head < s.first or t.head >= i:
            continue
        opener = next((k for k in range(i - 1, t.head, -1) if tokens[k].text in CLAUSE_BREAKS), None)
        if opener is None or opener + 1 >= i or tokens[opener].text != "," or tokens[opener + 1].text.lower() not in ("и", "а", "но"):
            continue
        verb = first_verb(doc, i + 1, s.last)
        if verb is not None and tokens[verb].feats.get("VerbForm") == "Fin" and not doc.below(verb, i):
            t.head = verb


def keep_inside_verbal_phrase(doc: Doc, sent: int) -> None:
    """A participle or gerund that opens a phrase after a comma (or the sentence) keeps the objects and obliques
    up to the next comma, which the parser may hang on the verb outside: `Лавров, принимавший в тот день в
    Москве министра Сирии Валида Муаллема, выступил с предложением` (`министра` read as the object of a verb
    after the phrase), `Выступая на пресс-конференции в Лондоне, Керри обронил`; a name there read as the
    subject of a verb after the phrase is the phrase's object (`Чавес не поехал, отправив вместо себя Мадуро, но
    сам приехал к Сантосу`)."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for p in range(s.first, s.last):
        t = tokens[p]
        if t.pos != "VERB" or t.feats.get("VerbForm") not in ("Part", "Conv") or \
                p > s.first and tokens[p - 1].text != ",":
            continue
        end = clause_end(doc, p + 1, s.last)
        for k in range(p + 1, end):
            w = tokens[k]
            if w.rel in ("obl", "obj", "iobj") and w.pos in ("NOUN", "PROPN") and not p <= w.head < end \
                    and w.head >= 0 and not doc.below(p, k):
                w.head = p
            elif w.rel == "nsubj" and w.pos in ("NOUN", "PROPN") and w.head >= end and not doc.below(p, k):
                w.head, w.rel = p, "obj"  # `отправив вместо себя Мадуро, но сам приехал`: no subject of `приехал`


def keep_inside_relative_clause(doc: Doc, sent: int) -> None:
    """A relative clause set off by commas (`, которого ... принял X,`) keeps its subject and obliques, which
    the parser may hang on the verb after the clause: `Виктор Янукович, которого в Брюсселе принял председатель
    Еврокомиссии Жозе Мануэл Баррозу, пообещал ...`, `председатель` read as the subject of `пообещал`. A
    subject moves only to a verb that has none, `который` not being it."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for w in range(s.first + 1, s.last):
        if tokens[w].lemma != "который" or tokens[w - 1].text != ",":
            continue
        verb = first_verb(doc, w + 1, s.last)
        if verb is None:
            continue
        end = clause_end(doc, verb + 1, s.last)
        for k in range(verb + 1, end):
            t = tokens[k]
            if t.pos not in ("NOUN", "PROPN") or t.head < 0 or w <= t.head < end or doc.below(verb, k):
                continue
            if t.rel == "obl" or t.rel == "nsubj" and t.feats.get("Case") == "Nom" and not any(
                    tokens[c].rel.startswith("nsubj") for c in doc.children(verb)):
                t.head = verb


RELATIVE_ADVERBS = frozenset({"где", "куда", "откуда"})


def inside_where_clause(doc: Doc, sent: int) -> None:
    """A clause `, где ...` keeps the words between `где` and its verb, which the parser may hang on the verb
    before the comma: `его пригласили в Горки, где Дмитрий Медведев около часа расспрашивал его`, read with
    `Медведев` the subject of `пригласили`. A subject moves only if it agrees with the clause's verb."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for w in range(s.first + 1, s.last):
        if tokens[w].lemma not in RELATIVE_ADVERBS or tokens[w - 1].text != ",":
            continue
        verb = first_verb(doc, w + 1, s.last)
        if verb is None:
            continue
        for k in [w, *range(w + 1, verb)]:
            t = tokens[k]
            if not 0 <= t.head < w - 1 or tokens[t.head].pos != "VERB":
                continue
            if k == w or t.rel in ("obl", "obj") or t.rel == "nsubj" and agrees(t, tokens[verb]):
                t.head = verb


def participle_before_its_noun(doc: Doc, sent: int) -> None:
    """A participle before the subject it describes, which the parser reads as a second subject of the verb
    (`Вчера беседовавший с Обамой по телефону Дмитрий Медведев заверил ...`), describes that subject: the
    subject after it, of a gender and number its nominative may have, becomes its head. The tagger may take
    such a participle for a finite verb or, capitalised at the opening of a sentence, for a name
    (`Беседовавший`): the dictionary, which knows the word only as a participle, tells."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for p in range(s.first, s.last):
        t = tokens[p]
        forms = participle_forms(t)
        if not forms:
            continue
        if t.pos == "PROPN":  # `Принявший ... президент России`: read as a name, though the parse is right
            t.pos = "VERB"
            t.feats["VerbForm"] = "Part"
        if t.rel != "nsubj" or t.head < 0:
            continue
        noun = next((k for k in doc.children(t.head) if k > p and tokens[k].rel == "nsubj"
                     and tokens[k].pos in ("NOUN", "PROPN")), None)
        if noun is not None and (tokens[noun].feats.get("Gender"), tokens[noun].feats.get("Number")) in forms:
            t.head, t.rel = noun, "acl"
            t.feats["VerbForm"], t.feats["Case"] = "Part", "Nom"


GENDERS = {"masc": "Masc", "femn": "Fem", "neut": "Neut", None: None}


def participle_forms(t) -> frozenset[tuple[str | None, str]]:
    """The (gender, number) of the nominative readings of a word the dictionary knows only as a participle,
    whatever the tagger made of it (a finite verb, or a name when capitalised); empty for any other word. A
    plural's gender is any."""
    return nominative_participle(t.text.lower()) if t.pos in ("VERB", "PROPN") else frozenset()


@lru_cache(maxsize=50_000)
def nominative_participle(word: str) -> frozenset[tuple[str | None, str]]:
    """`participle_forms` of a word in lower case, read once from the dictionary."""
    readings = morph_vocab().parse(word)
    if not readings or not all(r.is_known and r.tag.POS == "PRTF" for r in readings):
        return frozenset()
    out = set()
    for r in readings:
        if r.tag.case == "nomn":
            number = "Plur" if r.tag.number == "plur" else "Sing"
            genders = GENDERS.values() if number == "Plur" else [GENDERS.get(r.tag.gender)]
            out.update((g, number) for g in genders)
    return frozenset(out)


def comitative_after_pronoun(doc: Doc, sent: int) -> None:
    """`мы с X`, `они с X`: the name after `с` goes with the pronoun (the two of them are the subject), in the
    instrumental, whatever the parser and the tagger read it as (`они с Белых долго гуляли, обсуждая, как
    сделать ...`, `Белых` taken for a genitive adjective of the later clause); a capitalised word there is a
    name, and `ним`/`ней` the partner too (`мы с ним до трех ночи просидели ... — он расспрашивал`, `ним` hung
    on the verb after the dash)."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for k in range(s.first, s.last - 2):
        pron, prep, name = tokens[k], tokens[k + 1], tokens[k + 2]
        partner = name.text[:1].isupper() or name.pos == "PRON" and name.lemma in ("он", "она", "они")
        if pron.pos != "PRON" or pron.lemma not in ("мы", "они") or pron.feats.get("Case") != "Nom" \
                or prep.text.lower() != "с" or not partner or doc.below(k, k + 2):
            continue
        name.head, name.rel = k, "nmod"
        prep.head, prep.rel = k + 2, "case"
        name.feats["Case"] = "Ins"  # the comitative's case, which the tagger misreads in a name that does not
        # decline or declines like an adjective (`с Белых` read as a genitive plural)


def subject_after_insertion(doc: Doc, sent: int) -> None:
    """A noun in the nominative right after an insertion (`в частности`, `в том числе`), which the parser hangs
    on a verb that has no subject as a parenthetical, is that verb's subject: `Во встрече участвовали, в
    частности, Борис Немцов и Гарри Каспаров`."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for i in range(s.first, s.last):
        t = tokens[i]
        if t.rel != "parataxis" or t.pos not in ("NOUN", "PROPN") or t.feats.get("Case") != "Nom" or t.head < 0:
            continue
        verb = tokens[t.head]
        if verb.pos != "VERB" or verb.feats.get("VerbForm") != "Fin" or t.head > i:
            continue
        if any(tokens[k].rel.startswith("nsubj") for k in doc.children(t.head)):
            continue
        if any(tokens[k].rel == "discourse" and k < i for k in doc.children(i)):
            t.rel = "nsubj"


def subject_after_as_said(doc: Doc, sent: int) -> None:
    """A nominative noun right after the comma that closes an aside `Как рассказал X, ...`, which the parser
    hangs on the aside's speaker as an apposition, is the subject of the verb after it when that verb has none:
    `Как рассказал «Огоньку» источник, близкий к руководству клуба, министр спорта Виталий Мутко позвонил
    Федуну`, `министр` read as the source's."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for i in range(s.first + 1, s.last):
        t = tokens[i]
        if t.rel not in ("appos", "nmod", "conj") or t.pos not in ("NOUN", "PROPN") or t.feats.get("Case") != "Nom" \
                or not s.first <= t.head < i or tokens[i - 1].text != ",":
            continue
        k = tokens[t.head].head
        if s.first <= k < i and tokens[k].pos == "VERB" and as_said(doc, k):
            subject_of_next_verb(doc, i, s.last)


def kept_inside_as_said(doc: Doc, sent: int) -> None:
    """A subject, object or oblique inside an aside `как вспоминал потом сам Лужков, ...`, which the parser hangs
    on the verb before the aside, is the aside's: `Попов пригласил своего заместителя к себе и, как вспоминал
    потом сам Лужков, сказал`, `Лужков` read as the one who invited."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for i in range(s.first, s.last):
        t = tokens[i]
        if t.rel not in REATTACHED or t.pos not in ("NOUN", "PROPN") or t.head >= i or t.head < s.first:
            continue
        k = next((k for k in reversed(doc.clause_before(i)) if tokens[k].pos == "VERB"), None)
        if k is not None and t.head < k and as_said(doc, k) and not doc.below(k, i):
            t.head = k


def second_subject_of_the_verb_before(doc: Doc, sent: int) -> None:
    """A nominative the parser makes a second subject of a verb that has one before it, past a later verb of
    its own clause that has none and agrees with it, is that later verb's: `беседа продолжалась два часа; в ней
    участвовал и премьер-министр Халиков`, `премьер-министр` read as the second subject of `продолжалась`."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for i in range(s.first, s.last):
        t = tokens[i]
        h = t.head
        if t.rel != "nsubj" or t.pos not in ("NOUN", "PROPN") or not s.first <= h < i:
            continue
        if not any(k < i and tokens[k].rel == "nsubj" for k in doc.children(h)):
            continue
        verb = next((k for k in reversed(doc.clause_before(i)) if tokens[k].feats.get("VerbForm") == "Fin"
                     or tokens[k].pos == "ADJ" and tokens[k].feats.get("Variant") == "Short"), None)
        if verb is not None and verb > h and agrees(t, tokens[verb]) \
                and not any(tokens[k].rel.startswith("nsubj") for k in doc.children(verb)):
            t.head = verb  # `где его готов принять президент ФИФА`: a short adjective is a predicate too


def conjunct_before_its_head(doc: Doc, sent: int) -> None:
    """A verb the parser joins to a verb after it is the second of the two, not the first: a conjunct hangs on
    the one before it. It goes to the nearest finite verb before it that is no relative clause's or
    participle's, and stands as deep in quotation marks as it does (`Лукашенко не просто предоставил ему
    убежище, но и принял его в резиденции, заявив, что Белоруссия «не выдает людей»`, `принял` read as joined
    to `выдает`, whose subject it then took)."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    depth, level = {}, 0  # how deep in quotation marks each word stands
    for k in range(s.first, s.last):
        if tokens[k].text in OPENING_QUOTES:
            level += 1
        elif tokens[k].text in CLOSING_QUOTES:
            level -= 1
        depth[k] = level
    for i in range(s.first, s.last):
        t = tokens[i]
        if t.rel != "conj" or t.pos != "VERB" or not i < t.head < s.last:
            continue
        k = next((k for k in range(i - 1, s.first - 1, -1) if tokens[k].pos == "VERB" and depth[k] == depth[i]
                  and tokens[k].feats.get("VerbForm") == "Fin" and tokens[k].rel not in ("acl", "acl:relcl")), None)
        if k is not None and not doc.below(k, i):
            t.head = k


DASHES = ("—", "–")


def conjunct_out_of_aside(doc: Doc, sent: int) -> None:
    """A verb after an aside set off by dashes, joined to the aside's verb, is joined to the verb the aside
    hangs on: `он принял Си Цзиньпина — лидеры обсудили поставки газа, — а затем встретился с Абэ`, where
    `встретился` read as joined to `обсудили` took `лидеры` for its subject."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for i in range(s.first, s.last):
        t = tokens[i]
        h = t.head
        if t.rel != "conj" or t.pos != "VERB" or not s.first <= h < i or tokens[h].rel != "parataxis" \
                or tokens[h].head < 0 or tokens[h].head >= h:
            continue
        dashes = [k for k in range(tokens[h].head + 1, i) if tokens[k].text in DASHES]
        if len(dashes) == 2 and dashes[0] < h < dashes[1]:  # the aside opens after its head and closes before `i`
            t.head = tokens[h].head


def subject_of_the_nearer_verb(doc: Doc, sent: int) -> None:
    """A subject the parser hangs on a verb past the first verb after it, when that first verb stands in its
    own clause (no comma between), is finite, has no subject and agrees with it, is that first verb's: `спикер
    Нарышкин пообещал поставить вопрос ..., глава ЛДПР Жириновский потребовал ..., а Хинштейн назвал его`,
    read with all three the subjects of `назвал`."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for i in range(s.first, s.last):
        t = tokens[i]
        if t.rel == "nsubj" and t.pos in ("NOUN", "PROPN") and i < t.head < s.last:
            subject_of_next_verb(doc, i, t.head)


def kept_before_the_comma(doc: Doc, sent: int) -> None:
    """An object or oblique that the parser hangs on a verb past a comma, over a clause that has a subject of
    its own, is the word's own clause's, when a verb stands before it there: `Нарышкин пообещал поставить
    вопрос на заседании комиссии, Жириновский потребовал ..., а Хинштейн назвал его`, `на заседании` read as
    `назвал`'s. A clause does not reach back over another clause's subject for a circumstance. With no verb
    before it, a word before the subject is that subject's verb's when the verb it hangs on lies past a colon
    after that verb (`Там, в присутствии Тельчика, они договорились о главном: Германия может оставаться`)."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for i in range(s.first, s.last):
        t = tokens[i]
        if t.rel not in ("obl", "obj", "iobj") or t.pos not in ("NOUN", "PROPN") or not i < t.head < s.last:
            continue
        comma = next((k for k in range(i + 1, t.head) if tokens[k].text == ","), None)
        subject = next((k for k in range(comma + 1, t.head) if tokens[k].rel == "nsubj"
                        and comma < k < tokens[k].head <= t.head), None) if comma is not None else None
        if subject is None:
            continue  # no clause with a subject of its own opens between the word and its verb
        # the verb before it in its own clause (none for `В Москве, как сообщил Песков, Путин встретится`)
        k = next((k for k in reversed(doc.clause_before(i)) if tokens[k].pos == "VERB"), None)
        if k is not None and not doc.below(k, i):
            t.head = k
        elif k is None and tokens[tokens[subject].head].pos == "VERB" \
                and any(tokens[c].text == ":" for c in range(tokens[subject].head, t.head)):
            t.head = tokens[subject].head  # `Там, в присутствии Тельчика, они договорились о главном: Германия
            # может оставаться в НАТО`: a phrase before the subject is its verb's, not one past the colon


def kept_after_the_comma(doc: Doc, sent: int) -> None:
    """The mirror of kept_before_the_comma: an object or oblique that the parser hangs back over a comma on the
    verb of a clause before it is its own clause's, when that clause has a subject and a verb of its own before
    the word: `после того, как правительство запретило экспорт зерна, Савченко позвонил в Краснодар Александру
    Ткачёву`, `Александру` read as `запретило`'s. An aside `, как сообщил X,` is no clause of the word's."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for i in range(s.first, s.last):
        t = tokens[i]
        if t.rel not in ("obl", "obj", "iobj") or t.pos not in ("NOUN", "PROPN") or not s.first <= t.head < i:
            continue
        clause = doc.clause_before(i)
        if not clause or clause.start - 1 <= t.head or tokens[clause.start - 1].text != ",":
            continue  # the word's head is in its own clause
        verb = next((k for k in reversed(clause)
                     if tokens[k].pos == "VERB" and tokens[k].feats.get("VerbForm") == "Fin"), None)
        if verb is None or as_said(doc, verb) or doc.below(verb, i):
            continue
        if any(tokens[k].rel == "nsubj" and tokens[k].head == verb for k in clause):
            t.head = verb


def nominative_object(doc: Doc, sent: int) -> None:
    """A person in the nominative the parser makes the object of a finite verb that has no subject is its
    subject, when the verb agrees with it: `— вспоминает Шматко переговоры с Азимовым`, `Шматко` read as a
    second object."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for i in range(s.first, s.last):
        t = tokens[i]
        if t.rel != "obj" or t.pos not in ("NOUN", "PROPN") or t.feats.get("Case") != "Nom" \
                or t.feats.get("Animacy") != "Anim" or not s.first <= t.head < s.last:
            continue
        verb = tokens[t.head]
        if verb.pos == "VERB" and verb.feats.get("VerbForm") == "Fin" and agrees(t, verb) \
                and not any(tokens[k].rel.startswith("nsubj") for k in doc.children(t.head)):
            t.rel = "nsubj"


TIME_NOUNS = frozenset({"утро", "день", "вечер", "ночь", "весна", "лето", "осень", "зима"})  # `вечером`, `утром`


def subject_hung_on_the_word_before(doc: Doc, sent: int) -> None:
    """A name in the nominative that the parser hangs as a dependent on the word right before it is the subject
    of the finite verb after it that the word hangs on, when it agrees with it, if the word is

    - a time noun in the instrumental (`Вечером Наполитано вызвал Монти`, as if `вечером Наполитано` were one
      phrase; and one in the accusative its object, when it has none: `Вечером депутатов принял Лавров`), or
    - the noun of a phrase with a preposition, when the verb has no subject (`На базе Уго Чавес возил гостя`,
      as if it were `the base of Уго Чавес`: a foreign given name shows no case, so the name's last word must
      be a nominative, a name that does not decline, or one written as the person's canonical name has it:
      `накануне поездки Клинтон созвонилась`, `После заседания Хар, по данным СМИ, переговорила`; with a
      second name joined to it the verb is a plural: `после официальной части Скарони и Миллер беседовали`),
      the phrase's own verb or, where the parser hung the phrase on a verb further on, the first verb after
      the names."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for i in range(s.first + 1, s.last):
        t, host = tokens[i], tokens[i - 1]
        if t.rel != "nmod" or t.head != i - 1 or t.pos not in ("PROPN", "NOUN") or not i < host.head < s.last \
                or not finite(tokens[host.head]):
            continue
        time = host.lemma in TIME_NOUNS and host.feats.get("Case") == "Ins"
        if time and t.feats.get("Case") == "Acc" and t.feats.get("Animacy") == "Anim" \
                and not any(tokens[c].rel == "obj" for c in doc.children(host.head)):
            t.head, t.rel = host.head, "obj"  # `Вечером депутатов принял Лавров`
            continue
        if t.pos != "PROPN":
            continue
        if time:
            name, verbs = t, [host.head]
        elif host.rel == "obl" and any(tokens[c].rel == "case" for c in doc.children(i - 1)):
            name = tokens[max([i, *(c for c in doc.children(i) if tokens[c].rel == "flat:name")])]
            # the verb the phrase hangs on, or the first after the names, where the parser hung the phrase on a
            # verb further on (`после официальной части Скарони и Миллер беседовали ..., и итальянец произнес`)
            last = max([i, *(k for c in doc.children(i) if tokens[c].rel == "conj" for k in (c, *doc.children(c)))])
            verbs = [v for v in dict.fromkeys([host.head, first_verb(doc, last + 1, s.last)]) if v is not None
                     and not any(tokens[c].rel.startswith("nsubj") for c in doc.children(v))]
        else:
            continue
        several = any(tokens[c].rel == "conj" and tokens[c].pos == "PROPN" for c in doc.children(i))
        named = as_named(doc, name)  # the tagger's gender of such a name is a guess too
        for v in verbs:
            verb = tokens[v]
            if not finite(verb):
                continue
            agreeing = verb.feats.get("Number") == "Plur" if several else \
                agrees(name, verb) or named and verb.feats.get("Number") in (None, "Sing")  # `Скарони и Миллер`
            if (name.feats.get("Case") == "Nom" or undeclined_name(name.text) or named) and agreeing:
                t.head, t.rel = v, "nsubj"
                break


def finite(t) -> bool:
    """Whether token `t` is a finite verb: tagged so, or one the dictionary reads first as a verb of the past
    (`переговорила`, which the tagger may take for an infinitive)."""
    return t.pos == "VERB" and (t.feats.get("VerbForm") == "Fin" or {"VERB", "past"} <= first_reading(t.text))


def as_named(doc: Doc, t) -> bool:
    """Whether name word `t` is written as the canonical name of the person it names has it, which is in the
    nominative: a foreign name the dictionary reads as an oblique case of some word of its own (`После
    заседания Хар, по данным японских СМИ, переговорила`, `Хар` read as a genitive)."""
    for e in doc.entities:
        if e.type == "PER" and any(m.start <= t.start < m.stop for m in e.mentions):
            return t.text.lower() in e.name.lower().split()
    return False


def subject_after_the_verb_on_a_phrase(doc: Doc, sent: int) -> None:
    """A name in the nominative after the verb, hung on the noun of a phrase with a preposition right before it,
    is the verb's subject when the verb has none and agrees with it (`Его встретил в аэропорту Лавров`, as if it
    were `the airport of Лавров`). Not a name that does not decline, which may be the noun's genitive (`принял
    в кабинете Шойгу`)."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for i in range(s.first + 2, s.last):
        t, host = tokens[i], tokens[i - 1]
        if t.rel not in ("nmod", "appos") or t.head != i - 1 or t.pos != "PROPN" or t.feats.get("Case") != "Nom" \
                or host.rel != "obl" or not s.first <= host.head < i - 1 or undeclined_name(t.text):
            continue
        verb = tokens[host.head]
        if verb.pos != "VERB" or verb.feats.get("VerbForm") != "Fin" or not agrees(t, verb) \
                or not any(tokens[c].rel == "case" for c in doc.children(i - 1)) \
                or any(tokens[c].rel.startswith("nsubj") for c in doc.children(host.head)):
            continue
        t.head, t.rel = host.head, "nsubj"


def direction_on_the_verb(doc: Doc, sent: int) -> None:
    """A direction (`в`, `на` with the accusative, `к` with the dative) that the parser hangs on a name after
    the verb is the verb's: `вызвал Марио Монти в Квиринальский дворец` (a person is called somewhere, he is
    no `Монти в дворец`)."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for k in range(s.first, s.last):
        t = tokens[k]
        if t.rel != "nmod" or not s.first <= t.head < k or t.feats.get("Case") not in ("Acc", "Dat"):
            continue
        name = tokens[t.head]
        if name.pos != "PROPN" or name.rel not in ("nsubj", "obj") or not s.first <= name.head < t.head:
            continue
        preposition = next((tokens[c].lemma for c in doc.children(k) if tokens[c].rel == "case"), None)
        if (preposition, t.feats.get("Case")) in (("в", "Acc"), ("на", "Acc"), ("к", "Dat")) \
                and tokens[name.head].pos == "VERB":
            t.head, t.rel = name.head, "obl"


COORDINATORS = frozenset({"и", "а", "но", "или", "либо"})


# adverbs that govern a phrase with `с` of their own: `вместе с X`, `наряду с X`, `рядом с X`
OWN_PARTNER_ADVERBS = frozenset({"вместе", "совместно", "наряду", "наравне", "рядом", "одновременно", "параллельно",
                                 "согласно", "соответственно", "вплоть", "независимо"})


def partner_on_an_adverb(doc: Doc, sent: int) -> None:
    """A phrase with `с` that the parser hangs on an adverb of the verb is the verb's: `засиживался допоздна с
    Меламедом` (the adverb says when; the one he sat with is the verb's partner), unless the adverb governs
    such a phrase itself (`вместе с`, `рядом с`)."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for k in range(s.first, s.last):
        t = tokens[k]
        if t.rel != "obl" or not s.first <= t.head < s.last:
            continue
        adverb = tokens[t.head]
        if adverb.pos != "ADV" or adverb.rel != "advmod" or adverb.lemma in OWN_PARTNER_ADVERBS \
                or not s.first <= adverb.head < s.last or tokens[adverb.head].pos not in ("VERB", "ADJ"):
            continue
        if any(tokens[c].lemma in ("с", "со") and tokens[c].rel == "case" for c in doc.children(k)):
            t.head = adverb.head


def object_joined_to_a_place(doc: Doc, sent: int) -> None:
    """A person in the accusative (or in its genitive form) that the parser joins after a comma as a conjunct to
    a place with a preposition is the object of the verb the place hangs on, when it has none: `пригласила к
    себе на Остоженку, в Центр оперного пения, которым она руководит, Иксанова и Синайского` (Иксанова is no
    second place)."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for k in range(s.first + 1, s.last):
        t = tokens[k]
        if t.rel != "conj" or t.pos != "PROPN" or t.feats.get("Animacy") != "Anim" or t.feats.get("Case") not in ("Acc", "Gen") \
                or tokens[k - 1].text != "," or not s.first <= t.head < k:
            continue
        place = tokens[t.head]
        if place.rel != "obl" or place.feats.get("Animacy") != "Inan" or not s.first <= place.head < s.last \
                or not any(tokens[c].rel == "case" for c in doc.children(t.head)):
            continue
        verb = place.head
        if tokens[verb].pos == "VERB" and not any(tokens[c].rel == "obj" for c in doc.children(verb)) \
                and not any(tokens[c].rel == "case" for c in doc.children(k)):
            t.head, t.rel = verb, "obj"


def nested_that_clause(doc: Doc, sent: int) -> None:
    """A `что` clause that the parser hangs on the same verb as an earlier complement, a verb of speech with a
    subject of its own, with no conjunction between them, is that speech's: `Напомним, что ранее Зюганов
    заявлял, что готов встретиться с Медведевым` (it is Зюганов who is ready, not the writer)."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    speech = lexicon.table("speech_verbs")
    for i in range(s.first, s.last):
        t = tokens[i]
        if t.rel != "ccomp" or not s.first <= t.head < s.last:
            continue
        mark = [k for k in doc.children(i) if tokens[k].rel == "mark" and tokens[k].lemma == "что"]
        if not mark:
            continue
        earlier = [k for k in doc.children(t.head) if k < mark[0] and tokens[k].rel == "ccomp"
                   and speech.get(tokens[k].lemma) in ("say", "think")
                   and any(tokens[c].rel.startswith("nsubj") for c in doc.children(k))]
        if earlier and not any(tokens[j].lemma in COORDINATORS for j in range(earlier[-1] + 1, mark[0])):
            t.head = earlier[-1]


def no_phrase_over_its_verb(doc: Doc, sent: int) -> None:
    """A prepositional phrase after a verb that the parser hangs on a noun before the verb, the noun being the
    verb's own dependent, is the verb's: `Посол Виктор Черномырдин ... приехал в МИД Украины к Огрызко`, `к
    Огрызко` read as the ambassador's. The arc would cross its head's own head, which a Russian clause does not
    do for a phrase that follows the verb."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for i in range(s.first, s.last):
        t = tokens[i]
        if t.rel != "nmod" or t.pos not in ("NOUN", "PROPN") or not s.first <= t.head < i:
            continue
        if not any(tokens[c].rel == "case" for c in doc.children(i)) or not over_heads_head(doc, i):
            continue
        verb = tokens[t.head].head
        if tokens[verb].pos != "VERB":
            continue
        if any(tokens[k].text in CLAUSE_BREAKS for k in range(verb + 1, i)):
            continue
        t.head, t.rel = verb, "obl"


def subject_left_behind(doc: Doc, sent: int) -> None:
    """A nominative name right before a verb that has no subject, which the parser hangs on a noun far before
    the verb above it (`Майя Плисецкая ... вспоминала, как Юрий Григорович впервые зашел к ней`, `Григорович`
    read as Плисецкая's apposition), is that verb's subject: the arc would cross its head's own head, and the
    verb agrees with it."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for i in range(s.first, s.last):
        t = tokens[i]
        if t.rel not in ("appos", "nmod") or t.pos not in ("NOUN", "PROPN") or t.feats.get("Case") != "Nom" \
                or not s.first <= t.head < i:
            continue
        if over_heads_head(doc, i):
            subject_of_next_verb(doc, i, s.last)


def subject_of_next_verb(doc: Doc, i: int, stop: int) -> None:
    """Make nominative `i` the subject of the first verb after it, before `stop` and any clause break, when that
    verb is finite, has no subject and agrees with it."""
    tokens = doc.tokens
    verb = first_verb(doc, i + 1, stop)
    if verb is None or tokens[verb].feats.get("VerbForm") != "Fin":
        return
    if any(tokens[k].rel.startswith("nsubj") for k in doc.children(verb)) or not agrees(tokens[i], tokens[verb]):
        return
    tokens[i].head, tokens[i].rel = verb, "nsubj"


def subject_before_a_semicolon(doc: Doc, sent: int) -> None:
    """A subject hung on a verb past a semicolon is the subject of the verb before it on its side, a finite one
    with no subject that agrees with it (a list of names is plural): `За столом сидели Алфёров, Корнберг и
    Барретт; всего в совет вошли 22 человека`, read with the names the subjects of `вошли`."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for i in range(s.first, s.last):
        t = tokens[i]
        if t.rel != "nsubj" or t.pos not in ("NOUN", "PROPN") or not i < t.head < s.last \
                or not any(tokens[k].text == ";" for k in range(i + 1, t.head)):
            continue
        start = max((k for k in range(s.first, i) if tokens[k].text == ";"), default=s.first)
        number = "Plur" if any(tokens[c].rel == "conj" for c in doc.children(i)) else t.feats.get("Number")
        verbs = [v for v in range(start, i) if tokens[v].pos == "VERB" and tokens[v].feats.get("VerbForm") == "Fin"
                 and not any(tokens[c].rel.startswith("nsubj") for c in doc.children(v))
                 and tokens[v].feats.get("Number") in (None, number)]
        if verbs:
            t.head, t.rel = verbs[-1], "nsubj"


BESIDES = frozenset({"кроме", "помимо"})


def besides_on_the_verb_after(doc: Doc, sent: int) -> None:
    """A phrase `кроме X,` or `помимо X,` that opens a clause is the phrase of the first verb after it in that
    clause (`собрало всех: кроме Тулеева, за столом сидели Якунин и Бокарев`, read as a clause of its own hung
    on `собрало`)."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for k in range(s.first, s.last):
        opener = next((c for c in doc.children(k) if tokens[c].rel == "case" and tokens[c].lemma in BESIDES), None)
        if opener is None or opener > s.first and tokens[opener - 1].text not in (":", ";", ",", "—", "–"):
            continue
        comma = next((j for j in range(k + 1, min(k + 6, s.last)) if tokens[j].text == "," or tokens[j].pos == "VERB"), None)
        if comma is None or tokens[comma].text != ",":
            continue
        verb = first_verb(doc, comma + 1, s.last)
        if verb is not None and tokens[k].head != verb:
            tokens[k].head, tokens[k].rel = verb, "obl"


def subjects_after_a_colon(doc: Doc, sent: int) -> None:
    """People named in the nominative right after a colon, the parser having hung them elsewhere, are the
    subjects of the first finite verb after them when it has none and agrees with them in number: `Собрание
    прошло на «Винзаводе»: Рязанов, Сокуров, Манский и Хлебников несколько часов обсуждали устав`."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for i in range(s.first + 1, s.last):
        t = tokens[i]
        if tokens[i - 1].text != ":" or t.rel.startswith("nsubj") or t.pos not in ("NOUN", "PROPN") \
                or t.feats.get("Case") != "Nom" or t.feats.get("Animacy") != "Anim":
            continue
        chain = [i] + [c for c in doc.children(i) if tokens[c].rel == "conj"]
        end = max(k for c in chain for k in [c, *doc.children(c)] if tokens[k].rel in ("conj", "flat:name") or k == c)
        verb = first_verb(doc, end + 1, s.last)
        if verb is None or tokens[verb].feats.get("VerbForm") != "Fin" \
                or any(tokens[k].rel.startswith("nsubj") for k in doc.children(verb)):
            continue
        number = tokens[verb].feats.get("Number")
        if number is None or (number == "Plur") == (len(chain) > 1):
            t.head, t.rel = verb, "nsubj"


def name_hung_on_another_name(doc: Doc, sent: int) -> None:
    """A person's name that the parser hung as `flat:name` on a name before it that is not theirs (`после ужина
    на Подоле Зурабову позвонил Лавров`, a place and a person read as one name; `Вместе с Чиркуновым Медведев
    осматривал`, another person's name in another case) is the verb's: its indirect object when its form is a
    dative, its subject when a nominative and the verb has none."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    people = people_from(doc, sent)
    for i, person in people.items():
        t = tokens[i]
        if t.rel != "flat:name" or not s.first <= t.head < i \
                or any(p.first <= t.head < p.last for p in people.values()) and not other_case(tokens[t.head], t):
            continue
        verb = first_verb(doc, person.last, s.last)
        if verb is None:
            continue
        if oblique_only(t.text) == "Dat":
            t.head, t.rel, t.feats["Case"] = verb, "iobj", "Dat"
        elif t.feats.get("Case") == "Nom" and not any(tokens[k].rel.startswith("nsubj") for k in doc.children(verb)):
            t.head, t.rel = verb, "nsubj"


def subjects_hung_on_a_participle(doc: Doc, sent: int) -> None:
    """People named in the nominative before a participle's phrase set off by commas, which the parser hung on
    the participle (`Путин, Назарбаев и Бердымухамедов, всего три месяца как сменивший Ниязова, договорились`),
    are the subjects of the verb the phrase hangs on, when it has none: the first becomes its subject, the others
    its conjuncts, and the participle describes the last of them."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    people = people_from(doc, sent)
    for p in range(s.first + 1, s.last):
        t = tokens[p]
        verb = t.head
        if t.pos != "VERB" or t.feats.get("VerbForm") != "Part" or t.feats.get("Case") != "Nom" \
                or not p < verb < s.last or tokens[verb].pos != "VERB" or tokens[verb].feats.get("VerbForm") == "Part" \
                or any(tokens[k].rel.startswith("nsubj") for k in doc.children(verb)):
            continue
        comma = next((k for k in range(p - 1, s.first, -1) if tokens[k].text == ","), None)
        if comma is None or tokens[comma].head != p and tokens[comma].head != verb:
            continue
        names = [k for k in doc.children(p) if k < comma and k in people and tokens[k].feats.get("Case") == "Nom"]
        if not names:
            continue
        first, *others = sorted(names)
        tokens[first].head, tokens[first].rel = verb, "nsubj"
        for k in others:
            tokens[k].head, tokens[k].rel = first, "conj"
        last = max([first, *others, *(k for k in doc.children(first) if tokens[k].rel == "conj")])
        t.head, t.rel = last, "acl"


def subject_conjunct_past_a_participle(doc: Doc, sent: int) -> None:
    """A person joined by `, и` after a participle's phrase that describes a subject, whom the parser hung as a
    conjunct of a word inside the phrase, is the subject's conjunct (`Болдырев, ещё недавно возглавлявший
    Контрольное управление, и посол Владимир Лукин договорились`: Лукин, not the office, agreed)."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    people = people_from(doc, sent)
    for c in range(s.first + 2, s.last):
        t = tokens[c]
        if t.rel != "conj" or t.feats.get("Case") != "Nom" or tokens[c - 1].text != "и" or tokens[c - 2].text != ",":
            continue
        if not (c in people or any(k in people for k in doc.children(c) if tokens[k].rel in ("appos", "flat:name"))):
            continue
        participle = next((p for p in range(c - 1, s.first, -1) if tokens[p].pos == "VERB"
                           and tokens[p].feats.get("VerbForm") == "Part" and tokens[p].rel == "acl"
                           and doc.below(c, p)), None)
        if participle is None:
            continue
        subject = tokens[participle].head
        if subject < 0 or not tokens[subject].rel.startswith("nsubj") or subject not in people:
            continue
        t.head = subject


PERSONAL = frozenset({"он", "она", "мы", "я"})


def listed_after_a_pronoun(doc: Doc, sent: int) -> None:
    """A name after a personal pronoun and a comma, in a list that goes on with `и`, which the parser hung on the
    pronoun as an apposition, is the next of the list (`он, Юрий Болдырев и Владимир Лукин договорились`)."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    people = people_from(doc, sent)
    for k in range(s.first + 2, s.last):
        t = tokens[k]
        pronoun = t.head
        if t.rel != "appos" or k not in people or pronoun < 0 or tokens[pronoun].lemma not in PERSONAL \
                or tokens[pronoun].pos != "PRON" or tokens[k - 1].text != "," or pronoun != k - 2:
            continue
        if any(tokens[c].rel == "conj" and c > k for c in doc.children(pronoun)):
            t.rel = "conj"


def person_joined_to_a_place(doc: Doc, sent: int) -> None:
    """A person's name after `и` right after another person's name, which the parser joined to a word that
    names no person (`принял министров иностранных дел Германии и Польши Гидо Вестервелле и Радослава
    Сикорского`: Сикорский read as a conjunct of Германии), is the conjunct of the name before it."""
    tokens = doc.tokens
    people = people_from(doc, sent)
    ends = {p.last: first for first, p in people.items()}  # the token after a name → the name's first token
    for c in people:
        t = tokens[c]
        before = ends.get(c - 1)
        if t.rel != "conj" or tokens[c - 1].text != "и" or before is None or t.head < 0 or t.head == before \
                or any(p.first <= t.head < p.last for p in people.values()):
            continue
        t.head = before


def existential_be(doc: Doc, sent: int) -> None:
    """`быть` saying that something took place or someone had it (`у Путина с Медведевым была встреча`, `у
    Чернышенко был разговор`) is the clause's verb, as UD has it, not a copula or an auxiliary: the tagger's
    AUX becomes VERB, and where the parser made the one who had it the predicate, with `быть` its copula and
    the thing had its subject, `быть` takes that place and both hang on it."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for b in range(s.first, s.last):
        t = tokens[b]
        if t.lemma != "быть" or t.pos != "AUX":
            continue
        holder = t.head
        if t.rel == "cop" and holder >= 0 and tokens[holder].pos in ("NOUN", "PROPN", "PRON") \
                and any(tokens[k].lemma == "у" and tokens[k].rel == "case" for k in doc.children(holder)):
            subject = [k for k in doc.children(holder) if tokens[k].rel == "nsubj" and tokens[k].pos == "NOUN"]
            if not subject:
                continue
            t.head, t.rel = tokens[holder].head, tokens[holder].rel
            tokens[holder].head, tokens[holder].rel = b, "obl"
            for k in subject:
                tokens[k].head = b
            for k in doc.children(holder):
                if tokens[k].rel in ("punct", "advmod", "obl"):
                    tokens[k].head = b
        if any(tokens[k].rel == "nsubj" for k in doc.children(b)):
            t.pos = "VERB"


def opening_after_a_colon(doc: Doc, sent: int) -> None:
    """The word that opens a clause after a colon or a semicolon, which the parser hung on the verb before it, is
    its own clause's when a finite verb follows in that clause (`заехал в музей: вместе с губернатором и
    Гельманом он осматривал экспозицию`, `вместе` read as `заехал`'s, and its companions with it)."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for i in range(s.first + 1, s.last):
        t = tokens[i]
        if tokens[i - 1].text not in (":", ";") or not s.first <= t.head < i - 1 \
                or t.rel not in ("parataxis", "advmod", "obl") or t.pos not in ("ADV", "NOUN", "PROPN"):
            continue
        finite = [k for k in range(i + 1, clause_end(doc, i + 1, s.last))
                  if tokens[k].pos == "VERB" and tokens[k].feats.get("VerbForm") == "Fin"]
        verb = finite[0] if finite else None
        if verb is not None and not doc.below(verb, i):
            t.head, t.rel = verb, "advmod" if t.pos == "ADV" else "obl"


def other_case(a, b) -> bool:
    """Whether two names show different cases, neither being a name that does not decline (whose case the tagger
    guesses): two people, not one name."""
    cases = a.feats.get("Case"), b.feats.get("Case")
    return None not in cases and cases[0] != cases[1] and not undeclined_name(a.text) and not undeclined_name(b.text)


THOSE = frozenset({"тот", "весь"})  # `тех, кто ...`, `всех, кто ...`


def those_who_as_object(doc: Doc, sent: int) -> None:
    """A plural `тех` or `всех` opening a relative clause, which the parser hangs on the verb before it as a
    determiner, is that verb's object: `собрал в Горках тех, кому предстояло представлять заявку`."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for k in range(s.first, s.last):
        t = tokens[k]
        if t.lemma in THOSE and t.rel == "det" and t.feats.get("Number") == "Plur" \
                and t.feats.get("Case") in ("Acc", "Gen") and t.head >= 0 and tokens[t.head].pos == "VERB" \
                and any(tokens[c].rel == "acl:relcl" for c in doc.children(k)):
            t.rel = "obj"


INTRODUCING_VERBS = frozenset({"представить", "представлять"})


def introduced_person_as_object(doc: Doc, sent: int) -> None:
    """The person a verb of introducing presents, which the parser hangs as a genitive on the dative of those
    they are presented to or on a genitive below it (the accusative of a person being the genitive's form), is the
    verb's object when it has none: `представил коллективу нового губернатора Владимира Миклушевского`,
    `представил труппе и сотрудникам Большого театра нового директора`."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for v in range(s.first, s.last):
        if tokens[v].lemma not in INTRODUCING_VERBS or any(
                tokens[c].rel == "obj" and tokens[c].feats.get("Case") != "Dat" for c in doc.children(v)):
            continue
        for k in doc.children(v):
            if tokens[k].rel not in ("iobj", "obj") or tokens[k].feats.get("Case") != "Dat":
                continue
            person = next((g for g in range(k + 1, s.last) if doc.below(g, k) and tokens[g].rel == "nmod"
                           and tokens[g].feats.get("Case") == "Gen" and tokens[g].feats.get("Animacy") == "Anim"), None)
            if person is not None:
                tokens[person].head, tokens[person].rel = v, "obj"
                tokens[k].rel = "iobj"  # `труппе`, which the parser may take for the object
                break


def partner_hung_past_a_comma(doc: Doc, sent: int) -> None:
    """A partner with `с` after a verb of its clause, which the parser hangs on a word past a comma after it,
    is that verb's: `встретился на Капитолийском холме с сенаторами Маккейном и Кардином, автором законопроекта о
    санкциях`, `с сенаторами` read as the sanctions'."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    for k in range(s.first, s.last):
        t = tokens[k]
        if t.feats.get("Case") != "Ins" or not k < t.head < s.last or t.rel not in ("nmod", "obl") \
                or not any(tokens[c].lemma == "с" and tokens[c].rel == "case" for c in doc.children(k)) \
                or not any(tokens[j].text == "," for j in range(k + 1, t.head)):
            continue
        verb = next((j for j in reversed(doc.clause_before(k)) if tokens[j].pos == "VERB"), None)
        if verb is not None:
            t.head, t.rel = verb, "obl"


# the meeting nouns a light verb holds (`собирал совещания`); not the gatherings named again of candidates.py
MEETING_OBJECTS = frozenset({"совещание", "заседание", "встреча", "переговоры", "беседа", "консультация", "планерка"})


def session_after_a_place(doc: Doc, sent: int) -> None:
    """The noun of a session that the parser hangs as a genitive on the place before it is the object of the
    light verb that place hangs on, when that verb has none: `собирал у себя на Старой площади совещания по
    Сколково` (read as `the square of the meetings`)."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    light = lexicon.table("event_light_verbs")
    for i in range(s.first + 1, s.last):
        t, place = tokens[i], tokens[i - 1]
        if t.lemma not in MEETING_OBJECTS or t.rel != "nmod" or t.head != i - 1 or place.rel != "obl" \
                or not any(tokens[c].rel == "case" for c in doc.children(i - 1)) or not s.first <= place.head < s.last:
            continue
        verb = place.head
        if tokens[verb].lemma in light and not any(tokens[c].rel == "obj" for c in doc.children(verb)):
            t.head, t.rel = verb, "obj"
            if t.feats.get("Case") == "Gen":  # an inanimate object's form that is a genitive singular is a plural
                t.feats["Case"], t.feats["Number"] = "Acc", "Plur"


def indirect_object_of_verb(doc: Doc, sent: int) -> None:
    """An indirect object (a dative) the parser hangs on the verb's object is the verb's: `вручил орден Михаилу
    Горбачеву`, `Михаилу` read as the order's. Not for a light verb, whose noun's dative it is (`оказал помощь
    Молдавии`: lexicon/event_light_verbs.txt). Nor is it the noun's of a prepositional phrase before the verb
    (`Ближе к вечеру Николаю Толстых позвонил Платини`, `Николаю` read as the evening's)."""
    s = doc.sentences[sent]
    tokens = doc.tokens
    light = lexicon.table("event_light_verbs")
    for i in range(s.first, s.last):
        t = tokens[i]
        if t.rel != "iobj" or not s.first <= t.head < s.last or tokens[t.head].pos not in ("NOUN", "PROPN"):
            continue
        verb = tokens[t.head].head
        if tokens[t.head].rel == "obj" and s.first <= verb < s.last and tokens[verb].pos == "VERB" \
                and tokens[verb].lemma not in light:
            t.head = verb
        elif tokens[t.head].rel == "obl" and any(tokens[c].rel == "case" for c in doc.children(t.head)):
            while s.first <= verb < s.last and tokens[verb].pos != "VERB":
                verb = tokens[verb].head  # `Ближе к вечеру`: the phrase hangs on an adverb of the verb
            if s.first <= verb < s.last and i < verb:
                t.head = verb


def people_from(doc: Doc, sent: int) -> dict[int, NerSpan]:
    """The PER spans of the NER in sentence `sent`, by their first token."""
    return {p.first: p for p in doc.ner if p.type == "PER" and doc.tokens[p.first].sent == sent}


def first_verb(doc: Doc, start: int, stop: int) -> int | None:
    """The first verb in tokens [start, stop) before a clause break, or None."""
    k = next((k for k in range(start, stop) if doc.tokens[k].pos == "VERB" or doc.tokens[k].text in CLAUSE_BREAKS), None)
    return k if k is not None and doc.tokens[k].pos == "VERB" else None


def clause_end(doc: Doc, start: int, stop: int) -> int:
    """The first clause break in tokens [start, stop), or `stop`."""
    return next((k for k in range(start, stop) if doc.tokens[k].text in CLAUSE_BREAKS), stop)


def over_heads_head(doc: Doc, i: int) -> bool:
    """Whether token `i` hangs on a word before it whose own head stands between the two: an arc that crosses
    its head's head, which a phrase after its verb does not make in a Russian clause."""
    head = doc.tokens[i].head
    return 0 <= head < i and head < doc.tokens[head].head < i


def agrees(noun, verb) -> bool:
    """A verb's number and (in the past) gender, where it shows them, are the noun's."""
    return all(verb.feats.get(f) in (None, noun.feats.get(f)) for f in ("Number", "Gender"))


def as_said(doc: Doc, k: int) -> bool:
    """Whether verb `k` heads an aside `как сообщил X ...`, closed by a comma (its `как` a marker)."""
    return any(doc.tokens[c].rel == "mark" and doc.tokens[c].lemma == "как" and c < k for c in doc.children(k))
