"""Nominative forms of names: `Путина` → `Путин`, `МИДа России` → `МИД России`.

Built on natasha's word inflection, with two differences: organisations inflect only their leading
adjectives and first noun (the rest is a genitive tail that stays as written), and a handful of known
slips of the tagger (plural place names, indeclinable foreign words) are mended.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from letopis.analysis.person_names import given_name_first

if TYPE_CHECKING:
    from letopis.analysis.document import Doc, NerSpan, Token

INFLECTABLE = {"NOUN", "PROPN", "ADJ"}
# particles joined by a hyphen to the name that declines after them (`аль-Асадом` → `аль-Асад`, `эль-Сиси`)
NAME_PARTICLES = frozenset({"аль", "эль", "ас", "ад", "ар", "ан", "аш", "ат", "аз", "ал", "ибн", "бен", "бин", "абу"})
THINGS_CASES = frozenset({"gen2", "loc2"})  # `чаю`, `в лесу`: the partitive and the second locative
INFLECTED_ABBREVIATION = re.compile(r"^([A-ZА-ЯЁ]{2,})(?:а|у|ом|е|ы|ов|ам|ами|ах)$")


@lru_cache(maxsize=100_000)
def nominative(word: str, pos: str, feats: tuple[tuple[str, str], ...], kind: str = "") -> str:
    """The nominative of one word form, keeping its number and gender; the word itself when unknown.

    `kind` (PER, ORG, LOC) is the kind of name the word stands in. The dictionary only guesses at foreign
    names, so a guess must agree with the tagger's gender (`Тоттенхэме` is no form of a woman's name
    `Тоттенхэма`) and, in a person's name, not be a verb form. A word with no such parse declines as a
    masculine foreign name (`Райкконена` → `Райкконен`, `Тоттенхэме` → `Тоттенхэм`, `Бесселя` →
    `Бессель`), or not at all when it cannot (`Кими`, `Тору`)."""
    low = word.lower().replace("ё", "е")
    f = dict(feats)
    participle = pos == "VERB" and f.get("VerbForm") == "Part"  # in names: Соединённых Штатов
    if (pos not in INFLECTABLE and not participle) or not low.replace("-", "").isalpha():
        return low
    if f.get("Case") == "Nom":
        return misread_nominative(low, kind) or low
    parts = low.split("-")
    if kind == "PER" and len(parts) == 2 and parts[0] in NAME_PARTICLES:  # `аль-Асадом` → `аль-Асад`
        return f"{parts[0]}-{nominative(parts[1], pos, feats, kind)}"
    if kind == "PER" and len(parts) == 2 and all(len(part) > 2 for part in parts):
        # `Франком-Вальтером` → `Франк-Вальтер`: each half of a double given name declines, when the first
        # does (`Жан-Поль Сартра` leaves `Жан-Поль` as it is)
        halves = [nominative(part, pos, feats, kind) for part in parts]
        if halves[0] != parts[0]:
            return "-".join(halves)
    forms = weighed_forms(low, kind)
    if kind == "PER" and f.get("Gender") == "Masc" and f.get("Case") == "Ins" and low.endswith("ой") \
            and len(low) > 4 and low[-3] in CONSONANTS and not any(x.feats.get("Gender") == "Masc" for x in forms):
        return low[:-2] + "а"  # a man's name of the first declension: `Хейсамом Манной` → `Манна`, not `Манная`
    if kind == "PER" and f.get("Gender") != "Fem" and low.endswith(("иным", "ыным")) \
            and not any(NAME_GRAMMEMES & x.tag.grammemes for x in forms):
        # a man's surname the dictionary lacks, not an adjective: `Лисиным` → `Лисин`, not `Лисиный` (but
        # `Садовым` may be `Садовый`, a surname that is an adjective)
        return low[:-2]
    if kind == "PER" and f.get("Gender") == "Fem" and low.endswith(("овой", "евой", "ёвой")) \
            and not any(NAME_GRAMMEMES & x.tag.grammemes for x in forms):
        # a woman's surname the dictionary lacks, which it would read as an adjective (`Лизой Мамонтовой` →
        # `Мамонтова`, not `Мамонтовая`)
        return low[:-2] + "а"
    if not forms:
        return foreign_nominative(low, f, kind)
    if kind == "PER" and not any(form.is_known for form in forms) and f.get("Gender") != "Fem":
        # the dictionary only guesses at a man's foreign name (`Шольцем` as `Шолец`, `Фейсалом` as `Фейсало`):
        # dropping the case ending is the safer guess, unless the name declines as an adjective
        # (`Качиньскому`) or drops a vowel before its last к as Slavic names do (`Казусенком`)
        stem = foreign_nominative(low, f, kind)
        if stem != low and not slavic_guess(stem, forms):
            return stem
    if kind == "PER" and len(low) >= 5 and low.endswith("и") and low[-2] in CONSONANTS and low[-2] not in "кгхжшчщ" \
            and not any(form.is_known for form in forms):
        return low  # a foreign name in -и does not decline (`Жана де Глиниасти`, not `Глиниасть`): a name the
        # dictionary does not know reads -и as a case of a woman's noun in -ь only by guess
    want = ("NOUN" if pos == "PROPN" else pos, f.get("Gender"), f.get("Number"), f.get("Case"))
    person = kind == "PER" and f.get("Number") != "Plur"
    wanted = {want}
    if person and want[1] == "Masc" and want[3] == "Acc":  # a man is animate: his accusative is the genitive
        wanted.add(want[:3] + ("Gen",))                     # (`Курта Бока`, `бока` known as `бок`'s genitive)
    for form in forms:
        have = ("NOUN" if form.pos == "PROPN" else form.pos, form.feats.get("Gender"),
                form.feats.get("Number"), form.feats.get("Case"))
        if have in wanted and (inflected := inflect_nominative(form)):
            return inflected
    # the tagger's number or gender may be wrong (plural place names: Нидерландов, Соединённых Штатов),
    # or its case missing (Северо-Кавказском): the most likely parse whose case agrees, or simply the most likely
    for form in forms:
        if person and form.feats.get("Number") == "Plur":
            continue  # one person's name is no plural noun's form (`бока`, sides)
        if (form.feats.get("Case") == f.get("Case") or not f.get("Case")) \
                and (form.is_known or kind == "PER" or form.feats.get("Gender") == f.get("Gender")):
            if form.pos in ("NOUN", "PROPN", "ADJ", "VERB") and (inflected := inflect_nominative(form)):
                return inflected
    if kind == "PER" and f.get("Gender") != "Fem" and low.endswith(("ом", "ем")) and f.get("Case") \
            and not any(form.feats.get("Case") in (f.get("Case"), "Ins") for form in forms):
        # a man's name with the instrumental's ending that the dictionary knows only as another case of some
        # other word (`с Эрве Мореном`, `мореном` the locative of the adjective `мореный`, whatever case the
        # tagger gave it): a foreign name's ending
        return foreign_nominative(low, f | {"Case": "Ins"}, kind)
    # a case the word cannot be in at all (`Далай-ламу` tagged a genitive): the dictionary's best known parse
    known = [form for form in forms if form.is_known and form.pos in ("NOUN", "PROPN", "ADJ")
             and form.feats.get("Number") == f.get("Number", "Sing")]  # not the plural `толстых` of `Николаем Толстых`
    if known and f.get("Case") and not any(form.feats.get("Case") == f.get("Case") for form in forms):
        if inflected := inflect_nominative(known[0]):
            return inflected
    return low if any(form.is_known for form in forms) else foreign_nominative(low, f, kind)


def slavic_guess(stem: str, forms: list) -> bool:
    """Whether the dictionary's guesses read a name as Slavic: declining as an adjective (`Качиньскому` →
    `Качиньский`) or with a vowel dropped before its final к (`Казусенком` → `Казусенок`)."""
    guessed = {inflect_nominative(form) for form in forms}
    if any(g.endswith(("ский", "цкий", "ской", "цкой")) for g in guessed):
        return True
    return stem.endswith("к") and any(g in (stem[:-1] + "ок", stem[:-1] + "ек") for g in guessed)


def misread_nominative(low: str, kind: str) -> str:
    """A person's name the tagger calls nominative that can only be an instrumental (`с Тимоти Гайтнером`):
    every parse the dictionary gives is one, so its nominative is that parse's; or a foreign name the
    dictionary does not know that ends in -ы after a consonant, which no nominative of one person does: the
    genitive of a name in -а (`Ицунори Онодэры` → `Онодэра`); else ""."""
    if kind == "PER" and len(low) >= 5 and low.endswith("ы") and low[-2] in CONSONANTS \
            and not any(form.is_known for form in weighed_forms(low, kind)):
        return low[:-1] + "а"
    if kind != "PER" or not low.endswith(("ом", "ем", "ым", "им")):
        return ""
    forms = weighed_forms(low, kind)
    if forms and all(form.feats.get("Case") == "Ins" for form in forms):
        return inflect_nominative(forms[0])
    return ""


def inflect_nominative(form) -> str:
    inflected = form.inflect({"Nom"})
    if inflected and form.tag.POS in ("ADJF", "ADJS") and "Supr" in form.tag.grammemes:
        # a superlative's lexeme holds more than one stem (`высшего` → `высочайший`, `высший`): keep the word's own
        inflected = max((other for other in form.lexeme if other.tag.grammemes == inflected.tag.grammemes),
                        key=lambda other: (shared_prefix(other.word, form.word), -len(other.word)), default=inflected)
    return inflected.word.replace("ё", "е") if inflected else ""


def shared_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


VERBAL = {"VERB", "INFN", "PRTF", "PRTS", "GRND"}
NAME_GRAMMEMES = {"Name", "Surn", "Patr"}
CONSONANTS = set("бвгджзклмнпрстфхцчшщ")
HUSHING = set("цжшчщ")
# case endings of masculine nouns: hard stems (`Райкконена` → `Райкконен`), soft ones (`Бесселя` → `Бессель`)
HARD_ENDINGS = {"Gen": ("а",), "Acc": ("а",), "Dat": ("у",), "Ins": ("ом", "ым"), "Loc": ("е",)}
SOFT_ENDINGS = {"Gen": ("я",), "Acc": ("я",), "Dat": ("ю",), "Ins": ("ем",)}


def weighed_forms(low: str, kind: str) -> list:
    """The dictionary's parses of `low`, without its guesses that a word in a person's name is a verb
    form (`Райкконена` is no participle), its short adjectives, or its cases of things."""
    from letopis.analysis.linguistic import models

    forms = models().morph_vocab(low)
    if kind != "PER":
        return list(forms)
    # nor a short adjective (`Маховикова` is no `маховиковый`), nor a partitive or a second locative, which
    # only things have (`Юрия Чайку` is no `чаёк`'s partitive `чайку`)
    return [form for form in forms if (form.is_known or form.tag.POS not in VERBAL) and form.tag.POS != "ADJS"
            and not THINGS_CASES & form.tag.grammemes]


def foreign_nominative(low: str, feats: dict[str, str], kind: str) -> str:
    """A word the dictionary does not know, as a foreign name: masculine consonant stems lose their case
    ending (`райкконена`, `тоттенхэме`); anything else stays as written."""
    if kind not in ("PER", "LOC", "ORG") or feats.get("Gender") == "Fem":
        return low
    case = feats.get("Case", "")
    for ending in HARD_ENDINGS.get(case, ()):
        stem = low[:-len(ending)]
        if low.endswith(ending) and len(stem) >= 3 and stem[-1] in CONSONANTS:
            return stem
    if kind == "PER" and case == "Acc" and low.endswith("ю") and len(low) >= 5 and low[-2] in "аеиоу":
        return low[:-1] + "я"  # a man's name in -я: `Ахалаю`, `Бокерию` → `Ахалая`, `Бокерия`
    for ending in SOFT_ENDINGS.get(case, ()):
        stem = low[:-len(ending)]
        if low.endswith(ending) and len(stem) >= 3:
            if ending == "ем" and stem[-1] in HUSHING:  # `Шольцем` → `Шольц`: a hard stem after ц, ж, ш, ч, щ
                return stem
            return stem + ("ь" if stem[-1] in CONSONANTS else "й")
    return low


def recover_shape(word: str, original: str) -> str:
    """Give `word` the capitalisation of `original` (ПУТИНА → ПУТИН, путина → путин, Путина → Путин)."""
    if original.isupper() and len(original) > 1:
        return word.upper()
    if "-" in original:  # Касым-Жомарт, Ростов-на-Дону, аль-Асад
        parts = word.split("-")
        shapes = original.split("-")
        if len(parts) == len(shapes) and any(shape[:1].isupper() for shape in shapes):
            return "-".join(recover_shape(p, s) if s else p for p, s in zip(parts, shapes, strict=True))
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def normal_word(token: Token, kind: str = "", case: str = "", sure: bool = False) -> str:
    """The nominative of a token, written as the token is (`kind`: the kind of name it stands in; `case`:
    the case the name is in, when known better than the tagger's guess for this word, which it replaces where
    the dictionary knows the word in that case, or always if `sure`)."""
    if token.text.isupper() and len(token.text) > 1:
        if kind == "PER" and len(token.text) > 3 and token.text.isalpha():  # a name in capitals (a byline's
            word = token.text.capitalize()                                  # `Аленой КАЗАНЦЕВОЙ`): Казанцева
            return nominative(word, token.pos, tuple(sorted(token.feats.items())), kind).capitalize()
        return token.text  # abbreviations: ООН, США
    abbreviation = INFLECTED_ABBREVIATION.match(token.text)
    if abbreviation:  # МИДа, ЦИКом → МИД, ЦИК
        return abbreviation.group(1)
    if kind == "PER" and token.feats.get("Gender") == "Fem" and token.text[-1:].lower() in CONSONANTS:
        return token.text  # women's names ending in a consonant do not decline: Беназир, Кристин
    feats = dict(token.feats)
    if case and (sure or known_in_case(token.text, case)):
        feats["Case"] = case
    word = nominative(token.text, token.pos, tuple(sorted(feats.items())), kind)
    return recover_shape(word, token.text)


def known_in_case(word: str, case: str) -> bool:
    """The dictionary knows `word` as a name in `case` (UD case name), or each half of a double name
    (`Карла-Хенрика`)."""
    from letopis.analysis.linguistic import models

    halves = word.split("-")
    if len(halves) == 2 and all(len(half) > 2 for half in halves):
        return all(known_in_case(half, case) for half in halves)
    return any(f.is_known and f.feats.get("Case") == case and NAME_GRAMMEMES & f.tag.grammemes
               for f in models().morph_vocab(word.lower()))


def person_case(tokens: list[Token], gender: str = "Masc") -> str:
    """The case of a man's (or, with `gender="Fem"`, a woman's) name: the tagger's case for its first word of
    that gender the dictionary knows as a name in that case, and as one that declines (the words of a name
    agree: `Веселина Топалова` is genitive, though the tagger may take `Топалова` for a woman's nominative;
    `Хорхе` says nothing of `Хорхе Ларрионда`)."""
    for t in tokens:
        case = t.feats.get("Case", "")
        if case and t.feats.get("Gender") == gender and known_in_case(t.text, case) and not indeclinable(t.text):
            return case
    return ""


def indeclinable(word: str) -> bool:
    """The dictionary knows `word` as a name that does not decline (`Хорхе`): its case is anyone's guess."""
    from letopis.analysis.linguistic import models

    named = [f for f in models().morph_vocab(word.lower()) if NAME_GRAMMEMES & f.tag.grammemes]
    return bool(named) and all("Fixd" in f.tag.grammemes for f in named)


