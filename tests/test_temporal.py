"""Tests of timeline.temporal: one table per rule, the anchor always pinned."""
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import temporal
from timeline.temporal import Timex

D = dt.date
MON = D(2023, 9, 11)  # a Monday
WED = D(2023, 9, 13)


def one(text, anchor=MON):
    """The single Timex found in text, as (text, type, value)."""
    found = temporal.tag(text, anchor)
    assert len(found) == 1, found
    t = found[0]
    return t.text, t.type, t.value


def interval(text, anchor=MON):
    found = temporal.tag(text, anchor)
    assert len(found) == 1, found
    t = found[0]
    return t.date_start, t.date_end, t.precision


# --- the contract -----------------------------------------------------------------


def test_temporal_timex_is_a_frozen_slotted_dataclass():
    t = temporal.tag("on 2023-09-11", MON)[0]
    assert isinstance(t, Timex)
    with pytest.raises(AttributeError):
        t.value = "x"
    assert not hasattr(t, "__dict__")


@pytest.mark.parametrize("anchor", [D(2023, 9, 13), dt.datetime(2023, 9, 13, 18, 30), "2023-09-13"])
def test_temporal_accepts_date_datetime_and_iso_string_anchors(anchor):
    assert one("The delegation arrived on Monday.", anchor) == ("Monday", "DATE", "2023-09-11")


@pytest.mark.parametrize("bad", [42, b"Monday", None])
def test_temporal_rejects_non_str_text(bad):
    with pytest.raises(TypeError):
        temporal.tag(bad, MON)


@pytest.mark.parametrize("bad", ["yesterday", "2023-13-45"])
def test_temporal_rejects_an_unreadable_anchor_string(bad):
    with pytest.raises(ValueError):
        temporal.tag("on Monday", bad)


@pytest.mark.parametrize("text", ["", "   ", "No dates here at all.", "?????", "1234567890" * 5])
def test_temporal_finds_nothing_in_text_without_dates(text):
    assert temporal.tag(text, MON) == []


