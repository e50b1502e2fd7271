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
