"""The list of public figures and their posts (lexicon/public_figures.txt) and the background roles it gives."""

from __future__ import annotations

import pytest

import letopis
from letopis.analysis import lexicon
from letopis.analysis.public_figures import case_form, entry_for, figures, parse_line, post_key, spelled_name

LEAD = "Новости дня. "


def test_a_line_is_read_with_its_posts_and_years():
    f = parse_line("Путин | Владимир | m | президент России 2000–2008; председатель правительства России 2008–2012; "
                   "президент России 2012–")
    assert (f.surname, f.given, f.gender) == ("путин", ("владимир",), "Masc")
    assert [(p.key, p.first, p.last) for p in f.posts] == [
        (("президент", "россия"), 2000, 2008), (("председатель", "правительство россия"), 2008, 2012),
        (("премьер-министр", "россия"), 2008, 2012), (("президент", "россия"), 2012, None)]
    assert [p.text for p in f.held_in(2010)] == ["председатель правительства России", "премьер-министр России"]
    assert len(f.held_in(None)) == 4


@pytest.mark.parametrize("line,problem", [
    ("Путин | Владимир | президент России 2000–2008", "expected `Фамилия | Имя | m or f | posts`"),
    ("Путин | Владимир | x | президент России 2000–2008", "expected `Фамилия | Имя | m or f | posts`"),
    ("Путин | Владимир | m | президент России", "lacks its years"),
    ("Путин | Владимир | m | житель Москвы 2000–2008", "has no title of lexicon/titles.txt"),
])
def test_a_malformed_line_is_named_with_its_problem(line, problem):
    with pytest.raises(ValueError) as error:
        parse_line(line)
    assert line in str(error.value) and problem in str(error.value)


@pytest.mark.parametrize("phrase,key", [
    ("министр иностранных дел России", ("министр", "иностранные дела россия")),
    ("губернатор Свердловской области", ("губернатор", "свердловская область")),
    ("генеральный секретарь ООН", ("секретарь", "оон")),
    ("председатель правления Газпрома", ("председатель", "правление газпром")),
    ("канцлер Германии", ("канцлер", "германия")),
])
def test_post_key_is_title_and_nominative_complement(phrase, key):
    assert post_key(phrase) == key


# posts whose words the entities stage reads otherwise in a text, the list being right: `Росгвардии` stays as it
# is, `Косова` becomes `Косов`, an instrumental complement is no genitive one, and a name in Latin letters is a
# complement only where the tagger marks it as a name (`Telegram` is, `Tesla` is not)
MISREAD_IN_TEXT = {"директор Росгвардии", "премьер-министр Косова", "командующий Ливийской национальной армией",
                   "генеральный директор Telegram"}


def test_every_post_is_keyed_as_the_entities_stage_keys_it_in_a_text():
    """Each post of the list, written in a sentence before a name, gives the entities stage the same title and
    the same first word of its complement, which is what a role mention needs to name the person (entities.py
    scores a full complement higher, and the text may read a name's whole span as one)."""
    from letopis.analysis.analyze import default_pipeline
    from letopis.analysis.document import Doc
    from letopis.analysis.entities import find_role_phrases, fold

    posts = sorted({(p.text, p.key) for fs in figures().values() for f in fs for p in f.posts})
    assert len(posts) > 500
    pipeline = default_pipeline()
    wrong = []
    for start in range(0, len(posts), 40):
        batch = posts[start:start + 40]
        doc = Doc(text=LEAD + " ".join(f"Вчера {text} Иван Петров выступил с заявлением." for text, _ in batch), meta={})
        pipeline(doc)
        first_in = {}  # sentence → the key of its first role phrase
        for p in find_role_phrases(doc):
            first_in.setdefault(doc.tokens[p.first].sent, (p.title, fold(p.complement)))
        for k, (text, key) in enumerate(batch, 1):  # sentence 0 is the lead
            found = first_in.get(k)
            if text not in MISREAD_IN_TEXT and (found is None or found[0] != key[0]
                                                 or found[1].split()[:1] != key[1].split()[:1]):
                wrong.append(f"{text}: list {key}, text {found}")
    assert not wrong, "posts keyed otherwise in a text:\n" + "\n".join(wrong)


