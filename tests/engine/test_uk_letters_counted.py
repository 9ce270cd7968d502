"""UK letters priced in pounds: the report counts them (docs/vtr-rules.md §4.2, EUR values
on EU marketplaces) and warns how many Amazon may exempt, at or under the UK's
`letter_limit_surely_over` (marketplaces.yaml, GBP 19): untracked, only with Royal Mail
postage bought through Buy Shipping, which no file shows (docs/decisions/018). Both engine
paths, by hand."""

from __future__ import annotations

from datetime import date

from bot.domain.engine import analyse_file, report_file
from bot.domain.models import VtrReport
from bot.services.i18n import Translator
from bot.services.report_text import render_report
from tests.engine.conftest import WriteFile
from tests.engine.test_rules import HEADER, row

AS_OF = date(2026, 11, 20)
UK = dict(channel="Amazon.co.uk", carrier="Royal Mail", tracking="RR123456785GB", currency="GBP")


def _reports(write_file: WriteFile) -> list[VtrReport]:
    rows = [
        row("U1", service="Royal Mail Large Letter", price="9.99", **UK),  # warned
        row("U2", service="Letter", price="18.50", **UK),  # warned
        row("U3", service="Royal Mail Large Letter", price="25.00", **UK),  # over the margin
        row("U4", service="Royal Mail Tracked 48 Parcel", price="5.00", **UK),  # no letter
        row("D1", channel="Amazon.de", carrier="Deutsche Post", tracking="RR123456785DE",
            service="Deutsche Post Brief", price="12.00", currency="EUR"),  # exempt
    ]  # fmt: skip
    path = write_file([HEADER, *rows], name="orders.txt")
    return [analyse_file(path, as_of=AS_OF)[0], report_file(path, as_of=AS_OF)]


def test_uk_letters_are_counted_with_one_warning_on_both_paths(write_file: WriteFile) -> None:
    whole, batches = _reports(write_file)
    assert whole == batches
    # The four UK shipments count; the German letter under EUR 20 is exempt as before.
    assert (whole.overall.shipments, whole.overall.valid) == (4, 4)
    assert {g.name: g.shipments for g in whole.by_marketplace} == {"UK": 4}
    assert whole.excluded["eu_letter_under_20"] == 1
    (warning,) = [w for w in whole.warnings if w.code == "uk_letter_counted"]
    assert warning.count == 2


def test_the_warning_is_said_in_both_languages(write_file: WriteFile) -> None:
    report = _reports(write_file)[0]
    english = render_report(report, Translator("en"))
    chinese = render_report(report, Translator("zh"))
    assert "2 UK letters are counted here" in english
    assert "Buy Shipping" in english
    assert "2 单英国站信件" in chinese and "购买配送" in chinese


def test_no_warning_without_uk_letters_in_the_window(write_file: WriteFile) -> None:
    rows = [
        row("U1", ship="2026-10-01", service="Letter", price="9.99", **UK),  # outside
        row("U2", service="Letter", price="9.99", status="Cancelled", **UK),  # not counted
        row("U3", service="Parcel", price="9.99", **UK),
    ]
    path = write_file([HEADER, *rows], name="orders.txt")
    for report in (analyse_file(path, as_of=AS_OF)[0], report_file(path, as_of=AS_OF)):
        assert not [w for w in report.warnings if w.code == "uk_letter_counted"]
        assert report.overall.shipments == 1
