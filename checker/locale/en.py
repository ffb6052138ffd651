"""English messages (``--lang en``), the same facts as the Chinese ones."""

TITLES = {
    "N001": "duplicate task number",
    "N002": "missing task number",
    "N003": "task number or text broken across lines",
    "N004": "task number out of order",
    "N005": "heading numeral out of sequence",
    "N006": "wrong mark after a task number",
    "A001": "stray annotation",
    "G001": "agency not in the registry",
    "G002": "agency not written with its canonical short name",
    "G003": "agency renamed or abolished",
    "G004": "agency listed twice",
    "G005": "vague responsibility clause",
    "G006": "shared responsibility with a single agency",
    "G007": "participants out of protocol order",
    "G008": "task without responsibility clause",
    "G009": "lead-agency statement missing or inconsistent",
    "G010": "annexed task table disagrees with the text",
    "G011": "agencies in no registry (summary)",
    "G013": "duties not assigned task by task",
    "G012": "part of a responsibility clause not understood",
    "S001": "no tasks recognised",
    "D001": "document number not in GB/T 9704 form",
    "D002": "years disagree",
    "D004": "unbalanced or misused brackets or quotes",
    "D005": "mixed punctuation widths",
    "D006": "abbreviation undefined or misused",
    "D007": "near-duplicate tasks",
    "D008": "full-width digits or letters",
    "L001": "wrong title of a law or regulation",
    "L002": "law or regulation already made",
    "L003": "repealed law or regulation cited",
}

