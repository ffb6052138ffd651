"""Task-level diff of two annual plans: align tasks across renumbering, rewording, moves,
merges and splits, then describe each pair.

Chinese has no spaces, so tasks are compared on characters: rapidfuzz's ratio for the score,
character bigrams to find candidates (an inverted index, so two 2,000-task plans are not
compared all against all). The clause's agencies weigh in. Every old and every new task ends
up in exactly one pair. The alignment is symmetric: swapping the plans swaps new/dropped
and merged/split.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from ..knowledge.agencies import Registry, load_registry
from ..reading.model import Plan, Task

MATCH = 0.55  # combined score for a one-to-one pair
CONTAIN = 0.7  # share of a task's bigrams found in its merge/split partner
CANDIDATES = 8  # candidates per task from the bigram index
TEXT_WEIGHT = 0.85  # the rest is the clause's agencies (Jaccard)
SAME_SECTION = 0.6  # section titles at least this similar count as the same section

_NOISE = re.compile(r"[\s,，。;；:：、()（）《》“”‘’【】\[\]!！?？.\-—]")


@dataclass
class Side:
    """One plan prepared for comparison."""

    plan: Plan
    texts: list[str]
    grams: list[Counter]
    #: each task's bodies, as they are now (successors followed), in clause order: what is compared
    agencies: list[tuple[str, ...]]
    sections: list[str]
    #: each task's bodies (as in ``agencies``) → (the body as the task names it, as the
    #: registry writes that name: what a reader is shown; the body as named, whatever the
    #: spelling: two names of it differ only by a renaming)
    named: list[dict[str, tuple[str, str]]] = field(default_factory=list)
    #: each task's text as written (body and clause), width-folded: what "unchanged" compares
    exact: list[str] = field(default_factory=list)
    #: each task's bodies (as in ``agencies``) → the role its clause gives: lead, joint_lead,
    #: participant, cooperate or guide
    roles: list[dict[str, str]] = field(default_factory=list)
    #: the titles each task cites in 《》 (normalised), and the known laws it asks to revise
    titles: list[tuple[str, ...]] = field(default_factory=list)
    revising: list[tuple[str, ...]] = field(default_factory=list)


@dataclass
class Pair:
    status: str
    old: list[Task]
    new: list[Task]
    similarity: float
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    lead_changed: bool = False
    old_lead: str | None = None
    new_lead: str | None = None
    #: (old name, new name) of one body named after a renaming or reorganisation the registry
    #: records (济南铁路局 → 中国铁路济南局集团有限公司): neither added nor removed
    renamed: list[tuple[str, str]] = field(default_factory=list)
    #: (name shown, old role, new role) of a body both tasks name in another role (参与 →
    #: 配合, 牵头 → 共同牵头); a change of lead is ``lead_changed``'s
    roles_changed: list[tuple[str, str, str]] = field(default_factory=list)
    #: what changed in the text of one task against one: (op, text), op in
    #: equal/delete/insert, on the width-folded text as written (body and clause)
    text_changes: list[tuple[str, str]] = field(default_factory=list)
    #: cited titles the new tasks have and the old ones had not, and the other way round
    titles_added: list[str] = field(default_factory=list)
    titles_removed: list[str] = field(default_factory=list)
    #: (official title, date): a law both editions ask to revise that was revised between
    #: them (from the old plan's year to the new one's): the task is probably done (L002)
    revised: list[tuple[str, str]] = field(default_factory=list)

    @property
    def renumbered(self) -> bool:
        """A task kept word for word under another number (a task inserted or dropped above
        renumbers all below it): unchanged, yet cited by another number now."""
        return self.status == "unchanged" and self.old[0].label != self.new[0].label

    def changes(self) -> list[tuple[str, str]]:
        """The old tasks' text against the new tasks' text, character by character: for one
        task against one, the very text "unchanged" compares (empty when it is the same);
        for merges and splits, the bodies joined."""
        if len(self.old) == 1 and len(self.new) == 1:
            return self.text_changes
        return inline_changes("".join(t.body for t in self.old), "".join(t.body for t in self.new))

    def as_dict(self, old: Plan, new: Plan) -> dict[str, Any]:
        """The pair as JSON; ``old`` and ``new`` are the plans, whose headings place a task."""
        item = {
            "status": self.status,
            "old": [t.number for t in self.old],
            "new": [t.number for t in self.new],
            # as drafters cite them (二（一）where numbers restart in each part): a number
            # alone names several tasks there
            "old_labels": [t.label for t in self.old],
            "new_labels": [t.label for t in self.new],
            # with every heading above them (二（一）5): where a move took them
            "old_places": [old.place(t) for t in self.old],
            "new_places": [new.place(t) for t in self.new],
            "similarity": round(self.similarity, 2),
            "agencies": {
                "added": self.added,
                "removed": self.removed,
                "lead_changed": self.lead_changed,
                "renamed": [{"old": old, "new": new} for old, new in self.renamed],
                "roles_changed": [
                    {"agency": name, "old": old, "new": new}
                    for name, old, new in self.roles_changed
                ],
            },
        }
        if self.titles_added or self.titles_removed:
            item["titles"] = {"added": self.titles_added, "removed": self.titles_removed}
        if self.revised:
            item["revised"] = [{"title": title, "date": date} for title, date in self.revised]
        if self.text_changes:
            item["changes"] = [
                {"op": op, "text": text} for op, text in self.text_changes if op != "equal"
            ]
        return item


@dataclass
class DiffResult:
    old: Plan
    new: Plan
    pairs: list[Pair]
    #: the body each name shown stands for, and the name a body's row in ``by_agency`` is
    #: given (the newer plan's, else the older's): one row for one body, however written
    bodies: dict[str, str] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        counted = Counter(p.status for p in self.pairs)
        return {s: counted.get(s, 0) for s in STATUSES}

    def by_agency(self, cite: Callable[[Task], Any] = attrgetter("number")) -> list[dict[str, Any]]:
        """Per agency: tasks gained and lost, and lead changes; each task as ``cite`` gives
        it (its number for JSON, its label where people read: numbers restart in parts)."""
        rows: dict[str, dict[str, Any]] = defaultdict(
            lambda: {"gained": [], "lost": [], "lead_gained": [], "lead_lost": []}
        )

        def row(name: str) -> dict[str, Any]:
            """The row of the body a shown name stands for: one body, one row."""
            return rows[self.bodies.get(name, name)]

        for pair in self.pairs:
            new_numbers = [cite(t) for t in pair.new]
            old_numbers = [cite(t) for t in pair.old]
            for name in pair.added:
                row(name)["gained"].extend(new_numbers)
            for name in pair.removed:
                row(name)["lost"].extend(old_numbers)
            if pair.lead_changed:
                if pair.new_lead:
                    row(pair.new_lead)["lead_gained"].extend(new_numbers)
                if pair.old_lead:
                    row(pair.old_lead)["lead_lost"].extend(old_numbers)
        named = [(self.shown.get(body, body), values) for body, values in rows.items()]
        return [{"agency": name, **values} for name, values in sorted(named)]

    def renamings(self, cite: Callable[[Task], Any] = attrgetter("number")) -> list[dict[str, Any]]:
        """Each renamed body once: its old and new name and the (new) tasks that name it so."""
        found: dict[tuple[str, str], list[Any]] = {}
        for pair in self.pairs:
            for names in pair.renamed:
                found.setdefault(names, []).extend(cite(t) for t in pair.new)
        return [{"old": old, "new": new, "tasks": tasks} for (old, new), tasks in found.items()]

    def renumbered(self) -> list[tuple[list[Task], list[Task]]]:
        """The tasks kept word for word under another number (an ``unchanged`` pair whose
        label differs: a task inserted or dropped above renumbers all below it), in runs:
        (old tasks, new tasks) of consecutive tasks shifted alike (5–98 → 6–99), in the
        old plan's order. What the changed pairs do not show, and a drafter who cites
        last year's numbers needs."""
        kept = sorted(
            ((p.old[0], p.new[0]) for p in self.pairs if _renumbered(p)),
            key=lambda pair: pair[0].index,
        )
        runs: list[tuple[list[Task], list[Task]]] = []
        for old, new in kept:
            if runs and _continues(runs[-1][0][-1], old) and _continues(runs[-1][1][-1], new):
                runs[-1][0].append(old)
                runs[-1][1].append(new)
            else:
                runs.append(([old], [new]))
        return runs

    def differs(self) -> bool:
        """True unless every task is unchanged (``diff --exit-code``, as in git diff)."""
        return any(p.status != "unchanged" for p in self.pairs)

    def as_dict(self) -> dict[str, Any]:
        return {
            "old": {"path": self.old.path, "tasks": len(self.old.tasks), "year": self.old.year},
            "new": {"path": self.new.path, "tasks": len(self.new.tasks), "year": self.new.year},
            "summary": self.counts(),
            "pairs": [p.as_dict(self.old, self.new) for p in self.pairs],
            "agencies": self._agencies_with_labels(),
            "renamed": [
                {**row, "tasks_labels": cited["tasks"]}
                for row, cited in zip(
                    self.renamings(), self.renamings(attrgetter("label")), strict=True
                )
            ],
        }

    def _agencies_with_labels(self) -> list[dict[str, Any]]:
        """``by_agency`` by number, each list beside it as cited (``gained_labels``…)."""
        cited = {row["agency"]: row for row in self.by_agency(cite=attrgetter("label"))}
        rows = []
        for row in self.by_agency():
            labels = cited[row["agency"]]
            extra = {f"{key}_labels": labels[key] for key in _AGENCY_LISTS}
            rows.append({**row, **extra})
        return rows


