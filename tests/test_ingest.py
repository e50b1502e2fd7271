import codecs
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import pipeline
from corpus.cli import main
from corpus.errors import InputError
from corpus.ingest import decode, doc_id_for, extract_metadata, read_directory, seed_ids
from corpus.registry import load_registry

SAMPLE = "张宏江说：智源研究院成立于2018年。這是繁體字的句子，北京。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "big5"])
def test_detects_encodings(encoding):
    text = SAMPLE if encoding not in ("big5",) else "這是繁體字的句子，北京的人才。\n"
    if encoding == "gbk":
        text = "张宏江说：智源研究院成立于2018年。\n"
    decoded, detected = decode(text.encode(encoding), "x.txt")
    assert decoded == text
    assert detected == ("gb18030" if encoding == "gbk" else encoding)


def test_refuses_binary_naming_file_and_offset():
    with pytest.raises(InputError) as error:
        decode(b"PK\x03\x04" + b"\x00" * 10, "seeds/model.zip")
    assert error.value.offset == 4
    assert "seeds/model.zip: byte 4" in str(error.value)


def test_refuses_empty_file():
    with pytest.raises(InputError, match="empty"):
        decode(b"  \n", "empty.txt")


def test_refuses_a_file_holding_only_a_byte_order_mark():
    with pytest.raises(InputError, match="no text"):
        decode(codecs.BOM_UTF8 + b"\r\n", "bom.txt")


