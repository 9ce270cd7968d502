"""`vtrbot ask` from its prepared knowledge base says, byte for byte, what the knowledge
base built from its sources says, for the questions of the development and held-out sets.

The prepared path differs from building in three ways, each of which could change a reply:
the base is unpickled, the registries come from the file instead of their YAML, and the
regular expressions are rebuilt from their kept compiled form (bot/services/
prepared_patterns.py). Both sides are a fresh process, as `vtrbot ask` runs: the first finds
no prepared base, builds it from the sources and answers with what it built; the second
reads the prepared one back and answers. Both word the reply with `ask.reply`, the function
the command prints, as JSON (the reply's text, the entry matched, the confidence, the
suggestions).

Both processes run on a copy of the sources taken when the test starts: the second process
computes the prepared file's key from the files again, so an edit saved between the two (an
engineer at work beside the run) made it build anew and fail, with nothing wrong.

Every question answered twice is minutes of CPU, so the README's command asks a fixed sample
of them, drawn across all the sets; every question is asked in the `sweep` tier, which CI
runs as its own step (`pytest -m sweep`, docs/development.md).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.yaml_files import read_yaml

# Two fresh processes, each building or reading the base and answering hundreds of questions.
pytestmark = [pytest.mark.slow, pytest.mark.long]

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

SAMPLE_SIZE = 400
SAMPLE_SEED = 19
"""The README's command asks this many questions, the same ones every run."""

# Builds the base from its sources and prepares it (first run), or reads it back (second
# run, where building again would be a failure); then answers every question on stdin's
# lines, one JSON reply a line. The code it runs must be the copy's (argv[2]).
PROBE = """
import json, sys
from pathlib import Path
from bot.services import knowledge_cache
if not Path(knowledge_cache.__file__).is_relative_to(sys.argv[2]):
    raise SystemExit(f"not the copy of the sources: {knowledge_cache.__file__}")
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


def sources_copy(into: Path) -> Path:
    """The code and data the processes read (bot/, knowledge/, locales/), copied with their
    modification times, so their compiled bytecode is still valid beside them."""
    for folder in ("bot", "knowledge", "locales"):
        shutil.copytree(ROOT / folder, into / folder)
    return into


def replies_alike(questions: list[str], scratch: Path) -> list[str]:
    """The questions whose replies differ between the built base and the prepared one."""
    sources = sources_copy(scratch / "sources")
    env = os.environ | {"XDG_CACHE_HOME": str(scratch / "cache"), "PYTHONPATH": str(sources)}
    env.pop("VTRBOT_RESOURCES_DIR", None)

    def run(mode: str) -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", PROBE, mode, str(sources)], input=json.dumps(questions),
            capture_output=True, text=True, check=True, env=env, cwd=sources,
        )  # fmt: skip
        return done.stdout.splitlines()

    built = run("build")
    assert len(list((scratch / "cache" / "vtrbot").glob("knowledge-*.pickle"))) == 1
    prepared = run("read")
    assert len(prepared) == len(built) == len(questions)
    return [q for q, a, b in zip(questions, prepared, built, strict=True) if a != b]


def test_a_sample_of_questions_gets_the_same_reply_prepared(tmp_path: Path) -> None:
    questions = every_question()
    assert len(questions) > 2000  # the sets were found
    sample = random.Random(SAMPLE_SEED).sample(questions, SAMPLE_SIZE)
    assert replies_alike(sample, tmp_path) == []


@pytest.mark.sweep
def test_the_prepared_base_replies_as_the_sources_do(tmp_path: Path) -> None:
    questions = every_question()
    assert len(questions) > 2000  # the sets were found
    assert replies_alike(questions, tmp_path) == []
