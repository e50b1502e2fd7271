"""The client-side data: every sentence for the search box, and the registry for the entity cards.

Both are written as JavaScript assignments (``window.ZHEN_... = {...}``), not as
JSON files, because a page opened from disk (``file://``) may not ``fetch``
a file beside it but may load a script.  The search matches a query as
:meth:`corpus.api.Corpus.search` does; the one thing the browser cannot do
is OpenCC's conversion, so the index carries, for every traditional character
the corpus and the registry use, its simplified form.
"""
from __future__ import annotations

import json

from corpus.api import Corpus
from corpus.script import to_hans
from corpus.site.pages import title


def search_data(corpus: Corpus) -> dict:
    """Sentences as ``[id, doc, zh, zh_hans, zh_hant, en, speaker, zh mentions, en mentions]`` rows.

    A mention is ``[start, end, ref]`` (offsets into ``zh`` or ``en``); only
    mentions with a registry id are kept, as only they answer a name query.
    """
    doc_index = {doc.doc_id: i for i, doc in enumerate(corpus.documents)}
    return {
        "sentences": [
            [s.id, doc_index[s.doc_id], s.zh, s.zh_hans, s.zh_hant, s.en, s.speaker,
             [[m.start, m.end, m.ref] for m in s.entities if m.ref],
             [[m.start, m.end, m.ref] for m in s.en_entities if m.ref]]
            for s in corpus.sentences
        ],
        "hans": hans_map(corpus),
    }


def registry_data(corpus: Corpus) -> dict:
    """The documents (id, titles) and the registry entities, for the cards and the search filters."""
    return {
        "documents": [{"id": doc.doc_id, "zh": title(doc)[0], "en": title(doc)[1], "script": doc.script}
                      for doc in corpus.documents],
        "entities": {
            e["id"]: {key: e.get(key) for key in
                      ("type", "zh_hans", "zh_hant", "en", "pinyin", "aliases", "description", "mentions", "documents")}
            for e in corpus.entities
        },
    }


def hans_map(corpus: Corpus) -> dict[str, str]:
    """Each character of the corpus's Chinese (every script) and of the registry's names that OpenCC
    simplifies to one other character, mapped to it: enough to simplify any query that can match."""
    texts = [text for s in corpus.sentences for text in (s.zh, s.zh_hant)]
    texts += [name for e in corpus.entities for name in (e.get("zh_hant"), *(e.get("aliases") or [])) if name]
    characters = sorted({char for text in texts for char in text if ord(char) > 0x2e7f})
    simplified = to_hans("\n".join(characters)).split("\n")
    return {t: s for t, s in zip(characters, simplified) if t != s and len(s) == 1}


def script_assignment(name: str, data: dict) -> str:
    """``window.NAME = data;`` with the JSON made safe inside a ``<script>`` file (no ``</`` sequence)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")
    return f"window.{name} = {text};\n"
