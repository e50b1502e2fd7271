"""scripts/bench_mt.py runs end to end on the tiny model and reports what it promises."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_bench_reports_overhead_and_batching_with_its_command(tiny_model):
    # the session's tiny model (what the bench builds without --model)
    arguments = ["scripts/bench_mt.py", "--model", str(tiny_model), "--n", "12", "--batch-size", "4", "--beam-size",
                 "2", "--repeat", "1"]
    run = subprocess.run([sys.executable, *arguments], cwd=REPO, check=True, capture_output=True, text=True)
    report = run.stdout
    assert "sentences: 12, batch size 4, beam 2, best of 1" in report
    assert re.search(r"^overhead ratio: +\d+\.\d+x", report, re.MULTILINE)
    assert re.search(r"^batch speed-up: +\d+\.\d+x", report, re.MULTILINE)
    assert re.search(r"^model: mt:argos:translate-zh_en-tiny:", report, re.MULTILINE)
    # batches of one length give each sentence the translation it gets alone
    assert re.search(r"^translations that differ alone: raw \(mixed lengths\) \d+, wrapper \(one length per "
                     r"batch\) 0, of 12$", report, re.MULTILINE)
    assert report.rstrip().splitlines()[-1] == "reproduce: python " + " ".join(arguments)
