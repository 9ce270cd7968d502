"""The prepared knowledge base `vtrbot ask` reads instead of building it at each start."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from bot.paths import knowledge_dir
from bot.services import knowledge_cache
from bot.services.knowledge_cache import cached_knowledge_base, source_key

QUESTIONS = ["does buy shipping cost extra", "vtr掉到93%了咋办", "云途的单号格式", "tell me a joke"]


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch, kb: KnowledgeBase) -> list[Path]:
    """Every build of the knowledge base, by directory (the session's one stands for it)."""
    built: list[Path] = []

    def load(cls: type[KnowledgeBase], directory: Path | None = None) -> KnowledgeBase:
        built.append(Path(directory or knowledge_dir()))
        return kb

    monkeypatch.setattr(KnowledgeBase, "load", classmethod(load))
    # Warmed by a few questions, not by every entry's phrasings (a second of answering).
    monkeypatch.setattr(knowledge_cache, "warm_up_questions", lambda kb: QUESTIONS)
    return built


@pytest.mark.slow  # pickles the whole base, reads it back and answers: over 0.3 s of CPU
def test_built_once_then_read_back_answering_alike(
    builds: list[Path], kb: KnowledgeBase, tmp_path: Path
) -> None:
    first = cached_knowledge_base(cache_dir=tmp_path)
    again = cached_knowledge_base(cache_dir=tmp_path)
    assert builds == [knowledge_dir()]
    assert again is not kb  # read back from the pickle, not the same object
    assert len(list(tmp_path.glob("knowledge-*.pickle"))) == 1
    for question in QUESTIONS:
        assert again.answer(question) == first.answer(question) == kb.answer(question)


def test_any_change_to_a_source_is_another_key(tmp_path: Path) -> None:
    copy = tmp_path / "knowledge"
    shutil.copytree(knowledge_dir(), copy)
    before = source_key(copy)
    assert source_key(copy) == before
    entry = next(copy.glob("1*.yaml"))
    entry.write_text(entry.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert source_key(copy) != before


def test_a_change_in_a_knowledge_subpackage_is_another_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rules live in a subpackage (knowledge/decide/): its modules are in the key too."""
    package = knowledge_cache._DOMAIN / "knowledge"
    (pattern,) = [kind for folder, kind in knowledge_cache._CODE_AND_DATA if folder == package]
    code = tmp_path / "code"
    shutil.copytree(package, code)
    monkeypatch.setattr(knowledge_cache, "_CODE_AND_DATA", ((code, pattern),))
    before = source_key(knowledge_dir())
    rule = code / "decide" / "carriers.py"
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert source_key(knowledge_dir()) != before


def test_a_damaged_cache_file_is_rebuilt(
    builds: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Built without compiling every pattern first (what makes the file fast to answer from,
    # not what reads it back): two builds were over 0.3 s of CPU.
    monkeypatch.setattr("bot.domain.knowledge.patterns.compile_every_pattern", lambda: 0)
    cached_knowledge_base(cache_dir=tmp_path)
    (path,) = tmp_path.glob("knowledge-*.pickle")
    path.write_bytes(path.read_bytes()[:100])
    cached_knowledge_base(cache_dir=tmp_path)
    assert len(builds) == 2
    cached_knowledge_base(cache_dir=tmp_path)
    assert len(builds) == 2  # the rebuilt copy replaced the damaged one


@pytest.mark.slow  # pickles the whole base twice: over 0.3 s of CPU
def test_a_cache_that_cannot_be_written_only_costs_the_build(
    builds: list[Path], kb: KnowledgeBase, tmp_path: Path
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    assert cached_knowledge_base(cache_dir=blocked) is kb
    assert cached_knowledge_base(cache_dir=blocked) is kb
    assert len(builds) == 2


@pytest.mark.slow  # starts a Python process
def test_a_command_line_question_imports_no_engine() -> None:
    """What `vtrbot ask` imports to answer from the prepared base: not polars, numpy or
    YAML, which cost more than the answer (they are the engine's and the loader's), nor the
    report's models, nor pydantic at all (it validates the sources where they are read)."""
    import subprocess
    import sys

    probe = (
        "import sys, bot.cli, bot.domain.knowledge, bot.services.answers, "
        "bot.services.knowledge_cache, bot.services.i18n; "
        "print(sorted({'polars', 'numpy', 'yaml', 'bot.domain.models', 'pydantic'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
