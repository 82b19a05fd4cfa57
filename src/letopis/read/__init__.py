"""Readers: turn files, directories, standard input and (later) pages and feeds into raw articles.

Readers know nothing of the analysis. Each yields `RawArticle`s and, for an item it cannot read,
an `InputError` naming the item and the problem, so that a batch goes on past bad input.
"""

from letopis.read.base import RawArticle, ReadResult
from letopis.read.files import read_paths

__all__ = ["RawArticle", "ReadResult", "read_paths"]
