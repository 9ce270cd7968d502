"""/fix, /fixes and the fix buttons: a seller fixes a connected store's package from the chat.

Two taps when the bot knows the fix (the number is another carrier's: "fix" → "confirm");
otherwise the bot asks for the right number, checks the reply offline with the report's
rules, and shows the exact change (order, package, old → new carrier and number) with a
"confirm" button. Nothing is sent without that press (`FixService.confirm`).

Entry points for the core: `list_fixable` (/fix), `history` (/fixes), `on_button`,
`awaiting_number` and `on_text` (the typed number, or a photo's caption).
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

from bot.domain.amazon_carriers import carrier_name
from bot.domain.defects_file import FilledRow, fix_columns, read_filled_defects
from bot.domain.errors import FileRejected
from bot.domain.models import DEFECT_REASONS
from bot.services import buttons
from bot.services.amazon.fix_records import FixRecord
from bot.services.amazon.fixing import Change, Fixable, FixService, Refusal, Sent
from bot.services.defect_document import defect_file_labels
from bot.services.i18n import SUPPORTED_LANGS, Translator, translator
from bot.services.lines import esc, say, sentence_gap
from bot.services.replies import ChatRef, Reply, Upload, pack
from bot.services.vtr_words import reason_text

FIX_ROWS_CHECKED = 5000
"""Filled rows checked from one file: far more than a store's editable defects, few enough
to check at once; the rest are counted and the seller told to send them again."""
DEFECT_FILE_MAX_BYTES = 2 << 20
"""A store's defect file is tens of kilobytes; a bigger XLSX is read only by the analysis,
as an order report (docs/performance.md: what reading one back costs)."""
LISTED = 8
"""Packages offered with a button at once: the fix plan's first, then the newest."""


@cache
def defect_file_columns() -> dict[str, str]:
    """The defect file's headers in every language the bot writes it in."""
    return fix_columns(defect_file_labels(translator(lang)) for lang in SUPPORTED_LANGS)


@cache
def _defect_file_prefixes() -> tuple[str, ...]:
    """How the defect files the bot sends are named, in every language ("vtr-defects-")."""
    names = (translator(lang)._("vtr-defects-{date}.xlsx", date="\0") for lang in SUPPORTED_LANGS)
    return tuple(name.split("\0")[0].casefold() for name in names)


def _named_as_defect_file(filename: str) -> bool:
    return filename.casefold().startswith(_defect_file_prefixes())


