"""The other people of a meeting's sentence: a sentence that tells of a meeting names its participants in
ways the parser often hangs elsewhere (`Сергей Неверов на недавней встрече с Владимиром Путиным озвучил`,
`встречи с сотнями людей, среди них премьер-министр Борис Джонсон и его подруга Кэрри Симондс`, `с
замминистра Бобом Уорком, ..., а также главой комитета Мартином Демпси`).

When a MEET or NEGOTIATE event already names a participant from the syntax, every other person its trigger's
sentence names joins it, if the person

- is named in the nominative (a subject: `X на встрече с Y заявил`), the instrumental (a partner: `с X`) or
  the dative (the one addressed: `сообщил депутату во время встречи`), never in the genitive or accusative
  (`семья Манделы`, `из-за Макрона`, `поражение Джонса`), where a name is most often someone talked about,
  nor a name tagged nominative that the parse calls an object (`принял Си Цзиньпина`: one that does not
  decline);
- in the dative or instrumental with no preposition, on a verb, is on the trigger, on a verb the trigger
  hangs below (`сообщил депутату во время встречи`) or on one that describes it (`встреча, созванная
  Аннаном`), not addressed or the agent in another clause
  (`встретится с Си ..., намерен передать пост Петрову`, `в резиденции, назначенной Медведевым`; a name the
  parser hangs on a noun is most often a title's, in apposition: `с автором закона ... Виталием Милоновым`);
- stands after no preposition but one of company (`с X`, `между X`, `перед X`) or `к` of a visit (`пришел к
  Путину`, `в гости к Лужкову`): `обращение к Медведеву`, `благодаря Лаврову`, `следить за Обамой` name
  someone away from the table;
- is not the subject of a verb of speech or of citing, nor where the speaker of a quote is named (`сообщил
  Песков`, `Зайберт, сославшись на итоги встречи, сообщил, что ...`): the one who reports a meeting is not
  thereby at it, nor the subject of a negated verb (`в котором не участвовал Громов`);
- stands on the same side of a quote's edge as the trigger (a quote is another voice).

Requires: the event's sentence parsed, entities, quotes. Assigns: more actors (nominative) and targets.
"""

from __future__ import annotations

from letopis.analysis import lexicon
from letopis.analysis.document import Doc, Token
from letopis.analysis.events.arguments import GUESTS, HOMES
from letopis.analysis.events.candidates import TALKS
from letopis.analysis.events.frames import frame_of, occasions
from letopis.analysis.events.modality import NEGATION_RELS, negated_by
from letopis.model import Event

JOINING_CASES = {"Nom": "actor", "Ins": "target", "Dat": "target"}
NAME_RELS = ("appos", "flat", "flat:name", "conj")
CITING_VERBS = frozenset({"сослаться", "ссылаться", "цитировать", "процитировать"})
COMPANY_PREPOSITIONS = frozenset({"с", "со", "между", "перед"})  # `с X`, `между X и Y`, `выступил перед X`


def join_sentence_people(doc: Doc, events: list[Event]) -> None:
    speech = lexicon.table("speech_verbs").keys() | CITING_VERBS
    reporters = [(q.speaker.start, q.speaker.stop) for q in doc.quotes
                 if q.speaker is not None and q.speaker.start is not None and q.speaker.stop is not None]
    for event in events:
        named = set(event.actors + event.targets)
        if event.type not in TALKS or not named:
            continue
        trigger = doc.token_at(event.trigger.start)
        for entity in doc.entities:
            if entity.type != "PER" or entity.id in named:
                continue
            here = [m for m in entity.mentions if event.sentence[0] <= m.start < event.sentence[1]
                    and doc.quote_at(m.start) == event.source]
            if any(a < m.stop and m.start < b for m in here for a, b in reporters):
                continue  # one name of the person there is the speaker's
            slots = [slot_of(doc, doc.tokens_in(m.start, m.stop), speech, trigger) for m in here]
            slot = next((s for s in slots if s is not None), None)
            if slot is not None and "reporter" not in slots:
                (event.actors if slot == "actor" else event.targets).append(entity.id)


def describes(doc: Doc, verb: int, trigger: int) -> bool:
    """Whether `verb` is a participle on the trigger or on its genitive (`встреча «группы», созванная X`; not
    on a place: `переговоры в резиденции, назначенной X`)."""
    v = doc.tokens[verb]
    return v.rel == "acl" and (v.head == trigger or v.head >= 0 and doc.tokens[v.head].head == trigger
                               and not any(doc.tokens[k].rel == "case" for k in doc.children(v.head)))


def goes_to(t: Token) -> bool:
    """Whether `к` + a person on word `t` is a visit to them: on a verb (`пришел к Путину`) or a place's name
    the parser hung it on (`прилетел в Сочи к Путину`), a meeting's noun, an occasion or a home (`визит к
    Путину`, `в гости к Лужкову`, `на дачу к Юмашеву`); not a noun of something else (`обращение к X`)."""
    return t.pos != "NOUN" or frame_of(t.lemma) is not None or t.lemma in occasions()[0] \
        or t.lemma in HOMES or t.lemma in GUESTS


def slot_of(doc: Doc, span: range, speech: set[str] | frozenset[str], trigger: int | None = None) -> str | None:
    """`actor` or `target` for a mention that may be a participant, `reporter` for the subject of a verb of
    speech, else None (see the module's rules); `trigger`: the token of the meeting's trigger."""
    if not span:
        return None
    head = next((i for i in span if not span.start <= doc.tokens[i].head < span.stop), span.start)
    t = doc.tokens[head]
    slot = JOINING_CASES.get(t.feats.get("Case", ""))
    if slot is None or slot == "actor" and t.rel in ("obj", "iobj"):
        return None  # `он принял Си Цзиньпина`: a name tagged nominative that the parse (mended) calls an object
    marks = [k for k in doc.children(head) if doc.tokens[k].rel == "case" and k < head]
    preposition = doc.tokens[max(marks)].lemma if marks else None  # the nearest: the parser may hang others there
    if preposition is not None and preposition not in COMPANY_PREPOSITIONS and not (
            preposition == "к" and t.head >= 0 and goes_to(doc.tokens[t.head])):
        return None  # `обращение к Медведеву`, `благодаря Лаврову`: someone away from the table
    for _ in range(3):  # up from a name in apposition: `пресс-секретарь Дмитрий Песков сообщил`
        if t.rel not in NAME_RELS or t.head < 0:
            break
        t = doc.tokens[t.head]
    if slot == "target" and not preposition and trigger is not None and t.head >= 0 \
            and doc.tokens[t.head].pos == "VERB" and not describes(doc, t.head, trigger) \
            and t.head != trigger and not doc.below(trigger, t.head):
        return None  # `встретится с Си ..., намерен передать пост Петрову`, `в резиденции, назначенной
        # Медведевым`: addressed, or the agent, in another clause
    if t.rel in ("nsubj", "nsubj:pass") and t.head >= 0 and doc.tokens[t.head].lemma in speech:
        return "reporter"
    if t.rel in ("nsubj", "nsubj:pass") and t.head >= 0 and negated_by(
            doc, t.head, [k for k in doc.children(t.head) if doc.tokens[k].rel in NEGATION_RELS]):
        return None  # `совещание, в котором не участвовал Громов`: not there
    return slot

