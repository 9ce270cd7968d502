"""Every part the splitter makes fits in a Telegram message, is valid HTML on its own,
and together the parts say all the text said; a seller's words clipped to a limit keep
their start. The same properties on generated text are tests/bot/test_properties.py's, in
the full tier."""

from __future__ import annotations

from bot.services.text_split import clip, split_html, units


def test_a_long_line_after_a_cut_at_a_line_break_is_cut_again() -> None:
    """Before: the cut at the line break kept the long line whole, and the next word
    was added without a check: a part of 4,103 units."""
    parts = split_html("<b>\n</b>" + "x" * 5000)
    # (A first part "<b></b>" of 7 units came before these until issue 25, finding 14.)
    assert [units(part) for part in parts] == [3079, 1928]
    assert "".join(parts) == "<b></b>" + "x" * 5000


def test_no_part_is_only_tags() -> None:
    """Issue 25, finding 14: a cut at the line break right after `<b>` gave `<b></b>`,
    a message Telegram refuses as empty."""
    parts = split_html("<b>\n" + "x" * 5000 + "</b>")
    assert all(part.replace("<b>", "").replace("</b>", "").strip() for part in parts)
    assert "".join(p.replace("<b>", "").replace("</b>", "") for p in parts) == "x" * 5000


def test_a_tag_around_a_cut_is_closed_and_opened_again() -> None:
    """200 words of five units inside <b>, cut at 400 units: every part fits, holds its own
    <b>…</b>, and the parts together are the 200 words."""
    parts = split_html("<b>" + "word " * 200 + "</b>", 400)
    assert len(parts) > 1
    assert all(units(part) <= 400 for part in parts)
    assert all(part.startswith("<b>") and part.endswith("</b>") for part in parts)
    words = "".join(part[3:-4] for part in parts).split()
    assert words == ["word"] * 200


def test_clip_keeps_text_within_the_limit_as_it_is() -> None:
    assert clip("Ship Date", 9) == "Ship Date"


def test_clip_cuts_with_an_ellipsis_counted_in_the_limit() -> None:
    # 9 units allowed: the ellipsis takes one, so 8 characters of the text are kept.
    assert clip("Tracking Number", 9) == "Tracking…"


def test_clip_counts_what_telegram_counts() -> None:
    # An emoji is two UTF-16 units: 5 units hold the ellipsis and two emoji, not three.
    assert clip("😀😀😀😀", 5) == "😀😀…"
