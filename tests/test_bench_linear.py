"""scripts/bench_linear.py runs on a small line and prints the time ratios it promises (no timing assertions)."""
from __future__ import annotations

import re
from scriptload import load_script



def load_bench():
    return load_script("bench_linear")


def test_bench_prints_both_sizes_and_the_ratio_per_contender(capsys):
    ratios = load_bench().run(0.02)
    report = capsys.readouterr().out
    assert set(ratios) == {"clean", "text stages", "mojibake scan"}
    for name in ratios:
        assert re.search(rf"^{name} +0\.0 +\d+\.\d\d +0\.0 +\d+\.\d\d +\d+\.\d\dx  \((NOT )?linear: 4x the input",
                         report, re.MULTILINE), name


def test_the_line_is_the_size_asked_for():
    bench = load_bench()
    for unit in (bench.CLEAN_UNIT, bench.STAGES_UNIT):
        line = bench.line_of(unit, 0.5)
        assert abs(len(line.encode("utf-8")) - 500_000) < 10_000 and line.startswith(unit)
