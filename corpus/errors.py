"""Errors the corpus reports to its users: each says what, where and what to do."""
from __future__ import annotations


class CorpusError(Exception):
    """Base class: the CLI prints these without a traceback and exits non-zero."""


class InputError(CorpusError):
    """A seed file that cannot be read as text; names the file and the byte offset."""

    def __init__(self, path: str, offset: int, problem: str):
        self.path = path
        self.offset = offset
        self.problem = problem
        super().__init__(f"{path}: byte {offset}: {problem}")

    def __reduce__(self) -> tuple[type[InputError], tuple[str, int, str]]:
        # a worker process raises it; the build reports it with the file and offset intact
        return type(self), (self.path, self.offset, self.problem)


# Machine translation models (corpus/translate/models.py, corpus/translate/engines/).

INSTALL_HINT = (
    "install one with\n"
    "    corpus models install PATH/TO/translate-zh_en-*.argosmodel\n"
    "or, on a machine with internet access,\n"
    "    corpus models install --from-index"
)


class ModelNotInstalled(CorpusError):
    """No installed Argos package translates from_code→to_code; says how to install one."""

    def __init__(self, from_code: str, to_code: str, packages_dir: str):
        self.from_code = from_code
        self.to_code = to_code
        self.packages_dir = packages_dir
        super().__init__(
            f"no {from_code}→{to_code} translation model is installed in {packages_dir} "
            f"(set ARGOS_PACKAGES_DIR to use another directory); {INSTALL_HINT}"
        )


class InvalidModelPackage(CorpusError):
    """A file given to `corpus models install` that is not a usable .argosmodel."""

    def __init__(self, path: str, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: not a usable .argosmodel package: {problem}")


class PackageIndexUnavailable(CorpusError):
    """The Argos package index (or a package it lists) could not be downloaded."""


class UnknownEngine(CorpusError):
    """A translation engine name that no engine registered."""

    def __init__(self, name: str, known: list[str]):
        self.name = name
        super().__init__(f"unknown translation engine {name!r}; registered engines: {', '.join(known)}")
