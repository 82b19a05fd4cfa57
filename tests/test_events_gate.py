"""The events gate: pinned floors for Meeting events on factRuEval-2016, NEREL, letopis's own annotation of
the shared corpus and the articles written for letopis, that a change may not lower silently.

Measured with `letopis eval events --split test`, `--split dev`, `--data nerel --split tune`, `--data corpus
--split tune|check`, `--data written --split tune|check` and `--data devset --split all` (how they are
counted: the docstring of `letopis.evaluation.events`); the floors sit a little below the figures (the table
gives those at the thirtieth round's end). A change that lowers one must say so and lower the floor here in
the same commit; a change that raises one should raise it. If the gold data changes, its hash fails first:
re-measure.

    data        split  recall                precision (events naming 2+ people)   strict precision (all events)
    factRuEval  test   0.569 (29 of 51)      0.714 (30 of 42)                      0.455 (30 of 66)
    factRuEval  dev    1.000 (5 of 5)        0.778 (7 of 9)                        0.500 (7 of 14)
    NEREL       tune   0.962 (25 of 26)      0.903 (28 of 31)                      0.757 (28 of 37)
    corpus      tune   0.588 (47 of 80)      0.927 (51 of 55)                      0.718 (51 of 71)
    corpus      check  0.441 (41 of 93)      0.857 (42 of 49)                      0.568 (42 of 74)
    written     tune   0.896 (1537 of 1716)  0.865 (1544 of 1785)                  0.768 (1544 of 2011)
    written     check  0.806 (1386 of 1719)  0.844 (1435 of 1701)                  0.728 (1435 of 1970)
    devset      all    0.909 (10 of 11)      0.923 (12 of 13)                      0.667 (12 of 18)

The dev floor for precision (0.7) holds 7 of 9 and would not hold 7 of 11: two more false events on the
5 dev articles fail it. The written set is shipped with
letopis, so its runs need no `../shared`. The issue's target is 0.7 for both on the factRuEval test set;
recall is still short of it. The test precision floor went from 0.69 to 0.66 in the fourth round, when rules
chosen on the written set added for a while one event naming two people that matches no gold Meeting, and
back to 0.69 at its end; in the fifth, decoding the parse as a tree raised it to 0.71, and titles of a country
tied to the sentence before's subject by surname raised both floors. In the sixth, the list of public figures
added three events naming two people that match no gold Meeting (it raised written tune and check by 27 and
2 meetings), and the floor went to 0.67 while recall's went to 0.54; the test set is not inspected. The
written set grew by four batches in the sixth round (hashes and counts changed). `devset` is letopis's own
annotation of factRuEval's devset texts, run whole (its 11 meetings are too few to halve). In the seventh,
test recall rose to 0.569 (floor 0.56) and precision went 0.675 → 0.725 → 0.698 (a plural title shared out
among the names it stands over added events the written set scores right; floor 0.69), corpus tune rose
(floors 0.62/0.85) and written tune (0.74/0.79). In the eighth, a title with one country's adjective stopped
matching the holder of another's (`Израильскому премьеру` is not the `британский премьер`): test precision
0.698 → 0.714 (floor 0.70), devset 0.778 → 0.875 (floor 0.87); written tune rose to 0.787/0.824 (floors
0.78/0.82), written check to 0.653/0.785 (0.65/0.78), corpus tune to 0.656/0.897 (0.65/0.89). In the
ninth (head-of titles kept apart, meetings in someone's home, a profile's protagonist, partners in the plural,
titles named two sentences on), written tune rose to 0.801/0.826 (floor 0.80/0.82) and written check to
0.659/0.788; the other sets did not move. In the tenth, company on a visit became a meeting (`Путина
сопровождали Козак и Ткачев`, `в сопровождении Иксанова`): NEREL precision 0.840 → 0.808 (floor 0.80), as a
son who went up Everest with his father (`Миура, которого сопровождали его сын Гото`) is no meeting there, the
gold meeting of the two being a call the text spells with `Гота`. The written set grew by the long narratives
`wn` (tune) and `wo` (check): hashes and counts changed (0.781/0.833 and 0.642/0.800 when they were added);
the round's rules then raised written tune to 0.811/0.839 (floor 0.80/0.83) and check to 0.665/0.802 (floor
0.65/0.80). In the eleventh, a person in the dative that the parser hung under the verb's object became the
verb's (`вручил прошение об отставке королеве Елизавете`) and `друг с другом` said of two people became a
partner: corpus tune 0.656/0.897 → 0.719/0.903 (floors 0.71/0.90); NEREL precision 0.808 → 0.778 (floor 0.77),
as Brown handing his resignation to the Queen in person is a meeting under letopis's guideline (the corpus
set lists it for the same article) but NEREL marks meetings only where a meeting word stands. An oblique
the parser hung above a relative clause's verb became the verb's (`присутствовал на приеме, где сидел за
одним столом с X`): NEREL 0.731/0.786 (floor 0.73/0.77). A named place or organisation beside another subject
became the object it can be read as, and `представить` a verb of presence (`Совет Федерации на мероприятии
представят сенаторы X и Y`): corpus tune 0.750/0.906 (floor 0.74/0.90). A subject before the conjunction that
opens a clause became the clause above's, and the words before a verb of presence in its clause count for
the word standing for the meeting (`Впервые на подобном мероприятии обещал быть X, а Y отказался`, with `на
мероприятии` hung on the second verb): devset 0.545/0.875 → 0.636/1.000 (floor 0.63/0.87). Heads told by `во
главе с` or a verb of heading (`Куйвашев руководит Свердловской областью`) got the role, and a bare title
heading a list of people stopped lending itself to the next name, a meeting with a group named by a noun
took those the next sentence says came, and a call with no caller named took the one a clause after a dash
names (`Дубине позвонили из Киева — звонил лично Ющенко`): written tune 0.811/0.839 → 0.816/0.841. In the
twelfth, a word the parser hung on the verb of a subordinate clause that opens after it went back to its own
clause's verb (`отправиться в Дамаск для встречи с Асадом, выразил надежду, что ... прислушается`): corpus
tune precision 0.906 → 0.900, as two duplicate events of a meeting already found went with the misparse that
made them; a bare title naming the holder whose role names a place the sentence names, before one the title
fits better (`в Ярославле ... встречался с губернатором`), and the people listed after `с участием` to the end
of its clause, wherever the parser hung them, raised corpus tune to 0.812/0.935 (floor 0.81/0.92);
with the round's other rules (a pronoun for a part of the talks, people asked to a
session by a relative clause, a role with the place of the post, `с ними был X`, sessions named by a later
mention) written tune rose to 0.836/0.847 (floor 0.83/0.84) and written check to 0.674/0.803 (floor 0.67/0.80).
In the thirteenth, more clause boundaries kept in the parse (an oblique after the second of two joined verbs,
one opening a clause after `, и`, a participle's or gerund's phrase up to its comma, `мы/они с X`, an aside
`как сообщил X ...`) and more ways of telling who was at a meeting (`к ним`/`к президентам`/`к Лаврову и Керри
присоединился X`, a relative clause past the noun's partner, people glued by the NER to the place before them,
a separate or second meeting kept apart, the heads of its delegations, a title set off after a name by
`тогда`) raised written tune to 0.856/0.855 (floor 0.85/0.85) and written check to 0.677/0.807; telling a
person a decision (`сообщили это решение Кану`) raised devset to 0.727/1.000 (floor 0.72/0.87).
In the fourteenth, more of the parse mended (a phrase after a verb hung over it on a noun before it, a subject
left behind on a noun far before, a dative hung on the verb's object, a relative clause's subject, a
participle before its noun), names (a patronymic-looking surname, a given name's gender, a man's genitive
misread as a woman's name) and ways of meeting (`у X собрались`, `его ждал X`, `которое провел X`) raised
written tune to 0.862/0.857 (floor 0.86/0.85) and written check to 0.681/0.811 (floor 0.68/0.81); one person
asking another (`спрашивал Ларионова`) raised corpus tune to 0.844/0.938 (floor 0.84/0.93), written tune
precision falling to 0.856 by one event. In the fifteenth, the written set grew by four batches written for
the round, `wp` and `wr` (tune, 74 and 81 meetings) and `wq` and `ws` (check, 72 and 123; `wr` and `ws` were
written mid-round and scored on the round's starting commit too); with the round's rules (names, titles, the
parse, ways of meeting) the grown halves are written tune 0.852/0.845 (floor 0.85/0.84) and check 0.734/0.835
(floor 0.73/0.83). In the sixteenth, two more batches written for the round, scored on its starting commit
before any was read: `wt` (tune, 82 meetings: 63 found, 62 of 83 events match) and `wu` (check, 78: 63
found, 60 of 74); the grown halves start at written tune 0.845/0.836 and check 0.744/0.832. With the round's rules (titles
named by kin, former titles, the head of a state; an object pronoun's topic; a seat at a meal, `кроме`) they
were written tune 0.855/0.843 and check 0.749/0.838. Two more batches written mid-round, scored on the commit
they were asked for at (99cf7de) before any was read, `wv` (tune, 86 meetings: 63 found, 62 of 76 events
match) and `ww` (check, 79: 57 found, 60 of 81), left the grown halves at written tune 0.850/0.845 and check
0.746/0.824. With the rest of the round's rules (a word for a country's people, organisations' short names, a
dative before the verb, a nominative read as an object, groups named by what they do, a meeting offered kept
beside the offer, a bare title for one named before) they are written tune 0.856/0.846 (floor 0.85/0.84) and
check 0.752/0.825 (floor 0.74/0.82). In the seventeenth, the corpus set grew by 13 NEREL texts with
`встретил` (9 meetings): tune 0.800/0.912 (floor 0.80/0.91), check 0.531/0.839 (floor 0.53/0.83); the
round's rules (ways of meeting told by verbs of sitting, showing, telling, persuading, a companion on a trip,
a meal as a circumstance; parse repairs; `Сергей Семенович`; the speaker's `он`) raised written tune to
0.877/0.850 (floor 0.87/0.84) and check to 0.764/0.826 (floor 0.76/0.82). In the eighteenth, one present
at what the sentence before told its subject doing (`При этом присутствовал Путин`) raised the devset to
0.818/1.000 (floor 0.81/0.87); titles of a kind of body, pronouns and epithets raised written tune to
0.879/0.850 and check precision to 0.825 (floors unchanged). In the nineteenth, parse repairs read from corpus
prose (a conjunct on the verb before it, a subject on the nearer verb, an oblique kept before a comma) and
frame fixes raised written tune to 0.880/0.851 and check precision to 0.827 (floors unchanged). In the
twentieth, names that do not decline read as the one called (`Путин позвонил Лукашенко`), people present by a
second verb of presence, `американский гость` as the one named before, `подзащитный` and a sentence ending
after `Это'о` raised corpus check to 0.551/0.844 (floor 0.55/0.84); the written set grew by `wx` (tune; 58 of
64 found, 62 of 70 events matching on the round's starting commit, before any of it was read) and `wy` (check,
never read; 49 of 62 and 54 of 67 on both the round's first and last commits); later rules from the tune texts
raised written tune to 0.891/0.855 (floor 0.88/0.85), and written check stands at 0.773/0.828 (floor
0.77/0.82). In the twenty-first, the corpus set took in 703 more texts (89 meetings told without the usual
words, read by helpers blind to letopis): hashes and counts changed, and the same code that gave 0.800/0.912
and 0.551/0.844 gives 0.500/0.860 on tune and 0.387/0.833 on check (floors 0.50/0.86 and 0.38/0.83). A
name made of the leading words of one longer name joining it (`Ахмад Шахом` is Ахмад Шах Масуд) raised NEREL
tune to 0.808/0.793 (floor 0.80/0.79) and check precision to 0.837; with it and `знакомиться`, corpus tune
went to 0.525/0.882 (floor 0.52/0.88). An invitation `на встречу` or `для разговора` as a meeting added one
event that names three of a gold meeting's four (written tune precision 0.854; floor unchanged). In the
twenty-second, people away from the table kept out of a meeting of their sentence (after a preposition such as `к`
on a noun or `благодаря`, or in the dative or instrumental of another clause) raised test precision to 0.732 (30
of 41; floor 0.72); a kin noun read as the person of the subject's surname found Алла Бут's visit to her husband,
which factRuEval's dev gold does not list apart from the family's visit of four (dev precision 6 of 8; floor 0.7
kept). The evaluation began comparing a participant also with the surnames the entity's name mentions write
(`Дэвид Кэмерон`, `Дэвида Камерона`): NEREL tune 0.885/0.862 (floor 0.88/0.86; with a faction head as the
`депутат`, 0.923/0.867, floor 0.92/0.86, and corpus check 0.398/0.841, floor 0.39/0.84), written tune 0.893/0.857
(floor 0.89/0.85), written check 0.792/0.847 (floor 0.79/0.84); devset precision 0.909 (10 of 11, the same visit;
floor 0.87 kept). In the twenty-third, a session announced before its first mention that names people, and
who says what its body did (`Кудрин сообщил, что правительство одобрило`), raised the devset to 0.909/0.917
(floor 0.90/0.91); a plural title over one complement given to each name after it, the one who goes from
meeting to meeting, a partner on an adverb, a person joined to a place, `в присутствии X` in the sentences
after a meeting and a surname kept from being a place raised written tune to 0.898/0.855 (floors kept), while
written check went 577 → 576 (0.792/0.847, floors kept). In the twenty-fourth, the written set grew by `wz`
(tune) and `xa` (check), long narrative pieces with one main character (45 of 68 and 37 of 70 found on the
round's commit 7d1f11a, before any was read): hashes and counts changed, and the same code gave 0.889/0.852 on
tune (1029 of 1157; floor 0.88/0.85) and 0.770/0.848 on check (614 of 797; floor 0.76/0.84); the round's
rules (bare titles only for one named before, the story's main character among several a bare title fits,
turns of speech at a session, a chair named by a pronoun, captions, parse repairs) raised written tune to
0.895/0.856 (floor 0.89/0.85), check to 0.774/0.853 (floor 0.77/0.85), NEREL tune to 0.962/0.900 (floor
0.96/0.90), corpus tune to 0.575/0.907 (floor 0.57/0.90) and corpus check to 0.419/0.848 (floor 0.41/0.84).
In the twenty-fifth, the written set grew by `xb` and `xd` (tune) and `xc` and `xe` (check), long narrative
pieces again, each pair scored before any of it was read (33 of 62 and 50 of 66 on e52784a; 53 of 66 and 48
of 65 on c02014d): hashes and counts changed. With the round's rules (titles held then and now, `они с X`
and the protagonist, trips and walks together, a session's host and convener, a list after a dash, `ё` read
as `е`) written tune is 0.896/0.858 (1151 of 1285; floor 0.89/0.85), written check 0.782/0.857 (726 of 928;
floor 0.78/0.85), and corpus tune precision 0.925 (floor 0.92). In the twenty-sixth, the written set grew by
three rounds of fresh batches written blind this session: `xf`/`xh` (tune) and `xg`/`xi` (check), each pair
scored before any of it was read (137 of 151 and 111 of 132 on 2c37a05; 79 of 96 and 76 of 87 on 907f954), and
`xk` (check, 32 pieces, never read; 164 of 191 both on 2c37a05 and at the round's end): hashes and counts
changed. On the grown set the round's starting code gives tune 0.892/0.858 (1367 of 1532) and check
0.805/0.855 (1077 of 1338); with the round's rules (parse repairs, lists after `тех, кто` and after a dash
of participants, an introduction, a companion who is not the pronoun, a noun naming no one) written tune is
0.898/0.858 (1376 of 1532; floor 0.89/0.85) and written check 0.806/0.854 (1079 of 1338; floor 0.80/0.85).
In the twenty-seventh, the talks an agreement between people implies (a NEGOTIATE beside the AGREE), the
imperfectives of trigger verbs and parse repairs raised written tune to 0.901/0.858 (1381 of 1532; floor
0.90/0.85), written check to 0.809/0.852 (1082 of 1338), corpus tune to 0.588/0.926 (floor 0.58/0.92), corpus
check to 0.441/0.857 (floor 0.44/0.85), dev precision to 0.778 and devset precision to 0.923 (floor 0.92). The
written set then grew by `xm` (check, 32 pieces written blind at the round's end and never read; 141 of 175
found both on the round's starting commit 6fdcd16 and at its end, 150 of 198 events matching): hashes and counts
changed, and written check is 0.808/0.839 (1223 of 1513; floor 0.80/0.83). The batch's precision is lower than
the other batches' (its brief asked for meetings cancelled, refused and denied among the text; as a check batch
it was not read to see which of its 48 unmatched events are those). In the twenty-eighth, the written set
grew by two batches of biographies (reference notes, obituaries, long profiles), `xn` (check, 24 pieces written
blind and never read; 136 of 206 found on the round's starting commit 53a8f3c) and `xo` (tune, 24 pieces, 124
of 184 found on 53a8f3c): hashes and counts changed. With the round's rules (a subject left out over a
sentence that goes on without one, a light verb's or a second verb's subject, a speaker's own possessive,
`собираться` and `говорить по телефону` of two, a conjunct verb's subject and companions, and the person a
text told without subjects is about) written tune is 0.885/0.863 (1518 of 1716; floor 0.88/0.85), written
check 0.796/0.841 (1368 of 1719; floor 0.79/0.83), `xo` 136 and `xn` 142 of their meetings; the other sets'
recall and precision did not move (factRuEval test has one event more that names fewer than two people).
In the twenty-ninth (reference notes: a name written surname first, a life told in the passive or the present,
parse repairs of lists of subjects), written tune rose to 0.888/0.863 (1524 of 1716) and check to 0.800/0.842
(1375 of 1719, which is 0.7999: the floors stay 0.88/0.85 and 0.79/0.83); the other sets did not move.
In the thirtieth (a life's subject going on past one who dealt with them, a subjectless sentence that names
others only as objects passed over, a talk told by how long it lasted, lists of names after a title, one asked
into an office, a foreign name as a subject hung on a phrase), written tune rose to 0.896/0.865 (1537 of 1716;
floor 0.89/0.85), written check to 0.806/0.844 (1386 of 1719; floor 0.80/0.83) and NEREL tune precision to
0.903; factRuEval test recall did not move, and its precision went 0.732 → 0.714, the rules chosen on the
written set adding one event naming two people that matches no gold Meeting there (30 of 42; the floor goes
from 0.72 to 0.71, still above the issue's 0.7; the test set is not inspected).
"""

