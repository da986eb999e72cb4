"""gunicorn's access log without secrets: a key sent in a query string is refused, and not logged either.

``gunicorn.conf.py`` sets ``logger_class`` to :class:`RedactingLogger`.
"""

import re

from gunicorn.glogging import Logger

# A query parameter whose name says it holds a secret: api_key, X-API-Key, token, access_token, password…
_SECRET_PARAM = re.compile(r"(?i)((?:^|[?&;])[^=&;?/\s]*(?:key|token|secret|passw|auth)[^=&;?/\s]*=)[^&;#\s]*")
REDACTED = "[redacted]"


def redact_query(text):
    """text (a query string or a request target) with the values of secret-named parameters hidden.

    >>> redact_query("/api/v1/quotes?q=roads&api_key=qk_abc123&page=2")
    '/api/v1/quotes?q=roads&api_key=[redacted]&page=2'
    >>> redact_query("X-API-Key=qk_abc")
    'X-API-Key=[redacted]'
    """
    return _SECRET_PARAM.sub(lambda m: m.group(1) + REDACTED, text) if text else text


class RedactingLogger(Logger):
    """gunicorn's logger; the request line, query string, environ and X-API-Key atoms have secrets hidden."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for name, value in atoms.items():
            if name in ("{x-api-key}i", "{http_x_api_key}e"):
                atoms[name] = REDACTED
            elif (name in ("r", "q") or name.endswith("}e")) and isinstance(value, str):
                atoms[name] = redact_query(value)
        return atoms
