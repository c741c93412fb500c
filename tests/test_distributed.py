"""The dask path gives the same rows as the single-process path."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import timeline
from timeline.articles import Article
from timeline.store import EventStore, default_pipeline

distributed = pytest.importorskip("distributed")

LEADERS = [("Kim Jong Un", "North Korean leader"), ("Vladimir Putin", "Russian President"),
           ("Xi Jinping", "Chinese President"), ("Emmanuel Macron", "French President")]
CITIES = ["Vladivostok", "Moscow", "Beijing", "Paris", "Pyongyang"]


def corpus(n: int) -> list[Article]:
    out = []
    for i in range(n):
        (a, ta), (b, tb) = LEADERS[i % 4], LEADERS[(i + 1) % 4]
        city = CITIES[i % 5]
        published = dt.date(2023, 9, 1) + dt.timedelta(days=i % 9)
        text = (f"{ta} {a} met {tb} {b} in {city} on Wednesday, officials said. "
                f"{a} will visit {CITIES[(i + 2) % 5]} next month. "
                f"{b} criticised the sanctions on September {10 + i % 5}.")
        out.append(Article(f"d{i}", f"Story {i}", text, published=published, source="Wire"))
    return out


@pytest.fixture(scope="module")
def scheduler():
    """A 2-worker LocalCluster, reached by its address as a remote scheduler would be."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


def test_distributed_two_workers_give_the_local_rows(tmp_path, scheduler):
    from timeline.distributed import dask_client, dask_mapper

    articles = corpus(12)
    local = EventStore(tmp_path / "local.duckdb")
    local.ingest(articles, batch_size=5)
    remote = EventStore(tmp_path / "dask.duckdb")
    with dask_client(scheduler) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        report = remote.ingest(articles, batch_size=3, mapper=dask_mapper(client, default_pipeline().extract))
    assert report.articles_new == 12 and not report.errors
    pd.testing.assert_frame_equal(remote.events(), local.events())
    expected = timeline.parse(articles)
    pd.testing.assert_frame_equal(local.events(), expected.sort_values(
        ["date_start", "event_id"], na_position="last", kind="stable").reset_index(drop=True))


def test_distributed_cli_parse_with_a_scheduler(tmp_path, scheduler, capsys):
    from timeline import cli

    folder = tmp_path / "news"
    folder.mkdir()
    for article in corpus(6):
        (folder / f"{article.id}.txt").write_text(f"{article.title}\n\n{article.text}\n", encoding="utf-8")
    local, remote = tmp_path / "local.parquet", tmp_path / "dask.parquet"
    assert cli.main(["parse", str(folder), "-o", str(local), "--published", "2023-09-05"]) == 0
    assert cli.main(["parse", str(folder), "-o", str(remote), "--published", "2023-09-05", "--engine", "dask",
                     "--scheduler", scheduler, "--batch", "2"]) == 0
    assert "parsed 6 articles" in capsys.readouterr().err
    pd.testing.assert_frame_equal(pd.read_parquet(remote), pd.read_parquet(local))
