"""Safe builds: a build owns only what it wrote, publishes all or nothing, and answers bad input clearly.

Fault injection runs real ``corpus build`` processes and stops them with signals at
each phase of publication (in the pipeline, while staging, staged but not switched,
switched but not cleaned up); every test asserts that no user file is lost and that
the output is the previous build or the new one, whole.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from contextlib import suppress
from pathlib import Path
from typing import IO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import corpus
from corpus import atomic, output, pipeline
from corpus.cli import main
from corpus.errors import CorpusError

ROOT = Path(__file__).resolve().parent.parent
SEEDS_A = {"新闻.txt": "智源研究院成立了。\n张宏江说：“很好。”\n"}
SEEDS_B = {"corpus.txt": "百度发布文心一言。\n", "b.md": "第二篇文章。\n有两段。\n"}


def seed_folder(path: Path, files: dict[str, str]) -> Path:
    path.mkdir(parents=True)
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


def published(out: Path) -> dict[str, bytes]:
    """What a reader of the build folder sees: every file under its corpus/ and alignments/."""
    return {p.relative_to(out).as_posix(): p.read_bytes()
            for entry in output.ENTRIES for p in sorted((out / entry).rglob("*")) if p.is_file()}


def build_state(out: Path) -> list[str]:
    return sorted(p.name for p in (out / output.STATE).iterdir())


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Seed folders A and B side by side, and a finished build of each (the references)."""
    base = tmp_path_factory.mktemp("builds")
    seeds = {"A": seed_folder(base / "seeds-a", SEEDS_A), "B": seed_folder(base / "seeds-b", SEEDS_B)}
    for name, folder in seeds.items():
        pipeline.build(folder, base / f"ref-{name}", allow_untranslated=True)
    return base, seeds


def out_with_build_a(builds, tmp_path: Path) -> Path:
    """A build folder (beside the references, so that relative seed links agree) holding build A
    and a file of the user's."""
    base, _seeds = builds
    out = base / f"out-{tmp_path.name}"
    shutil.copytree(base / "ref-A", out, symlinks=True)
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    return out


# --- the folder: owned files, refusals, the shipped corpus ---------------------------------


def test_a_foreign_folder_is_refused_and_its_files_survive(tmp_path, capsys):
    seeds = seed_folder(tmp_path / "seeds", SEEDS_A)
    out = tmp_path / "P"
    (out / "alignments" / "x").mkdir(parents=True)
    (out / "alignments" / "x" / "n.txt").write_text("k", encoding="utf-8")
    (out / "README.md").write_text("my readme", encoding="utf-8")
    for force in ([], ["--force"]):
        assert main(["-q", "--seeds", str(seeds), "build", "--allow-untranslated", "--out", str(out), *force]) == 1
        assert "alignments" in capsys.readouterr().err
    assert (out / "alignments" / "x" / "n.txt").read_text(encoding="utf-8") == "k"
    assert (out / "README.md").read_text(encoding="utf-8") == "my readme"
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "alignments"]


def test_force_builds_beside_the_users_files_and_never_changes_them(tmp_path, capsys):
    seeds = seed_folder(tmp_path / "seeds", SEEDS_A)
    out = tmp_path / "P"
    out.mkdir()
    (out / "README.md").write_text("my readme <!-- stats --><!-- /stats -->", encoding="utf-8")
    assert main(["-q", "--seeds", str(seeds), "build", "--allow-untranslated", "--out", str(out)]) == 1
    assert "--force" in capsys.readouterr().err and not (out / output.STATE).exists()
    assert main(["-q", "--seeds", str(seeds), "build", "--allow-untranslated", "--out", str(out), "--force"]) == 0
    assert (out / "README.md").read_text(encoding="utf-8") == "my readme <!-- stats --><!-- /stats -->"
    assert corpus.load(out / "corpus" / "data")["xinwen"].sentences


