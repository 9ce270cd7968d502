"""Tracking numbers typed with a Chinese or Japanese input method, or pasted from a chat, in
full-width characters ('１Ｚ５Ｒ…'): the same number, judged in half-width, with a warning
that Amazon needs them uploaded in half-width (docs/decisions/007-full-width-tracking.md).
One cleaning rule (tracking.normalize_tracking) for the report, a fix typed for Amazon and
a number checked alone."""

from __future__ import annotations

from datetime import date

from bot.domain.amazon_carriers import check_fix
from bot.domain.engine import analyse_file, report_file
from bot.domain.models import VtrReport
from bot.domain.tracking import check_tracking, normalized_text
from bot.services.i18n import Translator
from bot.services.report_text import render_report
from tests.engine.conftest import CHINA_POST_OK, FEDEX_OK, UPS_OK, USPS_OK, WriteFile
from tests.engine.test_rules import HEADER, row

AS_OF = date(2026, 11, 20)
_WIDE = {code: code + 0xFEE0 for code in range(0x21, 0x7F)}  # '!'…'~' → '！'…'～'
USPS_BAD = USPS_OK[:-1] + "7"  # check digit 6 → 7


def wide(number: str) -> str:
    return number.translate(_WIDE)


def test_a_full_width_number_is_the_same_number() -> None:
    assert normalized_text(wide(UPS_OK)) == UPS_OK
    # An ideographic space and a full-width dash inside are ignored like their half-width kin.
    assert normalized_text("ＲＲ　１２３４５６７８５－ＣＮ") == CHINA_POST_OK
    assert normalized_text("＇" + wide(FEDEX_OK)) == FEDEX_OK  # Excel's quote, full-width
    assert check_tracking("UPS", wide(UPS_OK)).valid
    assert check_tracking("USPS", wide(USPS_BAD)).reason == "bad_check_digit"


def test_a_fix_typed_in_full_width_is_sent_in_half_width() -> None:
    checked = check_fix("ups", wide(UPS_OK))
    assert (checked.tracking, checked.problem, checked.sendable) == (UPS_OK, None, True)


def _reports(write_file: WriteFile) -> list[VtrReport]:
    """Counted by hand: 6 YunExpress numbers in half-width and 4 in full-width (UPS, FedEx,
    China Post valid; USPS with a wrong check digit), the UPS order on two item rows of one
    package: 10 shipments, 9 valid, 90% (below), ⌊95 × 10 / 100⌋ + 1 − 9 = 1 fix. An FBA
    row in full-width is not counted and not warned of: 4 numbers warned."""
    rows = [row(f"H{i}", carrier="YunExpress", tracking=f"YT12345678901234{i:02d}") for i in range(6)]  # fmt: skip
    rows += [
        row("W1", tracking=wide(UPS_OK)),
        row("W1", tracking=wide(UPS_OK)),
        row("W2", carrier="FedEx", tracking=wide(FEDEX_OK)),
        row("W3", carrier="China Post", tracking="ＲＲ　１２３４５６７８５－ＣＮ"),
        row("W4", carrier="USPS", tracking=wide(USPS_BAD)),
        row("F1", carrier="", tracking=wide("TBA123456789000"), fulfilment="Amazon"),
    ]
    path = write_file([HEADER, *rows], name="orders.txt")
    return [analyse_file(path, as_of=AS_OF)[0], report_file(path, as_of=AS_OF)]


def test_full_width_numbers_are_judged_and_warned_of_on_both_paths(write_file: WriteFile) -> None:
    for report in _reports(write_file):
        toys = report.by_category[0]
        assert (toys.shipments, toys.valid, toys.needed) == (10, 9, 1)
        assert [(d.order_id, d.reason) for d in report.defects] == [("W4", "bad_check_digit")]
        (warning,) = [w for w in report.warnings if w.code == "full_width_tracking"]
        assert warning.count == 4
        assert warning.detail == ", ".join(sorted([UPS_OK, FEDEX_OK, CHINA_POST_OK, USPS_BAD]))


def test_the_warning_is_said_in_both_languages(write_file: WriteFile) -> None:
    report = _reports(write_file)[0]
    english = render_report(report, Translator("en"))
    chinese = render_report(report, Translator("zh"))
    assert "4 tracking numbers are written in full-width characters" in english
    assert "uploaded in half-width" in english and CHINA_POST_OK in english
    assert "有 4 个追踪号是用全角字符写的" in chinese and "半角" in chinese


def test_no_warning_when_every_number_is_half_width(write_file: WriteFile) -> None:
    path = write_file([HEADER, row("A1"), row("A2", tracking=UPS_OK.lower())], name="o.txt")
    for report in (analyse_file(path, as_of=AS_OF)[0], report_file(path, as_of=AS_OF)):
        assert not [w for w in report.warnings if w.code == "full_width_tracking"]
