"""The rule catalogue (``plancheck rules``) and one rule's page (``plancheck rule CODE``),
made from the rules themselves: registry entry, docstring and message templates."""

from __future__ import annotations

import json

from . import locale
from .registry import RuleSpec


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


def render_catalogue(specs: dict[str, RuleSpec], fmt: str, lang: str) -> str:
    infos = [rule_info(spec, lang) for spec in specs.values()]
    if fmt == "json":
        return json.dumps(infos, ensure_ascii=False, indent=2) + "\n"
    lines = []
    for info in infos:
        fix = f" [fix: {info['fix']}]" if info["fix"] else ""
        lines.append(
            f"{info['code']}  {info['name']:<28} {info['severity']:<8}{info['title']}{fix}"
        )
    return "\n".join(lines) + "\n"


def render_rule(spec: RuleSpec, lang: str) -> str:
    info = rule_info(spec, lang)
    labels = (
        ("严重程度", "自动修复", "错误示例", "正确示例", "无")
        if lang == "zh"
        else ("severity", "fix", "bad", "good", "none")
    )
    out = [f"{info['code']} {info['name']}: {info['title']}", ""]
    out.append(f"{labels[0]}: {info['severity']}    {labels[1]}: {info['fix'] or labels[4]}")
    out += ["", info["rationale"], ""]
    for label, examples in ((labels[2], info["bad"]), (labels[3], info["good"])):
        for example in examples:
            out.append(f"{label}:")
            out += [f"    {line}" for line in example.splitlines()]
    return "\n".join(out).rstrip() + "\n"
