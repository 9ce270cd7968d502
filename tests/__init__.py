"""The test suite.

Bytecode is cached for the tests even where PYTHONDONTWRITEBYTECODE is set (as on the CI
machine): without the cache every run compiles `bot/` again and pytest rewrites every test
module's asserts again, which was 6 of the fast tier's 25 seconds. The caches stay in
`__pycache__` folders, which git ignores. This runs before `tests/conftest.py` imports the
bot, so the bot's modules are cached too.
"""

import sys

sys.dont_write_bytecode = False
