"""The API's JSON is the text Flask's standard-library provider writes with the app's settings."""

import dataclasses
import datetime

import pytest
from flask.json.provider import DefaultJSONProvider


@dataclasses.dataclass
class Point:
    x: int
    label: str


PAYLOADS = [
    {"name": "Gascón", "said": "“tsunami of change”", "emoji": "👍"},  # UTF-8, not \u escapes
    {"b": 1, "a": 2},  # keys in the order given (the schemas' order)
    [1, 2.5, 0.1, -0.0, 10**15, True, False, None],
    {"nested": [{"deep": {"deeper": []}}], "empty": {}},
    {"day": datetime.date(2020, 11, 10), "at": datetime.datetime(2020, 11, 10, 9, 30)},  # HTTP dates, as Flask
    {"point": Point(1, "a")},  # dataclasses, as Flask
    {1: "one", 2: "two"},  # keys that are not strings become strings
    "a string",
    None,
]


@pytest.fixture
def providers(app):
    standard = DefaultJSONProvider(app)
    standard.sort_keys, standard.ensure_ascii = app.json.sort_keys, app.json.ensure_ascii
    return app.json, standard


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_json_text_is_the_standard_librarys(app, providers, payload):
    fast, standard = providers
    with app.app_context():
        assert fast.response(payload).get_data() == standard.response(payload).get_data()


def test_debug_output_is_indented_as_flask_indents_it(app, providers):
    fast, standard = providers
    app.debug = True
    with app.app_context():
        for payload in PAYLOADS:
            assert fast.response(payload).get_data() == standard.response(payload).get_data()
