"""What the annotation could not settle, for the people who curate the registry.

* names the statistical NER model (:mod:`corpus.annotate.ner`) finds that the registry
  lacks, with their counts: proposals for new registry entries, never added to the
  registry automatically (in new documents they are annotated with document-scoped ids;
  in the curated documents they are only proposed);
* Chinese mentions whose English span projection could not find (a missing
  English alias, or a translation that paraphrases the name).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from corpus.annotate.mentions import find_mentions
from corpus.annotate.ner import model_version
from corpus.annotate.projection import project
from corpus.registry import Registry
from corpus.model import Document


@dataclass
class CurationReport:
    # (surface, type) → ids of the sentences it occurs in
    unknown: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    # (sentence id, surface, type, registry id or None)
    unprojected: list[tuple[str, str, str, str | None]] = field(default_factory=list)
    mentions: int = 0

    @property
    def projection_rate(self) -> float:
        return 1 - len(self.unprojected) / self.mentions if self.mentions else 1.0

    def format(self) -> str:
        lines = [f"names the registry lacks ({model_version()} proposals; name, type, count, sentences): "
                 f"{len(self.unknown)}"]
        for (surface, kind), ids in sorted(self.unknown.items(), key=lambda item: (-len(item[1]), item[0])):
            lines.append(f"  {surface}\t{kind}\t{len(ids)}\t{' '.join(ids[:3])}{' …' if len(ids) > 3 else ''}")
        lines.append(f"unprojected mentions: {len(self.unprojected)} of {self.mentions} "
                     f"(projection rate {self.projection_rate:.3f})")
        lines += [f"  {sid}\t{surface}\t{kind}\t{ref or '-'}" for sid, surface, kind, ref in self.unprojected]
        return "\n".join(lines)


def curation_report(docs: list[Document], registry: Registry) -> CurationReport:
    """Over annotated documents (``entities`` filled, English present where translated)."""
    report = CurationReport()
    for doc in docs:
        for sentence in doc.sentences:
            for candidate in find_mentions(sentence.zh, registry):
                if candidate.source == "ner":
                    report.unknown[candidate.text, candidate.type].append(sentence.id)
            if not sentence.en_segments:
                continue
            report.mentions += len(sentence.entities)
            _, missed = project(sentence.entities, sentence.zh, sentence.en, registry)
            report.unprojected += [(sentence.id, m.text, m.type, m.ref) for m in missed]
    return report
