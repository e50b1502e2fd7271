"""The README is the dataset card: its examples run, its commands are the ones CI uses, its YAML is valid."""
from __future__ import annotations

import doctest
import re
from pathlib import Path

import yaml

from corpus.export import rows

README = Path(__file__).resolve().parent.parent / "README.md"


def block_after(marker: str) -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(re.escape(marker) + r"\n```[a-z]*\n(.*?)```", text, re.S)
    assert match, f"no code block after {marker}"
    return match.group(1)


def test_api_examples_in_the_readme_run_and_print_what_they_say():
    examples = doctest.DocTestParser().get_doctest(block_after("<!-- api-example -->"), {}, "README", str(README), 0)
    assert len(examples.examples) >= 8
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(examples)
    assert runner.summarize(verbose=False).failed == 0


def test_card_yaml_declares_every_config_with_its_parquet_file():
    card = yaml.safe_load(README.read_text(encoding="utf-8").split("---")[1])
    assert card["language"] == ["zh", "en"] and "translation" in card["task_categories"]
    declared = {c["config_name"]: c["data_files"][0]["path"] for c in card["configs"]}
    assert declared == {name: f"corpus/data/{rows.CONFIG_FILES[name]}" for name in rows.CONFIGS}
    assert [c["config_name"] for c in card["configs"] if c.get("default")] == ["sentences"]


def test_card_documents_every_field_of_every_config():
    from corpus.export import hf

    text = README.read_text(encoding="utf-8")
    for config, features in hf.FEATURES.items():
        for field in features:
            assert f"`{field}`" in text, f"{config}.{field} is not documented in README.md"


def test_readme_has_exactly_the_two_commands_and_both_set_up_a_venv():
    build, test = block_after("<!-- build-command -->"), block_after("<!-- test-command -->")
    assert "corpus build" in build and "pytest" in test
    assert all("python3 -m venv" in command and "torch==2.13.0" in command for command in (build, test))


def test_card_yaml_has_the_hub_template_fields_and_the_dataset_info_of_every_config():
    import pyarrow.parquet as pq

    from corpus.export import hf

    card = yaml.safe_load(README.read_text(encoding="utf-8").split("---")[1])
    for key in ("annotations_creators", "language_creators", "source_datasets", "tags", "task_categories"):
        assert card[key], key
    assert {"zh-Hans", "zh-Hant"} <= set(card["language_details"].replace(" ", "").split(","))
    infos = {info["config_name"]: info for info in card["dataset_info"]}
    assert sorted(infos) == sorted(rows.CONFIGS)
    for config, info in infos.items():
        assert [feature["name"] for feature in info["features"]] == list(hf.FEATURES[config])
        rows_written = pq.read_metadata(README.parent / "corpus" / "data" / rows.CONFIG_FILES[config]).num_rows
        assert info["splits"] == [{"name": "train", "num_bytes": info["splits"][0]["num_bytes"],
                                   "num_examples": rows_written}]


def test_card_has_the_sections_of_the_hub_template():
    text = README.read_text(encoding="utf-8")
    for heading in ("Intended use", "Personal information", "Biases", "Licences", "How to cite"):
        assert heading in text, heading