def test_the_api_refuses_to_replace_the_shipped_corpus_as_the_cli_does(tmp_path):
    seeds = seed_folder(tmp_path / "seeds", SEEDS_A)
    shipped = {p: p.read_bytes() for p in sorted((ROOT / "corpus" / "data").rglob("*")) if p.is_file()}
    with pytest.raises(CorpusError, match="would replace the shipped corpus"):
        corpus.build(seeds, allow_untranslated=True)
    assert shipped == {p: p.read_bytes() for p in sorted((ROOT / "corpus" / "data").rglob("*")) if p.is_file()}


def test_a_rebuild_removes_only_the_files_the_previous_build_wrote(builds, tmp_path):
    base, seeds = builds
    out = out_with_build_a(builds, tmp_path)
    (out / "corpus" / "data" / "mine.txt").write_text("put there through the link", encoding="utf-8")
    notices: list[str] = []
    pipeline.build(seeds["B"], out, allow_untranslated=True, progress=notices.append)
    assert published(out) == published(base / "ref-B")
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    kept = [p for p in (out / output.STATE).glob("kept-v-*/corpus/data/mine.txt")]
    assert len(kept) == 1 and any("mine.txt" in line for line in notices)
    pipeline.build(seeds["A"], out, allow_untranslated=True)  # and every build after it leaves the file alone
    assert published(out) == published(base / "ref-A") and len(list((out / output.STATE).glob("v-*"))) == 1
    assert kept[0].read_text(encoding="utf-8") == "put there through the link"
    assert sorted(p.name for p in kept[0].parent.iterdir()) == ["mine.txt"]


FILE_IN_A_VERSION = st.tuples(st.sampled_from(["", "corpus/data/", "corpus/data/en/", "alignments/"]),
                              st.text("ab.-", min_size=1, max_size=3)).map(lambda path: f"{path[0]}{path[1]}.f")


@given(ours=st.sets(FILE_IN_A_VERSION, max_size=6), theirs=st.sets(FILE_IN_A_VERSION, max_size=6))
@settings(max_examples=40, deadline=None)
def test_retiring_a_version_removes_what_its_manifest_lists_and_keeps_the_rest_for_good(tmp_path_factory, ours,
                                                                                       theirs):
    folder = output.BuildFolder(tmp_path_factory.mktemp("retire"))
    version = folder.state / f"{output.VERSION_PREFIX}1"
    for relative in ours:
        atomic.write_text(version / relative, "ours")
    version.mkdir(parents=True, exist_ok=True)
    output.write_manifest(version)
    theirs -= ours
    for relative in theirs:
        atomic.write_text(version / relative, f"theirs: {relative}")
    notices: list[str] = []
    folder._retire(version, notices.append)
    assert not folder._versions()  # nothing a later build would retire (and remove whole) again
    kept = {p.relative_to(k).as_posix(): p.read_text(encoding="utf-8")
            for k in folder.state.glob(f"{output.KEPT_PREFIX}*") for p in k.rglob("*") if p.is_file()}
    assert kept == {relative: f"theirs: {relative}" for relative in theirs}
    assert len(notices) == (1 if theirs else 0)


# --- bad options and input, checked before the pipeline runs --------------------------------


def no_pipeline(*args, **kwargs):
    raise AssertionError("the pipeline ran before the output was checked")


