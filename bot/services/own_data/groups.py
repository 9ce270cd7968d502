"""The report's groups a question names (categories, marketplaces, shops, and the units Amazon
judges), which kind a group is, and what belongs to it (its units, defects, plan entry):
every family of answers narrows to them the same way.
"""

from __future__ import annotations

import re
import unicodedata

from bot.domain.knowledge.case import Case
from bot.domain.knowledge.decide import carrier_roles
from bot.domain.models import (
    CellStats,
    Defect,
    GroupStats,
    PlannedGroup,
    VtrReport,
    unit_marketplace,
    unit_shop,
)
from bot.domain.reference import category_spellings, marketplace_by_code
from bot.domain.tracking import resolve_carrier
from bot.services.own_data.phrases import MISMATCHED

MAX_LINES = 10
"""Groups or defects listed in an answer; /vtr and the defect file hold the rest."""


def _mentions(text: str, name: str) -> bool:
    """The name is in the question; a Latin name as a whole word ("toys", not in "toysrus")."""
    if not name:
        return False
    if not name[0].isascii():
        return name in text
    return re.search(rf"(?<![a-z0-9]){re.escape(name)}(?![a-z0-9])", text) is not None


def named_units(case: Case, report: VtrReport) -> list[GroupStats]:
    """The groups the question names, as Amazon judges them: a named category that sells
    on several marketplaces is each of them (worst first), only those named when the
    question names some ("Toys on DE"); else as `named_groups`."""
    named = named_groups(case, report)
    if not (report.per_marketplace or report.per_shop):
        return named
    places = {g.name for g in named if is_marketplace(g, report)}
    shops = {g.name for g in named if is_shop(g, report)}
    categories = {g.name for g in named if is_category(g, report)}
    units = [
        u
        for u in report.enforced_units()
        if (u.name in categories or (shops and not categories))
        and _on_places(unit_marketplace(u), places)
        and _on_places(unit_shop(u), shops)
    ]
    if not units:
        return named
    answered = {unit_marketplace(u) for u in units}
    named_places = [g for g in named if is_marketplace(g, report) and g.name not in answered]
    if categories:
        return units + named_places
    return [g for g in named if is_shop(g, report)] + units[:MAX_LINES] + named_places


def _on_places(marketplace: str | None, places: set[str]) -> bool:
    """A unit of the marketplaces named (any when none is; a whole category always)."""
    return marketplace is None or not places or marketplace in places


def is_marketplace(group: GroupStats, report: VtrReport) -> bool:
    return any(group is s for s in report.by_marketplace)


def is_shop(group: GroupStats, report: VtrReport) -> bool:
    return any(group is s for s in report.by_shop)


def is_category(group: GroupStats, report: VtrReport) -> bool:
    return not (is_marketplace(group, report) or is_shop(group, report))


def named_groups(case: Case, report: VtrReport) -> list[GroupStats]:
    """The report's groups the question names: a category by any of its names in either
    language ("Toys" for 玩具, "家居" for Home & Kitchen), a marketplace by the registry."""
    # As typed too: the typo repair may have changed a name's word ("Products" → "product").
    text = f"{case.text.casefold()} {unicodedata.normalize('NFKC', case.raw).casefold()}"
    shops = _named_shops(text, report)
    # A shop's name names no category: "Sunny Home Store的玩具" is about Toys alone.
    rest = _without_names(text, shops)
    categories = [s for s in report.by_category if category_named(rest, s.name)]
    if not categories:  # "Industrial" for "Industrial & Scientific": a word of its own name
        categories = [s for s in report.by_category if _a_word_of(rest, s.name)]
    markets = [s for s in report.by_marketplace if any(m.code == s.name for m in case.markets)]
    markets = [s for s in markets if not _only_in_shop_names(text, s.name, shops)]
    return categories + markets + shops


def category_named(text: str, name: str) -> bool:
    """The category is named in the (folded) question by any of its names."""
    return bool(name) and any(_mentions(text, n) for n in category_spellings(name))


def _only_in_shop_names(text: str, code: str, shops: list[GroupStats]) -> bool:
    """ "ALPHA-US total how many invalid": the US of a shop's name names no marketplace;
    said again outside the names ("ALPHA-US 的美国站"), it does."""
    market = marketplace_by_code().get(code)
    if market is None or not shops:
        return False
    words = [code, market.zh, market.domain, *market.aliases]
    names = [unicodedata.normalize("NFKC", s.name).casefold() for s in shops]
    if not any(_said(name, word) for name in names for word in words):
        return False
    return not any(_said(_without_names(text, shops), word) for word in words)


def _without_names(text: str, shops: list[GroupStats]) -> str:
    """The question with the named shops' names taken out."""
    for shop in shops:
        text = text.replace(unicodedata.normalize("NFKC", shop.name).casefold(), " ")
    return text


