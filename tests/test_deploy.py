"""deploy/tyonavi.service is a unit systemd accepts, with the settings the README's "Operating TyöNavi" promises."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UNIT = ROOT / "deploy" / "tyonavi.service"
INSTALLED = "/opt/tyonavi/.venv/bin/tyonavi"
#: systemd-analyze security's exposure scale is 0-10; 2.0 and below is what it calls "OK".
MAX_EXPOSURE = 20  # tenths, as --threshold takes it


def settings(unit: Path) -> dict[str, list[str]]:
    """Every `Key=value` of the unit (keys may repeat), comments left out."""
    found: dict[str, list[str]] = {}
    for line in unit.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.lstrip().startswith(("#", ";")):
            key, value = line.split("=", 1)
            found.setdefault(key.strip(), []).append(value.strip())
    return found


def local_copy(tmp_path: Path) -> Path:
    """The unit with ExecStart pointing at this checkout's tyonavi, which `verify` requires to exist."""
    tyonavi = Path(sys.executable).with_name("tyonavi")
    copy = tmp_path / "tyonavi.service"
    copy.write_text(UNIT.read_text(encoding="utf-8").replace(INSTALLED, str(tyonavi)), encoding="utf-8")
    return copy


def test_the_unit_runs_as_its_own_user_with_state_and_secrets_outside_the_config():
    unit = settings(UNIT)
    assert unit["User"] == ["tyonavi"] and unit["Group"] == ["tyonavi"]
    assert unit["StateDirectory"] == ["tyonavi"]
    assert unit["EnvironmentFile"] == ["/etc/tyonavi/tyonavi.env"]
    assert unit["ExecStart"] == [f"{INSTALLED} run --config /etc/tyonavi/config.yaml"]
    assert unit["Restart"] == ["on-failure"] and unit["RestartPreventExitStatus"] == ["2"]
    for option in ("NoNewPrivileges", "ProtectHome", "PrivateTmp", "PrivateDevices", "RestrictNamespaces",
                   "RestrictSUIDSGID", "LockPersonality"):
        assert unit[option] == ["yes"], option
    assert unit["ProtectSystem"] == ["strict"]
    assert unit["RestrictAddressFamilies"] == ["AF_INET AF_INET6 AF_UNIX"]
    assert unit["CapabilityBoundingSet"] == [""]
    assert "TELEGRAM_BOT_TOKEN" not in "".join(v for values in unit.values() for v in values)


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed here")
def test_systemd_analyze_verify_accepts_the_unit_without_a_warning(tmp_path):
    result = subprocess.run(["systemd-analyze", "verify", str(local_copy(tmp_path))], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout + result.stderr == ""  # an unknown key or value is only a warning: none allowed


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed here")
def test_systemd_rates_the_unit_exposure_ok(tmp_path):
    result = subprocess.run(["systemd-analyze", "security", "--offline=true", f"--threshold={MAX_EXPOSURE}",
                             str(local_copy(tmp_path))], capture_output=True, text=True, timeout=60)
    if "--offline" in result.stderr and "unrecognized" in result.stderr:
        pytest.skip("this systemd-analyze cannot rate a unit file offline (systemd < 250)")
    assert result.returncode == 0, result.stdout.splitlines()[-1:]
