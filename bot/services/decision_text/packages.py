"""One package or number asked about: its carrier, its age, a split order's boxes."""

from __future__ import annotations

from bot.domain.knowledge.schema import Decision
from bot.services.decision_text.wording import _, fact_texts
from bot.services.i18n import Translator, month_day
from bot.services.lines import list_separator, sentence_gap


def mismatch(decision: Decision, t: Translator) -> str:
    """A carrier that does not match the number: "not valid" to a question whether it counts,
    "it matters" to one whether it matters; with the two carriers' names when known."""
    named = bool(decision.facts.get("selected"))
    if decision.facts.get("valid_asked"):
        msgid = (
            _(
                "Not valid: a {actual} number entered with {selected} as the carrier does not "
                'match, so the tracking shows as "unconfirmed". Edit the tracking to {actual} '
                "before the buyer receives the package."
            )
            if named
            else _(
                "Not valid: when the carrier selected does not match the number, the tracking "
                'shows as "unconfirmed". Edit it to the number\'s carrier before the buyer '
                "receives the package."
            )
        )
    else:
        msgid = (
            _(
                "It matters: a {actual} number entered with {selected} as the carrier does not "
                'match, so the tracking shows as "unconfirmed" and does not count as valid. Edit '
                "the tracking to {actual} before the buyer receives the package."
            )
            if named
            else _(
                "It matters: when the carrier selected does not match the number, the tracking "
                'shows as "unconfirmed" and does not count as valid. Edit it to the number\'s '
                "carrier before the buyer receives the package."
            )
        )
    return t._(msgid, **fact_texts(decision))


def shipment_age(decision: Decision, t: Translator) -> str:
    """A package's age against VTR's 30-day window, which Amazon keys on the promised
    delivery date."""
    if "as_of" in decision.facts:
        return _age_in_window_of(decision, t)
    f = fact_texts(decision)
    if decision.facts.get("lately_out"):
        return t._(
            "A package shipped {days} days ago is outside VTR's last 30 days, so it no "
            "longer counts toward your VTR. Amazon places packages by their promised "
            "delivery date and shows VTR about two weeks late, so it can stay on Amazon's "
            "page a little longer.",
            **f,
        )
    if decision.facts["inside"]:
        return t._(
            "A package shipped {days} days ago is inside VTR's 30-day window (Amazon places "
            "it by its promised delivery date), so it counts toward your VTR.",
            **f,
        )
    return t._(
        "A package shipped {days} days ago is outside VTR's 30-day window (Amazon places it "
        "by its promised delivery date), so it no longer counts toward your VTR.",
        **f,
    )


def _age_in_window_of(decision: Decision, t: Translator) -> str:
    """The report's window for the as-of day named, and the day shipped against it."""
    days = {
        key: month_day(t.lang, *(int(n) for n in str(decision.facts[key]).split("-")))
        for key in ("as_of", "start", "shipped")
    }
    first = _first_day_in_window_of(decision, t, days)
    said = [first, *_more_days_in_window(decision, t)]
    if decision.facts.get("by_ship_date"):
        said.append(
            t._(
                "That is by ship date, as you asked; Amazon's own page places a package in "
                "the window by its promised delivery date."
            )
        )
    return sentence_gap(t).join(said)


def _more_days_in_window(decision: Decision, t: Translator) -> list[str]:
    """The further ship days asked, each against the same window."""
    said: list[str] = []
    for key, msgid in (
        ("also_inside", _("A package shipped {shipped} is inside it and counts.")),
        ("also_before", _("A package shipped {shipped} is before it and does not count.")),
    ):
        days = [d for d in str(decision.facts.get(key, "")).split(",") if d]
        named = [month_day(t.lang, *(int(n) for n in d.split("-"))) for d in days]
        if named:
            said.append(t._(msgid, shipped=list_separator(t).join(named)))
    return said


def _first_day_in_window_of(decision: Decision, t: Translator, days: dict[str, str]) -> str:
    if decision.facts["inside"]:
        return t._(
            "With {as_of} as the as-of date, the window is {start} – {as_of} (30 days, both "
            "included): a package shipped {shipped} is inside it and counts toward your VTR.",
            **days,
        )
    return t._(
        "With {as_of} as the as-of date, the window is {start} – {as_of} (30 days, both "
        "included): a package shipped {shipped} is before it and no longer counts toward "
        "your VTR.",
        **days,
    )


def split_order(decision: Decision, t: Translator) -> str:
    """Each package of the order counted, the ones without their own number invalid, and
    the fix before delivery."""
    if "missing" not in decision.facts:  # "拆了两个包裹，这单算几个货件？"
        return t._(
            "The order counts as {packages} packages (shipments), not one: VTR counts each "
            "package, and each needs its own valid tracking number; every box without one is "
            "an invalid package, one defect each.",
            packages=decision.facts["packages"],
        )
    untracked = int(decision.facts["missing"])
    return t.ngettext(
        "Each of the order's {packages} packages counts toward VTR, so the {count} without "
        "its own tracking number is an invalid package. Add its tracking number with "
        "Edit tracking before it is delivered; one added after delivery is still a defect.",
        "Each of the order's {packages} packages counts toward VTR, so the {count} without "
        "their own tracking number are invalid packages. Add each box's tracking "
        "number with Edit tracking before it is delivered; one added after delivery is still "
        "a defect.",
        untracked,
        packages=decision.facts["packages"],
    )


def number_prefix(decision: Decision, t: Translator) -> str:
    """Whose numbers start (or end) with the letters told, with that carrier's formats, then
    the carrier named if it is another; a usual start only as likely, after the formats of
    the carrier named (what rules it out)."""
    values = fact_texts(decision)
    values["owner_formats"] = values[f"owner_formats_{t.lang}"]
    values["others"] = list_separator(t).join(filter(None, values["others"].split(",")))
    if decision.facts.get("usual"):
        owner = t._(
            "{owner} numbers usually start with {usual_starts} ({owner_formats}), but the "
            "first digits alone do not prove whose a number is: other carriers hand out "
            "numbers of plain digits too, so pick the carrier whose label it came from.",
            **values,
        )
    elif decision.facts.get("at_end"):
        owner = t._("A number ending in {told} is {owner}'s: {owner_formats}.", **values)
    else:
        owner = t._("A number starting with {told} is {owner}'s: {owner_formats}.", **values)
    lines = [owner]
    if values["others"]:
        lines.append(t._("{others} hand out such numbers too.", **values))
    if formats := values.get(f"named_formats_{t.lang}"):
        named = t._(
            "{named} numbers look like this: {formats}.", named=values["named"], formats=formats
        )
        lines.insert(0 if decision.facts.get("usual") else len(lines), named)
    return sentence_gap(t).join(lines)


def number_length(decision: Decision, t: Translator) -> str:
    """The carrier's formats, against which a length told was checked."""
    values = fact_texts(decision)
    formats = values[f"named_formats_{t.lang}"]
    return t._("{named} numbers look like this: {formats}.", named=values["named"], formats=formats)
