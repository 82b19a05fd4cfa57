"""Modality of events: every word of lexicon/event_modality.txt, every light verb and light noun of
lexicon/event_light_verbs.txt and event_light_nouns.txt, and every modality the record knows, each with a
Russian example.

    sentence | trigger-lemma | modality
"""

from __future__ import annotations

import pytest

import letopis
from letopis.analysis import lexicon
from letopis.model import MODALITIES

LEAD = "Новости дня. "  # natasha's NER never tags the first word of a text; see test_events_frames.py

MODALITY = """
Путин встретился с Лукашенко в Минске.                             | встретиться | asserted
Путин не встретился с Лукашенко.                                   | встретиться | negated
Встреча Путина с Лукашенко не состоялась.                          | встреча     | negated
Путин не смог встретиться с Обамой из-за болезни.                  | встретиться | negated
Зюганов не считает нужным отчитываться перед Обамой.               | отчитываться | negated
Путин встретится с Лукашенко в пятницу.                            | встретиться | planned
Путин будет встречаться с Лукашенко.                               | встречаться | planned
Путин встретился бы с Лукашенко.                                   | встретиться | possible
Если Путин встретится с Лукашенко, цены упадут.                    | встретиться | possible
Владимир Зеленский заявил, что готов встретиться с Путиным.        | готовый     | proposed
Путин планирует встретиться с Лукашенко.                           | встретиться | planned
Путин в июле встретится с Лукашенко по плану.                      | встретиться | planned
Путин намеревается посетить Минск.                                 | посетить    | planned
Путин намерен посетить Минск.                                      | посетить    | planned
Путин собирается посетить Минск.                                   | посетить    | planned
Путину предстоит встретиться с Лукашенко.                          | встретиться | planned
Путин должен встретиться с Лукашенко.                              | встретиться | planned
Путин решил посетить Минск.                                        | посетить    | planned
Путин и Лукашенко договорились о встрече.                          | встреча     | planned
Путин готовится посетить Минск.                                    | посетить    | planned
Путин может посетить Минск.                                        | посетить    | possible
Путин, возможно, встретится с Лукашенко.                           | встретиться | possible
Возможно, Путин встретится с Лукашенко.                            | встретиться | possible
Эксперты обсуждают возможность встречи Путина с Лукашенко.         | встреча     | possible
Обама отменил запланированную встречу с Путиным.                  | встреча     | negated
Обама отменял встречу с Путиным дважды.                            | встреча     | negated
Встреча Путина с Лукашенко была отменена.                          | встреча     | negated
Встреча Путина с Лукашенко отменилась в последний момент.          | встреча     | negated
Эксперты обсуждают отмену встречи Путина с Лукашенко.              | встреча     | negated
Оппозиция сорвала переговоры Путина с Лукашенко.                   | переговоры  | negated
Переговоры Путина с Лукашенко сорвались.                           | переговоры  | negated
Эксперты объясняют срыв переговоров Путина с Лукашенко.            | переговоры  | negated
Встречу Путина с Лукашенко отложили на осень.                      | встреча     | possible
Путин откладывает встречу с Лукашенко.                             | встреча     | possible
Путин вероятно посетит Минск.                                      | посетить    | possible
Возможные переговоры Путина с Лукашенко обсуждают эксперты.        | переговоры  | possible
Путин хочет встретиться с Лукашенко.                               | встретиться | proposed
Путин желает встретиться с Лукашенко.                              | встретиться | proposed
Путин выразил желание встретиться с Лукашенко.                     | встретиться | proposed
Путин отказался встречаться с Лукашенко.                           | встречаться | refused
Лукашенко отказывается встречаться с Путиным.                      | встречаться | refused
Отказ Путина встречаться с Лукашенко удивил всех.                  | встречаться | refused
Следователь отказал Марине Шалимовой в свидании с Андреем Шалимовым. | свидание  | negated
Следователь отказывает Марине Шалимовой в свидании с Андреем Шалимовым. | свидание | negated
Предстоящая встреча Путина с Лукашенко пройдет в Минске.           | встреча     | planned
Запланированная встреча Путина с Лукашенко пройдет в Минске.       | встреча     | planned
Планируемый визит Путина в Минск обсуждают.                        | визит       | planned
Путин не планирует встречаться с Лукашенко.                        | встречаться | negated
"""

