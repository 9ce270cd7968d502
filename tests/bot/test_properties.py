"""Properties checked on generated input, with hypothesis: any button data decoded safely,
any HTML split into parts that fit and keep the text, any text clipped to its start. The
full tier as a whole: each is over 0.3 s of CPU for its examples, and the fast tier then
never imports hypothesis (tests/conftest.py). The hand-made cases of the same functions are
tests/bot/test_buttons.py's and test_text_split.py's, in the fast tier."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.services import buttons
from bot.services.replies import Button
from bot.services.text_split import TELEGRAM_LIMIT, clip, split_html, units

pytestmark = [pytest.mark.slow, pytest.mark.long]

_TAGS = ["b", "i", "u", "s", "code", "pre", 'a href="https://example.com/?a=1&amp;b=2"']
_WORDS = st.one_of(
    st.text(alphabet="abcxyz中文😀 ", min_size=1, max_size=40),
    st.sampled_from(["&amp;", "&lt;", "&gt;", "&quot;", "\n", "\n\n", " "]),
    st.integers(1, 9000).map(lambda n: "x" * n),  # one very long word
    st.integers(1, 3000).map(lambda n: "😀" * n),  # two UTF-16 units each
)


def _html(depth: int = 3) -> st.SearchStrategy[str]:
    leaf = st.lists(_WORDS, max_size=8).map("".join)
    if depth == 0:
        return leaf
    tagged = st.tuples(st.sampled_from(_TAGS), st.deferred(lambda: _html(depth - 1))).map(
        lambda pair: f"<{pair[0]}>{pair[1]}</{pair[0].split()[0]}>"
    )
    return st.lists(st.one_of(leaf, tagged), max_size=6).map("".join)


class _Balance(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open: list[str] = []
        self.ok = True

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self.ok = self.ok and bool(self.open) and self.open.pop() == tag


def _balanced(part: str) -> bool:
    parser = _Balance()
    parser.feed(part)
    parser.close()
    return parser.ok and not parser.open


def _text(html: str) -> str:
    return re.sub(r"<[^>]*>", "", html).replace("\n", "")


def _shown(text: str) -> str:
    return re.sub(r"\s+", "", text)


@given(st.text(max_size=80))
def test_decode_never_raises(data: str) -> None:
    action = buttons.decode(data)
    if action is not None:  # whatever it accepts, it can send back
        Button("label", buttons.encode(action))


# Generating large nested HTML is most of each example's cost: the README's command tries
# 75 of them, the `sweep` tier (.ci/run's own step) 300.
@settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_html(), st.sampled_from([TELEGRAM_LIMIT, 400]))
def test_parts_fit_are_balanced_and_keep_the_text(html: str, limit: int) -> None:
    parts_fit_balanced_and_keep_the_text(html, limit)


@pytest.mark.sweep
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_html(), st.sampled_from([TELEGRAM_LIMIT, 400]))
def test_parts_fit_are_balanced_and_keep_the_text_in_many_shapes(html: str, limit: int) -> None:
    parts_fit_balanced_and_keep_the_text(html, limit)


def parts_fit_balanced_and_keep_the_text(html: str, limit: int) -> None:
    parts = split_html(html, limit)
    assert all(units(part) <= limit for part in parts)
    assert all(_balanced(part) for part in parts)
    # Each part is the text verbatim; only a part of nothing but blanks is left out (Telegram
    # refuses an empty message), so no character that shows is ever lost.
    assert all(_text(part) in _text(html) for part in parts)
    assert _shown("".join(_text(part) for part in parts)) == _shown(_text(html))


@given(st.text(max_size=9000), st.integers(1, 5000))
def test_clip_fits_and_keeps_the_start(text: str, limit: int) -> None:
    clipped = clip(text, limit)
    assert units(clipped) <= limit
    if units(text) <= limit:
        assert clipped == text
    else:
        assert clipped.endswith("…")
        assert text.startswith(clipped[:-1])
