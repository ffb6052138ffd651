"""The Chinese user guide (docs/zh/) keeps up with the code: a section for every rule with
its title and fix mode as the catalogue gives them, every config key, commands and options
that exist, examples that load, links that resolve, and the README pointing to it first."""

from __future__ import annotations

import re
import shlex

import click
import pytest
import yaml

from checker import locale
from checker.checking.config import KEYS, from_mapping
from checker.checking.registry import declared_options
from checker.checking.rules import builtin_rules
from checker.commandline.cli import all_commands

from .conftest import ROOT

GUIDE = ROOT / "docs" / "zh"
PAGES = sorted(GUIDE.glob("*.md"))
FIX_MODES = {"safe": "安全", "unsafe": "需核对", None: "无"}


def _sections(text: str) -> dict[str, str]:
    """``## CODE title`` → the section's text up to the next heading."""
    found = {}
    parts = re.split(r"^## ", text, flags=re.MULTILINE)
    for part in parts[1:]:
        head, _, body = part.partition("\n")
        match = re.fullmatch(r"([A-Z]\d{3}) (.+)", head.strip())
        if match:
            found[match.group(1)] = (match.group(2), body)
    return found


def test_every_rule_has_its_section_with_the_catalogues_title_and_fix():
    sections = _sections((GUIDE / "rules.md").read_text(encoding="utf-8"))
    specs = builtin_rules()
    assert set(sections) == set(specs), "docs/zh/rules.md: one section per rule code"
    for code, spec in specs.items():
        title, body = sections[code]
        assert title == locale.rule_title("zh", spec), code
        assert f"自动修复：{FIX_MODES[spec.fix]}\n" in body, code
        assert "**是什么**" in body and "**怎么改**" in body, code


def test_every_config_key_is_explained():
    text = (GUIDE / "config.md").read_text(encoding="utf-8")
    options = declared_options(list(builtin_rules().values()))
    for key in (*KEYS, *options):
        assert f"| `{key}` |" in text, key


def test_the_index_lists_every_page_and_links_resolve():
    index = (GUIDE / "README.md").read_text(encoding="utf-8")
    for page in PAGES:
        if page.name != "README.md":
            assert f"]({page.name})" in index, page.name
    for page in PAGES:
        for link in re.findall(r"\]\(([^)#:]+\.md)", page.read_text(encoding="utf-8")):
            assert (page.parent / link).resolve().is_file(), (page.name, link)


def test_the_readme_links_the_chinese_guide_first():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    after_commands = readme.split("```", 2)[2]  # past the two commands' block
    first_link = re.search(r"\]\(([^)]+)\)", after_commands).group(1)
    assert first_link == "docs/zh/README.md"
    assert after_commands.index("docs/zh/README.md") < after_commands.index("docs/cli.md")


def _blocks(text: str) -> list[tuple[str, str]]:
    """The fenced code blocks of a page: (language, text), read fence by fence."""
    blocks, language, lines = [], None, []
    for line in text.splitlines():
        if line.startswith("```"):
            if language is None:
                language, lines = line[3:].strip(), []
            else:
                blocks.append((language, "\n".join(lines) + "\n"))
                language = None
        elif language is not None:
            lines.append(line)
    return blocks


def _command_lines():
    """Every ``plancheck …`` line of the guide's shell blocks, comments cut."""
    for page in PAGES:
        for language, block in _blocks(page.read_text(encoding="utf-8")):
            for line in block.splitlines() if language in ("sh", "") else ():
                line = line.split("  #")[0].strip()
                if line.startswith("plancheck ") and not line.startswith("plancheck: "):
                    yield page.name, line


@pytest.mark.parametrize(("page", "line"), list(_command_lines()))
def test_every_command_shown_exists_with_its_options(page, line):
    words = shlex.split(line)[1:]
    command = all_commands().get(words[0])
    assert command is not None, (page, line)
    options = {
        opt for param in command.params if isinstance(param, click.Option) for opt in param.opts
    }
    for word in words[1:]:
        if word.startswith("-"):
            assert word.split("=")[0] in options, (page, line, word)


def _yaml_blocks(page: str) -> list[str]:
    return [b for lang, b in _blocks((GUIDE / page).read_text(encoding="utf-8")) if lang == "yaml"]


def test_the_registry_examples_load(tmp_path):
    from checker.knowledge.agencies import load_registry

    blocks = [b for b in _yaml_blocks("registry.md") if b.startswith("agencies:\n")]
    assert len(blocks) == 2  # the --init draft, and the curated example
    for n, block in enumerate(blocks):
        path = tmp_path / f"registry-{n}.yaml"
        path.write_text(block, encoding="utf-8")
        registry = load_registry((path,))
        for entry in yaml.safe_load(block)["agencies"]:
            assert registry.lookup(entry["name"]) is not None
    curated = load_registry((tmp_path / "registry-1.yaml",))
    assert curated.resolve("省乡村振兴局", 2024).name == "省农业农村厅"
    assert (
        curated.lookup("省经济和信息化厅").agency.rank
        == curated.lookup("工业和信息化部").agency.rank
    )


def test_the_config_example_loads(tmp_path):
    specs = list(builtin_rules().values())
    (example,) = [b for b in _yaml_blocks("config.md") if b.startswith("select:")]
    (tmp_path / "本省机构名录.yaml").write_text(
        "agencies:\n  - {name: 省乡村振兴局, category: affiliated}\n", encoding="utf-8"
    )
    config = from_mapping(
        yaml.safe_load(example),
        tmp_path / ".plancheck.yaml",
        {s.code for s in specs},
        declared_options(specs),
    )
    assert config.select == ("N", "A", "G") and config.options == {"punctuation": "full"}
