"""Reading seed documents: encoding detection, refusal of binary input, metadata.

Accepted encodings: UTF-8 (with or without BOM), GB18030 (a superset of GBK
and GB2312) and Big5.  Anything else is refused with the file and the byte
offset of the first problem, before anything is written.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from corpus.errors import InputError
from corpus.ingest.metadata import extract_metadata, load_curated_metadata
from corpus.lang import COMMON_HAN_CLASS
from corpus.lang.pinyin import without_annotations
from corpus.model import Document

LEGACY_ENCODINGS = ("gb18030", "big5")
# Text decoded from a legacy encoding with more Private Use Area characters than this share is
# random bytes, not Chinese: GB18030 maps almost any byte pair to some character, many of them PUA.
MAX_PRIVATE_USE_SHARE = 0.01
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
_PLAUSIBLE = re.compile(f"[{COMMON_HAN_CLASS}\x00-\x7f\u3000-\u303f\uff00-\uffef]")
# A document id must be an XML name (it becomes xml:id prefixes and file names): ASCII letters,
# digits, '_', '.', '-', not starting with a digit, '.' or '-'.
_NOT_ID_CHARACTER = re.compile(r"[^A-Za-z0-9_.-]+")
DOC_ID_PREFIX = "doc-"
# C0 controls other than tab, LF, CR, and DEL: text never needs them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SEED_SUFFIXES = (".txt",)

__all__ = ["decode", "read_document", "read_directory", "extract_metadata"]


def decode(data: bytes, path: str, *, legacy: bool = True) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`InputError` for binary or undecodable bytes.

    ``legacy=False`` accepts UTF-8 only: English text in GB18030 or Big5 is
    not to be expected, and most bytes decode as GB18030 into nonsense.
    """
    if not data.strip():
        raise InputError(path, 0, "empty file: no text to read")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(path, nul, "binary data (NUL byte); expected a text file")
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = _strict(data[3:], "utf-8", path, base=3), "utf-8-sig"
    else:
        text, encoding = _decode_without_bom(data, path, legacy)
    if not text.strip():
        raise InputError(path, 0, "no text to read (only a byte-order mark or whitespace)")
    _refuse_controls(text, encoding, path)
    return text, encoding


def _decode_without_bom(data: bytes, path: str, legacy: bool) -> tuple[str, str]:
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as utf8_error:
        if not legacy:
            raise InputError(path, utf8_error.start, f"not valid UTF-8: {utf8_error.reason}") from None
        text, encoding = _decode_legacy(data, path, utf8_error)
    return text, encoding


def _strict(data: bytes, encoding: str, path: str, base: int = 0) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(path, base + error.start, f"not valid {encoding}: {error.reason}") from None


def _decode_legacy(data: bytes, path: str, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    """Pick the legacy Chinese encoding that decodes the bytes into the most common Han text."""
    candidates: list[tuple[float, str, str]] = []
    for encoding in LEGACY_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausibility(text), encoding, text))
    if not candidates:
        raise InputError(
            path,
            utf8_error.start,
            "not decodable as UTF-8, GB18030/GBK or Big5 (first invalid UTF-8 byte here)",
        )
    _, encoding, text = max(candidates)
    private = _PRIVATE_USE.findall(text)
    if len(private) > MAX_PRIVATE_USE_SHARE * len(text):
        raise InputError(path, len(text[:text.index(private[0])].encode(encoding)),
                         f"decodes as {encoding} only into nonsense ({len(private)} of {len(text)} characters "
                         "are private-use): not Chinese text in UTF-8, GB18030/GBK or Big5")
    return text, encoding


def _plausibility(text: str) -> float:
    """Share of characters in the common CJK block plus CJK punctuation and ASCII."""
    return len(_PLAUSIBLE.findall(text)) / max(len(text), 1)


def _refuse_controls(text: str, encoding: str, path: str) -> None:
    match = _CONTROL.search(text)
    if match:
        index = match.start()
        offset = len(text[:index].encode(encoding.replace("-sig", ""))) + (3 if encoding == "utf-8-sig" else 0)
        raise InputError(path, offset, f"control character U+{ord(text[index]):04X} in text")


def read_document(path: Path, curated: dict | None = None) -> Document:
    data = path.read_bytes()
    text, encoding = decode(data, str(path))
    curated = load_curated_metadata() if curated is None else curated
    overrides = curated.get(path.name, {})
    doc_id = overrides.get("doc_id") or doc_id_for(path)
    # metadata lines of the traditional seeds carry inline pinyin (來(lái)源) too
    metadata = {**extract_metadata(text, without_annotations), **{k: v for k, v in overrides.items() if k != "doc_id"}}
    return Document(doc_id=doc_id, source_file=path.name, raw=text, encoding=encoding, metadata=metadata)


def doc_id_for(path: Path) -> str:
    """The file name without extension, made an XML name: other characters become ``-``, and a name
    that does not start with a letter or ``_`` (seed files are named ``005_<hash>.txt``) gets ``doc-``."""
    name = _NOT_ID_CHARACTER.sub("-", path.stem).strip("-")
    return name if re.match(r"[A-Za-z_]", name) else DOC_ID_PREFIX + name


def read_directory(directory: Path) -> list[Document]:
    paths = sorted(p for p in Path(directory).iterdir() if p.is_file() and p.suffix in SEED_SUFFIXES)
    if not paths:
        raise InputError(str(directory), 0, "no seed files (*.txt) in this directory")
    curated = load_curated_metadata()
    documents = [read_document(path, curated) for path in paths]
    first_file: dict[str, str] = {}
    for document in documents:
        other = first_file.setdefault(document.doc_id, document.source_file)
        if other != document.source_file:
            raise InputError(str(Path(directory) / document.source_file), 0,
                             f"document id {document.doc_id!r} is already taken by {other}; rename one file "
                             "or give one a doc_id in corpus/curated/metadata.yaml")
    return documents