# --- full dates ---------------------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("Talks opened on September 11, 2023 in Geneva.", ("September 11, 2023", "DATE", "2023-09-11")),
    ("Talks opened on 11 September 2023 in Geneva.", ("11 September 2023", "DATE", "2023-09-11")),
    ("Talks opened on Sept. 11, 2023 in Geneva.", ("Sept. 11, 2023", "DATE", "2023-09-11")),
    ("Talks opened on the 11th of September 2023.", ("the 11th of September 2023", "DATE", "2023-09-11")),
    ("Talks opened on Sept. 11 in Geneva.", ("Sept. 11", "DATE", "2023-09-11")),
    ("The treaty was signed on March 5, 1946.", ("March 5, 1946", "DATE", "1946-03-05")),
])
def test_temporal_reads_full_dates_in_common_writings(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Filed 2023-09-11 by the ministry.", ("2023-09-11", "DATE", "2023-09-11")),
    ("Filed 2023/09/11 by the ministry.", ("2023/09/11", "DATE", "2023-09-11")),
    ("Filed 09/11/2023 by the ministry.", ("09/11/2023", "DATE", "2023-09-11")),  # month first
    ("Filed 25/12/2022 by the ministry.", ("25/12/2022", "DATE", "2022-12-25")),  # day > 12
    ("Filed 2023-09-11T15:30 by the ministry.", ("2023-09-11T15:30", "TIME", "2023-09-11T15:30")),
])
def test_temporal_reads_numeric_dates_month_first(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Signed on 11.09.2023 in Bonn.", ("11.09.2023", "DATE", "2023-09-11")),
    ("Signed on 11-Sep-23 in Bonn.", ("11-Sep-23", "DATE", "2023-09-11")),
])
def test_temporal_reads_dotted_and_abbreviated_dates_day_first(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize("text,anchor,value", [
    ("Payments resume on Jan. 14.", D(2000, 1, 5), "2000-01-14"),   # nearest: this January
    ("Shipments stopped on Nov. 25.", D(2000, 1, 7), "1999-11-25"),  # nearest: last November
    ("The fiscal year ended March 31.", D(1989, 10, 31), "1989-03-31"),  # past tense looks back
    ("The vote will be held on March 31.", D(1989, 10, 31), "1990-03-31"),
    ("The premier called an election for July 4.", D(2024, 5, 22), "2024-07-04"),  # what is called for
])
def test_temporal_picks_the_year_of_a_month_day_by_distance_and_tense(text, anchor, value):
    assert one(text, anchor)[2] == value


# --- years, months, seasons, quarters, decades -------------------------------------------


@pytest.mark.parametrize("text,expected,span", [
    ("The two leaders met in 2019.", ("2019", "DATE", "2019"), (D(2019, 1, 1), D(2019, 12, 31), "year")),
    ("Since the 2019 summit, ties have grown.", ("2019", "DATE", "2019"),
     (D(2019, 1, 1), D(2019, 12, 31), "year")),
    ("Output fell in fiscal 1989.", ("fiscal 1989", "DATE", "1989"), (D(1989, 1, 1), D(1989, 12, 31), "year")),
])
def test_temporal_keeps_year_precision(text, expected, span):
    assert one(text) == expected
    assert interval(text) == span


@pytest.mark.parametrize("text", [
    "The plant employs 2019 workers.",
    "It cost $2019 in total.",
    "Turnout was 1990 votes short.",
    "The scores were 3, 1995 and 12.",  # a number after a number and a comma
])
def test_temporal_ignores_numbers_that_are_not_years(text):
    assert temporal.tag(text, MON) == []


@pytest.mark.parametrize("text,expected", [
    ("Talks will settle the future of Crimea.", []),  # its fate, not a time
    ("Talks will go on in the future.", [("the future", "FUTURE_REF")]),
])
def test_temporal_the_future_of_something_is_no_time(text, expected):
    assert [(t.text, t.value) for t in temporal.tag(text, MON)] == expected


@pytest.mark.parametrize("text,expected", [
    # a bare plural unit is a span of time of unknown length wherever it stands
    ("He will give up the post within days.", [("days", "PXD")]),
    ("The country endured years of chaos.", [("years", "PXY")]),
    ("The deal ends months of wrangling.", [("months", "PXM")]),
    ("The rules arrive weeks after the revelations.", [("weeks", "PXW")]),
    ("He said the matter was settled years ago.", [("years ago", "PAST_REF")]),
    ("Boats reached the plane within minutes.", [("minutes", "PTXM")]),
    ("The minutes of the meeting were released.", []),  # the record
    ("Shares rose in after-hours trading.", []),
    # not after a number or a quantifier (other rules read those), nor "apart" or an age
    ("The two votes were days apart.", []),
    ("Funds buy on days when prices fall.", []),
    ("A 50-year-old man was held.", []),
])
def test_temporal_reads_bare_plural_units(text, expected):
    assert [(t.text, t.value) for t in temporal.tag(text, MON)] == expected


def test_temporal_reads_every_year_of_a_list():
    text = "The Games were cancelled in 1916, 1940 and 1944, and held in 1948, 1952."
    assert [t.value for t in temporal.tag(text, MON)] == ["1916", "1940", "1944", "1948", "1952"]


@pytest.mark.parametrize("text,expected", [
    ("Prices rose in March.", ("March", "DATE", "2023-03")),
    ("The summit will take place in November.", ("November", "DATE", "2023-11")),
    ("Prices rose in November.", ("November", "DATE", "2022-11")),
    ("The talks will resume in March.", ("March", "DATE", "2024-03")),
    ("Output dropped last April.", ("last April", "DATE", "2023-04")),
    ("The committee meets next January.", ("next January", "DATE", "2024-01")),
    ("Trade recovered in September 2022.", ("September 2022", "DATE", "2022-09")),
])
def test_temporal_resolves_bare_months_with_tense(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize("text,anchor,value", [
    ("Output peaked in March.", D(1989, 7, 15), "1989-03"),  # 4 months back, 8 ahead
    ("The dividend is payable in January.", D(1989, 10, 26), "1990-01"),  # 3 ahead, 9 back
    ("The dividend is payable in December.", D(1989, 11, 2), "1989-12"),
    ("Merger talks in February.", D(1989, 8, 30), "1989-02"),  # 6 either way: leans back
    ("The merger closes in February.", D(1989, 8, 30), "1990-02"),  # a present-tense schedule looks ahead
])
def test_temporal_resolves_a_month_without_tense_to_the_nearer_leaning_back(text, anchor, value):
    assert one(text, anchor)[2] == value


@pytest.mark.parametrize("text", [
    "Officials may visit the site.",
    "Protesters march through the capital.",
])
def test_temporal_does_not_read_may_or_march_as_months_in_running_text(text):
    assert temporal.tag(text, MON) == []


@pytest.mark.parametrize("text,expected,span", [
    ("Talks failed early September.", ("early September", "DATE", "2023-09"),
     (D(2023, 9, 1), D(2023, 9, 10), "month")),
    ("Talks failed in late 2019.", ("late 2019", "DATE", "2019"), (D(2019, 9, 2), D(2019, 12, 31), "year")),
])
def test_temporal_narrows_early_and_late_to_a_third(text, expected, span):
    assert one(text) == expected
    assert interval(text) == span


@pytest.mark.parametrize("text,expected,span", [
    ("Exports grew this summer.", ("this summer", "DATE", "2023-SU"), (D(2023, 6, 1), D(2023, 8, 31), "season")),
    ("The visit took place last winter.", ("last winter", "DATE", "2022-WI"),
     (D(2022, 12, 1), D(2023, 2, 28), "season")),
    ("More will arrive before winter closes the route.", ("winter", "DATE", "2023-WI"),
     (D(2023, 12, 1), D(2024, 2, 29), "season")),
    ("Profit rose in the third quarter.", ("the third quarter", "DATE", "2023-Q3"),
     (D(2023, 7, 1), D(2023, 9, 30), "quarter")),
    ("Its third-quarter profit rose.", ("third-quarter", "DATE", "2023-Q3"),
     (D(2023, 7, 1), D(2023, 9, 30), "quarter")),
    ("Sales were flat in Q2 2022.", ("Q2 2022", "DATE", "2022-Q2"), (D(2022, 4, 1), D(2022, 6, 30), "quarter")),
    ("Sales were flat in the first half of 2022.", ("the first half of 2022", "DATE", "2022-H1"),
     (D(2022, 1, 1), D(2022, 6, 30), "half")),
    ("Relations thawed in the 1990s.", ("the 1990s", "DATE", "199"), (D(1990, 1, 1), D(1999, 12, 31), "decade")),
    ("Relations thawed in the '80s.", ("the '80s", "DATE", "198"), (D(1980, 1, 1), D(1989, 12, 31), "decade")),
    ("Borders were drawn in the 20th century.", ("the 20th century", "DATE", "19"),
     (D(1900, 1, 1), D(1999, 12, 31), "century")),
])
def test_temporal_reads_seasons_quarters_halves_decades_centuries(text, expected, span):
    assert one(text) == expected
    assert interval(text) == span


# --- weekdays and tense ----------------------------------------------------------------


@pytest.mark.parametrize("text,anchor,value", [
    ("The envoy arrived on Monday.", MON, "2023-09-11"),  # the anchor day itself
    ("The envoy arrived on Monday.", WED, "2023-09-11"),
    ("The envoy arrived on Friday.", MON, "2023-09-08"),
    ("Officials said on Tuesday that talks had stalled.", MON, "2023-09-05"),
    ("The envoy landed in Beijing on Sunday.", MON, "2023-09-10"),
    ("Britain beat New Zealand in Cardiff on Wednesday, and athletes will compete in London.", MON, "2023-09-06"),
])
def test_temporal_resolves_bare_weekday_backwards(text, anchor, value):
    assert one(text, anchor)[2] == value


@pytest.mark.parametrize("text,value", [
    ("The envoy will arrive on Friday.", "2023-09-15"),
    ("The summit could begin as early as Tuesday.", "2023-09-12"),
    ("Talks are expected to start on Wednesday.", "2023-09-13"),
    ("A vote is scheduled for Thursday.", "2023-09-14"),
    ("The new rules take effect on Friday.", "2023-09-15"),  # a rule's schedule in the present tense
    ("Group play continues on Wednesday.", "2023-09-13"),
    ("The ministry publishes its tally on Thursday.", "2023-09-14"),
    ("If the weather turns, NASA can try again on Saturday.", "2023-09-16"),  # what can still be done
    ("The meeting, potentially occurring as early as Tuesday, was confirmed.", "2023-09-12"),
])
def test_temporal_resolves_bare_weekday_forwards_in_future_context(text, value):
    assert one(text)[2] == value


@pytest.mark.parametrize("text,value", [
    ("Lawyers said they would fight Friday's ruling.", "2023-09-08"),  # a possessive looks back
    ("Rebels courted voters ahead of Sunday's referendum.", "2023-09-17"),  # unless it is ahead
    ("Officials could not be reached on Friday.", "2023-09-08"),
    ("The vote will be held on Friday.", "2023-09-15"),
    ("He will be formally proclaimed king on Saturday.", "2023-09-16"),  # an adverb inside the auxiliaries
    ("He was formally proclaimed king on Saturday.", "2023-09-09"),
])
def test_temporal_reads_tense_through_auxiliaries_and_possessives(text, value):
    assert one(text)[2] == value


# "has" before a noun is having, not the perfect tense; a plan that "had been scheduled" says
# nothing of which side of the anchor its month's day lies (the nearer one is taken)
@pytest.mark.parametrize("text,anchor,value", [
    ("He has a cabinet to form before the inauguration on Jan. 20.", D(2008, 11, 5), "2009-01-20"),
    ("He has met the envoy on Jan. 20.", D(2008, 11, 5), "2008-01-20"),
    ("They have already signed the deal on Oct. 20.", D(2008, 11, 5), "2008-10-20"),
    ("The Games had been scheduled for July 24.", D(2020, 3, 25), "2020-07-24"),
    ("The deal had been scheduled to expire Friday.", D(2020, 3, 25), "2020-03-20"),
])
def test_temporal_having_and_past_plans_do_not_push_a_date_back(text, anchor, value):
    assert one(text, anchor)[2] == value


@pytest.mark.parametrize("text,expected", [
    ("Talks resumed early Friday.", ("Friday", "DATE", "2023-09-08", "START")),
    ("Talks resumed Friday night.", ("Friday night", "TIME", "2023-09-08TNI", None)),
])
def test_temporal_weekday_keeps_the_edge_word_in_mod_not_in_span(text, expected):
    t = temporal.tag(text, MON)[0]
    assert (t.text, t.type, t.value, t.mod) == expected


@pytest.mark.parametrize("text,values", [
    ("Shares fell on Friday, Sept. 8, 2023, and again the previous Friday.", ["2023-09-08", "2023-09-01"]),
])
def test_temporal_resolves_the_previous_weekday_from_the_last_date(text, values):
    assert [t.value for t in temporal.tag(text, MON)] == values


@pytest.mark.parametrize("text,expected", [
    ("The third-quarter profit rose to $5 million from $4 million a year earlier.",
     [("third-quarter", "2023-Q3"), ("a year earlier", "2022-Q3")]),
    ("Quarterly sales rose 5% from a year earlier.", [("a year earlier", "2022-Q2")]),  # last completed
    ("The plant opened a year earlier.", [("a year earlier", "2022")]),
])
def test_temporal_reads_a_year_earlier_as_a_quarter_in_quarterly_reports(text, expected):
    assert [(t.text, t.value) for t in temporal.tag(text, MON)] == expected


@pytest.mark.parametrize("text,values", [
    ("The talks ran from 2019 to 2021.", ["2019", "2021"]),
    ("The talks ran from Sept. 10 to Sept. 13.", ["2023-09-10", "2023-09-13"]),
    ("The talks ran Sept. 10-13.", ["2023-09-10"]),  # one written token: one Timex, valued by its start
])
def test_temporal_range_values_are_its_ends(text, values):
    assert [t.value for t in temporal.tag(text, MON)] == values


@pytest.mark.parametrize("text,anchor,value", [
    ("The council meets in the third quarter.", D(1989, 10, 26), "1989-Q3"),
    ("Results for the latest quarter were weak.", D(1989, 10, 26), "1989-Q3"),
    ("It paid $78 million in taxes during the quarter.", D(1989, 10, 30), "1989-Q3"),  # taxes: a report
    ("Profit rose from the year-earlier quarter.", D(1989, 10, 26), "1988-Q3"),
    ("The firm reported fourth-quarter results.", D(2013, 3, 14), "2012-Q4"),  # not begun: last year's
    ("The firm expects fourth-quarter sales to rise.", D(2013, 3, 14), "2013-Q4"),
])
def test_temporal_reads_reporting_quarters(text, anchor, value):
    assert one(text, anchor)[2] == value


@pytest.mark.parametrize("text", [
    "A 45-year-old man was arrested.",
    "The party won a quarter of the vote.",
    "Sales of tax-free goods rose in the Quarter.",  # a district's name, not a period
    "Three-quarters of the food is imported.",
    "He is seeking a second term.",
])
def test_temporal_ignores_ages_and_fractions(text):
    assert temporal.tag(text, MON) == []


@pytest.mark.parametrize("text,value", [
    ("The ceasefire collapsed last Friday.", "2023-09-08"),
    ("The ceasefire collapsed last Monday.", "2023-09-04"),
    ("Envoys meet next Monday.", "2023-09-18"),
    ("Envoys met again the following Tuesday.", "2023-09-12"),
])
def test_temporal_resolves_weekdays_with_last_and_next(text, value):
    assert one(text)[2] == value


@pytest.mark.parametrize("text,anchor,expected", [
    ("Reuters reported on Monday (September 11) that talks resumed.", MON,
     ("Monday (September 11)", "DATE", "2023-09-11")),
    ("Reuters reported on Monday (September 11) that talks resumed.", None,
     ("Monday (September 11)", "DATE", "2023-09-11")),
    ("Reuters reported on Monday, Sept. 11, that talks resumed.", None,
     ("Monday, Sept. 11", "DATE", "2023-09-11")),
    ("The talks ended on Friday, Oct. 13, 1989.", None, ("Friday, Oct. 13, 1989", "DATE", "1989-10-13")),
])
def test_temporal_reads_weekday_and_date_pairs_as_one(text, anchor, expected):
    assert one(text, anchor) == expected


# --- relative expressions -----------------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("Trade fell last year.", ("last year", "DATE", "2022")),
    ("Trade will grow next year.", ("next year", "DATE", "2024")),
    ("Trade grew this year.", ("this year", "DATE", "2023")),
    ("The envoy returns next week.", ("next week", "DATE", "2023-W38")),
    ("The envoy left last week.", ("last week", "DATE", "2023-W36")),
    ("Talks resumed this week.", ("this week", "DATE", "2023-W37")),
    ("Prices rose last month.", ("last month", "DATE", "2023-08")),
    ("The envoy left two days ago.", ("two days ago", "DATE", "2023-09-09")),
    ("The envoy left three years ago.", ("three years ago", "DATE", "2020")),
    # "... ago today" is that very day
    ("He took office two years ago today.", ("two years ago today", "DATE", "2021-09-11")),
    ("The plant closed six months ago today.", ("six months ago today", "DATE", "2023-03-11")),
    ("The deal was signed three weeks ago today.", ("three weeks ago today", "DATE", "2023-08-21")),
    ("The war ended more than a decade ago.", ("more than a decade ago", "DATE", "2013")),
    ("Talks stalled earlier this month.", ("earlier this month", "DATE", "2023-09")),
    ("The envoy left yesterday.", ("yesterday", "DATE", "2023-09-10")),
    ("The envoy leaves tomorrow.", ("tomorrow", "DATE", "2023-09-12")),
    ("The envoy speaks today.", ("today", "DATE", "2023-09-11")),
    ("Output will rise early next year.", ("early next year", "DATE", "2024")),
])
def test_temporal_resolves_relative_expressions_against_the_anchor(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize("text,value", [
    ("The envoys met over the weekend.", "2023-W36-WE"),
    ("Protests spread over the weekend.", "2023-W36-WE"),
    ("The envoys meet next weekend.", "2023-W38-WE"),
    ("The envoys will meet this coming weekend.", "2023-W37-WE"),
])
def test_temporal_resolves_weekends_by_iso_week(text, value):
    assert one(text)[2] == value


@pytest.mark.parametrize("text,values", [
    ("Kim arrived on Sept. 5, 2023 and left the following day.", ["2023-09-05", "2023-09-06"]),
    ("Talks began on Sept. 5, 2023; the next day they collapsed.", ["2023-09-05", "2023-09-06"]),
])
def test_temporal_resolves_the_following_day_from_the_last_date(text, values):
    assert [t.value for t in temporal.tag(text, MON)] == values


@pytest.mark.parametrize("text,expected", [
    ("Kim arrived on Sept. 5, 2023. Later that day he met Putin.",
     [("Sept. 5, 2023", "2023-09-05"), ("Later that day", "2023-09-05")]),
    ("Earlier in the day, the envoy spoke.", [("Earlier in the day", "2023-09-11")]),
    ("The plane landed at 5 p.m. local time (1600 GMT).", [("5 p.m. local time", "2023-09-11T17:00"),
                                                           ("1600 GMT", "2023-09-11T16:00")]),
    ("The blast came at 10:35 a.m. (0735 GMT).", [("10:35 a.m.", "2023-09-11T10:35"), ("0735 GMT", "2023-09-11T07:35")]),
])
def test_temporal_reads_times_within_the_day_in_focus(text, expected):
    assert [(t.text, t.value) for t in temporal.tag(text, MON)] == expected


@pytest.mark.parametrize("text,expected", [
    ("The plant opened in 2019. That year, sales doubled.", [("2019", "2019"), ("That year", "2019")]),
    ("Talks began in March 2020; the following month they failed.",
     [("March 2020", "2020-03"), ("the following month", "2020-04")]),
    ("Talks began in 2015 and ended later that year.", [("2015", "2015"), ("later that year", "2015")]),
    # a month with no year in a sentence that has told one is in that year; "that September" is the
    # story's September
    ("The trial opened on March 3, 2014 and ran until August. That September the judge ruled.",
     [("March 3, 2014", "2014-03-03"), ("August", "2014-08"), ("That September", "2014-09")]),
    ("Lasso took office in May 2021 after beating Arauz in an April runoff.",
     [("May 2021", "2021-05"), ("April", "2021-04")]),  # the nearest April to May 2021, not the next
    # (a year alone tells no month's year: the later event has its own)
    ("Ties were cut in 2019 and restored after he took office in August.", [("2019", "2019"), ("August", "2023-08")]),
    # a year after "since" starts a span: it is not the year in focus
    ("The chief, in post since 1991, will stay until the end of the year.",
     [("1991", "1991"), ("the end of the year", "2023")]),
    # "... later" counts from the date in focus, of any precision ("ago" from the anchor)
    ("Moscow recalled its envoy in March, and Washington did so a month later.",
     [("March", "2023-03"), ("a month later", "2023-04")]),
    ("The plant closed in 2019. Two years later it reopened.", [("2019", "2019"), ("Two years later", "2021")]),
])
def test_temporal_resolves_that_year_and_the_following_month_from_the_date_in_focus(text, expected):
    assert [(t.text, t.value) for t in temporal.tag(text, MON)] == expected


@pytest.mark.parametrize("text,expected,span", [
    ("Kim has recently met Putin.", ("recently", "DATE", "PAST_REF"), (D(2023, 8, 12), D(2023, 9, 10), None)),
    ("Kim is now in Russia.", ("now", "DATE", "PRESENT_REF"), (MON, MON, None)),
    ("Kim is currently in Russia.", ("currently", "DATE", "PRESENT_REF"), (MON, MON, None)),
    ("Kim will visit in the coming days.", ("the coming days", "DATE", "FUTURE_REF"),
     (D(2023, 9, 12), D(2023, 9, 25), None)),
    ("Ties will deepen in the future.", ("the future", "DATE", "FUTURE_REF"),
     (D(2023, 9, 12), D(2028, 9, 10), None)),
    ("Such visits were rare in the past.", ("the past", "DATE", "PAST_REF"), (D(2018, 9, 11), D(2023, 9, 10), None)),
])
def test_temporal_tags_vague_references_with_an_interval(text, expected, span):
    assert one(text) == expected
    assert interval(text) == span


# --- durations and sets ------------------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("The visit lasted for three days.", ("three days", "DURATION", "P3D")),
    ("He began a two-day visit.", ("two-day", "DURATION", "P2D")),
    ("Twenty-one years is the longest sentence.", ("Twenty-one years", "DURATION", "P21Y")),  # not 20 to 1
    ("Trade doubled over the past three years.", ("the past three years", "DURATION", "P3Y")),
    ("The talks took 18 months.", ("18 months", "DURATION", "P18M")),
    ("The flight took five hours.", ("five hours", "DURATION", "PT5H")),
    ("The dispute lasted two decades.", ("two decades", "DURATION", "P20Y")),
    ("The talks lasted 2 1/2 years.", ("2 1/2 years", "DURATION", "P2Y6M")),
    ("The talks dragged on for several years.", ("several years", "DURATION", "PXY")),
    ("Sales fell in the first nine months.", ("the first nine months", "DURATION", "P9M")),
    ("The feud has simmered for years.", ("years", "DURATION", "PXY")),
    ("Rebuilding will take years.", ("years", "DURATION", "PXY")),  # how long it takes
    ("It could take weeks to reach the villages.", ("weeks", "DURATION", "PXW")),
    ("The month-long tournament ended.", ("month-long", "DURATION", "P1M")),
    ("They held a day-long meeting.", ("day-long", "DURATION", "P1D")),
    ("It ended a decades-long feud.", ("decades-long", "DURATION", "PXE")),
    ("Growth slowed in recent years.", ("recent years", "DURATION", "PXY")),
    ("Talks continue over the next few days.", ("the next few days", "DURATION", "PXD")),
    ("Net income rose in the fiscal year.", ("the fiscal year", "DURATION", "P1Y")),
    # the article of a vague count is part of it; that of an adjectival duration is not
    ("The envoys spoke for a few minutes.", ("a few minutes", "DURATION", "PTXM")),
    ("The ceasefire held for a couple of weeks.", ("a couple of weeks", "DURATION", "P2W")),
    # two units joined by "and" are one length of time
    ("He was jailed for two years and eight months.", ("two years and eight months", "DURATION", "P2Y8M")),
    ("The officer knelt for 9 minutes and 29 seconds.", ("9 minutes and 29 seconds", "DURATION", "PT9M29S")),
    ("The hearing lasted a day and 12 hours.", ("a day and 12 hours", "DURATION", "P1DT12H")),
    # "half a ..." is half the unit
    ("It ended more than half a century of war.", ("more than half a century", "DURATION", "P50Y")),
    ("The talks lasted half an hour.", ("half an hour", "DURATION", "PT30M")),
    ("The ban ran for half a year.", ("half a year", "DURATION", "P6M")),
])
def test_temporal_reads_durations(text, expected):
    assert one(text) == expected
    assert interval(text) == (None, None, None)


