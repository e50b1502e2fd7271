"""Notices, credits, disclaimers and promotions recognised by evidence, not by wording.

A line is scored by what notices are made of (``curated/cleaning/notices.yaml``):
words of rights, reprints, contacts, sources, responsibility, disclaimers, sponsors, offers,
readers' groups and promotion; e-mail addresses, URLs and phone numbers; a menu of platforms
(``收聽管道：Spotify｜Apple Podcasts``).  The decision is
separate (OpusFilter's ``score()`` / ``accept()``): a line is article text when its score
is below the threshold or it is longer than a notice can be.  A credit (``（责任编辑：…）``,
``图／…摄``, ``（本文经受访者审阅）``) is short and has a credit's shape: bracketed whole, led by a
credit role and a separator, or ended by a photographer's mark; the shape and its role words
are evidence of the same score.  A notice spliced in front of a paragraph
(``【版权声明】…联系方式:x@y.cn，电话 010-8888 6666理想汽车…``) is scored up to the last of its
consecutive contacts, and only that part is removed when article text follows it; one spliced at a
paragraph's end (``…如今只剩一半。本文由…原创,转载请联系授权,电话 0791-8623 5510。``) loses only its own
sentences, from the first that is as dense in evidence as a notice; a credit in
brackets at the end of a paragraph loses only the brackets.  Every removal is an edit whose
reason gives the score and the evidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus import lang
from corpus.clean.rules import lines_with_offsets, load_yaml, removal
from corpus.model import Edit

_DATA = load_yaml("notices.yaml")
CONTACT = re.compile(
    r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"  # e-mail (stops at a Han character)
    r"|(?:https?://|www\.)[A-Za-z0-9./_%?=&#-]+"  # URL
    # a domain and a path without http:// (t.me/nandaojingji), an account's handle (@harbourweekly.hk, 微博@粮安观察)
    r"|(?<![\w@./-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/[A-Za-z0-9._/%?=&#-]*[A-Za-z0-9_/]"
    r"|(?<![A-Za-z0-9._%+-])@\w(?:[\w.]*\w)?"
    # phone: an area code (010-8888 6666), a mobile (13912345678) or a 400 number; never a year range
    r"|(?<![\d.])(?:0\d{1,3}[ -]?\d{3,4}[ -]?\d{4}|1[3-9]\d{9}|400[ -]?\d{3}[ -]?\d{4})(?!\d)"
    r"|(?<![\w+])\+\d{1,3}[ -]?(?:\(\d{1,4}\)[ -]?)?\d{2,4}[ -]?\d{3,4}(?:[ -]?\d{3,4})?(?!\d)"  # +65 6123 4567
    # eight digits after a phone word: 或致電 2812 3456 (Hong Kong, Macau, Singapore)
    rf"|{lang.alternation(_DATA['phone_cues'])}[^\d\n]{{0,3}}(?<!\d)[2-9]\d{{3}}[ -]?\d{{4}}(?!\d)"
)
# A notice's own signs (the rights mark: © 2026) and prices (每月仅需15元, HK$48): see ``notices.yaml``.
RIGHTS_MARK = re.compile(lang.alternation(_DATA["rights_marks"]))
PRICE = re.compile(rf"(?:{lang.alternation(_DATA['currencies_before'])})[^\S\n]?\d[\d,.]*"
                   rf"|(?<![\d.])\d[\d,.]*[^\S\n]?(?:{lang.alternation(_DATA['currencies_after'])})")
_BRACKETS = lang.data("zh")["punctuation"]["brackets"]  # （ → ）, 【 → 】 …
CREDIT_BARS = "|｜丨/／"  # what may stand between credit units (编辑｜X　责编｜Y), and before units ending a line
CREDIT_SPACES = CREDIT_BARS + " \t\u3000"
# A picture's caption (图:罗文澜在论坛上发言) describes: led by a caption label and a colon, a line is a credit only as
# credit units (图：新华社).
CAPTION = re.compile(rf"{lang.alternation(lang.CAPTION_LABELS)}\s*[:：]")
# A credit names, it does not tell: no sentence ends inside one, and one not in brackets (题图：…) has no
# clause either (记者：你们的工厂怎么样，开工了吗？ is a turn).
SENTENCE_END = lang.SENTENCE_END
_CLAUSE_PUNCTUATION = SENTENCE_END + "，,、"


def _bracketed(pairs: dict[str, str]) -> str:
    """A group set off by one of the ``pairs`` of brackets (opening → closing), with no bracket of its pair inside."""
    return "(?:" + "|".join(f"{re.escape(o)}[^{re.escape(o + c)}]*{re.escape(c)}" for o, c in pairs.items()) + ")"


# A paragraph's last bracketed group: where a credit is appended to the text it credits.
TRAILING_BRACKETS = re.compile(_bracketed(_BRACKETS) + r"\s*$")
SENTENCE_END_IN = re.compile(f"[{re.escape(lang.SENTENCE_END)}]")
# Text after a notice with at least one evidence word per this many characters is still the notice.
EVIDENCE_SPAN = 10
NAME_LIST = re.compile(r"[^\S\n]*[、,，][^\S\n]*")
# A paragraph's sentences, each with its end marks (a notice spliced at a paragraph's end starts at one).
SENTENCE = re.compile(f"[^{re.escape(SENTENCE_END)}]+[{re.escape(SENTENCE_END)}]*|[{re.escape(SENTENCE_END)}]+")
# The end marks of the sentence a spliced notice's last contact closes (…请联系 x@y.cn 。): they go with the notice.
_CONTACT_END = re.compile(rf"[^\S\n]*[{re.escape(SENTENCE_END)}]+")


@dataclass(frozen=True)
class Evidence:
    score: int
    found: tuple[str, ...]


@dataclass(frozen=True)
class CreditShape:
    """What makes a short line a credit: bracketed whole, led by a role and a separator, or ended by a mark.

    ``roles`` (责任编辑, 受访者, 图／ …) and ``marks`` (摄, 供图) are evidence only inside this shape: an
    article sentence may well say 记者 or 拍摄.
    """

    weight: int
    max_chars: int
    roles: re.Pattern[str]
    led: re.Pattern[str]
    ended: re.Pattern[str]
    units: re.Pattern[str]  # a line of nothing but ``role + separator + names`` units, bracketed whole or not
    unit_tail: re.Pattern[str]  # a bar or a full-width space, then such units, at a line's end
    unit_role: re.Pattern[str]  # a unit's role, where a unit starts
    unit_names: re.Pattern[str]  # a unit: its role and its names
    paired: frozenset[str]  # roles that label turns too (记者): a unit only beside another role's
    joiners: str  # what joins two roles of one unit (采访、整理)

    def found(self, text: str) -> tuple[str, ...]:
        """The credit's role words, or nothing when ``text`` does not have a credit's shape."""
        line = text.strip()
        if len(line) <= self.max_chars and self.units.fullmatch(line):
            return self.unit_roles(line)
        roles = tuple(sorted({match.group() for match in self.roles.finditer(line)}))
        bracketed = line[:1] in _BRACKETS and line.endswith(_BRACKETS[line[:1]]) and line.count(line[:1]) == 1
        shaped = bracketed or (self.led.match(line) and not CAPTION.match(line)) or self.ended.search(line)
        sentence = any(char in (SENTENCE_END if bracketed else _CLAUSE_PUNCTUATION) for char in line)
        return roles if roles and shaped and not sentence and len(line) <= self.max_chars else ()

    def unit_roles(self, units: str) -> tuple[str, ...]:
        """The units' roles; none when every unit's role also labels turns (记者：谢谢 is a turn)."""
        roles = tuple(sorted({match.group("role") for match in self.unit_role.finditer(units)}))
        return roles if set(roles) - self.paired else ()

    def named(self, text: str) -> list[tuple[str, tuple[str, ...]]]:
        """(role, names) of every credit unit in the credit lines of ``text`` (removed end matter: 採訪／溫佩珊)."""
        found = []
        for line in text.split("\n"):
            if self.found(line) or self.tail(line) is not None:
                found += [(unit.group("role"), tuple(NAME_LIST.split(unit.group("names"))))
                          for unit in self.unit_names.finditer(line)]
        return found

    def tail(self, line: str) -> str | None:
        """The credit units after a bar or a full-width space at the end of a line that holds something else before
        them.  Credits are short: only the line's last ``2 * max_chars`` characters are read."""
        before = max(0, len(line) - 2 * self.max_chars)
        match = self.unit_tail.search(line, before)
        if match is None or not line[:match.start()].strip() or len(match.group("units")) > self.max_chars:
            return None
        return match.group()


