"""What a document says about its own conventions: who issued it, how it writes agency
names, whether its clauses keep protocol order.

Rules judge a plan against the conventions it keeps, not against one house style: a State
Council opinion writes ``发展改革委`` where a ministry's plan writes ``国家发展改革委``, and
orders participants by relevance where a joint-conference plan keeps protocol order. This
module infers those conventions once per question, from the plan and the registry.
"""

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache, cached_property
from typing import TYPE_CHECKING

from ..base.lazyre import HAN, LazyPattern
from ..knowledge.agencies import Agency, Lookup, Registry
from ..knowledge.data import builtin
from ..reading.clause import body_endings, grammar, joining_words
from ..reading.model import AgencyRef, Clause, Plan, Task
from ..reading.text import fold

if TYPE_CHECKING:
    from ..knowledge.mirror import Levels

#: the share of a document's clauses that must keep protocol order for it to be its rule
PROTOCOL_SHARE = 0.8
#: clauses with two or more participants needed before an order convention is inferred
PROTOCOL_MIN_CLAUSES = 4
#: a style is "mixed in" when its names are at most this share of the style-bearing names
MIXED_STYLE_SHARE = 0.2


@cache
def _state_council() -> tuple[tuple[str, ...], frozenset[str]]:
    data = (builtin("layout.yaml") or {}).get("state_council", {})
    prefixes = tuple(str(p) for p in data.get("doc_number_prefixes", ()))
    return prefixes, frozenset(str(s) for s in data.get("signatures", ()))


def _numbered_by(prefixes: tuple[str, ...], number: str) -> bool:
    """Does a document number (folded) open with one of ``prefixes`` and then its year's
    bracket (国办发〔2024〕…)? ``str`` methods: a pattern of the prefixes and brackets is
    costly to compile at every start."""
    return any(
        number.startswith(prefix) and number[len(prefix) :].lstrip(" \t")[:1] in _NUMBER_BRACKETS
        for prefix in prefixes
    )


#: the brackets a document number's year opens with (on folded text)
_NUMBER_BRACKETS = ("〔", "[", "(", "【")


def is_state_council(plan: Plan) -> bool:
    """Issued by the State Council or its General Office (国发, 国办发…, or signed so)."""
    prefixes, signatures = _state_council()
    for paragraph in plan.paragraphs:
        if paragraph.role not in _STATE_COUNCIL_ROLES:
            continue  # most paragraphs: only these roles are read (each folded then)
        text = fold(paragraph.text).strip()
        if paragraph.role == "doc_number" and _numbered_by(prefixes, text):
            return True
        if paragraph.role in ("closing", "issuer") and text in signatures:
            return True
    return False


#: the roles of the paragraphs that say a document is the State Council's
_STATE_COUNCIL_ROLES = frozenset({"doc_number", "closing", "issuer"})


@cache
def _government() -> tuple[LazyPattern, ...]:
    """The document number, signature and title of a government's document; each compiled
    when a plan first has such a paragraph holding one of its needles (a plan without, a
    department's, compiles none)."""
    data = (builtin("layout.yaml") or {}).get("government", {})
    needles = data.get("needles", {})
    return tuple(
        LazyPattern(str(data[key]), needles=needles.get(key))
        for key in ("doc_number", "signature", "title")
    )