@pytest.mark.parametrize("text,expected", [
    ("The treaty was signed half a century ago.", ("half a century ago", "1973")),
    ("The plant closed half a year ago.", ("half a year ago", "2023-03")),
    ("He won half a million votes.", None),
])
def test_temporal_reads_half_a_unit_ago(text, expected):
    found = [(t.text, t.value) for t in temporal.tag(text, MON)]
    assert found == ([expected] if expected else [])


# a clock time with no day is on the day the story last named, unless that day is still to come
# and the time is told in the past
@pytest.mark.parametrize("text,value", [
    ("The quake struck on Sunday. The first tremor came at 4:53 p.m.", "2011-10-16T16:53"),
    ("The vote will be held on Oct. 28. Polls will open at 7 a.m.", "2011-10-28T07:00"),
    ("The phone goes on sale on Oct. 28. Executives discussed the results on a call at 2 p.m.",
     "2011-10-18T14:00"),
    ("The fire broke out on Sunday. The president will address the nation at 8 p.m.", "2011-10-18T20:00"),
])
def test_temporal_puts_a_clock_time_on_the_story_day(text, value):
    assert temporal.tag(text, D(2011, 10, 18))[-1].value == value


@pytest.mark.parametrize("text,expected", [
    # "on" parts a clock time from its day: two expressions, the time carrying the day
    ("The quake struck at 2:46 p.m. on Friday.", [("2:46 p.m.", "TIME", "2011-03-11T14:46"),
                                                  ("Friday", "DATE", "2011-03-11")]),
    # written together they are one
    ("The quake struck at 2:46 p.m. Friday.", [("2:46 p.m. Friday", "TIME", "2011-03-11T14:46")]),
    ("The offer expires at 5 p.m. EST, March 16.", [("5 p.m. EST, March 16", "TIME", "2011-03-16T17:00")]),
])
def test_temporal_a_clock_time_and_its_day(text, expected):
    assert [(t.text, t.type, t.value) for t in temporal.tag(text, D(2011, 3, 14))] == expected