def _renumbered(pair: Pair) -> bool:
    """A task kept word for word under another number."""
    return pair.renumbered


def _continues(before: Task, task: Task) -> bool:
    """Whether ``task`` is the one numbered next after ``before`` in the same part."""
    return (
        task.index == before.index + 1
        and task.number == before.number + 1
        and task.qualifier == before.qualifier
        and task.level == before.level
    )


STATUSES = ("unchanged", "modified", "moved", "new", "dropped", "merged", "split")
#: the task lists of an agency's row in ``by_agency``
_AGENCY_LISTS = ("gained", "lost", "lead_gained", "lead_lost")


def normalize(text: str) -> str:
    """Text as compared: no punctuation or spaces."""
    return _NOISE.sub("", text)


def task_text(task: Task, source_text: str) -> str:
    """A task's prose as compared: stray tags (as A001 judges them) removed, normalised."""
    from ..reading.vocabulary import is_stray_tag

    body = task.body
    for paren in task.parens:
        if is_stray_tag(paren):
            body = body.replace(source_text[paren.span.start : paren.span.end], "", 1)
    return normalize(body)


def exact_text(task: Task, source_text: str) -> str:
    """A task as written, body and clause, width-folded (``，`` and ``,`` are the same)."""
    from ..reading.text import fold

    clause = source_text[task.clause.span.start : task.clause.span.end] if task.clause else ""
    return fold(task.body + clause)