class Issuer:
    """Who issued a plan, as several rules ask it (G002's style, G005's open lists, G007's
    protocol order, G009's lead statement): each answer worked out once a plan, when first
    asked (rules share it through ``Context.shared(Issuer)``; each answer reads the
    document's head paragraphs, folded)."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan

    @cached_property
    def state_council(self) -> bool:
        """``is_state_council``."""
        return is_state_council(self.plan)

    @cached_property
    def government(self) -> bool:
        """Issued by a government or its general office, the State Council's included: such
        documents let the first agency of a clause lead without saying so."""
        return self.state_council or _government_paragraphs(self.plan)

    @cached_property
    def kind(self) -> str | None:
        """``issuer_kind``."""
        return issuer_kind(self.plan, self)


def _government_paragraphs(plan: Plan) -> bool:
    """Does a paragraph of the document's head say a government issued it (its number,
    issuer or signature, title, or an addressee line only a government writes)?"""
    doc_number, signature, title = _government()
    for paragraph in plan.paragraphs:
        if paragraph.role not in _GOVERNMENT_ROLES:
            continue  # most paragraphs: only these roles are read (each folded then)
        text = fold(paragraph.text).strip()
        if paragraph.role == "doc_number" and doc_number.match(text):
            return True
        if paragraph.role == "issuer":  # 河南省人民政府关于…的通知: the issuer before 关于
            text = text.split("关于", 1)[0]
        if paragraph.role in ("closing", "issuer") and signature.match(text):
            return True
        if paragraph.role == "title" and title.match(text):
            return True
        if paragraph.role == "addressee" and _addresses_all_departments(text):
            return True
    return False


#: the roles of the paragraphs that say a document is a government's
_GOVERNMENT_ROLES = frozenset({"doc_number", "issuer", "closing", "title", "addressee"})


@cache
def _government_addressees() -> tuple[str, tuple[str, ...]]:
    data = (builtin("layout.yaml") or {}).get("government", {})
    departments = tuple(str(w) for w in data.get("addressee_departments", ()))
    return str(data.get("addressee_governments", "")), departments


def _addresses_all_departments(addressee: str) -> bool:
    """An addressee line (folded) a government writes: the governments below first
    (各…人民政府), then the government's departments all together (各委、办、局, 政府各部门),
    as ``rules/layout.yaml`` says why. ``str`` methods, no pattern to compile."""
    governments, departments = _government_addressees()
    if not (governments and addressee.startswith("各")):
        return False
    at = addressee.find(governments)
    return at >= 0 and any(word in addressee[at:] for word in departments)


@cache
def _issuers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = (builtin("layout.yaml") or {}).get("issuers", {})
    return tuple(map(str, data.get("coordinating", ()))), tuple(map(str, data.get("not_name", ())))


def issuer_kind(plan: Plan, issuer: Issuer | None = None) -> str | None:
    """Who issued the document, by kind (``rules/layout.yaml`` ``issuers:`` says why each
    matters): ``government`` (a government or its office), ``coordinating`` (a body a
    government sets up to coordinate, a joint conference), ``joint`` (several bodies
    together), ``department`` (one body), or None where no issuer is written. ``issuer``:
    the plan's, where the caller has it."""
    if (issuer or Issuer(plan)).government:
        return "government"
    texts = _issuer_texts(plan)
    names = issuer_names(texts)
    signature = _government()[1]
    if any(signature.match(name) for name in names):
        return "government"  # 上海市松江区人民政府办公室关于…: the issuer line, not a title
    coordinating, _ = _issuers()
    if any(word in text for text in texts for word in coordinating):
        return "coordinating"
    if len(names) > 1 or _signed_in_grid(plan):
        return "joint"
    return "department" if names else None


#: a date line alone: 2020年6月20日
_DATE_LINE = LazyPattern(r"^\d{4}年\d{1,2}月\d{1,2}日$")
#: the gap between two names of a signature laid out side by side (spaces, no-break spaces)
_GAP = LazyPattern(r"[ \t\u00a0\u3000]{2,}")


def _signed_in_grid(plan: Plan) -> bool:
    """Several bodies' names laid out side by side over the lines above a date, as a joint
    document's seals are (河南省 / 发展和改革委员会 under it, two more beside: 豫 2020 房租减免,
    nine bodies on six lines): two or more such lines, each of two or more Han fragments
    apart, one fragment ending as a body's name does. One body's name over two lines is one
    fragment a line, and no grid."""
    endings = body_endings()
    paragraphs = plan.paragraphs
    for n, paragraph in enumerate(paragraphs):
        if not _DATE_LINE.match(paragraph.text.strip()):
            continue
        rows = []
        for above in reversed(paragraphs[max(0, n - 8) : n]):
            parts = [p for p in _GAP.split(above.text.strip()) if p]
            if len(parts) < 2 or not all(_han(p) for p in parts):
                break
            rows.append(parts)
        if len(rows) >= 2 and any(p.replace(" ", "").endswith(endings) for r in rows for p in r):
            return True
    return False


