"""The pipeline checks stage order when it is built; the linguistic layer fills its layers."""

from __future__ import annotations

import pytest

from letopis.analysis.analyze import default_pipeline
from letopis.analysis.document import Doc
from letopis.analysis.entities import Entities
from letopis.analysis.linguistic import Morph, Ner, Segment, Syntax
from letopis.analysis.pipeline import Pipeline
from letopis.errors import PipelineError


def test_misordered_pipeline_fails_at_build_time():
    with pytest.raises(PipelineError, match="'entities' requires .*ner"):
        Pipeline([Segment(), Morph(), Entities(), Ner()])


def test_default_pipeline_order_is_valid():
    assert default_pipeline().names[:3] == ["segment", "morph", "ner"]


def test_linguistic_layers():
    doc = Doc("Президент Казахстана Касым-Жомарт Токаев прилетел в Нью-Йорк. Он выступил в ООН.")
    Pipeline([Segment(), Morph(), Ner(), Syntax()])(doc)
    assert len(doc.sentences) == 2
    words = [t.text for t in doc.tokens]
    assert "Касым-Жомарт" in words
    flew = doc.tokens[words.index("прилетел")]
    assert flew.pos == "VERB" and flew.lemma == "прилететь"
    assert {s.type for s in doc.ner} >= {"PER", "LOC", "ORG"}
    # syntax runs on demand, only for the sentences asked for
    assert not any(s.parsed for s in doc.sentences)
    doc.parse([0])
    assert doc.sentences[0].parsed and not doc.sentences[1].parsed
    assert doc.tokens[words.index("Президент")].head == words.index("прилетел")
    assert doc.tokens[words.index("прилетел")].rel == "root"


def test_empty_and_odd_text_analyse_without_error():
    import letopis

    for text in ["", "   ", "!!!", "Only Latin words here.", "Смесь of scripts и 123"]:
        record = letopis.analyze(text)
        assert record.text == text


def test_flattened_line_breaks_are_read_as_breaks_without_moving_offsets():
    text = "Министр ответил жестко.n«Я против», — сказал онnжурналистам агентстваnТАСС."
    doc = Doc(text)
    Pipeline([Segment()])(doc)
    words = [t.text for t in doc.tokens]
    assert "«" in words and "журналистам" in words and "ТАСС" in words and "он" in words
    for t in doc.tokens:
        assert text[t.start:t.stop].replace("n", "\n") == t.text.replace("n", "\n")
    assert len(doc.sentences) == 2


def test_latin_words_keep_their_n():
    doc = Doc("Компания Apple и сеть London Eye объявили о партнерстве. Putin. Lenin")
    Pipeline([Segment()])(doc)
    assert {"Apple", "London", "Putin", "Lenin"} <= {t.text for t in doc.tokens}