def test_names_match_an_entry_by_surname_and_given_name():
    assert entry_for("Ангела Меркель", "Fem").surname == "меркель"
    assert entry_for("Меркель", None).surname == "меркель"
    assert entry_for("А. Меркель", "Fem").surname == "меркель"  # initials let through
    assert entry_for("Владимир Владимирович Путин", "Masc").surname == "путин"  # so are patronymics
    assert entry_for("Виктор Янукович", "Masc").surname == "янукович"  # a surname that ends like a patronymic
    assert entry_for("Роман Аркадьевич Абрамович", "Masc").surname == "абрамович"
    assert entry_for("Вера Меркель", "Fem") is None  # another given name: another person
    assert entry_for("Меркель", "Masc") is None  # another gender
    assert entry_for("Беньямин Нетаньяху", "Masc").surname == "нетаньяху"  # `Биньямин`, spelt one letter apart


@pytest.mark.parametrize("word, base, form", [
    ("нарендру", "нарендра", True), ("кисиды", "кисида", True), ("яровой", "яровая", True),
    ("кэмерона", "кэмерон", True), ("кэмероном", "кэмерон", True), ("игорем", "игорь", True),
    ("жириновского", "жириновский", True), ("жириновским", "жириновский", True), ("жириновская", "жириновский", False),
    ("линкявичус", "линкявичюс", False), ("моди", "моди", False), ("модь", "моди", False),
    ("мануэль", "мануэл", False),
])
def test_a_case_form_of_a_name_is_told_by_its_ending(word, base, form):
    assert case_form(word, base) is form


@pytest.mark.parametrize("name, written, spelled", [
    ("Нарендру Модь", {"нарендру", "моди"}, "Нарендра Моди"),  # a case form and a word no mention writes
    ("Ким Чен Ына", {"ким", "чен", "ына"}, "Ким Чен Ын"),  # the article's order, surname first
    ("Линас Линкявичус", {"линас", "линкявичус"}, None),  # the article's own spelling, written so, stays
    ("Нарендра Моди", {"нарендра", "моди"}, None),  # the entry's name already
    ("Путина", {"путина"}, None),  # a lone surname: maybe a woman's
    ("Иван Модь", {"иван", "моди"}, None),  # a given name the entry does not have
])
def test_a_known_figures_name_the_normaliser_misread_takes_the_lists_spelling(name, written, spelled):
    assert spelled_name(name, "Masc", frozenset(written)) == spelled


def test_an_article_names_a_known_figure_in_the_nominative():
    record = letopis.analyze(LEAD + "Макрон принял в Елисейском дворце премьер-министра Индии Нарендру Моди.")
    assert "Нарендра Моди" in {e.name for e in record.entities}


def test_a_surname_two_entries_share_is_told_apart_by_gender_or_not_at_all():
    clintons = [f for f in figures().get("клинтон", ())]
    assert len(clintons) >= 2, "the list should hold both Clintons"
    assert entry_for("Клинтон", "Fem").given[0] == "хиллари"
    assert entry_for("Клинтон", "Masc").given[0] == "билл"
    assert entry_for("Клинтон", None) is None


def test_the_list_is_well_formed():
    """Every line parses (figures() raises otherwise) and no one is listed twice."""
    seen = set()
    for line in lexicon.entries("public_figures"):
        f = parse_line(line)
        assert (f.surname, f.given) not in seen, f"listed twice: {line}"
        seen.add((f.surname, f.given))


def people(record, event):
    names = {e.id: e.name for e in record.entities}
    return {names[x].split()[-1] for x in event.actors + event.targets}


def test_a_title_the_article_never_gives_names_the_one_who_held_it():
    record = letopis.analyze(LEAD + "Ангела Меркель прибыла в Петербург. Там канцлер провела короткую беседу с "
                             "председателем правительства Дмитрием Медведевым.")
    talks = [e for e in record.events if e.type == "MEET"]
    assert talks and people(record, talks[0]) == {"Меркель", "Медведев"}
    merkel = next(e for e in record.entities if e.name == "Ангела Меркель")
    assert merkel.roles == [] and "канцлер" in [m.text for m in merkel.mentions]  # a mention, not a role


def test_a_deputy_premier_is_known_as_a_vice_premier_in_the_years_he_was_one():
    text = LEAD + "Дмитрий Рогозин посетил Северодвинск. На заводе вице-премьера встретил директор Андрей Дьячков."
    met = [people(r, e) for r in [letopis.analyze(text, "2013-05-01")] for e in r.events if e.type == "MEET"]
    assert {"Рогозин", "Дьячков"} in met
    later = letopis.analyze(text, "2020-05-01")  # head of Roscosmos by then: the title is someone else's
    assert all(people(later, e) != {"Рогозин", "Дьячков"} for e in later.events if e.type == "MEET")