class FixConversation:
    """The chat's side of `FixService`: texts and buttons in the seller's language."""

    def __init__(self, service: FixService) -> None:
        self.service = service

    async def list_fixable(self, chat: ChatRef, t: Translator, args: Sequence[str]) -> list[Reply]:
        if refusal := await self.service.refusal(chat.chat_id):
            return say(refusal_text(t, refusal))
        fixable = await self.service.fixable(chat.chat_id)
        sent = await self.service.in_flight(chat.chat_id)
        open_ones = [f for f in fixable if (f.package.order_id, f.package.package_id) not in sent]
        if not fixable:
            return say(t._("No package to fix: every synced package that can still be edited "
                            "has a valid carrier and tracking number."))  # fmt: skip
        lines = [esc(_fixable_heading(t, len(fixable), sum(f.in_plan for f in fixable)))]
        lines += [_fixable_line(f, t, (f.package.order_id, f.package.package_id) in sent)
                  for f in fixable[:LISTED]]  # fmt: skip
        if open_ones:
            lines.append(esc(t._("Press a package to fix it. Nothing is sent to Amazon before "
                                 "you confirm the exact change.")))  # fmt: skip
        rows = tuple(
            (buttons.button(t._("Fix {order}", order=f.package.order_id),
                            buttons.FixPackage(f.package.order_id, f.package.package_id)),)
            for f in open_ones[:LISTED]
        )  # fmt: skip
        if open_ones:
            lines.append(esc(t._("To fix many at once: fill in the \"New tracking number\" column "
                                 "(and \"New carrier\" if it changed) of the defect file /vtr "
                                 "sends, and send the file back.")))  # fmt: skip
        return pack("\n".join(lines), rows)

    async def offer_after_report(self, chat: ChatRef, t: Translator) -> list[Reply]:
        """Under a connected store's report: one button to the packages that can be fixed
        from here, when there are any (none when the chat may not send fixes)."""
        if await self.service.refusal(chat.chat_id) is not None:
            return []
        fixable = await self.service.fixable(chat.chat_id)
        if not fixable:
            return []
        text = t.ngettext(
            "{count} of these packages can be fixed from here: I send the change to Amazon "
            "after you confirm it.",
            "{count} of these packages can be fixed from here: I send the changes to Amazon "
            "after you confirm them.", len(fixable),
        )  # fmt: skip
        if planned := sum(f.in_plan for f in fixable):
            text += sentence_gap(t) + t.ngettext(
                "The fix plan's {count} comes first.", "The fix plan's {count} come first.",
                planned,
            )  # fmt: skip
        return say(text, ((buttons.button(t._("Fix from the chat"), buttons.FixList()),),))

    async def history(self, chat: ChatRef, t: Translator, args: Sequence[str]) -> list[Reply]:
        fixes = await self.service.history(chat.chat_id)
        if not fixes:
            return say(t._("No fix has been sent from this chat."))
        lines = [esc(t._("Fixes sent from this chat, newest first:"))]
        lines += [_history_line(fix, t) for fix in fixes]
        return pack("\n".join(lines))

    async def on_button(
        self, chat: ChatRef, t: Translator, action: buttons.Action
    ) -> list[Reply] | None:
        match action:
            case buttons.FixPackage(order_id, package_id):
                return await self._start(chat, t, order_id, package_id)
            case buttons.FixConfirm(token):
                sent = await self.service.confirm(chat.chat_id, token, chat.user_id)
                return _sent_text(sent[0], t) if len(sent) == 1 else _batch_sent_text(sent, t)
            case buttons.FixList():
                return await self.list_fixable(chat, t, ())
            case buttons.FixCancel():
                await self.service.cancel(chat.chat_id)
                return say(t._("Cancelled: nothing was sent to Amazon."))
        return None

    async def _start(
        self, chat: ChatRef, t: Translator, order_id: str, package_id: str
    ) -> list[Reply] | None:
        if refusal := await self.service.refusal(chat.chat_id):
            return say(refusal_text(t, refusal))
        if (order_id, package_id) in await self.service.in_flight(chat.chat_id):
            return say(t._("A fix for this package was already sent to Amazon: the next sync "
                           "shows whether Amazon took it (/fixes)."))  # fmt: skip
        started = await self.service.start(chat.chat_id, order_id, package_id)
        if started is None:
            return None  # not one of this chat's fixable packages: "no longer works"
        if isinstance(started, Change):
            return _proposal(started, t, hint=True)
        return _ask_number(started, t)

    async def on_defect_file(
        self, chat: ChatRef, t: Translator, filled: Sequence[FilledRow]
    ) -> list[Reply]:
        """A defect file sent back filled in: every row checked, a summary, one Confirm."""
        if refusal := await self.service.refusal(chat.chat_id):
            return say(refusal_text(t, refusal))
        token, ready, refused = await self.service.batch(chat.chat_id, filled[:FIX_ROWS_CHECKED])
        lines = [esc(t._("Your fix file: {ready} ready to send, {refused} refused.",
                         ready=len(ready), refused=len(refused)))]  # fmt: skip
        unchecked = max(0, len(filled) - FIX_ROWS_CHECKED)
        if unchecked:
            lines.append(esc(t.ngettext(
                "{count} more filled row was not checked: send it again in another file.",
                "{count} more filled rows were not checked: send them again in another file.",
                unchecked,
            )))  # fmt: skip
        lines += [_refused_line(row, reason, t) for row, reason in refused[: LISTED * 2]]
        lines += ["• " + esc(" / ".join(_change_lines(change, t))) for change in ready[:LISTED]]
        if token is None:
            lines.append(esc(t._("Nothing to send: fill in the \"New tracking number\" or \"New "
                                 "carrier\" column of the packages to fix.")))  # fmt: skip
            return pack("\n".join(lines))
        lines.append(esc(t._("Nothing is sent until you press Confirm.")))
        choice = (
            (buttons.button(t._("Confirm {count}", count=len(ready)), buttons.FixConfirm(token)),
             buttons.button(t._("Cancel"), buttons.FixCancel())),
        )  # fmt: skip
        return pack("\n".join(lines), choice)

    async def defect_file_or_upload(
        self, chat: ChatRef, t: Translator, upload: Upload
    ) -> list[Reply] | Upload:
        """A small XLSX from a chat that may send fixes is read once: the bot's defect file
        sent back (its "new tracking" / "new carrier" columns, headers in either language) is
        a batch of fixes, answered here; anything else goes on to the analysis as the same
        upload."""
        if not upload.filename.lower().endswith(".xlsx"):
            return upload
        if await self.service.refusal(chat.chat_id) is not None:
            return upload  # a chat that cannot send fixes: its uploads are only analysed
        if upload.size is None or upload.size > DEFECT_FILE_MAX_BYTES:
            if _named_as_defect_file(upload.filename):
                return say(t._("This defect file is too big for me to read back as fixes. "
                               "Keep only the rows you filled in (delete the others) and send "
                               "it again."))  # fmt: skip
            return upload
        with tempfile.TemporaryDirectory(prefix="vtrbot-fixes-") as scratch:
            path = Path(scratch) / "upload.xlsx"
            await upload.fetch(path)
            data = await asyncio.to_thread(path.read_bytes)
            try:
                filled = await asyncio.to_thread(read_filled_defects, path, defect_file_columns())
            except FileRejected:
                filled = None
        if filled is not None:
            return await self.on_defect_file(chat, t, filled)

        async def again(dest: Path) -> None:
            await asyncio.to_thread(dest.write_bytes, data)

        return replace(upload, fetch=again)

    async def awaiting_number(self, chat_id: int) -> bool:
        return await self.service.awaiting_number(chat_id)

    async def on_text(self, chat: ChatRef, t: Translator, text: str) -> list[Reply]:
        """The seller's number for the package the bot asked about."""
        if text.strip().lower() in ("cancel", "/cancel", "取消", "算了"):
            await self.service.cancel(chat.chat_id)
            return say(t._("Cancelled: nothing was sent to Amazon."))
        offered = await self.service.offer(chat.chat_id, text)
        if offered is None:
            return say(t._("That package can no longer be fixed from here. Send /fix to see "
                            "the ones that can."))  # fmt: skip
        if isinstance(offered, Change):
            return _proposal(offered, t, hint=False)
        return say(_number_problem(t, offered[1]) + " " + t._("Send the right number, or cancel."))


