"""Property-based fuzzing of every endpoint (schemathesis strategies from the committed OpenAPI
document, driven by hypothesis) against the live loopback server: valid and invalid requests
alike, it never answers with a 500, and its answers conform to the document.

(schemathesis' own pytest plugin does not run under pytest 9, so the test drives the strategies.)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.integration.sync.conftest import LiveServer

EXAMPLES = 30  # per operation and generation mode: bounded so the suite stays fast


def test_no_endpoint_answers_500(live_server: LiveServer) -> None:
    branch_id, code = live_server.branch()
    token = requests.post(
        f"{live_server.url}/v1/enroll", json={"code": code}, timeout=10
    ).json()["token"]
    document = json.loads(Path("sync/openapi.json").read_text(encoding="utf-8"))
    schema = schemathesis.openapi.from_dict(document)
    schema.config.update(base_url=live_server.url)
    headers = {"Authorization": f"Bearer {token}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    # five sync endpoints, bundle keys, the bundle upload, the portal's two opinion endpoints
    # and its two 党务公开 endpoints (issue 17), the answers to notices (issue 18)
    assert len(operations) == 12
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            path = {"branch_id": branch_id} if "{branch_id}" in operation.path else None
            strategy = operation.as_strategy(generation_mode=mode, path_parameters=path)

            @given(case=strategy)
            @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                      suppress_health_check=list(HealthCheck))
            def check(case: Any) -> None:
                case.call_and_validate(
                    headers=headers,
                    checks=[not_a_server_error, status_code_conformance,
                            content_type_conformance, response_schema_conformance],
                )

            try:
                check()
            except Unsatisfiable:
                # Nothing invalid can be generated (e.g. verify, with its branch id fixed).
                assert mode is GenerationMode.NEGATIVE