def _han(part: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" or c in " \u00a0" for c in part)


def _issuer_texts(plan: Plan) -> list[str]:
    """The issuer's part of each issuer line (before 关于) and each signature line."""
    texts = []
    for paragraph in plan.paragraphs:
        if paragraph.role == "issuer":
            texts.append(fold(paragraph.text).strip().split("关于", 1)[0])
        elif paragraph.role == "closing":
            texts.append(fold(paragraph.text).strip())
    return texts


def issuer_names(texts: list[str]) -> tuple[str, ...]:
    """The names of the bodies that issued a document, each once, in order, from the texts
    of its issuer and signature lines (``A、B``, the red header's ``A 文件``, a signature
    ``上海市宝山区生态环境局   上海市宝山区水务局``): the words that are a body's name."""
    _, not_name = _issuers()
    endings = body_endings()
    names: dict[str, None] = {}
    for text in texts:
        parts = [p for p in re.split(r"[、\s]+", text) if p and p not in not_name]
        if parts and all(_is_name(p, endings) for p in parts):
            names.update(dict.fromkeys(parts))
    return tuple(names)


def _is_name(part: str, endings: tuple[str, ...]) -> bool:
    """A body's name: Han characters only (no 附件:1., no 《), ending as bodies' names do."""
    return part.endswith(endings) and all("\u4e00" <= c <= "\u9fff" for c in part)


#: An agency named in a clause, with its task and what the registry knows of the name:
#: ``(task, agency, found)``, as iterating ``AgencyUses`` gives it.
AgencyUse = tuple[Task, AgencyRef, Lookup | None]


class AgencyUses:
    """Every agency use of a plan, in order, iterated as ``(task, agency, found)`` tuples
    (``AgencyUse``) and kept as three parallel tuples. The uses last as long as the plan's
    run, and a tuple for each (a 10 MB plan names 108,000 agencies) gave each of the garbage
    collector's full collections that many more objects to go over, and brought on one more
    of them; three tuples are three objects. Iterate it as often as needed: each iteration
    zips the three afresh."""

    __slots__ = ("agencies", "found", "tasks")

    def __init__(
        self,
        tasks: tuple[Task, ...],
        agencies: tuple[AgencyRef, ...],
        found: tuple[Lookup | None, ...],
    ) -> None:
        self.tasks, self.agencies, self.found = tasks, agencies, found

    def __iter__(self) -> Iterator[AgencyUse]:
        return zip(self.tasks, self.agencies, self.found, strict=True)

    def __len__(self) -> int:
        return len(self.agencies)


class UnknownName:
    """A name the plan's clauses write that no registry knows, with its uses in order."""

    __slots__ = ("name", "registrable", "suggestion", "uses")

    def __init__(
        self,
        name: str,
        uses: list[tuple[Task, AgencyRef]],
        suggestion: str | None,
        registrable: bool,
    ) -> None:
        self.name = name
        self.uses = uses
        self.suggestion = suggestion  # the known name it is a near miss of
        #: built like a body's name and no near miss: a body to register (G011)
        self.registrable = registrable


class AgencyNames:
    """Every agency of every clause of every task (and of an annexed table's rows), with its
    task, looked up once per plan: G001 and G011 read the unknown names, G002, G003 and the
    style counts every use (rules ask for it through ``Context.shared``)."""

    def __init__(self, plan: Plan, registry: Registry) -> None:
        self.registry = registry
        self.uses: AgencyUses = _agency_uses(plan, registry)

    @cached_property
    def unknown(self) -> list[UnknownName]:
        """Every unknown name, in order of first use, judged once: G001 reports the near
        misses and the names not built like a body's, G011 the rest in one summary."""
        registry = self.registry
        uses: dict[str, list[tuple[Task, AgencyRef]]] = {}
        for task, agency, found in self.uses:
            if found is None:
                uses.setdefault(agency.name, []).append((task, agency))
        if not uses:
            return []  # every name known: most national plans
        counts = Counter(agency.name for _, agency, _ in self.uses)
        result = []
        for name, written in uses.items():
            suggestion = registry.suggest(name) or _written_otherwise(name, counts)
            registrable = suggestion is None and registry.well_formed(name)
            result.append(UnknownName(name, written, suggestion, registrable))
        return result


def agency_names(plan: Plan, registry: Registry) -> AgencyNames:
    """The plan's ``AgencyNames`` (for ``Context.shared``)."""
    return AgencyNames(plan, registry)


def _written_otherwise(name: str, counts: Counter[str]) -> str | None:
    """The name the document itself writes more often for the body ``name`` writes once
    otherwise, a joining word swapped (和 for 与: 市规划与自然资源局 once, 市规划和自然资源局 21
    times, 杭州市 2019): one body no registry knows, written two ways, the rarer a slip. Only
    the joining word: two names a character apart otherwise (区第一人民医院, 区第二人民医院)
    are two bodies."""
    joins = joining_words()
    if not any(ch in joins for ch in name):
        return None  # most names hold no joining word
    for other, count in counts.items():
        if count <= counts[name] or len(other) != len(name):
            continue
        differ = [(a, b) for a, b in zip(name, other, strict=True) if a != b]
        if len(differ) == 1 and differ[0][0] in joins and differ[0][1] in joins:
            return other
    return None


def _agency_uses(plan: Plan, registry: Registry) -> AgencyUses:
    """The uses ``AgencyNames`` holds, in order: each distinct name looked up once (the 2024
    plan writes 43 names 230 times), and, where the plan names local bodies or unknown
    ones, each use read with the level prefix its list or document shares."""
    tasks = plan.rows_and_tasks
    named = [task.agencies for task in tasks]
    agencies = tuple([agency for agencies in named for agency in agencies])
    known = {name: registry.lookup(name) for name in dict.fromkeys([a.name for a in agencies])}
    # each use's task: a task's own, once for each agency it names
    owners = tuple([task for task, names in zip(tasks, named, strict=True) for _ in names])
    # no local body, none unknown: no list shares a level prefix
    if all(f is not None and not registry.is_mirrored(f.agency) for f in known.values()):
        return AgencyUses(owners, agencies, tuple([known[a.name] for a in agencies]))
    own = _prefixed_names(plan, registry)
    read = [
        _with_shared_prefix(registry, own, task, agency, known[agency.name])
        for task, agency in zip(owners, agencies, strict=True)
    ]
    return AgencyUses(
        owners, tuple([agency for _, agency, _ in read]), tuple([found for _, _, found in read])
    )


class _Prefixed:
    """The level prefixes a document writes its local bodies with: each name's own part →
    its prefix (市建委: 建委 → 市), and the prefix most of them bear (the document's level);
    ``bare``: no body bears one, the level is the issuer's (its title names its place)."""

    __slots__ = ("bare", "level", "parts")

    def __init__(self, parts: dict[str, str], level: str, bare: bool = False) -> None:
        self.parts = parts
        self.level = level
        self.bare = bare


def _prefixed_names(plan: Plan, registry: Registry) -> _Prefixed:
    """What the document's own prefixed names say (``_Prefixed``)."""
    levels = registry.mirror.levels if registry.mirror is not None else None
    parts: dict[str, str] = {}
    counts: Counter[str] = Counter()
    # each name judged once, its uses counted (in order of first use, as ties are broken)
    written = Counter(a.name for t in plan.rows_and_tasks for a in t.agencies) if levels else {}
    for name, uses in written.items():
        prefix = _level_prefix(levels, name)
        if prefix:
            parts.setdefault(name[len(prefix) :], prefix)
            found = registry.lookup(name)
            counts[prefix] += uses * (found is not None and registry.is_mirrored(found.agency))
    level = max(counts, key=counts.__getitem__) if counts and max(counts.values()) else ""
    if not level and levels is not None:
        level = _issuer_level(plan, levels)
        if level:  # no body bears a prefix: the level is the issuer's
            return _Prefixed(parts, level, bare=not parts)
    return _Prefixed(parts, level)


def _issuer_level(plan: Plan, levels: "Levels") -> str:
    """The bare level prefix of the government that issued the plan (梁溪区人民政府: 区), or
    "": a government's plan that writes none of its bodies with a prefix names its own
    (工业和信息化局, 科技局 in 锡梁委发〔2020〕21号 are the district's, not misspelt ministries).
    Where no government is named, the place the issuer's name or the title opens with:
    无锡高新区（新吴区）现代服务业…行动计划 writes 发改委, 商务局 for the district's own."""
    endings = grammar().government_endings
    titles = [  # 无锡市梁溪区人民政府关于……的意见: the title names its issuer too
        fold(p.text).strip().split("关于", 1)[0] for p in plan.paragraphs if p.role == "title"
    ]
    for name in issuer_names(_issuer_texts(plan) + [t for t in titles if t]):
        ending = next((e for e in endings if name.endswith(e)), None)
        if ending is not None:
            place = name[: -len(ending)]
            return next((p for p in levels.bare_order if place.endswith(p)), "")
    return _opening_place_level(plan, levels)


#: the place an issuer's name or a title opens with, and its level word: 无锡高新区（新吴区）…,
#: 南京市人民政府…, 天津市关于… (a title opening 关于 or 市政府 names no place)
_OPENING_PLACE = LazyPattern(
    rf"^{HAN}{{1,8}}?(新区|自治县|自治州|自治区|省|市|州|盟|县|区|旗)(?!{HAN}{{0,2}}(?:场|域|级))"
)
_LEVEL_OF_ENDING = {"新区": "区", "自治县": "县", "自治州": "州"}


def _opening_place_level(plan: Plan, levels: "Levels") -> str:
    """The level prefix of the place the document's issuer line or title opens with, or ""."""
    for paragraph in plan.paragraphs[:6]:
        if paragraph.role not in ("issuer", "title", "closing"):
            continue
        found = _OPENING_PLACE.match(fold(paragraph.text).strip())
        if found is not None:
            prefix = _LEVEL_OF_ENDING.get(found.group(1), found.group(1))
            return prefix if prefix in levels.bare else ""
    return ""


def _with_shared_prefix(
    registry: Registry, own: _Prefixed, task: Task, agency: AgencyRef, found: Lookup | None
) -> AgencyUse:
    """A name read with the level prefix its list or its document wrote once: in
    ``省商务厅、财政厅、住房城乡建设厅`` (豫政〔2023〕) or ``市环保局、发改委、经信委`` (锡政发
    〔2011〕) the later bodies are the province's and the city's (省财政厅, 市发改委), not
    misspelt or national ones.

    In its list, the prefix is the bare level prefix (rules/places.yaml ``prefixes``) of the
    nearest local body before the name in its clause. A name is read under it when the
    prefixed name is a local body the mirror knows (发改委 → 市发改委, though 发改委 alone is
    a national alias: a city's list names the city's body), or when the name alone is unknown
    and would be misread alone: a near miss of a national body (人保局 is no misspelt 医保局:
    it is the city's 人保局) or not built as a body's name (农委). A name that stands as a
    body of its own (立山经济开发区, 同济大学) keeps its own name.

    Where no list shares one, an unknown name is read as the body the document itself writes
    with a prefix elsewhere (房产局 beside 市房产局, 南京市 2006), or as the local body the
    mirror knows under the document's own level prefix (交通运输局 in 厦门市 2021, whose
    bodies are 市…: the city's 市交通运输局, not a misspelt 交通运输部). The name keeps its
    place in the text."""
    mirror = registry.mirror
    if mirror is None or (found is not None and registry.is_mirrored(found.agency)):
        return task, agency, found  # a local body already
    levels = mirror.levels
    if levels.is_local(agency.name):  # 四川省经济合作局: its own place
        return task, agency, found
    prefix = _shared_prefix(levels, task, agency)
    if prefix:
        prefixed = registry.lookup(prefix + agency.name)  # 省财政厅; not 区开发区 for a 开发区
        if prefixed is not None and (found is None or registry.is_mirrored(prefixed.agency)):
            return task, agency._replace(name=prefix + agency.name), prefixed
        if found is None and _misread_alone(registry, agency.name, prefix + agency.name):
            return task, agency._replace(name=prefix + agency.name), None
    if (
        found is not None
        and own.bare
        and own.level
        and not _bare_prefix(levels.bare_order, agency.name)
    ):
        # a district's own 发改委 in a plan whose bodies bear no prefix: not the national alias
        prefixed = registry.lookup(own.level + agency.name)
        if prefixed is not None and registry.is_mirrored(prefixed.agency):
            return task, agency._replace(name=own.level + agency.name), prefixed
    if found is not None:
        return task, agency, found
    written = own.parts.get(agency.name)
    if written:  # the document writes 市房产局 too
        return (
            task,
            agency._replace(name=written + agency.name),
            registry.lookup(written + agency.name),
        )
    if own.level:
        prefixed = registry.lookup(own.level + agency.name)
        if prefixed is not None and registry.is_mirrored(prefixed.agency):
            return task, agency._replace(name=own.level + agency.name), prefixed
        if registry.well_formed(agency.name) and _misread_alone(
            registry, agency.name, own.level + agency.name
        ):  # 卫生建康委 in a district's plan: its own 区卫生健康委, misspelt
            return task, agency._replace(name=own.level + agency.name), None
    return task, agency, found


def _shared_prefix(levels: "Levels", task: Task, agency: AgencyRef) -> str:
    """The bare level prefix of the nearest body before ``agency`` in its clause that is a
    local body written with one (市环保局: 市; not the 市 of 市场监管总局), or ""."""
    clause = next((c for c in task.clauses if agency in c.agencies), None)
    before = [a for a in clause.agencies if a.span.start < agency.span.start] if clause else []
    for earlier in reversed(before):
        prefix = _level_prefix(levels, earlier.name)
        if prefix:
            return prefix
    return ""


def _level_prefix(levels: "Levels", name: str) -> str:
    """The bare level prefix a local body's name is written with (市环保局: 市), or "" (not
    the 市 of 市场监管总局, which begins no local name)."""
    prefix = _bare_prefix(levels.bare_order, name)
    if prefix and any(p == prefix for p, _ in levels.prefixes(name)):
        return prefix
    return ""


def _misread_alone(registry: Registry, name: str, prefixed: str) -> bool:
    """Whether an unknown name, read alone, would be taken for a misspelt national body, or
    for no body at all where the prefixed name is built as a body's (农委, 市农委): then a
    list's shared prefix is the better reading. A phrase (适时出台相关政策) stays itself."""
    if registry.well_formed(name):
        return registry.suggest(name) is not None
    return registry.well_formed(prefixed)


def _bare_prefix(prefixes: list[str], name: str) -> str:
    """The bare level prefix a name begins with (省, 自治区, 市, 区…), or ""."""
    return next((p for p in prefixes if name.startswith(p)), "")


def style_counts(plan: Plan, registry: Registry, uses: AgencyUses | None = None) -> Counter[str]:
    """How many names the plan writes in each style, counting only the bodies whose two
    styles differ (科技部 is the same in both and says nothing)."""
    counts: Counter[str] = Counter()
    for found in (AgencyNames(plan, registry).uses if uses is None else uses).found:
        if found is None or not found.agency.short or found.agency.short == (found.agency.name,):
            continue
        if found.form == "short":
            counts["council"] += 1
        elif found.form == "name":
            counts["ministry"] += 1
    return counts


def dominant_style(
    plan: Plan,
    registry: Registry,
    configured: str = "auto",
    counts: Counter[str] | None = None,
    issuer: Issuer | None = None,
) -> str:
    """The style the document keeps: configured, else its majority, else its issuer's.
    ``counts`` are the plan's ``style_counts`` and ``issuer`` its ``Issuer`` when the
    caller has them already."""
    if configured in ("council", "ministry"):
        return configured
    counts = style_counts(plan, registry) if counts is None else counts
    if counts["council"] != counts["ministry"]:
        return "council" if counts["council"] > counts["ministry"] else "ministry"
    return "council" if (issuer or Issuer(plan)).state_council else "ministry"


def mixed_in_style(
    plan: Plan,
    registry: Registry,
    configured: str = "auto",
    counts: Counter[str] | None = None,
    issuer: Issuer | None = None,
) -> str | None:
    """The style whose names stand out as mixed into a document that keeps the other one:
    every name of the other style when configured; in auto mode only a clear minority
    (a fifth or less, against at least three), so that documents which keep their own mix
    (modern State Council texts write 国家发展改革委 beside 人民银行) are left alone."""
    if configured in ("council", "ministry"):
        return "ministry" if configured == "council" else "council"
    if (issuer or Issuer(plan)).state_council:
        return None  # the Council sets the style, and its recent texts mix the two
    counts = style_counts(plan, registry) if counts is None else counts
    total = counts["council"] + counts["ministry"]
    if not total:
        return None
    for minority, majority in (("council", "ministry"), ("ministry", "council")):
        clear = counts[minority] / total <= MIXED_STYLE_SHARE
        if counts[minority] and counts[majority] >= 3 and clear:
            return minority
    return None


class ClauseParticipants:
    """The clauses of the tasks and annexed rows (in ``rows_and_tasks`` order) that name two
    participants or more, each as ``(task, clause, participants)``: its agencies but the
    lead. Each participant's name is placed once, in ``placed``: the body it stands for at
    the plan's date and that body's protocol order, (None, None) for a name the registry
    does not know. The protocol-order convention and G007 read the same names (rules ask
    for it through ``Context.shared``). A name is placed by name, not at each use: an object
    a use held 68,000 such pairs to the end of the 10 MB plan, over which every full
    garbage collection went (issue 26)."""

    __slots__ = ("clauses", "placed")

    def __init__(
        self,
        clauses: tuple[tuple[Task, Clause, tuple[AgencyRef, ...]], ...],
        placed: dict[str, tuple[Agency | None, tuple[int, int] | None]],
    ) -> None:
        self.clauses, self.placed = clauses, placed

    def body(self, agency: AgencyRef) -> Agency | None:
        """The body a participant stands for at the plan's date (None when unknown)."""
        return self.placed[agency.name][0]

    def order(self, agency: AgencyRef) -> tuple[int, int] | None:
        """A participant's body's protocol order (None when the body is unknown)."""
        return self.placed[agency.name][1]

    def ranked(self, named: tuple[AgencyRef, ...]) -> tuple[list[AgencyRef], list[tuple[int, int]]]:
        """The participants ``named`` whose body has a rank, with their protocol orders (a
        body without one, a local registry's entry not yet ranked, has no place to check),
        each name placed by one look in ``placed``."""
        known, keys = [], []
        for agency in named:
            body, order = self.placed[agency.name]
            if body is not None and body.rank is not None:
                known.append(agency)
                keys.append(order)
        return known, keys


def clause_participants(
    plan: Plan, registry: Registry, year: int | None, month: int | None = None
) -> ClauseParticipants:
    """The plan's ``ClauseParticipants``. A lead alone or with one other, as most clauses
    are, has no order to keep, and is not kept: a 10 MB plan's clauses were 135,000 objects
    held to the end of the plan, over which every full garbage collection went (issue 26)."""
    # a name's body and place depend on the name and the plan's date alone: once a name
    placed: dict[str, tuple[Agency | None, tuple[int, int] | None]] = {}
    clauses = []
    for task in plan.rows_and_tasks:
        for clause in task.clauses:
            if len(clause.agencies) < 2:
                continue  # no two participants: most clauses
            others = tuple([agency for agency in clause.agencies if agency.role != "lead"])
            if len(others) < 2:
                continue
            for agency in others:
                if agency.name not in placed:
                    placed[agency.name] = _placed(registry, agency.name, year, month)
            clauses.append((task, clause, others))
    return ClauseParticipants(tuple(clauses), placed)


def _placed(
    registry: Registry, name: str, year: int | None, month: int | None
) -> tuple[Agency | None, tuple[int, int] | None]:
    """The body a name stands for at the plan's date and its protocol order (None, None
    for a name the registry does not know)."""
    body = registry.resolve(name, year, month)
    return body, registry.order_key(body, year, month) if body is not None else None


def keeps_protocol_order(
    plan: Plan,
    registry: Registry,
    year: int | None,
    configured: str = "auto",
    participants: ClauseParticipants | None = None,
    month: int | None = None,
    issuer: Issuer | None = None,
) -> bool:
    """Does the document order participants by protocol (joint-conference plans do; State
    Council opinions order them by relevance)? Inferred from its own clauses when not set
    (its tasks', not an annexed table's). ``participants`` are the plan's
    ``clause_participants`` (and ``issuer`` its ``Issuer``) when the caller has them
    already."""
    if configured in ("always", "never"):
        return configured == "always"
    if (issuer or Issuer(plan)).government:
        return False  # a government's documents list the bodies by their part in the work
    if participants is None:
        participants = clause_participants(plan, registry, year, month)
    judged = in_order = 0
    annexed = {id(row) for row in plan.annex}  # its own clauses, not an annexed table's rows
    placed = participants.placed  # each name's body and protocol order (None: unknown)
    for task, _, named in participants.clauses:
        if id(task) in annexed:
            continue
        keys = [key for a in named if (key := placed[a.name][1]) is not None]
        if len(keys) < 2:
            continue
        judged += 1
        in_order += keys == sorted(keys)
    return judged >= PROTOCOL_MIN_CLAUSES and in_order / judged >= PROTOCOL_SHARE


#: clauses ending a named list with 等 / 有关部门 needed before it counts as the document's way
OPEN_LIST_MIN_CLAUSES = 3
OPEN_LIST_SHARE = 0.25


@cache
def _frame_titles() -> tuple[str, ...]:
    return tuple(str(word) for word in (builtin("layout.yaml") or {}).get("frame_titles", ()))


def binds_every_body(task: Task, clause: Clause) -> bool:
    """Is the clause a frame item's (保障措施, 组织实施: ``layout.yaml``'s frame titles) that
    names its lead and then each body concerned (``区发展改革委、各相关部门，各街道管理办``,
    黄发改委办 2025)? What such an item asks binds every body, as its text says (各部门、各街道
    …要…): 各 distributes it over all of them, it leaves no one out. An open tail (等部门)
    and a measure's own 各有关部门 stay vague."""
    if not (clause.vague and clause.vague.startswith("各") and clause.agencies):
        return False
    title = fold(task.body).split("。", 1)[0][:20]
    return any(word in title for word in _frame_titles())


def open_lists_are_convention(plan: Plan, issuer: Issuer | None = None) -> bool:
    """Does the document close its lists with 等 / 有关部门 as a rule (``A牵头,B、C等按职责
    分工负责``, the State Council's task-division formula), rather than once by accident?
    A plan that names every agency and once writes 等部门 is inconsistent; one that writes it
    in a quarter of its clauses, or is a government's (国务院, 省政府办公厅…), keeps an open-list
    convention."""
    named = [c for t in plan.tasks for c in t.clauses if c.agencies]
    open_lists = sum(1 for c in named if c.vague)
    if open_lists and (issuer or Issuer(plan)).government:
        return True
    return open_lists >= OPEN_LIST_MIN_CLAUSES and open_lists / len(named) >= OPEN_LIST_SHARE
