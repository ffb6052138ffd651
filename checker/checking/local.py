"""Bootstrapping an office's own registry: ``plancheck agencies PLAN --init FILE`` writes a
skeleton of every name the plan uses that no registry knows; and the registry a plan is read
with (national, mirror, and the registry files of its config).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..base.errors import UsageError, os_reason
from ..knowledge.agencies import Registry
from ..reading.model import Plan

EXISTS = "{where}: already exists; --init never overwrites a file"

# ---- bootstrap: plancheck agencies PLAN --init FILE ------------------------------------------


@dataclass
class Unknown:
    """A name no registry knows, as the plan uses it."""

    name: str
    count: int = 0
    tasks: list[int] = field(default_factory=list)


def unknown_names(plan: Plan, registry: Registry) -> list[Unknown]:
    """Every agency name of the plan's clauses that no registry (nor the mirror) knows,
    in order of first use."""
    found: dict[str, Unknown] = {}
    for task in plan.tasks:
        if task.clause is None:
            continue
        for ref in task.clause.agencies:
            if registry.lookup(ref.name) is not None:
                continue
            item = found.setdefault(ref.name, Unknown(ref.name))
            item.count += 1
            if task.number not in item.tasks:
                item.tasks.append(task.number)
    return list(found.values())


def skeleton(plan: Plan, registry: Registry) -> str:
    """A registry file for the office to curate: every unknown name with a guessed category,
    its count and tasks as comments. It loads as it is (no rank: no protocol order yet)."""
    names = unknown_names(plan, registry)
    categories = registry.categories
    guess = registry.mirror.guess_category if registry.mirror else (lambda _: "local")
    lines = [
        f"# {Path(plan.path).name} 的本地单位名录草稿：计划中用到、但任何名录都没有的单位名称。",
        "# 由 plancheck agencies 计划文件 --init 名录文件 生成。请逐条核对一次，然后在配置文件",
        "# (.plancheck.yaml) 中写 agencies: [本文件]（路径相对于配置文件）。",
        "#",
        "# 格式与 plancheck 的 rules/agencies.yaml 相同：",
        "#   name      计划中使用的规范简称",
        "#   full      全称（可选）",
        "#   aliases   起草中见到的其他写法；G002 会要求改为 name",
        f"#   category  类别，按礼宾顺序：{'、'.join(categories)}",
        "#   rank      类别内的排序。对应中央单位的本地单位沿用中央单位的序号（省教育厅 = 教育部的 4），",
        "#             请在同一尺度上排序（如 19.5 排在农业农村部的 19 之后）；不写 rank 则不检查顺序（G007）",
        "#   mirrors   对应的中央单位：沿用其类别和序号（如 省经济和信息化厅 mirrors 工业和信息化部）",
        "#   ended / successor   撤销或更名的年份和承接单位",
        "#   source    名称的依据（机构改革方案、“三定”规定等）",
        "# 下列 category 是按名称猜测的，请逐条核对。每行注释为出现次数和所在任务。",
        "",
        "agencies:",
    ]
    for item in names:
        tasks = "、".join(map(str, item.tasks))
        lines.append(
            f"  - {{name: {_quote(item.name)}, category: {guess(item.name)}}}"
            f"  # {item.count}次；任务{tasks}"
        )
    return "\n".join(lines) + "\n"


def _quote(name: str) -> str:
    """A YAML scalar for a name (plain unless it holds a character YAML would read)."""
    if any(c in name for c in ":#{}[],&*!|>'\"%@`") or name != name.strip():
        return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return name


def write_skeleton(target: Path, text: str) -> None:
    """Write a new file; an existing one is never overwritten (one-line error, exit 2)."""
    try:
        with target.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise UsageError(EXISTS, where=target) from None
    except OSError as error:
        raise UsageError(
            "{where}: cannot write ({reason})", where=target, reason=os_reason(error)
        ) from None


def registry_for(path: str | None, config_path: Path | None = None) -> Registry:
    """The registry a plan is checked against: national, mirror, and the registry files of
    the config that applies to it (``--config`` or the nearest one above the plan)."""
    from ..knowledge.agencies import load_registry
    from .config import ConfigFinder
    from .rules import builtin_rules

    finder = ConfigFinder(list(builtin_rules().values()), config_path)
    plan_path = None if path in (None, "-") else Path(path)
    return load_registry(finder.for_file(plan_path).agencies)


def init_registry(path: str, target: Path, config_path: Path | None = None) -> int:
    """``--init FILE``: write a registry skeleton of the plan's unknown names; their count.
    When every name is known nothing is written: an empty registry would only be one more
    file to name in the config, for nothing."""
    from ..reading.parse import parse
    from ..reading.source import read_source

    if target.exists():  # checked before reading the plan: the answer does not depend on it
        raise UsageError(EXISTS, where=target)
    plan = parse(read_source(path))
    registry = registry_for(path, config_path)
    count = len(unknown_names(plan, registry))
    if count:
        write_skeleton(target, skeleton(plan, registry))
    return count
