"""The modality of an event: asserted, planned, proposed, possible, negated or refused.

In order of precedence:
1. negated — `не` on the trigger or on the verb that carries an event noun (`встреча не состоялась`, `не провели
   переговоров`; but not a verb that says something else of its subject: `разговор не снял напряжения`, nor one
   the noun is a circumstance of: `на встрече вопрос не обсуждался`, `в ходе переговоров не удалось договориться`),
   and an event noun said not to be there (`встречи с Каримовым в графике нет`);
2. the frame's own modality (`готов провести` → proposed);
   then negated again for an event called off (`отменил запланированную встречу`, `встреча была отменена`,
   `переговоры сорвались`), whatever else qualifies it;
3. a word from `lexicon/event_modality.txt` that qualifies an event noun (`возможные переговоры` → possible,
   `предстоящая встреча` → planned) or governs the event, up to three steps above (`намерен встретиться` →
   planned, `может посетить` → possible, `отказался встречаться` → refused; a negated governor gives negated,
   and so does any negated verb the event is the complement of: `не стал встречаться`, `не смог приехать`);
4. the verb form: conditional (`встретился бы`) or a clause under `если` → possible; future (`встретится`,
   `будет встречаться`) → planned;
5. otherwise asserted.
"""

from __future__ import annotations

from functools import cache

from letopis.analysis.document import Doc
from letopis.analysis.events.arguments import Arguments
from letopis.analysis.events.frames import Frame, modality_words

GOVERNING_RELS = ("xcomp", "obj", "obl", "nmod", "ccomp", "csubj", "nsubj", "acl")
MODAL_ADVERB_RELS = ("advmod", "parataxis", "discourse", "amod")
CARRIER_RELS = ("nsubj", "nsubj:pass", "obj", "obl")


def anchor(doc: Doc, i: int) -> int:
    """The token that carries the tense of the event at `i`: the trigger itself, or for an event noun
    the verb it is the subject, object or oblique of (`переговоры пройдут`, `провели встречу`)."""
    t = doc.tokens[i]
    if t.pos in ("NOUN", "PROPN") and t.rel in CARRIER_RELS and t.head >= 0 \
            and doc.tokens[t.head].pos in ("VERB", "AUX"):
        return t.head
    return i


NEGATION_RELS = ("advmod", "discourse", "dep")
# verbs that say whether an event noun, their subject, takes place (`встреча не состоялась`, `переговоров не
# планируется`); any other verb says something of an event that took place (`разговор не снял напряжения`)
HAPPENING = frozenset({"состояться", "пройти", "проходить", "быть", "планироваться", "планировать",
                       "предусматриваться", "предусматривать", "ожидаться", "последовать", "произойти",
                       "происходить", "случиться", "намечаться", "предполагаться", "получиться", "удаться",
                       "начаться", "продолжиться", "стоять", "предстоять", "готовиться", "назначить",
                       "оказаться", "значиться"})  # `встречи с Карзаем в графике не оказалось`


def said_of(doc: Doc, i: int, a: int) -> bool:
    """Whether the event noun at `i` is the subject of verb `a`, which says something of it other than whether
    it takes place: `этот разговор не снял напряжения` (the talk was held), not `встреча не состоялась`; nor
    one of those verbs with a predicate (`встреча не оказалась результативной`)."""
    return a != i and doc.tokens[i].rel in ("nsubj", "nsubj:pass") and (
        doc.tokens[a].lemma not in HAPPENING or any(doc.tokens[k].rel == "xcomp" for k in doc.children(a)))


def negated(args: Arguments, i: int) -> bool:
    return negated_by(args.doc, i, args.children(i, *NEGATION_RELS))


def negated_by(doc: Doc, i: int, kids: list[int]) -> bool:
    """Whether word `i` is negated: `не`/`ни` among its dependents `kids`, or `не` right before it."""
    return any(doc.tokens[k].lemma in ("не", "ни") for k in kids) or (i > 0 and doc.tokens[i - 1].lemma == "не")


