"""A talk told by how long it lasted, after the clause that brought its people together: `Лигачева принял
Брежнев: разговор продолжался минут двадцать`, `к молодому физику подошёл Ельцин, и разговор затянулся почти
на час`, `когда Головков привез его в Архангельское, разговор затянулся до утра`. The talk noun names no one;
the clause before it, in the same sentence, has a verb whose subject is a person and whose object, or whose
complement with `к`, `с` or `у`, is another: they are the ones who talked.

The verbs of lasting and beginning are lexicon/event_lasting_verbs.txt. Outside quotes only.

Requires: the trigger's sentence parsed (Arguments), entities. Assigns: the actors (the subject) and targets
(the other) of a talk noun that names no one of its own.
"""

from __future__ import annotations

from functools import cache

from letopis.analysis import lexicon
from letopis.analysis.events.arguments import Arguments

MEETING_PREPOSITIONS = frozenset({"к", "с", "у"})  # `подошёл к X`, `сидел с X`, `был у X`
OBJECT_RELS = frozenset({"obj", "iobj"})


@cache
def lasting_verbs() -> frozenset[str]:
    return lexicon.words("event_lasting_verbs")


def lasting_talk_people(args: Arguments, i: int) -> tuple[list[str], list[str]]:
    """(actors, targets) for the talk noun at `i` when it is the subject of a verb of lasting and names no one
    (the module's rule); two empty lists otherwise."""
    doc = args.doc
    t = doc.tokens[i]
    if t.pos != "NOUN" or t.rel != "nsubj" or t.head < 0 or doc.tokens[t.head].lemma not in lasting_verbs() \
            or doc.quote_at(t.start) is not None:
        return [], []
    s = doc.sentences[t.sent]
    for v in range(i - 1, s.first - 1, -1):  # the nearest verb before the talk that brings two people together
        if doc.tokens[v].pos != "VERB" or doc.below(v, i):
            continue
        actors = [e.id for e in args.entities_of_subject(v) if e.type == "PER"]
        targets = [e.id for k in range(s.first, s.last) if brought(args, k, v) and not doc.below(k, i)
                   for e in args.entities(k) if e.type == "PER" and e.id not in actors]
        if actors and targets:
            return actors, targets
    return [], []


def brought(args: Arguments, k: int, v: int) -> bool:
    """Whether token `k` is the object of verb `v`, or a word with `к`, `с` or `у` in its clause, however the
    parser hung it there (`к Валерию Гергиеву` read as on `после концерта`)."""
    doc = args.doc
    t = doc.tokens[k]
    if t.head == v and t.rel in OBJECT_RELS:
        return True
    if args.preposition(k) not in MEETING_PREPOSITIONS:
        return False
    h = t.head
    while h >= 0 and h != v:
        if doc.tokens[h].pos == "VERB":
            return False  # in a clause of its own
        h = doc.tokens[h].head
    return h == v