MESSAGES = {
    "N001": "task number {number} is used twice (first at {first_line_at}): renumber it.",
    "N001.expected": "task number {number} is used twice (first at {first_line_at}); in sequence it should be {expected}: write '{expected_text}'.",
    "N002": "task number {missing} is missing ({previous} is followed by {number}): add the missing task or renumber the following ones.",
    "N002.start": "task numbers should start at 1, the first is {number}: renumber.",
    "N003": "the number of task {task} is broken across {line_unit}s: the '{digits}' at the end of {line_at} belongs to the next {line_unit}'s number; join it as '{number}.' on a new {line_unit}.",
    "N003.text": "the text of task {task} breaks at the end of {line_at} and goes on in the next {line_unit}: join the {line_unit}s.",
    "N003.glued": "task {task} is on the same line as the previous task: start a new line before '{number}.'.",
    "N004": "task number {number} is out of order (previous task is {previous}): fix the number or move the task.",
    "N004.expected": "task number {number} is out of order (previous task is {previous}); here it should be {expected}: write '{expected_text}'.",
    "N004.restart": "task numbering starts again at {number} here, while this document numbers its tasks straight through (previous task is {previous}): it should be {expected}; renumber this part.",
    "N004.continues": "task number {number} continues the previous part, while this document numbers the tasks of each part from the start: it should be {expected}; renumber this part.",
    "N005": "{level} heading numeral '{numeral}' is out of sequence; expected '{expected}': fix the numeral.",
    "N006": "task {task} is numbered '{written}', with a wrong mark after the number: write '{expected}'.",
    "N006.inconsistent": "task {task} is numbered '{written}', unlike the other tasks of the plan: write '{expected}'.",
    "N006.doubled": "task {task} is numbered '{written}', its mark typed twice: write '{expected}'.",
    "A001": "task {task} has a stray annotation '{tag}' that is neither task text nor responsibility clause: delete it.",
    "G001": "task {task} names '{agency}', which is not in the agency registry: check the name or register it.",
    "G001.suggest": "task {task} names '{agency}', which is not in the agency registry; did you mean '{suggestion}'?",
    "G001.many": "task {task} names '{agency}' ({count:once|{count} times}, in {count:task|tasks} {tasks}), which is not in the agency registry: check the name or register it.",
    "G001.suggest.many": "task {task} names '{agency}' ({count:once|{count} times}, in {count:task|tasks} {tasks}), which is not in the agency registry; did you mean '{suggestion}'?",
    "G001.local.many": "task {task} names '{agency}' ({count:once|{count} times}, in {count:task|tasks} {tasks}), which carries a local level or a place name (not a misspelt central body) and is in no agency registry: register it in a local registry (agencies: [FILE] in the config; plancheck agencies PLAN --init FILE writes a draft).",
    "G001.local": "task {task} names '{agency}', which carries a local level or a place name (not a misspelt central body) and is in no agency registry: register it in a local registry (agencies: [FILE] in the config; plancheck agencies PLAN --init FILE writes a draft).",
    "G002": "task {task}: '{agency}' is not the canonical short name; write '{canonical}'.",
    "G002.blank": "task {task}: '{agency}' has a blank inside the name; write '{canonical}'.",
    "G002.style": "in task {task}, '{agency}' is not written like the other names of this document ({style_name}): write '{canonical}'.",
    "G003": "task {task}: '{agency}' was {event} in {date}; a {plan_year} plan should name '{successor}'.",
    "G003.abolished": "task {task}: '{agency}' was abolished in {date}; name the body that now holds its duties.",
    "G003.local": "task {task}: '{agency}' was {event} in {date}; a {plan_year} plan should name the local body that took over its duties (usually '{successor}'; check the place's own name).",
    "G003.undated": "task {task}: '{agency}' was {event} in {date}; name '{successor}' (the plan gives no year: checked against today's names).",
    "G003.local-undated": "task {task}: '{agency}' was {event} in {date}; name the local body that took over its duties (usually '{successor}'; check the place's own name; the plan gives no year: checked against today's names).",
    "G004.same": "task {task} lists '{agency}' twice: delete the repeat.",
    "G004": "task {task} lists '{agency}' twice (same body as '{first}'): delete the repeat.",
    "G005": "task {task} has a vague responsibility clause ('{phrase}'): name every responsible agency.",
    "G006": "task {task} has a single agency '{agency}' but says 按职责分工负责: write '{agency}负责'.",
    "G007": "task {task}: participants are not in protocol order ('{agency}' is misplaced); write '{expected}'.",
    "G008": "task {task} has no responsibility clause: add '(…负责)' at its end.",
    "G008.nolead": "task {task} has participants but no lead agency: fill in its lead.",
    "G008.row": "task {task} has an empty '{column}' column: fill in the body responsible.",
    "G008.noword": "task {task} ends with '{text}' without 负责: write '({text}负责)' or '({text}按职责分工负责)'.",
    "G009": "{count} {count:task is|tasks are} shared by several agencies but the plan does not say which leads: after the last task ({task}), add the closing statement on lead agencies: 上述各项任务分工中，由多个部门负责的，列第一位的部门为牵头部门，其他为参与部门。",
    "G010": "the annexed table and the text disagree on task {task}: make them agree.",
    "G010.lead": "the annexed table gives task {task} the lead '{agency}', the text '{expected}': make them agree.",
    "G010.missing": "the annexed table leaves out '{missing}' from task {task}, which the text names: make them agree.",
    "G010.extra": "the annexed table adds '{extra}' to task {task}, which the text does not name: make them agree.",
    "G010.both": "the annexed table and the text name different agencies for task {task} (table lacks '{missing}', adds '{extra}'): make them agree.",
    "G011": "1 agency of this plan is in no registry: {names}. The name is written as a body's name, not misspelt; it may be a body of another domain or place: to have its order and renamings checked, register it in a local registry (plancheck agencies PLAN --init FILE writes a draft; agencies: [FILE] in the config).",
    "G011.many": "{count} {count:agency|agencies} of this plan {count:is|are} in no registry: {names}. The names are written as bodies' names, not misspelt; they may be bodies of another domain or place: to have their order and renamings checked, register them in a local registry (plancheck agencies PLAN --init FILE writes a draft; agencies: [FILE] in the config).",
    "G012": "task {task}'s clause holds '{text}', which is neither a body's name nor a role, time limit or note: rewrite it, or check its form.",
    "G013": "this document assigns no duty task by task: none of its {count} numbered {count:item|items} carries a responsibility clause (such as '(某部门负责)'); its duties are written in the text or a section of duties, so the items are read as prose and no clause is checked item by item. To assign them item by item, end each with the body responsible.",
    "G013.some": "only a few items of this document carry a responsibility clause; {count} numbered {count:item|items} carry none (such as '(某部门负责)') and {count:is|are} read as prose, with no clause checked. If {count:it|they} should be assigned too, end each with the body responsible.",
    "G013.outline": "this document has no numbered task with a responsibility clause (such as '(某部门负责)'): its duties are written in the text, so it is read as prose and no clause is checked item by item.",
    "S001": "no numbered task was recognised ({headings} {headings:heading|headings}), so nothing could be checked: number each task '1.', '(一)' or '一、' and end it with its responsibility clause.",
    "S001.clauses": "no numbered task was recognised ({headings} {headings:heading|headings}, {clauses} responsibility {clauses:clause|clauses}), so nothing could be checked: start each task with '1.', '(一)' or '一、' and end it with its responsibility clause.",
    "G009.inconsistent": "task {task} marks '{agency}' as lead with 牵头 although it is not listed first, contrary to the closing statement: list it first.",
    "D001": "document number '{number}' is not in GB/T 9704 form ({problem}): write '{expected}'.",
    "D001.task": "document number '{number}' in task {task} is not in GB/T 9704 form ({problem}): write '{expected}'.",
    "D002": "the year {found} in the {where} disagrees with the plan's year {year}: check it.",
    "D002.short": "the issue date writes its year short, '{found}年' (GB/T 9704-2012 7.3.5.1 writes it in full): '{expected}年'.",
    "D004": "'{mark}' has no matching '{other}': complete or delete it.",
    "D004.inner_title": "the title '{found}' inside a title is marked with angle signs: write '{expected}' with single title marks (GB/T 15834).",
    "D005": "'{found}' here is half-width among the document's full-width punctuation (GB/T 15834: full width in Chinese text): write '{expected}'.",
    "D005.many": "'{found}' is half-width {count:once|{count} times} in Chinese text ({lines_at}) among the document's full-width punctuation (GB/T 15834: full width in Chinese text): write '{expected}' throughout.",
    "D005.width": "the configuration asks for {target} punctuation: write '{expected}' for '{found}'.",
    "D005.width_many": "the configuration asks for {target} punctuation: '{found}' is written {count:once|{count} times} ({lines_at}): write '{expected}' throughout.",
    "D006": "abbreviation {abbr} is used before its definition ({def_line_at}): define it first.",
    "D006.undefined": "abbreviation {abbr} is used without a definition: write the full title with (以下简称{abbr}) where it first appears.",
    "D006.unused": "abbreviation {abbr} is defined but never used: delete the definition.",
    "D006.full": "abbreviation {abbr} is defined, yet the full title {full} is written again: use the abbreviation.",
    "D007": "task {task} nearly repeats task {other} (similarity {similarity}): merge them or make the difference clear.",
    "D008": "the {kind} '{found}' here are full-width (GB/T 15835: an Arabic numeral takes half a character's width; Latin letters in Chinese text likewise): write '{expected}'.",
    "D008.many": "{kind} in Chinese text are full-width: '{found}', {count:once|{count} times} ({lines_at}) (GB/T 15835: an Arabic numeral takes half a character's width; Latin letters in Chinese text likewise): write the half-width '{expected}' throughout.",
    "L001": "《{title}》 is not an official title ({reason}): the {kind} is 《{official}》.",
    "L001.short": "《{title}》 is not an official title ({reason}): write 《{suggestion}》 (the {kind} is 《{official}》).",
    "L002": "《{title}》 ({kind}) was promulgated on {date}: it is no longer a task to make or issue; delete the task or make it one of implementing the text.",
    "L003": "《{title}》 was repealed on {date} by 《{by}》: cite the law in force instead.",
}