@pytest.mark.parametrize("text,expected", [
    ("The election falls on the first Thursday of May 2015.", ("the first Thursday of May 2015", "2015-05-07")),
    ("Americans vote on the first Tuesday in November 2024.", ("the first Tuesday in November 2024", "2024-11-05")),
    ("Clocks change on the last Sunday of March 2024.", ("the last Sunday of March 2024", "2024-03-31")),
])
def test_temporal_reads_the_nth_weekday_of_a_month(text, expected):
    t = temporal.tag(text, MON)[0]
    assert (t.text, t.value, t.date_start, t.precision) == expected + (D.fromisoformat(expected[1]), "day")


@pytest.mark.parametrize("text,expected", [
    ("The day before last Tuesday's hearing, he went home.", [("The day before last Tuesday", "2023-09-04")]),
    ("Protests began the day after Christmas.", [("the day after Christmas", "2022-12-26")]),
    ("A day after Monday's vote, crowds gathered.", [("A day", "P1D"), ("Monday", "2023-09-11")]),
])
def test_temporal_reads_the_day_before_or_after_a_date(text, expected):
    assert [(t.text, t.value) for t in temporal.tag(text, MON)] == expected


def test_temporal_reads_two_units_that_make_no_one_length_as_two_durations():
    found = temporal.tag("The siege lasted 3 days and 5 months.", MON)
    assert [(t.text, t.value) for t in found] == [("3 days", "P3D"), ("5 months", "P5M")]


