"""Every entry of the speech-verb lexicon drives a quote: one Russian sentence per entry.

The sentence comes from a template for the entry's class, with the verb inflected by natasha's MorphVocab; verbs that
the template does not suit (`спросить` reports a question, `обратить` needs `внимание`) have their own
sentence below. Every lexicon of frames and author's-voice phrases is exercised the same way.
"""

from __future__ import annotations

import pytest

import letopis
from letopis.analysis import lexicon
from letopis.analysis.linguistic import models

SPEAKER = "Иван Петров"
CONTENT = "цены на бензин вырастут"

# class -> (template with {verb}, the form to inflect the verb to, expected content, expected speaker)
TEMPLATES = {
    "say": ("Иван Петров {verb}, что цены на бензин вырастут.", {"Past", "Masc", "Sing"}, CONTENT, SPEAKER),
    "think": ("Иван Петров {verb}, что цены на бензин вырастут.", {"Past", "Masc", "Sing"}, CONTENT, SPEAKER),
    "ask": ("Иван Петров {verb} снизить налоги на бензин.", {"Past", "Masc", "Sing"}, "снизить налоги на бензин",
            SPEAKER),
    "promise": ("Иван Петров {verb} снизить налоги на бензин.", {"Past", "Masc", "Sing"},
                "снизить налоги на бензин", SPEAKER),
    "name": ("Иван Петров {verb} это решение ошибкой.", {"Past", "Masc", "Sing"}, "это решение ошибкой", SPEAKER),
    "cite": ("«Цены на бензин вырастут», — {verb} журналист слова Ивана Петрова.", {"Past", "Masc", "Sing"},
             "Цены на бензин вырастут", SPEAKER),
    "passive": ("Цены на бензин вырастут, {verb} в заявлении министерства.", {"Pres", "3", "Sing"},
                "Цены на бензин вырастут", "министерство"),
    "relay": ("Цены на бензин вырастут, {verb} агентство «Интерфакс».", {"Past", "Neut", "Sing"},
              "Цены на бензин вырастут", "Интерфакс"),
}

# entries the template does not suit: their own sentence, content and speaker
OWN = {
    "уверенный": ("Иван Петров уверен, что цены на бензин вырастут.", CONTENT, SPEAKER),
    "убежденный": ("Иван Петров убежден, что цены на бензин вырастут.", CONTENT, SPEAKER),
    "убедить": ("Анна Белова убеждена, что цены на бензин вырастут.", CONTENT, "Анна Белова"),
    "обратить": ("Иван Петров обратил внимание, что цены на бензин вырастут.", CONTENT, SPEAKER),
    "выразить": ("Иван Петров выразил уверенность, что цены на бензин вырастут.", CONTENT, SPEAKER),
    "высказать": ("Иван Петров высказал мнение, что цены на бензин вырастут.", CONTENT, SPEAKER),
    "выразиться": ("Как выразился Иван Петров, цены на бензин вырастут.", CONTENT, SPEAKER),
    "изложить": ("Иван Петров изложил свою позицию: цены на бензин вырастут.", CONTENT, SPEAKER),
    "акцентировать": ("Иван Петров акцентировал внимание на том, что цены на бензин вырастут.", CONTENT, SPEAKER),
    "опубликовать": ("Иван Петров опубликовал данные о том, что цены на бензин вырастут.", CONTENT, SPEAKER),
    "публиковать": ("Иван Петров публиковал материалы о том, что цены на бензин вырастут.", CONTENT, SPEAKER),
    "спросить": ("«Цены на бензин вырастут?» — спросил Иван Петров.", "Цены на бензин вырастут?", SPEAKER),
    "поинтересоваться": ("«Цены на бензин вырастут?» — поинтересовался Иван Петров.", "Цены на бензин вырастут?",
                         SPEAKER),
    "крикнуть": ("«Цены на бензин вырастут!» — крикнул Иван Петров.", "Цены на бензин вырастут!", SPEAKER),
    "кричать": ("«Цены на бензин вырастут!» — кричал Иван Петров.", "Цены на бензин вырастут!", SPEAKER),
    "воскликнуть": ("«Цены на бензин вырастут!» — воскликнул Иван Петров.", "Цены на бензин вырастут!", SPEAKER),
    "произнести": ("«Цены на бензин вырастут», — произнёс Иван Петров.", "Цены на бензин вырастут", SPEAKER),
    "рассуждать": ("«Цены на бензин вырастут», — рассуждал Иван Петров.", "Цены на бензин вырастут", SPEAKER),
    "поделиться": ("Иван Петров поделился: цены на бензин вырастут.", CONTENT, SPEAKER),
    "цитировать": ("«Цены на бензин вырастут», — цитирует газета Ивана Петрова.", "Цены на бензин вырастут", SPEAKER),
    "процитировать": ("«Цены на бензин вырастут», — процитировала газета Ивана Петрова.", "Цены на бензин вырастут",
                      SPEAKER),
    "охарактеризовать": ("Иван Петров охарактеризовал это решение ошибочным.", "это решение ошибочным", SPEAKER),
    "характеризовать": ("Иван Петров характеризовал это решение ошибочным.", "это решение ошибочным", SPEAKER),
    "признаваться": ("Иван Петров признавался, что цены на бензин вырастут.", CONTENT, SPEAKER),
    "заявляться": ("Цены на бензин вырастут, заявлялось в докладе министерства.", "Цены на бензин вырастут",
                   "министерство"),
    "сообщаться": ("Цены на бензин вырастут, сообщалось в докладе министерства.", "Цены на бензин вырастут",
                   "министерство"),
    "передать": ("Цены на бензин вырастут, передало агентство «Интерфакс».", "Цены на бензин вырастут", "Интерфакс"),
    "передавать": ("Цены на бензин вырастут, передает агентство «Интерфакс».", "Цены на бензин вырастут",
                   "Интерфакс"),
    "привести": ("«Цены на бензин вырастут», — привела газета слова Ивана Петрова.", "Цены на бензин вырастут",
                 SPEAKER),
    "приводить": ("«Цены на бензин вырастут», — приводит газета слова Ивана Петрова.", "Цены на бензин вырастут",
                  SPEAKER),
}


