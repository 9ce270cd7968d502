"""A Polish 3PL's CSV in Windows-1250 was decoded as GBK (a statistical guess over mostly
ASCII bytes): its headers read 'Numer zam體ienia', 'Data wysy砶i', and the file was refused.
A sample a CJK guess was made for is now also decoded in the European code pages it fits,
and the reading whose header names more columns is kept."""

from __future__ import annotations

from datetime import date

from bot.domain.engine import analyse_file, report_file
from bot.domain.reading import read_table
from tests.engine.conftest import UPS_OK, WriteFile

AS_OF = date(2026, 12, 5)
POLISH = [
    "Numer zamówienia;Data wysyłki;Rynek;Przewoźnik;Usługa;Numer przesyłki;Kategoria;"
    "Wartość zamówienia;Waluta;Miasto odbiorcy",
    f"408-1;20.11.2026;Amazon.pl;UPS;UPS Standard;{UPS_OK};Zabawki;1 249,00;PLN;Łódź",
    "408-2;21.11.2026;Amazon.pl;Poczta Polska;Paczka pocztowa;RR123456785PL;Zabawki;99,90;PLN;Kraków",
    "408-3;22.11.2026;Amazon.pl;Poczta Polska;Paczka pocztowa;RR123456785GB;Zabawki;59,90;PLN;Gdańsk",
    "306-4;23.11.2026;Amazon.de;Poczta Polska;List polecony priorytetowy;;Zabawki;12,50;EUR;Köln",
    "306-5;24.11.2026;Amazon.de;Poczta Polska;List polecony priorytetowy;;Zabawki;20,00;EUR;Bonn",
]


def test_a_windows_1250_file_is_read_in_its_code_page(write_file: WriteFile) -> None:
    """By hand: PL 3 counted, 2 valid (Poczta Polska's number ending GB is another post's);
    DE: the EUR 12.50 letter is exempt, the EUR 20.00 one counted with no number."""
    path = write_file(POLISH, encoding="cp1250", newline="\r\n")
    assert read_table(path).encoding == "cp1250"
    report = report_file(path, as_of=AS_OF)
    markets = {m.name: (m.shipments, m.valid) for m in report.by_marketplace}
    assert markets == {"PL": (3, 2), "DE": (1, 0)}
    assert report.excluded["eu_letter_under_20"] == 1
    assert sorted(d.order_id for d in report.defects) == ["306-5", "408-3"]
    carriers = {c.name: (c.shipments, c.valid) for c in report.by_carrier}
    assert carriers["Poczta Polska"] == (3, 1)
    uploaded, _ = analyse_file(path, as_of=AS_OF)
    assert uploaded.by_marketplace == report.by_marketplace


def test_a_gbk_file_is_still_read_as_gbk(write_file: WriteFile) -> None:
    lines = ["订单号,发货日期,物流商,跟踪号,品类", f"111-1,2026-11-20,UPS,{UPS_OK},玩具"]
    path = write_file(lines, encoding="gbk")
    assert read_table(path).encoding == "gb18030"
    assert report_file(path, as_of=AS_OF).overall.shipments == 1
