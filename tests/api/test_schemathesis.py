"""Property-based API test from our own OpenAPI document: no 5xx, and responses match the schema.

Reads run against the seeded database; write endpoints are exercised without a key
(their 401 answers must match the schema too).
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from tests.backends import seeded_copy
from tests.conftest import make_app


@pytest.fixture(scope="module")
def seeded_app(tmp_path_factory, seeded_template):
    # PostgreSQL connections are kept between requests (postgresql+pool://), as a deployment would.
    with seeded_copy(seeded_template, tmp_path_factory.mktemp("schemathesis"), "api", pooled=True) as url:
        yield make_app(url, RATE_LIMIT_ENABLED=False)


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture(scope="module")
def api_schema(seeded_app):
    return schemathesis.openapi.from_wsgi("/openapi.json", seeded_app)


# A schema-valid `q` can still be invalid search syntax, which is a documented 400; so the
# check that every schema-valid request is accepted does not apply to this API.
from schemathesis.specs.openapi.checks import positive_data_acceptance  # noqa: E402


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case):
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
