"""What is loaded: the sample articles, uploads, pasted text, URLs and an optional event file.

Each input is kept with its articles and event mentions, so adding one never
loses the others, and the page's frame is the merge of all of them. A failed
input is listed with its messages and adds nothing.
"""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pandas as pd
import streamlit as st

import timeline
from timeline import schema
from timeline.articles import Article, read_bytes, read_text
from timeline.errors import ArticleError, TimelineError
from timeline.merge import merge

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "articles"
EVENTS_ENV = "TIMELINE_EVENTS"  # a .parquet or .csv of event rows to load with the samples (benchmarks, big data)
MAX_SESSION_ARTICLES = 5_000  # articles added through the page in one session
MAX_SESSION_CHARS = 50_000_000  # and their characters: memory per session stays bounded
UPLOAD_TYPES = ["txt", "md", "markdown", "html", "htm", "mhtml", "json", "jsonl", "ndjson", "csv", "tsv",
                "xml", "rss", "atom", "zip"]


@dataclasses.dataclass
class Input:
    """One thing the user loaded and what came of it."""

    name: str
    kind: str  # "samples", "upload", "paste", "url", "event file"
    articles: list[Article] = dataclasses.field(default_factory=list)
    mentions: pd.DataFrame | None = None  # unmerged event mentions of the articles
    events: pd.DataFrame | None = None  # already merged event rows (an event file)
    errors: list[str] = dataclasses.field(default_factory=list)
    skipped: int = 0  # articles already loaded by an earlier input
    stamp: tuple | None = None  # names what a shared input (samples, event file, store) held when it was read

    @property
    def ok(self) -> bool:
        return bool(self.articles) or self.events is not None


@st.cache_data(show_spinner="Reading and parsing the sample articles\u2026", max_entries=2)
def _samples(folder: str, stamp: tuple) -> tuple[list[Article], pd.DataFrame, pd.DataFrame]:
    articles = timeline.read_articles(folder)
    mentions = timeline.mentions(articles)
    return articles, mentions, merge(mentions)


@st.cache_data(show_spinner="Reading the event file\u2026", max_entries=2)
def _event_file(path: str, stamp: float) -> pd.DataFrame:
    if path.endswith(".parquet"):
        frame = pd.read_parquet(path)
    else:
        frame = pd.read_csv(path)
    return schema.conform(frame)


def page_store() -> Path | None:
    """The event store the page reads, or None for the in-memory page (sample articles and uploads).

    ``streamlit run dashboard.py -- --db PATH`` or ``TIMELINE_DB=PATH`` name one (an empty store until the
    first article is added); otherwise the default store data/timeline.duckdb is read when it exists
    (``python -m timeline ingest`` makes it)."""
    import sys

    from timeline import store

    args = sys.argv[1:]
    for i, arg in enumerate(args):
        if arg == "--db" and i + 1 < len(args):
            return Path(args[i + 1]).expanduser().absolute()
        if arg.startswith("--db="):
            return Path(arg[5:]).expanduser().absolute()
    if os.environ.get(store.ENV_VAR):
        return Path(os.environ[store.ENV_VAR]).expanduser().absolute()
    return store.DEFAULT_PATH if store.DEFAULT_PATH.exists() else None


def _stamp(folder: Path) -> tuple:
    return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in folder.glob("*") if p.is_file()))