def _grams(text: str) -> Counter:
    return (
        Counter(text[i : i + 2] for i in range(len(text) - 1)) if len(text) > 1 else Counter(text)
    )


def _prepare(plan: Plan, registry: Registry) -> Side:
    titles = {h.value: h.title for h in plan.headings if h.level == 1}
    texts, grams, agencies, sections, exact, named, roles = [], [], [], [], [], [], []
    cited, revising = _cited_titles(plan)
    for task in plan.tasks:
        exact.append(exact_text(task, plan.source.text))
        text = task_text(task, plan.source.text)
        texts.append(text)
        grams.append(_grams(text))
        bodies: dict[str, tuple[str, str]] = {}
        role_of: dict[str, str] = {}
        joint = task.clause is not None and len(task.clause.leads) > 1
        for agency in task.clause.agencies if task.clause else ():
            now, *named_as = body_of(registry, agency.name)
            bodies.setdefault(now, (named_as[0], named_as[1]))
            role = "joint_lead" if joint and agency.role == "lead" else agency.role
            role_of.setdefault(now, role)
        named.append(bodies)
        roles.append(role_of)
        agencies.append(tuple(bodies))
        sections.append(normalize(titles.get(task.section, "")) if task.section else "")
    return Side(
        plan,
        texts,
        grams,
        agencies,
        sections,
        exact=exact,
        named=named,
        titles=cited,
        revising=revising,
        roles=roles,
    )


