"""``corpus align ZH_FILE EN_FILE`` driven through the CLI: line numbers, input errors, --sentences-out."""
from __future__ import annotations

from corpus.align import parse_links, score_alignments
from corpus.align.gold import load_gold
from corpus.cli import main


def write_lines(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def with_blank_lines(lines, before):
    """``lines`` with a blank line inserted before each index in ``before``; and the new number of each line."""
    out, numbers = [], []
    for index, line in enumerate(lines):
        if index in before:
            out.append("")
        numbers.append(len(out))
        out.append(line)
    return out, numbers


def test_links_give_line_numbers_in_the_files_and_skip_blank_lines(tmp_path, capsys):
    passage = load_gold()[0]
    zh, zh_numbers = with_blank_lines(passage.zh, {0, 2, 3})
    en, en_numbers = with_blank_lines(passage.en, {1})
    assert main(["align", write_lines(tmp_path / "zh.txt", zh), write_lines(tmp_path / "en.txt", en)]) == 0
    links = parse_links(capsys.readouterr().out)
    expected = [
        (tuple(zh_numbers[i] for i in link.zh), tuple(en_numbers[j] for j in link.en)) for link in passage.links
    ]
    assert [(link.zh, link.en) for link in links] == expected


def test_a_missing_file_is_a_one_line_error_naming_it(tmp_path, capsys):
    zh = write_lines(tmp_path / "zh.txt", ["一。"])
    assert main(["align", zh, str(tmp_path / "absent.txt")]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"corpus: error: {tmp_path / 'absent.txt'}: cannot read: No such file or directory\n"


def test_an_undecodable_english_file_is_an_error_with_the_byte_offset(tmp_path, capsys):
    zh = write_lines(tmp_path / "zh.txt", ["一。"])
    (tmp_path / "en.txt").write_bytes(b"One.\nTw\xe9o.\n")  # Latin-1, which GB18030 would read as Chinese
    assert main(["align", zh, str(tmp_path / "en.txt")]) == 1
    assert (
        capsys.readouterr().err
        == f"corpus: error: {tmp_path / 'en.txt'}: byte 7: not valid UTF-8: invalid continuation byte\n"
    )


def test_a_gbk_chinese_file_is_read(tmp_path, capsys):
    (tmp_path / "zh.txt").write_bytes("一。\n二。\n".encode("gbk"))
    en = write_lines(tmp_path / "en.txt", ["One.", "Two."])
    assert main(["align", str(tmp_path / "zh.txt"), en]) == 0
    assert capsys.readouterr().out == "[0]:[0]\n[1]:[1]\n"


def test_sentences_out_writes_the_sentences_the_paragraph_links_number(tmp_path, capsys):
    passage = load_gold()[3]
    zh = write_lines(tmp_path / "zh.txt", ["".join(passage.zh[:6]), "", "".join(passage.zh[6:])])
    en = write_lines(tmp_path / "en.txt", [" ".join(passage.en)])
    prefix = tmp_path / "out" / "split"
    assert main(["align", "--paragraphs", "--sentences-out", str(prefix), zh, en]) == 0
    links = parse_links(capsys.readouterr().out)
    zh_sentences = (tmp_path / "out" / "split.zh").read_text(encoding="utf-8").splitlines()
    en_sentences = (tmp_path / "out" / "split.en").read_text(encoding="utf-8").splitlines()
    assert zh_sentences == passage.zh
    assert en_sentences == passage.en
    assert [i for link in links for i in link.zh] == list(range(len(zh_sentences)))
    assert [j for link in links for j in link.en] == list(range(len(en_sentences)))
    assert score_alignments([passage.links], [links]).strict_f1 >= 0.8


def test_sentences_out_without_paragraphs_is_refused(tmp_path, capsys):
    zh = write_lines(tmp_path / "zh.txt", ["一。"])
    en = write_lines(tmp_path / "en.txt", ["One."])
    assert main(["align", "--sentences-out", str(tmp_path / "split"), zh, en]) == 1
    assert "--sentences-out needs --paragraphs" in capsys.readouterr().err
    assert not list(tmp_path.glob("split*"))


def test_gold_prints_scores_and_the_confusion_after_the_links(tmp_path, capsys):
    passage = load_gold()[0]
    gold = tmp_path / "gold.txt"
    gold.write_text("".join(f"{list(link.zh)}:{list(link.en)}\n" for link in passage.links), encoding="utf-8")
    zh, en = write_lines(tmp_path / "zh.txt", passage.zh), write_lines(tmp_path / "en.txt", passage.en)
    assert main(["align", zh, en, "--gold", str(gold)]) == 0
    captured = capsys.readouterr()
    links = parse_links(captured.out)
    expected = score_alignments([passage.links], [links])
    strict = next(line for line in captured.err.splitlines() if line.startswith("strict"))
    assert strict.split()[1:] == [f"{expected.strict_precision:.3f}", f"{expected.strict_recall:.3f}",
                                  f"{expected.strict_f1:.3f}"]
    assert any(line.startswith("1-1 ") for line in captured.err.splitlines())


def test_a_malformed_gold_file_is_an_error_naming_file_and_line(tmp_path, capsys):
    gold = tmp_path / "gold.txt"
    gold.write_text("[0]:[0]\n0-1\n", encoding="utf-8")
    zh, en = write_lines(tmp_path / "zh.txt", ["一。"]), write_lines(tmp_path / "en.txt", ["One."])
    assert main(["align", zh, en, "--gold", str(gold)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{gold}: line 2: not an alignment link" in captured.err
