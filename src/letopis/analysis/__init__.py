"""Analysis: a text in, a `letopis.article/1` record out. See pipeline.py for how stages fit together."""

from letopis.analysis.analyze import analyze, analyze_raw, default_pipeline

__all__ = ["analyze", "analyze_raw", "default_pipeline"]
