"""A category written as a path is judged as its top level, as Amazon judges it
(bot/domain/categories.py; docs/decisions/009-category-paths.md): on both engine paths, in
the defects and in the Amazon sync's categories. Counts by hand."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.amazon_orders import CategoryBook
from bot.domain.categories import product_category
from bot.domain.engine import analyse_file, report_file
from tests.engine.conftest import WriteFile
from tests.engine.test_rules import HEADER, row, stats_by_name

AS_OF = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("written", "judged"),
    [
        ("Toys & Games > Puzzles > Jigsaw", "Toys & Games"),
        ("Home & Kitchen>Kitchen & Dining", "Home & Kitchen"),
        ("Home & Kitchen › Bath › Towels", "Home & Kitchen"),
        ("Sports & Outdoors » Camping", "Sports & Outdoors"),
        ("Office Products -> Paper", "Office Products"),
        ("家居厨房 ＞ 厨房用品", "家居厨房"),
        (" > Toys & Games > Puzzles", "Toys & Games"),
        # '/' and '|': a path when the first half is a top-level category's name ...
        ("Toys & Games/Puzzles", "Toys & Games"),
        ("Home & Kitchen / Kitchen & Dining", "Home & Kitchen"),
        ("玩具/积木", "玩具"),
        ("Beauty & Personal Care|Skin Care|Masks", "Beauty & Personal Care"),
        # ... and the second is not the same category in the other language
        ("Pet Supplies/宠物用品", "Pet Supplies/宠物用品"),
        ("美妆个护/Beauty & Personal Care", "美妆个护/Beauty & Personal Care"),
        ("Toys & Games/玩具 > Puzzles", "Toys & Games/玩具"),
        # a name that holds '/' and is no top-level category: one name, kept
        ("Clothing/Shoes", "Clothing/Shoes"),
        ("Lamps/灯具", "Lamps/灯具"),
        ("Toys", "Toys"),
        ("  Toys & Games  ", "Toys & Games"),
        ("", ""),
    ],
)
def test_a_path_is_its_top_level(written: str, judged: str) -> None:
    assert product_category(written) == judged


def test_every_level_of_one_category_is_judged_together(write_file: WriteFile) -> None:
    rows = [
        *(row(f"P{i}", category="Toys & Games > Puzzles") for i in range(10)),
        row("D1", category="Toys & Games > Dolls & Accessories"),
        row("D2", category="Toys & Games > Dolls & Accessories", tracking=""),
        row("B1", category="Toys & Games/Building Toys"),
        row("H1", category="Home & Kitchen › Bath", tracking=""),
        row("S1", category="Clothing/Shoes"),
        row("E1", category=""),
    ]
    path = write_file([HEADER, *rows], name="orders.txt")
    whole, batches = analyse_file(path, as_of=AS_OF)[0], report_file(path, as_of=AS_OF)
    assert whole == batches
    # Toys & Games: 10 + 2 + 1 = 13 shipped, 12 valid = 92.3%, not above 95%; the fewest
    # valid above 95% of 13 is 13 (12/13 = 92.3%), so 1 fix.
    assert stats_by_name(whole.by_category) == {
        "Toys & Games": (13, 12),
        "Home & Kitchen": (1, 0),
        "Clothing/Shoes": (1, 1),
        "Uncategorized": (1, 1),
    }
    toys = next(s for s in whole.by_category if s.name == "Toys & Games")
    assert toys.below_threshold and toys.needed == 1
    assert {(d.order_id, d.category) for d in whole.defects} == {
        ("D2", "Toys & Games"),
        ("H1", "Home & Kitchen"),
    }


def test_the_amazon_sync_takes_an_uploaded_path_as_its_top_level() -> None:
    book = CategoryBook(
        by_order={"111-1": "Home & Kitchen > Bath > Towels"},
        by_item={"sku:MUG": "Home & Kitchen/Kitchen & Dining"},
        catalog={("ATVPDKIKX0DER", "B0TOY"): "Toys & Games"},
    )
    assert book.category("111-1", []) == ("Home & Kitchen", "upload")
    assert book.category("111-2", ["sku:MUG"]) == ("Home & Kitchen", "upload")
    assert book.category("111-3", ["asin:B0TOY"], "ATVPDKIKX0DER") == ("Toys & Games", "amazon")
