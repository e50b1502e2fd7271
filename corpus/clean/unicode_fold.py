"""Kangxi radicals and CJK compatibility ideographs folded to the unified ideographs.

PDF and OCR pipelines often emit ``⽴`` (KANGXI RADICAL STAND, U+2F74) where the
text means ``立``; the two look identical but never match in search, dictionaries
or pinyin lookup.  We take the mapping from Unicode's own NFKC data
(``unicodedata``) but apply it only to the blocks listed in
``curated/cleaning/unicode_fold.yaml``, because NFKC on the whole text would also
turn full-width punctuation (``，：？（）``) into ASCII, which we keep as written.
"""
from __future__ import annotations

import re
import unicodedata

from corpus.clean.rules import load_yaml
from corpus.model import Edit

_DATA = load_yaml("unicode_fold.yaml")
RULE = _DATA["rule"]
REASON = _DATA["reason"].strip()


def _fold_table() -> dict[int, str]:
    table = {}
    for first, last in _DATA["blocks"].values():
        for code in range(first, last + 1):
            folded = unicodedata.normalize("NFKC", chr(code))
            if folded != chr(code):
                table[code] = folded
    return table


FOLD = _fold_table()
# Runs of characters from the listed blocks (a range class is far faster than
# a class listing the 1,218 foldable characters); runs that hold only
# characters NFKC leaves alone produce no edit.
_IN_BLOCKS = re.compile(
    "[" + "".join(f"{re.escape(chr(first))}-{re.escape(chr(last))}" for first, last in _DATA["blocks"].values()) + "]+"
)


def find_folds(text: str) -> list[Edit]:
    """One edit per run of characters from the folded blocks that NFKC changes."""
    edits = []
    for match in _IN_BLOCKS.finditer(text):
        folded = match.group(0).translate(FOLD)
        if folded != match.group(0):
            edits.append(Edit(match.start(), match.end(), match.group(0), folded, RULE, REASON))
    return edits
