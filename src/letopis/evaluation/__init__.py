"""Measuring letopis against gold data: NER, grouping, quotes, events."""