def body_of(registry: Registry, written: str) -> tuple[str, str, str]:
    """A written name as (the body now, the name shown, the body as named): two plans name
    one body when the first agree. The body now follows every renaming the registry records,
    whatever the plans' years, so that a draft still naming 工商总局 and one naming
    市场监管总局 name one body under two names (a renaming), not one removed and one added.
    The body as named is the body before any renaming, whatever the spelling (发展改革委 and
    国家发展改革委, 人民银行济南分行 and 中国人民银行济南分行: no renaming). The name shown
    is the registry's for what was written (the office's own form of a local body kept:
    山东证监局). A name no registry knows is its own body."""
    found = registry.lookup(written)
    if found is None:
        return written, written, written
    now = registry.current(found.agency, None)[0]
    return registry.own_name(now), found.agency.name, registry.own_name(found.agency)


def _cited_titles(plan: Plan) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """Per task: the 《》 titles it cites, and the known laws it asks to revise."""
    from ..knowledge.laws import catalogue, norm
    from ..reading.citations import citations

    titles: list[list[str]] = [[] for _ in plan.tasks]
    revising: list[list[str]] = [[] for _ in plan.tasks]
    starts = [task.span.start for task in plan.tasks]
    for citation in citations(plan):
        index = bisect_right(starts, citation.start) - 1
        if index < 0 or citation.start >= plan.tasks[index].span.end:
            continue
        titles[index].append(norm(citation.title))
        if citation.action == "revise" and not citation.quoted:
            law = catalogue().law(citation.title)
            if law is not None:
                revising[index].append(law.title)
    return (
        [tuple(dict.fromkeys(t)) for t in titles],
        [tuple(dict.fromkeys(r)) for r in revising],
    )


def _title_change(pair: Pair, a: Side, b: Side, olds: list[int], news: list[int]) -> Pair:
    """The cited titles that changed between the editions, and the laws both ask to revise
    that were revised in between."""
    if not (olds and news):
        return pair
    before = [t for i in olds for t in a.titles[i]]
    after = [t for j in news for t in b.titles[j]]
    pair.titles_added = [t for t in dict.fromkeys(after) if t not in before]
    pair.titles_removed = [t for t in dict.fromkeys(before) if t not in after]
    if a.plan.year is None or b.plan.year is None or a.plan.year >= b.plan.year:
        return pair
    from ..knowledge.laws import catalogue, cutoff

    both = [t for j in news for t in b.revising[j] if any(t in a.revising[i] for i in olds)]
    since, until = cutoff(a.plan.year), cutoff(b.plan.year)
    for title in dict.fromkeys(both):
        law = catalogue().law(title)
        dates = [d for d in law.amended if since <= d < until] if law else []
        if dates:
            pair.revised.append((title, dates[-1]))
    return pair


