"""Hostile and hard inputs (issue #9, points 2-4): each ends in articles or a message naming the problem,
within a bound on time and memory; exports are inert and valid; the page's settings bound what one
user can cost.

Bounds are safety nets, not speed goals (those are in benchmarks/): time and Python memory (tracemalloc
peak) are measured inside each test with limits a loaded CI machine meets many times over. Inputs whose
parse ran for minutes before the fixes of issue #9 (sentence boundaries, run-on lines, the gazetteer's
lower-case scan) run in a child process that is killed at the bound, so a regression costs the suite that
bound, never minutes.

Every input is generated here at run time: nothing big is committed.
"""
from __future__ import annotations

import ast
import contextlib
import csv
import io
import json
import os
import random
import resource
import struct
import subprocess
import sys
import time
import tomllib
import tracemalloc
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import timeline
from timeline import export, gazetteer, temporal
from timeline.articles import read_articles, read_bytes, read_text
from timeline.errors import ArticleError
from timeline.schema import check_frame

ROOT = Path(__file__).resolve().parent.parent
PROSE = ("Russian President Vladimir Putin met North Korean leader Kim Jong Un in Vladivostok on Monday. "
         "The two leaders signed an agreement, state media said.\n\n")
ONE_MB_LINE = ("Putin met Kim in Vladivostok on Monday and they signed an agreement, " * 15_000)[:1_000_000]


@contextlib.contextmanager
def bounded(seconds: float, megabytes: float):
    """Fail when the block takes longer than *seconds* or allocates more than *megabytes* at its peak."""
    tracemalloc.start()
    started = time.monotonic()
    try:
        yield
    finally:
        elapsed = time.monotonic() - started
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    assert elapsed < seconds, f"took {elapsed:.1f} s (bound {seconds} s)"
    assert peak < megabytes, f"peak {peak:.0f} MB of Python memory (bound {megabytes} MB)"


def reported(data: bytes, name: str) -> tuple[list, list[str]]:
    report: list = []
    found = read_bytes(data, name, report=report)
    return found, [str(e) for e in report]


def make_zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data,
                             compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


# Inputs whose parse once took minutes: run in child processes, started together so their bounds overlap -----

