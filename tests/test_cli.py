"""python -m timeline parse / ingest / export."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from timeline import cli, export, filters, schema
from timeline.filters import Filters
from timeline.store import EventStore, _exclusive

ROOT = Path(__file__).resolve().parent.parent
SUMMARY = re.compile(r"^parsed (\d+) articles, (\d+) events, (\d+) errors in \d+\.\d\d s$", re.MULTILINE)

ARTICLES = [
    ("kim.txt", "Kim heads to Russia",
     "North Korean leader Kim Jong Un met Russian President Vladimir Putin in Vladivostok on "
     "Wednesday, the Kremlin said. Kim Jong Un will visit Moscow next month."),
    ("lavrov.txt", "Lavrov in Pyongyang",
     "Russian Foreign Minister Sergei Lavrov arrived in Pyongyang on Monday for talks with Kim Jong Un. "
     "The United States criticised the visit on Tuesday."),
    ("summit.txt", "Summit",
     "Chinese President Xi Jinping and Joe Biden held a summit in San Francisco on November 15, 2023."),
]


@pytest.fixture
def news(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for name, title, text in ARTICLES:
        (folder / name).write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    return folder


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.err


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".json", ".geojson"])
def test_cli_parse_writes_by_extension(capsys, news, tmp_path, suffix):
    target = tmp_path / f"events{suffix}"
    code, err = run(capsys, "parse", news, "-o", target, "--published", "2023-09-14")
    assert code == 0
    read, events, errors = map(int, SUMMARY.search(err).groups())
    assert (read, errors) == (3, 0) and events > 0
    data = target.read_bytes()
    if suffix == ".csv":
        assert data.splitlines()[0].decode() == ",".join(schema.EVENT_COLUMNS)
        assert len(pd.read_csv(target)) == events
    elif suffix == ".parquet":
        assert len(pd.read_parquet(target)) == events
    elif suffix == ".json":
        assert len(json.loads(data)) == events
    else:
        assert json.loads(data)["type"] == "FeatureCollection"


def test_cli_parse_gives_the_rows_of_timeline_parse(capsys, news, tmp_path):
    import timeline

    target = tmp_path / "events.csv"
    assert run(capsys, "parse", news, "-o", target)[0] == 0
    expected = timeline.parse(timeline.read_articles(news))
    assert target.read_bytes() == export.to_csv(expected)


def test_cli_parse_reports_bad_inputs_and_goes_on(capsys, news, tmp_path):
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    code, err = run(capsys, "parse", news / "kim.txt", tmp_path / "broken.json", tmp_path / "missing.txt",
                    "-o", tmp_path / "out.csv")
    assert code == 0
    lines = err.strip().splitlines()
    assert any(line.startswith(str(tmp_path / "broken.json")) or "broken.json" in line for line in lines[:-1])
    assert any("missing.txt" in line for line in lines[:-1])
    read, _, errors = map(int, SUMMARY.search(err).groups())
    assert (read, errors) == (1, 2)


def test_cli_parse_nothing_readable_exits_1(capsys, tmp_path):
    code, err = run(capsys, "parse", tmp_path / "missing.txt", "-o", tmp_path / "out.csv")
    assert code == 1
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("argv", [
    ["parse", "x.txt", "-o", "out.xlsx"],
    ["parse", "x.txt"],
    ["parse", "x.txt", "-o", "o.csv", "--published", "yesterday"],
    ["export", "-o", "o.csv", "--from", "2023-13-01"],
    ["frobnicate"],
])
def test_cli_usage_errors_exit_2(capsys, argv):
    with pytest.raises(SystemExit) as exc:
        cli.main(argv)
    assert exc.value.code == 2


def test_cli_export_min_confidence_out_of_range_exits_2(capsys, tmp_path):
    db = tmp_path / "t.duckdb"
    EventStore(db).put_events(schema.empty_frame())
    code, err = run(capsys, "export", "-o", tmp_path / "o.csv", "--db", db, "--min-confidence", "3")
    assert code == 2 and "min_confidence" in err


def test_cli_ingest_then_export_with_filters(capsys, news, tmp_path, monkeypatch):
    db = tmp_path / "store.duckdb"
    monkeypatch.setenv("TIMELINE_DB", str(db))
    code, err = run(capsys, "ingest", news / "kim.txt", news / "lavrov.txt", "--published", "2023-09-14")
    assert code == 0 and "ingested 2 new articles" in err
    code, err = run(capsys, "ingest", news, "--published", "2023-09-14")
    assert code == 0 and "ingested 1 new articles (2 already stored)" in err
    store = EventStore(db)
    everything = store.events()
    assert len(everything) > 0
    wanted = Filters(actors=("Kim Jong Un",), date_from="2023-01-01")
    target = tmp_path / "kim.csv"
    code, err = run(capsys, "export", "-o", target, "--actor", "Kim Jong Un", "--from", "2023-01-01")
    assert code == 0 and err.startswith("exported ")
    assert target.read_bytes() == export.to_csv(filters.apply(everything, wanted))
    geo = tmp_path / "kim.geojson"
    assert run(capsys, "export", "-o", geo, "--db", db, "--actor", "Kim Jong Un", "--from", "2023-01-01")[0] == 0
    assert geo.read_bytes() == export.to_geojson(filters.apply(everything, wanted))


def test_cli_export_without_a_store_exits_1(capsys, tmp_path):
    code, err = run(capsys, "export", "-o", tmp_path / "o.csv", "--db", tmp_path / "none.duckdb")
    assert code == 1 and "no event store" in err


def test_cli_ingest_refused_while_another_writes(capsys, news, tmp_path):
    db = tmp_path / "busy.duckdb"
    with _exclusive(db.with_name(db.name + ".lock"), db):
        code, err = run(capsys, "ingest", news, "--db", db)
    assert code == 3
    assert f"another ingest is writing to {db}; try again when it finishes" in err


def test_cli_runs_as_a_module():
    done = subprocess.run([sys.executable, "-m", "timeline", "--help"], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0
    assert "parse" in done.stdout and "ingest" in done.stdout and "export" in done.stdout
