"""The per-row rules of a seller's file as polars expressions over a batch's columns:
exclusions, dates, marketplaces, statuses, letters and prices (docs/vtr-rules.md §4.2).

A batch costs two queries: one gathers the distinct texts of its few-valued columns (a
status, a marketplace, a date not in ISO form), which Python reads once per file
(`Lookups`); the other applies every rule to whole columns at once. Rules that need
Python (a Chinese status word, "Großbrief") then cost a dictionary lookup per distinct
text, not a step per row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

import polars as pl

from bot.domain.batch_engine import batch_engine
from bot.domain.categories import product_category
from bot.domain.exemptions import is_letter_service, judged_letter_markets
from bot.domain.models import UNCATEGORIZED, UNSPECIFIED_MARKETPLACE
from bot.domain.reading import CARRIER_IN_TRACKING, RawTable
from bot.domain.reference import column_aliases, fold_key, vocabulary
from bot.domain.tracking import (
    carrier_named_first,
    has_cell_separator,
    names_a_family,
    names_a_member,
    naming_nothing,
    normalize_tracking,
    package_numbers,
    placeholder_tracking,
    resolve_carrier,
    written_full_width,
)
from bot.domain.values import (
    DOT_DECIMAL,
    DOTTED_THOUSANDS,
    DateOrder,
    amounts_of,
    country_marketplace,
    currency_marketplace,
    dates_of,
    marketplace_code,
    mixes_date_orders,
    odd_amounts,
    odd_dates,
    parse_odd_amounts,
    parse_odd_dates,
    state_marketplace,
    thousands_dotted,
    vocabulary_meaning,
    writes_decimal_comma,
)

_OTHER_CARRIER = ["other", "others", "其他", "其它"]
AMOUNT_COLUMNS = {
    "order_value": "amount",
    "shipping_price": "shipping",
    "item_tax": "item_tax",
    "shipping_tax": "shipping_tax",
}
"""The price columns a value exemption reads, and the name each has among a batch's rows."""


def _meaning_of(kind: str) -> Callable[[str], str | None]:
    return lambda text: vocabulary_meaning(kind, text)


def _package_state(text: str) -> str | None:
    """A parcel-status cell's meaning: delivered or in transit, or cancelled where an ERP's
    package export writes the package's own fate there (包裹状态 '已取消' beside '已发货'): a
    cancelled package is no shipment, as a cancelled order is none. Only cancelled: a
    tracking service's 'Pending' means no scan yet, not an order still to ship."""
    found = vocabulary_meaning("delivery", text)
    if found is None and vocabulary_meaning("status", text) == "cancelled":
        return "cancelled"
    return found


_WORDS: dict[str, tuple[Callable[[str], Any], type[pl.DataType]]] = {
    "status": (_meaning_of("status"), pl.String),
    "item_status": (_meaning_of("status"), pl.String),
    "marketplace": (marketplace_code, pl.String),
    "country": (country_marketplace, pl.String),
    "ship_country": (country_marketplace, pl.String),
    "ship_state": (state_marketplace, pl.String),
    "fulfillment": (_meaning_of("fulfillment"), pl.String),
    "platform": (_meaning_of("platform"), pl.String),
    "ship_service": (is_letter_service, pl.Boolean),
    "delivery_status": (_package_state, pl.String),
    "category": (product_category, pl.String),
}
"""Few-valued columns read by a Python rule: meaning -> (rule for one text, its type)."""
MAPPED_DATES = 1000
"""A batch with at most this many distinct ship dates (or a quarter of its rows) has them
read once each and looked up; with more (a time on each), every row is parsed."""


def _dotted(text: pl.Expr) -> pl.Expr:
    """The distinct amounts written like '1.500'."""
    return text.filter(text.str.contains(DOTTED_THOUSANDS)).unique()


def _has_dot_decimal(text: pl.Expr) -> pl.Expr:
    return text.str.contains(DOT_DECIMAL).any()


@dataclass
class DecimalMarks:
    """How a file writes its amounts' decimals, from every batch read so far: '1.500' is
    1500 in a file whose decimals are commas ('12,50', '1.234,56') and that writes no
    decimal dot ('12.50'); polars alone reads it 1.5, so a German EUR 1.500 order was
    taken for a EUR 1.50 letter, exempt."""

    comma: bool = False
    dot: bool = False
    dotted: set[str] = field(default_factory=set)

    def learn(self, odd: list[str], dotted: list[str], dot_decimal: bool) -> None:
        self.comma = self.comma or writes_decimal_comma(odd)
        self.dot = self.dot or dot_decimal
        self.dotted.update(dotted)

    def thousands_to_read(self, known: dict[str, float | None]) -> dict[str, float | None]:
        """The dotted texts to read as thousands, not yet in `known`."""
        if not self.comma or self.dot:
            return {}
        return thousands_dotted(t for t in self.dotted if t not in known)