from __future__ import annotations

import pytest

from tests.conftest import CORPUS, SHARED, need_shared

FACTRU = SHARED / "data" / "factRuEval-2016"
NEREL = SHARED / "data" / "NEREL-v1.1"
ROOTS = {"factrueval": FACTRU, "nerel": NEREL, "corpus": CORPUS, "written": None,  # written: shipped
         "devset": FACTRU}
RUNS = {  # (data, split): first 16 hex digits of the data hash, gold count, floors
    ("factrueval", "test"): ("1941b3bd93d650aa", 51, {"recall": 0.56, "precision": 0.71}),
    ("factrueval", "dev"): ("8fdda1968bc27efe", 5, {"recall": 1.0, "precision": 0.7}),
    ("nerel", "tune"): ("345f83d042014843", 26, {"recall": 0.96, "precision": 0.90}),
    ("corpus", "tune"): ("e3d50561449f0593", 80, {"recall": 0.58, "precision": 0.92}),
    ("corpus", "check"): ("8bdb2f8baea32c29", 93, {"recall": 0.44, "precision": 0.85}),
    ("written", "tune"): ("fec7affc4259a87e", 1716, {"recall": 0.89, "precision": 0.85}),
    ("written", "check"): ("05758e1a6563dc7c", 1719, {"recall": 0.80, "precision": 0.83}),
    ("devset", "all"): ("e47c32df4ad14f5e", 11, {"recall": 0.90, "precision": 0.92}),
}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=list(RUNS), ids=lambda run: "-".join(run))
def run(request):
    from letopis.evaluation.events import DEFAULT_WRITTEN, evaluate

    source, split = request.param
    root = DEFAULT_WRITTEN if ROOTS[source] is None else need_shared(ROOTS[source])
    return request.param, evaluate(root, split, source=source)


def test_gold_data_is_the_measured_one(run):
    key, report = run
    digest, gold, _ = RUNS[key]
    assert report.data_hash.startswith(digest), (
        f"{key[0]} changed since the floors were measured: run `letopis eval events`, "
        "update RUNS (hash and floors) together")
    assert report.gold == gold


def test_recall_floor(run):
    key, report = run
    floor = RUNS[key][2]["recall"]
    assert report.recall >= floor, f"{key} recall {report.recall:.3f} < floor {floor}"


def test_precision_floor(run):
    key, report = run
    floor = RUNS[key][2]["precision"]
    assert report.precision >= floor, f"{key} precision {report.precision:.3f} < floor {floor}"
