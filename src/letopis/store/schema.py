"""The tables, written once for both backends; `{pk}`, `{int}` and `{blob}` take each backend's types.

articles      one row per record: metadata columns for queries, the text, the rest of the record as JSON
article_bands MinHash LSH band hashes, to find near-duplicates (stories)
stories       groups of near-duplicate articles
entities      corpus-wide entities (the registry), with names, dated roles and counts
article_entities, mentions           which corpus entity each article entity is, and where it is mentioned
quotes, quote_entities               statements, and the entities mentioned inside each
events, event_entities               events, and the entities taking part (actor, target, place)
attribution   outlet → sources the article relies on (`via`), one row per source
runs          ingestion runs
Full-text indexes (`articles_fts`, `quotes_fts`) differ per backend and are created by the backend.
Dates are ISO text; `sort_date` is the date or '' so that ordering and keyset cursors need no NULL rules.
"""

from __future__ import annotations

TABLES = [
    """CREATE TABLE runs (
        id {pk}, started_at TEXT NOT NULL, finished_at TEXT, status TEXT NOT NULL, sources TEXT NOT NULL,
        host TEXT, pid {int}, n_read {int} NOT NULL DEFAULT 0, n_inserted {int} NOT NULL DEFAULT 0,
        n_updated {int} NOT NULL DEFAULT 0, n_skipped {int} NOT NULL DEFAULT 0, n_failed {int} NOT NULL DEFAULT 0)""",
    """CREATE TABLE stories (
        id {pk}, title TEXT, n_articles {int} NOT NULL DEFAULT 0, first_date TEXT, last_date TEXT)""",
    "CREATE INDEX stories_size ON stories (n_articles, id)",
    """CREATE TABLE articles (
        seq {pk}, id TEXT NOT NULL UNIQUE, date TEXT, sort_date TEXT NOT NULL, title TEXT, url TEXT,
        outlet TEXT, outlet_key TEXT, text TEXT NOT NULL, text_hash TEXT NOT NULL, record TEXT NOT NULL,
        signature {blob}, story_id {int}, run_id {int}, n_entities {int} NOT NULL, n_quotes {int} NOT NULL,
        n_events {int} NOT NULL, stored_at TEXT NOT NULL)""",
    "CREATE INDEX articles_url ON articles (url)",
    "CREATE INDEX articles_hash ON articles (text_hash)",
    "CREATE INDEX articles_order ON articles (sort_date, seq)",
    "CREATE INDEX articles_outlet ON articles (outlet_key, sort_date, seq)",
    "CREATE INDEX articles_story ON articles (story_id)",
    "CREATE TABLE article_bands (band {int} NOT NULL, hash {int} NOT NULL, article_seq {int} NOT NULL)",
    "CREATE INDEX article_bands_lookup ON article_bands (band, hash, article_seq)",  # covering: no row lookups
    "CREATE INDEX article_bands_article ON article_bands (article_seq)",
    """CREATE TABLE entities (
        id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, n_articles {int} NOT NULL DEFAULT 0,
        n_mentions {int} NOT NULL DEFAULT 0, n_quotes {int} NOT NULL DEFAULT 0, first_seen TEXT, last_seen TEXT)""",
    "CREATE INDEX entities_rank ON entities (n_articles, id)",
    """CREATE TABLE entity_names (
        entity_id TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL, last_key TEXT NOT NULL,
        n {int} NOT NULL DEFAULT 0, PRIMARY KEY (entity_id, name))""",
    "CREATE INDEX entity_names_key ON entity_names (key)",
    "CREATE INDEX entity_names_last ON entity_names (last_key)",
    """CREATE TABLE entity_roles (
        entity_id TEXT NOT NULL, role TEXT NOT NULL, role_key TEXT NOT NULL, first_seen TEXT, last_seen TEXT,
        n {int} NOT NULL DEFAULT 0, PRIMARY KEY (entity_id, role))""",
    "CREATE INDEX entity_roles_key ON entity_roles (role_key)",
    """CREATE TABLE article_entities (
        article_seq {int} NOT NULL, local_id TEXT NOT NULL, entity_id TEXT NOT NULL, name TEXT NOT NULL,
        n_mentions {int} NOT NULL, PRIMARY KEY (article_seq, local_id))""",
    "CREATE INDEX article_entities_entity ON article_entities (entity_id, article_seq)",
    """CREATE TABLE mentions (
        article_seq {int} NOT NULL, local_id TEXT NOT NULL, start {int} NOT NULL, stop {int} NOT NULL,
        text TEXT NOT NULL, kind TEXT NOT NULL)""",
    "CREATE INDEX mentions_article ON mentions (article_seq)",
    """CREATE TABLE quotes (
        qseq {pk}, article_seq {int} NOT NULL, local_id TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
        start {int} NOT NULL, stop {int} NOT NULL, cue TEXT, cue_lemma TEXT, speaker_name TEXT,
        speaker_key TEXT, speaker_type TEXT, speaker_local TEXT, speaker_entity TEXT,
        sort_date TEXT NOT NULL, outlet_key TEXT)""",
    "CREATE INDEX quotes_article ON quotes (article_seq)",
    "CREATE INDEX quotes_order ON quotes (sort_date, qseq)",
    "CREATE INDEX quotes_speaker ON quotes (speaker_entity, sort_date, qseq)",
    "CREATE INDEX quotes_speaker_key ON quotes (speaker_key)",
    "CREATE TABLE quote_entities (qseq {int} NOT NULL, entity_id TEXT NOT NULL, PRIMARY KEY (entity_id, qseq))",
    "CREATE INDEX quote_entities_quote ON quote_entities (qseq)",
    """CREATE TABLE events (
        eseq {pk}, article_seq {int} NOT NULL, local_id TEXT NOT NULL, type TEXT NOT NULL, trigger TEXT NOT NULL,
        lemma TEXT, date TEXT, date_text TEXT, modality TEXT NOT NULL, place TEXT, source TEXT,
        sort_date TEXT NOT NULL)""",
    "CREATE INDEX events_article ON events (article_seq)",
    "CREATE INDEX events_type ON events (type, sort_date, eseq)",
    "CREATE INDEX events_order ON events (sort_date, eseq)",
    """CREATE TABLE event_entities (
        eseq {int} NOT NULL, entity_id TEXT NOT NULL, role TEXT NOT NULL, PRIMARY KEY (entity_id, eseq, role))""",
    "CREATE INDEX event_entities_event ON event_entities (eseq)",
    """CREATE TABLE attribution (
        article_seq {int} NOT NULL, position {int} NOT NULL, outlet TEXT, via TEXT NOT NULL, via_key TEXT NOT NULL)""",
    "CREATE INDEX attribution_article ON attribution (article_seq)",
    "CREATE INDEX attribution_via ON attribution (via_key)",
]