SURNAME_ENDINGS = {  # (gender, case) → the endings a surname takes there: `Калоусеком`, `Гориной`, `Сванберга`
    ("Masc", "Ins"): ("ом", "ем", "ём"),
    ("Masc", "Gen"): ("а", "я"),
    ("Masc", "Acc"): ("а", "я"),
    ("Fem", "Ins"): ("ой", "ей"),
    ("Fem", "Gen"): ("ой", "ей"),
    ("Fem", "Dat"): ("ой", "ей"),
}


def agrees_by_ending(t: Token, gender: str, case: str) -> bool:
    """Whether a word the dictionary does not know ends as a surname of that gender does in that case, so the
    case of the given name before it is its case too (`Мирославом Калоусеком`, the second read as a dative;
    `Катей Гориной`, the second as a nominative)."""
    return t.pos == "PROPN" and len(t.text) >= 5 and t.text.lower().endswith(SURNAME_ENDINGS.get((gender, case), ()))


def instrumental_name(tokens: list[Token]) -> bool:
    """A foreign man's name whose words the tagger puts in different cases, one of them the instrumental its
    ending shows (`Фейсалом Мекдадом`, the second read as a dative), or whose every word has that ending
    (`Хансом-Дитрихом Геншером`, both read as nominatives; the last may end as `Никитой` does: `Хейсамом
    Манной`): all its words are in the instrumental."""
    if len(tokens) < 2 or any(t.pos != "PROPN" for t in tokens):
        return False
    def ending(t: Token) -> bool:
        return t.feats.get("Gender") == "Masc" and len(t.text) >= 5 and t.text.lower().endswith(("ом", "ем", "ём"))
    if all(ending(t) for t in tokens[:-1]) and (ending(tokens[-1]) or first_declension(tokens[-1])):
        return True  # `Хейсамом Манной`: the last word may decline as `Никита` does
    return any(t.feats.get("Case") == "Ins" and ending(t) for t in tokens) and any(
        t.feats.get("Case") != "Ins" for t in tokens)


