"""Check the rows issue 5 asks of the seed article (../shared/seed), read as a plain .txt with no date.

    python benchmarks/seed_check.py

Prints every extracted row, then PASS/FAIL for each expected row, and exits 1 if any fails.
"""
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import timeline  # noqa: E402

SEED = next((ROOT.parent / "shared" / "seed").glob("*.txt"))


def has(frame, etype, actors=(), start=None, end=None, month=None, year=None, place=None, status=None):
    hit = frame[frame["event_type"].isin([etype] if isinstance(etype, str) else etype)]
    for name in actors:
        hit = hit[hit["actors"].fillna("").str.split("; ").map(lambda names, n=name: n in names)]
    if start:
        hit = hit[hit["date_start"] >= pd.Timestamp(start)]
    if end:
        hit = hit[hit["date_end"] <= pd.Timestamp(end)]
    if month:
        hit = hit[hit["date_start"].dt.strftime("%Y-%m") == month]
    if year:
        hit = hit[(hit["date_start"].dt.year == year) & (hit["date_precision"] == "year")]
    if place:
        hit = hit[hit["location"] == place]
    if status:
        hit = hit[hit["status"].isin(status)]
    return len(hit)


def main():
    articles = timeline.read_articles(SEED)
    frame = timeline.parse(articles)
    pd.set_option("display.width", 200)
    pd.set_option("display.max_colwidth", 60)
    print(f"anchor inferred: {articles[0].published} ({articles[0].published_from})")
    print(frame[["date_start", "date_end", "date_precision", "status", "event_type", "actors", "location"]])
    checks = [
        ("summit Kim-Putin, Vladivostok, 2019 (year), occurred",
         has(frame, "summit", ("Kim Jong Un", "Vladimir Putin"), year=2019, place="Vladivostok", status=("occurred",))),
        ("visit Kim to Russia, September 2023, planned",
         has(frame, "visit", ("Kim Jong Un", "Russia"), month="2023-09", status=("planned",))),
        ("summit Kim-Putin, 12 or 13 September 2023, planned or possible",
         has(frame, "summit", ("Kim Jong Un", "Vladimir Putin"), start="2023-09-12", end="2023-09-13",
             status=("planned", "possible"))),
        ("Putin in Vladivostok for the Eastern Economic Forum, 11 September 2023, occurred",
         has(frame, ("forum", "visit"), ("Vladimir Putin",), start="2023-09-11", end="2023-09-11",
             place="Vladivostok", status=("occurred",))),
        ("Kremlin (Russia) confirms the visit, 11 September 2023, statement",
         has(frame, "statement", ("Russia",), start="2023-09-11", end="2023-09-11")),
        ("United States voices concern over North Korean weapons for Russia, September 2023",
         has(frame, "criticism", ("United States", "North Korea"), month="2023-09")),
        ("Russia's invasion of Ukraine, 2022",
         has(frame, "military action", ("Russia", "Ukraine"), year=2022)),
        ("breakdown of nuclear talks, North Korea/Kim and the US/Trump, no later than 2019",
         has(frame, "rejection", ("Donald Trump",), end="2019-12-31")),
    ]
    failed = 0
    for label, n in checks:
        print(f"{'PASS' if n == 1 else 'FAIL'}  ({n} rows)  {label}")
        failed += n != 1
    footer = frame["sentence"].str.contains("Latest news|Related news").sum()
    print(f"{'PASS' if footer == 0 else 'FAIL'}  no rows from the footer ({footer})")
    sys.exit(1 if failed or footer else 0)


if __name__ == "__main__":
    main()
