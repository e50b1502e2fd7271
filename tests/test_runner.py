"""corpus.runner: results come back in task order wherever they run; worker errors keep file and offset.

The Dask path is tested with a whole build on a two-worker cluster (test_build_scale.py)."""
from __future__ import annotations

import multiprocessing
import os
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.annotate.ner import statistical_mentions
from corpus.errors import InputError
from corpus.runner import ordered_map


def square(number: int) -> int:
    return number * number


def process_id(number: int) -> int:
    return os.getpid()


def names(text: str) -> list[str]:
    return [mention.text for mention in statistical_mentions(text)]


def reject(number: int) -> int:
    raise InputError(f"seed-{number}.txt", number, "not UTF-8")


@given(st.lists(st.integers(-1000, 1000), max_size=30))
@settings(max_examples=30, deadline=None)
def test_in_process_results_in_task_order(numbers: list[int]) -> None:
    assert list(ordered_map(square, iter(numbers))) == [n * n for n in numbers]


def test_process_pool_equals_in_process() -> None:
    numbers = [7, -3, 0, 12, 5, 9, 1]
    assert list(ordered_map(square, iter(numbers), jobs=2)) == list(ordered_map(square, numbers, jobs=1))


def test_input_error_round_trips_through_pickle() -> None:
    error = InputError("a.txt", 17, "not UTF-8")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.path, copy.offset, copy.problem, str(copy)) == ("a.txt", 17, "not UTF-8", str(error))


def test_worker_error_names_file_and_offset() -> None:
    with pytest.raises(InputError, match=r"seed-4\.txt: byte 4: not UTF-8"):
        list(ordered_map(reject, [4], jobs=2))


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="workers start by fork only on Linux")
def test_under_fork_prepare_runs_here_on_the_first_task_and_every_task_in_workers() -> None:
    prepared: list[int] = []
    processes = list(ordered_map(process_id, range(6), jobs=2, prepare=prepared.append))
    assert prepared == [0] and len(processes) == 6 and os.getpid() not in processes
    assert list(ordered_map(process_id, range(3), jobs=1, prepare=prepared.append)) == [os.getpid()] * 3
    assert prepared == [0]  # in this process: nothing to prepare


def test_workers_forked_after_the_ner_model_ran_here_tag_as_this_process_does() -> None:
    texts = ["李彦宏在上海见到了马云。", "清华大学的王小明说。", "深圳市政府发布了通知。", "张宏江在北京。"]
    assert list(ordered_map(names, texts, jobs=2, prepare=names)) == list(map(names, texts))