def test_refuses_random_bytes_that_gb18030_maps_to_private_use_characters():
    noise = bytes(0x81 + (i * 37 + i // 3) % 0x7E for i in range(400))
    assert noise.decode("gb18030")  # decodable, hence the need for a plausibility check
    with pytest.raises(InputError, match="private-use") as error:
        decode(noise, "noise.txt")
    assert "noise.txt: byte" in str(error.value)


def test_real_gb18030_text_is_not_taken_for_noise():
    text = "智源研究院成立于2018年，张宏江担任理事长。" * 20
    assert decode(text.encode("gb18030"), "x.txt") == (text, "gb18030")


def test_refuses_undecodable_bytes_with_offset():
    data = "好的".encode() + b"\xff\xfe\xfa\xff"
    with pytest.raises(InputError) as error:
        decode(data, "bad.txt")
    assert error.value.offset == 6


def test_utf8_only_refuses_what_gb18030_would_read_with_offset():
    data = "One.\nTwo cafés.".encode("latin-1")  # "és" is a valid GB18030 pair
    assert decode(data, "en.txt")[1] == "gb18030"
    with pytest.raises(InputError) as error:
        decode(data, "en.txt", legacy=False)
    assert error.value.offset == 12 and "not valid UTF-8" in str(error.value)


def test_refuses_control_characters_with_byte_offset():
    with pytest.raises(InputError) as error:
        decode("中文\x07text".encode(), "ctl.txt")
    assert error.value.offset == 6 and "U+0007" in str(error.value)


def test_bad_file_in_directory_fails_the_build_and_writes_nothing(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("好的。", encoding="utf-8")
    (seeds / "b.txt").write_bytes(b"\x00\x01binary")
    with pytest.raises(InputError, match="b.txt"):
        pipeline.build(seeds, root=tmp_path / "out", allow_untranslated=True)
    assert not (tmp_path / "out").exists()


def test_a_document_that_is_one_long_line_goes_through_the_text_stages(tmp_path):
    # Speed on such a line (50 MB) is scripts/bench_linear.py's to measure; here, what comes out.
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    unit = "OpenAI and BAAI, 2023 and 1.75 trillion; " * 4 + "智源"
    (seeds / "long.txt").write_text(unit * 500, encoding="utf-8")
    (doc,) = pipeline.prepare(seeds)
    (paragraph,) = doc.paragraphs  # no line break, no paragraph break
    assert "".join(sentence.zh for sentence in paragraph.sentences) == paragraph.text
    assert len(doc.sentences) == paragraph.text.count(";") + 1  # each ; ends one, the last 智源 is one more
    assert all(sentence.zh_hans and sentence.zh_hant and sentence.pinyin for sentence in doc.sentences)
    assert doc.sentences[-1].zh_hant == "智源" and doc.sentences[-1].pinyin == "Zhìyuán"  # a registry name, one word


def test_metadata_stated_in_the_text(seed_text):
    meta = extract_metadata(seed_text("000"))
    assert meta["date"] == "2023-08-01" and meta["outlet"] == "极客公园"
    assert meta["authors"] == ["卫诗婕", "Li Yuan"] and meta["editors"] == ["卫诗婕"]


def test_metadata_of_reposts(prepared_docs):
    beijing = prepared_docs["beijing-ai-talent"].metadata
    assert beijing["original_outlet"] == "華商韜略" and beijing["authors"] == ["劉柏鋮"]
    assert beijing["outlet"] == "創業邦"
    deepseek = prepared_docs["high-flyer-deepseek"].metadata
    assert deepseek["authors"] == ["于麗麗"] and deepseek["original_outlet"] == "量化投資與機器學習"
    assert deepseek["original_title"].startswith("瘋狂的幻方")


def test_document_ids_are_curated_and_stable():
    docs = read_directory(pipeline.SEEDS)
    assert [d.doc_id for d in docs] == [
        "geekpark-zhang-hongjiang",
        "shenwang-zhang-hongjiang",
        "high-flyer-deepseek",
        "founder-wave-2023",
        "beijing-ai-talent",
    ]
    assert all(d.source_file.endswith(".txt") for d in docs)


def test_build_from_another_seed_folder_needs_an_output_directory(tmp_path, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("智源研究院成立了。\n", encoding="utf-8")
    shipped = (pipeline.ROOT / "corpus" / "data" / "sentences.parquet").read_bytes()
    assert main(["-q", "--seeds", str(seeds), "build", "--allow-untranslated"]) == 1
    assert "--out" in capsys.readouterr().err
    assert (pipeline.ROOT / "corpus" / "data" / "sentences.parquet").read_bytes() == shipped
    out = tmp_path / "out"
    assert main(["-q", "--seeds", str(seeds), "build", "--allow-untranslated", "--out", str(out)]) == 0
    assert (out / "corpus" / "data" / "sentences.parquet").exists() and (out / "alignments").is_dir()


@pytest.mark.parametrize("name, doc_id", [
    ("005_0123456789abcdef.txt", "doc-005_0123456789abcdef"),  # named like the shipped seeds
    ("interview-2023.txt", "interview-2023"),
    ("张宏江 访谈.txt", "zhanghongjiang-fangtan"),  # Chinese names transliterated, one word per run
    ("新闻.txt", "xinwen"),
    ("café.TXT", "cafe"),
    ("ニュース.md", "doc"),  # nothing readable left: still an XML name
    ("a b&c.txt", "a-b-c"),
])
def test_document_ids_from_file_names_are_xml_names(name, doc_id):
    derived = doc_id_for(Path(name))
    assert derived == doc_id
    assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.-]*", derived)


@given(st.text(min_size=1, max_size=30).filter(lambda name: "/" not in name and "\x00" not in name))
@settings(max_examples=200, deadline=None)
def test_any_file_name_gives_an_xml_name(name):
    assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.-]*", doc_id_for(Path(name + ".txt")))


def seed_folder(tmp_path, files: dict[str, str]) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, text in files.items():
        (seeds / name).write_text(text, encoding="utf-8")
    return seeds


def test_colliding_and_reserved_ids_are_made_unique_in_file_name_order(tmp_path):
    seeds = seed_folder(tmp_path, {"a b.txt": "智源研究院成立了。\n", "a-b.txt": "张宏江说话了。\n",
                                   "新闻.txt": "一。\n", "新聞.md": "二。\n", "corpus.txt": "三。\n",
                                   "A-B.text": "四。\n"})
    notices: list[str] = []
    docs = read_directory(seeds, notice=notices.append)
    ids = {doc.source_file: doc.doc_id for doc in docs}
    assert ids == {"A-B.text": "A-B", "a b.txt": "a-b-2", "a-b.txt": "a-b-3", "corpus.txt": "corpus-2",
                   "新聞.md": "xinwen", "新闻.txt": "xinwen-2"}
    assert [doc.doc_id for doc in read_directory(seeds)] == [doc.doc_id for doc in docs]  # deterministic
    assert any("corpus.txt → corpus-2" in line for line in notices)


def test_a_seed_named_like_a_registry_entity_gets_an_id_of_its_own_and_builds(tmp_path):
    """Document and entity ids are xml:ids of one TEI corpus: jd.txt (京东's id is jd) would clash."""
    seeds = seed_folder(tmp_path, {"jd.txt": "京东发布了新模型。\n", "baai.txt": "智源研究院成立了。\n"})
    notices: list[str] = []
    ids = dict(seed_ids(seeds, notices.append, load_registry().entities))
    assert {path.name: doc_id for path, doc_id in ids.items()} == {"baai.txt": "baai-2", "jd.txt": "jd-2"}
    assert any("jd.txt → jd-2" in line for line in notices)
    assert main(["--seeds", str(seeds), "-q", "build", "--out", str(tmp_path / "out"), "--allow-untranslated"]) == 0
    assert sorted(p.name for p in (tmp_path / "out" / "corpus" / "tei").glob("*.xml")) == [
        "baai-2.xml", "corpus.xml", "jd-2.xml"]


def test_files_that_are_not_seeds_are_skipped_with_the_reason(tmp_path):
    seeds = seed_folder(tmp_path, {"a.TXT": "一。\n", "b.md": "二。\n", "c.text": "三。\n", "d.pdf": "x",
                                   ".DS_Store": "x"})
    (seeds / "sub").mkdir()
    notices: list[str] = []
    docs = read_directory(seeds, notice=notices.append)
    assert [doc.source_file for doc in docs] == ["a.TXT", "b.md", "c.text"]
    assert any("d.pdf" in line and "extension" in line for line in notices)
    assert any(".DS_Store" in line and "hidden" in line for line in notices)
    assert any("sub/" in line and "folder" in line for line in notices)


@pytest.mark.parametrize("problem, path", [("no such folder", "missing"), ("not a folder", "file.txt")])
def test_a_seed_folder_that_is_not_one_is_named(tmp_path, problem, path):
    (tmp_path / "file.txt").write_text("一。", encoding="utf-8")
    with pytest.raises(InputError, match=problem) as error:
        read_directory(tmp_path / path)
    assert str(tmp_path / path) in str(error.value)


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", ""), ("utf-16-be", ""), ("utf-16-le", "\ufeff"),
                                           ("utf-16-be", "\ufeff")])
