"""Build the constructed 2025 draft from the published 2024 plan, with known edits.

Run from the repository root: ``python tests/data/diff/make_draft.py``. The test suite checks
that ``2025-draft.txt`` is what this script makes, and that the diff finds each edit.

Edits (old numbers are the 2024 plan's):
  dropped   5        生物遗传资源 regulation
  modified  10       reworded
  moved     20       from section 一 to section 五 (一)
  merged    22 + 23  into one task
  split     32       into two tasks
  new       -        a task at the end of section 三 (三)
  modified  17       agency added (中央网信办)
  modified  39       lead changed (国家药监局 now first)
  modified  31, 35   campaign years 2024 → 2025
plus the 2024 plan's own defects repaired (split task 50, stray tags) and the year moved on.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
TASK = re.compile(r"^(\d+)\.")


def build(text: str) -> str:
    text = text.replace("按职责分工负责)5\n0.加强", "按职责分工负责)\n50.加强").replace(
        "(科技成果评价)", ""
    )
    text = text.replace("〔2024〕6号", "〔2025〕3号").replace(
        "2024年知识产权强国建设推进计划", "2025年知识产权强国建设推进计划"
    )
    text = (
        text.replace("明确2024年度", "明确2025年度")
        .replace("剑网2024", "剑网2025")
        .replace("昆仑2024", "昆仑2025")
    )
    lines = text.split("\n")
    tasks = {int(m.group(1)): n for n, line in enumerate(lines) if (m := TASK.match(line))}

    def body(number: int) -> str:
        return TASK.sub("", lines[tasks[number]], count=1)

    edits: dict[int, list[str]] = {}
    edits[5] = []
    edits[10] = [
        "X.深化央地协同,完善商标审查协作考核评价机制和专利审查协作机制。(国家知识产权局负责)"
    ]
    moved = "X." + body(20)
    edits[20] = []
    edits[22] = [
        "X.进一步推进深化国家层面案件上诉审理机制改革,加强专业化审判体系建设,深入推进知识产权“三合一”审判机制改革,研究制定相关规范性文件。(最高人民法院负责)"
    ]
    edits[23] = []
    edits[32] = [
        "X.加强对商标、专利等领域相关执法工作的专业指导。(国家知识产权局负责)",
        "X.加强专利行政裁决工作。(国家知识产权局负责)",
    ]
    edits[17] = [
        "X."
        + body(17).replace(
            "(国家知识产权局、中央宣传部负责)",
            "(国家知识产权局、中央宣传部、中央网信办按职责分工负责)",
        )
    ]
    edits[39] = [
        "X."
        + body(39).replace(
            "(国家知识产权局、国家药监局按职责分工负责)",
            "(国家药监局、国家知识产权局按职责分工负责)",
        )
    ]
    edits[77] = [
        "X." + body(77),
        "X.探索建立知识产权资产评估指引。(国家知识产权局、财政部按职责分工负责)",
    ]
    edits[90] = ["X." + body(90), moved]
    out = []
    for line in lines:
        match = TASK.match(line)
        if match and int(match.group(1)) in edits:
            out.extend(edits[int(match.group(1))])
        else:
            out.append(line)
    counter = 0
    renumbered = []
    for line in out:
        if TASK.match(line) or line.startswith("X."):
            counter += 1
            line = (
                f"{counter}." + TASK.sub("", line, count=1)
                if TASK.match(line)
                else f"{counter}." + line[2:]
            )
        renumbered.append(line)
    return "\n".join(renumbered) + "\n"


if __name__ == "__main__":
    source = (ROOT / "plans" / "2024.txt").read_text(encoding="utf-8")
    (Path(__file__).parent / "2025-draft.txt").write_text(build(source), encoding="utf-8")