@pytest.mark.parametrize("text,expected", [
    ("Leaders meet every year.", ("every year", "SET", "P1Y")),
    ("Leaders meet annually.", ("annually", "SET", "P1Y")),
    ("Mourners gather every July 11.", ("every July 11", "SET", "XXXX-07-11")),
    ("The paper is printed daily.", ("daily", "SET", "P1D")),
    ("The council meets each Thursday.", ("each Thursday", "SET", "XXXX-WXX-4")),
    ("The council meets twice a month.", ("twice a month", "SET", "P1M")),
])
def test_temporal_reads_sets(text, expected):
    assert one(text) == expected


# --- ranges ------------------------------------------------------------------------------


@pytest.mark.parametrize("text,expected,span", [
    ("The forum runs September 10-13.", ("September 10-13", "DATE", "2023-09-10"),
     (D(2023, 9, 10), D(2023, 9, 13), "day")),
    ("The forum runs 10-13 September 2023.", ("10-13 September 2023", "DATE", "2023-09-10"),
     (D(2023, 9, 10), D(2023, 9, 13), "day")),
    ("The truce held in 2014-2016.", ("2014-2016", "DATE", "2014"), (D(2014, 1, 1), D(2016, 12, 31), "year")),
])
def test_temporal_reads_a_dashed_range_as_one_timex(text, expected, span):
    assert one(text) == expected
    assert interval(text) == span
    assert temporal.tag(text, MON)[0].range is None


# A range written with words is two TIMEX3 expressions (TimeML marks each end); both ends
# carry the whole range, and join_ranges gives the one-span reading the event rows use.
@pytest.mark.parametrize("text,anchor,ends,whole,joined", [
    ("Sanctions applied from 2019 to 2021.", MON,
     [("2019", "2019", D(2019, 1, 1), D(2019, 12, 31)), ("2021", "2021", D(2021, 1, 1), D(2021, 12, 31))],
     (D(2019, 1, 1), D(2021, 12, 31)), "2019 to 2021"),
    ("Exports fell between March and May.", MON,
     [("March", "2023-03", D(2023, 3, 1), D(2023, 3, 31)), ("May", "2023-05", D(2023, 5, 1), D(2023, 5, 31))],
     (D(2023, 3, 1), D(2023, 5, 31)), "March and May"),
    ("Talks ran from Monday to Wednesday.", WED,
     [("Monday", "2023-09-11", D(2023, 9, 11), D(2023, 9, 11)),
      ("Wednesday", "2023-09-13", D(2023, 9, 13), D(2023, 9, 13))],
     (D(2023, 9, 11), D(2023, 9, 13)), "Monday to Wednesday"),
    ("Shares were bought from Aug. 26 to Oct. 20.", MON,
     [("Aug. 26", "2023-08-26", D(2023, 8, 26), D(2023, 8, 26)),
      ("Oct. 20", "2023-10-20", D(2023, 10, 20), D(2023, 10, 20))],
     (D(2023, 8, 26), D(2023, 10, 20)), "Aug. 26 to Oct. 20"),
    ("The summit is on April 24 and 25, 2024.", MON,
     [("April 24", "2024-04-24", D(2024, 4, 24), D(2024, 4, 24)),
      ("25, 2024", "2024-04-25", D(2024, 4, 25), D(2024, 4, 25))],
     (D(2024, 4, 24), D(2024, 4, 25)), "April 24 and 25, 2024"),
])
def test_temporal_reads_a_worded_range_as_its_two_ends(text, anchor, ends, whole, joined):
    found = temporal.tag(text, anchor)
    assert [(t.text, t.value, t.date_start, t.date_end) for t in found] == ends
    assert [t.range for t in found] == [whole, whole]
    assert [t.text for t in found] == [text[t.start:t.end] for t in found]
    (one_span,) = temporal.join_ranges(found, text)
    assert (one_span.text, one_span.value, one_span.date_start, one_span.date_end, one_span.range) == \
        (joined, ends[0][1], whole[0], whole[1], None)


# a year written once, at a range's end, is the end's: the start takes it too (the year before when
# it comes later in the year)
@pytest.mark.parametrize("text,values", [
    ("Storms struck between August and September 2008.", ["2008-08", "2008-09"]),
    ("Talks ran between November and February 2009.", ["2008-11", "2009-02"]),
    ("Talks ran from Dec. 28 to Jan. 3, 2009.", ["2008-12-28", "2009-01-03"]),
    ("Talks ran Dec. 28-Jan. 3, 2009.", ["2008-12-28"]),
])
def test_temporal_a_range_start_takes_the_year_written_at_its_end(text, values):
    assert [t.value for t in temporal.tag(text, D(2010, 1, 14))] == values


def test_temporal_joins_only_the_ends_of_one_range():
    text = "It ran from 2019 to 2021, then in 2022 and 2023."
    found = temporal.tag(text, MON)
    assert [t.text for t in found] == ["2019", "2021", "2022", "2023"]
    assert [t.text for t in temporal.join_ranges(found, text)] == ["2019 to 2021", "2022", "2023"]


# --- spans -------------------------------------------------------------------------------


@pytest.mark.parametrize("text,span", [
    ("It happened in 2019.", "2019"),
    ("It happened on Monday's flight.", "Monday"),
    ("It happened about two weeks ago.", "about two weeks ago"),
    ("It took only five hours.", "five hours"),
    ("It rose over the past two years.", "the past two years"),
    ("Its fourth quarter was weak.", "fourth quarter"),
])
def test_temporal_spans_leave_out_prepositions_and_possessives(text, span):
    assert one(text)[0] == span


# --- times -------------------------------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("The blast came at 10:35 a.m. local time.", ("10:35 a.m. local time", "TIME", "2023-09-11T10:35")),
    ("Polls close at 9 p.m. Tuesday.", ("9 p.m. Tuesday", "TIME", "2023-09-12T21:00")),  # a schedule: ahead
    ("The envoy spoke this morning.", ("this morning", "TIME", "2023-09-11TMO")),
    ("Fans will gather tonight.", ("tonight", "TIME", "2023-09-11TNI")),
    ("The envoy spoke last night.", ("last night", "TIME", "2023-09-10TNI")),
])
def test_temporal_reads_times_of_day(text, expected):
    assert one(text) == expected


# --- no anchor ---------------------------------------------------------------------------


@pytest.mark.parametrize("text,anchor", [
    ("Reuters reported on Monday (September 11) that Kim left.", D(2023, 9, 11)),
    ("Reuters reported on Monday, Sept. 11 that Kim left.", D(2023, 9, 11)),
    ("PYONGYANG, Sept. 12, 2023 (Reuters) - Kim left on Monday.", D(2023, 9, 12)),
    ("Kim left. The talks of 3 March 2021 were recalled.", D(2021, 3, 3)),
    ("Kim left on Monday.", None),
])
def test_temporal_infers_the_anchor_from_the_text(text, anchor):
    assert temporal.infer_anchor(text, today=D(2026, 1, 1)) == anchor


