"""Nominative forms of names, including the model's slips with plural and foreign names."""

from __future__ import annotations

import pytest

from letopis.analysis.normalize import normalize_tokens
from tests.test_ner_fixes import tagged


@pytest.mark.parametrize("text, name, kind, nominative", [
    ("Министр прилетел из Нидерландов вчера.", "Нидерландов", "LOC", "Нидерланды"),
    ("Посол Соединённых Штатов заявил протест.", "Соединённых Штатов", "LOC", "Соединенные Штаты"),
    ("Встреча прошла в Северо-Кавказском федеральном округе вчера.", "Северо-Кавказском федеральном округе",
     "LOC", "Северо-Кавказский федеральный округ"),
    ("Матч прошёл в Тоттенхэме вчера.", "Тоттенхэме", "LOC", "Тоттенхэм"),
    ("Представители Министерства обороны Франции провели встречу.", "Министерства обороны", "ORG",
     "Министерство обороны"),
    # a superlative keeps its own stem (the dictionary's lexeme of `высший` starts with `высочайший`)
    ("Решение Высшего арбитражного суда вступило в силу.", "Высшего арбитражного суда", "ORG",
     "Высший арбитражный суд"),
    ("Он встретил Марианну в Париже.", "Марианну", "PER", "Марианна"),
    ("Убийство Беназир Бхутто потрясло страну.", "Беназир Бхутто", "PER", "Беназир Бхутто"),
    ("Книги Жан-Поль Сартра читали все.", "Жан-Поль Сартра", "PER", "Жан-Поль Сартр"),
    ("Победа Кими Райкконена удивила.", "Кими Райкконена", "PER", "Кими Райкконен"),
    ("Пресс-служба Веселина Топалова сообщила.", "Веселина Топалова", "PER", "Веселин Топалов"),
    ("Песню посвятили Вертинскому в прошлом году.", "Вертинскому", "PER", "Вертинский"),
    ("Указ подписал президент Касым-Жомарт Токаев вчера.", "Касым-Жомарт Токаев", "PER", "Касым-Жомарт Токаев"),
    # a name in capitals (bylines, interviews) is a name, not an abbreviation
    ("Мы созвонились с Аленой КАЗАНЦЕВОЙ вчера.", "Аленой КАЗАНЦЕВОЙ", "PER", "Алена Казанцева"),
    ("Беседовал Алексей МИШИН вчера.", "Алексей МИШИН", "PER", "Алексей Мишин"),
    ("Заявление МВД России опубликовано.", "МВД России", "ORG", "МВД России"),
    # the tagger calls an instrumental it does not know nominative; the dictionary knows better
    ("Кудрин встретился с коллегой Тимоти Гайтнером вчера.", "Тимоти Гайтнером", "PER", "Тимоти Гайтнер"),
    # a man's foreign name the dictionary only guesses at loses its case ending, nothing more
    ("Макрон встретился с Олафом Шольцем вчера.", "Олафом Шольцем", "PER", "Олаф Шольц"),
    ("Богданов встретился с Фейсалом Мекдадом вчера.", "Фейсалом Мекдадом", "PER", "Фейсал Мекдад"),
    ("Обама встретился с Вэнем Цзябао вчера.", "Вэнем Цзябао", "PER", "Вэнь Цзябао"),
    ("Путин встретился с Хамидом Карзаем вчера.", "Хамидом Карзаем", "PER", "Хамид Карзай"),
    # ... and when the tagger puts the surname in another case than the given name, the instrumental shows
    ("Богданов провел консультации с заместителем министра иностранных дел Сирии Фейсалом Мекдадом, находящимся в "
     "Женеве.", "Фейсалом Мекдадом", "PER", "Фейсал Мекдад"),
    # a case the word cannot be in (the tagger's genitive of `Далай-ламу`): the dictionary's own parse
    ("Обама принял в Белом доме духовного лидера тибетских буддистов Далай-ламу.", "Далай-ламу", "PER",
     "Далай-лама"),
    # ... but not a plural parse of a singular name (`Толстых` does not decline)
    ("Капелло встретился с президентом РФС Николаем Толстых вчера.", "Николаем Толстых", "PER", "Николай Толстых"),
    # ... or in the nominative, every word ending as a man's instrumental does
    ("Коль прилетел вместе с министром иностранных дел ФРГ Хансом-Дитрихом Геншером.", "Хансом-Дитрихом Геншером",
     "PER", "Ханс-Дитрих Геншер"),
    # ... the last of them may end as a man's name in -а does (`Никитой`)
    ("Затем дипломат встретился с представителем оппозиционного Национального координационного комитета Хейсамом "
     "Манной.", "Хейсамом Манной", "PER", "Хейсам Манна"),
    # a woman's surname the dictionary lacks is no adjective
    ("Он беседовал с Анной Ахматовой и Лизой Мамонтовой.", "Лизой Мамонтовой", "PER", "Лиза Мамонтова"),
    ("Он позвонил Ольге Дубовой вчера.", "Ольге Дубовой", "PER", "Ольга Дубова"),
    # a man's surname the dictionary lacks, which it would read as an adjective
    ("Министр встретился с Владимиром Лисиным вчера.", "Владимиром Лисиным", "PER", "Владимир Лисин"),
    # `мореном` is the locative of the adjective `мореный`, no instrumental: a foreign name's ending
    ("Сердюков встретился с коллегой из Франции Эрве Мореном.", "Эрве Мореном", "PER", "Эрве Морен"),
    ("Коморовский встретился с мэром Андреем Садовым вчера.", "Андреем Садовым", "PER", "Андрей Садовый"),
    # a surname that is a common noun: a name has no partitive (`чайку` of `чаёк`)
    ("Президент принял Юрия Чайку в Кремле.", "Юрия Чайку", "PER", "Юрий Чайка"),
    # a man's name in -я the dictionary lacks, in the accusative; a dative of one in -ай is not it
    ("Вечером Саакашвили вызвал Ахалаю в президентский дворец.", "Ахалаю", "PER", "Ахалая"),
    ("Путин позвонил Хамиду Карзаю вчера.", "Хамиду Карзаю", "PER", "Хамид Карзай"),
    # ... but a Slavic name the dictionary guesses at declines as it does
    ("Ющенко прибыл к Качиньскому в Варшаву.", "Качиньскому", "PER", "Качиньский"),
    ("Он встретился с Андреем Казусенком вчера.", "Андреем Казусенком", "PER", "Андрей Казусенок"),
    # both halves of a double given name decline
    ("Лавров встретился с Франком-Вальтером Штайнмайером вчера.", "Франком-Вальтером Штайнмайером", "PER",
     "Франк-Вальтер Штайнмайер"),
    ("Путин встретился с Жаном-Клодом Юнкером вчера.", "Жаном-Клодом Юнкером", "PER", "Жан-Клод Юнкер"),
    # a particle before a hyphen does not decline, and the name after it keeps its capital
    ("Пан Ги Мун встретился с Башаром аль-Асадом вчера.", "Башаром аль-Асадом", "PER", "Башар аль-Асад"),
    ("Обама беседовал с Омаром аль-Баширом вчера.", "Омаром аль-Баширом", "PER", "Омар аль-Башир"),
    ("Премьер Ирака Нури аль-Малики прилетел в Вашингтон.", "Нури аль-Малики", "PER", "Нури аль-Малики"),
    # a foreign man's name in -а, in the genitive, that the tagger calls a nominative
    ("Визит Ицунори Онодэры прошел успешно.", "Ицунори Онодэры", "PER", "Ицунори Онодэра"),
    # a surname the dictionary knows only as a short adjective is no adjective
    ("Губернатор вызвал к себе Анатолия Маховикова вчера.", "Анатолия Маховикова", "PER", "Анатолий Маховиков"),
    # a man's surname that is also a common noun's plural (`бока`, sides): his accusative is the genitive
    ("Миллер принял в Петербурге Курта Бока, главу BASF.", "Курта Бока", "PER", "Курт Бок"),
    # a foreign name in -и the dictionary does not know does not decline (no woman's noun in -ь)
    ("Матвиенко приняла посла Франции Жана Глиниасти.", "Жана Глиниасти", "PER", "Жан Глиниасти"),
])
def test_nominative(text, name, kind, nominative):
    doc = tagged(text, [])
    start = text.index(name)
    tokens = doc.tokens_in(start, start + len(name))
    assert normalize_tokens(doc, tokens.start, tokens.stop, kind) == nominative


