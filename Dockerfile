# syntax=docker/dockerfile:1
# VTR Bot: docker build -t vtrbot . && docker run -e TELEGRAM_BOT_TOKEN=… -v vtrbot-data:/data vtrbot
# (podman: add --format docker to the build, or the HEALTHCHECK is dropped.)

# --- build: a virtualenv with the dependencies, then the project ----------------------
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
# binutils: `strip`, for docker/slim_venv.py; this stage is not shipped.
RUN apt-get update -qq \
    && apt-get install -y -qq --no-install-recommends binutils >/dev/null \
    && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /src
# Dependencies get their own layer: it is rebuilt only when pyproject.toml changes.
COPY pyproject.toml README.md ./
# The placeholder's build tree goes too: setuptools copies a source file into build/ only
# when it is newer, and a clone's files are older than that tree, so the placeholder's empty
# bot/__init__.py would be the one installed.
RUN mkdir bot && touch bot/__init__.py && pip install . && pip uninstall -y vtrbot \
    && rm -rf build bot *.egg-info
COPY bot ./bot
# ...and the installed package is checked to be the copied source, file for file.
RUN pip install --no-deps . \
    && diff -r -x __pycache__ bot "$(python -c 'import bot, os; print(os.path.dirname(bot.__file__))')"
# Catalogs are compiled here so a broken translation fails the build, not a chat.
COPY locales ./locales
RUN pybabel compile --statistics -d locales -D messages
# What the bot never uses at run time goes (installers, test suites, other languages'
# locale data, debug symbols); the script then checks that every language still formats.
COPY docker/slim_venv.py ./docker/
RUN VTRBOT_RESOURCES_DIR=/src python docker/slim_venv.py

# --- runtime: no compilers, no build files, not root ----------------------------------
FROM python:3.11-slim
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin vtrbot \
    && mkdir /data && chown vtrbot:vtrbot /data
COPY --from=build /opt/venv /opt/venv
COPY --from=build /src/locales /app/locales
COPY knowledge /app/knowledge
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    VTRBOT_RESOURCES_DIR=/app \
    VTRBOT_DATA_DIR=/data \
    MPLCONFIGDIR=/tmp/matplotlib
VOLUME ["/data"]
USER vtrbot
# The bot touches /data/heartbeat every 30 s; no call to Telegram is made here.
HEALTHCHECK --interval=60s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-m", "bot.healthcheck"]
# Exec form: the bot is PID 1 and receives SIGTERM, so it shuts down cleanly.
CMD ["vtrbot", "run"]