UI = {
    "list_separator": ", ",
    "date.day": "{year}-{month:02d}-{day:02d}",
    "date.month": "{year}-{month:02d}",
    "date.year": "{year}",
    "init_none": "every agency name in {plan} is already in a registry: nothing to add, {path} not written.",
    "init.entry": "{count:once|{count} times}; {count:task|tasks} {tasks}",
    "init.header": (
        "A draft local registry for {plan}: the agency names the plan uses that no registry knows.\n"
        "Written by plancheck agencies PLAN --init FILE. Check each entry once, then add\n"
        "agencies: [this file] to the config (.plancheck.yaml; the path is relative to it).\n"
        "\n"
        "The format is that of plancheck's rules/agencies.yaml:\n"
        "  name      the short form the plan uses\n"
        "  full      the full name (optional)\n"
        "  aliases   other spellings seen in drafts; G002 asks for name instead\n"
        "  category  the category, in protocol order: {categories}\n"
        "  rank      the order within the category. A local body that mirrors a central one takes its\n"
        "            rank (省教育厅 = 教育部's 4); rank the others on that scale (19.5 comes after\n"
        "            农业农村部's 19); without rank the order is not checked (G007)\n"
        "  mirrors   the central body it mirrors: its category and rank (省经济和信息化厅 mirrors 工业和信息化部)\n"
        "  ended / successor   the year it was abolished or renamed, and the body that took over\n"
        "  source    where the name comes from (a reform plan, the body's 三定 rules…)\n"
        "The categories below are guessed from the names: check each. Each comment gives the count and the tasks."
    ),
    "init_written": "wrote {path}: {count} {count:name|names} no registry knows. Check {count:it|each entry}, then add agencies: [{path}] to the config.",
    "cache_cleaned": "removed {count} cache {count:file|files} ({size} KB) from {folder}",
    "cache_empty": "no plancheck cache files in {folder}: nothing to remove",
    "config_written": "wrote {path}: every setting is commented out, with what it does; delete the '# ' before one to turn it on.",
    "style.council": "the State Council's short forms, such as 发展改革委 and 药监局",
    "style.ministry": "the ministries' forms, such as 国家发展改革委 and 国家药监局",
    "place_table": "table {table}, row {row}, column {header}",
    "place_paragraph": "paragraph {paragraph}",
    "place_row": "table {table}, row {row}",
    "place_line": "line {line}",
    "places_more": "{first}: {count:one {unit}|{count} {unit}s} in all",
    "unit.line": "line",
    "unit.paragraph": "paragraph",
    "place_page": "page {page}, line {line}",
    "place_file_line": "line {line} of the file",
    "review_written": "review copy: {path} ({comments} {comments:comment|comments}, {changes} tracked {changes:change|changes})",
    "in_task": "task {task}: ",
    "summary": "Found {count} {count:problem|problems} ({fixable} fixable with --fix).",
    "summary.more": "Found {count} {count:problem|problems} ({fixable} fixable with --fix, {more} more with --unsafe-fixes).",
    "summary.plain": "Found {count} {count:problem|problems}.",
    "summary.unsafe": "Found {count} {count:problem|problems} ({more} fixable with --unsafe-fixes).",
    "summary_none": "No problems found.",
    "not_rewritten_hint": "{count} of them, in {count:a PDF, a web page or a text|PDFs, web pages or texts} whose paragraphs were rebuilt, {count:has a fix|have fixes}: --fix does not rewrite these files; fix the original, or write a Word review copy with plancheck review FILE.",
    "review_hint": "{count} of them, in {count:a Word file|Word files}, {count:has a fix|have fixes}: --fix does not rewrite Word files; plancheck review FILE writes a review copy (findings as comments, fixes as tracked changes to accept or reject).",
    "summary_none_shown": "No problems to list.",
    "hidden.baseline_hidden": "{count} more recorded in the baseline (--baseline) {count:is|are} not listed.",
    "hidden.suppressed": "{count} more hidden by {count:a suppression (a disable comment, per-task-ignores) is|suppressions (disable comments, per-task-ignores) are} not listed.",
    "files": "Files: {parts}.",
    "files.checked": "{count} checked",
    "files.with_findings": " ({count} with problems)",
    "files.unreadable": "{count} could not be checked",
    "files.skipped": "{count} skipped as not {count:a plan|plans}",
    "sep": ", ",
    "fixed": "Fixed {count} {count:problem|problems} in all.",
    "fixed_file": "{path}: Fixed {count} {count:problem|problems}, written to the file.",
    "files.fix_errors": "{count} whose fixes could not be written",
    "plan_date": "plan date: {date} (from {source}; renamings are judged by it)",
    "plan_date.month": "{year}-{month:02d}",
    "plan_date.year": "{year}",
    "plan_date.sep": " and ",
    "plan_date.number": "the document number",
    "plan_date.date-line": "the date line",
    "plan_date.title": "the title",
    "plan_date.deadline": "a deadline in the text",
    "plan_date.text": "a date in the text",
    "plan_date.cited": "the number of a document it cites",
    "plan_date.written-date": "the web page's written date (成文日期)",
    "plan_date.publication-date": "the web page's publication date (发布日期; no written date given)",
    "skipped": "skipped: {reason}",
    "read_as": "read as: {how}",
    "reading.joined": "paragraphs joined on one line, split again at the item markers",
    "reading.wrapped": "hard-wrapped lines, joined back into paragraphs",
    "reading.pdf": "a PDF's text layer, lines joined into paragraphs by layout; running heads, page numbers and footers dropped",
    "reading.html": "a web page's article, without navigation, breadcrumbs, share buttons, scripts and footer",
    "reading.pages": "a Word file made from fixed pages (a PDF): paragraphs cut where a page ended, or at a line's end within a page, joined again; page numbers and running heads between them dropped",
    "folder_made": "created the folder {folder} for {path}.",
    "baseline_written": "Recorded {count} {count:problem|problems} in the baseline {path}.",
    "statistics.fixable": "[*]",
    "unused_suppression": "unused suppression: {what}",
    "severity.error": "error",
    "severity.warning": "warning",
    "severity.info": "info",
    "rule.fix.safe": "safe (--fix)",
    "rule.fix.unsafe": "unsafe (--fix --unsafe-fixes)",
    "rule.line": "{label}: {value}",
    "at": "{where}: {text}",
    "rule.label": "{label}:",
    "agencies.agency": "agency",
    "agencies.leads": "leads",
    "agencies.joins": "joins",
    "agencies.tasks": "tasks",
    "agencies.role.lead": "lead",
    "agencies.role.participant": "takes part",
    "agencies.role.joint_lead": "joint lead",
    "agencies.role.responsible": "responsible",
    "agencies.role.cooperate": "cooperates",
    "agencies.role.guide": "guides",
    "agencies.role.separate": "each its own part",
    "catalogue.fix": " [fix: {fix}]",
    "fix.safe": "safe",
    "fix.unsafe": "unsafe",
    "level.1": "section",
    "level.2": "subsection",
}