LIGHT = """
Путин провел переговоры с Си Цзиньпином.                           | переговоры
Путин проводит переговоры с Си Цзиньпином.                         | переговоры
Путин собрал совещание с губернаторами.                             | совещание
Путин собирает совещание с губернаторами каждый месяц.             | совещание
Путин ведет переговоры с Си Цзиньпином.                            | переговоры
Путин начал переговоры с Си Цзиньпином.                            | переговоры
Путин начинает переговоры с Си Цзиньпином.                         | переговоры
Путин продолжил переговоры с Си Цзиньпином.                        | переговоры
Путин продолжает переговоры с Си Цзиньпином.                       | переговоры
Путин возобновил переговоры с Си Цзиньпином.                       | переговоры
Путин устроил встречу с Си Цзиньпином.                             | встреча
Путин организовал встречу с Си Цзиньпином.                         | встреча
Россия нанесла удар по Киеву.                                      | удар
Россия наносит удары по Киеву.                                     | удар
Китай оказал помощь Ирану.                                         | помощь
Китай оказывает помощь Ирану.                                      | помощь
Макрон выразил поддержку Зеленскому.                               | поддержка
Макрон выражает поддержку Зеленскому.                              | поддержка
Макрон высказал критику в адрес Зеленского.                        | критика
Евросоюз ввел санкции против России.                               | санкция
Евросоюз вводит санкции против России.                             | санкция
Евросоюз объявил санкции против России.                            | санкция
Путин совершил визит в Китай.                                      | визит
Путин имел беседу с Си Цзиньпином.                                 | беседа
Путин выступил с предложением о переговорах с Зеленским.           | предложение
Путин выдвинул требование к Зеленскому.                            | требование
Путин сделал предложение Зеленскому.                               | предложение
Путин направил приглашение Зеленскому.                             | приглашение
Путин участвовал в переговорах с Си Цзиньпином.                    | переговоры
Лавров присоединился к переговорам с Ван И.                        | переговоры
Лавров подключился к переговорам с Ван И.                          | переговоры
Картер посвятил утро встречам с Уорком.                            | встреча
Путин принял приглашение Си Цзиньпина.                             | приглашение
Иран получил помощь от Китая.                                      | помощь
Иран получает помощь от Китая.                                     | помощь
Министр Иванов ушел в отставку.                                    | отставка
Министр Иванов подал в отставку.                                   | отставка
Путин принял участие во встрече с Си Цзиньпином.                   | встреча
Лавров завершил переговоры с Керри.                                | переговоры
Лавров завершает переговоры с Керри.                               | переговоры
Лавров закончил переговоры с Керри.                                | переговоры
Лавров заканчивает переговоры с Керри.                             | переговоры
Лавров прервал переговоры с Керри.                                 | переговоры
Лавров прерывает переговоры с Керри.                               | переговоры
Медведев ответил на звонок Обамы.                                  | звонок
Лавров стал участником встречи с Керри.                            | встреча
Лавров сел за стол переговоров с Керри.                            | переговоры
Лавров провел новый раунд переговоров с Керри.                     | переговоры
Обама дал ужин для Нетаньяху.                                      | ужин
Обама давал ужины для Нетаньяху.                                   | ужин
Клинтон открыла встречу с Аббасом.                                 | встреча
Клинтон открывает встречу с Аббасом.                               | встреча
Путин удостоил Лукашенко беседы.                                   | беседа
"""


def rows(table: str) -> list[list[str]]:
    return [[part.strip() for part in line.split("|")] for line in table.strip().splitlines()]


@pytest.mark.parametrize("sentence,lemma,modality", rows(MODALITY))
def test_modality(sentence, lemma, modality):
    record = letopis.analyze(LEAD + sentence)
    got = [e.modality for e in record.events if e.trigger.lemma == lemma]
    assert got, f"no event on {lemma!r} in {sentence!r}: {[e.trigger.lemma for e in record.events]}"
    assert got[0] == modality, f"{sentence!r}: {lemma} is {got[0]}, expected {modality}"


@pytest.mark.parametrize("sentence,lemma", rows(LIGHT))
def test_light_verb_lends_its_subject(sentence, lemma):
    record = letopis.analyze(LEAD + sentence)
    events = [e for e in record.events if e.trigger.lemma == lemma]
    assert events, f"no event on {lemma!r} in {sentence!r}: {[e.trigger.lemma for e in record.events]}"
    subject = record.entities[0].id  # the first name of each example is the light verb's subject
    assert subject in events[0].actors + events[0].targets, \
        f"{record.entities[0].name} not in {lemma} of {sentence!r}"


def lemmas_of(sentences: list[str]) -> set[str]:
    """The lemmas of every word of the examples, as the pipeline's morphology gives them."""
    from letopis.analysis.document import Doc
    from letopis.analysis.linguistic import Morph, Segment

    doc = Doc(text=" ".join(sentences))
    Segment()(doc)
    Morph()(doc)
    return {t.lemma for t in doc.tokens}


def test_every_modality_word_has_an_example():
    assert {r[2] for r in rows(MODALITY)} == set(MODALITIES)
    seen = lemmas_of([r[0] for r in rows(MODALITY)])
    missing = sorted(set(lexicon.table("event_modality")) - seen)
    assert not missing, f"modality words without an example in MODALITY: {', '.join(missing)}"


def test_every_light_verb_has_an_example():
    seen = lemmas_of([r[0] for r in rows(LIGHT)])
    missing = sorted((set(lexicon.table("event_light_verbs")) | set(lexicon.table("event_light_nouns"))) - seen)
    assert not missing, f"light verbs without an example in LIGHT: {', '.join(missing)}"