def first_declension(t: Token) -> bool:
    """A man's name word that ends as the instrumental of a name in -а (`Манной`, `Кусой`)."""
    return t.feats.get("Gender") == "Masc" and len(t.text) >= 5 and t.text.lower().endswith("ой")


def agrees_like_adjective(t: Token) -> bool:
    """A word the tagger calls a noun that the dictionary knows only as an adjective or participle
    (`Соединённых` in `Соединённых Штатов`): not the head of the name."""
    from letopis.analysis.linguistic import models

    forms = models().morph_vocab(t.text.lower())
    return bool(forms) and all(f.is_known and f.tag.POS in ("ADJF", "PRTF") for f in forms)


def inflectable(t: Token) -> bool:
    return t.pos in INFLECTABLE or t.pos == "VERB" and t.feats.get("VerbForm") == "Part"


GLUED_INITIAL = re.compile(r"(?<!\w)([А-ЯЁA-Z])\.(?=[А-ЯЁA-Z])")  # `С.Антуфьев`, `В.В.Путин`: one word to the tokenizer


def normalize_tokens(doc: Doc, first: int, last: int, kind: str, known_case: str = "") -> str:
    """The nominative of tokens [first, last) as a name of type `kind` (PER, LOC, ORG); a person's initials stand
    apart from the surname (`С.Антуфьева` → `С. Антуфьев`). `known_case`, for a person: the case the name is
    known to be in (that of the title it stands in apposition to), over the tagger's.

    A person's every word is inflected; an organisation or place inflects its leading adjectives and its
    first noun, the head, and keeps the genitive tail as written (`Министерства обороны` → `Министерство
    обороны`, `Соединённых Штатов Америки` → `Соединённые Штаты Америки`)."""
    tokens = doc.tokens[first:last]
    case, gender = (person_case(tokens), "Masc") if kind == "PER" else ("", "")
    if kind == "PER" and not case:
        case, gender = person_case(tokens, "Fem"), "Fem"
    sure = False
    if kind == "PER" and known_case:
        case, sure = known_case, True
    if kind == "PER" and case in ("", "Ins") and instrumental_name(tokens):
        case, sure = "Ins", True
    words = []
    inflect = True
    for t in tokens:
        if not inflect:
            words.append(t.text)
            continue
        words.append(normal_word(t, kind, case, sure or agrees_by_ending(t, gender, case)) if inflectable(t) else t.text)
        if kind != "PER" and t.pos in ("NOUN", "PROPN") and not agrees_like_adjective(t):
            inflect = False  # the first noun is the head; what follows is its dependent tail
    out = []
    for i, (t, w) in enumerate(zip(tokens, words, strict=True)):
        if i:
            out.append(" " * min(1, t.start - tokens[i - 1].stop))
        out.append(w)
    name = "".join(out)
    return given_name_first(GLUED_INITIAL.sub(r"\1. ", name)) if kind == "PER" else name


def normalize_span(doc: Doc, span: NerSpan) -> str:
    return normalize_tokens(doc, span.first, span.last, span.type)