#: English is the language the code writes errors in: nothing to translate.
ERRORS: dict[str, str] = {}

#: click's own messages are English already.
CLICK: dict[str, str] = {}
CLICK_PLURALS: dict[tuple[str, str], tuple[str, str]] = {}

HTML = {
    "due": "deadline",
    "toc": "Contents",
    "summary": "Summary",
    "plan": "The plan",
    "agencies": "Agencies",
    "next_year": "For next year",
    "carry_over": "Changes from last year",
    "rules": "Rules",
    "tasks": "{n:task|tasks}",
    "sections": "{n:section|sections}",
    "errors": "{n:error|errors}",
    "error": "not checked",
    "colon": ": ",
    "open": " (",
    "close": ")",
    "warnings": "{n:warning|warnings}",
    "agency_count": "{n:agency|agencies}",
    "year_items": "{n:year-bound item|year-bound items}",
    "no_findings": "No problems found.",
    "legend": "In the clauses",
    "role.lead": "lead",
    "role.responsible": "responsible",
    "role.separate": "each its own part",
    "role.participant": "takes part",
    "role.cooperate": "cooperates",
    "role.guide": "guides",
    "changed_only": "changed",
    "renumbered_only": "renumbered only",
    "renumbered_note": "text unchanged; cite it by the new number",
    "similarity": "similarity",
    "role_changed": "role",
    "table_level": "Findings in the annexed task tables",
    "document_level": "Document-level findings",
    "filter_rule": "Rule",
    "filter_agency": "Agency",
    "all": "all",
    "agency_note": "In protocol order; the lead is the agency listed first or marked 牵头.",
    "order": "#",
    "agency": "Agency",
    "leads": "Leads",
    "joins": "Joins",
    "lead_tasks": "Leads tasks",
    "join_tasks": "Joins tasks",
    "unknown": "not in the registry",
    "next_year_note": "Everything bound to this plan's year, to revise when drafting next year's plan (suggestions only).",
    "where": "Where",
    "kind": "Kind",
    "text": "Text",
    "proposal": "Proposal",
    "note": "Note",
    "task": "task ",
    "line": "line",
    "nothing": "None.",
    "task_unit": " {n:task|tasks}",
    "status": "Change",
    "previous_tasks": "Previous plan",
    "this_tasks": "This plan",
    "changes": "What changed",
    "added": "agencies added",
    "removed": "agencies removed",
    "lead": "lead",
    "fix": "suggested change",
    "fix_safe": " (--fix makes it)",
    "fix_unsafe": " (check it; --fix --unsafe-fixes makes it)",
    "at": "line {line}, col {column}",
    "bad": "Bad",
    "good": "Good",
    "chart": "Findings by rule",
    "generated": "made by",
    "year_suffix": "",
    "findings": "findings",
    "rule": "Rule",
    "message": "Message",
    "diff_title": "Plan diff",
    "pairs": "Task by task",
    "by_agency": "By agency",
    "gained": "Gained",
    "lost": "Lost",
    "lead_gained": "Now leads",
    "lead_lost": "No longer leads",
    "renamed": "Renamed",
    "renamed_note": "reorganisations and renamings the registry records: one body, neither removed nor added.",
    "titles_cited": "Titles cited",
    "revised_between": "revised on {date}: the task to revise it may be done (L002)",
    "old_name": "Old name",
    "new_name": "New name",
}

