# The API under gunicorn, with its SQLite file on a volume. Build: docker build -t quotes-api .
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DATABASE_URL=sqlite:////data/quotes.sqlite3 \
    MIGRATIONS_DIR=/app/migrations \
    PORT=8000

WORKDIR /app

# Dependencies first, so code changes do not reinstall them.
COPY requirements.txt constraints.txt ./
RUN pip install -r requirements.txt -c constraints.txt

COPY pyproject.toml README.md wsgi.py gunicorn.conf.py ./
COPY quotes_api ./quotes_api
COPY migrations ./migrations
COPY seeds ./seeds
RUN pip install --no-deps . \
    && useradd --create-home --uid 10001 app \
    && mkdir -p /data && chown app /data

USER app
VOLUME /data
EXPOSE 8000

# Migrate, seed an empty database, then serve. gunicorn binds all interfaces inside the container.
CMD ["sh", "-c", "quotes-api db upgrade && quotes-api ingest --if-empty --no-progress seeds && exec gunicorn --config gunicorn.conf.py --bind 0.0.0.0:${PORT} wsgi:app"]
