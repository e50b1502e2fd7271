"""Notices, credits, disclaimers and promotions recognised by evidence, not by wording.

A line is scored by what notices are made of (``curated/cleaning/notices.yaml``):
words of rights, reprints, contacts, sources, responsibility and promotion; e-mail
addresses, URLs and phone numbers.  The decision is
separate (OpusFilter's ``score()`` / ``accept()``): a line is article text when its score
is below the threshold or it is longer than a notice can be.  A notice spliced in front
of a paragraph (``【版权声明】…联系方式:x@y.cn理想汽车…``) is scored up to its first contact,
and only that part is removed when article text follows it.  Every removal is an edit whose reason
gives the score and the evidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.clean.rules import lines_with_offsets, load_yaml
from corpus.model import Edit

CONTACT = re.compile(
    r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"  # e-mail (stops at a Han character)
    r"|(?:https?://|www\.)[A-Za-z0-9./_%?=&#-]+"  # URL
    # phone: an area code (010-8888 6666), a mobile (13912345678) or a 400 number; never a year range
    r"|(?<![\d.])(?:0\d{2,3}[ -]?\d{3,4}[ -]?\d{4}|1[3-9]\d{9}|400[ -]?\d{3}[ -]?\d{4})(?!\d)"
)
# Text after a notice with at least one evidence word per this many characters is still the notice.
EVIDENCE_SPAN = 10


@dataclass(frozen=True)
class Evidence:
    score: int
    found: tuple[str, ...]


@dataclass(frozen=True)
class NoticeRule:
    rule: str
    reason: str
    threshold: int
    contact_weight: int
    max_chars: int
    words: re.Pattern[str]

    def score(self, text: str) -> Evidence:
        words = sorted({match.group() for match in self.words.finditer(text)})
        contacts = [match.group() for match in CONTACT.finditer(text)]
        return Evidence(len(words) + self.contact_weight * len(contacts), tuple(words + contacts))

    def accept(self, text: str, evidence: Evidence) -> bool:
        """True when ``text`` is article text, False when it is a notice to remove."""
        return evidence.score < self.threshold or len(text.strip()) > self.max_chars

    def find(self, text: str) -> list[Edit]:
        edits = []
        for offset, line in lines_with_offsets(text):
            head = spliced_head(line[:self.max_chars + 1])  # a notice is short: never read further
            if head is not None and not self.accept(head, evidence := self.score(head)):
                if self.is_article(line[len(head):]):
                    edits.append(self._edit(offset, head, evidence))
                    continue
            if len(line.strip()) <= self.max_chars and not self.accept(line, evidence := self.score(line)):
                edits.append(self._edit(offset, line, evidence))
        return edits

    def is_article(self, tail: str) -> bool:
        """Whether what follows a notice on its line is article text: letters, and evidence
        sparser than one word in :data:`EVIDENCE_SPAN` characters (``,違者必究。`` belongs to the notice)."""
        if len(tail) > self.max_chars:
            return True
        letters = sum(char.isalnum() for char in tail)
        return letters > 0 and self.score(tail).score * EVIDENCE_SPAN < len(tail.strip())

    def _edit(self, offset: int, notice: str, evidence: Evidence) -> Edit:
        why = f"{self.reason} (score {evidence.score} ≥ {self.threshold}: {', '.join(evidence.found)})"
        return Edit(offset, offset + len(notice), notice, "", self.rule, why)


def spliced_head(line: str) -> str | None:
    """The part of a line up to its first contact (e-mail, URL, phone), when text follows it.

    Only a contact ends a spliced notice: a first sentence that merely talks about rights
    (本文作者认为,版权与转载的问题…) may be the article's, and article text is never removed.
    """
    contact = CONTACT.search(line)
    if contact is None or not line[contact.end():].strip():
        return None
    return line[:contact.end()]


def _notice_rule() -> NoticeRule:
    data = load_yaml("notices.yaml")
    words = sorted({word for group in data["evidence"].values() for word in group}, key=len, reverse=True)
    return NoticeRule(data["rule"], data["reason"].strip(), data["threshold"], data["contact_weight"],
                      data["max_chars"], re.compile("|".join(re.escape(w) for w in words)))


NOTICES = _notice_rule()


def find_notices(text: str) -> list[Edit]:
    return NOTICES.find(text)
