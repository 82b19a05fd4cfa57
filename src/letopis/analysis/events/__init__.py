"""Events: what people and organisations did — met, proposed, visited, signed, accused, appointed.

requires: tokens, morph, syntax, entities, quotes, dates        assigns: events

- `frames.py`      the trigger lexicon (`lexicon/event_triggers.txt`) and its companion word lists
- `arguments.py`   dependents of a trigger and the entities they name
- `candidates.py`  triggers whose frames hold, with actors, targets and place
- `modality.py`    asserted, planned, proposed, possible, negated, refused
- `captions.py`    photo captions that show people together (`X с президентом Y в 2015 году`): meetings
- `stage.py`       the stage: parse the trigger sentences, merge nested events, date and source them

The event types are documented in docs/events.md.
"""

from letopis.analysis.events.stage import Events

__all__ = ["Events"]
