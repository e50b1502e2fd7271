"""Short forms an article defines: ``工業技術研究院（工研院）`` makes 工研院 a name of the same organisation.

A definition is an organisation mention followed by a bracketed run of two to six Han characters, all of which
occur in the full name (a short form is made of its name's characters: 國家發展基金管理會 → 國發基金; a place
in brackets after a company, 華為（深圳）, is not).  Every occurrence of a defined short form in the document is
then an organisation mention; the model's spans that overlap one (國發基金加碼投資儲能, a clause the model read
as one name) give way to it, curated spans (registry, rules) and registered names that hold it (锦程航运 in
湖南洪江锦程航运有限公司) do not.  An acronym in brackets after an organisation (國際保險監督官協會（IAIS）)
defines it too: it is that organisation wherever it stands alone as a Latin word.

A brand's short name needs no definition: :func:`corpus.annotate.org_spans.known_names` finds it (星澜 of 星澜航天,
峰飞 of 峰飞航空, the model's person or a word jieba does not know), and so does
:func:`corpus.annotate.company_names.company_short_forms` for a registered name (锦程航运 of 湖南洪江锦程航运有限公司);
:func:`with_short_forms` puts them in.
"""
from __future__ import annotations

import re

from corpus.annotate.name_spans import legal_form_start
from corpus.annotate.org_evidence import ACRONYM
from corpus.lang import HAN_CLASS, LATIN_LOWER, LATIN_UPPER
from corpus.model import Mention, Sentence

_BRACKETED = re.compile(f"[（(]([{HAN_CLASS}]{{2,6}}|{ACRONYM.pattern})[）)]")
_LATIN = LATIN_UPPER + LATIN_LOWER


def defined_short_forms(sentences: list[Sentence]) -> set[str]:
    """The short forms the document's organisation mentions define in brackets right after them."""
    found = set()
    for sentence in sentences:
        for mention in sentence.entities:
            bracketed = _BRACKETED.match(sentence.zh, mention.end)
            short_form = bracketed.group(1) if bracketed else ""
            if mention.type == "org" and short_form and (ACRONYM.fullmatch(short_form)
                                                        or set(short_form) <= set(mention.text)):
                found.add(short_form)
    return found


def with_short_forms(mentions: list[Mention], text: str, short_forms: set[str]) -> list[Mention]:
    """``mentions`` with every occurrence of a short form as an organisation mention, in place of the model's
    spans it overlaps; an occurrence overlapping a curated span is left out."""
    # a registered name (one with its legal form) holds its short forms (锦程航运 in 湖南洪江锦程航运有限公司): no
    # occurrence there, nor one across its edge (were that one to replace it, the registered name's inner
    # occurrences would appear on a second pass: not idempotent)
    registered = [m for m in mentions if m.type == "org" and legal_form_start(m.text) < len(m.text)]
    occurrences = [Mention(match.start(), match.end(), match.group(), "org", source="ner")
                   for short_form in sorted(short_forms, key=len, reverse=True)
                   for match in re.finditer(_occurrence(short_form), text)
                   if not any(m.overlaps(match.start(), match.end()) for m in registered)]
    added: list[Mention] = []
    for occurrence in occurrences:
        if not any(occurrence.overlaps(other.start, other.end)
                   for other in added + [m for m in mentions if m.source != "ner"]):
            added.append(occurrence)
    kept = [m for m in mentions if not any(m.overlaps(occurrence.start, occurrence.end) for occurrence in added)]
    return sorted(kept + added, key=lambda m: m.start)


def _occurrence(short_form: str) -> str:
    """A short form as a pattern: a Latin one (an acronym) only as a word of its own (IAIS, not IAISX)."""
    return rf"(?<![{_LATIN}0-9]){re.escape(short_form)}(?![{_LATIN}0-9])" if ACRONYM.fullmatch(short_form) \
        else re.escape(short_form)
