"""The API against its own OpenAPI document, with schemathesis (property-based).

Generated requests, valid and invalid, go straight to the WSGI application: no
answer may be a 500, every answer must be one the document declares (status,
content type, body schema), and invalid input must be refused with a 4xx.
"""

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from tests.utils import ALL_FIXTURES

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


@pytest.fixture
def content(db):
    """The fixtures, and the test's connection kept across requests: as Django's
    test client does, since closing it would end the test's transaction (which
    PostgreSQL, unlike in-memory SQLite, would honour)."""
    call_command("loaddata", *ALL_FIXTURES, verbosity=0)
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def test_the_document_is_openapi_3_1():
    assert schema.raw_schema["openapi"] == "3.1.0"


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,  # the same examples on every run, so CI is repeatable
    # No example database in the repository: each run starts afresh.
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)
def test_the_api_keeps_to_its_openapi_document(case, content):
    # The in-process WSGI client does not decompress: ask for plain bodies.
    case.call_and_validate(headers={"Accept-Encoding": "identity"}, checks=CHECKS)
