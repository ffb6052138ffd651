"""What a rule sees besides the plan: its options, the plan's year, the agency registry, and
a factory for findings. Rules import this, never the engine (which runs them) or the config
(which the engine reads for them): a rule's whole world is ``(plan, ctx)``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Hashable, Iterable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from ..reading.model import Edit, Plan, Span, Task
from .findings import Finding, Fix

if TYPE_CHECKING:
    from ..knowledge.agencies import Registry
    from .registry import RuleSpec


T = TypeVar("T")


def _default_registry() -> Registry:
    from ..knowledge.agencies import load_registry

    return load_registry()


class Context:
    """One plan's context; the engine points it at each rule in turn (``for_rule``).
    (A plain class: a dataclass costs half a millisecond to define at every start.)"""

    def __init__(
        self,
        plan: Plan,
        year: int | None = None,
        registry: Callable[[], Registry] = _default_registry,
        month: int | None = None,
    ) -> None:
        self.plan = plan
        self.year = year
        #: the month the plan was made in, where its date says (renamings of that year)
        self.month = month
        #: where the agency registry comes from: loaded only if a rule asks for it
        self.registry = registry
        self.spec: RuleSpec | None = None
        self.severity = "error"
        #: the current rule's options: each declared option, configured or default
        self.options: Mapping[str, Any] = {}
        #: facts derived from the plan that several rules need (see ``shared``)
        self._shared: dict[tuple, Any] = {}

    def shared(self, derive: Callable[..., T], *args: Hashable) -> T:
        """``derive(plan, *args)``, worked out once per plan for all the rules that ask:
        N001, N002 and N004 judge the same numbering; G001, G002 and G003 look up the same
        names. The plan is immutable, so a fact derived from it stays true for the whole run
        (a new Context is made for each run, each pass of --fix included)."""
        key = (derive, *args)
        if key not in self._shared:
            self._shared[key] = derive(self.plan, *args)
        return self._shared[key]

    def for_rule(self, spec: RuleSpec, severity: str, options: Mapping[str, Any]) -> Context:
        self.spec, self.severity, self.options = spec, severity, options
        return self

    @cached_property
    def agencies(self) -> Registry:
        return self.registry()

    @cached_property
    def _task_starts(self) -> list[int]:
        return [task.start for task in self.plan.tasks]

    def task_at(self, offset: int) -> Task | None:
        """The task whose text contains ``offset`` (bisect: findings can be many)."""
        index = bisect_right(self._task_starts, offset) - 1
        if index < 0:
            return None
        task = self.plan.tasks[index]
        return task if offset < task.span.end else None

    def finding(
        self,
        span: Span,
        task: Task | int | None,
        *,
        variant: str = "",
        fix: Iterable[Edit] | None = None,
        safe: bool = True,
        anchor: str = "",
        **args: Any,
    ) -> Finding:
        """A finding of the current rule: facts in ``args``, words chosen later by locale."""
        assert self.spec is not None
        number = task.number if isinstance(task, Task) else task
        code = self.spec.code
        edits = tuple(fix) if fix else ()
        # the fields in their order, none by keyword: a NamedTuple's generated ``__new__``
        # takes a keyword argument at a cost of its own (callgrind), and a plan
        # of repeats (bench.py's 10 MB) yields a finding for nearly every task
        return Finding(
            self.plan.path,
            code,
            span.start,
            span.end,
            span.line_starts,
            number,  # task
            f"{code}.{variant}" if variant else code,  # key
            {"task": task.label if isinstance(task, Task) else task, **args},  # args
            Fix(edits, safe) if edits else None,  # fix
            anchor or self.plan.source.text[span.start : span.end],
            self.spec.name,
            self.severity,
        )
