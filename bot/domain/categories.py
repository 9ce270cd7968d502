"""A product category as Amazon judges it: the top level of the path a file may give.

Amazon enforces the VTR bar per product category, the top level of the browse tree
("Toys & Games"), never per sub-category. ERPs and listing tools often export a product's
whole path ("Home & Kitchen > Kitchen & Dining > Utensils"); taken as written, each path
would be a category of its own and none judged as Amazon judges it. What is read as a path
and why: docs/decisions/009-category-paths.md. The report (`row_rules`), so every answer,
alert and /vtr, and the Amazon sync's categories (`CategoryBook`) all name a category here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from bot.domain.reference import category_aliases, top_level_names

_PATH_SIGNS = re.compile(r"\s*(?:-+>|=+>|>+|＞|›|»|→|⟩|〉)\s*")
"""Signs that only ever join the levels of a path: no category's name holds them."""
_NAME_OR_PATH_SIGNS = re.compile(r"\s*[/／|｜\\]\s*")
"""Signs that join a path's levels or one name's halves: 'Home & Kitchen/Bath' is a path,
'Clothing/Shoes' one name, 'Pet Supplies/宠物用品' one category in two languages."""


def product_category(text: str) -> str:
    """The category a file's category cell names, as Amazon judges it: the top level of a
    path ('Toys & Games > Puzzles' → 'Toys & Games'), else the text itself, stripped.
    An empty text stays empty (the caller's 'Uncategorized')."""
    name = text.strip()
    levels = [level for level in _PATH_SIGNS.split(name) if level]
    top = levels[0] if levels else ""
    parts = [part for part in _NAME_OR_PATH_SIGNS.split(top) if part]
    if len(parts) > 2 or (len(parts) == 2 and _starts_a_path(parts[0], parts[1])):
        return parts[0]
    return top.strip()


def names_a_category(text: str) -> bool:
    """Whether a text is a product category's name the table knows, in either language
    ('Toys & Games', 'Kitchen & Dining', '宠物用品'): a workbook's sheet so named holds that
    category's orders (`xlsx_reading._joined_sheets`)."""
    folded = _folded(text)
    return bool(folded) and any(folded in names for names in category_aliases())


def _starts_a_path(first: str, second: str) -> bool:
    """Two halves joined by '/' or '|' are a path when the first is a top-level category's
    name (Amazon's, or its common Chinese one) and the second is not that category's name
    in the other language: 'Toys & Games/Puzzles' and 'Home & Kitchen/Kitchen & Dining' are
    paths; 'Toys & Games/玩具' (one category, two languages) and 'Clothing/Shoes' are not."""
    names = top_level_names().get(_folded(first))
    if names is None:
        return False
    return not (_folded(second) in names and _is_han(first) != _is_han(second))


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().strip()


_HAN = re.compile(r"[\u3400-\u9fff]")


def _is_han(text: str) -> bool:
    return bool(_HAN.search(text))


def one_name_per_category(names: Iterable[str]) -> dict[str, str]:
    """A file's Chinese category names that name the same Amazon category as one English
    name in the same file ('玩具' beside 'Toys', '婴儿用品' beside 'Baby Products'), each to
    that English name: one category, written in two languages (an ERP's display setting),
    is one group, as Amazon measures it (docs/decisions/012). Names of a category the table
    does not know, or written in English twice, are left as written."""
    by_category: dict[int, list[str]] = {}
    for name in names:
        folded = _folded(name)
        known = next((i for i, names in enumerate(category_aliases()) if folded in names), None)
        if known is not None:
            by_category.setdefault(known, []).append(name)
    renamed: dict[str, str] = {}
    for written in by_category.values():
        english = [name for name in written if not _is_han(name)]
        if len(english) == 1:
            renamed |= {name: english[0] for name in written if _is_han(name)}
    return renamed
