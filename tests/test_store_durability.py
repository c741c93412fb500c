"""The event store under SIGKILL, a full disk and a damaged file (issue #9, point 6).

Each ends in a clear message and a store that holds everything committed before, or that one documented
command rebuilds; nothing is lost silently. The interrupted and the starved ingests run in child
processes (SIGKILL, RLIMIT_FSIZE); only EventStore(path), ingest, query and StoreError are used, so the
tests hold while the store's other API moves.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import timeline
from timeline.store import EventStore, StoreError

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "data" / "articles").glob("*.txt"))


@pytest.fixture(scope="module")
def committed(tmp_path_factory) -> tuple[Path, list[str]]:
    """A store holding the events of three sample articles, and their ids."""
    db = tmp_path_factory.mktemp("store") / "events.duckdb"
    EventStore(db).ingest(timeline.read_articles([str(p) for p in SAMPLES[:3]]))
    ids = sorted(EventStore(db).query()["event_id"])
    assert len(ids) > 5
    return db, ids


@pytest.fixture
def store_copy(committed, tmp_path) -> tuple[Path, list[str]]:
    db, ids = committed
    copy = tmp_path / "events.duckdb"
    shutil.copyfile(db, copy)
    return copy, ids


def child(code: str, *args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


INTERRUPTED = """
import sys, time
import timeline
from timeline.store import EventStore
articles = timeline.read_articles(sys.argv[2:])

def slowly():
    yield from articles[:2]
    print("in the middle", flush=True)
    time.sleep(600)
    yield from articles[2:]

EventStore(sys.argv[1]).ingest(slowly(), batch_size=1)
"""


def test_store_durability_sigkill_in_the_middle_of_an_ingest_keeps_every_committed_event(store_copy):
    db, ids = store_copy
    proc = child(INTERRUPTED, str(db), *map(str, SAMPLES[3:8]))
    try:
        assert proc.stdout.readline().strip() == "in the middle", proc.stderr.read()
        assert any(p.name.endswith(".tmp") for p in db.parent.iterdir())     # the ingest is at work
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert sorted(EventStore(db).query()["event_id"]) == ids                    # nothing half-written
    report = EventStore(db).ingest(timeline.read_articles([str(p) for p in SAMPLES[3:5]]))
    assert (report.articles_new, report.articles_skipped, report.events_before) == (2, 0, len(ids))
    assert not any(p.name.endswith((".tmp", ".wal")) for p in db.parent.iterdir())   # the leftover is gone


STARVED = """
import resource, signal, sys
import timeline
from timeline.store import EventStore
articles = timeline.read_articles(sys.argv[2:])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)        # a write past the limit fails with EFBIG instead
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1].split("@")[1]), resource.RLIM_INFINITY))
try:
    EventStore(sys.argv[1].split("@")[0]).ingest(articles)
except BaseException as err:
    print(type(err).__module__ + "." + type(err).__qualname__)
    print(err)
else:
    print("no error")
"""


@pytest.fixture
def full_disk(store_copy):
    """An ingest that runs out of space (a file size limit just above the store's size)."""
    db, ids = store_copy
    limit = db.stat().st_size + 64 * 1024
    proc = child(STARVED, f"{db}@{limit}", *map(str, SAMPLES[3:]))
    out, err = proc.communicate(timeout=120)
    kind, _, message = out.strip().partition("\n")
    return db, ids, kind, message, err


def test_store_durability_full_disk_keeps_every_committed_event(full_disk):
    db, ids, kind, message, _ = full_disk
    assert kind != "no error", "the ingest was expected to run out of space"
    assert "File too large" in message
    assert sorted(EventStore(db).query()["event_id"]) == ids
    EventStore(db).ingest(timeline.read_articles(str(SAMPLES[3])))         # and the store takes writes again


def test_store_durability_full_disk_is_a_clear_message(full_disk):
    db, _, kind, message, _ = full_disk
    assert kind == "timeline.store.StoreError"
    assert message.startswith(f"{db}: ") and "unchanged" in message


def damage(db: Path, how: str) -> None:
    if how == "garbage":
        with open(db, "r+b") as f:
            f.seek(4096)
            f.write(bytes(range(256)) * 80)
    elif how == "truncated":
        os.truncate(db, db.stat().st_size // 2)
    else:
        db.write_text("not a database\n")


@pytest.mark.parametrize("how", [
    "garbage",
    "truncated",
    "not a database",
])
def test_store_durability_damaged_file_reads_as_a_store_error(store_copy, how):
    db, _ = store_copy
    damage(db, how)
    with pytest.raises(StoreError) as info:
        EventStore(db).query()
    assert str(info.value).startswith(f"{db}: cannot open the event store: ")


@pytest.mark.parametrize("how", ["garbage", "truncated"])
def test_store_durability_ingest_into_a_damaged_store_is_a_store_error(store_copy, how):
    db, _ = store_copy
    damage(db, how)
    with pytest.raises(StoreError) as info:
        EventStore(db).ingest(timeline.read_articles(str(SAMPLES[3])))
    assert str(info.value).startswith(f"{db}: ")
    assert not any(p.name.endswith(".tmp") for p in db.parent.iterdir())


def test_store_durability_command_line_on_a_damaged_store_prints_one_line(store_copy):
    db, _ = store_copy
    damage(db, "truncated")
    proc = child("import sys, timeline.cli; sys.exit(timeline.cli.main(sys.argv[1:]))",
                 "ingest", str(SAMPLES[3]), "--db", str(db))
    _, err = proc.communicate(timeout=120)
    assert proc.returncode != 0
    assert "Traceback" not in err
    assert f"error: {db}: " in err


def test_store_durability_the_documented_rebuild_restores_every_event(store_copy, capsys):
    from timeline.cli import main

    readme = (ROOT / "README.md").read_text()
    assert "rebuilt by one command: move data/timeline.duckdb away, then `python -m timeline ingest" in readme
    db, ids = store_copy
    damage(db, "garbage")
    db.rename(db.with_name("damaged.duckdb"))
    assert main(["ingest", *map(str, SAMPLES[:3]), "--db", str(db)]) == 0
    assert sorted(EventStore(db).query()["event_id"]) == ids
