"""The per-document build cache: a rebuild redoes only the documents whose inputs changed.

One file per document, ``<directory>/<doc_id>.pickle``: a line with the
document's key, a line naming the MT engine that translated some of it (empty
if none), then the processed document with its rendered export parts.  The
key hashes everything the result depends on: the seed's name and bytes, its
translation-memory entries, the engine asked for, the user's registry
additions, :func:`code_version` (the package's code and curated data, the
translation memories excepted, and the versions of the tools that shape the
output), and :func:`release_key` (what the rendered parts depend on besides
the document).  A document translated by an MT engine is reused only while
the same engine and model are installed, and one left untranslated because no
engine was available only while none is.
"""
from __future__ import annotations

import functools
import hashlib
import json
import pickle
import zlib
from pathlib import Path
from typing import Callable, Iterable, Optional

from corpus import atomic
from corpus.clean.passes import line_model_enabled
from corpus.errors import CorpusError
from corpus.export import provenance
from corpus.export.base import Release, Target

PACKAGE = Path(__file__).resolve().parent
CODE_SUFFIXES = (".py", ".json", ".txt", ".yaml", ".yml", ".rng", ".rnc")
# Build outputs, and the per-document inputs each key covers on its own.
NOT_CODE = ("data", "tei", "curated/tm")
SUFFIX = ".pickle"
PUBLISHED = "published.json"  # what the last build published from this cache: its fingerprint and files
NO_ENGINE = "-"  # the engine line of a document that needed MT when no engine was available


def code_version() -> str:
    """:func:`code_hash` and the cleaning switch (``CORPUS_LINE_MODEL=off`` cleans otherwise: a cached document of
    the other setting is stale)."""
    return hashlib.sha256(f"{code_hash()} line model {line_model_enabled()}".encode()).hexdigest()


@functools.cache
def code_hash() -> str:
    """A hash of the package's code and curated data (translation memories excepted) and the tool versions."""
    digest = hashlib.sha256(json.dumps(provenance.tool_versions(), sort_keys=True).encode())
    for path in sorted(PACKAGE.rglob("*")):
        relative = path.relative_to(PACKAGE).as_posix()
        if (path.is_file() and path.suffix in CODE_SUFFIXES and "__pycache__" not in relative
                and not any(relative.startswith(prefix + "/") for prefix in NOT_CODE)):
            digest.update(relative.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def document_key(name: str, data: bytes, memory: list[str], engine_name: str, registry: str, version: str,
                 release: str = "") -> str:
    """The cache key of one document: seed file ``name`` and its bytes ``data``, its memory (entries as JSON
    lines, then the provenance they carry), the engine asked for, the user's registry additions, the code,
    and what its rendered export parts depend on besides the document (:func:`release_key`)."""
    digest = hashlib.sha256()
    for part in (name, engine_name, registry, version, release, "\n".join(memory)):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(data)
    return digest.hexdigest()


def release_key(release: Optional[Release]) -> str:
    """A hash of ``release`` (the registry's entities, the headers' build information); empty for none."""
    if release is None:
        return ""
    record = json.dumps([release.registry_entities, release.build_info], sort_keys=True, default=str)
    return hashlib.sha256(record.encode("utf-8")).hexdigest()


def outputs_key(keys: list[str], *parts: str) -> str:
    """The fingerprint of a build's outputs: its documents' keys in corpus order and ``parts``
    (what else the published files depend on)."""
    return hashlib.sha256("\0".join([*keys, "", *parts]).encode("utf-8")).hexdigest()


def published_files(root: Path) -> dict[str, str]:
    """The SHA-256 of every file under the published directories of ``root``."""
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for target in Target for path in sorted((root / target.value).rglob("*"))
            if path.is_file() and "__pycache__" not in path.parts}


def encode(result: object) -> bytes:
    """A result as a cache entry holds it: pickled, compressed."""
    return zlib.compress(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL), 1)


def decode(payload: bytes, where: Path | str) -> object:
    """What :func:`encode` was given; ``where``: the entry, for the error."""
    try:
        return pickle.loads(zlib.decompress(payload))
    except (zlib.error, pickle.UnpicklingError, EOFError, AttributeError) as error:
        raise CorpusError(f"{where}: unreadable build cache entry ({error}); build with --force") from None


class EngineCheck:
    """Whether documents translated by an engine may be reused: the engine installed now must be the one
    that translated them (``current`` gives its provenance; it is asked at most once, and only if needed)."""

    def __init__(self, current: Callable[[], str]):
        self.current = current
        self.provenance: Optional[str] = None
        self.checked = False

    def still_current(self, used: str) -> bool:
        """``used``: an engine line (``""``: no MT needed; :data:`NO_ENGINE`; or the engine's provenance)."""
        if not used:
            return True
        if not self.checked:
            self.checked = True
            try:
                self.provenance = self.current()
            except CorpusError:
                self.provenance = None
        return used == (self.provenance or NO_ENGINE)


class DocumentCache:
    """The build's results by doc_id, under ``directory``; ``force``: trust none of them (and replace them)."""

    def __init__(self, directory: Path, force: bool = False):
        self.directory = Path(directory)
        self.force = force

    def _path(self, doc_id: str) -> Path:
        return self.directory / f"{doc_id}{SUFFIX}"

    def engine_of(self, doc_id: str, key: str) -> Optional[str]:
        """The engine line of the entry for ``doc_id`` if it was made under ``key``, else None."""
        path = self._path(doc_id)
        if self.force or not path.is_file():
            return None
        with open(path, "rb") as entry:
            if entry.readline().decode("ascii", "replace").strip() != key:
                return None
            return entry.readline().decode("utf-8").strip()

    def load(self, doc_id: str) -> object:
        path = self._path(doc_id)
        try:
            with open(path, "rb") as entry:
                entry.readline()
                entry.readline()
                return decode(entry.read(), path)
        except OSError as error:
            raise CorpusError(f"{path}: unreadable build cache entry ({error}); build with --force") from None

    def put(self, doc_id: str, key: str, engine: str, payload: bytes) -> None:
        """``payload``: the result, :func:`encode`d (where it was made: a worker, so the build process only
        writes it)."""
        atomic.write_bytes(self._path(doc_id), f"{key}\n{engine}\n".encode("utf-8") + payload)

    def holds_published(self, fingerprint: str, root: Path) -> bool:
        """Whether the files under ``root`` are those the last build published with ``fingerprint``,
        unchanged since: a build with the same fingerprint would write the same bytes."""
        path = self.directory / PUBLISHED
        if self.force or not path.is_file():
            return False
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return record.get("fingerprint") == fingerprint and record.get("files") == published_files(root)

    def record_published(self, fingerprint: str, root: Path) -> None:
        record = {"fingerprint": fingerprint, "files": published_files(root)}
        atomic.write_text(self.directory / PUBLISHED, json.dumps(record, indent=1) + "\n")

    def keep_only(self, doc_ids: Iterable[str]) -> None:
        """Remove the entries of documents no longer in the build."""
        keep = {f"{doc_id}{SUFFIX}" for doc_id in doc_ids}
        if self.directory.is_dir():
            for path in self.directory.glob(f"*{SUFFIX}"):
                if path.name not in keep:
                    path.unlink()