KINDS = {
    "campaign": "campaign",
    "year": "year",
    "period": "plan period",
    "deadline": "deadline",
    "ordinal": "ordinal",
    "document": "document number",
    "law": "law or regulation",
}

#: the report's "for next year" list: advice where no replacement can be proposed, and a note
NEXT_YEAR = {
    "campaign.note": "campaign names carry the year: update it every year",
    "period.proposal": "check whether a new plan period has been issued",
    "period.note": "the plan period ends in {end}",
    "deadline.proposal": "check whether it is done: delete it if so, otherwise move the deadline",
    "deadline.note": "the deadline has passed",
    "ordinal.note": "sessions and batches go up by one each year",
    "year.note": "years follow the plan's year",
    "law.proposal": "made: delete the task or make it one of implementation",
    "law.note": "promulgated on {date}: a task to make it next year is stale (L002)",
}

#: a task pair's status in the diff (the contract's values are the keys)
STATUSES = {
    "unchanged": "unchanged",
    "modified": "modified",
    "moved": "moved",
    "new": "new",
    "dropped": "dropped",
    "merged": "merged",
    "split": "split",
}

#: the labels of one rule's page (``plancheck rule CODE``)
RULE_PAGE = {
    "catalogue": "Rule codes",
    "option": "option",
    "severity": "severity",
    "fix": "fix",
    "bad": "bad",
    "good": "good",
    "none": "none",
}

#: help of the commands and options: written in English in checker/commandline/cli.py.
HELP: dict[str, str] = {}

#: the words of facts rules name by key (``findings.Words``); ``separator`` joins a list
WORDS = {
    "separator": "; ",
    "D001.brackets": "the year goes in hexagonal brackets 〔〕",
    "D001.year_digits": "the year has four digits",
    "D001.di": "no 第 before the serial number",
    "D001.leading_zero": "no leading zero in the serial number",
    "D001.spaces": "no spaces inside the number",
    "D001.fullwidth": "half-width Arabic numerals for the year and the serial",
    "D001.code_typo": "a misspelt last character in the issuer's code",
    "D002.notice": "notice",
    "D002.preamble": "preamble",
    "D002.doc_number_date": "document number",
    "D002.doc_number": "document number",
    "D005.target.full": "full-width",
    "D005.target.half": "half-width",
    "D008.kind.digit": "Arabic numerals",
    "D008.kind.letter": "Latin letters",
    "G003.reorganised": "reorganised",
    "N005.level.1": "section",
    "N005.level.2": "subsection",
    "N005.level.3": "item",
    "N005.level.4": "sub-item",
    "L001.swap": "实施条例 and 实施细则 confused",
    "L001.prefix": "the official title has no 中华人民共和国",
    "L001.typo": "a character or two off",
    "L.kind.法律": "law",
    "L.kind.行政法规": "administrative regulation",
    "L.kind.司法解释": "judicial interpretation",
    "L.kind.部门规章": "departmental rule",
}