def _what(fixable: Fixable, t: Translator) -> str:
    if fixable.owner:
        return t._("looks like a {carrier} number", carrier=carrier_name(fixable.owner))
    return reason_text(t, fixable.problem)


def refusal_text(t: Translator, refusal: Refusal) -> str:
    texts = {
        "read_only": t._("Sending fixes to Amazon is turned off on this bot: its operator set "
                         "the Amazon connection to read-only."),
        "not_connected": t._("Fixing from the chat works for a connected store: send /connect "
                             "first."),
        "not_private": t._("Fixes are sent only from the private chat that connected the store."),
        "reconnect": t._("Amazon no longer accepts this store's authorization: send /connect "
                         "again."),
        "not_editable": t._("That package can no longer be edited (delivered, out of the "
                            "30-day window, or a label Amazon made): nothing was sent."),
    }  # fmt: skip
    return texts[refusal]


def _fixable_heading(t: Translator, count: int, planned: int) -> str:
    """The fix plan's packages lead the list: they are what gets the store above the bar."""
    if not planned:
        return t.ngettext(
            "{count} package can still be fixed from here, newest first:",
            "{count} packages can still be fixed from here, newest first:", count,
        )  # fmt: skip
    return t.ngettext(
        "{count} package can still be fixed from here: the fix plan's {planned} first, then "
        "the others, newest first:",
        "{count} packages can still be fixed from here: the fix plan's {planned} first, then "
        "the others, newest first:", count, planned=planned,
    )  # fmt: skip


