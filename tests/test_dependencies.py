"""pyproject.toml is the one source of dependencies; the requirements files are its lock."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==([^\s\\;]+)", re.MULTILINE)


def _name(requirement):
    return re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _locked(filename):
    text = (ROOT / filename).read_text()
    return {name.lower().replace("_", "-"): version for name, version in PIN.findall(text)}, text


def _project():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def test_every_runtime_dependency_is_pinned_in_the_runtime_lock():
    locked, _ = _locked("requirements.txt")
    missing = [d for d in _project()["dependencies"] if _name(d) not in locked]
    assert not missing, f"run `make lock`: {missing} not in requirements.txt"


def test_every_dev_dependency_is_pinned_in_the_dev_lock():
    locked, _ = _locked("requirements-dev.txt")
    wanted = _project()["dependencies"] + _project()["optional-dependencies"]["dev"]
    missing = [d for d in wanted if _name(d) not in locked]
    assert not missing, f"run `make lock`: {missing} not in requirements-dev.txt"


def test_both_locks_pin_the_same_runtime_versions():
    runtime, _ = _locked("requirements.txt")
    dev, _ = _locked("requirements-dev.txt")
    differ = {n: (v, dev.get(n)) for n, v in runtime.items() if dev.get(n) != v}
    assert not differ, f"run `make lock`: {differ}"


def test_every_locked_package_carries_a_hash():
    for filename in ("requirements.txt", "requirements-dev.txt"):
        locked, text = _locked(filename)
        blocks = re.split(r"\n(?=[A-Za-z0-9])", text)
        unhashed = [b.split()[0] for b in blocks if PIN.match(b) and "--hash=sha256:" not in b]
        assert locked and not unhashed, f"{filename}: {unhashed}"