@dataclass(frozen=True)
class NoticeRule:
    rule: str
    reason: str
    threshold: int
    contact_weight: int
    max_chars: int
    contact_gap: int
    dense_chars: int
    words: re.Pattern[str]
    weights: dict[str, int]  # an evidence word's weight when it is not 1 (calls to action: 点个在看)
    credit: CreditShape
    invitations: frozenset[str]  # words that address the reader (欢迎, 记得): they make platforms evidence
    platforms: re.Pattern[str]
    platform_lists: re.Pattern[str]  # a menu: platforms apart by bars, or a list ending a line after a colon
    platform_list_weight: int  # what such a menu weighs besides its platforms
    sign_weight: int  # what a rights mark weighs (© 2026)
    leading_bracket_weight: int  # what a bracketed group opening a paragraph weighs besides its words
    leading_brackets: re.Pattern[str]  # such a group (set off by 【】, 〔〕 …) and the spaces after it
    call: re.Pattern[str]  # a call to the reader opening the text (关注X，…, 长按识别…)
    call_weight: int

    def score(self, text: str, whole_line: bool = False) -> Evidence:
        """What ``text`` holds of a notice.  A ``whole_line`` that is nothing but contacts and evidence words (at
        most ``contact_gap`` other letters: 或拨打 +65 6123 4567) is a contact line: its contacts count once more.
        (Not so for a part of a line: 他说电话 010-8888 6666 may begin an article sentence.)"""
        words = sorted({match.group() for match in self.words.finditer(text)})
        menus = [match.group() for match in self.platform_lists.finditer(text)]
        where = [text] if self.invitations.intersection(words) else menus
        words = sorted(set(words) | {match.group() for part in where for match in self.platforms.finditer(part)})
        contacts = [match.group() for match in CONTACT.finditer(text)]
        signs = sorted({match.group() for match in RIGHTS_MARK.finditer(text)})
        prices = sorted({match.group() for match in PRICE.finditer(text)})
        roles = self.credit.found(text)
        credit = self.credit.weight + len(roles) if roles else 0
        call = self.call_weight if self.call.match(text.lstrip()) else 0
        shape = ((("credit shape",) if roles else ()) + (("platform list",) if menus else ())
                 + (("call to the reader",) if call else ()))
        bare = whole_line and bool(contacts) and self._joins(CONTACT.sub("", text))
        menu = self.platform_list_weight if menus else 0
        return Evidence(sum(self.weights.get(word, 1) for word in words)
                        + self.contact_weight * (len(contacts) + bare) + credit + menu
                        + self.sign_weight * len(signs) + len(prices) + call,
                        tuple(words + contacts + signs + prices) + roles + shape + (("contacts only",) if bare else ()))

    def accept(self, text: str, evidence: Evidence) -> bool:
        """True when ``text`` is article text, False when it is a notice to remove."""
        return evidence.score < self.threshold or len(text.strip()) > self.max_chars

    def find(self, text: str) -> list[Edit]:
        edits = []
        for offset, line in lines_with_offsets(text):
            head = self.spliced_head(line[:self.max_chars + 1])  # a notice is short: never read further
            if head is not None and not self.accept(head, evidence := self.score(head)):
                if self.is_article(line[len(head):]):
                    start = self.article_before(head) or 0
                    edits.append(self._edit(offset + start, head[start:], self.score(head[start:])))
                    continue
            leading = self.leading_notes(line)
            if leading is not None:
                end, evidence = leading
                edits.append(self._edit(offset, line[:end], evidence))
                continue
            tail = self.spliced_tail(line)
            if tail is not None:
                edits.append(self._edit(offset + len(line) - len(tail), tail, self.score(tail)))
                continue
            if len(line.strip()) <= self.max_chars and not self.accept(line, evidence := self.score(line, True)):
                article = self.article_after(line)
                start = (self.article_before(line) or 0) if article is None else 0
                notice = line[start:article]
                edits.append(self._edit(offset + start, notice, evidence if notice == line else self.score(notice)))
                continue
            credits = self.credit.tail(line)
            if credits is not None and not self.accept(credits, evidence := self.score(credits.lstrip(CREDIT_SPACES))):
                edits.append(self._edit(offset + len(line) - len(credits), credits, evidence))
                continue
            trailing = self.trailing_notes(line)
            if trailing is not None:
                start, evidence = trailing
                edits.append(self._edit(offset + start, line[start:], evidence))
        return edits

    def trailing_notes(self, line: str) -> tuple[int, Evidence] | None:
        """Where the run of bracketed notices that ends a line of text starts (…的未来。（责任编辑：X）（校对：Y）),
        with the evidence of the last one; None when the line does not end in one.  The whole run at once, so
        that cleaning again finds nothing."""
        start, last = len(line), None
        while (bracket := TRAILING_BRACKETS.search(line[:start])) and bracket.start() > 0:
            if self.accept(bracket.group(), evidence := self.score(bracket.group())):
                break
            start, last = bracket.start(), last or evidence
        return None if last is None else (start, last)

    def leading_notes(self, line: str) -> tuple[int, Evidence] | None:
        """Where the article text starts after the run of bracketed notices that opens a line
        (【X原创稿件，转载请注明来源】沈家门渔港的…), with the evidence of the first; None when the line does not open
        with one or nothing but notices is on it (the whole-line rule reads that).  A group bracketed whole, with no
        sentence end inside and no rights mark (``（c）``), is a notice when its words and its shape
        (``leading_bracket_weight``) reach the threshold; the text after the run must be article text
        (:meth:`is_article`)."""
        end, first = 0, None
        while ((bracket := self.leading_brackets.match(line, end)) and not SENTENCE_END_IN.search(bracket.group())
               and not RIGHTS_MARK.fullmatch(bracket.group().strip())):  # （c）2027 opens a rights line, no note
            evidence = self.score(bracket.group())
            evidence = Evidence(evidence.score + self.leading_bracket_weight, evidence.found + ("bracketed head",))
            if self.accept(bracket.group(), evidence):
                break
            end, first = bracket.end(), first or evidence
        if first is None or not self.is_article(line[end:]):
            return None
        return end, first

    def spliced_head(self, line: str) -> str | None:
        """The part of a line up to the last of its first consecutive contacts (e-mail, URL, phone), when text
        follows it.

        Only a contact ends a spliced notice: a first sentence that merely talks about rights
        (本文作者认为,版权与转载的问题…) may be the article's, and article text is never removed.
        Contacts are consecutive when what lies between them is evidence words, punctuation and
        spaces, and at most ``contact_gap`` other characters (``x@y.cn 或致电 02-2771-5566``); a sentence that
        goes on after the last with evidence is the notice's to its end (:meth:`_clause_after`).
        """
        contact = CONTACT.search(line)
        if contact is None:
            return None
        end = contact.end()
        while (following := CONTACT.search(line, end)) and self._joins(line[end:following.start()]):
            end = following.end()
        closed = _CONTACT_END.match(line, end)
        end = closed.end() if closed else self._clause_after(line, end)
        return line[:end] if line[end:].strip() else None

    def _clause_after(self, line: str, end: int) -> int:
        """Where the notice's sentence ends when it goes on after its contact (…请来信 x@y.tw 洽詢，未經同意不得
        重製，違者依法追究。): the rest of the sentence holds evidence and no contact, and an article glued to a
        contact (…x@y.cn 今年的展会…。) holds none (or a contact of its own: …客服电话 010-8888 6666很快会开通。);
        ``end`` when it does not go on."""
        rest = SENTENCE.match(line, end)
        if rest is None or self.score(rest.group()).score == 0 or CONTACT.search(rest.group()) is not None:
            return end
        return rest.end()

    def spliced_tail(self, line: str) -> str | None:
        """The notice spliced at the end of a paragraph (``…如今只剩一半。本文由绿链观察原创,转载请联系授权,
        电话 0791-8623 5510。``), when article sentences stand before it on the line.

        The notice is the shortest run of last sentences that is a notice on its own and holds a contact or an
        evidence word per ``dense_chars`` characters (本文观点仅代表作者,不代表本站立场。; an article's last
        sentences that mention rights and partners are sparser), extended back over the sentences before it that
        are as dense in evidence as a notice (:meth:`is_article`); every article sentence before it stays.
        A notice is short, so only the line's last ``max_chars`` characters are read (the first sentence of a
        cut window is never the notice's start).
        """
        window = line[-self.max_chars:]
        sentences = SENTENCE.findall(window)
        start = next((index for index in range(len(sentences) - 1, 0, -1)
                      if self._spliced_notice("".join(sentences[index:]))), None)
        if start is None:
            return None
        while start > 1 and not self.is_article(sentences[start - 1]):
            start -= 1
        if start == 1 and len(window) == len(line) and not (self.is_article(sentences[0])
                                                            and not self._asks_reader(sentences[0])):
            return None  # the whole line is the notice
        return "".join(sentences[start:])

    def article_after(self, line: str) -> int | None:
        """Where the article sentences start that follow a notice opening a line with no contact to end it
        (【本网声明】凡注明…转载须经书面授权。X认为,…。他透露,…。): after the shortest run of first sentences that is a
        notice on its own (:meth:`_spliced_notice`), when each sentence after it is article text and all of them
        together are no notice and hold no contact (廣告查詢：… ads@x.mo goes with the notice); None when the whole
        line is the notice."""
        sentences = SENTENCE.findall(line)
        head = ""
        for index, sentence in enumerate(sentences[:-1]):
            head += sentence
            rest = sentences[index + 1:]
            if self._spliced_notice(head) and all(self.is_article(part) for part in rest):
                tail = line[len(head):]
                article = CONTACT.search(tail) is None and self.accept(tail, self.score(tail, True))
                return len(head) if article else None
        return None

    def article_before(self, text: str) -> int | None:
        """Where the notice starts that closes ``text`` after article sentences (…改走铁路。本文为X原创，转载请后台
        留言，商务合作请加微信 X。, or a head that runs to its contact: …增长了百分之六。本文系X独家稿件，转载请联系
        x@y.ca): after the longest run of first sentences that are each plainly article text (less than half a
        notice's evidence, no question to the reader: 【转载须知】…不得转载，违者追究法律责任。 and 想第一時間收到X
        的報道？ are the notice's own), together holding no contact, when what follows is a notice on its own; None
        when no article sentence stands before it.  Only ever keeps text that the notice rules would otherwise
        remove with the notice."""
        sentences = SENTENCE.findall(text)
        plain = next((index for index, part in enumerate(sentences) if not self._plainly_article(part)),
                     len(sentences))
        for index in range(min(plain, len(sentences) - 1), 0, -1):
            article = "".join(sentences[:index])
            notice = text[len(article):]
            if CONTACT.search(article) is None and not self.accept(notice, self.score(notice)):
                return len(article)
        return None

    def _plainly_article(self, sentence: str) -> bool:
        return (self.is_article(sentence) and self.score(sentence).score * 2 < self.threshold
                and not self._asks_reader(sentence))

    def _asks_reader(self, sentence: str) -> bool:
        """A question with evidence in it that leads a line's notice (想第一時間收到X的報道？立即追蹤…): the
        notice's own opening, not an article sentence."""
        return lang.QUESTION_END.search(sentence) is not None and self.score(sentence).score > 0

    def _spliced_notice(self, tail: str) -> bool:
        evidence = self.score(tail)
        dense = evidence.score * self.dense_chars >= len(tail.strip())
        return (dense or CONTACT.search(tail) is not None) and not self.accept(tail, evidence)

    def _joins(self, gap: str) -> bool:
        other = [char for char in self.words.sub("", gap) if char.isalnum()]
        return len(other) <= self.contact_gap

    def is_article(self, tail: str) -> bool:
        """Whether what follows a notice on its line is article text: letters, and evidence
        sparser than one word in :data:`EVIDENCE_SPAN` characters (``,違者必究。`` belongs to the notice)."""
        if len(tail) > self.max_chars:
            return True
        letters = sum(char.isalnum() for char in tail)
        return letters > 0 and self.score(tail).score * EVIDENCE_SPAN < len(tail.strip())

    def _edit(self, offset: int, notice: str, evidence: Evidence) -> Edit:
        return removal(offset, notice, self.rule, self.reason, evidence.score, self.threshold, evidence.found)


