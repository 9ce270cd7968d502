"""A pasted tracking number's verdict (decide/numbers.py) worded for the seller: one line a
number, then, when a format is right, that a right format is not yet valid tracking."""

from __future__ import annotations

from bot.domain.knowledge.cards import describe_format
from bot.domain.knowledge.decide.numbers import RIGHT, numbers_checked
from bot.domain.knowledge.schema import Decision
from bot.domain.reference import carrier_by_id
from bot.services.i18n import Translator
from bot.services.lines import list_separator, sentence_gap

MAX_FORMATS_SHOWN = 3


def tracking_number_text(decision: Decision, t: Translator) -> str:
    """Each number's verdict in turn; the scan rule after them when any format is right."""
    facts = decision.facts
    entered = str(facts.get("entered", ""))
    count = int(facts.get("count", 0))
    lines = [_number_line(decision, i, entered, t) for i in range(1, count + 1)]
    if any(facts.get(f"verdict{i}") in RIGHT for i in range(1, count + 1)):
        lines.append(
            t._(
                "A right format is not yet valid tracking: Amazon counts the number only once "
                "it has recorded a physical scan from the carrier, which I cannot see from here."
            )
        )
    return "\n".join(lines)


def number_by_format(number: str, t: Translator) -> str:
    """One number's verdict by its format alone, for a number the chat's files do not hold:
    "not in your files" says nothing of whether the number itself is right."""
    return _number_line(numbers_checked([number]), 1, "", t)


def _names(ids: str, t: Translator) -> str:
    """Carrier ids as their names, joined as alternatives ("China Post or China EMS")."""
    known = carrier_by_id()
    names = [known[i].name for i in ids.split() if i in known]
    if len(names) < 2:
        return "".join(names)
    return t._("{names} or {last}", names=list_separator(t).join(names[:-1]), last=names[-1])


def _number_line(decision: Decision, i: int, entered: str, t: Translator) -> str:
    facts = decision.facts
    verdict = str(facts[f"verdict{i}"])
    number = str(facts[f"number{i}"])
    carriers = _names(str(facts[f"carriers{i}"]), t)
    carrier = _names(entered, t)
    checked = bool(facts[f"check_digit{i}"])
    if verdict == "right" and checked:
        return t._(
            "{number}: format and check digit right for {carrier}.", number=number, carrier=carrier
        )
    if verdict == "right":
        return t._(
            "{number}: format right for {carrier} ({carrier} numbers carry no check digit, so "
            "the format is all that can be checked).",
            number=number,
            carrier=carrier,
        )
    if verdict == "unverified":
        return t._(
            "{number}: {carrier} publishes no number format I can check, so the number itself "
            "cannot tell me whether it is right.",
            number=number,
            carrier=carrier,
        )
    if verdict == "other_carrier":
        return t._(
            "{number} looks like a {likely} number, not {carrier}: entered under {carrier}, the "
            'tracking shows as "unconfirmed" and does not count as valid. Pick {likely} from '
            "Amazon's carrier list (Edit tracking, before the buyer receives the package).",
            number=number,
            likely=carriers,
            carrier=carrier,
        )
    return _wrong_line(decision, i, number, carriers, t)


def _wrong_line(decision: Decision, i: int, number: str, carriers: str, t: Translator) -> str:
    """A number whose own verdict is a wrong check digit or format, or the carriers whose
    format it fits when none is named."""
    facts = decision.facts
    verdict = str(facts[f"verdict{i}"])
    named = bool(facts.get("entered"))
    if verdict == "bad_check" and named:
        return t._(
            "{number}: wrong check digit for {carrier}. It has the format of a {carrier} "
            "number, but its check digit does not match: a character is mistyped or missing. "
            "Copy the number again from the label or the carrier's system.",
            number=number,
            carrier=carriers,
        )
    if verdict == "bad_check":
        return t._(
            "{number}: wrong check digit. It has the format of a {carriers} number, but its "
            "check digit does not match: a character is mistyped or missing. Copy the number "
            "again from the label or the carrier's system.",
            number=number,
            carriers=carriers,
        )
    if verdict == "bad_format":
        return _format_line(number, str(facts["entered"]), t)
    if verdict == "owned":
        return _owned_line(number, carriers, bool(facts[f"check_digit{i}"]), t)
    if verdict == "fits":
        line = t._(
            "{number} fits the number format of {carriers}, a format without a check digit, so "
            "its shape alone cannot tell whose number it is: the carrier on its label is the "
            "one to pick.",
            number=number,
            carriers=carriers,
        )
        if bad := str(facts.get(f"bad_check{i}", "")):
            wrong = t._(
                "As a {carriers} number its check digit would be wrong.",
                carriers=_names(bad, t),
            )
            line = sentence_gap(t).join((line, wrong))
        return line
    return t._(
        "{number} fits none of the number formats I can check (UPS, USPS, FedEx, DHL, the "
        "posts' S10 numbers, YunExpress). If its carrier publishes no format (Yanwen, 4PX, SF "
        "Express …), only the carrier can confirm it; otherwise look for a typing mistake.",
        number=number,
    )


def _owned_line(number: str, carriers: str, checked: bool, t: Translator) -> str:
    if checked:
        return t._(
            "{number}: format and check digit right for a {carriers} number.",
            number=number,
            carriers=carriers,
        )
    return t._(
        "{number}: format right for a {carriers} number ({carriers} numbers carry no check "
        "digit, so the format is all that can be checked).",
        number=number,
        carriers=carriers,
    )


def _format_line(number: str, carrier_id: str, t: Translator) -> str:
    """A number that fits none of the named carrier's formats, with what they look like."""
    carrier = carrier_by_id()[carrier_id]
    described = [
        text
        for fmt in carrier.formats
        for option in fmt.pattern.split("|")
        if (text := describe_format(option, t.lang)) is not None
    ][:MAX_FORMATS_SHOWN]
    if not described:
        return t._(
            "{number}: wrong format for {carrier}: it fits none of {carrier}'s number formats.",
            number=number,
            carrier=carrier.name,
        )
    return t._(
        "{number}: wrong format for {carrier}. {carrier} numbers look like this: {formats}.",
        number=number,
        carrier=carrier.name,
        formats=("，或 " if t.lang == "zh" else "; or ").join(described),
    )
