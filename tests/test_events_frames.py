"""Every event trigger of lexicon/event_triggers.txt, with a Russian example and the event it must give.

One row per example, in a small language:

    sentence | TYPE trigger-lemma | actors > targets @ place

Names are matched by one word of the entity's canonical name (`Лукашенко` matches `Александр Лукашенко`);
`-` leaves a side unchecked; `@ place` may be left out. The expected actors and targets must all be there.
Each example is analysed after a neutral first sentence (LEAD): natasha's NER model never tags the very
first word of a text, and these tests are about frames, not about that.
"""

from __future__ import annotations

import pytest

import letopis
from letopis.analysis.events.frames import frames
from letopis.model import Article, Event

LEAD = "Новости дня. "

FRAMES = """
Путин встретился с Лукашенко в Минске.                                   | MEET встретиться   | Путин > Лукашенко @ Минск
Макрон будет встречаться с Эрдоганом каждый месяц.                       | MEET встречаться   | Макрон > Эрдоган
Встреча Путина с Лукашенко прошла в Сочи.                                | MEET встреча       | Путин > Лукашенко @ Сочи
Барак Обама принял в Белом доме Ангелу Меркель.                          | MEET принять       | Обама > Меркель
Президент Токаев принимает президента Турции Эрдогана в Астане.          | MEET принимать     | Токаев > Эрдоган @ Астана
Состоялась беседа Лаврова с Блинкеном.                                   | MEET беседа        | Лавров > Блинкен
Байден беседовал с президентом Эквадора Рафаэлем Корреа.                 | MEET беседовать    | Байден > Корреа
Мединский пообщался с Лавровым.                                          | MEET пообщаться    | Мединский > Лавров
Шнуров и Мединский общались весь вечер.                                  | MEET общаться      | Шнуров, Мединский > -
Навальный увиделся с Яшиным в суде.                                      | MEET увидеться     | Навальный > Яшин
Свидание Виктора Бута с женой Аллой прошло в тюрьме.                     | MEET свидание      | Бут > Алла
Вчера в Лондоне состоялась аудиенция Макрона у королевы Елизаветы.      | MEET аудиенция     | Макрон > Елизавета @ Лондон
Эрдоган побеседовал с Алиевым в Анкаре.                                  | MEET побеседовать  | Эрдоган > Алиев @ Анкара
На саммите Путина и Си Цзиньпина обсуждали торговлю.                     | MEET саммит        | Путин, Си > -
Хорохордин провел совещание с Хатуовым.                                  | MEET совещание     | Хорохордин > Хатуов
Путин провел переговоры с Си Цзиньпином в Пекине.                        | NEGOTIATE переговоры | Путин > Си @ Пекин
Лавров провел консультации с Ван И в Москве.                             | NEGOTIATE консультация | Лавров > Ван @ Москва
Мишустин обсудил с Пашиняном поставки газа.                              | NEGOTIATE обсудить | Мишустин > Пашинян
Лукашенко обсуждает с Путиным цены на газ.                               | NEGOTIATE обсуждать | Лукашенко > Путин
Состоялся телефонный разговор Макрона с Зеленским.                       | NEGOTIATE разговор | Макрон > Зеленский
Шольц поговорил с Макроном по телефону.                                  | NEGOTIATE поговорить | Шольц > Макрон
Вчера Эрдоган созвонился с Путиным.                                      | NEGOTIATE созвониться | Эрдоган > Путин
Лавров переговорил с Блинкеном по телефону.                              | NEGOTIATE переговорить | Лавров > Блинкен
Вечером Путин позвонил Лукашенко.                                        | NEGOTIATE позвонить | Путин > Лукашенко
Макрон регулярно звонит Путину.                                          | NEGOTIATE звонить  | Макрон > Путин
Путин и Си Цзиньпин обменялись мнениями о ситуации.                      | NEGOTIATE обменяться | Путин, Си > -
Токаев посетил Китай.                                                    | VISIT посетить     | Токаев > - @ Китай
Лукашенко регулярно посещает Москву.                                     | VISIT посещать     | Лукашенко > - @ Москва
Визит Эрдогана в Казахстан начался в понедельник.                        | VISIT визит        | Эрдоган > - @ Казахстан
Президент Франции Эммануэль Макрон прибыл в Вашингтон.                   | VISIT прибыть      | Макрон > - @ Вашингтон
Зеленский приехал в Лондон.                                              | VISIT приехать     | Зеленский > - @ Лондон
Лавров прилетел в Анкару.                                                | VISIT прилететь    | Лавров > - @ Анкара
Шольц побывал в Киеве.                                                   | VISIT побывать     | Шольц > - @ Киев
Путин предложил Зеленскому провести переговоры в Москве.                 | PROPOSE предложить | Путин > Зеленский @ Москва
Песков напомнил, что Путин предлагал переговоры в Москве.                | PROPOSE предлагать | Путин > - @ Москва
Предложение Эрдогана о переговорах в Стамбуле поддержали.                | PROPOSE предложение | Эрдоган > - @ Стамбул
Владимир Зеленский заявил, что готов провести переговоры с Путиным в Казахстане. | PROPOSE готовый | Зеленский > Путин @ Казахстан
Токаев выразил готовность провести переговоры с Путиным в Астане.        | PROPOSE готовность | Токаев > Путин @ Астана
Казахстан предоставит площадку для переговоров России и Украины.         | PROPOSE предоставить | Казахстан > Россия, Украина
Путин пригласил Токаева в Москву.                                        | PROPOSE пригласить | Путин > Токаев
Лукашенко принял приглашение Путина посетить Москву.                     | PROPOSE приглашение | Путин > -
Путин и Лукашенко договорились о поставках газа.                         | AGREE договориться | Путин, Лукашенко > -
Токаев согласился с Мирзиёевым.                                          | AGREE согласиться  | Токаев > Мирзиёев
Алиев и Пашинян подписали мирный договор в Вашингтоне.                   | AGREE подписать    | Алиев, Пашинян > - @ Вашингтон
Соглашение между Россией и Китаем вступило в силу.                       | AGREE соглашение   | Россия, Китай > -
Договор между Арменией и Азербайджаном готов.                             | AGREE договор      | Армения, Азербайджан > -
Зеленский отверг предложение Путина.                                     | REJECT отвергнуть  | Зеленский > Путин
МИД России отклонил требования Вашингтона.                               | REJECT отклонить   | МИД > Вашингтон
Владимир Зеленский отказался от переговоров с Путиным.                   | REJECT отказаться  | Зеленский > Путин
Трамп потребовал от Мадуро уйти в отставку.                              | DEMAND потребовать | Трамп > Мадуро
Госдепартамент требует от Москвы объяснений.                             | DEMAND требовать   | Госдепартамент > Москва
Гутерриш призвал Россию и Украину прекратить огонь.                      | DEMAND призвать    | Гутерриш > Россия, Украина
Папа Римский призывает Израиль к перемирию.                              | DEMAND призывать   | Израиль
Зеленский попросил Байдена о помощи.                                     | DEMAND попросить   | Зеленский > Байден
Требование Вашингтона к Ирану осталось без ответа.                       | DEMAND требование  | Вашингтон > -
Призыв Гутерриша услышали в Москве.                                      | DEMAND призыв      | Гутерриш > -
Мадуро обвинил Вашингтон в заговоре.                                     | ACCUSE обвинить    | Мадуро > Вашингтон
Песков обвиняет Лондон во вмешательстве.                                 | ACCUSE обвинять    | Песков > Лондон
Трамп раскритиковал Байдена.                                             | ACCUSE раскритиковать | Трамп > Байден
Орбан критикует Брюссель.                                                | ACCUSE критиковать | Орбан > Брюссель
Генсек ООН Антониу Гутерриш осудил нападение на Израиль.                 | ACCUSE осудить     | Гутерриш > -
Китай осуждает санкции против России.                                    | ACCUSE осуждать    | Китай > -
Критика в адрес Мишустина усилилась.                                     | ACCUSE критика     | - > Мишустин
Ким Чен Ын пригрозил Сеулу ударом.                                       | THREATEN пригрозить | Ким > Сеул
Иран угрожает Израилю.                                                   | THREATEN угрожать  | Иран > Израиль
Ультиматум Трампа Ирану истек.                                           | THREATEN ультиматум | Трамп > Иран
Макрон поддержал Зеленского.                                             | SUPPORT поддержать | Макрон > Зеленский
Китай поддерживает Россию.                                               | SUPPORT поддерживать | Китай > Россия
Шольц выразил поддержку Зеленскому.                                      | SUPPORT поддержка  | Шольц > Зеленский
Совет Федерации одобрил кандидатуру Белоусова.                          | SUPPORT одобрить   | Совет > -
Россия помогла Сирии.                                                    | AID помочь         | Россия > Сирия
Япония помогает Украине.                                                 | AID помогать       | Япония > Украина
Евросоюз оказал помощь Молдавии.                                         | AID помощь         | Евросоюз > Молдавия
Германия выделила Украине миллиард евро.                                 | AID выделить       | Германия > Украина
Россия сотрудничает с Китаем.                                            | COOPERATE сотрудничать | Россия > Китай
Сотрудничество между Казахстаном и Узбекистаном растет.                  | COOPERATE сотрудничество | Казахстан, Узбекистан > -
Евросоюз ввел санкции против России.                                     | SANCTION санкция   | Евросоюз > Россия
Литва выслала российских дипломатов.                                     | SANCTION выслать   | Литва > -
Путин назначил Белоусова министром обороны.                              | APPOINT назначить  | Путин > Белоусов
Назначение Белоусова удивило экспертов.                                  | APPOINT назначение | - > Белоусов
Госдума избрала Володина председателем.                                  | APPOINT избрать    | Госдума > Володин
Трамп уволил Болтона.                                                    | DISMISS уволить    | Трамп > Болтон
Министр Иванов ушел в отставку.                                          | DISMISS отставка   | - > Иванов
Путин отправил Шойгу в отставку.                                         | DISMISS отправить  | Путин > Шойгу
Лукашенко снял Головченко с должности премьера.                          | DISMISS снять      | Лукашенко > Головченко
Токаев освободил Смаилова от должности.                                  | DISMISS освободить | Токаев > Смаилов
Полиция Москвы задержала Навального.                                     | ARREST задержать   | Москва > Навальный
Навальный был задержан полицией Москвы.                                  | ARREST задержать   | Москва > Навальный
Белоусов назначен министром обороны.                                     | APPOINT назначить  | - > Белоусов
Басманный суд арестовал Кара-Мурзу.                                      | ARREST арестовать  | Басманный > Кара-Мурза
Арест Дурова вызвал протесты.                                            | ARREST арест       | - > Дуров
Задержание Саакашвили произошло в Тбилиси.                               | ARREST задержание  | - > Саакашвили @ Тбилиси
Генпрокуратура предъявила Беглову обвинение.                             | ARREST предъявить  | Генпрокуратура > Беглов
Мосгорсуд приговорил Навального к девяти годам.                          | ARREST приговорить | Мосгорсуд > Навальный
Израиль атаковал Иран.                                                   | ATTACK атаковать   | Израиль > Иран
ХАМАС напал на Израиль.                                                  | ATTACK напасть     | ХАМАС > Израиль
Нападение ХАМАС на Израиль осудили.                                      | ATTACK нападение   | ХАМАС > Израиль
Атака Израиля на Иран началась ночью.                                    | ATTACK атака       | Израиль > Иран
Россия нанесла удар по Киеву.                                            | ATTACK удар        | Россия > Киев
Армия Израиля обстреляла Газу.                                           | ATTACK обстрелять  | Израиль > Газа
Обстрел Донецка продолжался всю ночь.                                    | ATTACK обстрел     | - > Донецк
Протест оппозиции против Лукашенко прошел в Минске.                      | PROTEST протест    | - > Лукашенко @ Минск
Фермеры протестуют против Макрона.                                       | PROTEST протестовать | - > Макрон
Митинг КПРФ прошел в Москве.                                             | PROTEST митинг     | КПРФ > - @ Москва
Забастовка профсоюзов Франции парализовала Париж.                        | PROTEST забастовка | Франция > -
"""


