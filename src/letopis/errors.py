"""Errors letopis raises on purpose. Each message says what went wrong and, where it can, what to do."""


class LetopisError(Exception):
    """Base class: an error with a message meant for the person running letopis."""


class InputError(LetopisError):
    """An input item (file, line, page, feed) could not be read as an article."""

    def __init__(self, item: str, problem: str):
        super().__init__(f"{item}: {problem}")
        self.item = item
        self.problem = problem


class PipelineError(LetopisError):
    """The analysis pipeline was assembled in an order that cannot work."""


class StoreError(LetopisError):
    """The database could not be opened, migrated or written."""


class QueryError(StoreError):
    """A question to the store was malformed (a cursor it did not make, a limit out of range): the caller's
    fault, not the database's."""
