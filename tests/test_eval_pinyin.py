"""scripts/eval_pinyin.py: its reading of written pinyin into syllables and joins, and its scores."""
from __future__ import annotations


import yaml

from corpus.lang import is_han
from scriptload import load_script



def load_eval():
    return load_script("eval_pinyin")


def test_written_pinyin_reads_back_as_syllables_and_joins_with_latin_left_out():
    module = load_eval()
    read = module.read_syllables("Réngōng zhìnéng, xié'è AI gūzhù-yīzhì.", "人工智能，邪恶AI孤注一掷。")
    assert [syllable for syllable, _ in read] == ["Rén", "gōng", "zhì", "néng", "xié", "è", "gū", "zhù", "yī", "zhì"]
    assert [join for _, join in read] == ["joined", "space", "joined", "space", "joined", "space",
                                          "joined", "hyphen", "joined", "space"]


def test_a_wrong_syllable_and_a_wrong_join_are_each_counted():
    module = load_eval()
    gold = module.read_syllables("Wǒmen de réngōng zhìnéng", "我们的人工智能")
    system = module.read_syllables("Wǒmen dí réngōngzhìnéng", "我们的人工智能")
    syllable_errors, join_errors, joins, capital_errors, _ = module.compare(system, gold)
    assert (syllable_errors, join_errors, joins, capital_errors) == (1, 1, 5, 0)


def test_the_gold_sample_has_100_sentences_and_reads_completely():
    module = load_eval()
    entries = yaml.safe_load(module.GOLD.read_text(encoding="utf-8"))["sentences"]
    assert len(entries) == len({entry["id"] for entry in entries}) == 100
    for entry in entries:
        han = sum(is_han(char) for char in entry["zh_hans"])
        assert len(module.read_syllables(entry["pinyin"], entry["zh_hans"])) == han, entry["id"]


def test_the_heldout_sample_is_apart_from_the_dev_sample_and_reads_completely():
    module = load_eval()
    dev, heldout = (yaml.safe_load(module.SAMPLES[name].read_text(encoding="utf-8"))["sentences"]
                    for name in ("dev", "heldout"))
    assert len(heldout) == len({entry["id"] for entry in heldout}) == 64
    assert not {entry["zh_hans"] for entry in heldout} & {entry["zh_hans"] for entry in dev}
    for entry in heldout:
        han = sum(is_han(char) for char in entry["zh_hans"])
        assert len(module.read_syllables(entry["pinyin"], entry["zh_hans"])) == han, entry["id"]


def test_the_heldout_sample_is_not_text_of_the_shipped_corpus():
    import pyarrow.parquet as pq

    module = load_eval()
    shipped = pq.read_table(module.GOLD_DIR.parent.parent / "data" / "sentences.parquet", columns=["zh_hans"])
    texts = set(shipped.column("zh_hans").to_pylist())
    heldout = yaml.safe_load(module.SAMPLES["heldout"].read_text(encoding="utf-8"))["sentences"]
    assert not [entry["id"] for entry in heldout if entry["zh_hans"] in texts]


def test_on_the_heldout_sample_the_orthography_beats_plain_pypinyin_in_every_measure():
    from corpus.script import to_pinyin

    module = load_eval()
    entries = yaml.safe_load(module.SAMPLES["heldout"].read_text(encoding="utf-8"))["sentences"]
    before = module.evaluate(entries, module.plain_pypinyin, False)
    after = module.evaluate(entries, to_pinyin, False)
    for measure in ("syllable_error_rate", "joining_error_rate", "capitalisation_error_rate"):
        assert after[measure] < before[measure], measure
