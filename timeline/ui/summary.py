"""The summary strip and the data-quality panel's figures. Pure: frame in, numbers out."""
from __future__ import annotations

import pandas as pd

COARSE = ("year", "decade", "century")


def article_ids(frame: pd.DataFrame) -> set[str]:
    """Every article any of the rows comes from."""
    return {a for cell in frame["article_ids"].dropna().unique() for a in cell.split("; ") if a}


def summary(frame: pd.DataFrame) -> dict:
    """events, articles, actors, first and last day of the rows."""
    dated = frame["date_start"].dropna()
    actors = {a for cell in frame["actors"].dropna().unique() for a in cell.split("; ") if a}
    return {
        "events": len(frame),
        "articles": len(article_ids(frame)),
        "actors": len(actors),
        "first": dated.min().date() if len(dated) else None,
        "last": frame["date_end"].dropna().max().date() if len(dated) else None,
    }


def quality(frame: pd.DataFrame, loaded_article_ids) -> dict:
    """Counts a reader should weigh the rows by: coarse and missing dates, places without coordinates,
    merged duplicates, loaded articles that gave no event."""
    used = article_ids(frame)
    silent = sorted(set(loaded_article_ids) - used)
    placed = frame["location"].notna()
    return {
        "year_only": int(frame["date_precision"].isin(COARSE).sum()),
        "undated": int(frame["date_start"].isna().sum()),
        "not_geocoded": int((placed & frame["lat"].isna()).sum()),
        "no_place": int((~placed & frame["lat"].isna()).sum()),
        "merged_events": int((frame["sources"] > 1).sum()),
        "merged_mentions": int((frame["sources"] - 1).clip(lower=0).sum()),
        "low_confidence": int((frame["confidence"] < 0.5).sum()),
        "silent_articles": silent,
    }