def state() -> dict:
    """The session's loaded data: {"inputs": [Input], "version": int, ...}; built on first use."""
    ss = st.session_state
    if "data" not in ss:
        stamp = _stamp(SAMPLES)
        articles, mentions, merged = _samples(str(SAMPLES), stamp)
        inputs = [Input(f"sample articles ({SAMPLES.name}/)", "samples", articles=list(articles), mentions=mentions,
                        stamp=("samples", str(SAMPLES), stamp))]
        path = os.environ.get(EVENTS_ENV)
        if path and not Path(path).is_file():
            inputs.append(Input(Path(path).name, "event file", errors=[f"{Path(path).name}: no such file ({path})"]))
        elif path:
            try:
                mtime = os.path.getmtime(path)
                events = _event_file(path, mtime)
                inputs.append(Input(Path(path).name, "event file", events=events,
                                    stamp=("events", str(Path(path).resolve()), mtime)))
            except (OSError, ValueError, TimelineError) as err:
                inputs.append(Input(Path(path).name, "event file", errors=[f"{Path(path).name}: {err}"]))
        ss["data"] = {"inputs": inputs, "version": 0, "frame": None, "uploaded": set(), "merged_samples": merged,
                      "last": []}
    return ss["data"]


def data_key() -> tuple:
    """Names the session's loaded events. ("shared", ...) when they are exactly what every session that
    loaded the same samples, event file and store has (nothing added, no own gazetteer), so that what is
    drawn from them can be shared between sessions; ("session", version) otherwise."""
    data = state()
    used = [i for i in data["inputs"] if i.ok]
    if used and not data.get("gazetteer") and all(i.stamp is not None for i in used):
        return ("shared", *(i.stamp for i in used))
    return ("session", data["version"])


def frame() -> pd.DataFrame:
    """Every loaded event, merged across inputs; recomputed only when the inputs change."""
    data = state()
    if data["frame"] is None or data["frame"][0] != data["version"]:
        data["frame"] = (data["version"], _combine(data))
    return data["frame"][1]


def _combine(data: dict) -> pd.DataFrame:
    inputs = [i for i in data["inputs"] if i.ok]
    mentions = [i.mentions for i in inputs if i.mentions is not None and not i.mentions.empty]
    if len(inputs) and all(i.kind in ("samples", "event file") for i in inputs):
        merged = data["merged_samples"]
    else:
        merged = merge(pd.concat(mentions, ignore_index=True)) if mentions else schema.empty_frame()
    files = [i.events for i in inputs if i.events is not None]
    if not files:
        return merged
    parts = [merged, *files] if not merged.empty else files
    if len(parts) == 1:
        return parts[0]
    # the same event from two sources (the samples and a store built from them) is listed once
    return pd.concat(parts, ignore_index=True).drop_duplicates("event_id", ignore_index=True)


def articles() -> dict[str, Article]:
    """article_id -> Article, over every input."""
    data = state()
    cached = data.get("articles")
    if cached and cached[0] == data["version"]:
        return cached[1]
    out = {a.id: a for i in data["inputs"] for a in i.articles}
    data["articles"] = (data["version"], out)
    return out


def article_mentions() -> pd.DataFrame:
    data = state()
    parts = [i.mentions for i in data["inputs"] if i.mentions is not None and not i.mentions.empty]
    return pd.concat(parts, ignore_index=True) if parts else schema.empty_frame()


def events_of(inp: Input, frame: pd.DataFrame) -> int:
    """How many of the page's events come from this input."""
    if inp.events is not None:
        return len(inp.events)
    ids = {a.id for a in inp.articles}
    if not ids or frame.empty:
        return 0
    return int(frame["article_ids"].map(lambda v: any(x in ids for x in str(v).split("; "))).sum())


def _parse(inp: Input, progress) -> None:
    """Event mentions of the input's new articles, with a progress bar per article."""
    known = articles()
    fresh = [a for a in inp.articles if a.id not in known]
    inp.skipped = len(inp.articles) - len(fresh)
    inp.articles = fresh
    parts = []
    for n, article in enumerate(fresh, 1):
        progress.progress(n / len(fresh), text=f"Parsing {inp.name}: article {n} of {len(fresh)}")
        try:
            parts.append(timeline.mentions([article], gazetteer=state().get("gazetteer")))
        except Exception as err:  # noqa: BLE001 - one bad article must not lose the others
            inp.errors.append(f"{inp.name}: article {article.title!r} could not be parsed ({type(err).__name__}: {err})")
    inp.mentions = pd.concat(parts, ignore_index=True) if parts else schema.empty_frame()


