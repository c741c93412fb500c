"""Event rows for tests: one full, valid event, changed field by field."""
import datetime as dt

from timeline import schema


def make_event(**changes):
    base = dict(
        date_start=dt.date(2019, 1, 1), date_end=dt.date(2019, 12, 31), date_precision="year", date_text="in 2019",
        status="occurred", event_type="summit", plover="CONSULT", actor1="Kim Jong Un", actor2="Vladimir Putin",
        actors="Kim Jong Un; Vladimir Putin", actor1_country="PRK", actor2_country="RUS", location="Vladivostok",
        country="RUS", lat=43.1056, lon=131.8735, geo_precision="city", reported_by=None, trigger="summit",
        sentence="Kim had a summit with Putin in Vladivostok in 2019.", sentence_start=0,
        spans='{"trigger": [10, 16]}', article_id="a1", article_ids="a1", title="T", source="S", url=None,
        published=dt.date(2023, 9, 11),
    )
    base.update(changes)
    return schema.Event(**base)


def make_frame(*events):
    return schema.to_frame(list(events))