def _credit_shape(data: dict) -> CreditShape:
    roles, marks = lang.alternation(data["roles"]), lang.alternation(data["marks"])
    separators = re.escape(data["separators"])
    space, bar = "[ \\t\u3000]", f"[{re.escape(CREDIT_BARS)}]"
    name = f"(?:[{lang.HAN_CLASS}]{{2,{data['unit_name_chars']}}}|[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){{0,3}})"
    unit_head = f"{space}*[{separators}]{space}*(?={name})"
    compound = lang.alternation(role for role in data["unit_roles"] if len(role) > 1)
    role = f"(?:[{lang.HAN_CLASS}]{{1,{data['role_prefix_chars']}}}{compound}|" \
           f"{lang.alternation([*data['unit_roles'], *data['paired_roles']])})"
    unit_roles = f"{role}(?:[{re.escape(data['role_joiners'])}]{role})*"  # 采访、整理
    unit = f"{unit_roles}{unit_head}{name}(?:{space}*[、,，]{space}*{name})*"
    units = f"{unit}(?:(?:{space}*{bar}{space}*|{space}+){unit})*"
    brackets = "|".join(f"{re.escape(o)}{space}*{units}{space}*{re.escape(c)}" for o, c in _BRACKETS.items())
    named_unit = f"(?P<role>{unit_roles}){unit_head}(?P<names>{name}(?:{space}*[、,，]{space}*{name})*)"
    return CreditShape(data["weight"], data["max_chars"], re.compile(f"{roles}|{marks}"),
                       re.compile(f"{roles}(?:\\s*[{separators}]|(?<=[{separators}]))"), re.compile(f"{marks}$"),
                       re.compile(f"{units}|{brackets}"),
                       re.compile(f"(?:{space}*{bar}{space}*|\u3000+)(?P<units>{units}){space}*$"),
                       re.compile(f"(?P<role>{unit_roles}){unit_head}"), re.compile(named_unit),
                       frozenset(data["paired_roles"]), data["role_joiners"])


