"""The load script against a real `newsrag serve` (briefly: the figures come from `newsrag eval load`, not tests)."""

import json

import pytest
from click.testing import CliRunner

from ui.cli import main

pytestmark = pytest.mark.slow


def test_load_script_reports_throughput_and_latency_without_errors(ingested) -> None:  # type: ignore[no-untyped-def]
    settings, _ = ingested
    result = CliRunner().invoke(
        main, ["--store", settings.store, "eval", "load", "--clients", "4", "--duration", "4"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["requests"] > 0 and figures["errors"] == 0 and figures["statuses"] == {"200": figures["requests"]}
    assert 0 < figures["latency_p50_ms"] <= figures["latency_p95_ms"] <= figures["latency_p99_ms"]
    assert figures["throughput_rps"] > 0 and figures["server_peak_rss_mb"] > 0