def test_utf16_with_or_without_byte_order_mark_is_read(encoding, bom):
    text = "张宏江说：AI 2023。\n第二段。\n"
    assert decode((bom + text).encode(encoding), "u16.txt") == (text, encoding)


def test_utf16_offsets_count_bytes_and_binary_is_still_refused():
    with pytest.raises(InputError) as error:
        decode("\ufeff中文\x07".encode("utf-16-le"), "u16.txt")
    assert error.value.offset == 6 and "U+0007" in str(error.value)
    for binary in (b"\x00\x01binary", b"ab\x00\x00cd\x00", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"):
        with pytest.raises(InputError, match="binary data"):
            decode(binary, "b.bin")


@pytest.mark.parametrize("control", ["\x85", "\x9b", "\x80", "\x9f"])
def test_c1_control_characters_are_refused_like_c0(control):
    with pytest.raises(InputError) as error:
        decode(f"中文{control}text".encode(), "c1.txt")
    assert error.value.offset == 6 and f"U+{ord(control):04X}" in str(error.value)


def test_a_seed_named_like_the_shipped_ones_builds_with_options_after_the_command(tmp_path):
    seeds, out = tmp_path / "seeds", tmp_path / "out"
    seeds.mkdir()
    (seeds / "005_0123456789abcdef.txt").write_text("百度发布文心一言。\n", encoding="utf-8")
    assert main(["build", "-q", "--seeds", str(seeds), "--allow-untranslated", "--out", str(out)]) == 0
    tei = (out / "corpus" / "tei" / "doc-005_0123456789abcdef.xml").read_text(encoding="utf-8")
    # the seed is linked relative to the output, never by an absolute path of this machine
    assert 'target="../../../seeds/005_0123456789abcdef.txt"' in tei
    assert str(tmp_path) not in tei


def test_a_failed_build_leaves_no_directories_behind(tmp_path, monkeypatch):
    from corpus.export import tei

    seeds, out = tmp_path / "seeds", tmp_path / "out"
    seeds.mkdir()
    (seeds / "a.txt").write_text("智源研究院成立了。\n", encoding="utf-8")

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(tei.CorpusParts, "corpus", fail)
    assert main(["-q", "--seeds", str(seeds), "build", "--allow-untranslated", "--out", str(out)]) == 2
    assert not out.exists()


@pytest.mark.parametrize("line, expected", [
    ("采访 | 赵晓 编辑 | 钱程", {"interviewers": ["赵晓"], "editors": ["钱程"]}),
    ("采访 | 赵晓", {"interviewers": ["赵晓"]}),
    ("文 | 赵晓", {"authors": ["赵晓"]}),
    ("作者 | 赵晓 编辑 | 钱程", {"authors": ["赵晓"], "editors": ["钱程"]}),
    ("作者:李明 编辑:王芳", {"authors": ["李明"], "editors": ["王芳"]}),
    ("記者 林志豪/臺北報導", {"authors": ["林志豪"], "filed_from": "臺北"}),
    ("记者|李明在现场看到,展台前排起了长队。", {}),
    ("AI生成内容的版权所有权归谁?法院给出了答案", {}),
])
def test_bylines_removed_by_cleaning_are_extracted(line, expected):
    assert extract_metadata(f"标题\n{line}\n正文。") == expected


def test_source_line_adds_its_editor_and_the_dateline_outlet_wins():
    meta = extract_metadata(
        "标题\n2024-01-16 10:00 来源:新浪科技\n编辑 | 王五\n正文。\n文章来源:新浪科技网 责任编辑:赵六"
    )
    assert meta["outlet"] == "新浪科技" and meta["editors"] == ["王五", "赵六"]
    assert extract_metadata("标题\n正文。\n文章来源:新浪科技 责任编辑:赵六") == {
        "outlet": "新浪科技",
        "editors": ["赵六"],
    }


@pytest.mark.parametrize("dateline, expected", [
    ("2023年6月15日 09:30 来源:科技日报", {"date": "2023-06-15", "time": "09:30", "outlet": "科技日报"}),
    ("2023/6/5 来源：新浪科技", {"date": "2023-06-05", "outlet": "新浪科技"}),
    ("来源:科技日报 2023-06-15 08:00", {"date": "2023-06-15", "time": "08:00", "outlet": "科技日报"}),
])
def test_datelines_in_other_forms_are_read_as_metadata_and_removed_from_the_text(dateline, expected):
    from corpus.clean import clean

    raw = f"标题\n{dateline}\n正文第一句。\n"
    assert extract_metadata(raw) == expected
    text, passes = clean(raw)
    assert dateline not in text and "正文第一句。" in text
    assert "metadata.dateline" in {edit.rule for edits in passes for edit in edits}