def test_temporal_offsets_survive_characters_that_change_length_when_lowered():
    text = "İİ İstanbul talks ended on Monday, İ."
    t = temporal.tag(text, MON)[0]
    assert (t.text, text[t.start:t.end], t.value) == ("Monday", "Monday", "2023-09-11")


def test_temporal_weekday_pair_picks_the_latest_fitting_year_not_after_today():
    text = "Talks opened on Monday (September 11)."
    assert temporal.infer_anchor(text, today=D(2023, 9, 10)) == D(2017, 9, 11)
    assert temporal.infer_anchor(text, today=D(2029, 1, 1)) == D(2028, 9, 11)


@pytest.mark.parametrize("text,expected", [
    ("The envoy arrived on September 11.", ("September 11", "DATE", "XXXX-09-11")),
    ("The envoy arrived last year.", ("last year", "DATE", "XXXX")),
    ("The envoy arrived on Monday.", ("Monday", "DATE", "XXXX-WXX-1")),
])
def test_temporal_leaves_unknown_parts_as_x_without_anchor(text, expected):
    assert one(text, None) == expected
    assert interval(text, None)[:2] == (None, None)


# --- a seed-shaped article, no anchor given ------------------------------------------------

SEED_LIKE = (
    "The foreign minister is set to visit Hanoi, as reported by Yonhap on Monday "
    "(September 11). The ministry said the minister will travel \"in the coming days.\" "
    "The minister himself arrived in Da Nang on Monday to open a trade fair. Local media "
    "said the signing could come as early as Tuesday, or more likely, on Wednesday. "
    "Relations soured after the border clash last year. The two sides last met in 2019."
)


@pytest.mark.parametrize("written,value,span", [
    ("Monday (September 11)", "2023-09-11", (D(2023, 9, 11), D(2023, 9, 11), "day")),
    ("the coming days", "FUTURE_REF", (D(2023, 9, 12), D(2023, 9, 25), None)),
    ("Monday", "2023-09-11", (D(2023, 9, 11), D(2023, 9, 11), "day")),
    ("Tuesday", "2023-09-12", (D(2023, 9, 12), D(2023, 9, 12), "day")),
    ("Wednesday", "2023-09-13", (D(2023, 9, 13), D(2023, 9, 13), "day")),
    ("last year", "2022", (D(2022, 1, 1), D(2022, 12, 31), "year")),
    ("2019", "2019", (D(2019, 1, 1), D(2019, 12, 31), "year")),
])
def test_temporal_seed_shaped_article_without_anchor(written, value, span):
    found = {t.text: t for t in temporal.tag(SEED_LIKE)}
    t = found[written]
    assert (t.value, (t.date_start, t.date_end, t.precision)) == (value, span)


def test_temporal_seed_shaped_article_infers_its_anchor():
    assert temporal.infer_anchor(SEED_LIKE, today=D(2026, 1, 1)) == D(2023, 9, 11)


# --- robustness ---------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 -/.,()'?aAeMmnorstuyJSFDTWQ\n")) | st.characters(),
               max_size=200))
def test_temporal_never_raises_and_offsets_slice_to_the_text(text):
    found = temporal.tag(text, MON)
    last_end = 0
    for t in found:
        assert text[t.start:t.end] == t.text
        assert t.start >= last_end
        last_end = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["on Monday", "September 11", "2019", "last year", "two days ago",
                        "from 2019 to 2021", "Monday (September 11)", "the 1990s", "Sept. 10-13"]),
       st.text(max_size=40), st.text(max_size=40))
def test_temporal_never_raises_around_real_expressions(expr, left, right):
    text = left + " " + expr + " " + right
    for t in temporal.tag(text, None):
        assert text[t.start:t.end] == t.text


# --- bracketed dates ------------------------------------------------------------------------


@pytest.mark.parametrize("text,anchor,expected", [
    ("On Friday [4 September] the talks ended.", D(2020, 9, 7), ("Friday [4 September]", "DATE", "2020-09-04")),
    ("Talks ended on Friday (4 September).", D(2020, 9, 7), ("Friday (4 September)", "DATE", "2020-09-04")),
    ("On Friday [September 4], talks ended.", D(2020, 9, 7), ("Friday [September 4]", "DATE", "2020-09-04")),
    ("On Friday [4 September] the talks ended.", None, ("Friday [4 September]", "DATE", "2020-09-04")),
])
def test_temporal_reads_a_weekday_with_a_bracketed_date_as_one(text, anchor, expected):
    if anchor is None:  # the year comes from the weekday, the anchor from infer_anchor
        assert temporal.infer_anchor(text, today=D(2021, 1, 1)) == D(2020, 9, 4)
        anchor = temporal.infer_anchor(text, today=D(2021, 1, 1))
    assert one(text, anchor) == expected


# --- years that end a title --------------------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("MPs passed the Road Transport and Safety Bill, 2015 on Monday.", [("Monday", "2023-09-11")]),
    ("The Protection of Manipur People Bill, 2015 was returned.", []),
    ("Fines follow the Data Protection Act 2018 rules.", []),
    ("The Finance Bill 2015-16 was tabled.", []),
    # "the Act of 1989" names a year as TimeBank tags it; a bare year after "act" too
    ("Banks must follow the Enforcement Act of 1989.", [("1989", "1989")]),
    ("The act was passed in 2015.", [("2015", "2015")]),
])
def test_temporal_a_year_ending_the_title_of_a_law_is_not_a_date(text, expected):
    assert [(t.text, t.value) for t in temporal.tag(text, MON)] == expected


# --- parts of the day -----------------------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("The envoy spoke on Friday evening.", ("Friday evening", "TIME", "2023-09-08TEV")),
    ("The envoy spoke on Friday afternoon.", ("Friday afternoon", "TIME", "2023-09-08TAF")),
    ("The envoy spoke on Friday night.", ("Friday night", "TIME", "2023-09-08TNI")),
    ("The envoy spoke on Friday morning.", ("Friday morning", "TIME", "2023-09-08TMO")),
    ("Crowds gathered last Thursday night.", ("last Thursday night", "TIME", "2023-09-07TNI")),
])
def test_temporal_weekday_with_a_part_of_day_is_a_time(text, expected):
    assert one(text) == expected
    day = D.fromisoformat(expected[2][:10])
    assert interval(text) == (day, day, "day")


# --- tense ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text,anchor,value", [
    # an adverb between the auxiliary and the verb keeps the future
    ("He added that the signing would still be held on April 24.", D(1999, 2, 10), "1999-04-24"),
    ("He said the vote would probably be held on Thursday.", MON, "2023-09-14"),
    # "planned" before the date looks ahead to the plan; after it, the planning is past
    ("The team planned to leave Nairobi on Thursday.", WED, "2023-09-14"),
    ("On Friday, the government planned to pay the first claims.", WED, "2023-09-08"),
])
def test_temporal_reads_tense_through_adverbs_and_plans(text, anchor, value):
    assert one(text, anchor)[2] == value


# --- financial years, weekends, titles --------------------------------------------------------


@pytest.mark.parametrize("text,anchor,expected", [
    ("For the year, volume was flat.", D(1989, 11, 2), [("the year", "DATE", "1989")]),
    ("Net rose in the year ended June 30.", D(1989, 11, 2),
     [("the year", "DURATION", "P1Y"), ("June 30", "DATE", "1989-06-30")]),
    ("Sales rose in 1992. It forecast a rise for the full year.", D(1989, 11, 2),
     [("1992", "DATE", "1992"), ("the full year", "DATE", "1989")]),
])
def test_temporal_the_year_is_the_current_year_unless_it_ended_on_a_date(text, anchor, expected):
    assert [(t.text, t.type, t.value) for t in temporal.tag(text, anchor)] == expected


