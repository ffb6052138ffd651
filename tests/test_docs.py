"""The interface is documented in docs/, and the documents keep up with the code."""

from __future__ import annotations

import os
import re

import click
import pytest

from checker.checking.config import KEYS
from checker.checking.registry import declared_options
from checker.checking.rules import builtin_rules
from checker.commandline.cli import all_commands

from .conftest import ROOT
from .test_cli import invoke

DOCS = ROOT / "docs"


def test_rules_md_is_what_the_catalogue_makes():
    made = invoke("rules", "--format", "markdown", "--lang", "en").stdout
    target = DOCS / "rules.md"
    if os.environ.get("PLANCHECK_UPDATE_GOLDEN"):
        target.write_text(made, encoding="utf-8")
    assert target.read_text(encoding="utf-8") == made, (
        "docs/rules.md is stale: plancheck rules --format markdown --lang en > docs/rules.md"
    )
    for code in builtin_rules():
        assert f"## {code}" in made


def test_cli_md_names_every_command_and_option():
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    for name, command in all_commands().items():
        assert f"plancheck {name}" in text, name
        for param in command.params:
            if isinstance(param, click.Option) and param.name != "help":
                assert any(opt in text for opt in param.opts), (name, param.opts)


def test_config_md_names_every_key():
    text = (DOCS / "config.md").read_text(encoding="utf-8")
    options = declared_options(list(builtin_rules().values()))
    for key in (*KEYS, *options):
        assert f"`{key}`" in text, key


def test_json_md_names_every_key_the_json_has(tmp_path):
    import json

    (tmp_path / "README.md").write_text("# notes\n\n1. `x`\n", encoding="utf-8")
    (tmp_path / "2024.txt").write_text(
        (ROOT / "plans" / "2024.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    data = json.loads(invoke("lint", str(tmp_path), "--format", "json").stdout)
    text = (DOCS / "json.md").read_text(encoding="utf-8")
    keys = set(data) | set(data["summary"]) | set(data["files"][0]) | set(data["skipped"][0])
    for found in data["findings"]:
        keys |= set(found) | set(found.get("fix", {}))
    for key in keys:
        assert f"`{key}`" in text or f'"{key}"' in text, key


def test_readme_points_into_the_repository():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "../shared" not in readme and "CONTRACT.md" not in readme
    links = re.findall(r"\]\((docs/[^)#]+)", readme)
    assert {"docs/cli.md", "docs/rules.md", "docs/json.md", "docs/sarif.md"} <= set(links)
    for link in links:
        assert (ROOT / link).is_file(), link
    for doc in DOCS.glob("*.md"):
        for link in re.findall(r"\]\(([\w.-]+\.md)", doc.read_text(encoding="utf-8")):
            assert (DOCS / link).is_file(), (doc.name, link)


def test_config_schema_is_what_the_config_declares():
    """docs/config.schema.json, for editors: the general keys and every declared option;
    the README's and this guide's examples are valid against it."""
    import json

    import jsonschema
    import yaml

    from checker.checking.config import config_schema

    made = json.dumps(
        config_schema(declared_options(builtin_rules().values())), ensure_ascii=False, indent=2
    )
    target = DOCS / "config.schema.json"
    if os.environ.get("PLANCHECK_UPDATE_GOLDEN"):
        target.write_text(made + "\n", encoding="utf-8")
    schema = json.loads(target.read_text(encoding="utf-8"))
    assert target.read_text(encoding="utf-8") == made + "\n", "PLANCHECK_UPDATE_GOLDEN=1"
    assert set(schema["properties"]) == set(KEYS) | set(declared_options(builtin_rules().values()))
    guide = (DOCS / "config.md").read_text(encoding="utf-8")
    assert "yaml-language-server: $schema=" in guide
    for block in re.findall(r"```yaml\n(.*?)```", guide, re.S):
        data = yaml.safe_load(block)
        if isinstance(data, dict) and not {"repos", "jobs"} & set(data):
            jsonschema.validate(data, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"selcet": ["N"]}, schema)


def test_the_rule_guide_s_yaml_example_loads(tmp_path):
    """docs/adding-a-rule.md is followed by copying: its YAML rule loads as it stands (the
    rule schema, its message's fields), and the two examples take two codes. (Whether a
    code is free is the reader's to check, as the guide says: a rule that takes the next
    free code takes the example's.)"""
    from checker.checking.kinds import load_rule_file

    guide = (DOCS / "adding-a-rule.md").read_text(encoding="utf-8")
    yaml_rule = re.search(r"^## The YAML route\n.*?```yaml\n(.*?)```", guide, re.S | re.M)
    python_rule = re.search(r'^@rule\("([A-Z]\d{3})"', guide, re.M)
    path = tmp_path / "example.yaml"
    path.write_text(yaml_rule.group(1), encoding="utf-8")
    assert load_rule_file(path).code != python_rule.group(1)
