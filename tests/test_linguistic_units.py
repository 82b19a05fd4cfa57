"""The pieces the linguistic stages read slovnet's output with."""

from __future__ import annotations

from letopis.analysis.linguistic import bio_runs, map_by_length, read_morph_tag


def test_bio_runs_read_tags_as_slovnet_does():
    assert list(bio_runs(["B-PER", "I-PER", "O", "B-LOC"])) == [(0, 2, "PER"), (3, 4, "LOC")]
    assert list(bio_runs(["B-ORG", "I-LOC", "I-ORG", "O"])) == [(0, 3, "ORG")]  # I goes on whatever its type
    assert list(bio_runs(["O", "I-PER", "O"])) == []  # an I with nothing open is dropped
    assert list(bio_runs(["B-PER", "B-PER"])) == [(0, 1, "PER"), (1, 2, "PER")]


def test_a_morphology_tag_gives_its_part_of_speech_and_sorted_features():
    assert read_morph_tag("NOUN|Number=Sing|Case=Nom") == ("NOUN", (("Case", "Nom"), ("Number", "Sing")))
    assert read_morph_tag("PUNCT") == ("PUNCT", ())


def test_sentences_go_to_the_model_shortest_first_and_come_back_in_order():
    seen = []

    def model(batch):
        seen.extend(batch)
        return [len(words) for words in batch]

    sentences = [["a", "b", "c"], ["d"], ["e", "f"]]
    assert map_by_length(model, sentences) == [3, 1, 2]
    assert seen == [["d"], ["e", "f"], ["a", "b", "c"]]


def test_initials_are_left_out_of_the_parse_and_hang_on_the_name():
    """`Н.Саркози` is three tokens; the parser reads `Саркози` alone, and the initial and its dot hang on it."""
    from letopis.analysis.document import Doc
    from letopis.analysis.linguistic import Segment, kept_tokens, parse_sentences

    doc = Doc(text="Встреча Н.Саркози и В.В.Путина прошла в США. Ее провел А. Петров.")
    Segment()(doc)
    texts = [[doc.tokens[k].text for k in kept_tokens(doc, s)] for s in range(len(doc.sentences))]
    assert texts[0] == ["Встреча", "Саркози", "и", "Путина", "прошла", "в", "США", "."]
    assert "Петров" in texts[1] and "А" not in texts[1]
    doc.parser = parse_sentences
    doc.parse([0])
    n = next(i for i, t in enumerate(doc.tokens) if t.text == "Н")
    assert doc.tokens[n].rel == "flat:name" and doc.tokens[doc.tokens[n].head].text == "Саркози"
    assert doc.tokens[n + 1].rel == "punct" and doc.tokens[n + 1].head == n


def test_a_common_noun_that_opens_a_sentence_is_no_name():
    # the tagger reads a capitalised `Президенты` as a name in the genitive singular; written in lower case it
    # is the nominative plural it is, and the presidents the article names meet
    import letopis
    from letopis.analysis.analyze import default_pipeline
    from letopis.analysis.document import Doc

    doc = Doc(text="Новости дня. Президенты провели переговоры. Москва ждет.", meta={})
    default_pipeline()(doc)
    first = {doc.tokens[s.first].text: doc.tokens[s.first] for s in doc.sentences}
    assert (first["Президенты"].pos, first["Президенты"].feats["Case"], first["Президенты"].feats["Number"]) == \
        ("NOUN", "Nom", "Plur")
    assert first["Москва"].pos == "PROPN"
    record = letopis.analyze("Новости дня. Президент России Владимир Путин был в Кремле. Президент Украины Виктор "
                             "Янукович прилетел в Москву. Президенты провели переговоры в узком составе.")
    names = {e.id: e.name for e in record.entities}
    assert any(ev.trigger.text == "переговоры" and {names[a] for a in ev.actors + ev.targets} ==
               {"Владимир Путин", "Виктор Янукович"} for ev in record.events)


def test_the_tagger_reads_yo_as_e_and_the_token_keeps_it():
    # slovnet tags `нём` as a noun `нем`; read as `нем` it is the pronoun, and the session it stands for is where
    # the one named took part
    import letopis
    from letopis.analysis.analyze import default_pipeline
    from letopis.analysis.document import Doc

    doc = Doc(text="Вчера прошло совещание. В нём участвовал министр.", meta={})
    default_pipeline()(doc)
    pronoun = next(t for t in doc.tokens if t.text == "нём")
    assert (pronoun.pos, pronoun.lemma) == ("PRON", "он")
    record = letopis.analyze("Вчера прошло совещание у Сергея Собянина. В нём участвовал Дмитрий Чернышенко.")
    names = {e.id: e.name for e in record.entities}
    assert any({names[a] for a in ev.actors + ev.targets} == {"Сергей Собянин", "Дмитрий Чернышенко"}
               for ev in record.events)
