"""Roles a person takes or holds, told by a verb rather than an apposition: a title in the instrumental after a
verb of appointing or holding a post (`назначил Кудрина министром финансов`, `избрало президентом РАН
академика Владимира Фортова`, `президентом стал Медведев`, `Кудрин был назначен министром финансов`).

Part of the entities stage (requires where its people's names stand and its role phrases; gives the groups
roles and role mentions): the person is the one named between the verb and the title, the name right after
the title (one more title may stand between: `академика`), or the one named in the nominative before the verb
in its sentence, unless a clause boundary stands between.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from letopis.analysis.document import Doc

if TYPE_CHECKING:
    from letopis.analysis.entities import Group, RolePhrase

PREDICATE_VERBS = frozenset({  # a title in the instrumental after these is the role a person takes or holds
    "назначить", "назначать", "избрать", "избирать", "переизбрать", "утвердить", "утверждать", "выбрать",
    "стать", "становиться", "являться", "работать", "служить", "остаться", "оставаться", "числиться"})
PREDICATE_REACH = 3  # tokens between the verb and its title


def attach(doc: Doc, name_at: dict[int, Group], phrases: list[RolePhrase]) -> set[int]:
    """Roles a person is appointed to or holds, a title in the instrumental after a verb of taking or holding a
    post: `избрало президентом РАН академика Владимира Фортова`, `Кудрин был назначен министром финансов`,
    `Путин стал президентом`. The person is the name right after the title (one more title may stand between:
    `академика`), else the one named in the nominative before the verb in its sentence. Returns the starts of
    the phrases attached. `name_at`: the first token of each name mention → its person (`entities.name_index`)."""
    by_first = {p.first: p for p in phrases}
    attached = set()
    for p in phrases:
        title = doc.tokens[p.head]
        if title.feats.get("Case") != "Ins" or title.feats.get("Number") == "Plur":
            continue
        verb = predicate_verb(doc, p.first)
        if verb is None:  # `президентом стал Дмитрий Медведев`
            if p.last + 1 < len(doc.tokens) and doc.tokens[p.last].lemma in PREDICATE_VERBS \
                    and doc.tokens[p.last + 1].feats.get("Case") == "Nom":
                g = name_at.get(p.last + 1)
                if g is not None:
                    g.take(doc, p)
                    attached.add(p.start)
            continue
        after = by_first.get(p.last)  # `президентом РАН академика Владимира Фортова`: the name after one more title
        g = object_between(doc, name_at, verb, p.first) or name_at.get(p.last) or \
            (name_at.get(after.last) or name_at.get(after.first + 1) if after is not None else None)
        if g is None:
            g = subject_before(doc, name_at, verb)
        if g is None:
            continue
        g.take(doc, p)
        attached.add(p.start)
    return attached


def predicate_verb(doc: Doc, first: int) -> int | None:
    """The verb of taking or holding a post right before token `first` (adverbs, dates and the appointee's
    name between: `назначил Кудрина министром`), or None."""
    sent_first = doc.sentences[doc.tokens[first].sent].first
    for k in range(first - 1, max(sent_first, first - 1 - PREDICATE_REACH - 3) - 1, -1):
        t = doc.tokens[k]
        if t.lemma in PREDICATE_VERBS:
            return k
        if t.pos not in ("ADV", "AUX", "NUM", "PROPN") and not t.text.isdigit():
            return None
    return None


def object_between(doc: Doc, name_at: dict[int, Group], verb: int, first: int) -> Group | None:
    """The person named in the accusative between a verb of appointing and its title (`назначил Кудрина
    министром`), or None."""
    for k in range(verb + 1, first):
        g = name_at.get(k)
        if g is not None and doc.tokens[k].feats.get("Case") in ("Acc", "Gen"):
            return g
    return None


def subject_before(doc: Doc, name_at: dict[int, Group], verb: int) -> Group | None:
    """The one person named in the nominative before `verb` in its sentence, nearest first; None when a
    clause boundary (a comma followed by a relative or a conjunction) or another person stands nearer."""
    sent_first = doc.sentences[doc.tokens[verb].sent].first
    for k in range(verb - 1, sent_first - 1, -1):
        t = doc.tokens[k]
        if t.text in (";", ":") or t.lemma in ("который", "что", "чтобы", "но", "а"):
            return None
        g = name_at.get(k)
        if g is not None:
            last = k
            while last + 1 < verb and name_at.get(last + 1) is None and doc.tokens[last + 1].pos == "PROPN":
                last += 1
            return g if doc.tokens[last].feats.get("Case") == "Nom" else None
    return None