@pytest.mark.parametrize("case, message", [
    ("missing seeds", "no such folder"),
    ("out is a file", "is a file"),
    ("out is not writable", "permission denied"),
])
def test_bad_options_are_one_line_errors_before_the_pipeline(tmp_path, monkeypatch, capsys, case, message):
    seeds = seed_folder(tmp_path / "seeds", SEEDS_A)
    out = tmp_path / "out"
    if case == "missing seeds":
        seeds = tmp_path / "nowhere"
    elif case == "out is a file":
        out.write_text("x", encoding="utf-8")
    else:  # the tests may run as root, whom permissions do not stop: the check is what is tested
        real_access = os.access
        monkeypatch.setattr(output.os, "access", lambda path, mode: Path(path) != tmp_path and real_access(path, mode))
    monkeypatch.setattr(pipeline, "process", no_pipeline)
    assert main(["--seeds", str(seeds), "build", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("corpus: error: ") and message in err and "Traceback" not in err
    assert str(seeds if case == "missing seeds" else out) in err


def test_untranslated_sentences_are_all_named_with_the_users_own_commands(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-models"))
    seeds = seed_folder(tmp_path / "seeds", SEEDS_B)
    out = tmp_path / "out"
    assert main(["-q", "--seeds", str(seeds), "build", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "3 sentences" in err and all(f"{i}" in err for i in ("b.p000.s00", "b.p001.s00", "corpus-2.p000.s00"))
    assert f"corpus --seeds {seeds} build --allow-untranslated --out {out}" in err
    assert f"corpus --seeds {seeds} tm missing --out {out}" in err
    assert not out.exists()


# --- the user's translation memory ------------------------------------------------------------


def test_user_translation_memory_lives_with_the_build_and_is_labelled_human(tmp_path, capsys):
    curated = {p.name: p.read_bytes() for p in sorted(pipeline.memory.TM_DIR.glob("*.jsonl"))}
    seeds = seed_folder(tmp_path / "seeds", {"geekpark-zhang-hongjiang.txt": "智源研究院成立了。\n"})
    out = tmp_path / "out"
    assert main(["--seeds", str(seeds), "tm", "missing"]) == 1  # where would it go? the user is asked
    assert "--out" in capsys.readouterr().err
    assert main(["-q", "--seeds", str(seeds), "tm", "missing", "--out", str(out)]) == 0
    record = capsys.readouterr().out.strip().replace('"en": []', '"en": ["BAAI was founded."]')
    (tmp_path / "todo.jsonl").write_text(record + "\n", encoding="utf-8")
    assert main(["-q", "--seeds", str(seeds), "tm", "import", str(tmp_path / "todo.jsonl"), "--out", str(out)]) == 0
    assert (out / "tm" / "geekpark-zhang-hongjiang.jsonl").exists()
    assert main(["-q", "--seeds", str(seeds), "tm", "prune", "--out", str(out)]) == 0
    assert main(["-q", "--seeds", str(seeds), "build", "--out", str(out)]) == 0  # the memory is the user's: allowed
    (sentence,) = corpus.load(out / "corpus" / "data").sentences
    assert sentence.en == "BAAI was founded." and sentence.en_source == "human:todo.jsonl"
    assert curated == {p.name: p.read_bytes() for p in sorted(pipeline.memory.TM_DIR.glob("*.jsonl"))}


USER_ENTITY = """\
entities:
  - id: li-ming
    type: person
    zh_hans: "李明"
    zh_hant: "李明"
    en: "Li Ming"
    aliases: ["李明", "Li Ming"]
"""


def test_user_registry_entries_live_with_the_build_and_are_checked_before_it_runs(tmp_path, monkeypatch):
    team = (ROOT / "corpus" / "curated" / "entities.yaml").read_bytes()
    seeds = seed_folder(tmp_path / "seeds", {"a.txt": "李明和张宏江见面了。\n"})
    out = tmp_path / "out"
    out.mkdir()
    (out / "entities.yaml").write_text(USER_ENTITY, encoding="utf-8")
    pipeline.build(seeds, out, allow_untranslated=True)  # the user's entries do not make the folder foreign
    loaded = corpus.load(out / "corpus" / "data")
    assert {m.ref for m in loaded.sentences[0].entities} == {"li-ming", "zhang-hongjiang"}
    assert "li-ming" in {entity["id"] for entity in loaded.entities}
    (out / "entities.yaml").write_text(USER_ENTITY.replace("li-ming", "zhang-hongjiang"), encoding="utf-8")
    monkeypatch.setattr(pipeline, "process", no_pipeline)
    with pytest.raises(CorpusError, match=r"entities.yaml: invalid entity registry"):
        pipeline.build(seeds, out, allow_untranslated=True)
    assert (ROOT / "corpus" / "curated" / "entities.yaml").read_bytes() == team


# --- reading a finished build -------------------------------------------------------------------


def test_show_stats_entities_and_check_read_a_finished_build(builds, monkeypatch, capsys):
    base, _seeds = builds
    monkeypatch.setattr(pipeline, "process", no_pipeline)
    root = str(base / "ref-B")
    assert main(["show", "b", "--plain", "--root", root]) == 0
    assert "第二篇文章。" in capsys.readouterr().out
    assert main(["stats", "--root", root]) == 0
    assert "corpus-2" in capsys.readouterr().out
    assert main(["entities", "--root", root]) == 0
    assert "names the registry lacks" in capsys.readouterr().out
    main(["check", "--root", root])  # untranslated sentences are problems; that the build was read is the point
    assert "corpus-2" in capsys.readouterr().out
    assert main(["stats", "--root", str(base)]) == 1
    assert "no finished build" in capsys.readouterr().err


# --- the checkout's journal ----------------------------------------------------------------------


def test_the_checkout_finishes_an_interrupted_move_at_the_next_build(tmp_path, monkeypatch):
    target = atomic.Target(tmp_path / "data")
    (target.path).mkdir()
    for name in ("a", "b", "old"):
        (target.path / name).write_text(f"old {name}", encoding="utf-8")
    journal = tmp_path / "journal.json"
    real_replace, moved = os.replace, []

    def replace_then_stop(source, destination):
        if Path(destination).parent == target.path:
            if moved:
                raise KeyboardInterrupt  # stopped between two moves
            moved.append(destination)
        real_replace(source, destination)

    monkeypatch.setattr(atomic.os, "replace", replace_then_stop)
    with pytest.raises(KeyboardInterrupt):
        with atomic.staged_directories([target], journal) as (staging,):
            for name in ("a", "b", "c"):
                (staging / name).write_text(f"new {name}", encoding="utf-8")
    monkeypatch.setattr(atomic.os, "replace", real_replace)
    assert journal.exists()  # mixed until the next build, which completes the move
    assert atomic.finish_interrupted(journal) and not journal.exists()
    assert {p.name: p.read_text(encoding="utf-8") for p in target.path.iterdir()} == {
        "a": "new a", "b": "new b", "c": "new c"}
    assert len(atomic.remove_stale_staging([target])) == 1 and not atomic.staging_directories(target)


def test_a_signal_during_the_checkouts_moves_takes_effect_once_they_are_done():
    received: list[str] = []
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: received.append("during" if moving else "after"))
    try:
        moving = True
        with atomic.signals_deferred():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.05)
            moving = False
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert received == ["after"]


# --- fault injection: real processes, stopped at each phase ----------------------------------------

HARNESS = textwrap.dedent('''
    import multiprocessing, os, signal, sys, time
    from pathlib import Path
    from corpus import buildcache, cli, output
    from corpus.export import tei

    phase, how, marker = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    # Ctrl-C as at a terminal, even when the test run itself was started in the background (which
    # makes the shell ignore SIGINT for it, and a child inherits that)
    signal.signal(signal.SIGINT, signal.default_int_handler)

    def stop():  # the marker names this process and the workers it runs, if any
        marker.write_text(" ".join(str(p) for p in [os.getpid(), *(c.pid for c in multiprocessing.active_children())]))
        if how == "HOLD":  # keep the lock until the test says go
            while not marker.with_suffix(".go").exists():
                time.sleep(0.05)
            return
        os.kill(os.getpid(), getattr(signal, how))
        time.sleep(30)  # a signal Python handles is raised at the next instruction; SIGKILL ends us here

    def before(function):
        return lambda *args, **kwargs: (stop(), function(*args, **kwargs))[1]

    def after(function):
        return lambda *args, **kwargs: (function(*args, **kwargs), stop())[0]

    if phase == "pipeline":
        cli.pipeline.process_all = before(cli.pipeline.process_all)
    elif phase == "processing":  # a worker's document taken, the workers still running
        buildcache.decode = after(buildcache.decode)
    elif phase == "staging":
        tei.CorpusParts.corpus = before(tei.CorpusParts.corpus)
    elif phase == "staged":
        output.write_manifest = after(output.write_manifest)
    elif phase == "switched":
        output.BuildFolder._retire = before(output.BuildFolder._retire)
    sys.exit(cli.main(sys.argv[4:]))
''')


def start(phase: str, how: str, marker: Path, seeds: Path, out: Path, *options: str,
          console: int | IO[str] = subprocess.PIPE) -> subprocess.Popen:
    """``corpus build`` of ``seeds`` into ``out`` (with ``options``), stopped as ``how`` says at ``phase``;
    its stdout and stderr go to ``console``."""
    command = [sys.executable, "-c", HARNESS, phase, how, str(marker),
               "-q", "--seeds", str(seeds), "build", "--allow-untranslated", "--out", str(out), *options]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(command, env=env, stdout=console, stderr=console, text=True)


def wait_for(marker: Path, process: subprocess.Popen) -> None:
    """Until ``process`` has written ``marker``, however long the build takes on a loaded machine; fail if it
    ends without."""
    while not marker.exists():
        assert process.poll() is None, process.communicate()
        time.sleep(0.05)


@pytest.mark.parametrize("phase, how, expected", [
    ("staging", "SIGKILL", "A"),
    ("staged", "SIGKILL", "A"),
    ("switched", "SIGKILL", "B"),
    ("pipeline", "SIGINT", "A"),
    ("staging", "SIGTERM", "A"),
])
def test_a_stopped_build_leaves_the_old_build_or_the_new_one_whole(builds, tmp_path, phase, how, expected):
    base, seeds = builds
    out = out_with_build_a(builds, tmp_path)
    process = start(phase, how, tmp_path / "reached", seeds["B"], out)
    _stdout, stderr = process.communicate()  # however long the build takes to reach the phase on a loaded machine
    assert (tmp_path / "reached").exists(), stderr
    if how == "SIGKILL":
        assert process.returncode == -signal.SIGKILL
    else:  # one line, no traceback, and the staging it made is gone already
        assert process.returncode == 130 and stderr.count("\n") == 1 and "interrupted" in stderr, stderr
        assert len(list((out / output.STATE).glob("v-*"))) == 1
    assert published(out) == published(base / f"ref-{expected}")
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    pipeline.build(seeds["B"], out, allow_untranslated=True)  # the next build cleans up after the stopped one
    assert published(out) == published(base / "ref-B")
    assert len(list((out / output.STATE).glob("v-*"))) == 1 and (out / "notes.txt").exists()


def test_workers_of_a_build_killed_outright_end_and_do_not_keep_the_folder_locked(builds, tmp_path):
    """A build killed outright (SIGKILL, the OOM killer) while its workers process documents cannot end
    them: they end with it, and the next build into the folder is not refused."""
    base, seeds = builds
    out = out_with_build_a(builds, tmp_path)
    with (tmp_path / "console").open("w") as console:  # the workers would keep a pipe open: a file instead
        process = start("processing", "SIGKILL", tmp_path / "reached", seeds["B"], out, "--jobs", "2", console=console)
        assert process.wait() == -signal.SIGKILL
    killed, *workers = map(int, (tmp_path / "reached").read_text(encoding="utf-8").split())
    try:
        assert killed == process.pid and len(workers) == 2  # the pool was running when the build was killed
        assert all(ends_within(pid, seconds=60) for pid in workers)  # a guard against a hang, not a speed check
        assert published(out) == published(base / "ref-A")
        pipeline.build(seeds["B"], out, allow_untranslated=True)
        assert published(out) == published(base / "ref-B")
        assert len(list((out / output.STATE).glob("v-*"))) == 1 and (out / "notes.txt").exists()
    finally:
        for pid in workers:
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def ends_within(pid: int, seconds: float) -> bool:
    """Whether process ``pid`` is gone (or a zombie nobody reaps, as orphans are in some containers)."""
    for _ in range(int(seconds * 10)):
        try:
            state = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.1)
    return False


def test_a_second_build_into_the_same_folder_is_refused_while_the_first_runs(builds, tmp_path):
    base, seeds = builds
    out = out_with_build_a(builds, tmp_path)
    first = start("staging", "HOLD", tmp_path / "reached", seeds["B"], out)
    wait_for(tmp_path / "reached", first)
    second = start("none", "-", tmp_path / "unused", seeds["A"], out)
    _stdout, stderr = second.communicate()
    assert second.returncode == 1 and "another build" in stderr and stderr.count("\n") == 1, stderr
    (tmp_path / "reached.go").touch()
    _stdout, stderr = first.communicate()
    assert first.returncode == 0, stderr
    assert published(out) == published(base / "ref-B")


def test_a_permission_error_while_publishing_leaves_the_previous_build(builds, tmp_path, monkeypatch, capsys):
    base, seeds = builds
    out = out_with_build_a(builds, tmp_path)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(out / output.STATE / output.CURRENT))

    monkeypatch.setattr(output.os, "symlink", refuse)
    assert main(["-q", "--seeds", str(seeds["B"]), "build", "--allow-untranslated", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Permission denied" in err and "Traceback" not in err
    assert published(out) == published(base / "ref-A")
    assert len(list((out / output.STATE).glob("v-*"))) == 1 and (out / "notes.txt").exists()


# --- names and encodings no one on the team wrote ----------------------------------------------------

HOSTILE_NAME = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"),
                       min_size=1, max_size=12).filter(lambda name: not name.startswith("."))


@given(names=st.lists(HOSTILE_NAME, min_size=1, max_size=4, unique_by=str.casefold))
@settings(max_examples=15, deadline=None)
def test_any_file_names_build_one_document_each_and_never_overwrite_each_other(tmp_path_factory, names):
    base = tmp_path_factory.mktemp("hostile")
    seeds = base / "seeds"
    seeds.mkdir()
    for number, name in enumerate(names):
        (seeds / f"{name}.txt").write_text(f"第{number}篇文章。\n", encoding="utf-8")
    pipeline.build(seeds, base / "out", allow_untranslated=True)
    loaded = corpus.load(base / "out" / "corpus" / "data")
    assert sorted(doc.source_file for doc in loaded) == sorted(f"{name}.txt" for name in names)
    tei_files = {p.stem for p in (base / "out" / "corpus" / "tei").glob("*.xml")}
    assert tei_files == {doc.doc_id for doc in loaded} | {"corpus"}


def test_an_unknown_engine_is_refused_before_the_pipeline(tmp_path, monkeypatch, capsys):
    seeds = seed_folder(tmp_path / "seeds", SEEDS_A)
    monkeypatch.setattr(pipeline, "process", no_pipeline)
    assert main(["--seeds", str(seeds), "build", "--engine", "nope", "--out", str(tmp_path / "out")]) == 1
    assert "unknown translation engine 'nope'" in capsys.readouterr().err and not (tmp_path / "out").exists()


def test_a_folder_of_mixed_encodings_builds_and_a_bad_file_stops_it_before_any_write(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    text = "智源研究院成立了。\n"
    for name, data in {"le.txt": text.encode("utf-16-le"), "bom.TXT": ("\ufeff" + text).encode("utf-16-be"),
                       "gb.md": text.encode("gb18030"), "big5.text": "這是繁體字的句子。\n".encode("big5")}.items():
        (seeds / name).write_bytes(data)
    pipeline.build(seeds, tmp_path / "out", allow_untranslated=True)
    loaded = corpus.load(tmp_path / "out" / "corpus" / "data")
    assert {doc.source_file: doc.encoding for doc in loaded} == {
        "big5.text": "big5", "bom.TXT": "utf-16-be", "gb.md": "gb18030", "le.txt": "utf-16-le"}
    before = published(tmp_path / "out")
    (seeds / "nel.txt").write_bytes("第一行\u0085第二行\n".encode())
    with pytest.raises(CorpusError, match=r"nel.txt: byte 9: control character U\+0085"):
        pipeline.build(seeds, tmp_path / "out", allow_untranslated=True)
    assert published(tmp_path / "out") == before