def inflected(lemma: str, grammemes: set[str]) -> str:
    for form in models().morph_vocab(lemma):
        if form.pos == "VERB" and form.feats.get("VerbForm") == "Inf":
            out = form.inflect(grammemes)
            if out is not None:
                return out.word
    raise AssertionError(f"cannot inflect {lemma!r} to {grammemes}")


def cases():
    for lemma, cls in lexicon.table("speech_verbs").items():
        if lemma in OWN:
            yield lemma, *OWN[lemma]
            continue
        template, grammemes, content, speaker = TEMPLATES[cls]
        yield lemma, template.format(verb=inflected(lemma, grammemes)), content, speaker


@pytest.mark.parametrize("lemma, sentence, content, speaker", list(cases()), ids=lambda x: x if isinstance(x, str)
                         and " " not in x else None)
def test_every_speech_verb_drives_a_quote(lemma, sentence, content, speaker):
    record = letopis.analyze(sentence)
    found = [(q.content.text, q.speaker.name if q.speaker else None) for q in record.quotes]
    assert any(c == content and s and speaker.lower() in s.lower() for c, s in found), (sentence, found)


def test_every_class_has_a_template():
    assert set(lexicon.table("speech_verbs").values()) <= set(TEMPLATES)


def frame_cases():
    from letopis.analysis.quotes.words import phrase_table

    for frame, kind in phrase_table("source_frames").items():
        words = frame.split()
        if kind == "cite":
            yield frame, f"Агентство {frame} источник в министерстве сообщило, что цены на бензин вырастут.", \
                CONTENT, "источник в министерстве"
        else:
            opening = " ".join([words[0].capitalize()] + words[1:])
            yield frame, f"{opening} министерства, цены на бензин вырастут.", CONTENT, "министерство"


@pytest.mark.parametrize("frame, sentence, content, speaker", list(frame_cases()))
def test_every_source_frame_attributes(frame, sentence, content, speaker):
    record = letopis.analyze(sentence)
    found = [(q.content.text, q.speaker.name if q.speaker else None) for q in record.quotes]
    assert any(c == content and s and speaker.lower() in s.lower() for c, s in found), (sentence, found)


def author_cases():
    from letopis.analysis.quotes.words import quote_words

    for frame in quote_words().author_frames:
        text = " ".join(frame)
        yield text, f"{text[:1].upper()}{text[1:]}, что цены на бензин вырастут."


@pytest.mark.parametrize("frame, sentence", list(author_cases()))
def test_author_frames_are_no_quotes(frame, sentence):
    assert letopis.analyze(sentence).quotes == [], sentence
