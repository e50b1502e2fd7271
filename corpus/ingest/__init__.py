"""Reading seed documents: encoding detection, refusal of binary input, metadata.

Accepted encodings: UTF-8 (with or without BOM), UTF-16 (with a BOM, or
recognised by its NUL bytes all falling on one side of each code unit),
GB18030 (a superset of GBK and GB2312) and Big5.  Anything else, and control
characters (C0 other than tab and line breaks, DEL, C1), are refused with the
file and the byte offset of the first problem, before anything is written.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Callable, Iterable

from corpus.errors import InputError
from corpus.ingest import names
from corpus.ingest.metadata import extract_metadata, load_curated_metadata
from corpus.lang import COMMON_HAN_CLASS
from corpus.lang.pinyin import without_annotations
from corpus.ingest.names import doc_id_for, seed_files, unique_ids
from corpus.model import Document

LEGACY_ENCODINGS = ("gb18030", "big5")
# Text decoded from a legacy encoding with more Private Use Area characters than this share is
# random bytes, not Chinese: GB18030 maps almost any byte pair to some character, many of them PUA.
MAX_PRIVATE_USE_SHARE = 0.01
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
_PLAUSIBLE = re.compile(f"[{COMMON_HAN_CLASS}\x00-\x7f\u3000-\u303f\uff00-\uffef]")
# C0 controls other than tab, LF, CR; DEL; C1 (U+0085 would even break a line): text never needs them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
BYTE_ORDER_MARKS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))

__all__ = ["decode", "doc_id_for", "read_document", "read_directory", "read_seed", "seed_ids", "extract_metadata"]


def decode(data: bytes, path: str, *, legacy: bool = True) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`InputError` for binary or undecodable bytes.

    ``legacy=False`` accepts UTF-8 only: English text in GB18030 or Big5 is
    not to be expected, and most bytes decode as GB18030 into nonsense.
    """
    if not data.strip():
        raise InputError(path, 0, "empty file: no text to read")
    bom, encoding = next(((bom, name) for bom, name in BYTE_ORDER_MARKS if data.startswith(bom)), (b"", ""))
    if encoding:
        text = _strict(data[len(bom):], encoding, path, base=len(bom))
        encoding += "-sig" if encoding == "utf-8" else ""
    elif b"\x00" in data:
        text, encoding = _decode_utf16(data, path)
    else:
        text, encoding = _decode_without_bom(data, path, legacy)
    if not text.strip():
        raise InputError(path, 0, "no text to read (only a byte-order mark or whitespace)")
    _refuse_controls(text, encoding, path, base=len(bom))
    return text, encoding


def _decode_utf16(data: bytes, path: str) -> tuple[str, str]:
    """UTF-16 without a byte-order mark: its ASCII characters put NUL bytes all on one side of
    each code unit (the high byte: odd offsets little-endian, even ones big-endian); binary data does not."""
    nuls = [offset for offset, byte in enumerate(data) if byte == 0]
    sides = {offset % 2 for offset in nuls}
    if len(data) % 2 == 0 and len(sides) == 1:
        encoding = "utf-16-le" if sides == {1} else "utf-16-be"
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            text = "\x00"
        if not _CONTROL.search(text):
            return text, encoding
    raise InputError(path, nuls[0], "binary data (NUL byte); expected a text file "
                     "(UTF-8, UTF-16, GB18030/GBK or Big5)")


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
            "not decodable as UTF-8, GB18030/GBK or Big5 (first invalid UTF-8 byte here); "
            "UTF-16 is recognised by a byte-order mark or the NUL bytes of ASCII characters: save it with a BOM",
        )
    _, encoding, text = max(candidates)
    private = _PRIVATE_USE.findall(text)
    if len(private) > MAX_PRIVATE_USE_SHARE * len(text):
        first = _PRIVATE_USE.search(text)
        assert first is not None  # private-use characters were found just above
        raise InputError(path, len(text[:first.start()].encode(encoding)),
                         f"decodes as {encoding} only into nonsense ({len(private)} of {len(text)} characters "
                         "are private-use): not Chinese text in UTF-8, GB18030/GBK or Big5")
    return text, encoding


