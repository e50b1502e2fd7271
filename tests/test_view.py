"""``corpus show``: speakers, quotations and entity highlighting, in both languages."""
from __future__ import annotations

import contextlib
import io
import re
import shlex
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import view
from corpus.cli import build_parser, main
from corpus.model import Mention, Sentence

ROOT = Path(__file__).resolve().parent.parent
DOC = "geekpark-zhang-hongjiang"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def shown() -> str:
    """``corpus show geekpark-zhang-hongjiang`` as printed to a pipe (so: the markup style), from the
    published build (``--root``: what a fresh build writes, test_published checks); showing from the seeds
    is the same code once the documents are made (test_unknown_document_fails_clearly runs that path)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert main(["show", DOC, "--root", str(ROOT)]) == 0
    return out.getvalue()


def lines_with(prefix: str, text: str) -> list[str]:
    return [line[len(prefix):] for line in text.splitlines() if line.startswith(prefix)]


def test_turn_header_names_speaker_id_and_role(shown):
    lines = shown.splitlines()
    assert any(re.fullmatch(r"\[张宏江 → zhang-hongjiang, interviewee\] ¶\d+", line) for line in lines)
    assert any(re.fullmatch(r"\[极客公园 → geekpark, interviewer\] ¶\d+", line) for line in lines)
    assert not any(re.match(r"\[.*→ \?", line) for line in lines)  # every turn label resolves


def test_quotation_names_its_speaker(shown):
    assert f"  {DOC}.p009.s00  speaker: zhang-hongjiang (quoted)" in shown.splitlines()


def test_mentions_highlighted_in_zh_and_en(shown):
    assert any("⟦张宏江|person:zhang-hongjiang⟧" in line for line in lines_with("    zh  ", shown))
    assert any("⟦Zhang Hongjiang|person:zhang-hongjiang⟧" in line for line in lines_with("    en  ", shown))
    assert any("⟦2018 年|date⟧" in line for line in lines_with("    zh  ", shown))  # no registry id: type only


def test_headings_marked(shown):
    lines = shown.splitlines()
    assert "# ¶0" in lines
    assert any(re.fullmatch(r"## ¶\d+", line) for line in lines)
    title = lines.index("# ¶0")
    assert lines[title + 2].startswith("    zh  对话⟦智源|org:baai⟧⟦张宏江|person:zhang-hongjiang⟧")


def test_markup_removed_gives_the_sentences(shown, prepared_docs):
    """Every zh line parses back to exactly the sentence text; nothing is lost or added."""
    zh_lines = [view.parse_markup(line)[0] for line in lines_with("    zh  ", shown)]
    assert zh_lines == [sentence.zh for sentence in prepared_docs[DOC].sentences]


def test_unknown_document_fails_clearly(tmp_path, capsys):
    (seed,) = SEEDS.glob("000_*.txt")
    shutil.copy(seed, tmp_path / seed.name)
    assert main(["--seeds", str(tmp_path), "show", "no-such-doc"]) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no document 'no-such-doc'" in captured.err and DOC in captured.err


def test_help_documents_the_markup():
    show = build_parser()._subparsers._group_actions[0].choices["show"]
    text = show.format_help()
    assert "⟦张宏江|person:zhang-hongjiang⟧" in text and "--plain" in text and "NO_COLOR" in text


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_without_plain_or_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert view.want_colour(FakeTerminal())
    assert not view.want_colour(io.StringIO())
    assert not view.want_colour(FakeTerminal(), plain=True)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not view.want_colour(FakeTerminal())


# --- the highlight function on hand-made sentences -------------------------------------------

def person(start, end, text="", ref="zhang-hongjiang"):
    return Mention(start, end, text, "person", ref)


def test_adjacent_overlapping_and_out_of_range_mentions():
    sentence = Sentence(id="x.p000.s00", doc_id="x", paragraph=0, index=0, zh="张宏江李沐说")
    sentence.entities = [
        person(0, 3),  # 张宏江
        Mention(3, 5, "李沐", "person", "li-mu"),  # adjacent to it
        Mention(2, 4, "江李", "org", "overlap"),  # overlaps both: dropped
        Mention(0, 2, "张宏", "misc"),  # same start, shorter: dropped
        Mention(5, 5, "", "date"),  # empty: dropped
        Mention(4, 2, "", "date"),  # reversed: dropped
        Mention(5, 99, "说…", "work", None),  # runs past the end: clipped
        Mention(-7, -1, "", "date"),  # before the start: dropped
    ]
    marked = view.highlight(sentence.zh, sentence.entities)
    assert marked == "⟦张宏江|person:zhang-hongjiang⟧⟦李沐|person:li-mu⟧⟦说|work⟧"
    assert view.parse_markup(marked) == (
        sentence.zh,
        [(0, 3, "person:zhang-hongjiang"), (3, 5, "person:li-mu"), (5, 6, "work")],
    )
    coloured = view.highlight(sentence.zh, sentence.entities, colour=True)
    assert coloured.startswith("\x1b[1;33m张宏江\x1b[0m\x1b[1;33m李沐\x1b[0m")
    assert view.strip_ansi(coloured) == sentence.zh


def test_hostile_text_is_escaped():
    text = "a⟦b|c⟧d\\e\x1b[31m|"
    mentions = [Mention(1, 6, text[1:6], "person", "x|y⟧"), Mention(8, 12, text[8:12], "org", None)]
    marked = view.highlight(text, mentions)
    assert "\x1b" not in marked  # control characters never reach the terminal raw
    assert marked == "a⟦\\⟦b\\|c\\⟧|person:x\\|y\\⟧⟧d\\\\⟦e\\x1b[3|org⟧1m|"
    assert view.parse_markup(marked) == (text, [(1, 6, "person:x|y⟧"), (8, 12, "org")])
    coloured = view.highlight(text, mentions, colour=True)
    assert view.strip_ansi(coloured) == "a⟦b|c⟧d\\e␛[31m|"


def test_wrapping_never_breaks_inside_a_mention():
    en = "In Conversation with BAAI's Zhang Hongjiang: Success Need Not Be Credited to Me"
    mentions = [Mention(28, 43, "Zhang Hongjiang", "person", "zhang-hongjiang"), Mention(21, 25, "BAAI", "org", "baai")]
    lines = view.wrap_highlighted(en, mentions, 30)
    assert "⟦Zhang Hongjiang|person:zhang-hongjiang⟧:" in lines
    assert all(len(line) <= 30 or "⟦" in line for line in lines)
    assert view.parse_markup(" ".join(lines))[0] == en


HOSTILE = st.text(alphabet=st.sampled_from("ab 张宏江\n\t\r\x00\x1b\x9b\x7f⟦⟧|\\:x‮") | st.characters(), max_size=40)


@st.composite
def text_and_mentions(draw):
    text = draw(HOSTILE)
    bound = len(text) + 3
    mentions = draw(st.lists(
        st.builds(
            Mention,
            st.integers(-3, bound),
            st.integers(-3, bound),
            st.just(""),
            st.sampled_from(["person", "org", "date", "?"]) | HOSTILE,
            st.none() | HOSTILE,
        ),
        max_size=8,
    ))
    return text, mentions


@settings(max_examples=300, deadline=None)
@given(text_and_mentions())
def test_removing_markup_gives_back_the_text(case):
    text, mentions = case
    marked = view.highlight(text, mentions)
    parsed, spans = view.parse_markup(marked)
    assert parsed == text
    assert spans == [(start, end, view.mention_label(m)) for start, end, m in view.resolve_mentions(text, mentions)]
    assert not any(view._is_control(c) for c in marked)
    coloured = view.highlight(text, mentions, colour=True)
    assert view.strip_ansi(coloured) == view._visible(text)
    assert len(view._visible(text)) == len(text)


@settings(max_examples=200, deadline=None)
@given(text_and_mentions(), st.integers(1, 30))
def test_wrapping_keeps_every_visible_character(case, width):
    text, mentions = case
    lines = view.wrap_highlighted(text, mentions, width)
    parsed, _ = view.parse_markup(" ".join(lines))
    assert re.sub(r"\s", "", parsed) == re.sub(r"\s", "", text)
    view.wrap_highlighted(text, mentions, width, colour=True)


def test_show_into_a_pipe_that_closes_early_is_quiet_and_succeeds():
    import subprocess
    import sys

    # The checkout's published build (--root): the pipe is what is tested, not the pipeline.  `head -c 0` has
    # gone before the first write, so the write surely meets a closed pipe; `head -n 1` reads the first line.
    show = f"{shlex.quote(sys.executable)} -m corpus show founder-wave-2023 --root {shlex.quote(str(ROOT))}"
    shell = f"{show} | head -c 0 && {show} | head -n 1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True, timeout=120)
    assert result.stdout.startswith("founder-wave-2023")
    assert result.returncode == 0 and "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