def _index(side: Side) -> dict[str, list[int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for n, grams in enumerate(side.grams):
        for gram in grams:
            index[gram].append(n)
    return index


def _candidates(a: Side, b: Side, index_b: dict[str, list[int]]) -> set[tuple[int, int]]:
    """For each task of a, the tasks of b sharing the most bigrams (rare bigrams first)."""
    found = set()
    for i, grams in enumerate(a.grams):
        shared: Counter = Counter()
        for gram in grams:
            hits = index_b.get(gram, ())
            if len(hits) <= 200:  # a bigram in hundreds of tasks says nothing
                shared.update(hits)
        for j, _ in shared.most_common(CANDIDATES):
            found.add((i, j))
    return found


def _jaccard(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if not a and not b:
        return 1.0
    return len(set(a) & set(b)) / len(set(a) | set(b))


def _text_similarity(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b) / 100


def _containment(part: Counter, whole: Counter) -> float:
    total = sum(part.values())
    return sum((part & whole).values()) / total if total else 0.0


def align(old: Plan, new: Plan, registry: Registry | None = None) -> DiffResult:
    registry = registry or load_registry()
    a, b = _prepare(old, registry), _prepare(new, registry)
    pairs_idx = _candidates(a, b, _index(b)) | {(i, j) for j, i in _candidates(b, a, _index(a))}
    scored = []
    for i, j in pairs_idx:
        text = _text_similarity(a.texts[i], b.texts[j])
        score = TEXT_WEIGHT * text + (1 - TEXT_WEIGHT) * _jaccard(a.agencies[i], b.agencies[j])
        if score >= MATCH:
            scored.append((score, text, i, j))
    # strongest first; ties broken by a key that is symmetric under swapping the plans
    scored.sort(key=lambda s: (-s[0], s[2] + s[3], abs(s[2] - s[3]), s[2] * s[3]))
    old_to_new: dict[int, int] = {}
    new_to_old: dict[int, int] = {}
    text_sim: dict[tuple[int, int], float] = {}
    for _score, text, i, j in scored:
        if i in old_to_new or j in new_to_old:
            continue
        old_to_new[i], new_to_old[j] = j, i
        text_sim[(i, j)] = text
    merges = _groups(a, b, old_to_new, new_to_old, pairs_idx)
    splits = _groups(b, a, new_to_old, old_to_new, {(j, i) for i, j in pairs_idx})
    result = []
    grouped_old: set[int] = set()
    grouped_new: set[int] = set()
    for j, olds in merges.items():
        result.append(_group_pair("merged", a, b, olds, [j]))
        grouped_old.update(olds)
        grouped_new.add(j)
    for i, news in splits.items():
        if i in grouped_old or grouped_new & set(news):
            continue
        result.append(_group_pair("split", a, b, [i], news))
        grouped_old.add(i)
        grouped_new.update(news)
    for i, j in old_to_new.items():
        if i in grouped_old or j in grouped_new:
            continue
        result.append(_one_to_one(a, b, i, j, text_sim[(i, j)]))
    for i in range(len(a.texts)):
        if i not in old_to_new and i not in grouped_old:
            result.append(_group_pair("dropped", a, b, [i], []))
    for j in range(len(b.texts)):
        if j not in new_to_old and j not in grouped_new:
            result.append(_group_pair("new", a, b, [], [j]))
    result.sort(key=_order)
    bodies, shown = _names_of_bodies(a, b)
    return DiffResult(old, new, result, bodies, shown)


def _names_of_bodies(a: Side, b: Side) -> tuple[dict[str, str], dict[str, str]]:
    """Each name shown → its body, and each body → the name its row is given: the newer
    plan's first, else the older plan's (人民银行济南分行 in one draft and
    中国人民银行济南分行 in the next are one row, under the newer name)."""
    bodies: dict[str, str] = {}
    shown: dict[str, str] = {}
    for side in (b, a):
        for named in side.named:
            for body, (name, _own) in named.items():
                bodies[name] = body
                shown.setdefault(body, name)
    return bodies, shown


def _order(pair: Pair) -> tuple:
    if pair.new:
        return (pair.new[0].index, 0, pair.old[0].index if pair.old else -1)
    return (pair.old[0].index, 1, -1)


def _groups(
    a: Side, b: Side, a_to_b: dict[int, int], b_to_a: dict[int, int], candidates
) -> dict[int, list[int]]:
    """Several tasks of a folded into one of b: an unmatched task of a whose text lies
    inside a task of b, beside the task of a already matched to it."""
    found: dict[int, list[int]] = {}
    for i, j in sorted(candidates):
        if i in a_to_b or j not in b_to_a:
            continue
        partner = b_to_a[j]
        if _containment(a.grams[i], b.grams[j]) < CONTAIN:
            continue
        if _containment(a.grams[partner], b.grams[j]) < CONTAIN:
            continue
        group = found.setdefault(j, [partner])
        if i not in group:
            group.append(i)
    for group in found.values():
        group.sort()
    claimed: set[int] = set()
    unique = {}
    for j, group in sorted(found.items()):
        extra = [i for i in group if i not in claimed]
        if len(extra) >= 2:
            unique[j] = extra
            claimed.update(extra)
    return unique


def _agency_change(pair: Pair, a: Side, b: Side, olds: list[int], news: list[int]) -> Pair:
    """Bodies added, removed and renamed, and the lead: compared as bodies (``body_of``),
    each shown by the name its own plan gives it."""
    before: dict[str, tuple[str, str]] = {}
    for i in olds:
        for now, names in a.named[i].items():
            before.setdefault(now, names)
    after: dict[str, tuple[str, str]] = {}
    for j in news:
        for now, names in b.named[j].items():
            after.setdefault(now, names)
    pair.added = [shown for now, (shown, _) in after.items() if now not in before]
    pair.removed = [shown for now, (shown, _) in before.items() if now not in after]
    if olds and news:
        pair.renamed = [
            (before[now][0], shown)
            for now, (shown, own) in after.items()
            if now in before and before[now][1] != own
        ]
        old_lead = a.agencies[olds[0]][0] if a.agencies[olds[0]] else None
        new_lead = b.agencies[news[0]][0] if b.agencies[news[0]] else None
        pair.old_lead = before[old_lead][0] if old_lead else None
        pair.new_lead = after[new_lead][0] if new_lead else None
        pair.lead_changed = old_lead != new_lead
        if len(olds) == 1 and len(news) == 1:
            leads = {old_lead, new_lead} if pair.lead_changed else set()
            old_roles, new_roles = a.roles[olds[0]], b.roles[news[0]]
            pair.roles_changed = [
                (shown, old_roles[now], new_roles[now])
                for now, (shown, _) in after.items()
                if now in old_roles and now not in leads and old_roles[now] != new_roles[now]
            ]
    return pair


def _group_pair(status: str, a: Side, b: Side, olds: list[int], news: list[int]) -> Pair:
    similarity = 0.0
    if olds and news:
        similarity = _text_similarity(
            "".join(a.texts[i] for i in olds), "".join(b.texts[j] for j in news)
        )
    pair = Pair(
        status, [a.plan.tasks[i] for i in olds], [b.plan.tasks[j] for j in news], similarity
    )
    return _title_change(_agency_change(pair, a, b, olds, news), a, b, olds, news)


def _one_to_one(a: Side, b: Side, i: int, j: int, text: float) -> Pair:
    same_section = _text_similarity(a.sections[i], b.sections[j]) >= SAME_SECTION
    same_agencies = a.agencies[i] == b.agencies[j]
    if not same_section:
        status = "moved"
    elif a.exact[i] == b.exact[j] and same_agencies:
        status = "unchanged"
    else:
        status = "modified"  # any change of the text, even a doubled 。 or a dropped tag
    pair = Pair(status, [a.plan.tasks[i]], [b.plan.tasks[j]], text)
    if a.exact[i] != b.exact[j]:
        pair.text_changes = inline_changes(a.exact[i], b.exact[j])
    return _title_change(_agency_change(pair, a, b, [i], [j]), a, b, [i], [j])


def inline_changes(old: str, new: str) -> list[tuple[str, str]]:
    """Character-level changes as (op, text) with op in equal/delete/insert."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    pieces: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(("equal", old[i1:i2]))
            continue
        if i2 > i1:
            pieces.append(("delete", old[i1:i2]))
        if j2 > j1:
            pieces.append(("insert", new[j1:j2]))
    return _slid_to_brackets(pieces)


_OPENERS = "(（【《“"
_CLOSERS = ")）】》”"


def _slid_to_brackets(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A deletion or insertion between two equal runs can often sit in several places:
    deleting ``(科技成果评价)`` from ``…。(科技成果评价)(国家中医药局负责)`` is also deleting
    ``科技成果评价)(``. Slide each such run to where it is whole — its brackets balanced,
    beginning at an opening one — as a reader would mark it; the texts stay the same."""
    result = list(pieces)
    for n in range(1, len(result) - 1):
        (before, a), (op, run), (after, b) = result[n - 1], result[n], result[n + 1]
        if before != "equal" or after != "equal" or op == "equal":
            continue
        options = [(a, run, b)]
        left = 0  # slide left while the run ends as the text before it does
        while left < min(len(a), len(run)) and a[len(a) - 1 - left] == run[len(run) - 1 - left]:
            left += 1
            options.append((a[:-left], a[-left:] + run[:-left], run[-left:] + b))
        right = 0  # and right while it begins as the text after it does
        while right < min(len(b), len(run)) and b[right] == run[right]:
            right += 1
            options.append((a + run[:right], run[right:] + b[:right], b[right:]))
        a, run, b = max(options, key=lambda o: _wholeness(o[1]))  # the first of the best
        result[n - 1], result[n], result[n + 1] = ("equal", a), (op, run), ("equal", b)
    return [(op, text) for op, text in result if text or op != "equal"]


def _wholeness(run: str) -> int:
    """How whole a changed run reads: brackets balanced, and beginning with an opening one."""
    balanced = all(run.count(o) == run.count(c) for o, c in zip(_OPENERS, _CLOSERS, strict=True))
    return 2 * balanced + (run[:1] in tuple(_OPENERS) if run else 0)


def diff_files(old: str, new: str) -> DiffResult:
    """Diff two plan files, reading agencies with the registry of the newer plan's config
    (a provincial office's own registry files, so its names are compared as bodies)."""
    from ..checking.local import registry_for
    from ..reading.sniff import read_plan

    return align(read_plan(old), read_plan(new), registry_for(new))
