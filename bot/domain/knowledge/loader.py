"""Reading `knowledge/*.yaml` into validated entries; any bad entry stops the load.

A KB that half-loads would answer from whatever survived, so every problem is
collected and raised together, each naming its file and entry.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.domain.knowledge.cards import Cards
from bot.domain.knowledge.schema import Entry, Lexicon

LEXICON_FILE = "synonyms.yaml"
CARDS_FILE = "cards.yaml"


class KnowledgeError(ValueError):
    """The knowledge base on disk is not valid; the message lists every problem found."""


def _read_yaml(path: Path) -> Any:
    import yaml  # only when the YAML is read: a prepared knowledge base (`vtrbot ask`) needs none

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=loader)
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path.name}: not valid YAML: {exc}") from exc


def load_entries(directory: Path, concepts: frozenset[str] | None = None) -> dict[str, Entry]:
    """All entries of the `*.yaml` files in `directory` (lexicon and cards excepted), by id.

    `concepts` are the lexicon's keys, which an entry's `requires` must name."""
    # pydantic only here, where the sources are read: the prepared base needs none.
    from pydantic import TypeAdapter, ValidationError

    if not directory.is_dir():
        raise KnowledgeError(f"knowledge directory not found: {directory}")
    adapter = TypeAdapter(Entry)
    problems: list[str] = []
    entries: dict[str, Entry] = {}
    rejected: set[str] = set()  # ids of invalid entries: not reported again as missing targets
    for path in sorted(directory.glob("*.yaml")):
        if path.name in (LEXICON_FILE, CARDS_FILE):
            continue
        raw = _read_yaml(path)
        items = raw if isinstance(raw, list) else [raw]
        for position, item in enumerate(items, start=1):
            label = f"{path.name} entry {position}"
            if isinstance(item, dict) and "id" in item:
                label += f" ({item['id']})"
            try:
                entry = adapter.validate_python(item)
            except ValidationError as exc:
                problems.append(f"{label}: {exc}")
                if isinstance(item, dict):
                    rejected.add(str(item.get("id")))
                continue
            if entry.id in entries:
                problems.append(f"{label}: duplicate id {entry.id!r}")
            entries[entry.id] = entry
    if not entries and not problems:
        problems.append(f"no entries in {directory}")
    problems.extend(_reference_problems(entries, rejected, concepts))
    if problems:
        raise KnowledgeError("invalid knowledge base:\n" + "\n".join(problems))
    return entries


def _reference_problems(
    entries: dict[str, Entry], rejected: set[str], concepts: frozenset[str] | None
) -> list[str]:
    """Entries pointing at ids or concepts that do not exist."""
    problems = []
    for entry in entries.values():
        missing = [r for r in entry.related if r not in entries and r not in rejected]
        if missing:
            problems.append(f"entry {entry.id!r}: related ids do not exist: {missing}")
        named = [*entry.requires, *entry.excludes, *entry.own_subject]
        unknown = [c for c in named if concepts is not None and c not in concepts]
        if unknown:
            problems.append(f"entry {entry.id!r}: required concepts not in the lexicon: {unknown}")
    return problems


def load_lexicon(directory: Path) -> Lexicon:
    """The synonym table and stopwords; an absent file means plain matching, not an error."""
    path = directory / LEXICON_FILE
    if not path.is_file():
        return Lexicon()
    from pydantic import TypeAdapter, ValidationError

    try:
        return TypeAdapter(Lexicon).validate_python(_read_yaml(path) or {})
    except ValidationError as exc:
        raise KnowledgeError(f"{path.name}: {exc}") from exc


def load_cards(directory: Path) -> Cards | None:
    """The templates of answers composed from the registry; absent means entries only."""
    path = directory / CARDS_FILE
    if not path.is_file():
        return None
    from pydantic import TypeAdapter, ValidationError

    try:
        return TypeAdapter(Cards).validate_python(_read_yaml(path))
    except ValidationError as exc:
        raise KnowledgeError(f"{path.name}: {exc}") from exc