@pytest.mark.parametrize("text,value", [
    ("Traders squared positions ahead of the weekend.", "2023-W37-WE"),
    ("Traders squared positions over the weekend.", "2023-W36-WE"),
])
def test_temporal_ahead_of_the_weekend_is_the_coming_one(text, value):
    assert one(text)[2] == value


@pytest.mark.parametrize("text,expected", [
    ('Baker said on ABC\'s "This Week" that talks resumed.', []),
    ("Leaders To Meet Next Week", [("Next Week", "2023-W38")]),
])
def test_temporal_a_quoted_programme_title_is_not_a_week(text, expected):
    assert [(t.text, t.value) for t in temporal.tag(text, MON)] == expected


@pytest.mark.parametrize("text,anchor,value", [
    # a deadline after "until"/"through"/"by" is the nearer one, even after a past-tense verb
    ("Ottawa gave the bidder until mid-November to answer.", D(1989, 10, 30), "1989-11"),
    ("Lenders extended the loans through January.", D(1989, 10, 30), "1990-01"),
    ("The fund lost 2% through August.", D(1989, 10, 30), "1989-08"),
    ("Ottawa gave the bidder until Nov. 16 to answer.", D(1989, 10, 30), "1989-11-16"),
    # without a deadline word the past tense still looks back
    ("The bidder met the board in November.", D(1989, 10, 30), "1988-11"),
])
def test_temporal_a_deadline_is_not_pushed_into_the_past_by_the_tense(text, anchor, value):
    assert one(text, anchor)[2] == value


@pytest.mark.parametrize("text,expected", [
    ("The offer was advertised in today's editions.", [("today", "2023-09-11")]),
    ("Cineplex responded coolly to yesterday's announcement.", [("yesterday", "2023-09-10")]),
    ("The case is a lesson for today's youth.", []),
    ("Chips of choice in many of today's personal computers.", []),
])
def test_temporal_todays_is_the_day_unless_it_means_these_days(text, expected):
    assert [(t.text, t.value) for t in temporal.tag(text, MON)] == expected


@pytest.mark.parametrize("text,anchor,value", [
    # the period of "U.S." does not end the sentence, so "warned" still sets the tense
    ("Mayors warned U.S. officials on Wednesday that they should expect little help.", D(2023, 9, 15),
     "2023-09-13"),
    # "next to" is a place, not the future
    ("A bomb exploded next to the U.S. embassy on Friday.", WED, "2023-09-08"),
])
def test_temporal_tense_reads_past_abbreviations_and_next_to(text, anchor, value):
    assert one(text, anchor)[2] == value


@pytest.mark.parametrize("text,expected", [
    ("Joblessness is near a quarter-century low; pay is 4% higher than a year earlier.",
     [("a quarter-century", "P25Y"), ("a year earlier", "2022")]),
    ("At its headquarters, pay is 4% higher than a year earlier.", [("a year earlier", "2022")]),
    ("Quarterly pay is 4% higher than a year earlier.", [("a year earlier", "2022-Q2")]),
])
def test_temporal_only_a_reporting_quarter_makes_a_year_earlier_a_quarter(text, expected):
    assert [(t.text, t.value) for t in temporal.tag(text, MON)] == expected


@pytest.mark.parametrize("text,anchor,value", [
    ("Officials postponed until Tuesday morning any action on the case.", D(2000, 3, 30), "2000-04-04TMO"),
    ("The agency has given the family until 9 a.m. Tuesday to sign.", D(2000, 4, 3), "2000-04-04T09:00"),
    # a fronted "Until Thursday," tells what held up to that day
    ("Until Thursday, they had not called him a suspect.", D(1999, 5, 7), "1999-05-06"),
])
def test_temporal_until_a_weekday_is_a_deadline_ahead(text, anchor, value):
    assert one(text, anchor)[2] == value


# --- tense of a month or a day: verbs of intent, finite past verbs, passives, schedules -------


@pytest.mark.parametrize("text,anchor,value", [
    # a verb of intent or commitment looks ahead to its infinitive's date
    ("The council has agreed to admit two new members in early June.", D(2005, 3, 9), "2005-06"),
    ("Ministers decided to reopen the border crossing in January.", D(2011, 10, 20), "2012-01"),
    ("The rules, to be published in December, tighten the caps.", D(2011, 10, 20), "2011-12"),
    # a finite past verb ending in -ed looks back to last year's month ...
    ("The chairman retired in March after a long illness.", D(2011, 11, 2), "2011-03"),
    ("The firm switched its auditor in December.", D(2011, 10, 20), "2010-12"),
    ("Investors bought shares issued June 1, which pay no dividend this year.", D(2011, 10, 20),
     "2011-06-01"),
    # ... but an adjective in -ed after a determiner says nothing
    ("The board will meet again; the revised plan goes to a vote in December.", D(2011, 10, 20),
     "2011-12"),
    # a date something takes effect is ahead even after a past-tense announcement
    ("The bank created a new risk office, effective Feb. 1.", D(2011, 10, 20), "2012-02-01"),
    ("Directors declared a dividend payable Dec. 7.", D(2011, 10, 20), "2011-12-07"),
    # a present passive is not a past tense
    ("The appeal will go ahead if the case is heard in May.", D(2004, 3, 29), "2004-05"),
])
def test_temporal_month_tense_reads_intent_finite_past_and_passives(text, anchor, value):
    assert temporal.tag(text, anchor)[0].value == value


@pytest.mark.parametrize("text,anchor,value", [
    # a verb of a scheduled event in the present tense looks ahead
    ("The two leaders meet separately Monday with the mediator.", D(2004, 5, 7), "2004-05-10"),
    ("The trial opens Tuesday in the capital.", D(2004, 5, 7), "2004-05-11"),
    # ... also after a reporting verb: "said" is the report's tense, "enters" the scheduled event's
    ("Biden said the war, which enters its third year on Saturday, was not over.", D(2024, 2, 23), "2024-02-24"),
    ("The offer expires Friday.", D(2024, 2, 21), "2024-02-23"),
    ("China hosts the summit on Monday.", D(2024, 2, 21), "2024-02-26"),
    # as an infinitive it says nothing: the verb before it sets the tense
    ("Rebels failed to meet the deadline on Tuesday.", D(2004, 5, 7), "2004-05-04"),
    ("The envoy is expected to meet rebel leaders on Tuesday.", D(2004, 5, 7), "2004-05-11"),
    # a plan of the past ("had been scheduled") looks back
    ("The bid had been scheduled to lapse at midnight Friday.", D(2004, 5, 10), "2004-05-07T24:00"),
])
def test_temporal_weekday_tense_reads_schedules_and_past_plans(text, anchor, value):
    assert one(text, anchor)[2] == value


# --- results periods -----------------------------------------------------------------------------


@pytest.mark.parametrize("text,anchor,value", [
    # after the quarter, "a year earlier" is that quarter a year before ...
    ("Third-quarter profit rose to $5 million from $4 million a year earlier.", D(2011, 10, 20),
     "2010-Q3"),
    # ... but after "the nine months" it is the nine months of the year before: that year
    ("Third-quarter profit rose. For the nine months, profit was $9 million, up from $7 million a year "
     "earlier.", D(2011, 10, 20), "2010"),
    ("Third-quarter sales rose. Sales for the first half fell from year-earlier levels.",
     D(2011, 10, 20), "2010"),
])
def test_temporal_a_year_earlier_follows_the_period_last_named(text, anchor, value):
    assert temporal.tag(text, anchor)[-1].value == value