#: what each rule checks and why: ``plancheck rule CODE``, SARIF help, the HTML report
EXPLANATIONS = {
    "A001": (
        "Working tags added while drafting or co-signing (such as '(科技成果评价)', '（待核）',\n"
        "'【新增】') are neither task text nor responsibility clause and must go before the plan\n"
        "is issued. A parenthetical right after a word that explains it ('国家(地区)',\n"
        "'(2023—2030年)', '(以下简称《纲要》)') is text and is left alone."
    ),
    "D001": (
        "GB/T 9704-2012 7.2.4: a document number is the issuing body's code, the year and the\n"
        "serial number, in Arabic digits; the year is written in full inside hexagonal brackets\n"
        "'〔〕'; the serial number takes no '第' and no leading zero (1, not 01). The plan's own\n"
        "number is checked wherever it is written, and so is every number it cites\n"
        "('（国发[2019]5号）'), one finding a number; full-width digits ('〔２０１９〕') and a\n"
        "character typed for the 函 that ends a letter's code ('粤办含' for '粤办函') are reported\n"
        "with the rest. Decrees and announcements number a series of their own with '第'\n"
        "('国务院令第708号', '中国人民银行公告〔2019〕第1号') and are left alone."
    ),
    "D002": (
        "The document number's year, the plan named in the notice, the title and the preamble's\n"
        "'明确××年度重点任务' all refer to one plan year; the issue date's year matches the document\n"
        "number's and is written in full ('二〇一二年四月十日', not '一二年四月十日': GB/T 9704-2012\n"
        "7.3.5.1). Other documents and periods cited ('2021—2035年', '2023年度报告') are not checked."
    ),
    "D004": (
        "Title marks 《》, quotes “”‘’, parentheses （）(), hexagonal brackets 〔〕 and square brackets\n"
        "【】 come in pairs closed within the same task or paragraph; a lone half is usually left\n"
        "over from an edit. The finding points at the unpaired mark (usually the opening one).\n"
        "A title inside a title takes single title marks 〈〉 (GB/T 15834-2011 4.15), not the\n"
        "'< >' typed for them or the look-alike '⟨⟩'."
    ),
    "D005": (
        "A document does not mix punctuation widths (',' and '，', '(' and '（'). Where it does,\n"
        "Chinese text takes GB/T 15834's full-width marks: the half-width marks in Chinese text\n"
        "are reported; those of numbers (1,000, 8:30), URLs, Latin text and a document number's\n"
        "year brackets are not. A document in one width throughout is left alone. The option\n"
        "punctuation: full asks for full-width marks throughout, half for half-width ones. Each\n"
        "kind of mark is reported once, however often (at its first place, with how many and on\n"
        "which lines); the fix converts every one to the target width."
    ),
    "D006": (
        "An abbreviation is defined where the full title first appears, '(以下简称《纲要》)', and\n"
        "only the abbreviation is used after that: never before its definition, always once\n"
        "defined, and without repeating the full title. A generic title such as 《规划》 or 《纲要》\n"
        "standing alone without a definition leaves the reader guessing which document it is.\n"
        "A bare 简称 (without 以下) names what a thing is commonly called and asks for no later\n"
        "use; 本《意见》 is the document itself and needs no definition; an annex, read on its own,\n"
        "may write the full title."
    ),
    "L001": (
        "A law, regulation or judicial interpretation is cited by its official title (the national\n"
        "database, rules/laws.yaml). The usual slips: 实施条例 and 实施细则 confused, 中华人民共和国\n"
        "added to a title that has none, a character or two off. The short form without\n"
        "中华人民共和国 (《商标法》) is the drafters' convention and is not reported. A title close to\n"
        "no known one (a draft, a plan, an opinion, a treaty, an abbreviation such as 《纲要》) is not\n"
        "reported, nor a title inside quotation marks. The fix (unsafe) writes the official title,\n"
        "in its short form where the drafter wrote the short form."
    ),
    "L002": (
        "Next year's plan is drafted from this year's. A task to make, issue or draft (制定, 出台,\n"
        "起草, 推动出台…) a law or regulation that was promulgated before the plan's year (the date\n"
        "in rules/laws.yaml) is stale: delete it or make it a task of implementation. A task where\n"
        "the title only qualifies the object (制定《某法》实施细则) is not reported."
    ),
    "L003": (
        "A repealed law is not cited as in force (合同法 and 物权法 after the Civil Code took\n"
        "effect on 2021-01-01). The repeals, each with its source, are in rules/laws-repealed.yaml.\n"
        "A sentence telling a repeal or history (同时废止, 原《物权法》) and quoted text are not reported."
    ),
    "D007": (
        "Two tasks with nearly the same text (character similarity above the option\n"
        "near-duplicate, 0.8 by default) were usually entered twice when drafts were merged, or\n"
        "should be one task. Each pair is reported once, on the later task. Parallel tasks are\n"
        "not repeats: two that differ in a figure (占比达到50% / 30%), one word standing for\n"
        "another at two places or more (客车超员…超员 / 货车超载…超载), one word swapped in\n"
        "tasks of two leads (规模以上工业企业 / 规模以上大数据、云计算企业: each lead's object), or\n"
        "two titles of documents to make."
    ),
    "D008": (
        "GB/T 15835 (出版物上数字用法): Arabic numerals are 'in general upright, of half a\n"
        "character's width' (正体二分字身，即占半个汉字位置): half width; Latin letters in Chinese\n"
        "text likewise (W3C clreq: avoid the full-width ASCII block in stored text). Word files\n"
        "converted from old typesetting carry full-width ４Ｇ, ２０２４年, ＡＩ. Only the full-width\n"
        "0-9, A-Z, a-z are reported: 〇 in 二〇二四年, Chinese numerals, ①② and Roman Ⅰ Ⅱ item\n"
        "marks are other characters; full-width punctuation is D005's, the digits of the plan's\n"
        "own document number and of a cited one out of form D001's. Numerals and letters are reported once each (at the first, with how many\n"
        "and on which lines); the fix makes them all half-width."
    ),
    "G001": (
        "A responsible agency must be in the agency registry (rules/agencies.yaml). A name one or\n"
        "two characters off a known one ('国家知识产权总局') is a misspelling: the nearest name\n"
        "is suggested. A name not built like a body's (a misread note, a mangled name) is\n"
        "reported too. A well-formed name that is merely not registered is no error: G011\n"
        "lists those once per plan. Provincial, city and county bodies ('省财政厅', '团省委',\n"
        "'人民银行济南分行') are recognised through their central counterparts\n"
        "(rules/mirror.yaml) and never taken for a misspelt central body. A name written\n"
        "several times is reported once, where it first appears, with its tasks. A name with a\n"
        "blank inside ('市商 务局') is read whole and is no misspelling: G002 reports the blank."
    ),
    "G002": (
        "One body has a full name, old short names and colloquial ones ('工信部', '发改委', and\n"
        "any name with a word in its colloquial short form, '国家知产局' for '国家知识产权局':\n"
        "rules/agencies.yaml short_words); a plan uses the canonical short name, or searches and\n"
        "tallies of responsibilities count one body as several. The canonical short name has\n"
        "two styles: ministries' documents write '国家发展改革委', '国家药监局', State Council\n"
        "documents (国发, 国办发) write '发展改革委', '药监局'; both are right. A document is\n"
        "judged by the style it keeps (or the option agency-style), and only names of the other\n"
        "style mixed in are reported. A name written with a blank inside it ('市商 务局', common\n"
        "in Word files made from printed documents, where the printed line wrapped) is reported\n"
        "too, the fix closing it up; a PDF's text layer spaces justified lines itself and is not."
    ),
    "G003": (
        "After an institutional reform (2018, 2023 …) the former body's name is no longer used.\n"
        "A plan for a later year names the body that took over its duties. Local bodies were\n"
        "reformed with the central ones: a provincial, city or county body that mirrored a\n"
        "reorganised central body ('省工商局', '市国土资源局') becomes the local counterpart of\n"
        "its successor, usually '省市场监管局', '市自然资源局' (rules/mirror.yaml). Places named\n"
        "their successors in their own ways ('县卫生健康局', '市自然资源和规划局'), so the fix of a\n"
        "local name is one to check (--unsafe-fixes)."
    ),
    "G004": (
        "The same body twice in one responsibility clause (full and short name, or old and new\n"
        "name) is usually left over from merging drafts. The fix deletes the later one with its\n"
        "separator."
    ),
    "G005": (
        "'……等部门负责' or '有关部门负责' does not say who is responsible: the task cannot be\n"
        "followed up or assessed. A clause that names no agency at all is always reported; a\n"
        "named list closed with '等' or '有关部门' is reported only in a document that otherwise\n"
        "names every agency, not where open lists are the document's way (documents of the\n"
        "State Council or a local government and their general offices, or a quarter of the\n"
        "clauses or more). A frame item's clause (保障措施, 组织实施) naming its lead and then\n"
        "'各相关部门' binds every body concerned and is not reported."
    ),
    "G006": (
        "'按职责分工负责' is for a task shared by several agencies; with a single agency write\n"
        "'某部门负责'."
    ),
    "G007": (
        "The lead agency comes first; the other participants follow in protocol order: Party\n"
        "central departments, courts and procuratorates, State Council ministries, the special\n"
        "body directly under it, bodies directly under it, institutions directly under it,\n"
        "national bureaus administered by ministries, military units, people's organisations\n"
        "(see the agency registry), as they stood at the plan's date (a 2014 plan ranks 证监会\n"
        "among the institutions, before the 2023 reform made it a body directly under the State\n"
        "Council). The lead agency is exempt. Documents that order participants\n"
        "by their part in the work, as State Council documents do, are not judged by this: only\n"
        "where the document itself mostly (eight in ten or more) keeps protocol order are the\n"
        "exceptions reported (or the option protocol-order: always / never)."
    ),
    "G008": (
        "Every task ends with '(某部门负责)', naming its lead and participating agencies, so that\n"
        "someone carries it out."
    ),
    "G009": (
        "For tasks shared by several agencies, a closing sentence says who leads: '上述各项任务\n"
        "分工中，由多个部门负责的，列第一位的部门为牵头部门，其他为参与部门。' Without it, or with a\n"
        "clause that marks with '牵头' an agency not listed first where the document states it, the\n"
        "lead is unclear; the missing sentence is reported at the end of the last task, where it\n"
        "goes. The convention may also be stated in the first clause\n"
        "('排在第一位的部门为牵头部门，下同'). Where no statement is written, '牵头' marks the lead\n"
        "wherever it stands.\n"
        "That the first listed leads is the family's standing convention: only a single\n"
        "department's plan (a ministry's or a bureau's, or one with no issuer written), which\n"
        "divides work among bodies it does not direct, must say so. Documents of a government or\n"
        "its general office (国发, 国办发, ×政发, ×府办发…, or addressed to the governments below\n"
        "and all the government's departments: 各区人民政府，市政府各委、办、局), of a body a government sets up to\n"
        "coordinate (领导小组, 安全生产委员会, 指挥部, a joint conference or its office) and of\n"
        "several bodies issuing together need no statement; nor does a '责任单位：' list, which\n"
        "names bodies jointly responsible."
    ),
    "G010": (
        "A plan often restates its tasks in an annexed table for the member units. Table and\n"
        "text come from different drafts: when the text changes a lead or a participant and the\n"
        "table does not, the units work to different assignments. A task of the same number and\n"
        "wording (the table may abridge it) must name the same lead and agencies in both."
    ),
    "G011": (
        "The registry holds the central party and state bodies, people's organisations,\n"
        "financial institutions, central state enterprises and the offices of the State\n"
        "Council's coordinating bodies, and recognises local bodies and governments of every\n"
        "level by their central counterparts and place names. A well-formed name of another\n"
        "body (an industry association, a local company, a body of one place) is no error:\n"
        "each plan lists them once, in one summary (info), to check and register in a local\n"
        "registry (plancheck agencies PLAN --init FILE writes a draft). A name one or two\n"
        "characters off a known one is a misspelling: G001 reports it."
    ),
    "G013": (
        "Most plans of the family end each task with its responsibility clause; some documents\n"
        "(a district's implementation plan or opinion) say who does what in their text, in a\n"
        "section of duties or in a list of each body's duties, and assign nothing item by item.\n"
        "Such a document is not missing a clause in every item: it gets one note (info) saying\n"
        "its numbered items are read as prose and no clause is checked item by item. A plan\n"
        "where most tasks carry a clause and a few do not still gets G008 on those few."
    ),
    "G012": (
        "A responsibility clause says which bodies take which role (lead, responsible, cooperate,\n"
        "take part, guide), with a time limit ('2024年底前完成') or a note ('适用范围：…') at most.\n"
        "Text that is none of these is not read as an agency: it is reported on its own, as a\n"
        "wrong form or one the grammar does not know yet (rules/clause-grammar.yaml)."
    ),
    "N001": (
        "A number used twice makes a reference to a task ('第12项') point to two places, and the\n"
        "division of work and its follow-up go wrong. A duplicate that stands where a number is\n"
        "missing is reported once, with the number it should have. Numbering is judged by the\n"
        "document's own convention: straight through, or restarting in each part."
    ),
    "N002": (
        "A gap in the numbers usually means a task was deleted without renumbering the ones\n"
        "after it, or a task was left out."
    ),
    "N003": (
        "Layout or copying split '50.' into a '5' at the end of one line and '0.' at the start\n"
        "of the next, or folded one task over two lines, so number and text both read wrong.\n"
        "The fix moves the digits back to the start of the next line, or joins the lines."
    ),
    "N004": (
        "Numbers go up from top to bottom. Only the task that breaks the order is reported, not\n"
        "those in order around it. A part that starts again from 1 in a document numbered\n"
        "straight through (or goes on from the previous part in a document that restarts in each\n"
        "part) is reported once, at its first task."
    ),
    "N005": (
        "Section headings '一、二、三、' go up one by one; subsection headings '(一)(二)' either\n"
        "restart under each section or run straight through: the document's own convention is\n"
        "followed and only departures from it are reported (where both are mixed, the minority).\n"
        "The numbering level that carries the tasks is checked by N001–N004."
    ),
    "N006": (
        "Task numbers are written '1.', '2.' (or '1、' throughout). A '11.' mistyped as '11。',\n"
        "'11，' or '11：', or a single task with '、' among '.', is missed when numbers are searched\n"
        "or cited. Such a number is still read as task 11 and never reported as a gap; the fix\n"
        "writes the mark the rest of the document uses. A mark typed again after the number's\n"
        "('7..', a stop typed after Word's automatic number) is reported too; the fix deletes it.\n"
        "Only tasks numbered with Arabic digits are checked: '（一）' and '一、' items carry their\n"
        "own marks."
    ),
    "S001": (
        "The file has a title, paragraphs or responsibility clauses but no numbered task that can\n"
        "be recognised (a line beginning '1.', '（一）', '一、' or '（1）' and ending with a\n"
        "responsibility clause), so no other rule can check it: this is not 'no problems' but a\n"
        "layout not understood. Usually the tasks carry no numbers, or irregular ones ('①',\n"
        "stray characters before the numbers)."
    ),
}

