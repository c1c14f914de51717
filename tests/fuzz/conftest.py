"""Hypothesis profiles for the fuzz tests: "ci" (default, a few seconds, the same examples every run) and
"release" (HYPOTHESIS_PROFILE=release: 20,000 examples a property, for before a release)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large]

settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True, database=None,
                          suppress_health_check=_QUIET, print_blob=True)
settings.register_profile("release", max_examples=20_000, deadline=None, database=None,
                          suppress_health_check=_QUIET, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