def add(inp: Input, progress=None) -> Input:
    """Parse an input's articles and add it to the page (an input with no articles is listed, adds nothing)."""
    data = state()
    added = [a for i in data["inputs"] if i.kind not in ("samples", "event file") for a in i.articles]
    known = articles()
    new = [a for a in inp.articles if a.id not in known]
    chars = sum(len(a.text) for a in added) + sum(len(a.text) for a in new)
    if new and (len(added) + len(new) > MAX_SESSION_ARTICLES or chars > MAX_SESSION_CHARS):
        # one session must not grow without bound: say so, keep what is loaded
        inp.errors.append(f"{inp.name}: this page already holds {len(added)} added articles "
                          f"(at most {MAX_SESSION_ARTICLES:,} articles or {MAX_SESSION_CHARS // 1_000_000} million "
                          "characters a session); remove added articles, or use python -m timeline ingest")
        inp.articles = []
    progress = progress or st.progress(0.0, text=f"Parsing {inp.name}\u2026")
    if inp.articles:
        _parse(inp, progress)
    progress.empty()
    data["inputs"].append(inp)
    data["last"] = [inp]
    if inp.ok:
        data["version"] += 1
    return inp


def add_upload(name: str, payload: bytes) -> Input:
    errors: list = []
    try:
        found = read_bytes(payload, name, report=errors)
    except ArticleError as err:  # read_bytes reports into the list; this is a last guard
        found, errors = [], [err]
    return add(Input(name, "upload", articles=found, errors=[str(e) for e in errors]))


def add_paste(text: str, published=None, title: str | None = None) -> Input:
    name = f"pasted text {sum(i.kind == 'paste' for i in state()['inputs']) + 1}"
    try:
        article = read_text(text, published=published, title=title or None, name=name)
    except ArticleError as err:
        return add(Input(name, "paste", errors=[str(err)]))
    return add(Input(name, "paste", articles=[article]))


def add_url(url: str) -> Input:
    url = url.strip()
    errors: list = []
    try:
        found = timeline.read_articles(url, report=errors)
    except (ArticleError, TypeError, ValueError) as err:
        found, errors = [], [err]
    if not found and not errors:
        errors = [f"{url}: no article found at this address"]
    return add(Input(url, "url", articles=found, errors=[str(e) for e in errors]))


def use_gazetteer(name: str, payload: bytes) -> str | None:
    """Read the user's own actors, aliases and places (a CSV with the columns of data/gazetteer/README.md)
    into this session's gazetteer and read every loaded article again with it. Returns an error message, or
    None when it worked; a bad file changes nothing."""
    from timeline import gazetteer

    if not payload.strip():
        return f"{name}: file is empty"
    try:
        text = payload.decode("utf-8-sig")
    except UnicodeDecodeError:
        return f"{name}: not UTF-8 text"
    import csv
    import io

    header = next(csv.reader(io.StringIO(text)), [])
    missing = [c for c in ("kind", "name") if c not in header]
    if missing:
        return (f"{name}: not a gazetteer CSV (needs the columns kind and name; found "
                f"{', '.join(header[:8]) or 'none'})")
    try:
        found = gazetteer.load(custom_csv=text)
    except (ValueError, KeyError, TypeError) as err:
        return f"{name}: not a gazetteer CSV ({err})"
    data = state()
    data["gazetteer"], data["gazetteer_name"] = found, name
    for inp in data["inputs"]:
        if inp.articles and inp.mentions is not None:
            inp.mentions = timeline.mentions(inp.articles, gazetteer=found)
            if inp.kind == "samples":
                data["merged_samples"] = merge(inp.mentions)
    data["version"] += 1
    return None


def remove_added() -> None:
    """Back to the samples (and the event file): every upload, paste and URL dropped."""
    data = state()
    data["inputs"] = [i for i in data["inputs"] if i.kind in ("samples", "event file")]
    data["version"] += 1
    data["last"] = []
