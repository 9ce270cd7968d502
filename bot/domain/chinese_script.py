"""Traditional Chinese read as Simplified, for questions and for files alike.

A seller in Taiwan or Hong Kong writes 聯邦快遞, 亞馬遜配送 and 已出貨 where the aliases hold
联邦快递, 亚马逊配送 and 已出货. Folding both sides to Simplified lets one alias serve both
scripts, so no table lists a name twice.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import opencc  # at run time only when first needed: text without Han skips it

_HAN = re.compile(r"[\u3400-\u9fff]")


@cache
def _converter() -> opencc.OpenCC:
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional characters as Simplified ones; Simplified text comes back unchanged."""
    if not _HAN.search(text):
        return text
    simplified: str = _converter().convert(text)  # opencc's `convert` has no return type
    return simplified