@pytest.mark.parametrize("text,anchor,expected", [
    # "a year-earlier loss": the date "year-earlier", not a span "a year"
    ("The firm posted a third-quarter loss, compared with a year-earlier profit.", D(2011, 10, 20),
     [("third-quarter", "DATE", "2011-Q3"), ("year-earlier", "DATE", "2010-Q3")]),
    # "last year's quarter": the quarter in focus, a year back
    ("Output rose in the third quarter, above last year's quarter.", D(2011, 10, 20),
     [("the third quarter", "DATE", "2011-Q3"), ("last year's quarter", "DATE", "2010-Q3")]),
    # "the last half of" a year is its second half
    ("Growth should pick up in the last half of 2012.", D(2011, 10, 20),
     [("the last half of 2012", "DATE", "2012-H2")]),
    ("He scored twice in the last half.", D(2011, 10, 20), []),
    # "the year" after a part of it, or before a price, is the current year
    ("Sales fell in the first nine months of the year.", D(2011, 10, 20),
     [("the first nine months", "DURATION", "P9M"), ("the year", "DATE", "2011")]),
    ("The stock hit a high for the year of $42 in June.", D(2011, 10, 20),
     [("the year", "DATE", "2011"), ("June", "DATE", "2011-06")]),
])
def test_temporal_results_periods(text, anchor, expected):
    assert [(t.text, t.type, t.value) for t in temporal.tag(text, anchor)] == expected


def test_temporal_a_point_of_comparison_does_not_move_the_year_in_focus():
    text = ("Third-quarter profit rose from a year ago. Sales were delayed earlier in the year by "
            "floods.")
    assert [t.value for t in temporal.tag(text, D(2011, 10, 20))] == ["2011-Q3", "2010-Q3", "2011"]


# --- written-out years, weeks of a date, holiday weeks --------------------------------------------


@pytest.mark.parametrize("text,value", [
    ("Prices collapsed in the winter of nineteen ninety-four.", "1994-WI"),
    ("The rule took effect in January nineteen ninety-seven.", "1997-01"),
    ("Talks are set for the week of March 6.", "2024-W10"),
    ("Pilgrims gathered as Easter week began.", "2024-W13"),
])
def test_temporal_years_in_words_weeks_of_a_date_and_holiday_weeks(text, value):
    assert one(text, D(2024, 3, 25))[2] == value


@pytest.mark.parametrize("text,value", [
    ("Agents had abducted citizens in past decades.", "PAST_REF"),
    ("Prices rose during past years.", "PAST_REF"),
])
def test_temporal_past_units_after_a_preposition(text, value):
    (t,) = temporal.tag(text, D(2002, 9, 17))
    assert (t.value, t.date_end) == (value, D(2002, 9, 16))


@pytest.mark.parametrize("text", ["The council adopted Resolution 1718 on Saturday.", "under Article 1789 of the code",
                                  "Battalion 1805 moved north."])
def test_temporal_numbers_of_documents_and_units_are_no_years(text):
    assert [t.text for t in temporal.tag(text, D(2006, 10, 14)) if t.text[:1].isdigit()] == []


@pytest.mark.parametrize("text,values", [
    # every state has an Independence Day: July 4 is the American one only
    ("Police fired on workers gathered during Independence Day celebrations in Zhanaozen.", []),
    ("Fireworks lit the sky on U.S. Independence Day.", ["2011-07-04"]),
])
def test_temporal_independence_day_is_july_4_only_in_america(text, values):
    assert [t.value for t in temporal.tag(text, D(2011, 12, 16))] == values


# --- not times: ages, titles, idioms -----------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("Mr. Lund, 52 years old, will succeed her.", []),
    ("The plan is open to staff 55 years of age or older.", []),
    ("He served 52 years in the navy.", [("52 years", "P52Y")]),
    ('She said on CBS\'s "60 Minutes" that talks had failed.', []),
    ("For the people of the town, high noon comes today.", [("today", "2023-09-11")]),
    ("This is VOA Today.", []),
    ("Ministers meet today in Paris.", [("today", "2023-09-11")]),
])
def test_temporal_ages_titles_and_idioms_are_not_times(text, expected):
    assert [(t.text, t.value) for t in temporal.tag(text, MON)] == expected


@pytest.mark.parametrize("text,anchor,expected", [
    # a bare part of the day with early/mid/late is that part of the day in focus
    ("By mid-afternoon, the crowd had grown.", D(2004, 5, 7), ("mid-afternoon", "TIME", "2004-05-07TAF")),
    ("Fighting resumed on May 3; by late evening the town had fallen.", D(2004, 5, 7),
     ("late evening", "TIME", "2004-05-03TEV")),
    # "at a later date": some time ahead
    ("The company will seek more financing at a later date.", D(2004, 5, 7),
     ("a later date", "DATE", "FUTURE_REF")),
])
def test_temporal_parts_of_the_day_and_a_later_date(text, anchor, expected):
    t = temporal.tag(text, anchor)[-1]
    assert (t.text, t.type, t.value) == expected


# --- the rules tried by a candidate's first letters --------------------------------


@pytest.mark.parametrize("pattern,starts,not_starts", [
    (r"(?:the\s)?week", {"the", "wee"}, {"we ", "thw"}),
    (r"\d{4}", {"201", "999"}, {"a20", "20a"}),
    (r"(?:early|late)?\s?may", {"ear", "lat", " ma", "may"}, {"mar"}),
    (r"(?<![\w])q[1-4]", {"q1", "q4x"}, {"q5", "q"}),
])
def test_temporal_prefixes_of_a_rule(pattern, starts, not_starts):
    prefixes = temporal._prefixes(pattern)
    assert all(any(s.startswith(p) for p in prefixes) for s in starts), prefixes
    assert not any(any(s.startswith(p) for p in prefixes) and len(s) >= 3 for s in not_starts), prefixes


class _EveryRule(dict):
    """A rule table that tries every rule wherever a candidate starts (the tagger before the dispatch)."""

    def __contains__(self, key):
        return True

    def __getitem__(self, key):
        return temporal._ALL_RULES


_WORDS = ["the", "last", "next", "this", "week", "year", "month", "Monday", "Friday", "March", "May", "Sept.",
          "2019", "11", "1990s", "Q3", "early", "mid-", "ago", "two", "days", "since", "until", "a.m.", "noon",
          "every", "daily", "quarter", "fiscal", "summer", "Christmas", "now", "recently", "'s", ",", ".", "-",
          "(", ")", "/", "09", "2023-09-11", "half", "end", "of", "in", "on", "will", "said", "été", "\u2019", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14))
def test_temporal_first_letter_dispatch_finds_what_every_rule_finds(words):
    text = " ".join(words)
    found = temporal.tag(text, MON)
    saved = temporal._BY_PREFIX
    temporal._BY_PREFIX = _EveryRule()
    try:
        assert temporal.tag(text, MON) == found
    finally:
        temporal._BY_PREFIX = saved


@pytest.mark.parametrize("text,value", [
    # a scheduling word used as a noun tells no tense: the verb before it does
    ("Xi Jinping began a three-day state visit to Russia on Monday.", "2023-09-11"),
    ("He will make a state visit on Monday.", "2023-09-18"),
    ("Joe Biden made an unannounced visit to Kyiv on Monday.", "2023-09-11"),
    ("Xi visits Moscow on Monday.", "2023-09-18"),
])
def test_temporal_scheduling_noun_is_not_a_present_verb(text, value):
    assert [t.value for t in temporal.tag(text, D(2023, 9, 14)) if t.type == "DATE"] == [value]