# Version 2: the last word of a speaker's name key, indexed, so that `--speaker Surname` finds statements
# of speakers that are not entities without scanning every statement. `{last_word}` is each backend's SQL
# for the last word of `speaker_key`.
SPEAKER_LAST = [
    "ALTER TABLE quotes ADD COLUMN speaker_last TEXT",
    "UPDATE quotes SET speaker_last = {last_word} WHERE speaker_key IS NOT NULL",
    "CREATE INDEX quotes_speaker_last ON quotes (speaker_last)",
]


def speaker_last(last_word: str) -> list[str]:
    return [s.replace("{last_word}", last_word) for s in SPEAKER_LAST]


# Version 3: articles and statements per entity and month, kept up to date by every write, so that an
# entity's timeline is read from a few rows instead of counted over all its articles.
ENTITY_MONTHS = [
    """CREATE TABLE entity_months (
        entity_id TEXT NOT NULL, period TEXT NOT NULL, n_articles {int} NOT NULL DEFAULT 0,
        n_quotes {int} NOT NULL DEFAULT 0, PRIMARY KEY (entity_id, period))""",
    """INSERT INTO entity_months (entity_id, period, n_articles, n_quotes)
        SELECT ae.entity_id, substr(a.sort_date, 1, 7), count(DISTINCT a.seq), 0
        FROM article_entities ae JOIN articles a ON a.seq = ae.article_seq
        GROUP BY ae.entity_id, substr(a.sort_date, 1, 7)""",
    """INSERT INTO entity_months (entity_id, period, n_articles, n_quotes)
        SELECT speaker_entity, substr(sort_date, 1, 7), 0, count(*) FROM quotes WHERE speaker_entity IS NOT NULL
        GROUP BY speaker_entity, substr(sort_date, 1, 7)
        ON CONFLICT (entity_id, period) DO UPDATE SET n_quotes = excluded.n_quotes""",
]


def entity_months(int_type: str) -> list[str]:
    return [s.replace("{int}", int_type) for s in ENTITY_MONTHS]


def tables(pk: str, int_type: str, blob: str) -> list[str]:
    """The shared tables with one backend's types filled in."""
    return [t.replace("{pk}", pk).replace("{int}", int_type).replace("{blob}", blob) for t in TABLES]