def rows(table: str) -> list[tuple[str, str, str, list[str], list[str], str | None]]:
    out = []
    for line in table.strip().splitlines():
        sentence, trigger, roles = (part.strip() for part in line.split("|"))
        type_, lemma = trigger.split()
        place = None
        if "@" in roles:
            roles, place = (p.strip() for p in roles.split("@"))
        actors, _, targets = (p.strip() for p in roles.partition(">"))
        if not _:
            actors, targets = "-", actors
        out.append((sentence, type_, lemma, names(actors), names(targets), place))
    return out


def names(side: str) -> list[str]:
    return [] if side in ("-", "") else [n.strip() for n in side.split(",")]


def named(record: Article, entity_ids: list[str]) -> list[str]:
    by_id = {e.id: e.name for e in record.entities}
    return [by_id[i] for i in entity_ids]


def has(found: list[str], word: str) -> bool:
    folded = word.lower().replace("ё", "е")
    return any(folded in name.lower().replace("ё", "е").replace("-", " ").split() or
               folded == name.lower().replace("ё", "е") for name in found)


def event_for(record: Article, type_: str, lemma: str) -> Event:
    events = [e for e in record.events if e.type == type_ and e.trigger.lemma == lemma]
    assert events, f"no {type_} event on {lemma!r}; events: " + \
        "; ".join(f"{e.type} {e.trigger.text} {named(record, e.actors)} > {named(record, e.targets)}"
                  for e in record.events)
    return events[0]


