# The API under gunicorn, with its SQLite file on a volume. Build: docker build -t quotes-api .
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DATABASE_URL=sqlite:////data/quotes.sqlite3 \
    MIGRATIONS_DIR=/app/migrations \
    HOST=0.0.0.0 \
    PORT=8000

WORKDIR /app

# Dependencies first, so code changes do not reinstall them.
COPY requirements.txt constraints.txt ./
RUN pip install -r requirements.txt -c constraints.txt

COPY pyproject.toml README.md gunicorn.conf.py ./
COPY quotes_api ./quotes_api
COPY migrations ./migrations
COPY seeds ./seeds
RUN pip install --no-deps . \
    && useradd --create-home --uid 10001 app \
    && mkdir -p /data && chown app /data

USER app
VOLUME /data
EXPOSE 8000

# /healthz reads one row by its key: cheap enough to ask every 30 s. The slim image has no curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"PORT\"]}/healthz', timeout=4)"]

# Migrate, seed an empty database, then serve the one way the project serves (quotes-api serve;
# HOST=0.0.0.0 above makes it reachable from outside the container).
CMD ["sh", "-c", "quotes-api db upgrade && quotes-api ingest --if-empty --no-progress seeds && exec quotes-api serve"]
