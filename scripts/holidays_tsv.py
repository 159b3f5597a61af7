#!/usr/bin/env python3
"""Writes core/src/dates/holidays.tsv: the holidays whose dates need astronomy or an observance.

    python3 -m venv /tmp/hol && /tmp/hol/bin/pip install holidays hijridate
    /tmp/hol/bin/python scripts/holidays_tsv.py > core/src/dates/holidays.tsv

Made with holidays 0.109 and hijridate 2.6.0. The Chinese, Korean and Vietnamese New Years
come from python-holidays' lunisolar tables, Diwali from its table of India's central government
holidays (2001-2035), Ramadan and the Eids from the Umm al-Qura calendar by hijridate (which
agreed, 1925-2076, with every date of python-holidays' Islamic tables when this was written).
The tests in core/src/dates/calendar.rs check that the file parses and a sample of dates.
"""

from holidays.calendars.chinese import CHINESE_CALENDAR, KOREAN_CALENDAR, VIETNAMESE_CALENDAR, _ChineseLunisolar
from holidays.calendars.hindu import _HinduLunisolar
from hijridate import Hijri

HEADER = """\
# Holidays whose dates need astronomy or an observance, one line a holiday a year, written
# by scripts/holidays_tsv.py (which says how to run it again):
# KEY<TAB>YYYY-MM-DD (the first day; Ramadan's end is the next EidAlFitr). Read once by
# core/src/dates/calendar.rs; its test checks that every line parses and a sample of dates.
# A year missing here is a year whose day is not known: "Diwali 2040" resolves to 2040-XX-XX.
#
# ChineseNewYear  1 Zhengyue of the Chinese calendar (new moons reckoned at UTC+8, China's
#                 standard time since 1929), 1930-2099.
# Seollal         the same by the Korean calendar (UTC+9), 1970-2050: differs in 1988, 1997,
#                 2027, 2028.
# Tet             the same by the Vietnamese calendar (UTC+7), 1970-2050: differs in 1985
#                 (a month earlier), 2007, 2030. Not before 1970: in 1968 the North, on
#                 UTC+7, kept Tet on January 29 and the South, on UTC+8, on January 30.
# Ramadan         1 Ramadan, by the Umm al-Qura calendar (Saudi Arabia's official one),
#                 1925-2076 for all three.
# EidAlFitr       1 Shawwal, Umm al-Qura.
# EidAlAdha       10 Dhu al-Hijjah, Umm al-Qura.
#                 Observed dates elsewhere, set by a sighting of the new moon, may differ by a
#                 day; some Gregorian years hold two (EidAlFitr 2000, 2033).
# Diwali          Lakshmi Puja as India's central government holiday lists give it, 2001-2035
#                 only: outside those years it is not tabled, not guessed.
#
# Sources: the Chinese, Korean and Vietnamese dates and Diwali are those of the python-holidays
# project's calendar tables; the Umm al-Qura dates were computed with the hijridate converter
# and agree, every one, with python-holidays' tables. Spot checks against dates known from the
# news: Chinese New Year 2020-01-25, 2021-02-12, 2024-02-10; Tet 1985-01-21; Eid al-Fitr
# 2023-04-21; Eid al-Adha 2023-06-28; Ramadan 2023-03-23; Diwali 2023-11-12.
"""


def main() -> None:
    out = []
    for key, cal, years in [
        ("ChineseNewYear", CHINESE_CALENDAR, range(1930, 2100)),
        ("Seollal", KOREAN_CALENDAR, range(1970, 2051)),
        ("Tet", VIETNAMESE_CALENDAR, range(1970, 2051)),
    ]:
        c = _ChineseLunisolar(cal)
        for y in years:
            d, ok = c.lunar_new_year_date(y)
            assert ok and d.year == y, (key, y)
            out.append(f"{key}\t{d.isoformat()}")
    for key, (m, dd) in [("Ramadan", (9, 1)), ("EidAlFitr", (10, 1)), ("EidAlAdha", (12, 10))]:
        for hy in range(1343, 1501):
            try:
                g = Hijri(hy, m, dd).to_gregorian()
            except (ValueError, OverflowError):
                continue
            if 1925 <= g.year <= 2076:
                out.append(f"{key}\t{g.isoformat()}")
    h = _HinduLunisolar()
    for y in range(2001, 2036):
        m, d = h.DIWALI_INDIA_DATES[y]
        out.append(f"Diwali\t{y:04}-{m:02}-{d:02}")
    print(HEADER + "\n".join(out))


if __name__ == "__main__":
    main()
