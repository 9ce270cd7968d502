"""The lines of bot/ that only the named test modules reach, and the fewest of their tests
that reach them: what a collection's move to the full tier would leave untested in the fast
tier, and the cases to write in the rules' own tests first (docs/development.md).

    .venv/bin/python -m pytest -n 2 -q -m "not slow" --cov=bot --cov-context=test --cov-report=
    .venv/bin/python -m tests.only_reached_by .coverage test_readings_a.py test_seller_figures.py

After the move, the same coverage run into another file, and the lines it no longer reaches:

    .venv/bin/python -m tests.only_reached_by --lost .coverage.before .coverage
"""

from __future__ import annotations

import sys
from collections import defaultdict

from coverage import CoverageData

Line = tuple[str, int]


def lines_only_reached_by(data: CoverageData, module: str) -> dict[str, set[Line]]:
    """Each test of `module` (a context) → the lines no test of another module reaches."""
    reached: dict[str, set[Line]] = defaultdict(set)
    for path in data.measured_files():
        for line, contexts in data.contexts_by_lineno(path).items():
            modules = {context.split("::")[0] for context in contexts if context}
            if len(modules) == 1 and modules.pop().endswith(module):
                for context in contexts:
                    reached[context].add((_in_bot(path), line))
    return reached


def fewest_tests(reached: dict[str, set[Line]]) -> list[tuple[str, set[Line]]]:
    """A greedy cover: the test reaching most of the lines left, until none is left."""
    left = set().union(*reached.values()) if reached else set()
    chosen = []
    while left:
        test = max(reached, key=lambda name: len(reached[name] & left))
        chosen.append((test, reached[test] & left))
        left -= reached[test]
    return chosen


def reached_lines(path: str) -> set[Line]:
    data = CoverageData(path)
    data.read()
    return {
        (_in_bot(file), line) for file in data.measured_files() for line in data.lines(file) or ()
    }


def _in_bot(path: str) -> str:
    """A path from bot/ on, so runs in two worktrees compare."""
    return "bot/" + path.split("/bot/", 1)[-1]


def main(path: str, modules: list[str]) -> None:
    data = CoverageData(path)
    data.read()
    for module in modules:
        chosen = fewest_tests(lines_only_reached_by(data, module))
        print(f"{module}: {sum(len(lines) for _, lines in chosen)} lines only it reaches")
        for test, lines in chosen:
            print(f"  {test.split('::', 1)[-1]}")
            for file in sorted({file for file, _ in lines}):
                print(f"    {file}: {sorted(n for f, n in lines if f == file)}")


if __name__ == "__main__":
    if sys.argv[1] == "--lost":
        for file, line in sorted(reached_lines(sys.argv[2]) - reached_lines(sys.argv[3])):
            print(f"{file}:{line}")
    else:
        main(sys.argv[1], sys.argv[2:])
