"""Every shipped mod folder validates with the command modders use."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import ROOT

MODS = sorted(p for p in (ROOT / "mods").iterdir() if (p / "mod.json").is_file())


@pytest.mark.parametrize("mod", MODS, ids=lambda p: p.name)
def test_shipped_mod_validates(mod):
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "validate", str(mod)], capture_output=True,
                         text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stdout + out.stderr
    assert all(line.startswith(("OK ", "note ")) for line in out.stdout.splitlines())
