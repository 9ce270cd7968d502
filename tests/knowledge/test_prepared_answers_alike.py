"""`vtrbot ask` from its prepared knowledge base says, byte for byte, what the knowledge
base built from its sources says, for every question of the development and held-out sets.

The prepared path differs from building in three ways, each of which could change a reply:
the base is unpickled, the registries come from the file instead of their YAML, and the
regular expressions are rebuilt from their kept compiled form (bot/services/
prepared_patterns.py). Both sides are a fresh process, as `vtrbot ask` runs: the first finds
no prepared base, builds it from the sources and answers with what it built; the second
reads the prepared one back and answers. Both word the reply with `ask.reply`, the function
the command prints, as JSON (the reply's text, the entry matched, the confidence, the
suggestions).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.yaml_files import read_yaml

# Two fresh processes answering about 2,800 questions each: the longest module of the suite.
pytestmark = [pytest.mark.slow, pytest.mark.long]

HERE = Path(__file__).resolve().parent

# Builds the base from its sources and prepares it (first run), or reads it back (second
# run, where building again would be a failure); then answers every question on stdin's
# lines, one JSON reply a line.
PROBE = """
import json, sys
from bot.services import knowledge_cache
built = []
def build(directory, from_sources=knowledge_cache._build):
    if sys.argv[1] == "read":
        raise SystemExit("built again: the prepared base was not read")
    built.append(directory)
    return from_sources(directory)
knowledge_cache._build = build
kb = knowledge_cache.cached_knowledge_base()
if sys.argv[1] == "build" and not built:
    raise SystemExit("read back: the base was not built from its sources")
from bot.adapters.cli.ask import reply
for question in json.loads(sys.stdin.read()):
    print(reply(kb, question, None, as_json=True))
"""


def _questions(node: object) -> Iterator[str]:
    """Every `q:` of a set's cases, however deep the set nests them."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "q" and isinstance(value, str):
                yield value
            else:
                yield from _questions(value)
    elif isinstance(node, list):
        for value in node:
            yield from _questions(value)


def every_question() -> list[str]:
    found: list[str] = []
    for path in sorted(HERE.glob("*.yaml")):
        data = read_yaml(path)
        found += _questions(data)
        if isinstance(data, dict):
            found += data.get("off_topic", [])  # the evaluation's refusals: bare strings
    return list(dict.fromkeys(found))


def test_the_prepared_base_replies_as_the_sources_do(tmp_path: Path) -> None:
    questions = every_question()
    assert len(questions) > 2000  # the sets were found
    env = os.environ | {"XDG_CACHE_HOME": str(tmp_path)}

    def run(mode: str) -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", PROBE, mode], input=json.dumps(questions),
            capture_output=True, text=True, check=True, env=env,
        )  # fmt: skip
        return done.stdout.splitlines()

    built = run("build")
    assert len(list((tmp_path / "vtrbot").glob("knowledge-*.pickle"))) == 1
    prepared = run("read")
    assert len(prepared) == len(built) == len(questions)
    differing = [q for q, a, b in zip(questions, prepared, built, strict=True) if a != b]
    assert differing == []