CHILD_BOUND = 40.0           # seconds from the module's start; a fixed pipeline needs a few
CHILD_MEGABYTES = 1500       # resident memory of the whole child, interpreter, pandas and gazetteer included
CHILD_CASES = {
    "question_marks": "text = '?' * 100_000",
    "one_megabyte_line": f"text = ({'Putin met Kim in Vladivostok on Monday and they signed an agreement, '!r}"
                         " * 15_000)[:1_000_000]",
}
CHILD_CODE = """
import json, resource, sys, time
import timeline
timeline.parse_text("warm up: Putin met Kim in Moscow on Monday.")
{setup}
started = time.monotonic()
frame = timeline.parse_text(text, published="2023-09-13")
timeline.schema.check_frame(frame)
assert all(text[s:s + len(x)] == x for s, x in zip(frame["sentence_start"], frame["sentence"]))
print(json.dumps({{"rows": len(frame), "seconds": time.monotonic() - started,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


class SlowParses:
    """Child processes parsing the inputs of CHILD_CASES, started together when the module starts."""

    def __init__(self):
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.started = time.monotonic()
        self.procs = {name: subprocess.Popen([sys.executable, "-c", CHILD_CODE.format(setup=setup)], cwd=ROOT,
                                             env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
                      for name, setup in CHILD_CASES.items()}

    def result(self, name: str):
        proc = self.procs[name]
        try:
            out, _ = proc.communicate(timeout=max(0.1, CHILD_BOUND - (time.monotonic() - self.started)))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            return f"still running after {CHILD_BOUND:g} s"
        return json.loads(out) if proc.returncode == 0 else f"exited with {proc.returncode}"

    def stop(self):
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()


@pytest.fixture(scope="module", autouse=True)
def slow_parses():
    children = SlowParses()
    try:
        yield children
    finally:
        children.stop()


def check_child(result) -> dict:
    assert isinstance(result, dict), result
    assert result["rss_mb"] < CHILD_MEGABYTES, result
    return result


# 1. Size ------------------------------------------------------------------------------------------------

def test_hostile_twenty_megabyte_text_file_is_refused_as_one_article(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(("Huge\n\n" + PROSE * (19_990_000 // len(PROSE))).encode())
    with bounded(15, 500):
        with pytest.raises(ArticleError) as info:
            read_articles(path)
    assert str(info.value) == (f"{path}: article is too long (19,989,982 characters; the limit is 1,000,000): "
                               "split it into articles")


def test_hostile_twenty_megabytes_of_articles_are_all_read(tmp_path):
    line = json.dumps({"title": "Summit #", "text": "Story #. " + PROSE * 20, "published": "2023-09-13"}) + "\n"
    count = 19_900_000 // (len(line) + 8)
    data = "".join(line.replace("#", str(i)) for i in range(count)).encode()
    path = tmp_path / "many.jsonl"
    path.write_bytes(data)
    assert 19_000_000 < len(data) <= 20_000_000
    with bounded(60, 1000):
        found = read_articles(path)
    assert len(found) == count == 6_341
    assert found[0].title == "Summit 0" and found[-1].title == f"Summit {count - 1}"


def test_hostile_one_megabyte_line_is_read_as_one_article():
    with bounded(15, 300):
        [article] = read_bytes(ONE_MB_LINE.encode(), "line.txt")
    assert article.text == ONE_MB_LINE.rstrip()
    assert article.title == "Putin met Kim in Vladivostok on Monday and they signed an agreement, Putin met…"


def test_hostile_question_marks_read_and_tag_quickly():
    text = "?" * 100_000
    gazetteer.find("Loading the gazetteer is no part of the bound.")
    with bounded(10, 300):
        [article] = read_bytes(text.encode(), "q.txt")
        assert temporal.tag(text) == []
        assert gazetteer.find(text) == []
    assert article.text == text and article.title == "?" * 80 + "…"


# 2. Markup, entities, archives ---------------------------------------------------------------------------

def test_hostile_deeply_nested_html():
    data = b"<html><body><p>Putin met Kim in Moscow on Monday.</p>" + b"<div>" * 100_000 + b"</div>" * 100_000
    with bounded(30, 500):
        found, problems = reported(data, "nested.html")
    assert [a.text for a in found] == ["Putin met Kim in Moscow on Monday."] and problems == []
    with bounded(30, 500):
        found, problems = reported(b"<html><body>" + b"<div>" * 100_000 + b"Lost.", "deep.html")
    assert found == [] and problems == ["deep.html: no article text found in the HTML page"]


LAUGHS = '<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{i} "{("&lol;" if i == 1 else f"&lol{i - 1};") * 10}">' for i in range(1, 10))


@pytest.mark.parametrize("name,data", [
    ("laughs.xml", f'<?xml version="1.0"?><!DOCTYPE rss [{LAUGHS}]><rss version="2.0"><channel><title>F</title>'
                   '<item><title>T</title><description>Putin met Kim. &lol9;</description></item></channel></rss>'),
    ("laughs.html", f'<?xml version="1.0"?><!DOCTYPE html [{LAUGHS}]><html><head><title>T</title></head>'
                    '<body><p>Putin met Kim in Moscow on Monday. &lol9;</p></body></html>'),
    ("quadratic.xml", f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "{"A" * 100_000}">]><rss version="2.0">'
                      f'<channel><title>F</title><item><title>T</title><description>Putin met Kim. {"&a;" * 10_000}'
                      '</description></item></channel></rss>'),
    ("quadratic.html", f'<!DOCTYPE html [<!ENTITY a "{"A" * 100_000}">]><html><body><p>Putin met Kim. '
                       f'{"&a;" * 10_000}</p></body></html>'),
], ids=["laughs.xml", "laughs.html", "quadratic.xml", "quadratic.html"])
def test_hostile_entity_expansion_is_not_expanded(name, data):
    with bounded(30, 500):
        found, problems = reported(data.encode(), name)
    assert problems == []
    [article] = found
    assert "lollol" not in article.text and "AAAA" not in article.text
    assert article.text.startswith("Putin met Kim")
    assert len(article.text) < 50_000


def test_hostile_zip_bomb_by_ratio_and_by_nesting():
    with bounded(10, 300):
        found, problems = reported(make_zip({"zeros.txt": b"T\n\n" + b"A" * 50_000_000}), "ratio.zip")
    assert found == []
    assert problems == [f"ratio.zip: archive unpacks to 50 MB from {problems[0].split(' from ')[1].split(',')[0]}, "
                        "past the limits (200 MB, 100 times): refused as a possible ZIP bomb"]
    leaf = make_zip({"x.txt": b"T\n\n" + b"word " * 1_000_000})
    for _ in range(4):                                            # 42.zip: 10,000 leaves of 5 MB each
        leaf = make_zip({f"{i}.zip": leaf for i in range(10)})
    with bounded(10, 300):
        found, problems = reported(leaf, "42.zip")
    assert found == [] and len(problems) == 100
    assert problems[0] == "42.zip!0.zip!0.zip: archives nested more than 2 deep are not read"


def test_hostile_zip_whose_header_lies_about_its_size():
    data = bytearray(make_zip({"a.txt": b"T\n\n" + b"A" * 30_000_000}))
    struct.pack_into("<I", data, 22, 1000)                        # local header: uncompressed size
    central = data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 1000)              # central directory: uncompressed size
    with bounded(10, 300):
        found, problems = reported(bytes(data), "lie.zip")
    assert found == [] and problems == ["lie.zip!a.txt: cannot unpack (Bad CRC-32 for file 'a.txt')"]


# 3. Bytes that are not text ------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10,
    b"\x7fELF" + random.Random(1).randbytes(3000),
    random.Random(0).randbytes(5000),
    b"%PDF-1.7\n" + random.Random(2).randbytes(2000),
], ids=["png", "elf", "random", "pdf"])
def test_hostile_binary_file_named_txt(data, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError) as info:
        read_articles(path)
    assert str(info.value) == f"{path}: binary file, not text"


@pytest.mark.parametrize("data,text,problem", [
    (b"\x00" * 1000, None, "nul.txt: file is empty"),
    (b"Title\n\nPutin \x00met\x00 Kim in Moscow.", "Putin met Kim in Moscow.", None),
    (b"Title\n\n" + b"Putin met Kim. \x00\x01\x02\x03" * 200, None, "nul.txt: binary file, not text"),
])
def test_hostile_nul_bytes(data, text, problem):
    found, problems = reported(data, "nul.txt")
    assert [a.text for a in found] == ([text] if text else [])
    assert problems == ([problem] if problem else [])


def test_hostile_lone_surrogates_in_json_become_replacement_characters():
    data = json.dumps([{"title": "Summit \udc00", "text": "Putin visited Moscow \ud800 on Monday.",
                        "source": "Wire \ud800", "published": "2023-09-13"}]).encode()
    [article] = read_bytes(data, "s.json")
    assert (article.title, article.text, article.source) == (
        "Summit \ufffd", "Putin visited Moscow \ufffd on Monday.", "Wire \ufffd")
    frame = timeline.parse([article])
    assert len(frame) == 1 and frame.loc[0, "event_type"] == "visit"
    assert export.to_csv(frame).decode("utf-8").count("\ufffd") == 3


# 4. Scripts and languages --------------------------------------------------------------------------------

RTL = ("\u202eMOSCOW\u202c, Sept 13 (Reuters) - Russian President Vladimir Putin \U0001f1f7\U0001f1fa met North "
       "Korean leader Kim Jong Un \U0001f1f0\U0001f1f5 in Vladivostok on Wednesday \U0001f44d. The two leaders "
       "signed an agreement, state media said \u200f(\u0645\u0635\u062f\u0631)\u200f.")


def test_hostile_right_to_left_marks_and_emoji_keep_offsets_and_rows():
    frame = timeline.parse_text(RTL, published="2023-09-13")
    check_frame(frame)
    # the meeting, and the agreement the two leaders signed (an event of its own, not more of the meeting)
    assert sorted(frame["event_type"]) == ["agreement", "meeting"]
    [row] = frame[frame["event_type"] == "meeting"].to_dict("records")
    assert (row["event_type"], row["actors"], row["location"], str(row["date_start"].date())) == (
        "meeting", "Vladimir Putin; Kim Jong Un", "Vladivostok", "2023-09-13")
    sentence = RTL[row["sentence_start"]:row["sentence_start"] + len(row["sentence"])]
    assert sentence == row["sentence"]
    spans = json.loads(row["spans"])
    assert sentence[slice(*spans["actor1"])] == "Russian President Vladimir Putin"
    assert sentence[slice(*spans["location"])] == "Vladivostok"
    assert sentence[slice(*spans["date"])] == "Wednesday"
    back = [r for r in csv.DictReader(io.StringIO(export.to_csv(frame).decode("utf-8"))) if r["event_type"] == "meeting"]
    assert back[0]["sentence"] == row["sentence"]                # emoji and direction marks survive the export


FOREIGN = {
    "de": "Der russische Präsident Wladimir Putin hat am Mittwoch den nordkoreanischen Machthaber Kim Jong Un auf "
          "dem Weltraumbahnhof Wostotschny empfangen. Die beiden Staatschefs unterzeichneten nach Angaben des "
          "Kremls eine Vereinbarung über militärische Zusammenarbeit. Kim reiste mit seinem Zug nach Russland.",
    "ru": "Президент России Владимир Путин в среду встретился с лидером КНДР Ким Чен Ыном на космодроме Восточный. "
          "Стороны подписали соглашение о военном сотрудничестве, сообщили в Кремле. Ким прибыл в Россию.",
    "zh": "俄罗斯总统普京周三在东方航天发射场会见了朝鲜领导人金正恩。据克里姆林宫称，双方签署了军事合作协议。"
          "金正恩乘坐装甲列车抵达俄罗斯。",
    "fr": "Le président russe Vladimir Poutine a rencontré mercredi le dirigeant nord-coréen Kim Jong Un au "
          "cosmodrome de Vostotchny. Les deux dirigeants ont signé un accord de coopération militaire.",
    "ar": "التقى الرئيس الروسي فلاديمير بوتين الزعيم الكوري الشمالي كيم جونغ أون يوم الأربعاء في قاعدة فوستوتشني.",
    "de-short": "Putin traf Kim am Montag in Moskau.",
    "es-short": "Putin visitó Pyongyang el lunes.",
}


@pytest.mark.parametrize("lang", list(FOREIGN))
def test_hostile_article_in_another_language_gives_no_invented_events(lang):
    frame = timeline.parse_text(FOREIGN[lang], published="2023-09-13", title="Nachrichten")
    check_frame(frame)
    assert len(frame) == 0


# 5. Safe output ------------------------------------------------------------------------------------------

FORMULAS = ["=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1",
            "=cmd|' /C calc'!A0"]


def hostile_frame() -> pd.DataFrame:
    frame = timeline.parse_text("Putin met Kim in Vladivostok on Monday.", published="2023-09-13")
    assert len(frame) == 1
    frame = pd.concat([frame] * len(FORMULAS), ignore_index=True)
    for column in frame.columns:
        if frame[column].dtype == "str" and column not in ("event_id", "spans"):
            frame[column] = pd.Series(FORMULAS, dtype="str")
    frame["event_id"] = pd.Series([f"e{i}" for i in range(len(FORMULAS))], dtype="str")
    frame["lat"] = [float("nan"), 10.0, 20.0, float("nan"), 1.0, 2.0, 3.0]
    return check_frame(frame)


def test_hostile_csv_cells_that_start_a_formula_are_inert():
    frame = hostile_frame()
    rows = list(csv.DictReader(io.StringIO(export.to_csv(frame).decode("utf-8"), newline="")))
    assert len(rows) == len(FORMULAS)
    text_columns = [c for c in frame.columns if frame[c].dtype == "str" and c not in ("event_id", "spans")]
    for row, formula in zip(rows, FORMULAS):
        for column in text_columns:
            assert row[column] == "'" + formula.replace("\r", "\n"), (column, row[column])
            assert not row[column].startswith(("=", "+", "-", "@", "\t", "\r"))


def _strict_json(data: bytes):
    def no_constant(name):
        raise ValueError(f"not JSON: {name}")

    return json.loads(data.decode("utf-8"), parse_constant=no_constant)


def test_hostile_json_and_geojson_are_valid():
    frame = hostile_frame()
    records = _strict_json(export.to_json(frame))
    assert [r["title"] for r in records] == FORMULAS                 # JSON keeps values as they are
    assert records[0]["lat"] is None
    geo = _strict_json(export.to_geojson(frame))
    assert geo["type"] == "FeatureCollection"
    assert [f["id"] for f in geo["features"]] == ["e1", "e2", "e4", "e5", "e6"]
    for feature in geo["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point" and isinstance(lon, float) and isinstance(lat, float)
    slides = _strict_json(export.to_timelinejs(frame))["events"]
    assert slides and all("<" not in s["text"]["text"] for s in slides)


SCRIPT = '<script>window.__pwned = 1; alert("x")</script><img src=x onerror="alert(1)">'


def test_hostile_markup_in_article_text_is_escaped_in_the_page_html():
    from timeline.charts import hover_text
    from timeline.ui.highlight import article_html

    text = f"Putin met Kim in Vladivostok on Monday. {SCRIPT}"
    frame = timeline.parse_text(text, published="2023-09-13", title=SCRIPT)
    shown = article_html(text, [(0, 5, "actor1")], [(0, 39, 1)])
    assert "<script" not in shown and "<img" not in shown and "&lt;script&gt;" in shown
    row = frame.iloc[0].to_dict()
    row.update(sentence=SCRIPT, title=SCRIPT, actors=SCRIPT, location=SCRIPT, source=SCRIPT)
    label = hover_text(row)
    assert "<script" not in label and "<img" not in label and "&lt;script&gt;" in label


# 6. The page's settings (point 4) ------------------------------------------------------------------------

def test_hostile_page_settings_bound_uploads_and_hide_tracebacks():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert 20 <= config["server"]["maxUploadSize"] <= 200                 # MB; readers refuse files past 20 MB
    assert config["client"]["showErrorDetails"] in ("none", False)


def test_hostile_page_caches_are_bounded():
    found = []
    for path in [ROOT / "dashboard.py", *sorted((ROOT / "timeline" / "ui").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for deco in node.decorator_list:
                call = deco if isinstance(deco, ast.Call) else None
                target = call.func if call else deco
                if isinstance(target, ast.Attribute) and target.attr in ("cache_data", "cache_resource"):
                    keys = {k.arg for k in call.keywords} if call else set()
                    found.append((path.name, node.name, bool(keys & {"max_entries", "ttl"})))
    assert found, "the page caches nothing? then this test checks nothing"
    assert [f for f in found if not f[2]] == []


def test_hostile_pasted_text_over_the_limit_is_a_message():
    with pytest.raises(ArticleError) as info:
        read_text("Title\n\n" + "word " * 300_000)
    assert str(info.value) == ("pasted text: article is too long (1,499,999 characters; the limit is 1,000,000): "
                               "split it into articles")


def test_hostile_resource_use_of_this_module_stays_bounded():
    """The process's peak resident memory after the tests above (they run first in this file)."""
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert peak_mb < 3000, f"peak resident memory {peak_mb:.0f} MB"


