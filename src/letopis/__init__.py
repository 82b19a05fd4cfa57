"""letopis: Russian news into a chronicle — who said what, did what, with whom, when, and according to whom.

    >>> import letopis
    >>> record = letopis.analyze("Президент Казахстана Касым-Жомарт Токаев заявил, что ...", date="2025-09-24")
    >>> record.to_json()["entities"][0]["name"]
"""

from letopis.analysis import analyze
from letopis.model import Article, Attribution, Cue, Entity, Event, Mention, Quote, Span, Speaker

__all__ = ["analyze", "Article", "Attribution", "Cue", "Entity", "Event", "Mention", "Quote", "Span", "Speaker"]
__version__ = "0.1.0"