@pytest.mark.parametrize("sentence,type_,lemma,actors,targets,place", rows(FRAMES))
def test_frame(sentence, type_, lemma, actors, targets, place):
    record = letopis.analyze(LEAD + sentence)
    event = event_for(record, type_, lemma)
    got_actors, got_targets = named(record, event.actors), named(record, event.targets)
    for a in actors:
        assert has(got_actors, a), f"{a} not among the actors {got_actors} of {sentence!r}"
    for t in targets:
        assert has(got_targets, t), f"{t} not among the targets {got_targets} of {sentence!r}"
    if place is not None:
        assert has(named(record, [event.place]) if event.place else [], place), \
            f"place {place} expected, got {event.place} in {sentence!r}"


def test_every_trigger_has_an_example():
    covered = {lemma for _, _, lemma, *_ in rows(FRAMES)}
    missing = sorted(set(frames()) - covered)
    assert not missing, f"triggers without an example in FRAMES: {', '.join(missing)}"


def test_every_example_names_a_known_trigger():
    table = frames()
    for _, type_, lemma, *_ in rows(FRAMES):
        assert lemma in table and table[lemma].type == type_, f"{lemma} {type_} is not in event_triggers.txt"


NO_EVENTS = """
Путин решил задачу с помощью Лукашенко.                                  | помощь
Задачу решили при помощи Лукашенко.                                      | помощь
Путин объявил призыв в армию.                                            | призыв
Весенний призыв Путин объявил в марте.                                   | призыв
Осенний призыв Путин объявил в сентябре.                                 | призыв
Путин принял решение о Лукашенко.                                        | принять
Путин принял закон о Лукашенко.                                          | принять
Путин принял участие в форуме с Лукашенко.                               | принять
"""


