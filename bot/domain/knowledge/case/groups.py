"""Several labelled groups' package figures in one message, each with its name."""

from __future__ import annotations

import re

from bot.domain.knowledge.case.package_figures import not_counts
from bot.domain.knowledge.case.rates import sellers_rate
from bot.domain.knowledge.figures import (
    Counts,
    more_invalid,
    read_figures,
    supposes_new_packages,
)
from bot.domain.knowledge.patterns import CLAUSE, lazy

SEGMENT = lazy(r"[；;。\n]|\.(?=\s)|(?<=\D)[，,](?=[^，,；;\d]{1,20}[:：])")


_FILLER = (
    r"(?:is|are|was|were|at|has|had|have|with|of|and|on|in|only|just|about|around|got|shows?)\b"
)
"""Words between a group's name and its figures ("toys is 190/200"): never a name."""


_NEXT_LABEL = lazy(rf"(?<=\d)\s+(?!{_FILLER})(?=[^\d\s,，:：/]+\s*[:：]?\s*\d)")
"""Between one group's figures and the next group's name ("Toys 57/60 Home 99/100")."""


_AND_NEXT = lazy(r"(?<=\d)\)?\s+(?:and|but|while|whereas|plus|vs\.?|versus)\s+(?=[^\d]{1,40}\d)")
"""Between two groups joined by a word ("toys is 190/200 and on amazon.co.uk toys …")."""


_SPACED_LABEL = lazy(rf"\s+(?!{_FILLER})(?=[^\d\s,，:：/]{{2,12}}\s+\d)")
"""Before a name written apart from its figures ("… 96单有效 欧洲站家居 100单 …")."""


_AFTER_FIGURE_WORD = lazy(
    rf"(?:(?<=有效)|(?<=无效)|(?<=valid)|(?<=tracked)|(?<=shipped)|(?<=\d单)|(?<=\d个))\s+(?!{_FILLER})"
    r"(?=[^\d,，:：/]{1,16}?\s*[:：]?\s*\d)"
)
"""After one group's last figure word, before the next group's name ("A店300单290有效 B店120单
113有效", "toys 60 shipped 57 valid garden 40 …")."""


_LEADING_WORDS = lazy(r"^\s*(?:但是|可是|而且|其中|但|and|but)?\s*([^\d:：]{1,40}?)\s*\d")


_LABEL = lazy(r"^\s*([^:：，,；;。]{1,40}?)\s*[:：]")
"""A group's name before its figures, a marketplace with it ("Kitchen on amazon.co.uk: …")."""


def read_groups(text: str, amount: float | None) -> tuple[tuple[str, Counts], ...]:
    """Figures per labelled group, when a question gives two or more groups: split at
    sentences and labels first ("Kitchen: 73 shipments, 70 valid. Beauty: …"), else at
    every comma ("整体100单97单有效，家居40单只有37单有效，玩具60单全部有效")."""
    best: list[tuple[str, Counts]] = []
    text = _pairs_as_declared(text)
    for splitter in (SEGMENT, CLAUSE, _AND_NEXT, _NEXT_LABEL, _SPACED_LABEL, _AFTER_FIGURE_WORD):
        found = _groups_of(splitter.split(text), amount)
        # The finest split that still reads a group from each piece: sentences can hold
        # several groups apart by commas ("Toys 12 shipments 11 valid, Garden 43 …").
        if len(found) > max(len(best), 1):
            best = found
    return tuple(best)


def _groups_of(pieces: list[str], amount: float | None) -> list[tuple[str, Counts]]:
    """The groups the pieces of a split read, each with its name; a shop's name split off
    from its figures ("店铺1 | 发了250单 有效240") names the figures after it."""
    found: list[tuple[str, Counts]] = []
    name = ""
    for segment in pieces:
        reading = (
            read_figures(segment, not_counts(amount), sellers_rate(segment)) if segment else None
        )
        counts = reading.now if reading else None
        # "…, if we send 250 more, all tracked": new packages supposed, no group of its own;
        # nor "如果下周冒出5个无效（总数还是95）": packages of the group told supposed invalid.
        supposed = reading is not None and (
            "new_valid" in reading.roles
            or supposes_new_packages(segment)
            or more_invalid(segment) is not None
        )
        if counts is not None and not supposed:
            found.append((group_label(f"{name} {segment}" if name else segment), counts))
        name = segment if counts is None and _SHOP_NAME.search(segment or "") else ""
    return found