@pytest.mark.parametrize("text, name, slip, nominative", [
    # the tagger reads the surname in another case than the given name it follows, as it does in some articles
    # (set by hand here): the given name's case, which the dictionary knows, and the surname's ending agree
    ("Журналисты побеседовали с лидером партии Мирославом Калоусеком в Праге.", "Мирославом Калоусеком",
     "Dat", "Мирослав Калоусек"),
    ("Награду она получила вместе с Катей Гориной.", "Катей Гориной", "Nom", "Катя Горина"),
    # ... but a given name that does not decline says nothing of the case
    ("Судьи: Хорхе Ларрионда (Уругвай).", "Хорхе Ларрионда", "Nom", "Хорхе Ларрионда"),
])
def test_a_surname_the_tagger_puts_in_another_case_takes_the_given_names(text, name, slip, nominative):
    doc = tagged(text, [(name, "PER")])
    span = doc.ner[0]
    doc.tokens[span.last - 1].feats["Case"] = slip
    assert normalize_tokens(doc, span.first, span.last, "PER") == nominative


def test_a_double_given_name_in_the_genitive_gives_the_surname_its_case():
    # the tagger reads `Карла-Хенрика` as a genitive, as it does in an article (set by hand), and `Сванберга`
    # as a nominative: each half of the given name is a genitive the dictionary knows, and the surname ends as one
    doc = tagged("Медведев принял председателя совета Карла-Хенрика Сванберга в Горках.", [("Карла-Хенрика Сванберга", "PER")])
    span = doc.ner[0]
    doc.tokens[span.first].feats["Case"], doc.tokens[span.last - 1].feats["Case"] = "Gen", "Nom"
    assert normalize_tokens(doc, span.first, span.last, "PER") == "Карл-Хенрик Сванберг"
