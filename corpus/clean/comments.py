"""A page's comment section under the article, by its shape (data and the score in ``curated/cleaning/comments.yaml``).

Readers' comments close many news pages: a heading with a count of comments, sort tabs, then user handles and short
replies one a line, and a link to load more.  None of that is the article's, and its words change from site to site
(回應, 留言, 网友评论, 讨论区 …), so the section is read by its place (it ends the document), its heading (short, with a
count) and its lines (short, some without a Han character).  Removed whole, heading to the end, in one logged edit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus import lang
from corpus.clean.notices import PRICE
from corpus.clean.rules import lines_with_offsets, load_yaml, removal
from corpus.model import Edit

_DATA = load_yaml("comments.yaml")


@dataclass(frozen=True)
class CommentSections:
    rule: str
    reason: str
    heading_chars: int
    count: re.Pattern[str]
    max_line_chars: int
    min_lines: int
    short_chars: int
    threshold: int

    def candidate(self, text: str) -> tuple[int, list[str]] | None:
        """The offset of the counted heading (no sentence, no price: ``…保留所有权利。`` and ``HK$48`` are none) of the
        run of short lines that ends ``text``, and the lines after it.  The heading follows an article: a sentence
        ends above it (a podcast hard-wrapped at 20 characters is short lines throughout, and its episode title with
        its number, under a header line, read as a counted heading: dv226 lost every line, round 12)."""
        lines = [(offset, line.strip()) for offset, line in lines_with_offsets(text) if line.strip()]
        start = len(lines)
        while start > 1 and len(lines[start - 1][1]) <= self.max_line_chars:  # the title is never a comment
            start -= 1
        ended = [index for index, (_, line) in enumerate(lines) if line[-1] in lang.SENTENCE_END]
        for index in range(max(start, ended[0] + 1 if ended else len(lines)), len(lines)):
            offset, line = lines[index]
            if (len(line) <= self.heading_chars and self.count.search(line) and line[-1] not in lang.SENTENCE_END
                    and not PRICE.search(line)):
                return offset, [rest for _, rest in lines[index + 1:]]
        return None

    def short(self, replies: list[str]) -> bool:
        """Whether the lines average at most ``short_chars`` characters (replies and handles, not sentences)."""
        return bool(replies) and sum(map(len, replies)) <= self.short_chars * len(replies)

    def score(self, replies: list[str]) -> int:
        """The counted heading, enough lines, short lines, a handle (a line without Han)."""
        handle = any(not any(map(lang.is_han, reply)) for reply in replies)
        return 1 + (len(replies) >= self.min_lines) + self.short(replies) + handle

    def accept(self, replies: list[str], score: int) -> bool:
        """True when the lines are article text: a low score, or lines as long as an article's sentences (a
        rights line and a price may look like a counted heading and a handle around them)."""
        return score < self.threshold or not self.short(replies)

    def find(self, text: str) -> list[Edit]:
        found = self.candidate(text)
        if found is None:
            return []
        offset, replies = found
        score = self.score(replies)
        if self.accept(replies, score):
            return []
        section = text[offset:].rstrip()
        return [removal(offset, section, self.rule, self.reason, score, self.threshold)]


COMMENT_SECTIONS = CommentSections(_DATA["rule"], _DATA["reason"].strip(), _DATA["heading_chars"],
                                   re.compile(_DATA["count"]), _DATA["max_line_chars"], _DATA["min_lines"],
                                   _DATA["short_chars"], _DATA["threshold"])