_TOTAL_THEN_VALID = lazy(
    r"\d+\s*(?:shipped|shipments?|packages?|parcels?|orders?|sent|个包裹|个|单|发了?)\s*/\s*"
    r"(?:有效\s*)?\d+\s*[个单件]?\s*(?:valid|tracked|有效)"
)


_BARE_PAIR = lazy(r"(?<![\d./])(\d+)\s*/\s*(\d+)(?!\d|\.\d|\s*[/%])")


def _pairs_as_declared(text: str) -> str:
    """ "Toys 120 shipped / 117 valid, Garden 40 / 38": the first group names its figures
    total first, so a bare pair after it is total / valid too, written valid/total as the
    reader takes a bare pair ("38/40"); only a pair whose first figure is the larger."""
    declared = _TOTAL_THEN_VALID.search(text)
    if declared is None:
        return text
    head, tail = text[: declared.end()], text[declared.end() :]

    def swapped(pair: re.Match[str]) -> str:
        total, valid = int(pair.group(1)), int(pair.group(2))
        return f"{valid}/{total}" if total > valid else pair.group()

    return head + _BARE_PAIR.sub(swapped, tail)


_FIGURE_WORDS = lazy(
    r"(?:有效|无效|总共|一共|共|总数|总量|合计|发了|发货|valid|invalid|total|shipped|sent|orders?|packages?)"
    r"[^\w]*(?:的|是|为|有|:|：)?"
)


def group_label(segment: str) -> str:
    """The group's name before its figures, without the words that join it to them ("A
    with 100 packages" → "A", "on amazon.co.uk toys is 98/100" → "amazon.co.uk toys")."""
    label = _label_before(segment)
    shop = _SHOP_NAME.search(segment)
    name = shop.group().strip() if shop else ""
    stem = re.sub(r"\s*[a-z0-9]$", "", name)  # "店铺" of "店铺1", split off its number
    if name and (not label or label.endswith(name) or (bool(stem) and label.endswith(stem))):
        # "两个店 A店300单…", "店铺1 发了250单": the shop's name, its number with it; a shop
        # said beside a category ("Home (shop A) 288 …") leaves the label whole.
        return name
    return label


def _label_before(segment: str) -> str:
    label = _LABEL.match(segment)
    if label:  # "我有三个类目：A类100个…": a name after the colon is the group's own
        after = _LEADING_WORDS.match(segment[label.end() :])
        own = after.group(1).strip() if after else ""
        if _FIGURE_WORDS.fullmatch(own):
            own = ""  # "家居：有效 190": the words after the colon name the figure, not a group
        return bare_label(own or label.group(1))
    label = _LEADING_WORDS.match(segment)
    return bare_label(label.group(1)) if label else ""


_SHOP_NAME = lazy(
    r"(?<![a-z])(?:stores?|shops?|accounts?|店铺|账号)\s*[a-z0-9](?![a-z0-9])|"
    r"(?<![a-z0-9])[a-z](?:\s*号)?\s*店(?:铺)?|(?<!\d)\d{1,2}\s*号\s*店(?:铺)?"
)
"""A shop named by a letter or a number ("Store 1", "shop B", "A店", "2号店", "店铺1")."""


_JOINING_HEAD = lazy(r"^(?:(?:on|in|for|and|but|my|our|the|then|also|而|还有|另外)\s+|[(（])+")


_JOINING_END = lazy(rf"(?:\s+{_FILLER}|\s*[(（]|\s*[-—–]|\s*(?:发了|发货|一共|总共|共))+$")


def bare_label(label: str) -> str:
    label = label.strip().lstrip("、,，;；/|-—–·*•").rstrip("=:：")
    return _JOINING_END.sub("", _JOINING_HEAD.sub("", label.strip())).strip()
