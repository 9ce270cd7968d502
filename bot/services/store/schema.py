"""The database schema, as numbered migrations for both backends.

`MIGRATIONS[n]` moves a database from version n to n + 1, keyed by dialect ("sqlite",
"postgresql"). Append to the list, never edit a migration that has shipped. SQLite records the
version in `PRAGMA user_version`, PostgreSQL in a one-row `schema_version` table.

The SQL is written once, for SQLite, and carried to PostgreSQL by `for_postgres`: SQLite's
INTEGER is 64-bit and Telegram's chat IDs need it, so PostgreSQL gets BIGINT. Dates stay ISO
text in both, so every query and every row read back is the same on both backends.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

Dialect = Literal["sqlite", "postgresql"]

_V1 = """
CREATE TABLE chats (
    chat_id    INTEGER PRIMARY KEY,
    lang       TEXT,
    timezone   TEXT,
    as_of      TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE last_report (
    chat_id     INTEGER PRIMARY KEY,
    report_json TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE TABLE shipments (
    chat_id     INTEGER NOT NULL,
    order_id    TEXT NOT NULL,
    ship_date   TEXT,
    carrier     TEXT NOT NULL,
    tracking    TEXT NOT NULL,
    category    TEXT NOT NULL,
    marketplace TEXT NOT NULL,
    excluded    TEXT
);
CREATE INDEX shipments_by_chat_date ON shipments (chat_id, ship_date);
CREATE INDEX shipments_by_chat_order ON shipments (chat_id, order_id);
"""

_V2 = """
CREATE TABLE subscriptions (
    chat_id    INTEGER PRIMARY KEY,
    at_time    TEXT NOT NULL,
    timezone   TEXT NOT NULL,
    digest     INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE alert_history (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id       INTEGER NOT NULL,
    sent_at       TEXT NOT NULL,
    as_of         TEXT NOT NULL,
    triggers      TEXT NOT NULL,
    snapshot_json TEXT NOT NULL
);
CREATE INDEX alert_history_by_chat ON alert_history (chat_id, id);
"""

_V3 = """
-- The report's as-of date in its own column: /chart needs only it, and parsing a report of
-- a million defects to read one date took seconds.
ALTER TABLE last_report ADD COLUMN as_of TEXT;
{backfill}
-- One alert per chat and local day, kept by the database itself: any number of processes
-- may try to claim the same day, and exactly one insert wins.
DELETE FROM alert_history WHERE id NOT IN (
    SELECT MIN(id) FROM alert_history GROUP BY chat_id, as_of
);
CREATE UNIQUE INDEX alert_history_one_a_day ON alert_history (chat_id, as_of);
"""

_V4 = """
-- Each chat's daily pass, once decided (sent or quiet): a process starting the pass for a
-- chat whose day is already decided skips it, so several processes never evaluate it twice.
CREATE TABLE alert_days (
    chat_id    INTEGER NOT NULL,
    day        TEXT NOT NULL,
    outcome    TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    PRIMARY KEY (chat_id, day)
);
"""

_AMAZON = """
-- A connected Amazon store, kept with everything else so every replica sees it (see
-- docs/vtr-rules.md §8): the refresh token only sealed (encrypted with the operator's key).
CREATE TABLE amazon_connections (
    chat_id      INTEGER PRIMARY KEY,
    region       TEXT NOT NULL,
    marketplaces TEXT NOT NULL,
    sealed_token BLOB NOT NULL,
    state        TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
-- The incremental cursor, the last good sync and the last attempt: the attempt is what
-- tells a replica's round that another replica synced the chat already.
CREATE TABLE amazon_sync_state (
    chat_id         INTEGER PRIMARY KEY,
    orders_cursor   TEXT,
    last_good_sync  TEXT,
    last_attempt    TEXT,
    last_problem    TEXT,
    report_retry_on TEXT
);
CREATE TABLE amazon_packages (
    chat_id    INTEGER NOT NULL,
    order_id   TEXT NOT NULL,
    package_id TEXT NOT NULL,
    tracking   TEXT NOT NULL,
    status     TEXT NOT NULL,
    PRIMARY KEY (chat_id, order_id, package_id)
);
CREATE TABLE amazon_item_categories (
    chat_id  INTEGER NOT NULL,
    item_key TEXT NOT NULL,
    category TEXT NOT NULL,
    PRIMARY KEY (chat_id, item_key)
);
-- DOUBLE PRECISION, not REAL: PostgreSQL's REAL is 32-bit, and a rate read back must be the
-- rate Amazon sent (SQLite stores either as its 64-bit REAL).
CREATE TABLE amazon_snapshots (
    chat_id              INTEGER NOT NULL,
    marketplace_id       TEXT NOT NULL,
    snapshot_date        TEXT NOT NULL,
    shipment_count       INTEGER NOT NULL,
    valid_tracking_count INTEGER NOT NULL,
    status               TEXT NOT NULL,
    rate                 DOUBLE PRECISION NOT NULL,
    date_from            TEXT NOT NULL,
    date_to              TEXT NOT NULL,
    account_status       TEXT,
    metrics_json         TEXT NOT NULL,
    PRIMARY KEY (chat_id, marketplace_id, snapshot_date)
);
"""

_SEND_SLOTS = """
-- The sending slots every replica takes before calling Telegram: one rate limit for one bot
-- token (see bot/services/store/send_slots.py). IF NOT EXISTS: replicas of the release
-- before created it themselves, outside the migrations.
CREATE TABLE IF NOT EXISTS send_slots (
    key TEXT PRIMARY KEY,
    tat TIMESTAMPTZ NOT NULL
);
"""

_FIXES = """
-- What else confirmShipment needs to edit a synced package, kept by the sync beside its
-- items: the carrier, the ship time as Amazon sent it, and the order's programs
-- (FBM_SHIP_PLUS, AMAZON_EASY_SHIP: labels Amazon made, which are not edited this way).
ALTER TABLE amazon_packages ADD COLUMN carrier TEXT;
ALTER TABLE amazon_packages ADD COLUMN ship_time TEXT;
ALTER TABLE amazon_packages ADD COLUMN programs TEXT;
-- Every change a seller confirmed, and the idempotency record of its send: written
-- 'pending' before the call to Amazon, then 'sent' (204), 'failed' (Amazon refused it) or
-- 'unconfirmed' (no answer); the next sync turns it 'accepted' when the package shows the
-- new carrier and number. The key is the confirmed change's own: a second press, a retry
-- after a crash or another replica finds the row and does not send again.
CREATE TABLE amazon_fixes (
    chat_id      INTEGER NOT NULL,
    change_key   TEXT NOT NULL,
    order_id     TEXT NOT NULL,
    package_id   TEXT NOT NULL,
    old_carrier  TEXT NOT NULL,
    old_tracking TEXT NOT NULL,
    new_carrier  TEXT NOT NULL,
    carrier_code TEXT NOT NULL,
    carrier_name TEXT,
    new_tracking TEXT NOT NULL,
    requested_by INTEGER,
    state        TEXT NOT NULL,
    answer       TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (chat_id, change_key)
);
CREATE INDEX amazon_fixes_by_package ON amazon_fixes (chat_id, order_id, package_id);
-- The one fix a chat is in the middle of (waiting for a number, or for "confirm"), in the
-- store because any replica may get the seller's next message; ignored once it expires.
CREATE TABLE amazon_fix_steps (
    chat_id    INTEGER PRIMARY KEY,
    token      TEXT NOT NULL,
    step_json  TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
"""

AMAZON_TABLES = (
    "amazon_connections", "amazon_sync_state", "amazon_packages", "amazon_item_categories",
    "amazon_snapshots", "amazon_fix_steps", "amazon_fixes",
)  # fmt: skip
"""The Amazon connection's tables, credentials first (the order /forget deletes them in)."""
CHAT_TABLES = (
    *AMAZON_TABLES, "connect_steps", "upload_claims", "shipments", "last_report",
    "subscriptions", "alert_history", "alert_parts", "alert_days", "chats",
)  # fmt: skip
"""Every table holding a chat's rows: /forget deletes the chat from each."""

_ALERT_PARTS = """
-- Each part of a claimed alert (the chart, then each text part), stored with the claim, and
-- how far its delivery got: 'pending' (never started, or its send failed `tries` times),
-- 'sending' (a process started the send), 'sent' (Telegram confirmed it), 'failed' (given
-- up after its last try). A process taking over an undecided day sends only the pending
-- parts: a part left 'sending' by a dead process may have reached the chat, and Telegram has
-- no idempotency key, so it is never sent again. Deleted once the day is decided.
CREATE TABLE alert_parts (
    chat_id    INTEGER NOT NULL,
    day        TEXT NOT NULL,
    part       INTEGER NOT NULL,
    state      TEXT NOT NULL,
    tries      INTEGER NOT NULL DEFAULT 0,
    html       TEXT NOT NULL,
    filename   TEXT,
    image      BLOB,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (chat_id, day, part)
);
-- The sweep reads the decided days of the few dates that are "today" somewhere.
CREATE INDEX alert_days_by_day ON alert_days (day);
"""


_CATALOG = """
-- Each ASIN's category per marketplace, from Amazon's catalog (Catalog Items getCatalogItem),
-- so each ASIN is looked up once, not at every sync. category NULL: Amazon gave none (no
-- classification, or no such item there); asked again after a while. No chat's data: the
-- catalog is public and shared by every chat, so /forget leaves it.
CREATE TABLE amazon_catalog (
    marketplace_id TEXT NOT NULL,
    asin           TEXT NOT NULL,
    category       TEXT,
    looked_up_at   TEXT NOT NULL,
    PRIMARY KEY (marketplace_id, asin)
);
-- Each synced package's category and where it came from ('amazon', 'upload', 'none'), and
-- its items ([{orderItemId, quantity, asin, sku}], JSON): editing a package's tracking
-- (confirmShipment) names the package and the items it holds.
ALTER TABLE amazon_packages ADD COLUMN category TEXT;
ALTER TABLE amazon_packages ADD COLUMN category_source TEXT;
ALTER TABLE amazon_packages ADD COLUMN items_json TEXT;
ALTER TABLE amazon_packages ADD COLUMN marketplace_id TEXT;
-- Whose category wins when the seller's upload and Amazon's catalog disagree: 'upload', or
-- NULL for Amazon's (the default).
ALTER TABLE chats ADD COLUMN category_source TEXT;
"""


_SHARED_STEPS = """
-- A /connect half answered: which question comes next and the answers so far (never the
-- token), so the next answer may reach any process. Stale after ten minutes unanswered.
CREATE TABLE connect_steps (
    chat_id      INTEGER PRIMARY KEY,
    step         TEXT NOT NULL,
    region       TEXT,
    marketplaces TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
-- The upload a chat's data is waiting for, by whichever process works on it: it is stored
-- only if its claim is still here when it merges. /forget deletes the claim with the rest,
-- so an upload analysed anywhere meanwhile is dropped, not stored after the deletion.
CREATE TABLE upload_claims (
    chat_id    INTEGER PRIMARY KEY,
    claim      TEXT NOT NULL,
    started_at TEXT NOT NULL
);
"""

_SHOPS = """
-- The seller's shop of each shipment, from an ERP export that names it: each shop is its own
-- Amazon account, judged on its own. Shipments stored before read as no shop ('').
ALTER TABLE shipments ADD COLUMN shop TEXT NOT NULL DEFAULT '';
"""


def for_postgres(sql: str) -> str:
    """SQLite's DDL in PostgreSQL's words (64-bit integers, identity keys, byte strings)."""
    return (
        sql.replace(
            "INTEGER PRIMARY KEY AUTOINCREMENT",
            "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
        )
        .replace("INTEGER", "BIGINT")
        .replace("BLOB", "BYTEA")
    )


def _both(sql: str) -> Mapping[Dialect, str]:
    return {"sqlite": sql, "postgresql": for_postgres(sql)}


MIGRATIONS: tuple[Mapping[Dialect, str], ...] = (
    # 1: chats, their last report and their shipments.
    _both(_V1),
    # 2: daily alerts: who wants them and when, and what each chat was told.
    _both(_V2),
    # 3: the report's as-of date as a column; one alert per chat and day, enforced.
    {
        "sqlite": _V3.format(
            backfill="UPDATE last_report SET as_of = json_extract(report_json, '$.as_of');"
        ),
        "postgresql": _V3.format(
            backfill="UPDATE last_report SET as_of = report_json::json ->> 'as_of';"
        ),
    },
    # 4: each chat's decided days, so the pass can run in several processes.
    _both(_V4),
    # 5: the Amazon connection, shared by every process like the rest.
    _both(_AMAZON),
    # 6: the shared sending slots; SQLite serves one process, whose limiter is in memory.
    {"sqlite": "", "postgresql": _SEND_SLOTS},
    # 7: each alert's parts and how far their delivery got, so another process can finish it.
    _both(_ALERT_PARTS),
    # 8: ASIN categories from Amazon's catalog; synced packages' category source and items.
    _both(_CATALOG),
    # 9: what a fix sent to Amazon needs of a package; each confirmed fix and its send.
    _both(_FIXES),
    # 10: a /connect's step and an upload's claim, shared by every process serving the chat.
    _both(_SHARED_STEPS),
    # 11: each shipment's shop.
    _both(_SHOPS),
)
SCHEMA_VERSION = len(MIGRATIONS)