def _fixable_line(fixable: Fixable, t: Translator, sent: bool) -> str:
    package = fixable.package
    shipped = t.date(fixable.ship_date) if fixable.ship_date else "–"
    what = _what(fixable, t)
    line = t._("{order} (package {package}, shipped {date}): {carrier} {number} — {what}",
               order=package.order_id, package=package.package_id, date=shipped,
               carrier=package.carrier or "–", number=package.tracking or "–", what=what)  # fmt: skip
    if fixable.in_plan:
        line += " — " + t._("in the fix plan")
    if sent:
        line += " — " + t._("fix sent")
    return "• " + esc(line)


def _change_lines(change: Change, t: Translator) -> list[str]:
    return [
        t._("Order {order}, package {package}", order=change.order_id, package=change.package_id),
        t._("Carrier: {old} → {new}", old=change.old_carrier or "–",
            new=carrier_name(change.new_carrier)),
        t._("Tracking: {old} → {new}", old=change.old_tracking or "–", new=change.new_tracking),
    ]  # fmt: skip


def _proposal(change: Change, t: Translator, hint: bool) -> list[Reply]:
    if hint:
        head = t._("This number looks like a {carrier} number: change the carrier to {carrier}?",
                   carrier=carrier_name(change.new_carrier))  # fmt: skip
    else:
        head = t._("The number passes the checks. This is the change I would send to Amazon:")
    lines = [head, *_change_lines(change, t),
             t._("Nothing is sent until you press Confirm.")]  # fmt: skip
    choice = (
        (buttons.button(t._("Confirm"), buttons.FixConfirm(change.token)),
         buttons.button(t._("Cancel"), buttons.FixCancel())),
    )  # fmt: skip
    return pack("\n".join(map(esc, lines)), choice)


def _ask_number(fixable: Fixable, t: Translator) -> list[Reply]:
    package = fixable.package
    text = t._("Order {order}, package {package}: {carrier} {number} ({what}). Send me the "
               "right tracking number, with its carrier if it changed (e.g. \"UPS 1Z…\"); a "
               "photo's caption works too. I check it before anything is sent.",
               order=package.order_id, package=package.package_id,
               carrier=package.carrier or "–", number=package.tracking or "–",
               what=reason_text(t, fixable.problem))  # fmt: skip
    return pack(esc(text), ((buttons.button(t._("Cancel"), buttons.FixCancel()),),))


def _number_problem(t: Translator, problem: str) -> str:
    if problem == "unchanged":
        return t._("That is the number Amazon already has.")
    reason = problem if problem in DEFECT_REASONS else "unknown_carrier"
    return t._("That number does not pass the checks: {what}.", what=reason_text(t, reason))


def _sent_text(sent: Sent, t: Translator) -> list[Reply]:
    if sent.state == "expired":
        return say(t._("This change expired or was cancelled: nothing was sent. Send /fix to "
                        "start again."))  # fmt: skip
    if sent.state == "refused":
        return say(refusal_text(t, sent.refusal or "not_editable"))
    assert sent.change is not None
    lines = [*_change_lines(sent.change, t), _state_text(t, sent.state, sent.answer)]
    return pack("\n".join(map(esc, lines)))


def _batch_sent_text(sent: Sequence[Sent], t: Translator) -> list[Reply]:
    counts: dict[str, int] = {}
    for one in sent:
        counts[one.state] = counts.get(one.state, 0) + 1
    lines = [t._("Your fixes: {sent} sent to Amazon, {failed} refused by Amazon, {unconfirmed} "
                 "without an answer, {other} not sent (already sent, or no longer editable).",
                 sent=counts.get("sent", 0), failed=counts.get("failed", 0),
                 unconfirmed=counts.get("unconfirmed", 0),
                 other=sum(v for k, v in counts.items() if k not in ("sent", "failed", "unconfirmed")))]  # fmt: skip
    lines += [
        t._("{order} package {package}: {answer}", order=one.change.order_id,
            package=one.change.package_id, answer=refused_by_amazon(t, one.answer))
        for one in sent if one.state == "failed" and one.change is not None
    ][:LISTED]  # fmt: skip
    lines.append(t._("The next sync shows whether Amazon took them; /fixes lists each one."))
    return pack("\n".join(map(esc, lines)))