@pytest.mark.parametrize("sentence,lemma", [[p.strip() for p in line.split("|")] for line in NO_EVENTS.strip().splitlines()])
def test_no_event_inside_an_idiom(sentence, lemma):
    record = letopis.analyze(LEAD + sentence)
    assert not [e for e in record.events if e.trigger.lemma == lemma], f"{sentence!r} gave an event on {lemma}"


def test_every_idiom_has_an_example():
    from letopis.analysis.events.frames import idioms
    from tests.test_events_modality import lemmas_of

    examples = [line.split("|")[0].strip() for line in NO_EVENTS.strip().splitlines()]
    for idiom in idioms():
        assert any(set(idiom) <= lemmas_of([e]) for e in examples), f"idiom {' '.join(idiom)} has no example"


MORE = """
Неверов выступил в ходе онлайн-встречи Путина с Володиным.               | MEET онлайн-встреча | Путин > Володин
Канаев в беседе с Мишустиным оценил предложение.                         | MEET беседа        | Канаев > Мишустин
Остуайдзен должен был встретиться на турнире с Кашинским.                | MEET встретиться   | Остуайдзен > Кашинский
Путин и Лукашенко обсудили поставки газа.                                | NEGOTIATE обсудить | Путин, Лукашенко > -
Василий Шумов, лидер «Центра», и Михаил Борзыкин, солист «Телевизора», снова встретятся на сцене. | MEET встретиться | Шумов, Борзыкин > -
Макрон прилетел в Пекин. Там он встретился с Си Цзиньпином.              | MEET встретиться   | Макрон > Си
Путин позвонил Лукашенко и обсудил с ним поставки газа.                  | NEGOTIATE обсудить | Путин > Лукашенко
Мандела болен, и Обама сказал, что не уверен во встрече с ним.           | MEET встреча       | - > Мандела
Мартин, сидевший в тюрьме в Нью-Мексико, встретился там с Марком Стааке. | MEET встретиться   | Мартин > Стааке
Во встрече участвовали председатель партии, миллиардер Бидзина Иванишвили и премьер Квирикашвили. | MEET встреча | Иванишвили, Квирикашвили > -
Путин встретился с матерью девушки Яффой Иссахар.                        | MEET встретиться   | Путин > Иссахар
Чельберг женился на Марции Бизоньин, с которой встречался восемь лет.    | MEET встречаться   | Чельберг > Бизоньин
Адвокат Фейгин сказал, что Савченко передала ему записку при встрече.    | MEET встреча       | Савченко > -
Президент Франции Николя Саркози прибыл в Вашингтон. Вчера Барак Обама встретился с президентом Франции. | MEET встретиться | Обама > Саркози
Президент России Медведев и президент США Обама прибыли в Прагу. Там прошла встреча президентов России и США. | MEET встреча | Медведев, Обама > -
После этого Обама посетит Францию, проведёт встречу с Медведевым.        | MEET встреча       | Обама > Медведев
Лавров обвинил Киев в нападении на Курск.                                | ACCUSE обвинить    | Лавров > Киев
Художник Кирилл Бородин был выбран для встречи с Владимиром Путиным.        | MEET встреча       | Бородин > Путин
О разговоре с Байденом рассказал сам Корреа.                              | NEGOTIATE разговор | Корреа > Байден
Художник Бородин был представлен президенту РФ Владимиру Путину. Позже он снова встречался с президентом. | MEET встречаться | Бородин > Путин
"""

