"""The pre-commit configuration and the GitHub Actions workflows: valid, and consistent with the Makefile and the pins.

What the workflows and the Makefile do is tested by running what they run (`make check` = tools.check,
`make html` = tools.build...), not by reading their text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from archive_core.yaml_tags import FrontMatterLoader

from .conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
MAKE_TARGETS = set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE))


def load(path: Path) -> dict:
    # YAML 1.2 booleans, as GitHub reads workflows: `on:` is a key, not True.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=FrontMatterLoader)  # noqa: S506 (a safe loader)


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def make_targets(workflow: dict) -> list[str]:
    runs = [step["run"].strip() for step in steps(workflow) if "run" in step]
    for run in runs:
        assert re.fullmatch(r"make [a-z-]+", run), f"run steps call the Makefile, not {run!r}"
    return [run.split()[1] for run in runs]


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_workflow_parses_and_only_calls_make(path: Path):
    workflow = load(path)
    assert workflow["name"] and workflow["on"] and workflow["jobs"]
    assert set(make_targets(workflow)) <= MAKE_TARGETS
    for step in steps(workflow):
        assert ("run" in step) != ("uses" in step), step
        if "uses" in step:
            assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step["uses"]


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_a_workflow_leaves_no_token_to_what_it_runs(path: Path):
    """The steps run the repository's own Makefile on a contributed change: the checkout keeps no token in
    `.git/config` for them to read, and no trigger runs a fork's change with the base repository's secrets."""
    workflow = load(path)
    triggers = workflow["on"] if isinstance(workflow["on"], dict | list) else [workflow["on"]]
    assert not {"pull_request_target", "workflow_run"} & set(triggers)
    for step in steps(workflow):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False, f"{path.name}: {step}"
    if "pull_request" in triggers:
        assert workflow["permissions"] == {"contents": "read"}


def test_pre_commit_runs_ruff_yaml_checks_and_make_check():
    config = load(ROOT / ".pre-commit-config.yaml")
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert {"check-yaml", "ruff", "ruff-format", "make-check"} <= set(hooks)
    assert hooks["make-check"]["entry"] == "make check"
    assert all(repo["repo"] == "local" or re.fullmatch(r"v\d+\.\d+\.\d+", repo["rev"]) for repo in config["repos"])
    pinned = re.search(r"^ruff==(\S+)$", (ROOT / "requirements-dev.txt").read_text(encoding="utf-8"), re.MULTILINE)
    for hook in (hooks["ruff"], hooks["ruff-format"]):
        assert hook["additional_dependencies"] == [f"ruff=={pinned.group(1)}"]