@dataclass
class Lookups:
    """What Python made of each distinct text of a file's few-valued columns, kept across
    its batches, and how the file writes a/b/yyyy dates (settled by the first batch with
    evidence)."""

    words: dict[str, dict[str, Any]] = field(default_factory=dict)
    amounts: dict[str, float | None] = field(default_factory=dict)
    date_order: DateOrder = field(default_factory=DateOrder)
    odd_dates: dict[str, date | None] = field(default_factory=dict)
    """The batch's non-ISO date texts, read by Python (`parse_odd_dates`)."""
    batch_dates: dict[str, date | None] | None = None
    blank_dates: dict[str, bool] = field(default_factory=dict)
    group_orders: dict[str, DateOrder] | None = None
    """Each marketplace's a/b/yyyy order, once the file's ship dates mix day-first and
    month-first ones (`mixes_date_orders`): `batch_dates` is then keyed by marketplace and
    date text (`_date_key`)."""
    date_group: str | None = None
    """The column `group_orders` are kept by: the marketplace's, else the country's."""
    decimals: DecimalMarks = field(default_factory=DecimalMarks)
    family_carriers: set[str] = field(default_factory=set)
    """Carrier cells naming a family alone ('DHL'), when the file has a service column."""
    member_services: set[str] = field(default_factory=set)
    """Service cells naming one carrier of a family ('DHL Express Worldwide')."""
    carrier_services: set[str] = field(default_factory=set)
    """Service cells naming a carrier ('Yanwen Special Line-YW', '云途全球专线挂号'), when the
    file has a carrier column: the carrier of a row whose carrier cell is blank."""
    blank_carriers: set[str] = field(default_factory=set)
    """Carrier cells, stripped, that name nothing ('-', 'N/A', '无'), when the file has a
    service column: blank to `_blank_named_by_service`."""
    lists_items: bool = True
    """Whether the file names an order's items (`reading.names_items`); if not, a row
    repeated alike in every column read adds nothing to its order's value (`price_candidates`)."""
    totals_orders: bool = False
    """Whether the price column holds each order's total (`RawTable.totals_orders`): an
    order's rows repeating one total add it once to its value (`price_candidates`)."""
    subtotal_labels: dict[str, frozenset[str]] = field(default_factory=dict)
    """The texts of each few-valued column that label an Excel subtotal row ('玩具 计数',
    'Grand Total': `is_subtotal_label`); most files have none."""
    _categories: dict[str, str] = field(default_factory=dict)
    _carriers_seen: set[str] = field(default_factory=set)
    """Carrier cells an earlier batch judged for `family_carriers` and `blank_carriers`."""
    _plain_dates: dict[str, tuple[date | None, bool]] = field(default_factory=dict)
    """Ship date texts read without Python (ISO, or blank) in an earlier batch: (date,
    blank?). Their reading depends on no other text and no date order, so a batch whose
    every text is here is not read again (`_learn_dates`)."""
    _plain_dates_day: date | None = None
    """The day `_plain_dates` were read on: `dates_of` refuses dates too far past it."""

    @classmethod
    def of_table(cls, raw: RawTable, date_order: DateOrder) -> Lookups:
        """The lookups of one file, which its headers say how to price."""
        return cls(
            date_order=date_order, lists_items=raw.lists_items, totals_orders=raw.totals_orders
        )

    def learn(self, frame: pl.DataFrame) -> None:
        """Read the texts of this batch not seen in an earlier one (one polars query)."""
        columns = [m for m in _WORDS if m in frame.columns and not _unread(m, frame)]
        prices = [m for m in AMOUNT_COLUMNS if m in frame.columns]
        # Once a decimal dot is seen, '1.500' is 1.5 whatever follows: not looked for again.
        marks = [] if self.decimals.dot else prices
        narrows = int("ship_service" in frame.columns and "carrier" in frame.columns)
        seen = frame.lazy().select(
            *(pl.col(m).fill_null("").unique().implode() for m in columns),
            *(odd_amounts(stripped(m)).implode().alias(f"odd_{m}") for m in prices),
            *(_dotted(stripped(m)).implode().alias(f"dotted_{m}") for m in marks),
            *(_has_dot_decimal(stripped(m)).alias(f"dot_{m}") for m in marks),
            pl.col("ship_date").fill_null("").unique().implode().alias("dates"),
            *([pl.col("carrier").fill_null("").unique().implode().alias("carriers")] * narrows),
        )
        found = seen.collect(engine=batch_engine(frame.height)).row(0, named=True)
        for meaning in columns:
            rule, answers = _WORDS[meaning][0], self.words.setdefault(meaning, {})
            new = [t for t in found[meaning] if t not in answers]
            answers.update({t: rule(t) for t in new})
            if labels := {t for t in new if is_subtotal_label(t)}:
                # A new set, as below: another thread may be judging a batch with the old.
                self.subtotal_labels = self.subtotal_labels | {
                    meaning: self.subtotal_labels.get(meaning, frozenset()) | labels
                }
            if meaning == "ship_service" and narrows:
                # New sets, not updates, as for `amounts` below: another thread may be
                # reading the ones an earlier batch was judged with.
                self.member_services = self.member_services | {t for t in new if names_a_member(t)}
                self.carrier_services = self.carrier_services | {
                    t for t in new if resolve_carrier(t)
                }
        if narrows:
            carriers = [t for t in found["carriers"] if t not in self._carriers_seen]
            self._carriers_seen |= set(carriers)
            families = {t for t in carriers if names_a_family(t)}
            self.family_carriers = self.family_carriers | families
            blanks = {t.strip() for t in naming_nothing(carriers)}
            self.blank_carriers = self.blank_carriers | blanks
        new_amounts: dict[str, float | None] = {}
        for meaning in prices:
            new_amounts |= parse_odd_amounts(found[f"odd_{meaning}"])
        for meaning in marks:
            self.decimals.learn(
                found[f"odd_{meaning}"], found[f"dotted_{meaning}"], found[f"dot_{meaning}"]
            )
        new_amounts |= self.decimals.thousands_to_read(self.amounts)
        if new_amounts:
            # A new dict, not an update: the caller prices the batch before this one
            # with the dict as it was while this batch is learnt on another thread.
            self.amounts = {**self.amounts, **new_amounts}
        self._learn_dates(frame, found["dates"])

    def _learn_dates(self, frame: pl.DataFrame, texts: list[str]) -> None:
        """The batch's ship dates by text when it has few distinct ones (a day each, as in
        most files); else only the non-ISO ones, for `dates_of` (a time on every date).
        A file whose dates mix day-first and month-first has them read per marketplace."""
        group = _date_group_column(frame)
        if self.group_orders is None and group and mixes_date_orders(texts):
            self.group_orders = {}
        if self.group_orders is not None and group:
            self._learn_dates_by_group(frame, group)
            return
        if len(texts) > max(MAPPED_DATES, frame.height // 4):
            self.batch_dates = None
            odd = frame.select(odd_dates(stripped("ship_date"))).to_series()
            self.odd_dates = parse_odd_dates(odd, self.date_order) if len(odd) else {}
            return
        if self._dates_known(texts):
            return
        by_text = pl.DataFrame({"raw": texts}).with_columns(text=stripped("raw"))
        odd = by_text.select(odd_dates(pl.col("text"))).to_series()
        self.odd_dates = parse_odd_dates(odd, self.date_order) if len(odd) else {}
        read = by_text.select("raw", "text", day=dates_of(pl.col("text"), self.odd_dates))
        self.batch_dates = dict(zip(texts, read.get_column("day").to_list(), strict=True))
        self.blank_dates = {raw: text == "" for raw, text, _ in read.iter_rows()}
        plain = {raw for raw, text, _ in read.iter_rows() if text not in self.odd_dates}
        self._plain_dates |= {raw: (self.batch_dates[raw], self.blank_dates[raw]) for raw in plain}

    def _dates_known(self, texts: list[str]) -> bool:
        """Whether every ship date text of the batch was read without Python before (most
        files write one ISO date a day, the same few dozen in every batch): then the batch's
        dates are those readings, with no date for Python to read, as reading them again
        would give (the polars queries it saves were a tenth of the reading thread's rules)."""
        if self._plain_dates_day != date.today():
            self._plain_dates, self._plain_dates_day = {}, date.today()
        if not all(text in self._plain_dates for text in texts):
            return False
        self.odd_dates = {}
        self.batch_dates = {text: self._plain_dates[text][0] for text in texts}
        self.blank_dates = {text: self._plain_dates[text][1] for text in texts}
        return True

    def _learn_dates_by_group(self, frame: pl.DataFrame, group: str) -> None:
        """The batch's ship dates keyed by marketplace and text (`_date_key`), each
        marketplace's a/b/yyyy dates read in the order its own dates show (a day over 12
        settles it; else its own guess): a US site's 11/05/2026 is 5 November, a UK
        site's 5 May."""
        assert self.group_orders is not None
        pairs = frame.select(pl.col(group), pl.col("ship_date")).unique()
        codes = {text: code or text for text, code in self.words[group].items()}
        pairs = pairs.with_columns(
            key=_date_key(group),
            text=stripped("ship_date"),
            market=pl.col(group).fill_null("").replace_strict(codes, default=""),
        )
        self.date_group, self.batch_dates, self.blank_dates = group, {}, {}
        for (market,), rows in pairs.group_by("market"):
            order = self.group_orders.setdefault(str(market), DateOrder())
            odd = rows.select(odd_dates(pl.col("text"))).to_series()
            mapping = parse_odd_dates(odd, order) if len(odd) else {}
            self.date_order.guessed = self.date_order.guessed or order.guessed
            read = rows.select("key", "text", day=dates_of(pl.col("text"), mapping))
            for key, text, day in read.iter_rows():
                self.batch_dates[key], self.blank_dates[key] = day, text == ""

    def ship_dates(self) -> tuple[pl.Expr, pl.Expr]:
        """(ship date, blank?) of each row of the batch last learnt."""
        if self.batch_dates is None:
            text = stripped("ship_date")
            return dates_of(text, self.odd_dates), text == ""
        raw = pl.col("ship_date").fill_null("")
        if self.date_group is not None:
            raw = _date_key(self.date_group)
        return (
            looked_up(raw, self.batch_dates, pl.Date),
            looked_up(raw, self.blank_dates, pl.Boolean),
        )

    def named_categories(self) -> dict[str, str]:
        """Each category text learnt, as `_category` names it (the rule's answer, or
        UNCATEGORIZED where it gives none); made again only when a batch taught new texts."""
        answers = self.words["category"]
        if len(self._categories) != len(answers):
            self._categories = {text: name or UNCATEGORIZED for text, name in answers.items()}
        return self._categories

    def word(self, frame: pl.DataFrame, meaning: str) -> pl.Expr:
        """A few-valued column as its rule reads it, null where the file has no such column."""
        rule_type = _WORDS[meaning][1]
        if meaning not in frame.columns:
            return pl.lit(None, dtype=rule_type)
        answers = self.words[meaning]
        return looked_up(pl.col(meaning).fill_null(""), answers, rule_type)


def looked_up(
    texts: pl.Expr, learnt: Mapping[str, Any], dtype: pl.DataType | type[pl.DataType]
) -> pl.Expr:
    """`texts` as `learnt` reads them, typed `dtype`: every text is one a batch learnt, so
    one missing is an error, never a silent null. A batch of no rows learns nothing, and
    `replace_strict` with no entries types its result as its input, text, whatever
    `return_dtype` says (polars 2.1 and 2.2 alike; 2.2 then refuses '&' of that text with a
    boolean). A default of the type asked types the result, and with no rows to replace
    changes nothing else."""
    if learnt:
        return texts.replace_strict(learnt, return_dtype=dtype)
    return texts.replace_strict(learnt, default=pl.lit(None, dtype=dtype), return_dtype=dtype)


def _date_group_column(frame: pl.DataFrame) -> str | None:
    """The column whose value says how a row writes its dates, when they mix orders."""
    return next((c for c in ("marketplace", "country") if c in frame.columns), None)


def _date_key(group: str) -> pl.Expr:
    """A row's marketplace text and ship date text, as `Lookups.batch_dates` keys them."""
    return pl.concat_str(
        pl.col(group).fill_null(""), pl.lit("\x1f"), pl.col("ship_date").fill_null("")
    )


def stripped(meaning: str) -> pl.Expr:
    return pl.col(meaning).fill_null("").str.strip_chars()


def _text(frame: pl.DataFrame, meaning: str) -> pl.Expr:
    """A column as non-null stripped text; empty where the file has no such column."""
    return stripped(meaning) if meaning in frame.columns else pl.lit("", dtype=pl.String)


def _with_order_text(frame: pl.DataFrame, subtotal: pl.Expr) -> pl.LazyFrame:
    """The batch with its order IDs stripped (`_order_text`) and whether each labels a row
    instead (`_labelled`: totals, the header repeated, or an Excel subtotal row, `subtotal`),
    worked out once for `_order_id` and `_totals_row`: the label's pattern is the dearest
    step of the rules on an order ID."""
    text = _text(frame, "order_id")
    labelled = pl.col("_order_text").str.contains(_no_order_label()) | subtotal
    return frame.lazy().with_columns(_order_text=text).with_columns(_labelled=labelled)


def _subtotal_row(frame: pl.DataFrame, lookups: Lookups, date_blank: pl.Expr) -> pl.Expr:
    """A row Excel's Data > Subtotal inserted (set F10's F07): a cell of the grouped column
    labels it ('家居厨房 计数', 'Toys Total', '总计数'), it has no ship date, and its order-ID
    cell holds the group's count, or nothing. Not an order: not one never shipped."""
    labelled = [
        pl.col(meaning).fill_null("").is_in(list(labels))
        for meaning, labels in lookups.subtotal_labels.items()
        if meaning in frame.columns
    ]
    return date_blank & pl.any_horizontal(labelled) if labelled else pl.lit(False)


@cache
def _subtotal_pattern() -> re.Pattern[str]:
    """'<group> <function word>' or a label of the whole (vocabulary.yaml), folded."""
    terms = vocabulary()
    words = "|".join(re.escape(fold_key(word)) for word in terms.subtotal_words)
    whole = "|".join(re.escape(fold_key(label)) for label in terms.grand_total_labels)
    return re.compile(rf"^(?:.+\s(?:{words})|{whole})$")


def is_subtotal_label(text: str) -> bool:
    """Whether a cell labels an Excel subtotal row: a group's name, a space and Excel's word
    for the function ('玩具 计数', 'Toys Total'), or the whole's label ('总计数', 'Grand
    Total'). The name's words are folded one by one, so the space before the word stays."""
    words = text.split()
    return bool(words) and bool(
        _subtotal_pattern().match(" ".join(fold_key(word) for word in words))
    )


def _order_id() -> pl.Expr:
    """The order ID, empty on a totals row ('合计 / Total') or the header row repeated: a
    row without an order is skipped, where a totals row would be counted as an order never
    shipped and a repeated header as one whose ship date ('ship-date') is unreadable."""
    text = pl.col("_order_text")
    return pl.when(pl.col("_labelled")).then(pl.lit("")).otherwise(text)


def _totals_row(frame: pl.DataFrame, date_blank: pl.Expr) -> pl.Expr:
    """A row no seller means as an order: a totals row ('合计 / Total' as its order ID), the
    header repeated (two exports pasted one under the other, a print view), or a row with no
    order ID, ship date or tracking number (a totals row labelled in a column not read,
    '店铺: 合计', or a note). Skipped without a 'missing order ID' warning."""
    empty = (pl.col("_order_text") == "") & date_blank & (_text(frame, "tracking") == "")
    return pl.col("_labelled") | empty


@cache
def _no_order_label() -> str:
    """An order-ID cell that labels a row instead: a totals word, a template's filling
    instruction ('必填：…'), a footer counting the rows ('共 190 条记录', `_record_count`), or
    a name of the order-ID column itself (columns.yaml, separators and case as loose as a
    header's). One pattern, so every order ID is still read once."""
    terms = vocabulary()
    words = "|".join(
        re.escape(word) for word in (*terms.totals_row_words, *terms.template_note_words)
    )
    loose = r"[\s\-_.·・/\\]*"
    headers = "|".join(
        loose.join(re.escape(char) for char in alias) for alias in column_aliases()["order_id"]
    )
    return f"(?i)^(?:{words})(?:$|[\\s/:：(（|-])|^(?:{headers})$|{_record_count()}"


def _record_count() -> str:
    """A footer's count of rows: an optional lead word, a number, a unit word, nothing else."""
    terms = vocabulary()
    leads = "|".join(re.escape(word) for word in terms.record_count_leads)
    units = "|".join(re.escape(word) for word in terms.record_count_units)
    return f"^(?:(?:{leads})\\s*)?\\d[\\d,]*\\s*(?:{units})\\.?$"


def _carrier_text(frame: pl.DataFrame, lookups: Lookups) -> pl.Expr:
    """Amazon's template puts "Other" in carrier-code and the real name in carrier-name; a
    service naming one carrier of the cell's family is that carrier ('DHL Express …'). A file
    with no carrier column names it in the tracking cell (CARRIER_IN_TRACKING), else in the
    service."""
    if "carrier" not in frame.columns and "carrier_name" not in frame.columns:
        service = _text(frame, "ship_service")
        if CARRIER_IN_TRACKING not in frame.columns:
            return service
        named = carrier_named_first(pl.col(CARRIER_IN_TRACKING).fill_null(""))
        return pl.when(named != "").then(named).otherwise(service)
    code = _text(frame, "carrier")
    if "carrier_name" in frame.columns:
        name = _text(frame, "carrier_name")
        is_other = code.str.to_lowercase().is_in(_OTHER_CARRIER) | (code == "")
        code = pl.when(is_other & (name != "")).then(name).otherwise(code)
    code = _blank_named_by_service(frame, code, lookups)
    if not lookups.family_carriers or not lookups.member_services:
        return code
    service = pl.col("ship_service").fill_null("")
    families, members = list(lookups.family_carriers), list(lookups.member_services)
    named = pl.col("carrier").fill_null("").is_in(families) & service.is_in(members)
    return pl.when(named).then(_text(frame, "ship_service")).otherwise(code)


def _blank_named_by_service(frame: pl.DataFrame, code: pl.Expr, lookups: Lookups) -> pl.Expr:
    """A blank carrier cell is the carrier its row's service names ('Yanwen Special
    Line-YW', '4PX Singapore Post', '燕文专线追踪小包'), read as a file with no carrier column
    reads its service (`resolve_carrier`); so is a cell that names nothing ('-', 'N/A',
    `naming_nothing`). A service naming no carrier ('Standard') leaves it as it is. Set F9's F06, a third of whose carrier cells were blank."""
    if not lookups.carrier_services:
        return code
    service = pl.col("ship_service").fill_null("")
    blank = (code == "") | code.is_in(list(lookups.blank_carriers))
    named = blank & service.is_in(list(lookups.carrier_services))
    return pl.when(named).then(_text(frame, "ship_service")).otherwise(code)


def _category(frame: pl.DataFrame, lookups: Lookups) -> pl.Expr:
    """The category as Amazon judges it (a path's top level, `product_category`), or
    'Uncategorized' where the file names none: one lookup per row, straight to the
    categorical the batch keeps (a lookup, a test for the empty name and a cast were three
    passes over the column)."""
    if "category" not in frame.columns:
        return pl.lit(UNCATEGORIZED, dtype=pl.Categorical)
    named = lookups.named_categories()
    return looked_up(pl.col("category").fill_null(""), named, pl.Categorical)


def row_rules(frame: pl.DataFrame, lookups: Lookups) -> pl.LazyFrame:
    """Every row of a batch (`Lookups.learn` first) typed and judged by every exclusion
    but the value ones, which need the whole order. Rows without an order ID are kept,
    as are `unreadable_date` and the price texts: the caller counts and drops them."""
    statuses = [lookups.word(frame, m) for m in ("status", "item_status") if m in frame.columns]
    if "delivery_status" in frame.columns:
        package = lookups.word(frame, "delivery_status")
        statuses.append(pl.when(package == "cancelled").then(package))
    ship_date, date_blank = lookups.ship_dates()
    market = _row_marketplace(frame, lookups)
    letter = lookups.word(frame, "ship_service") if "ship_service" in frame.columns else False
    subtotal = _subtotal_row(frame, lookups, date_blank)
    rows = _with_order_text(frame, subtotal).select(
        order_id=_order_id(),
        totals_row=_totals_row(frame, date_blank),
        ship_date=ship_date,
        date_blank=date_blank,
        unreadable_date=~date_blank & ship_date.is_null(),
        carrier=_carrier_text(frame, lookups),
        tracking=_tracking_cell(frame),
        tracking_to_fold=_to_fold(_tracking_cell(frame)),
        category=_category(frame, lookups),
        marketplace=pl.when(market == "").then(pl.lit(UNSPECIFIED_MARKETPLACE)).otherwise(market),
        market_by_address=_market_by_address(frame, lookups),
        market_by_currency=_market_by_currency(frame, lookups),
        shop=_text(frame, "shop"),
        fulfillment=lookups.word(frame, "fulfillment"),
        platform=lookups.word(frame, "platform"),
        status=pl.coalesce(*statuses) if statuses else pl.lit(None, dtype=pl.String),
        cancelled=pl.any_horizontal(s == "cancelled" for s in statuses)
        if statuses
        else pl.lit(False),
        refunded=_refunded(frame, lookups, statuses),
        value_rule=(market.is_in(judged_letter_markets()) & letter) | (market == "JP"),
        **_price_texts(frame),
        **_delivery_columns(frame, lookups),
    )
    return rows.with_columns(excluded=_exclusion())


def _refunded(frame: pl.DataFrame, lookups: Lookups, statuses: list[pl.Expr]) -> pl.Expr:
    """Whether the order was refunded: its status says so (已退款, Refunded), or its refund
    equals its amount (a full refund under a neutral status such as 待处理). Partial refunds
    are not: the order was paid for, and shipped or still to ship."""
    said = pl.any_horizontal(s == "refunded" for s in statuses) if statuses else pl.lit(False)
    if "refund_amount" not in frame.columns or "order_value" not in frame.columns:
        return said
    refund = amounts_of(stripped("refund_amount"), lookups.amounts)
    total = amounts_of(stripped("order_value"), lookups.amounts)
    return said | ((refund > 0) & (refund >= total)).fill_null(False)


def _row_marketplace(frame: pl.DataFrame, lookups: Lookups) -> pl.Expr:
    """The marketplace column's code, else the country column's where it is a marketplace's
    own country, else the buyer's country's ('' when none names one): an ERP export such as
    马帮's names the order's country only (国家: 美国, 德国), and read without it every
    marketplace's orders were one group, their EU letters and JP orders never exempt
    (docs/decisions/010, 011)."""
    market = lookups.word(frame, "marketplace").fill_null("")
    currency = _currency_market(frame)
    if not {"country", "ship_country"} & set(frame.columns) and _unread("ship_state", frame):
        return market if currency is None else pl.coalesce(currency, market)
    # coalesce, not when/then: polars (1.x) applies a replace_strict under `then` to values
    # its mapping never held, and fails.
    return pl.coalesce(
        market.replace("", None),
        lookups.word(frame, "country").replace("", None),
        lookups.word(frame, "ship_country").replace("", None),
        _buyer_state(frame, lookups).replace("", None),
        *([] if currency is None else [currency]),
        pl.lit(""),
    )


def _currency_market(frame: pl.DataFrame) -> pl.Expr | None:
    """The marketplace a row's currency names (`currency_marketplace`: GBP or '£12.99' →
    UK), read as the buyer's state is, only in a file with no column naming a marketplace
    or a country; the currency column's, else the order total's sign (docs/decisions/014)."""
    if any(c in frame.columns for c in _NAMING_A_MARKETPLACE):
        return None
    texts = [stripped(m) for m in ("currency", "order_value") if m in frame.columns]
    return pl.coalesce(currency_marketplace(t) for t in texts) if texts else None


def _market_by_currency(frame: pl.DataFrame, lookups: Lookups) -> pl.Expr:
    """Whether the row's marketplace is its currency's (`_row_marketplace`), which the
    report says (docs/decisions/014)."""
    currency = _currency_market(frame)
    if currency is None:
        return pl.lit(False)
    return (_buyer_state(frame, lookups).fill_null("") == "") & currency.is_not_null()


_NAMING_A_MARKETPLACE = ("marketplace", "country", "ship_country")


def _unread(meaning: str, frame: pl.DataFrame) -> bool:
    """A buyer's state is read only in a file with no column naming a marketplace or a
    country (an Amazon report's ship-state beside its sales-channel is not)."""
    return meaning == "ship_state" and (
        "ship_state" not in frame.columns or any(c in frame.columns for c in _NAMING_A_MARKETPLACE)
    )


def _buyer_state(frame: pl.DataFrame, lookups: Lookups) -> pl.Expr:
    if _unread("ship_state", frame):
        return pl.lit(None, dtype=pl.String)
    return lookups.word(frame, "ship_state")


def _market_by_address(frame: pl.DataFrame, lookups: Lookups) -> pl.Expr:
    """Whether the row's marketplace is its buyer's country's (`_row_marketplace`), which
    the report says (docs/decisions/011)."""
    if "ship_country" not in frame.columns and _unread("ship_state", frame):
        return pl.lit(False)
    named = pl.coalesce(
        lookups.word(frame, "marketplace").replace("", None),
        lookups.word(frame, "country").replace("", None),
    )
    by_address = pl.coalesce(
        lookups.word(frame, "ship_country").replace("", None), _buyer_state(frame, lookups)
    )
    return named.is_null() & (by_address.fill_null("") != "")


def _tracking_cell(frame: pl.DataFrame) -> pl.Expr:
    """The tracking cell that counts: the updated number where a row has one (a relabelled
    package: 新单号 beside 原单号, 'Updated Tracking Number'), else the first. A placeholder
    in the updated column ('无', 'N/A') is no new number."""
    first = pl.col("tracking").fill_null("")
    if "tracking_updated" not in frame.columns:
        return first
    updated = pl.col("tracking_updated").fill_null("")
    folded = normalize_tracking(updated)
    has_new = (folded != "") & ~placeholder_tracking(folded)
    return pl.when(has_new).then(updated).otherwise(first)


def _to_fold(tracking: pl.Expr) -> pl.Expr:
    """Only the numbers with something to fold are folded (`fold_tracking`): most are
    already digits and capitals."""
    return tracking.str.contains("[^0-9A-Z]").fill_null(False)


def one_row_per_package(rows: pl.DataFrame) -> pl.DataFrame:
    """`row_rules`' rows with a tracking cell holding several packages' numbers
    (`package_numbers`: '1Z…, 1Z…', one a line) made one row per number, each a shipment
    of its own (domain.md §1b: one tracking ID per package). The order's prices stay on its
    first row: a value exemption sums an order's rows, and the order was paid once. A batch
    with no separator in any tracking cell is returned as it is."""
    if not rows.select(has_cell_separator(pl.col("tracking")).any()).item():
        return rows
    prices = [name for name in AMOUNT_COLUMNS.values() if name in rows.columns]
    later = ~pl.col("_cell").is_first_distinct()
    split = (
        rows.with_row_index("_cell")
        .with_columns(tracking=package_numbers(pl.col("tracking")))
        .explode("tracking")
    )
    return split.with_columns(
        *(pl.when(later).then(pl.lit("")).otherwise(pl.col(p)).alias(p) for p in prices),
        tracking_to_fold=_to_fold(pl.col("tracking")),
    ).drop("_cell")


AMAZON_ORDER_ID = r"\d{3}-\d{7}-\d{7}"
"""An Amazon order ID as every marketplace writes it (3-7-7 digits)."""
_SEVERAL_ORDERS = rf"^\s*{AMAZON_ORDER_ID}(?:\s*[,;/|\s，；、／]\s*{AMAZON_ORDER_ID})+\s*$"
_SEVERAL_ORDERS_LENGTH = 2 * 19 + 1
"""The shortest cell holding two order IDs: a batch whose every order ID is shorter holds
none, and costs one pass over their lengths."""


def one_row_per_order(rows: pl.DataFrame) -> pl.DataFrame:
    """`row_rules`' rows whose order-ID cell holds several Amazon orders sent in one package
    (合并订单: '114-…,111-…') made one row per order, each a shipment of its own with the
    package's ship date, carrier and number: Amazon counts each order's shipment
    confirmation, and the ERP confirmed each with that number (docs/decisions/017). The
    number shared is `reused_tracking`, a warning. Each order keeps the package's prices:
    no order of it is worth more, so an order the package's total puts under a value bar is
    under it too."""
    order_id = pl.col("order_id")
    longest = rows.select(order_id.str.len_chars().max()).item()
    if longest is None or longest < _SEVERAL_ORDERS_LENGTH:
        return rows
    several = order_id.str.contains(_SEVERAL_ORDERS)
    if not rows.select(several.any()).item():
        return rows
    ids = (
        pl.when(several)
        .then(order_id.str.extract_all(AMAZON_ORDER_ID))
        .otherwise(pl.concat_list(order_id))
    )
    return rows.with_columns(order_id=ids).explode("order_id")


def full_width_numbers(rows: pl.DataFrame) -> list[str]:
    """The numbers of self-fulfilled rows (none of `row_rules`' exclusions) written in
    full-width characters, folded, each once: rows not yet through `fold_tracking`. Only
    a number with something to fold can be one, and most batches hold none: they are not
    filtered at all."""
    if not rows.get_column("tracking_to_fold").any():
        return []
    open_ = rows.select("tracking").filter(
        rows.get_column("tracking_to_fold") & rows.get_column("excluded").is_null()
    )
    wide = open_.filter(written_full_width(pl.col("tracking")))
    return wide.select(normalize_tracking(pl.col("tracking"))).to_series().unique().to_list()


def fold_tracking(rows: pl.DataFrame) -> pl.DataFrame:
    """`normalize_tracking` on the rows `row_rules` marked `tracking_to_fold`: a number of
    digits and capital letters alone is already as it folds."""
    to_fold = rows.get_column("tracking_to_fold")
    if to_fold.any():
        folded = rows.filter(to_fold).select(normalize_tracking(pl.col("tracking")))
        tracking = rows.get_column("tracking").scatter(to_fold.arg_true(), folded.to_series())
        rows = rows.with_columns(tracking)
    return rows.drop("tracking_to_fold")


def _price_texts(frame: pl.DataFrame) -> dict[str, pl.Expr]:
    """The texts a value exemption reads, as the file has them (read for candidates only)."""
    names = {m: name for m, name in AMOUNT_COLUMNS.items() if m in frame.columns}
    if "currency" in frame.columns:
        names["currency"] = "currency_text"
    return {name: pl.col(m).fill_null("") for m, name in names.items()}


def _delivery_columns(frame: pl.DataFrame, lookups: Lookups) -> dict[str, pl.Expr]:
    columns: dict[str, pl.Expr] = {}
    if "delivery_status" in frame.columns:
        package = lookups.word(frame, "delivery_status")
        columns["delivery"] = pl.when(package != "cancelled").then(package)
    if "delivery_date" in frame.columns:
        columns["delivered_text"] = pl.col("delivery_date")
    return columns


def _exclusion() -> pl.Expr:
    """The first exclusion reason that applies (docs/vtr-rules.md §4.2), except the value-based
    ones, which need the whole order and are added once every batch is read."""
    return (
        pl.when(pl.col("platform") == "other")
        .then(pl.lit("not_amazon_platform"))
        .when(pl.col("fulfillment") == "amazon")
        .then(pl.lit("fba"))
        .when(
            pl.col("cancelled")
            | (pl.col("status") == "cancelled")
            | (pl.col("refunded") & pl.col("date_blank"))
        )
        .then(pl.lit("cancelled"))
        .when((pl.col("status") == "not_shipped") | pl.col("date_blank"))
        .then(pl.lit("not_shipped"))
        .when(pl.col("ship_date").is_null())
        .then(pl.lit("unreadable_date"))
        .otherwise(pl.lit(None, dtype=pl.String))
    )


def price_candidates(
    candidates: pl.DataFrame, lookups: Lookups, currencies: dict[str, str]
) -> pl.DataFrame:
    """(row, order_id, marketplace, value, priced, negative, currency) of the rows a value
    rule can apply to (`currencies`: each marketplace's own, for rows that name none), and
    `copy` (`_copy_key`) in a file that lists no items."""

    def amount(name: str) -> pl.Expr:
        if name not in candidates.columns:
            return pl.lit(None, dtype=pl.Float64)
        return amounts_of(pl.col(name).str.strip_chars(), lookups.amounts)

    shipping_of = amount("shipping").fill_null(0.0)
    taxes = amount("item_tax").fill_null(0.0) + amount("shipping_tax").fill_null(0.0)
    written = (
        pl.col("currency_text").str.strip_chars().str.to_uppercase()
        if "currency_text" in candidates.columns
        else pl.lit("")
    )
    currency = (
        pl.when(pl.col("_written") != "")
        .then(pl.col("_written"))
        .otherwise(pl.col("marketplace").replace_strict(currencies, default=""))
    )
    # What is used more than once first, each read once: in one select (eager or lazy),
    # polars read every use of it anew, the amount four times.
    amounts, shipping = pl.col("_amount"), pl.col("_shipping")
    read = candidates.with_columns(
        _amount=amount("amount"), _shipping=shipping_of, _written=written
    )
    return read.select(
        "row",
        "order_id",
        pl.col("marketplace").cast(pl.Categorical),
        *_copy_keys(candidates.columns, lookups),
        # Shipping included, VAT excluded (docs/vtr-rules.md §2).
        value=amounts.fill_null(0.0) + shipping - taxes,
        # A negative price is a refund or a forgery, not a low value: its order is not
        # judged by value at all (a -100 EUR letter is not "under EUR 20").
        priced=amounts.is_not_null() & (amounts >= 0) & (shipping >= 0),
        negative=(amounts.fill_null(0.0) < 0) | (shipping < 0),
        currency=currency.cast(pl.Categorical),
    )


def _copy_keys(columns: list[str], lookups: Lookups) -> list[pl.Expr]:
    """The `copy` key of a row, when the file's rows can repeat what an order was paid:
    an order total repeated on each item row (`Lookups.totals_orders`: its prices alone),
    or a row listed twice in a file listing no items (`_copy_key`)."""
    if lookups.totals_orders:
        return [_copy_key(columns, ())]
    return [] if lookups.lists_items else [_copy_key(columns)]


_READ_FOR_COPIES = ("ship_date", "carrier", "tracking", "category", "shop", "marketplace")
"""A row's columns, beside its prices, that tell it from another row of its order."""


def _copy_key(columns: list[str], read: tuple[str, ...] = _READ_FOR_COPIES) -> pl.Expr:
    """One hash of what a row holds beside its order ID: two rows of an order with the same
    are one row listed twice (two exports pasted one under the other, set F10's F08), whose
    amount the order's value counts once (`value_exemptions_of`, docs/decisions/015)."""
    texts = [*read, *AMOUNT_COLUMNS.values(), "currency_text"]
    present = [pl.col(c).cast(pl.String) for c in texts if c in columns]
    return pl.struct(present).hash().alias("copy")