# Last: the parses that run in child processes since the module started ------------------------------

def test_hostile_one_megabyte_line_parses_within_the_bound(slow_parses):
    # 15,000 repeats of one clause on one line: cut into pieces, merged into a few events
    assert 1 <= check_child(slow_parses.result("one_megabyte_line"))["rows"] <= 10


def test_hostile_question_marks_parse_within_the_bound(slow_parses):
    assert check_child(slow_parses.result("question_marks"))["rows"] == 0


# 7. Supply chain (point 7): floors above releases with known advisories ---------------------------------
# pip-audit in .ci/run asks PyPI's advisory API; where it cannot be reached, this table stands in.
ADVISORY_FLOORS = {
    "streamlit": "1.54",          # issue #9's floor (earlier releases carry published advisories)
    "lxml": "5.0",                # issue #9's floor (lxml 4.x: CVE-2022-2309 and later)
    "lxml_html_clean": "0.4",     # CVE-2024-52595 (XSS through the cleaner), fixed in 0.4.0
    "duckdb": "1.1",              # CVE-2024-41672 (file access through sniffer functions), fixed in 1.1.0
    "pyarrow": "14.0.1",          # CVE-2023-47248 (arbitrary code in IPC/Parquet reading), fixed in 14.0.1
    "feedparser": "6.0.11",
}


def _floors() -> dict[str, str]:
    floors = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if ">=" in line:
            name, _, version = line.partition(">=")
            floors[name.strip().lower().replace("-", "_")] = version.split(",")[0].strip()
    return floors


@pytest.mark.parametrize("package,safe", list(ADVISORY_FLOORS.items()))
def test_hostile_dependency_floors_sit_above_known_advisories(package, safe):
    from importlib.metadata import version

    from packaging.version import Version

    floors = _floors()
    assert package in floors, f"requirements.txt has no floor for {package}"
    assert Version(floors[package]) >= Version(safe), f"{package}>={floors[package]} allows releases before {safe}"
    assert Version(version(package)) >= Version(safe)          # and what is installed here is above it too
