"""The rule catalogue (``plancheck rules``) and one rule's page (``plancheck rule CODE``),
made from the rules themselves: registry entry, docstring examples and locale entries."""

from __future__ import annotations

import json

from ... import locale
from ...checking.registry import RuleSpec
from . import RenderOptions


def rule_info(spec: RuleSpec, lang: str) -> dict:
    return {
        "code": spec.code,
        "name": spec.name,
        "title": locale.rule_title(lang, spec),
        "severity": spec.severity,
        "fix": spec.fix,
        "rationale": locale.rule_explanation(lang, spec),
        "bad": spec.examples("Bad"),
        "good": spec.examples("Good"),
        "origin": spec.origin,
    }


def render_json(specs: dict[str, RuleSpec], options: RenderOptions) -> str:
    infos = [rule_info(spec, options.lang) for spec in specs.values()]
    return json.dumps(infos, ensure_ascii=False, indent=2) + "\n"


def render_text(specs: dict[str, RuleSpec], options: RenderOptions) -> str:
    infos = [rule_info(spec, options.lang) for spec in specs.values()]
    lang = options.lang
    lines = []
    for info in infos:
        fix = ""
        if info["fix"]:
            fix = locale.text(lang, "catalogue.fix", fix=locale.text(lang, f"fix.{info['fix']}"))
        severity = locale.text(lang, f"severity.{info['severity']}")
        padding = " " * max(1, 8 - _columns(severity))
        lines.append(f"{info['code']}  {info['name']:<28} {severity}{padding}{info['title']}{fix}")
    return "\n".join(lines) + "\n"


def _columns(text: str) -> int:
    """Width on a terminal: a Chinese character takes two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def render_markdown(specs: dict[str, RuleSpec], options: RenderOptions) -> str:
    """docs/rules.md: the catalogue as Markdown, made by ``plancheck rules --format markdown
    --lang en`` (a test checks that the file in the repository is what it makes)."""
    lang = options.lang
    other = "zh" if lang == "en" else "en"
    page = locale.catalogue(lang).RULE_PAGE
    out = [
        f"# {page['catalogue']}",
        "",
        "<!-- made by `plancheck rules --format markdown --lang en`; do not edit by hand -->",
        "",
        f"| code | name | {page['severity']} | {page['fix']} | {lang} | {other} |",
        "|---|---|---|---|---|---|",
    ]
    for spec in specs.values():
        info = rule_info(spec, lang)
        fix = locale.text(lang, f"fix.{info['fix']}") if info["fix"] else ""
        severity = locale.text(lang, f"severity.{info['severity']}")
        title = locale.rule_title(other, spec)
        out.append(
            f"| [{spec.code}](#{spec.code.lower()}) | `{spec.name}` | {severity} | {fix} "
            f"| {info['title']} | {title} |"
        )
    for spec in specs.values():
        out += ["", f"## {spec.code}", "", "```", render_rule(spec, options).rstrip(), "```"]
    return "\n".join(out) + "\n"


def render_rule(spec: RuleSpec, options: RenderOptions) -> str:
    info = rule_info(spec, options.lang)
    label = locale.catalogue(options.lang).RULE_PAGE
    out = [
        locale.text(options.lang, "at", where=f"{info['code']} {info['name']}", text=info["title"]),
        "",
    ]
    lang = options.lang
    severity = locale.text(lang, f"severity.{info['severity']}")
    fix = locale.text(lang, f"rule.fix.{info['fix']}") if info["fix"] else label["none"]
    out.append(
        locale.text(lang, "rule.line", label=label["severity"], value=severity)
        + "    "
        + locale.text(lang, "rule.line", label=label["fix"], value=fix)
    )
    for option in spec.options:
        # an option's help is English (declared beside the rule): worded by the locale
        help_words = locale.catalogue(lang).HELP.get(option.help, option.help)
        allowed = "|".join(map(str, option.choices)) if option.choices else help_words
        setting = f"{option.key} = {option.default}    ({allowed})"
        out.append(locale.text(lang, "rule.line", label=label["option"], value=setting))
    out += ["", info["rationale"], ""]
    for heading, examples in ((label["bad"], info["bad"]), (label["good"], info["good"])):
        for example in examples:
            out.append(locale.text(options.lang, "rule.label", label=heading))
            out += [f"    {line}" for line in example.splitlines()]
    return "\n".join(out).rstrip() + "\n"
