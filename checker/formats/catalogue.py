"""The rule catalogue (``plancheck rules``) and one rule's page (``plancheck rule CODE``),
made from the rules themselves: registry entry, docstring and locale entries."""

from __future__ import annotations

import json

from .. import locale
from ..registry import RuleSpec
from . import RenderOptions


def rule_info(spec: RuleSpec, lang: str) -> dict:
    titles = locale.catalogue(lang).TITLES
    return {
        "code": spec.code,
        "name": spec.name,
        "title": titles.get(spec.code, spec.title),
        "severity": spec.severity,
        "fix": spec.fix,
        "rationale": spec.rationale,
        "bad": spec.examples("Bad"),
        "good": spec.examples("Good"),
        "origin": spec.origin,
    }


def render_json(specs: dict[str, RuleSpec], options: RenderOptions) -> str:
    infos = [rule_info(spec, options.lang) for spec in specs.values()]
    return json.dumps(infos, ensure_ascii=False, indent=2) + "\n"


def render_text(specs: dict[str, RuleSpec], options: RenderOptions) -> str:
    infos = [rule_info(spec, options.lang) for spec in specs.values()]
    lines = []
    for info in infos:
        fix = f" [fix: {info['fix']}]" if info["fix"] else ""
        lines.append(
            f"{info['code']}  {info['name']:<28} {info['severity']:<8}{info['title']}{fix}"
        )
    return "\n".join(lines) + "\n"


def render_rule(spec: RuleSpec, options: RenderOptions) -> str:
    info = rule_info(spec, options.lang)
    label = locale.catalogue(options.lang).RULE_PAGE
    out = [f"{info['code']} {info['name']}: {info['title']}", ""]
    lang = options.lang
    severity = locale.text(lang, f"severity.{info['severity']}")
    fix = locale.text(lang, f"rule.fix.{info['fix']}") if info["fix"] else label["none"]
    out.append(
        locale.text(lang, "rule.line", label=label["severity"], value=severity)
        + "    "
        + locale.text(lang, "rule.line", label=label["fix"], value=fix)
    )
    for option in spec.options:
        allowed = "|".join(map(str, option.choices)) if option.choices else option.help
        out.append(f"{label['option']}: {option.key} = {option.default}    ({allowed})")
    out += ["", info["rationale"], ""]
    for heading, examples in ((label["bad"], info["bad"]), (label["good"], info["good"])):
        for example in examples:
            out.append(locale.text(options.lang, "rule.label", label=heading))
            out += [f"    {line}" for line in example.splitlines()]
    return "\n".join(out).rstrip() + "\n"