NOT_THIS_TYPE = """
Судья Морозова назначила наказание в виде года ограничения свободы.      | APPOINT
Трамп уволил сотрудников посольства.                                      | DISMISS
Путин подписал указ о награждении Кустурицы.                              | AGREE
Рокфеллер вместе с Киссинджером помог убедить Картера.                    | AID
Навальный позвонил в полицию.                                             | NEGOTIATE
"""


@pytest.mark.parametrize("sentence,type_", [[p.strip() for p in line.split("|")]
                                             for line in NOT_THIS_TYPE.strip().splitlines()])
def test_a_frame_that_does_not_hold_gives_no_event(sentence, type_):
    """`назначить наказание` appoints no one, `подписать указ` agrees with no one, `помог убедить` aids no one."""
    record = letopis.analyze(LEAD + sentence)
    assert not [e for e in record.events if e.type == type_], f"{sentence!r} gave a {type_} event"


@pytest.mark.parametrize("sentence,type_,lemma,actors,targets,place", rows(MORE))
def test_compounds_circumstances_pronouns_and_parser_slips(sentence, type_, lemma, actors, targets, place):
    test_frame(sentence, type_, lemma, actors, targets, place)


def test_an_accusation_does_not_make_the_accuser_attack():
    record = letopis.analyze(LEAD + "Лавров обвинил Киев в нападении на Курск.")
    lavrov = next(e.id for e in record.entities if e.name.endswith("Лавров"))
    assert not [e for e in record.events if e.type == "ATTACK" and lavrov in e.actors]