def modality(args: Arguments, i: int, frame: Frame) -> str:
    doc = args.doc
    a = anchor(doc, i)
    if negated(args, i) or negated(args, a) and not said_of(doc, i, a) and not args.circumstance(i):
        return "negated"  # not `на совещании дело едва не дошло до ссоры`: what did not happen at one held
    if a != i and doc.tokens[a].lemma == "нет" and doc.tokens[i].rel in ("nsubj", "nsubj:pass"):
        return "negated"  # `встречи с Каримовым в графике нет`: there is none
    if frame.modality:
        return frame.modality
    if calling_off(args, a):  # `отменил запланированную встречу`: called off, whatever it was planned as
        return "negated"
    for k in (i, a):  # `возможные переговоры`, `предстоящая встреча` (the walk checks only the anchor's)
        for m in args.children(k, "amod"):
            if doc.tokens[m].lemma in modality_words():
                return modality_words()[doc.tokens[m].lemma]
    if a != i and doc.tokens[a].lemma in modality_words() and not args.circumstance(i):  # `договорились о встрече`
        return modality_words()[doc.tokens[a].lemma]
    governed = governing_modality(args, a)
    if governed:
        return governed
    return verb_form_modality(args, a)


@cache
def calling_off_words() -> frozenset[str]:
    """The words lexicon/event_modality.txt marks `negated`: cancelling a meeting or denying one (`отменить`,
    `сорваться`, `отказать в свидании`)."""
    return frozenset(word for word, mood in modality_words().items() if mood == "negated")


def calling_off(args: Arguments, i: int) -> bool:
    """Whether the event at `i` (its anchor) is called off: the anchor is a word of cancelling
    (`встреча была отменена`, `переговоры сорвались`) or one governs it (`отменил встречу`, `отмена визита`)."""
    doc = args.doc
    words = calling_off_words()
    k = i
    for _ in range(3):
        if doc.tokens[k].lemma in words:
            return True
        t = doc.tokens[k]
        if t.head < 0 or t.rel not in GOVERNING_RELS:
            return False
        k = t.head
    return doc.tokens[k].lemma in words


def governing_modality(args: Arguments, i: int) -> str | None:
    """The modality a word above `i` sets (`намерен встретиться`), or a modal word beside it or beside a
    word above it (`вероятно посетит`, `возможно, удастся встретиться`)."""
    words = modality_words()
    k = i
    for step in range(4):
        for m in args.children(k, *MODAL_ADVERB_RELS):
            if args.doc.tokens[m].lemma in words:
                return words[args.doc.tokens[m].lemma]
        t = args.doc.tokens[k]
        if step == 3 or t.head < 0 or t.rel not in GOVERNING_RELS or args.circumstance(k):
            return None
        k = t.head
        lemma = args.doc.tokens[k].lemma
        if lemma in words:
            return "negated" if negated(args, k) else words[lemma]
        if t.rel == "xcomp" and negated(args, k):  # `не стал встречаться`, `не считает нужным отчитываться`
            return "negated"
    return None


def verb_form_modality(args: Arguments, i: int) -> str:
    doc = args.doc
    t = doc.tokens[i]
    aux = [doc.tokens[k] for k in args.children(i, "aux", "aux:pass")]
    if t.feats.get("Mood") == "Cnd" or any(a.lemma == "бы" for a in aux) or under_condition(args, i):
        return "possible"
    if t.feats.get("Tense") == "Fut" or any(a.text.lower().startswith("буд") for a in aux):
        return "planned"
    return "asserted"


def under_condition(args: Arguments, i: int) -> bool:
    """Whether the clause of `i` (or one it is the complement of) opens with `если`."""
    k = i
    for _ in range(3):
        if any(args.doc.tokens[m].lemma == "если" for m in args.children(k, "mark")):
            return True
        t = args.doc.tokens[k]
        if t.head < 0 or t.rel not in ("xcomp", "conj"):
            return False
        k = t.head
    return False