def _said(text: str, word: str) -> bool:
    word = word.casefold()
    return (
        bool(word) and re.search(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", text) is not None
    )


_NOT_A_SHOPS_NAME = frozenset({"amazon", "亚马逊", "shop", "store", "店铺", "店"})
"""Shop names that are also the words of any question ("does Amazon count FBA?"): never
taken as naming that shop."""


def _named_shops(text: str, report: VtrReport) -> list[GroupStats]:
    """The shops named, in a report of several (with one, the shop is the whole report)."""
    if len(report.by_shop) < 2:
        return []
    shops = [s for s in report.by_shop if s.name.casefold() not in _NOT_A_SHOPS_NAME]
    named = [s for s in shops if _names_shop(text, s.name)]
    if named:
        return named
    return [s for s in shops if _names_shop_by_part(text, s.name, [o.name for o in shops])]


_SHOP_BEFORE = r"(?:店铺|店舖|店|shop|store|account|账号|帐号)\s*"
_SHOP_AFTER = r"\s*(?:店铺|店舖|号店|店)"


def _names_shop(text: str, name: str) -> bool:
    """The shop is named: by its whole name ("Moon-EU", "月亮店"); a name of one or two
    Latin letters or digits ("A") only after a word for a shop ("店铺A", "shop A") or before
    a Chinese one ("A店"), or it would be found in every sentence ("is a category …")."""
    name = unicodedata.normalize("NFKC", name).casefold().strip()
    if not name or not _mentions(text, name):
        return False
    if len(name) > 2 or not name.isascii():
        return True
    word = re.escape(name)
    beside = rf"{_SHOP_BEFORE}{word}(?![a-z0-9])|(?<![a-z0-9]){word}{_SHOP_AFTER}"
    return re.search(beside, text) is not None


_SHOP_KIND = re.compile(
    r"(?:旗舰店|专营店|专卖店|官方店|精品店|店铺|店|official store|official shop|store|shop|"
    r"trading|co\.?,? ?ltd\.?|ltd\.?|inc\.?|llc)$"
)
"""The words a shop's name ends with that say what it is, not which one ("旗舰店", "Store")."""
_NAME_PART = re.compile(r"[a-z0-9]{3,}|[\u4e00-\u9fff]{2,}")
_SHOP_WORD_AFTER = r"\s*(?:那个|这个|那家|这家|的)?\s*(?:店铺|店|shop|store|account)"


def _names_shop_by_part(text: str, name: str, names: list[str]) -> bool:
    """The shop is named by part of its name, as sellers shorten it: its name without
    the words saying it is a shop ("Sunnyhome" of "Sunnyhome旗舰店"), or a word of it beside
    a word for a shop ("极光那个店", "Sunnyhome's store"), a word no other shop's name has."""
    folded = unicodedata.normalize("NFKC", name).casefold().strip()
    core = _SHOP_KIND.sub("", folded).strip(" -_·")
    if core != folded and len(core) >= 4 and core not in _GENERIC_WORDS and _mentions(text, core):
        return True
    others = [unicodedata.normalize("NFKC", n).casefold() for n in names if n != name]
    for part in _NAME_PART.findall(core):
        if part in _GENERIC_WORDS or any(part in other for other in others):
            continue
        word = re.escape(part)
        if re.search(rf"(?<![a-z0-9]){word}(?:'s)?{_SHOP_WORD_AFTER}", text) or re.search(
            rf"{_SHOP_BEFORE}{word}(?![a-z0-9])", text
        ):
            return True
    return False


_GENERIC_WORDS = frozenset(
    {"and", "products", "product", "supplies", "accessories", "other", "others", "general",
     "items", "goods", "improvement", "care", "personal", "home", "the", "for"}
)  # fmt: skip
"""Words of a category's name too common to name it alone ("accessories", "home")."""


def _a_word_of(text: str, name: str) -> bool:
    """A distinctive Latin word (4+ letters) of the category's own name is in the question."""
    words = re.findall(r"[a-z]{4,}", unicodedata.normalize("NFKC", name).casefold())
    return any(w not in _GENERIC_WORDS and _mentions(text, w) for w in words)


def shop_units(report: VtrReport, shop: str) -> list[GroupStats]:
    return [u for u in report.enforced_units() if unit_shop(u) == shop]


def in_cell(defect: Defect, cell: CellStats) -> bool:
    """The defect is one of the cell's: its category, on its marketplace (any, for a shop's
    cell of a one-marketplace file), in its shop (when cells are taken per shop)."""
    return (
        defect.category == cell.name
        and (not cell.marketplace or defect.marketplace == cell.marketplace)
        and (cell.shop is None or defect.shop == cell.shop)
    )


def plan_of(group: GroupStats, report: VtrReport) -> PlannedGroup | None:
    """The fix plan's entry for a named group: a category (or cell), or a marketplace."""
    if is_shop(group, report):
        return report.shop_plan(group)
    if is_marketplace(group, report):
        return report.planned(group, "marketplace")
    return report.planned(group)


def carrier_of(named: set[str], carrier_id: str | None) -> bool:
    """A carrier of the file is one the question names: the same, or of the family named
    ("DHL" names the file's "DHL Express Worldwide", read as DHL Express)."""
    return carrier_id is not None and any(
        carrier_id == n or carrier_id.startswith(n + "_") for n in named
    )


def carriers_fit(case: Case, defect: Defect) -> bool:
    """The defect is of the carriers named, as the report groups it (`row_carrier_named`);
    with two named in roles ("a UPS number entered under USPS"), that selection with that
    number; with a mismatch asked and none named, any whose number fits another carrier."""
    selected_and_actual = carrier_roles(case) if len(case.carriers) == 2 else None
    if selected_and_actual:
        selected, actual = (name.casefold() for name in selected_and_actual)
        looks = (defect.looks_like or "").casefold()
        return defect.carrier.casefold() == selected and looks == actual
    carriers = {c.id for c in case.carriers}
    if not carriers and MISMATCHED.search(case.text):
        return defect.looks_like is not None  # its number fits another carrier
    return not carriers or row_carrier_named(case, defect.carrier)


def row_carrier_named(case: Case, carrier: str) -> bool:
    """A row's carrier (or a report's carrier group) is one the question names: the carrier
    picked for the row, as the report's alias table reads it (a file's "燕文" is Yanwen),
    the same rule the report groups rows by. A number that only looks like the named
    carrier's ("Speedy Parcel Co" with a DHL number) is another carrier's row, whose fix is
    to pick the right one."""
    return carrier_of({c.id for c in case.carriers}, resolve_carrier(carrier))