def _refused_line(row: FilledRow, reason: str, t: Translator) -> str:
    texts = {
        "not_fixable": t._("not a package that can still be fixed from here"),
        "unchanged": t._("the same carrier and number Amazon already has"),
        "duplicate": t._("listed twice, or its fix is already sent (/fixes)"),
    }  # fmt: skip
    why = texts.get(reason) or reason_text(
        t, reason if reason in DEFECT_REASONS else "unknown_carrier"
    )
    return "• " + esc(t._("Refused: row {line}, order {order}: {why}",
                          line=row.line, order=row.order_id, why=why))  # fmt: skip


def _state_text(t: Translator, state: str, answer: str) -> str:
    texts = {
        "sent": t._("Sent to Amazon, which accepted it. The next sync shows whether the "
                    "package now has valid tracking."),
        "accepted": t._("Amazon took it: the sync shows the new tracking."),
        "pending": t._("Being sent, or its sender stopped before Amazon's answer was recorded: "
                       "it is not sent again. The next sync shows whether Amazon took it."),
        "unconfirmed": t._("Amazon did not answer: it is not sent again by itself. The next "
                           "sync shows whether Amazon took it; if not, fix it again with /fix."),
        "already": t._("This change was already confirmed: it is not sent twice. /fixes shows "
                       "what became of it."),
        "failed": refused_by_amazon(t, answer) + " " + t._("Nothing changed on Amazon."),
    }  # fmt: skip
    return texts.get(state, state)


def refused_by_amazon(t: Translator, answer: str) -> str:
    """Amazon's refusal in the seller's language, with Amazon's own words (as recorded) after
    it: what the seller can do differs by what Amazon objected to."""
    if answer.startswith("HTTP 403"):
        why = t._(
            "Amazon says this store's authorization may not edit shipments: authorize "
            "the app again with the Inventory and Order Tracking role, then send /connect."
        )
    elif answer.startswith("HTTP 404"):
        why = t._("Amazon no longer finds this order or package.")
    elif answer.startswith("HTTP 4"):
        why = t._(
            "Amazon refused this change as invalid (a Ship+ order, or a carrier or "
            "number it does not accept)."
        )
    else:
        texts = {
            "revoked": t._(
                "Amazon no longer accepts this store's authorization: send /connect again."
            ),
            "app_rejected": t._(
                "Amazon refused the bot's own credentials: its operator must check them."
            ),
            "key_changed": t._(
                "The bot can no longer read this store's authorization: send /connect again."
            ),
        }
        why = texts.get(answer, t._("Amazon refused this change."))
    return why + (f" ({answer})" if answer.startswith("HTTP") else "")


def _history_line(fix: FixRecord, t: Translator) -> str:
    states = {
        "pending": t._("being sent"),
        "sent": t._("sent, waiting for the next sync"),
        "accepted": t._("accepted by Amazon"),
        "failed": t._("refused by Amazon"),
        "unconfirmed": t._("no answer from Amazon"),
    }  # fmt: skip
    line = t._("{when}: {order} package {package}: {old_carrier} {old} → {new_carrier} {new} "
               "— {state}", when=fix.created_at[:16].replace("T", " "), order=fix.order_id,
               package=fix.package_id, old_carrier=fix.old_carrier or "–",
               old=fix.old_tracking or "–", new_carrier=carrier_name(fix.new_carrier),
               new=fix.new_tracking, state=states.get(fix.state, fix.state))  # fmt: skip
    if fix.state == "failed" and fix.answer:
        line += ": " + refused_by_amazon(t, fix.answer)
    return "• " + esc(line)
