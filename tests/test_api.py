"""The Python API's queries: ``Corpus.search`` and ``Corpus.said_by``, on a corpus built in memory."""
from __future__ import annotations

import pytest

from corpus.api import Corpus
from corpus.model import Document, Mention, Paragraph, Sentence

ENTITIES = [
    {
        "id": "liang-wenfeng",
        "type": "person",
        "zh_hans": "梁文锋",
        "zh_hant": "梁文鋒",
        "en": "Liang Wenfeng",
        "aliases": ["梁文锋", "梁文鋒", "Liang Wenfeng"],
    },
    {"id": "anyong", "type": "org", "zh_hans": "暗涌", "zh_hant": "暗湧", "en": "Waves", "aliases": ["暗涌", "Waves"]},
    {
        "id": "li-mu",
        "type": "person",
        "zh_hans": "李沐",
        "zh_hant": "李沐",
        "en": "Li Mu",
        "aliases": ["李沐", "Li Mu"],
    },
]


def sentence(index, zh, en, speaker=None, role=None, entities=(), quote_spans=()):
    return Sentence(id=f"d.p000.s{index:02d}", doc_id="d", paragraph=0, index=index, zh=zh, zh_hans=zh,
                    en_segments=[en], speaker=speaker, speaker_role=role, entities=list(entities),
                    quote_spans=list(quote_spans))


@pytest.fixture
def corpus():
    sentences = [
        sentence(0, "你们为什么做大模型?", "Why build large models?", "anyong", "interviewer"),
        sentence(1, "我们想做AI。", "We want to do AI.", "liang-wenfeng", "interviewee"),
        sentence(2, "要提高成功率。", "To raise the odds.", "liang-wenfeng", "interviewee"),
        sentence(3, "ChatGPT很像人。", "ChatGPT feels like a person.", None, None),
        sentence(4, "用GPT-4写论文。", "Writing papers with GPT-4.", None, None),
        sentence(5, "李沐说:“开源很重要。”", "Li Mu said: \"Open source matters.\"", "li-mu", "quoted",
                 [Mention(0, 2, "李沐", "person", "li-mu")], [(4, 12)]),
    ]
    doc = Document(doc_id="d", source_file="d.txt", paragraphs=[Paragraph(0, "paragraph", "", sentences=sentences)])
    return Corpus([doc], ENTITIES)


def ids(sentences):
    return [s.index for s in sentences]


def test_a_latin_query_matches_whole_words_in_english(corpus):
    assert ids(corpus.search("AI")) == [1]  # not "raise"
    assert ids(corpus.search("ai")) == [1]
    assert ids(corpus.search("like")) == [3]


def test_a_latin_query_matches_whole_words_in_chinese_text(corpus):
    assert ids(corpus.search("GPT")) == [4]  # "用GPT-4": Han characters and "-" are edges; not inside ChatGPT
    assert ids(corpus.search("GPT-4")) == [4]


def test_a_latin_name_is_a_word_not_part_of_one(corpus):
    assert ids(corpus.search("Li")) == [5]  # "Li Mu said", not "feels like"
    assert ids(corpus.search("Mu")) == [5]


def test_a_chinese_query_matches_anywhere_in_either_script(corpus):
    assert ids(corpus.search("大模型")) == [0]
    assert ids(corpus.search("開源")) == [5]
    assert ids(corpus.search("李沐")) == [5]


def test_said_by_an_id_or_any_name_gives_turns_and_quotations(corpus):
    assert (
        ids(corpus.said_by("liang-wenfeng"))
        == ids(corpus.said_by("梁文鋒"))
        == ids(corpus.said_by("Liang Wenfeng"))
        == [1, 2]
    )
    assert ids(corpus.said_by("Waves")) == [0]
    assert [(s.index, s.speaker_role) for s in corpus.said_by("李沐")] == [(5, "quoted")]


def test_said_by_an_unknown_name_is_an_error_not_silence(corpus):
    with pytest.raises(KeyError):
        corpus.said_by("Liang Wenfang")


def test_quote_spans_are_a_dataset_column_and_load_back(corpus, tmp_path):
    from corpus import load
    from corpus.export import hf

    corpus.documents[0].script = "hans"  # the documents config needs a script
    hf.write_dataset(corpus.documents, corpus.entities, tmp_path)
    (tmp_path / "edits").mkdir()
    (tmp_path / "edits" / "d.jsonl").write_text("", encoding="utf-8")
    rows = corpus.to_hf("sentences")
    assert rows[5]["quotes"] == [{"start": 4, "end": 12, "text": "“开源很重要。”"}] and rows[4]["quotes"] == []
    assert [s.quote_spans for s in load(tmp_path).sentences] == [[], [], [], [], [], [(4, 12)]]


def test_build_then_load_a_new_seed_folder(tmp_path):
    import corpus as package

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "new.txt").write_text("智源研究院成立了。张宏江是理事长。\n", encoding="utf-8")
    report = package.build(str(seeds), str(tmp_path / "out"), allow_untranslated=True)
    loaded = package.load(tmp_path / "out" / "corpus" / "data")
    assert report.sentences == len(loaded.sentences) == 2
    assert [s.zh for s in loaded.sentences] == ["智源研究院成立了。", "张宏江是理事长。"]
    assert loaded.search("智源") and not (tmp_path / "out" / "README.md").exists()
