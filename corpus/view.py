"""Readable text views of documents for the terminal (``corpus show``, ``corpus stats``)."""
from __future__ import annotations

import textwrap
from collections import Counter

from corpus.model import Document

KIND_MARKERS = {"title": "# ", "heading": "## ", "paragraph": "", "turn": ""}


def show_document(doc: Document, width: int = 100) -> str:
    meta = doc.metadata
    lines = [
        f"{doc.doc_id}  ({doc.source_file}, {doc.encoding}, script {doc.script})",
        "  " + ", ".join(f"{key}: {meta[key]}" for key in sorted(meta) if not key.endswith("_note")),
        "",
    ]
    for paragraph in doc.paragraphs:
        header = KIND_MARKERS[paragraph.kind]
        if paragraph.kind == "turn":
            header = f"[{paragraph.speaker_label}] "
        lines.append(f"{header}¶{paragraph.index}")
        for sentence in paragraph.sentences:
            flags = f"  [{', '.join(sentence.flags)}]" if sentence.flags else ""
            speaker = f"  <{sentence.speaker}:{sentence.speaker_role}>" if sentence.speaker else ""
            lines.append(f"  {sentence.id}{flags}{speaker}")
            lines.append(textwrap.indent(sentence.zh, "    zh  "))
            if sentence.en:
                lines.append(textwrap.indent(textwrap.fill(sentence.en, width - 8), "    en  "))
        lines.append("")
    return "\n".join(lines)


def stats(docs: list[Document]) -> str:
    rows = [("doc_id", "script", "paras", "turns", "sents", "zh chars", "edits", "en", "flags")]
    for doc in docs:
        sentences = doc.sentences
        flags = Counter(flag for s in sentences for flag in s.flags)
        rows.append(
            (
                doc.doc_id,
                doc.script,
                str(len(doc.paragraphs)),
                str(sum(p.kind == "turn" for p in doc.paragraphs)),
                str(len(sentences)),
                str(sum(len(s.zh) for s in sentences)),
                str(sum(len(p) for p in doc.edits)),
                str(sum(bool(s.en_segments) for s in sentences)),
                " ".join(f"{k}={v}" for k, v in sorted(flags.items())) or "-",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows)
