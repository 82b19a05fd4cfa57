"""Heads of organisations and places told otherwise than by a title: `Министерство обороны во главе с Анатолием
Сердюковым`, `Российский союз правообладателей (РСП) во главе с Никитой Михалковым` (the person named after
`во главе с`, a title or a possessive allowed before the name, heads the organisation named right before it),
`Евгений Куйвашев руководит Свердловской областью`, `Сечин возглавляет «Роснефть»` (the one named in the
nominative before a verb of heading heads the organisation or place named right after it; `Собянин руководил
Тюменской областью`, in the past of a verb of holding, headed it once). The role is
`глава Министерства обороны`, whose key is the one an apposition `глава Министерства обороны X` gives, so the
equivalents of lexicon/role_equivalents.txt apply to it too (`глава Свердловской области` is the `губернатор`).

Part of the entities stage (requires the NER spans and where people's names stand; gives the groups roles).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from letopis.analysis.document import Doc, NerSpan
from letopis.analysis.morph_guard import morph_vocab
from letopis.analysis.normalize import recover_shape
from letopis.analysis.predicate_roles import subject_before

if TYPE_CHECKING:
    from letopis.analysis.entities import Group

LED_BY = ("во", "главе", "с")
TITLE = "глава"
REACH = 3  # words between `во главе с` and the name: `во главе с ее бывшим лидером X`
HEADING_VERBS = frozenset({"руководить", "возглавлять", "возглавить"})  # `руководит областью`, `возглавляет «Роснефть»`
HOLDING_VERBS = frozenset({"руководить", "возглавлять"})  # whose past is a post left (`руководил`, not `возглавил`)


def attach(doc: Doc, name_at: dict[int, Group]) -> None:
    """Gives the person named after `во главе с` the role of head of the organisation named before it, and the
    subject of a verb of heading that of the organisation or place named after the verb. `name_at`: the first
    token of each name mention → its person (`entities.name_index`)."""
    from letopis.analysis.entities import fold

    organisations = {s.last: s for s in doc.ner if s.type == "ORG"}
    for k in range(len(doc.tokens) - len(LED_BY)):
        if tuple(doc.tokens[k + n].text.lower() for n in range(len(LED_BY))) != LED_BY:
            continue
        org = organisations.get(k)
        if org is None and k >= 3 and doc.tokens[k - 1].text == ")":
            org = organisations.get(k - 3)  # `Российский союз правообладателей (РСП) во главе с X`
        if org is None:
            continue
        after = k + len(LED_BY)
        person = next((name_at[j] for j in range(after, min(after + REACH + 1, doc.sentences[doc.tokens[k].sent].last))
                       if j in name_at), None)
        if person is not None and person.type == "PER":
            person.add_role(f"{TITLE} {genitive(org)}", (TITLE, fold(org.normal)))
    headed = {s.first: s for s in doc.ner if s.type in ("ORG", "LOC")}
    for k, t in enumerate(doc.tokens):
        if t.lemma not in HEADING_VERBS or t.pos != "VERB":
            continue
        after = k + 1
        if after < len(doc.tokens) and doc.tokens[after].text in ("«", '"'):
            after += 1  # `возглавляет «Роснефть»`
        place = headed.get(after)
        person = subject_before(doc, name_at, k)
        if place is not None and person is not None and person.type == "PER":
            # `когда Собянин руководил Тюменской областью`: the past of a verb of holding is a post held once
            former = t.lemma in HOLDING_VERBS and t.feats.get("Tense") == "Past"
            person.add_role(f"{TITLE} {genitive(place)}", (TITLE, fold(place.normal)), former)


def genitive(org: NerSpan) -> str:
    """The organisation's name in the genitive: its leading adjectives and its first noun inflected, the rest as
    the nominative has it (`Министерство обороны` → `Министерства обороны`)."""
    words = org.normal.split()
    out = []
    for n, word in enumerate(words):
        parses = [p for p in morph_vocab().parse(word.lower()) if "nomn" in p.tag.grammemes
                  and p.tag.POS in ("NOUN", "ADJF")]
        form = parses[0].inflect({"Gen"}) if parses else None
        out.append(recover_shape(form.word, word) if form is not None else word)
        if not parses or parses[0].tag.POS == "NOUN":
            return " ".join(out + words[n + 1:])
    return " ".join(out)