def test_a_post_two_people_of_the_article_may_hold_names_neither_unless_the_date_tells():
    text = LEAD + "Владимир Путин и Дмитрий Медведев прибыли в Сочи. Президент провел переговоры с Александром Лукашенко."
    undated = letopis.analyze(text)
    assert not [e for e in undated.events if e.type == "NEGOTIATE" and len(people(undated, e)) >= 2]
    dated = letopis.analyze(text, date="2010-05-01")  # Медведев was president, Путин prime minister
    talks = [e for e in dated.events if e.type == "NEGOTIATE"]
    assert talks and people(dated, talks[0]) == {"Медведев", "Лукашенко"}


def test_a_role_the_text_gives_another_person_wins():
    record = letopis.analyze(LEAD + "Ангела Меркель прибыла в Киев. Канцлер Германии Олаф Шольц остался в Берлине. "
                             "Канцлер провел переговоры с Владимиром Зеленским.")
    talks = [e for e in record.events if e.type == "NEGOTIATE"]
    assert talks and "Меркель" not in people(record, talks[0])


def test_the_head_of_a_region_is_no_head_of_state_by_the_readers_knowledge():
    """Кадыров was `президент Чечни`, a region (lexicon/countries.txt): the list does not make him the `глава
    государства` the article speaks of."""
    record = letopis.analyze(LEAD + "Рамзан Кадыров и Александр Лукашенко прибыли в Москву. В Кремле глава "
                             "государства провел совещание.")
    kadyrov = next(e for e in record.entities if e.name == "Рамзан Кадыров")
    assert "глава государства" not in [m.text for m in kadyrov.mentions]
    lukashenko = next(e for e in record.entities if e.name == "Александр Лукашенко")
    assert "глава государства" in [m.text for m in lukashenko.mentions]  # the president of a country is


def test_what_the_article_says_beats_what_the_reader_knows():
    """`президента` names the one the article calls president, not one who held another presidency."""
    record = letopis.analyze("Президент России Дмитрий Медведев позвонил Рамзану Кадырову. Кадыров доложил "
                             "президенту об операции.", date="2009-10-19")
    kadyrov = next(e for e in record.entities if e.name == "Рамзан Кадыров")
    assert "президенту" not in [m.text for m in kadyrov.mentions]


def test_a_post_keyed_without_its_complement_names_no_one():
    """`министр по чрезвычайным ситуациям` keys as a bare `министр`: the list does not let it name a bare `министр`
    of the article, who is the minister the article speaks of."""
    record = letopis.analyze(LEAD + "Сергей Шойгу прилетел в Красноярск. Там же был министр спорта Виталий Мутко. "
                             "Министр осмотрел стадион.", date="2011-02-14")
    shoigu = next(e for e in record.entities if e.name == "Сергей Шойгу")
    assert "Министр" not in [m.text for m in shoigu.mentions]


@pytest.mark.parametrize("date,president", [("2012-10-29", "Владимир Путин"), ("2008-11-20", "Дмитрий Медведев"),
                                            ("2012-03-01", None)])
def test_in_the_second_half_of_a_year_a_post_changed_hands_in_it_is_the_newcomers(date, president):
    # the list has both holding the post that year; from July it is the one who took it up
    record = letopis.analyze(LEAD + "Дмитрий Медведев и Владимир Путин пришли на матч. Вечером президент принял "
                             "ректора.", date)
    holders = [e.name for e in record.entities
               if any(m.text == "президент" and m.kind == "role" for m in e.mentions)]
    assert holders == ([president] if president else []), holders


def test_a_post_the_text_says_was_held_then_is_not_the_lists_for_the_changeover_year():
    record = letopis.analyze(LEAD + "Андрей Фурсенко, тогдашний министр образования и науки, закон поддержал. Дмитрий "
                             "Ливанов выступил на съезде. Министр образования назвал РАН неэффективной.", "2012-03-01")
    livanov = next(e for e in record.entities if e.name == "Дмитрий Ливанов")
    assert "Министр образования" in [m.text for m in livanov.mentions]