def _plausibility(text: str) -> float:
    """Share of characters in the common CJK block plus CJK punctuation and ASCII."""
    return len(_PLAUSIBLE.findall(text)) / max(len(text), 1)


def _refuse_controls(text: str, encoding: str, path: str, base: int = 0) -> None:
    match = _CONTROL.search(text)
    if match:
        index = match.start()
        offset = base + len(text[:index].encode(encoding.replace("-sig", "")))
        raise InputError(path, offset, f"control character U+{ord(text[index]):04X} in text; text never needs "
                         "one (remove it, or re-save the file as UTF-8 if it shows where a character was garbled)")


def read_document(path: Path, curated: dict | None = None, doc_id: str | None = None) -> Document:
    """One seed file; its id is ``doc_id``, else the curated one, else one made from the file name."""
    return read_seed(path.name, path.read_bytes(), str(path), curated, doc_id)


def read_seed(name: str, data: bytes, where: str, curated: dict | None = None, doc_id: str | None = None) -> Document:
    """The document of seed file ``name`` whose bytes are ``data`` (a worker gets the bytes, not the file);
    errors name ``where``, the seed's path.  ``doc_id``: as for :func:`read_document`."""
    text, encoding = decode(data, where)
    curated = load_curated_metadata() if curated is None else curated
    overrides = curated.get(name, {})
    doc_id = doc_id or overrides.get("doc_id") or doc_id_for(Path(name))
    # metadata lines of the traditional seeds carry inline pinyin (來(lái)源) too
    metadata = {**extract_metadata(text, without_annotations), **{k: v for k, v in overrides.items() if k != "doc_id"}}
    return Document(doc_id=doc_id, source_file=name, raw=text, encoding=encoding, metadata=metadata)


def seed_ids(directory: Path, notice: Callable[[str], None] = lambda message: None,
             entity_ids: Iterable[str] = ()) -> list[tuple[Path, str]]:
    """Every seed file of ``directory`` and its document id, in corpus order; ``notice`` is told which
    files were skipped and why, and which ids were made unique.  A derived id never equals one of
    ``entity_ids`` (the registry's): both become xml:ids of one TEI corpus (``jd.txt`` → ``jd-2``)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise InputError(str(directory), 0, "no such folder of seed documents" if not directory.exists()
                         else "not a folder; give the folder that holds the seed documents")
    paths, skipped = seed_files(directory)
    for line in skipped:
        notice(f"skip  {line}")
    if not paths:
        raise InputError(str(directory), 0, "no seed files in this folder (text files named *"
                         + ", *".join(names.seed_extensions()) + ")")
    curated = load_curated_metadata()
    curated_ids = [curated.get(path.name, {}).get("doc_id") for path in paths]
    first_file: dict[str, str] = {}
    for path, curated_id in zip(paths, curated_ids):
        if curated_id and first_file.setdefault(curated_id, path.name) != path.name:
            raise InputError(str(path), 0, f"curated document id {curated_id!r} is already taken by "
                             f"{first_file[curated_id]}; correct corpus/curated/metadata.yaml")
    derived = [path for path, curated_id in zip(paths, curated_ids) if not curated_id]
    wanted = [doc_id_for(path) for path in derived]
    ids = dict(zip(derived, unique_ids(wanted, set(first_file) | set(entity_ids))))
    for path, want in zip(derived, wanted):
        if ids[path] != want:
            notice(f"id    {path.name} → {ids[path]} ({want!r} is taken or reserved)")
    return [(path, curated_id or ids[path]) for path, curated_id in zip(paths, curated_ids)]


def read_directory(directory: Path, notice: Callable[[str], None] = lambda message: None) -> list[Document]:
    """Every seed document of ``directory`` (see :func:`seed_ids`)."""
    curated = load_curated_metadata()
    return [read_document(path, curated, doc_id) for path, doc_id in seed_ids(directory, notice)]