def _notice_rule() -> NoticeRule:
    data = _DATA
    words = sorted({word for group in data["evidence"].values() for word in group}, key=len, reverse=True)
    platforms = lang.alternation(data["platforms"])
    weights = {word: data["weights"][group] for group, listed in data["evidence"].items()
               if group in data["weights"] for word in listed}
    return NoticeRule(data["rule"], data["reason"].strip(), data["threshold"], data["contact_weight"],
                      data["max_chars"], data["contact_gap"], data["dense_chars"],
                      re.compile("|".join(re.escape(w) for w in words)), weights, _credit_shape(data["credit"]),
                      frozenset(data["evidence"]["invitation"]), re.compile(platforms),
                      re.compile(f"{platforms}(?:\\s*[{re.escape(data['platform_bars'])}]\\s*{platforms})+"
                                 f"|[:：]\\s*{platforms}(?:\\s*[、,，]\\s*{platforms}|[ \u3000]+{platforms})+\\s*$"
                                 f"|(?m:^[^\\s\\d]{{1,4}}[ \u3000]+{platforms}(?:[ \u3000]+{platforms})+[ \u3000]*$)"),
                      data["platform_list_weight"], data["sign_weight"], data["leading_bracket_weight"],
                      re.compile(f"[^\\S\\n]*{_bracketed(data['leading_brackets'])}[^\\S\\n]*"),
                      re.compile(lang.alternation(data["call"]["verbs"])), data["call"]["weight"])


