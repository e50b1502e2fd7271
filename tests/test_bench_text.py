"""scripts/bench_text.py runs end to end on a seed ×1 and prints what it promises (no timing assertions)."""
from __future__ import annotations

import re
import shutil

from corpus import pipeline
from scriptload import load_script

CONTENDERS = ("text pipeline", "of which clean", "of which structure", "of which segment", "of which script",
              "opencc alone", "pypinyin alone")


def load_bench():
    return load_script("bench_text")


def stages():
    return pipeline.TEXT_STAGES


def test_bench_prints_throughputs_and_the_ratio(capsys, tmp_path):
    before = stages()
    (smallest,) = sorted(pipeline.SEEDS.glob("*.txt"), key=lambda path: path.stat().st_size)[:1]
    shutil.copy(smallest, tmp_path)  # one seed: the report's form is the same for five
    assert load_bench().main(["--copies", "1", "--seeds", str(tmp_path)]) == 0
    report = capsys.readouterr().out
    assert "text stages on 1 seeds, each seed's raw text x1" in report
    for contender in CONTENDERS:  # name, seconds, chars/s
        assert re.search(rf"^ *{re.escape(contender)}.* \d+\.\d\d +[\d,]+$", report, re.MULTILINE), contender
    assert re.search(r"^ratio text pipeline time / pypinyin time: \d+\.\d\dx \(target <= 2x: (met|NOT met)\)$",
                     report, re.MULTILINE)
    assert stages() == before  # the per-stage timers are unwrapped again