#: ``plancheck diff`` as text
DIFF_TEXT = {
    "head": "{old} ({old_tasks}) → {new} ({new_tasks})",
    "tasks": "{n} {n:task|tasks}",
    "count": "{status} {n}",
    "counts_separator": ", ",
    "added": "    agencies added: {names}",
    "titles": "    titles cited: {removed} → {added}",
    "revised": "    《{title}》 was revised on {date} (both plans ask to revise it): the task may be done; check it (L002)",
    "removed": "    agencies removed: {names}",
    "lead": "    lead: {old} → {new}",
    "role": "    role: {agency} {old} → {new}",
    "renamed": "    renamed: {old} → {new}",
    "renamings": "Renamed (reorganisations and renamings the registry records):",
    "renaming": "  {old} → {new}: tasks {tasks}",
    "by_agency": "By agency:",
    "gained": "gained {tasks}",
    "lost": "lost {tasks}",
    "lead_gained": "now leads {tasks}",
    "lead_lost": "no longer leads {tasks}",
    "parts_separator": "; ",
    "renumbered": "Renumbered only (text unchanged; cite them by the new number):",
    "renumbered_count": " ({n} renumbered only)",
    "range": "–",
    "run_count": " ({n} {n:task|tasks})",
}

#: ``plancheck init``: the commented .plancheck.yaml, its header, and a note on each key
#: (the general keys of ``config.KEYS`` and every option a rule declares)
CONFIG_FILE = {
    "header": (
        "plancheck configuration, written by plancheck init.\n"
        "plancheck looks for the nearest configuration file upward from each checked file; it\n"
        "governs every file below it. --config FILE gives one file for a whole run.\n"
        "Lines starting with '#' are comments. To turn a setting on, delete the '# ' before it.\n"
        "A wrong setting stops the check with 'file:key: message' and the nearest correct key.\n"
        "Every key: docs/config.md (for drafters, in Chinese: docs/zh/config.md)."
    ),
    "general": "Which rules to check, at which severity",
    "options": "Rule options (the values shown are the defaults)",
    "rule": "rule {code}",
    "choices": "one of: {choices}",
    "between": "a number above {low}, at most {high}",
    "select": "Check only these rules: codes or prefixes (N numbering, A annotations, G agencies,\n"
    "D wording, S structure). Everything when not given; plancheck rules lists them.",
    "ignore": "Skip these codes or prefixes. Where select and ignore both match a rule, the longer\n"
    "(more specific) one wins.",
    "severity": "Change a rule's severity: error, warning or info. Each rule's own when not given.",
    "year": "The plan's year. Read from the title, document number or signature date when not given.",
    "per-task-ignores": '"TASK" for every file, "path:TASK" for one file: codes not checked for that task.\n'
    "For text plans; Markdown plans can say <!-- plancheck: disable=CODE --> in the text.",
    "rules": "Your own YAML rules: files or folders, relative to this file.",
    "agencies": "Your office's agency registry files (provincial and local bodies), relative to this\n"
    "file. plancheck agencies PLAN --init FILE writes a first draft of one.",
    "punctuation": "D005 punctuation width: consistent (one width; a mixed document full width, GB/T 15834), full, half.",
    "near-duplicate": "D007: the similarity (0 to 1) above which two tasks are near-duplicates.",
    "agency-style": "G002 agency names: auto (the style the document keeps), council (发展改革委…),\n"
    "ministry (国家发展改革委…).",
    "protocol-order": "G007 protocol order: auto (where the document itself keeps it), always, never.",
}
