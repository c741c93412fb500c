"""The page, headless: streamlit.testing.v1.AppTest runs dashboard.py as a user would see it."""
import csv
import io
from pathlib import Path

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from timeline.filters import split_names
from timeline.schema import EVENT_COLUMNS

PAGE = str(Path(__file__).resolve().parent.parent / "dashboard.py")


SAVED_MEDIA: dict[str, bytes] = {}


@pytest.fixture(scope="module", autouse=True)
def record_media():
    """Keep a copy of every file the page hands to Streamlit's media store (downloads), by file id."""
    original = MemoryMediaFileStorage.load_and_get_id

    def recording(self, path_or_data, mimetype, kind, filename=None):
        file_id = original(self, path_or_data, mimetype, kind, filename)
        if isinstance(path_or_data, bytes):
            SAVED_MEDIA[file_id] = path_or_data
        return file_id

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(MemoryMediaFileStorage, "load_and_get_id", recording)
        yield


@pytest.fixture(scope="module")
def app(record_media):
    at = AppTest.from_file(PAGE, default_timeout=180)
    at.run()
    assert not at.exception, at.exception
    return at


def _download_bytes(at) -> bytes:
    """The bytes behind the page's download button, as the browser would receive them."""
    (button,) = at.get("download_button")
    file_id = button.proto.url.rsplit("/", 1)[-1].split(".")[0]
    return SAVED_MEDIA[file_id]


def test_page_runs_and_shows_both_charts(app):
    charts = app.get("plotly_chart")
    assert len(charts) == 2
    timeline_spec, map_spec = (c.proto.spec for c in charts)
    assert '"type":"date"' in timeline_spec.replace(" ", "")
    assert "scattergeo" in map_spec


def test_page_table_lists_the_sample_events(app):
    table = app.dataframe[0].value
    assert len(table) >= 30
    assert {"date_start", "event_type", "actors", "location", "sentence"} <= set(table.columns)


def test_page_actor_filter_shrinks_the_table_to_that_actor(app):
    before = len(app.dataframe[0].value)
    (actors,) = [m for m in app.sidebar.multiselect if m.label == "Actors"]
    assert "Sergei Lavrov" in actors.options[0] or any("Sergei Lavrov" in o for o in actors.options)
    actors.set_value(["Sergei Lavrov"]).run()
    table = app.dataframe[0].value
    assert 0 < len(table) < before
    assert all("Sergei Lavrov" in split_names(a) for a in table["actors"])


def test_page_csv_download_holds_exactly_the_filtered_rows(app):
    table = app.dataframe[0].value
    payload = _download_bytes(app).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(payload)))
    assert list(rows[0].keys()) == list(EVENT_COLUMNS)
    assert len(rows) == len(table)
    assert [r["sentence"] for r in rows] == list(table["sentence"])
    assert all("Sergei Lavrov" in r["actors"].split("; ") for r in rows)
