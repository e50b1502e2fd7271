"""The reading edition's generator: markup, page content, the search data, and writing the site."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import corpus
from corpus.cli import main
from corpus.errors import CorpusError
from corpus.model import Mention
from corpus.site import MARKER, pages, render_site, search_index, write_site
from corpus.script import character_readings
from corpus.site.markup import marked, moved_spans, ruby
from corpus.site.pages import sentence_ruby
from corpus.view import resolve_mentions

VOID = {"meta", "link", "input", "br", "img", "hr"}
LANGS = {"en", "zh", "zh-Hans", "zh-Hant", "zh-Latn-pinyin"}
hostile_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@pytest.fixture(scope="module")
def shipped():
    return corpus.load()


@pytest.fixture(scope="module")
def site(shipped):
    return render_site(shipped)


def text_of(markup: str) -> str:
    """The characters a reader sees in ``markup``: tags removed, ``rt`` readings removed, entities unescaped."""
    return html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<rt[^>]*>.*?</rt>", "", markup)))


class Nesting(HTMLParser):
    """Fails on a closing tag that does not close the innermost open element, or an element left open."""

    def __init__(self):
        super().__init__()
        self.open: list[str] = []
        self.ids: list[str] = []
        self.langs: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if "lang" in attributes:
            self.langs.add(attributes["lang"])
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1] if self.open else None}>"
        self.open.pop()


def parsed(page: str) -> Nesting:
    parser = Nesting()
    parser.feed(page)
    parser.close()
    assert parser.open == [], parser.open
    return parser


mentions = st.lists(st.builds(Mention, st.integers(-3, 45), st.integers(-3, 45), st.just("x"),
                              st.sampled_from(["person", "org", "date", "<b>"]), st.one_of(st.none(), st.just("a&b"))),
                    max_size=6)
quotes = st.lists(st.tuples(st.integers(-3, 45), st.integers(-3, 45)), max_size=3)


@settings(max_examples=300)
@given(hostile_text, mentions, quotes, st.one_of(st.none(), hostile_text))
def test_marked_loses_no_text_and_is_well_formed_for_any_input(text, spans, quote_spans, speaker):
    out = str(marked(text, spans, quote_spans, speaker))
    assert text_of(out) == text
    parsed(out)
    if not any(ord(c) < 32 and c not in "\t\n\r" for c in text + (speaker or "")):  # XML 1.0 has no such characters
        etree.fromstring(f"<p>{out}</p>".encode("utf-8", "surrogatepass"))


def test_marked_nests_mentions_in_quotations_and_cuts_one_that_crosses_the_edge():
    out = str(marked("张宏江说:“智源很好。”", [Mention(0, 3, "张宏江", "person", "zhang-hongjiang"),
                                            Mention(6, 8, "智源", "org", "baai")], [(5, 12)], "zhang-hongjiang"))
    assert out.count('class="quote"') == 1
    assert '<span class="quote" data-speaker="zhang-hongjiang">“<span class="ent ent-org" data-ref="baai"' in out
    crossing = str(marked("abcdef", [Mention(1, 4, "bcd", "org", "o")], [(2, 6)]))
    assert crossing.count('data-ref="o"') == 2 and text_of(crossing) == "abcdef"


spans = st.lists(st.tuples(st.integers(-2, 30), st.integers(-2, 30)), max_size=5)


@given(hostile_text, hostile_text, hostile_text, spans)
def test_moved_spans_shift_with_inserted_text_and_stay_inside_the_target(source, prefix, suffix, offsets):
    assert moved_spans(source, source, offsets) == [
        (max(0, min(a, len(source))), max(0, min(b, len(source)))) if min(b, len(source)) > max(0, a) else (0, 0)
        for a, b in offsets]
    target = prefix + source + suffix
    for (start, end), (a, b) in zip(moved_spans(source, target, offsets), offsets):
        assert 0 <= start <= end <= len(target)
        a, b = max(0, min(a, len(source))), max(0, min(b, len(source)))
        if b > a:  # an unchanged span moves with its text
            assert target[start:end] == source[a:b]


def test_moved_spans_widen_to_a_rewritten_run_of_another_length():
    assert moved_spans("ab软件cd", "ab軟體程式cd", [(0, 2), (2, 4), (2, 3), (4, 6)]) == [(0, 2), (2, 6), (2, 6), (6, 8)]
    assert moved_spans("中国过去", "中國過去", [(0, 2)]) == [(0, 2)]  # same length: character for character


han = st.text(st.sampled_from("张宏江智源研究院的人工智能,。AI 2023"), max_size=30)


@given(han)
def test_ruby_puts_every_han_character_over_its_syllable(text):
    syllables = {"张": "zhāng", "宏": "hóng", "江": "jiāng", "智": "zhì", "源": "yuán", "研": "yán", "究": "jiū",
                 "院": "yuàn", "的": "de", "人": "rén", "工": "gōng", "能": "néng"}
    readings = [syllables.get(char) for char in text]
    out = ruby(text, readings)
    assert out is not None and text_of(str(out)) == text
    assert re.findall(r"<rt[^>]*>(.*?)</rt>", str(out)) == [syllables[c] for c in text if c in syllables]
    if any(c in syllables for c in text):
        assert ruby(text, [None] * len(text)) is None and ruby(text + "江", readings) is None


def test_ruby_lines_up_for_the_shipped_sentences(shipped):
    lined_up = [s for s in shipped.sentences if sentence_ruby(s)]
    assert len(lined_up) == len(shipped.sentences)


def test_ruby_readings_are_the_syllables_of_the_pinyin_column(shipped):
    """The orthography joins and capitalises syllables; the ruby shows the same syllables one by one."""
    for sentence in shipped.sentences[:200]:
        written, position = sentence.pinyin.lower(), 0
        for reading in filter(None, character_readings(sentence.zh_hans, sentence.zh)):
            found = written.find(reading, position)
            assert found >= 0, (sentence.id, reading, written[position:])
            position = found + len(reading)


def test_every_page_is_well_nested_with_known_lang_tags_and_unique_ids(site):
    for path, page in site.items():
        if path.endswith(".html"):
            tree = parsed(page)
            assert tree.langs <= LANGS, (path, tree.langs - LANGS)
            assert len(tree.ids) == len(set(tree.ids)), path


def test_document_page_holds_every_sentence_and_segment_id_and_the_metadata(shipped, site):
    for doc in shipped:
        page = site[f"doc/{doc.doc_id}.html"]
        ids = set(parsed(page).ids)
        assert {s.id for s in doc.sentences} <= ids
        assert {f"{s.id}.en{k}" for s in doc.sentences for k in range(len(s.en_segments))} <= ids
        assert doc.source_file in page and f"Cleaning edits</dt><dd lang=\"en\">{sum(map(len, doc.edits))}<" in page
        assert "reference translation by the project team: " in page
        shown = text_of(page)
        assert all(text in shown for s in doc.sentences for text in (s.zh, s.zh_hans, s.zh_hant, *s.en_segments))


def test_the_traditional_layer_keeps_the_mentions_where_its_conversion_changed_the_length(shipped, site):
    changed = [s for s in shipped.sentences if len(s.zh_hant) != len(s.zh) and s.entities]
    assert changed
    for sentence in changed:
        view = pages._sentence_view(shipped[sentence.doc_id], sentence)
        marks = str(view.layers["hant"]).count('class="ent ')
        assert marks == len(resolve_mentions(sentence.zh, sentence.entities))
        assert text_of(str(view.layers["hant"])) == sentence.zh_hant


def test_links_are_grouped_and_turns_carry_speaker_and_role(shipped, site):
    doc = shipped["high-flyer-deepseek"]
    views = pages.document_view(doc)
    assert sum(len(v.links) for v in views) == len(doc.links)
    two = [link for v in views for link in v.links if link.type == "1-2"]
    assert two and all(link.grouped for link in two)
    page = site["doc/high-flyer-deepseek.html"]
    assert page.count('class="link link-1-2 grouped"') == len(two)
    turn = next(v for v in views if v.kind == "turn" and v.speaker == "liang-wenfeng")
    assert turn.role == "interviewee" and turn.speaker_label == "梁文鋒"
    assert re.search(r'<span class="role">interviewee</span>', page)


def test_unaligned_links_are_marked():
    doc = corpus.model.Document("d", "d.txt", paragraphs=[corpus.model.Paragraph(0, "paragraph", "一。二。", sentences=[
        corpus.model.Sentence("d.p000.s00", "d", 0, 0, "一。", en_segments=["One."]),
        corpus.model.Sentence("d.p000.s01", "d", 0, 1, "二。", flags=["untranslated"])])],
        links=[corpus.model.Link((0,), (0,)), corpus.model.Link((1,), ())])
    (view,) = pages.document_view(doc)
    assert [link.unaligned for link in view.links] == [False, True]


def test_search_data_simplifies_the_traditional_names_of_the_registry(shipped):
    from corpus.script import to_hans

    data = search_index.search_data(shipped)
    assert len(data["sentences"]) == len(shipped.sentences) and data["hans"]["張"] == "张" and "张" not in data["hans"]
    pairs = [(e["zh_hant"], e["zh_hans"]) for e in shipped.entities
             if e.get("zh_hant") and e.get("zh_hans") and len(e["zh_hant"]) == len(e["zh_hans"])]
    differing = [(t, h) for hant, hans in pairs for t, h in zip(hant, hans) if data["hans"].get(t, t) != h]
    assert len(pairs) > 100
    # Only where OpenCC's choice depends on the phrase (著 alone stays 著, 跟著 becomes 跟着) may the map differ.
    assert all(to_hans(t) == t for t, _h in differing), differing


def test_script_assignment_cannot_close_its_script_element():
    assert "</script" not in search_index.script_assignment("X", {"a": "</script><b>"})


def test_write_site_replaces_its_own_site_and_refuses_other_directories(tmp_path, shipped, site):
    out = tmp_path / "site"
    assert write_site(shipped, out) == len(site)  # the module's rendering of the same corpus
    assert (out / MARKER).is_file() and (out / "doc" / "beijing-ai-talent.html").is_file()
    (out / "doc" / "stale.html").write_text("old", encoding="utf-8")
    write_site(shipped, out)
    assert not (out / "doc" / "stale.html").exists()
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(CorpusError, match="not a site"):
        write_site(shipped, other)
    assert sorted(p.name for p in other.iterdir()) == ["notes.txt"]


def test_cli_builds_a_site_for_a_build_of_new_documents(tmp_path, monkeypatch, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "interview.txt").write_text(
        "張宏江談智源\n\n記者:智源研究院為什麼成立?\n\n張宏江:因為人工智能需要開放的研究。\n\n"
        "記者:下一步呢?\n\n張宏江:我們會繼續做大模型。\n", encoding="utf-8")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-models"))
    build = tmp_path / "build"
    assert main(["-q", "--seeds", str(seeds), "build", "--allow-untranslated", "--out", str(build)]) == 0
    assert main(["site", "--out", str(tmp_path / "site"), "--root", str(build)]) == 0
    assert "open " in capsys.readouterr().out
    (page,) = (tmp_path / "site" / "doc").glob("*.html")
    text = page.read_text(encoding="utf-8")
    assert "智源研究院為什麼成立" in text_of(text) and "no English (untranslated)" in text and "untranslated: " in text
    assert 'data-ref="zhang-hongjiang"' in text
    assert main(["site", "--out", str(tmp_path / "site2"), "--root", str(tmp_path / "nothing")]) == 1
    assert "no finished build" in capsys.readouterr().err and not (tmp_path / "site2").exists()


def test_provenance_names_the_engine_model_and_version_of_machine_translation():
    sources = ["reference", "mt:argos:zh_en:1.9", "mt:argos:zh_en:1.9"]
    sentences = [corpus.model.Sentence(f"d.p000.s0{i}", "d", 0, i, "一。", en_segments=["One."], en_source=source)
                 for i, source in enumerate(sources)]
    paragraph = corpus.model.Paragraph(0, "paragraph", "一。" * 3, sentences=sentences)
    doc = corpus.model.Document("d", "d.txt", paragraphs=[paragraph])
    assert pages.provenance_view(doc) == [("machine translation: argos, model zh_en, version 1.9", 2),
                                          ("reference translation by the project team", 1)]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(hostile_text.filter(str.strip), hostile_text), min_size=1, max_size=4), hostile_text)
def test_any_document_renders_to_well_nested_pages_that_keep_its_text(pairs, label):
    sentences = [corpus.model.Sentence(f"d.p000.s{i:02d}", "d", 0, i, zh, zh_hans=zh, zh_hant=zh, pinyin=zh,
                                       en_segments=[en] if en else [], speaker="x" if i else None,
                                       speaker_role="quoted" if i else None, quote_spans=[(0, len(zh))])
                 for i, (zh, en) in enumerate(pairs)]
    paragraph = corpus.model.Paragraph(0, "turn", "".join(zh for zh, _ in pairs), label, sentences)
    doc = corpus.model.Document("d", "<d>.txt", metadata={"outlet": label}, paragraphs=[paragraph])
    entity = {"id": "x", "type": "person", "en": label, "zh_hans": label, "zh_hant": label, "pinyin": label,
              "aliases": [label], "description": label, "mentions": 1, "documents": ["d"]}
    files = render_site(corpus.api.Corpus([doc], [entity]))
    for page in (files["doc/d.html"], files["entity/x.html"], files["index.html"]):
        parsed(page)
    shown = text_of(files["doc/d.html"])
    assert all(zh in shown and en in shown for zh, en in pairs)
    assert "</script" not in files["static/search-data.js"] + files["static/registry.js"]
