"""``corpus score``: a translation of the test set scored against the human reference with sacrebleu.

The test set is what :mod:`corpus.export.testset` publishes
(``alignments/testset/``): the hypothesis file has one line per line of
``zhen.zh`` (or of ``zhen.zh_Hans`` / ``zhen.zh_Hant``, the same sentences),
in the same order.  With ``--doc`` it may instead hold only that document's
lines.  Any other line count is refused: a shifted file would score as a
bad translation instead of failing.  BLEU, chrF++ (chrF with word bigrams)
and TER are sacrebleu's defaults otherwise; every figure comes with
sacrebleu's signature, which names the settings and version that produced it.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from sacrebleu.metrics import BLEU, CHRF, TER

from corpus.errors import CorpusError
from corpus.export.parallel import CORPUS_NAME, IDS_SUFFIX
from corpus.export.testset import FOLDER
from corpus.export.parallel import ENGLISH_CODE

DEFAULT_TESTSET = Path(__file__).resolve().parent.parent / "alignments" / FOLDER
OVERALL = "all"


def metrics() -> dict[str, BLEU | CHRF | TER]:
    return {"BLEU": BLEU(), "chrF++": CHRF(word_order=2), "TER": TER()}


@dataclass(frozen=True)
class Scores:
    scope: str  # a doc_id, or OVERALL
    lines: int
    values: dict[str, float]  # metric name → score


@dataclass(frozen=True)
class Report:
    scores: list[Scores]  # per document in doc_id order, then overall
    signatures: dict[str, str]  # metric name → sacrebleu signature

    def format(self) -> str:
        names = list(self.signatures)
        rows = [f"{'document':<32} {'lines':>5} " + " ".join(f"{name:>7}" for name in names)]
        rows += [f"{s.scope:<32} {s.lines:>5} " + " ".join(f"{s.values[name]:>7.2f}" for name in names)
                 for s in self.scores]
        rows += [f"{name}: {signature}" for name, signature in self.signatures.items()]
        return "\n".join(rows) + "\n"


def read_lines(path: Path) -> list[str]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CorpusError(f"{path}: no such file") from None
    except UnicodeDecodeError as error:
        raise CorpusError(f"{path}: not UTF-8 at byte {error.start}") from None
    return text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")


def doc_of(sentence_id: str) -> str:
    return sentence_id.rsplit(".p", 1)[0]


def score_lines(hypotheses: Sequence[str], references: Sequence[str], ids: Sequence[str]) -> Report:
    """Scores per document and overall for line-aligned hypotheses, references and sentence ids."""
    by_doc: dict[str, list[int]] = {}
    for number, identifier in enumerate(ids):
        by_doc.setdefault(doc_of(identifier), []).append(number)
    groups = [(doc_id, by_doc[doc_id]) for doc_id in sorted(by_doc)]
    if len(groups) != 1:
        groups.append((OVERALL, list(range(len(ids)))))
    scores, signatures = [], {}
    for scope, numbers in groups:
        values = {}
        for name, metric in metrics().items():
            result = metric.corpus_score([hypotheses[n] for n in numbers], [[references[n] for n in numbers]])
            values[name] = result.score
            signatures[name] = str(metric.get_signature())
        scores.append(Scores(scope, len(numbers), values))
    return Report(scores, signatures)


def score_file(hypothesis_file: Path, testset: Path = DEFAULT_TESTSET, doc: Optional[str] = None) -> Report:
    """Score ``hypothesis_file`` against the test set in ``testset`` (all documents, or only ``doc``)."""
    references = read_lines(Path(testset) / f"{CORPUS_NAME}.{ENGLISH_CODE}")
    ids = read_lines(Path(testset) / f"{CORPUS_NAME}.{IDS_SUFFIX}")
    hypotheses = read_lines(hypothesis_file)
    if doc is not None:
        keep = [n for n, identifier in enumerate(ids) if doc_of(identifier) == doc]
        if not keep:
            known = ", ".join(sorted({doc_of(identifier) for identifier in ids}))
            raise CorpusError(f"no document {doc!r} in the test set {testset}; known: {known}")
        if len(hypotheses) == len(ids):
            hypotheses = [hypotheses[n] for n in keep]
        references, ids = [references[n] for n in keep], [ids[n] for n in keep]
    if len(hypotheses) != len(ids):
        scope = f"document {doc!r} of the test set ({len(ids)} lines) or the whole test set" if doc else \
            f"the test set ({len(ids)} lines)"
        raise CorpusError(f"{hypothesis_file}: {len(hypotheses)} lines, but {scope} has a different count; "
                          f"translate {Path(testset) / (CORPUS_NAME + '.zh')} line by line")
    return score_lines(hypotheses, references, ids)