NOTICES = _notice_rule()
_HOLDER_CHARS = r"[^\s\d,，。、；;：:©()（）「」《》@]{2,20}"
# the outlet a rights line or a follow-us line names (account_words, rights_holder_words in notices.yaml)
OUTLET_NAMED = re.compile(
    rf"(?:{RIGHTS_MARK.pattern}|{lang.alternation(_DATA['rights_holder_words'])})[^\S\n]*(?:\d{{4}}[^\S\n]*)?"
    rf"(?P<holder>{_HOLDER_CHARS})"
    # (the mark after a holder is looked at, not taken: Copyright © X holds no holder before ©, and X after it)
    rf"|(?P<before>{_HOLDER_CHARS})(?=[^\S\n]*(?:{RIGHTS_MARK.pattern}|{lang.alternation(_DATA['rights_holder_words'])}))"
    rf"|(?:{lang.alternation(_DATA['account_words'])})[^\S\n]*(?:[「《『“](?P<account>[^」》』”\n]{{2,20}})[」》』”]|@(?P<handle>\w{{2,20}}))")


def find_notices(text: str) -> list[Edit]:
    return NOTICES.find(text)


def outlets_named(text: str) -> list[str]:
    """The outlets that notices in ``text`` name as rights holder or account (© 2026 港灣週報, 公众号「县域观察」), in
    order; a holder that is itself evidence (© 2026 保留所有权利) names none."""
    found = []
    for match in OUTLET_NAMED.finditer(text):
        name = next(group for group in match.groups() if group)
        if NOTICES.words.search(name) is None and not name.isdigit():
            found.append(name)
    return found
