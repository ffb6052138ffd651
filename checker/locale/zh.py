"""中文消息（默认）。每条说明：在哪个任务、出了什么问题、应当怎么改。"""

TITLES = {
    "N001": "任务编号重复",
    "N002": "任务编号缺号",
    "N003": "任务编号或正文跨行断开",
    "N004": "任务编号顺序错乱",
    "N005": "标题序号不连续",
    "N006": "任务编号后的标点有误",
    "A001": "游离批注",
    "G001": "未登记的单位名称",
    "G002": "单位名称未用规范简称",
    "G003": "单位已更名或撤销",
    "G004": "同一单位重复列出",
    "G005": "责任分工含糊",
    "G006": "单一部门却写“按职责分工负责”",
    "G007": "参与部门未按规范顺序排列",
    "G008": "任务缺少责任分工",
    "G009": "牵头部门说明缺失或不一致",
    "G010": "附件分工表与正文不一致",
    "G011": "名录外的单位（汇总）",
    "G012": "责任分工中有无法识别的内容",
    "G013": "未逐项写明责任分工",
    "S001": "未识别出任务",
    "D001": "文号不合GB/T 9704格式",
    "D002": "年份前后不一致",
    "D004": "括号或引号不配对或用错",
    "D005": "标点全角半角混用",
    "D006": "简称未定义或使用不当",
    "D007": "任务内容高度重复",
    "D008": "数字或字母用了全角",
    "L001": "法律法规名称有误",
    "L002": "法律法规已经出台",
    "L003": "引用已废止的法律法规",
}

MESSAGES = {
    "N001": "任务编号{number}重复（{first_line_at}已使用）：请重新编号。",
    "N001.expected": "任务编号{number}重复（{first_line_at}已使用），按顺序此处应为{expected}：请改为“{expected_text}”。",
    "N002": "缺少任务编号{missing}（{previous}之后即为{number}）：请补上缺失的任务或将后续任务顺次编号。",
    "N002.start": "任务编号应从1开始，首个任务编号为{number}：请重新编号。",
    "N003": "任务{task}的编号被拆在两{line_unit}：{line_at}末尾的“{digits}”是下一{line_unit}编号的一部分，请合并为“{number}.”并另起一{line_unit}。",
    "N003.text": "任务{task}的正文在{line_at}末断开、续写在下一{line_unit}：请合并为一{line_unit}。",
    "N003.glued": "任务{task}与上一任务写在同一行：请在“{number}.”之前换行。",
    "N004": "任务编号{number}不合顺序（前一任务为{previous}）：请调整编号或位置。",
    "N004.expected": "任务编号{number}不合顺序（前一任务为{previous}），此处应为{expected}：请改为“{expected_text}”。",
    "N004.restart": "任务编号在此处又从{number}开始，而本文件的任务全文连续编号（前一任务为{previous}）：此处应为{expected}，请将本部分顺次改号。",
    "N004.continues": "任务编号{number}接着上一部分编号，而本文件的任务在每一部分从头编号：此处应为{expected}，请将本部分顺次改号。",
    "N005": "{level}标题序号“{numeral}”不连续，此处应为“{expected}”：请改正序号。",
    "N006": "任务{task}的编号写作“{written}”，编号后的标点有误：应为“{expected}”。",
    "N006.inconsistent": "任务{task}的编号写作“{written}”，与本计划其他任务编号后的标点不一致：应为“{expected}”。",
    "N006.doubled": "任务{task}的编号写作“{written}”，编号后的标点重复：应为“{expected}”。",
    "A001": "任务{task}中有游离批注“{tag}”，既非任务正文也非责任分工：请删除。",
    "G001": "任务{task}的责任单位“{agency}”不在单位名录中：请核对名称，或在名录中登记。",
    "G001.suggest": "任务{task}的责任单位“{agency}”不在单位名录中，是否应为“{suggestion}”？请核对名称。",
    "G001.many": "任务{task}的责任单位“{agency}”不在单位名录中（共{count}处，见任务{tasks}）：请核对名称，或在名录中登记。",
    "G001.suggest.many": "任务{task}的责任单位“{agency}”不在单位名录中（共{count}处，见任务{tasks}），是否应为“{suggestion}”？请核对名称。",
    "G001.local.many": "任务{task}的责任单位“{agency}”带有地方层级或地名，不是中央单位的误写，但不在任何单位名录中（共{count}处，见任务{tasks}）：请在本地名录中登记（配置文件中写 agencies: [名录文件]；可用 plancheck agencies 计划文件 --init 名录文件 生成草稿）。",
    "G001.local": "任务{task}的责任单位“{agency}”带有地方层级或地名，不是中央单位的误写，但不在任何单位名录中：请在本地名录中登记（配置文件中写 agencies: [名录文件]；可用 plancheck agencies 计划文件 --init 名录文件 生成草稿）。",
    "G002": "任务{task}中“{agency}”不是规范简称：请写作“{canonical}”。",
    "G002.blank": "任务{task}中“{agency}”的名称中间有空格：请写作“{canonical}”。",
    "G002.style": "任务{task}中“{agency}”与本文件其他单位名称的写法不一致（本文件用{style_name}）：请写作“{canonical}”。",
    "G003": "任务{task}中的“{agency}”已于{date}{event}，{plan_year}年的计划应写作“{successor}”。",
    "G003.abolished": "任务{task}中的“{agency}”已于{date}撤销：请改为现承担其职责的单位。",
    "G003.local": "任务{task}中的“{agency}”已于{date}{event}：{plan_year}年的计划应写本级承接其职责的单位（通常为“{successor}”，以本地机构名称为准）。",
    "G003.undated": "任务{task}中的“{agency}”已于{date}{event}，应写作“{successor}”（计划未写明年份，按现行名称核对）。",
    "G003.local-undated": "任务{task}中的“{agency}”已于{date}{event}：应写本级承接其职责的单位（通常为“{successor}”，以本地机构名称为准；计划未写明年份，按现行名称核对）。",
    "G004.same": "任务{task}的责任分工中“{agency}”列了两次：请删去重复的一处。",
    "G004": "任务{task}的责任分工中“{agency}”重复出现（与“{first}”为同一单位）：请删去重复的一处。",
    "G005": "任务{task}的责任分工含糊（“{phrase}”）：请列明全部负责部门。",
    "G006": "任务{task}只有一个负责部门“{agency}”，却写“按职责分工负责”：请改为“{agency}负责”。",
    "G007": "任务{task}的参与部门未按规范顺序排列（“{agency}”位置不对）：应为“{expected}”。",
    "G008": "任务{task}缺少责任分工：请在任务末尾写明负责部门，如“（某部门负责）”。",
    "G008.nolead": "任务{task}没有牵头单位：请在牵头单位一栏填写牵头部门。",
    "G008.row": "任务{task}的“{column}”一栏为空：请在该栏填写负责部门。",
    "G008.noword": "任务{task}末尾的“{text}”未写明“负责”：请写作“({text}负责)”或“({text}按职责分工负责)”。",
    "G009": "有{count}项任务由多个部门负责，但文末没有牵头部门的说明：请在最后一项任务（任务{task}）之后补充“上述各项任务分工中，由多个部门负责的，列第一位的部门为牵头部门，其他为参与部门。”",
    "G010": "附件分工表中任务{task}的分工与正文不一致：请核对后统一。",
    "G010.lead": "附件分工表中任务{task}的牵头单位“{agency}”与正文（“{expected}”）不一致：请核对后统一。",
    "G010.missing": "附件分工表中任务{task}缺少正文所列的“{missing}”：请核对后统一。",
    "G010.extra": "附件分工表中任务{task}多出正文没有的“{extra}”：请核对后统一。",
    "G010.both": "附件分工表中任务{task}的责任单位与正文不一致（缺“{missing}”，多“{extra}”）：请核对后统一。",
    "G011": "本计划有1个单位不在单位名录中：{names}。名称合乎单位名称的写法，不是错字，可能是其他领域或地方的单位：如需核对其顺序和更名，请在本地名录中登记（plancheck agencies 计划文件 --init 名录文件 生成草稿，配置文件中写 agencies: [名录文件]）。",
    "G011.many": "本计划有{count}个单位不在单位名录中：{names}。这些名称合乎单位名称的写法，不是错字，可能是其他领域或地方的单位：如需核对其顺序和更名，请在本地名录中登记（plancheck agencies 计划文件 --init 名录文件 生成草稿，配置文件中写 agencies: [名录文件]）。",
    "G012": "任务{task}的责任分工中“{text}”既不是单位名称，也不是角色、时限或说明：请改写，或确认其写法。",
    "G013": "本文件未逐项写明责任分工：{count}项编号事项都没有责任分工（如“（某部门负责）”），职责写在正文或职责分工部分，因此这些事项按正文阅读，未逐项检查责任分工。如需逐项分工，请在每项末尾写明负责部门。",
    "G013.some": "本文件只有少数事项写明了责任分工，另有{count}项编号事项没有（如“（某部门负责）”），已按正文阅读，未逐项检查责任分工。如这些事项也应分工，请在每项末尾写明负责部门。",
    "G013.outline": "本文件没有写明责任分工的编号任务（如“（某部门负责）”），职责写在正文中，因此按正文阅读，未逐项检查责任分工。",
    "S001": "未能识别出任何编号任务（有{headings}个标题），无法检查：请确认任务以“1.”“（一）”或“一、”编号并以责任分工结尾。",
    "S001.clauses": "未能识别出任何编号任务（有{headings}个标题、{clauses}处责任分工），无法检查：请确认每项任务以“1.”“（一）”或“一、”编号开头并以责任分工结尾。",
    "G009.inconsistent": "任务{task}以“牵头”标明“{agency}”为牵头部门，但它不在第一位，与文末“列第一位的部门为牵头部门”不一致：请将其移到第一位。",
    "D001": "文号“{number}”不合GB/T 9704格式（{problem}）：应写作“{expected}”。",
    "D001.task": "任务{task}中的文号“{number}”不合GB/T 9704格式（{problem}）：应写作“{expected}”。",
    "D002": "{where}中的年份{found}与计划年度{year}年不一致：请核对。",
    "D002.short": "成文日期的年份“{found}年”未写全称（GB/T 9704—2012 7.3.5.1）：应写“{expected}年”。",
    "D004": "“{mark}”没有与之配对的“{other}”：请补全或删除。",
    "D004.inner_title": "书名号内的书名“{found}”用了尖括号，应用单书名号（GB/T 15834）：请改为“{expected}”。",
    "D005": "此处的“{found}”是半角，与本文件的全角标点混用（GB/T 15834：中文用全角）：请改为“{expected}”。",
    "D005.many": "中文正文中的“{found}”用了半角，共{count}处（{lines_at}），与本文件的全角标点混用（GB/T 15834：中文用全角）：请统一改为“{expected}”。",
    "D005.width": "按配置应统一使用{target}标点：请将“{found}”改为“{expected}”。",
    "D005.width_many": "按配置应统一使用{target}标点：“{found}”共{count}处（{lines_at}），请统一改为“{expected}”。",
    "D006": "简称{abbr}在定义（{def_line_at}）之前使用：请先写全称并注明“以下简称{abbr}”。",
    "D006.undefined": "简称{abbr}未经定义即使用：请在首次出现处写全称并注明“以下简称{abbr}”。",
    "D006.unused": "定义了简称{abbr}但此后未再使用：请删去“以下简称{abbr}”。",
    "D006.full": "已定义简称{abbr}，此处又写全称{full}：请改用简称。",
    "D007": "任务{task}与任务{other}高度相似（相似度{similarity}）：请合并或写明区别。",
    "D008": "此处的{kind}“{found}”是全角（GB/T 15835：阿拉伯数字占半个汉字位置，中文里的外文字母同样用半角）：请改为“{expected}”。",
    "D008.many": "中文正文中的{kind}用了全角：“{found}”，共{count}处（{lines_at}）（GB/T 15835：阿拉伯数字占半个汉字位置，中文里的外文字母同样用半角）：请统一改为半角“{expected}”。",
    "L001": "《{title}》不是现行{kind}的名称（{reason}）：应为《{official}》，请核对后改正。",
    "L001.short": "《{title}》不是现行{kind}的名称（{reason}）：应为《{suggestion}》（正式名称为《{official}》），请核对后改正。",
    "L002": "《{title}》（{kind}）已于{date}公布，不应再作为待制定、待出台的任务：请删去，或改为贯彻实施、配套制度建设等任务。",
    "L003": "《{title}》已于{date}由《{by}》废止：请改为引用现行的法律法规。",
}

UI = {
    "list_separator": "、",
    "date.day": "{year}年{month}月{day}日",
    "date.month": "{year}年{month}月",
    "date.year": "{year}年",
    "init_none": "{plan}中的单位名称都已在名录中，没有需要补充的，未写入{path}。",
    "init.entry": "{count}次；任务{tasks}",
    "init.header": (
        "{plan} 的本地单位名录草稿：计划中用到、但任何名录都没有的单位名称。\n"
        "由 plancheck agencies 计划文件 --init 名录文件 生成。请逐条核对一次，然后在配置文件\n"
        "(.plancheck.yaml) 中写 agencies: [本文件]（路径相对于配置文件）。\n"
        "\n"
        "格式与 plancheck 的 rules/agencies.yaml 相同：\n"
        "  name      计划中使用的规范简称\n"
        "  full      全称（可选）\n"
        "  aliases   起草中见到的其他写法；G002 会要求改为 name\n"
        "  category  类别，按礼宾顺序：{categories}\n"
        "  rank      类别内的排序。对应中央单位的本地单位沿用中央单位的序号（省教育厅 = 教育部的 4），\n"
        "            请在同一尺度上排序（如 19.5 排在农业农村部的 19 之后）；不写 rank 则不检查顺序（G007）\n"
        "  mirrors   对应的中央单位：沿用其类别和序号（如 省经济和信息化厅 mirrors 工业和信息化部）\n"
        "  ended / successor   撤销或更名的年份和承接单位\n"
        "  source    名称的依据（机构改革方案、“三定”规定等）\n"
        "下列 category 是按名称猜测的，请逐条核对。每行注释为出现次数和所在任务。"
    ),
    "init_written": "已写入{path}：{count}个任何名录都没有的单位名称。请逐条核对后，在配置文件中写 agencies: [{path}]。",
    "cache_cleaned": "已从{folder}删除{count}个缓存文件（{size} KB）。",
    "cache_empty": "{folder}中没有plancheck的缓存文件，无需删除。",
    "config_written": "已写入{path}。其中每项设置都已注释掉并附有说明：删去行首的“# ”即可启用。",
    "style.council": "国务院文件的简称写法，如“发展改革委”“药监局”",
    "style.ministry": "部门文件的规范简称写法，如“国家发展改革委”“国家药监局”",
    "place_table": "表{table}第{row}行“{header}”列",
    "place_paragraph": "第{paragraph}段",
    "place_row": "表{table}第{row}行",
    "place_line": "第{line}行",
    "places_more": "{first}等{count}{unit}",
    "unit.line": "行",
    "unit.paragraph": "段",
    "place_page": "第{page}页第{line}行",
    "place_file_line": "原文第{line}行",
    "review_written": "审阅稿：{path}（{comments}条批注，{changes}处修订）",
    "in_task": "任务{task}：",
    "summary": "发现{count}个问题（{fixable}个可用 --fix 自动修复）。",
    "summary.more": "发现{count}个问题（{fixable}个可用 --fix 自动修复，另有{more}个加 --unsafe-fixes 可修复）。",
    "summary.plain": "发现{count}个问题。",
    "summary.unsafe": "发现{count}个问题（{more}个加 --unsafe-fixes 可修复）。",
    "summary_none": "未发现问题。",
    "not_rewritten_hint": "其中{count}个在PDF、网页或重排过段落的文本中有修复：--fix 不改写这些文件，请在原文件中修改，或用 plancheck review 文件名 生成Word审阅稿。",
    "review_hint": "其中{count}个在Word文件中有修复：--fix 不改写Word文件，请用 plancheck review 文件名 生成审阅稿（问题为批注，修复为修订，可逐条接受或拒绝）。",
    "summary_none_shown": "没有需要列出的问题。",
    "hidden.baseline_hidden": "另有{count}个问题已记入基线（--baseline），未列出。",
    "hidden.suppressed": "另有{count}个问题被抑制指令（disable 注释或 per-task-ignores）隐藏，未列出。",
    "files": "文件：{parts}。",
    "files.checked": "检查{count}个",
    "files.with_findings": "（{count}个有问题）",
    "files.unreadable": "{count}个无法检查",
    "files.skipped": "跳过{count}个非计划文件",
    "sep": "，",
    "fixed": "共修复{count}个问题。",
    "fixed_file": "{path}：已修复{count}个问题，已写入文件。",
    "files.fix_errors": "{count}个未能写回修复",
    "plan_date": "计划日期：{date}（依据：{source}；据此判断单位是否已更名）",
    "plan_date.month": "{year}年{month}月",
    "plan_date.year": "{year}年",
    "plan_date.sep": "、",
    "plan_date.number": "文号",
    "plan_date.date-line": "落款日期",
    "plan_date.title": "标题",
    "plan_date.deadline": "正文中的完成时限",
    "plan_date.text": "正文中的日期",
    "plan_date.cited": "正文引用的文号",
    "plan_date.written-date": "网页所载成文日期",
    "plan_date.publication-date": "网页所载发布日期（无成文日期）",
    "skipped": "跳过：{reason}",
    "read_as": "读法：{how}",
    "reading.joined": "各段连成一行，已在条目编号处重新分段",
    "reading.wrapped": "按固定宽度折行，已把续行接回段落",
    "reading.pdf": "PDF文字层，已按版面把行接成段落，去掉页眉、页码和页脚",
    "reading.html": "网页，只取正文，去掉导航、面包屑、分享按钮、脚本和页脚",
    "reading.pages": "由PDF等固定版面转成的Word文件，已把在页末（及页内行末）断开的段落接回，去掉其间的页码和页眉",
    "folder_made": "已新建文件夹{folder}，用来存放{path}。",
    "baseline_written": "已将{count}个问题记入基线文件{path}。",
    "statistics.fixable": "[*]",
    "unused_suppression": "未使用的抑制指令：{what}",
    "severity.error": "错误",
    "severity.warning": "警告",
    "severity.info": "提示",
    "rule.fix.safe": "安全（--fix）",
    "rule.fix.unsafe": "需核对（--fix --unsafe-fixes）",
    "rule.line": "{label}：{value}",
    #: a line about a file or a key: ``file：…`` (a full-width colon after the place, as in
    #: every Chinese message; ``file:line:col`` and ``file:key`` keep ASCII, as editors read them)
    "at": "{where}：{text}",
    "rule.label": "{label}：",
    "agencies.agency": "单位",
    "agencies.leads": "牵头",
    "agencies.joins": "参与",
    "agencies.tasks": "任务",
    "agencies.role.lead": "牵头",
    "agencies.role.participant": "参与",
    "agencies.role.joint_lead": "共同牵头",
    "agencies.role.responsible": "负责",
    "agencies.role.cooperate": "配合",
    "agencies.role.guide": "指导",
    "agencies.role.separate": "分别负责",
    "catalogue.fix": " [修复：{fix}]",
    "fix.safe": "安全",
    "fix.unsafe": "需核对",
    "level.1": "一级",
    "level.2": "二级",
}

#: English error texts (as written in the code, fields in braces) → Chinese. A field's value
#: is looked up here too, so an operating-system reason inside a message is translated.
ERRORS = {
    # input files
    "no such file": "文件不存在",
    "is a directory": "是目录",
    "permission denied": "没有读取权限",
    "empty file": "空文件",
    "file has only whitespace": "文件只有空白",
    "file has only a byte-order mark": "文件只有字节顺序标记（BOM）",
    "binary file (contains NUL bytes)": "二进制文件（含NUL字节）",
    "binary file (control characters)": "二进制文件（含控制字符）",
    "UTF-16 text without a byte-order mark: save it as UTF-8": "是没有字节顺序标记（BOM）的UTF-16文本：请另存为UTF-8",
    "cannot decode: neither UTF-8 nor GB18030": "无法解码：既不是UTF-8也不是GB18030",
    "invalid UTF-8 after a BOM at byte {offset}": "有UTF-8字节顺序标记（BOM），但第{offset}字节起不是有效的UTF-8",
    "cannot decode as {encoding}": "无法按{encoding}解码",
    "file too large ({size} MB; the limit is 20 MB)": "文件过大（{size} MB，上限为20 MB）",
    "not a regular file": "不是普通文件",
    "not a plan: no numbered tasks or headings found": "不是计划文件：未找到编号任务或标题",
    "not a plan: titled as a companion document ({title})": "不是计划文件：标题表明是附属文件（{title}）",
    "a plan, but no numbered tasks or headings recognised: number tasks '1.' under '一、' headings": "是计划文件，但未能识别出编号任务或标题：请在“一、”等标题下用“1.”为任务编号",
    "not a plan: no plan title, document number, responsibility clause or 一、/1. outline": "不是计划文件：没有计划标题、文号、责任分工或“一、/1.”层次",
    "no plan files (*.txt, *.md, *.docx, *.pdf, *.html) in folder": "目录中没有计划文件（*.txt、*.md、*.docx、*.pdf、*.html）",
    "no plans in folder: {count:its one file is not a plan|none of its {count} files is a plan} (-v says why)": "目录中没有计划：其中{count}个文件读过后都不是计划文件（加 -v 查看原因）",
    "file is read-only; not fixed": "文件只读，未修复",
    "cannot write beside the file ({reason})": "无法在文件所在目录写入（{reason}）",
    "an older Word or WPS file (.doc, .wps), not .docx: open it in Word or WPS and save it as .docx": "是旧版Word或WPS文件（.doc、.wps），不是.docx：请在Word或WPS中打开，另存为.docx",
    "cannot write the file ({reason}); not fixed": "无法写入文件（{reason}），未修复",
    "python-docx is not installed": "未安装python-docx",
    "not a Word document (.docx)": "不是Word文档（.docx）",
    "not a readable Word document (.docx)": "Word文档（.docx）无法读取",
    "--fix does not rewrite .docx files (Word keeps formatting plancheck cannot see): plancheck review writes a copy with the fixes as tracked changes": "--fix 不改写 .docx 文件（其中有 plancheck 看不到的格式）：请用 plancheck review 生成审阅稿，修复作为修订供接受或拒绝",
    "PDF without a text layer (a scan?): run OCR on it first (e.g. ocrmypdf -l chi_sim) and check the text it gives": "PDF没有文字层（扫描件？）：请先做OCR文字识别（如 ocrmypdf -l chi_sim），核对识别出的文字后再检查",
    "not a readable PDF": "PDF文件无法读取",
    "PDF is encrypted: save an unprotected copy": "PDF已加密：请另存一份未加密的副本",
    "a password-protected (encrypted) Word file: remove the password in Word or WPS (File, Info, Protect Document, Encrypt with Password) and save it": "是设有密码的（已加密的）Word文件：请在Word或WPS中取消密码（文件 › 信息 › 保护文档 › 用密码进行加密，清空密码）后保存",
    "not a readable web page": "网页无法读取",
    "web page without an article (no paragraphs of text found)": "网页中没有正文（未找到文字段落）",
    "not read: an old Word .doc file; save it as .docx": "未读取：旧版Word .doc文件，请另存为.docx",
    "not read: a WPS .wps file; save it as .docx": "未读取：WPS .wps文件，请另存为.docx",
    "not read: an RTF file; save it as .docx": "未读取：RTF文件，请另存为.docx",
    "not read: an OFD file; export it as PDF": "未读取：OFD文件，请导出为PDF",
    "not read: Word's lock file of an open document (~$…)": "未读取：Word为打开的文档建的锁定文件（~$…）",
    "--fix does not rewrite PDF files: fix the document the PDF was made from": "--fix 不改写PDF文件：请修改生成该PDF的原文件",
    "--fix does not rewrite web pages: fix the document the page was made from": "--fix 不改写网页：请修改生成该网页的原文件",
    "--fix does not rewrite a text whose paragraphs were rebuilt (joined or wrapped lines): fix it by hand or put one paragraph a line": "--fix 不改写重建了段落的文本（各段连成一行或按固定宽度折行）：请手工修改，或改为每段一行",
    # operating-system reasons
    "Permission denied": "没有权限",
    "Is a directory": "是目录",
    "Not a directory": "路径中有一段不是目录",
    "No such file or directory": "路径不存在",
    "Read-only file system": "只读文件系统",
    "No space left on device": "磁盘已满",
    # command line
    "--write-baseline needs --baseline FILE": "--write-baseline 需要同时给出 --baseline FILE",
    "unknown rule code '{code}' (see: plancheck rules)": "未知的规则代码“{code}”（见 plancheck rules）",
    "{path}: no such baseline file (record one with --write-baseline)": "{path}：基线文件不存在（可用 --write-baseline 生成）",
    "standard output: cannot write the output ({reason})": "无法写入标准输出（{reason}）",
    "standard error: cannot write the output ({reason})": "无法写入标准错误输出（{reason}）",
    "{path}: cannot write the output ({reason})": "{path}：无法写入输出（{reason}）",
    "{path}: the review copy would overwrite the draft; choose another -o": "{path}：审阅稿会覆盖原稿，请用 -o 另指文件",
    "{path}: a review copy already exists; use --force to replace it": "{path}：审阅稿已存在（可能已在其中修改过）；确要替换，请加 --force",
    "{path}: the folder {folder} does not exist: check the path, or make the folder {parent} first": "{path}：文件夹{folder}不存在：请核对路径，或先建立文件夹{parent}",
    "{path}: the output would overwrite the input {input}; choose another file": "{path}：输出会覆盖输入文件{input}，请另选输出文件",
    "--fix and --diff with standard input: use one of them": "读标准输入时 --fix 与 --diff 只能用一个",
    "aborted": "已中止",
    # an operating-system reason the table does not word (Input/output error…)
    "{reason}": "{reason}",
    "internal error: {detail}": "内部错误：{detail}",
    # configuration and rule files
    "{where}: unknown key": "{where}：未知的配置项",
    "{where}: unknown key (did you mean '{near}'?)": "{where}：未知的配置项（是否应为“{near}”？）",
    "{where}: '{code}' is not a rule code or prefix": "{where}：“{code}”不是规则代码或前缀",
    "{where}: unknown rule code '{code}'": "{where}：未知的规则代码“{code}”",
    "{where}: unknown rule code '{code}' (did you mean '{near}'?)": "{where}：未知的规则代码“{code}”（是否应为“{near}”？）",
    "{where}: expected {kind}, got {other}": "{where}：应为{kind}，实为{other}",
    "{where}: expected one of {choices}": "{where}：应为以下之一：{choices}",
    "{where}: expected a similarity between 0 and 1": "{where}：相似度应在0与1之间",
    "{where}: expected a number above {low}, at most {high}": "{where}：应为大于{low}、不超过{high}的数",
    "{where}: no [tool.plancheck] section": "{where}：没有[tool.plancheck]一节",
    "{where}: cannot read config ({reason})": "{where}：无法读取配置文件（{reason}）",
    "{where}: config is not UTF-8": "{where}：配置文件不是UTF-8编码",
    "{where}: not UTF-8 text": "{where}：不是UTF-8编码的文本",
    "{where}: invalid TOML ({reason})": "{where}：TOML格式有误（{reason}）",
    "{where}: invalid TOML": "{where}：TOML格式有误",
    # what a YAML parser's problem means (knowledge.data._YAML_REASONS)
    "a tab: indent with spaces": "有制表符（Tab）：请用空格缩进",
    "a colon inside a value: put the value in quotes": "值中有冒号：请给该值加引号",
    "a [ list not closed with ]": "“[”开始的列表没有用“]”结束",
    "a mapping opened with a brace and not closed": "以左花括号开始的映射没有闭合",
    "a quotation mark not closed": "引号没有闭合",
    "a value starting with a character YAML reserves (@ ` % |): put it in quotes": "值以YAML保留的字符（@ ` % |）开头：请给该值加引号",
    "a YAML tag (!!…): write plain values only": "使用了YAML标签（!!…）：只能写普通的值",
    "an alias (*name) with no anchor (&name)": "别名（*名称）没有对应的锚点（&名称）",
    "an unknown escape (\\) in double quotes: use single quotes": "双引号中有无法识别的转义（\\）：请改用单引号",
    "the indentation does not line up": "缩进没有对齐",
    "the file ends inside a value (a bracket or quotation mark not closed)": "文件在一个值的中间结束（括号或引号没有闭合）",
    "not valid YAML here": "此处不是有效的YAML",
    "{where}: invalid YAML ({reason})": "{where}：YAML格式有误（{reason}）",
    "{where}: missing": "{where}：缺少此项",
    "{where}: '{code}' is not a letter and three digits": "{where}：“{code}”不是一个字母加三位数字",
    "{where}: use lower-case words joined by '-'": "{where}：请用“-”连接的小写英文单词",
    "{where}: '{value}' is not of the form {pattern}": "{where}：“{value}”不符合格式 {pattern}",
    "{where}: expected 'GROUP != plan.year' with a named group": "{where}：应为“分组名 != plan.year”，并有同名的命名分组",
    "{where}: {problem} (a field is {{name}}; {{{{ and }}}} write a brace)": (
        "{where}：{problem}（字段只能写作{{名称}}；花括号本身请写{{{{或}}}}）"
    ),
    "{where}: {{{field}}} is neither a named group of the pattern nor plan_year": (
        "{where}：{{{field}}}既不是模式中的命名分组，也不是plan_year"
    ),
    "{where}: {{{field}}} is not a fact the rule gives ({facts})": (
        "{where}：{{{field}}}不是这条规则给出的事实（可用：{facts}）"
    ),
    "{where}: no such rule file": "{where}：规则文件不存在",
    "{where}: {code} is already a rule": "{where}：{code}已是现有规则",
    "{where}: expected a list of findings": "{where}：应为问题列表",
    "{where}: an agency needs a name": "{where}：单位缺少名称",
    "{where}: expected a name or a list of names": "{where}：应为名称或名称列表",
    "{where}: unknown brand_of '{name}'": "{where}：未知的品牌所属单位“{name}”",
    "{where}: malformed data ({reason})": "{where}：数据格式有误（{reason}）",
    "{where}: unknown category '{category}'": "{where}：未知的单位类别“{category}”",
    "{where}: unknown role '{role}'": "{where}：未知的列角色“{role}”",
    "{where}: '{name}' is listed twice": "{where}：“{name}”重复列出",
    "{where}: unknown successor '{name}'": "{where}：未知的继任单位“{name}”",
    "{where}: '{name}' is already registered": "{where}：“{name}”已登记",
    "{where}: '{written}' already names '{other}'": "{where}：“{written}”已是“{other}”的名称",
    "{where}: expected a mapping with the key 'agencies'": "{where}：应为含agencies键的映射",
    "{where}: unknown key (a registry file has 'agencies')": "{where}：未知的键（名录文件只有agencies一项）",
    "{where}: expected a list": "{where}：应为列表",
    "{where}: expected text": "{where}：应为文本",
    "{where}: expected a list of names": "{where}：应为名称列表",
    "{where}: expected a number": "{where}：应为数字",
    "{where}: expected a year (2018) or a year and month (2018-03)": "{where}：应为年份（2018）或年月（2018-03）",
    "{where}: unknown central body '{name}'": "{where}：未知的中央单位“{name}”",
    "{where}: '{name}' has no successor": "{where}：“{name}”没有继任单位",
    "{where}: '{name}' has no province counterpart": "{where}：“{name}”没有对应的省级单位",
    "{where}: '{name}' has no city counterpart": "{where}：“{name}”没有对应的市县级单位",
    "{where}: {rank} is also the rank of '{name}' in category {category}": "{where}：{rank}也是{category}类中“{name}”的位次",
    "{where}: no such registry file '{name}'": "{where}：名录文件“{name}”不存在",
    "{where}: a branch needs central and names": "{where}：分支须有central和names",
    "{where}: '{template}' has no {{P}} for the place": "{where}：“{template}”中没有表示地名的{{P}}",
    "{where}: a mirrored body needs its central body": "{where}：对应单位须写明其中央单位",
    "{where}: '{ending}' already mirrors {other} ({style})": "{where}：“{ending}”已对应{other}（{style}）",
    "{where}: invalid regular expression ({reason})": "{where}：正则表达式有误（{reason}）",
    "{where}: cannot read ({reason})": "{where}：无法读取（{reason}）",
    # the kinds a data file's shape names (checker/knowledge/schema.py), carried into the templates above
    "a whole number": "整数",
    "text": "文本",
    "a list": "列表",
    "a mapping": "映射",
    "a non-empty list": "非空列表",
    "a non-empty mapping": "非空映射",
    "{one} or {other}": "{one}或{other}",
    "a regular expression": "正则表达式",
    "a date YYYY-MM-DD": "YYYY-MM-DD格式的日期",
    "dates YYYY-MM-DD as text": "以空格分隔的YYYY-MM-DD日期（文本）",
    "true or false": "true或false",
    "nothing": "空值",
    "{where}: cannot read baseline ({reason})": "{where}：无法读取基线文件（{reason}）",
    "{where}: invalid baseline ({reason})": "{where}：基线文件有误（{reason}）",
    "{where}: already exists; --init never overwrites a file": "{where}：文件已存在；--init 不覆盖已有文件",
    "{where}: already exists; init never overwrites a file": "{where}：文件已存在；plancheck init 不覆盖已有文件（要重新生成，请先将它改名或删除）",
    "{where}: already holds [tool.plancheck]; init writes nothing": "{where}：其中已有 [tool.plancheck] 配置；plancheck init 未写入任何文件",
    "{where}: no such folder": "{where}：没有这个文件夹",
    "{where}: unknown role {role}": "{where}：未知的角色{role}",
    "{where}: cannot write ({reason})": "{where}：无法写入（{reason}）",
    "{where}: invalid YAML": "{where}：YAML格式有误",
    # names of value types in config messages
    "int": "整数",
    "float": "小数",
    "int or float": "数字",
    "str": "字符串",
    "list": "列表",
    "dict": "映射",
    "bool": "是非值",
    "NoneType": "空值",
}

#: click's own messages (its gettext msgids) for usage errors and help pages
CLICK = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    # a missing argument or option, as cli.click_message words it (click's own sentence
    # ends in an ASCII full stop no catalogue entry reaches)
    "{missing} {param_hint}.": "{missing}{param_hint}。",
    "Missing command.": "缺少命令。",
    "No such option {name!r}.": "没有{name!r}这个选项。",
    "No such command {name!r}.": "没有{name!r}这个命令。",
    "(Possible options: {possibilities})": "（可能的选项：{possibilities}）",
    "Option {name!r} does not take a value.": "选项{name!r}不带值。",
    "Invalid value for {param_hint}: {message}": "{param_hint}的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "{value!r} is not a valid {number_type}.": "{value!r}不是有效的{number_type}。",
    "{name} {filename!r} does not exist.": "{name}{filename!r}不存在。",
    "{name} {filename!r} is a directory.": "{name}{filename!r}是目录。",
    "{name} {filename!r} is not readable.": "{name}{filename!r}不可读。",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "用“{command} {option}”查看帮助。",
    "default: {default}": "默认：{default}",
    "file": "文件",
    "path": "路径",
    "directory": "目录",
    "Aborted!": "已中止！",
    # the heading of a help section ("Options:"), with the language's colon
    "{heading}:": "{heading}：",
}

#: click's messages with a singular and a plural (its ``ngettext`` calls): (one, many) →
#: (one, many); the catalogue's plural rule is English's, so each keeps its own wording
CLICK_PLURALS = {
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "是否应为{possibility}？",
        "（是否应为其中之一：{possibilities}？）",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "选项{name!r}需要一个值。",
        "选项{name!r}需要{nargs}个值。",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "{value!r}不是{choice}。",
        "{value!r}不是{choices}之一。",
    ),
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "多余的参数（{args}）",
        "多余的参数（{args}）",
    ),
}

HTML = {
    "due": "完成时限",
    "toc": "目录",
    "summary": "概要",
    "plan": "计划正文",
    "agencies": "单位分工",
    "next_year": "明年需更新",
    "carry_over": "与上年对比",
    "rules": "规则说明",
    "tasks": "项任务",
    "sections": "个部分",
    "errors": "个错误",
    "error": "无法检查",
    "colon": "：",
    "open": "（",
    "close": "）",
    "warnings": "个警告",
    "agency_count": "个单位",
    "year_items": "处与年份相关",
    "no_findings": "未发现问题。",
    "legend": "责任分工中",
    "role.lead": "牵头单位",
    "role.responsible": "责任单位",
    "role.separate": "分别负责的单位",
    "role.participant": "参与单位",
    "role.cooperate": "配合单位",
    "role.guide": "指导单位",
    "changed_only": "有变化的",
    "renumbered_only": "只改了编号",
    "renumbered_note": "内容未变，引用时请用新编号",
    "similarity": "相似度",
    "role_changed": "角色",
    "table_level": "附件分工表中的问题",
    "document_level": "文件层面的问题",
    "filter_rule": "按规则筛选",
    "filter_agency": "按单位筛选",
    "all": "全部",
    "agency_note": "按规范顺序排列；牵头指列第一位或标明“牵头”的单位。",
    "order": "序",
    "agency": "单位",
    "leads": "牵头",
    "joins": "参与",
    "lead_tasks": "牵头任务",
    "join_tasks": "参与任务",
    "unknown": "名录中无此单位",
    "next_year_note": "本计划中与年份绑定的内容，起草下一年度计划时逐项核改（建议仅供参考）。",
    "where": "位置",
    "kind": "类别",
    "text": "原文",
    "proposal": "建议",
    "note": "说明",
    "task": "任务",
    "line": "行",
    "nothing": "无。",
    "task_unit": "项",
    "status": "变化",
    "previous_tasks": "上年任务",
    "this_tasks": "本年任务",
    "changes": "变化内容",
    "added": "增加单位",
    "removed": "减少单位",
    "lead": "牵头单位",
    "fix": "建议修改",
    "fix_safe": "（--fix 可自动修改）",
    "fix_unsafe": "（请核对；--fix --unsafe-fixes 可自动修改）",
    "at": "第{line}行第{column}字",
    "bad": "错误示例",
    "good": "正确示例",
    "chart": "各规则问题数",
    "generated": "生成：",
    "year_suffix": "年度",
    "findings": "检查结果",
    "rule": "规则",
    "message": "说明",
    "diff_title": "年度计划对比",
    "pairs": "逐项对比",
    "by_agency": "各单位变化",
    "gained": "新增任务",
    "lost": "减少任务",
    "lead_gained": "新任牵头",
    "lead_lost": "不再牵头",
    "renamed": "单位更名",
    "renamed_note": "名录记载的改组或更名：同一单位，不计为减少和增加。",
    "titles_cited": "引用书名",
    "revised_between": "已于{date}修订，修改任务可能已经完成（L002）",
    "old_name": "原名称",
    "new_name": "现名称",
}

KINDS = {
    "campaign": "专项行动",
    "year": "年份",
    "period": "规划期",
    "deadline": "时限",
    "ordinal": "届次批次",
    "document": "文号",
    "law": "法律法规",
}

#: the report's "for next year" list: advice where no replacement can be proposed, and a note
NEXT_YEAR = {
    "campaign.note": "专项行动名称年份逐年更新",
    "period.proposal": "核实是否出台新一期规划",
    "period.note": "规划期至{end}年结束",
    "deadline.proposal": "核实是否完成，完成的删除，未完成的调整时限",
    "deadline.note": "时限已到",
    "ordinal.note": "届次、批次逐年递增",
    "year.note": "年份随计划年度更新",
    "law.proposal": "已出台：删去，或改为贯彻实施",
    "law.note": "已于{date}公布，次年再列为待出台任务即过时（L002）",
}

#: a task pair's status in the diff (the contract's values are the keys)
STATUSES = {
    "unchanged": "未变",
    "modified": "修改",
    "moved": "移动",
    "new": "新增",
    "dropped": "删除",
    "merged": "合并",
    "split": "拆分",
}

#: the labels of one rule's page (``plancheck rule CODE``)
RULE_PAGE = {
    "catalogue": "规则代码",
    "option": "配置项",
    "severity": "严重程度",
    "fix": "自动修复",
    "bad": "错误示例",
    "good": "正确示例",
    "none": "无",
}

#: help of the commands and options (their English text is in checker/commandline/cli.py)
HELP = {
    "A Word copy of the draft with findings as comments and fixes as tracked changes.": "生成审阅稿：问题作为Word批注，修复作为修订。",
    "The review copy (default DRAFT.reviewed.docx; never the draft itself).": "审阅稿文件（默认为DRAFT.reviewed.docx；不会覆盖原稿）。",
    "Also make the fixes that need a drafter's check tracked changes.": "需要起草人核对的修复也作为修订写入。",
    "Replace a review copy that already exists (the drafter may have worked in it).": "替换已有的审阅稿（起草人可能已在其中修改过）。",
    "plancheck: a linter for annual plans.": "plancheck：年度推进计划的检查工具。",
    "Check plan files.": "检查计划文件。",
    "HTML report for next year's drafting.": "生成供次年起草使用的HTML报告。",
    "Task-level diff of two annual plans.": "逐项比较两年的计划。",
    "Each agency with the tasks it leads and joins.": "列出各单位牵头和参与的任务。",
    "The rule catalogue.": "规则目录。",
    "Remove plancheck's cache files (results, parsed rule data, checked configurations).": "删除plancheck的缓存文件（检查结果、解析后的规则数据、已校验的配置）。",
    "One rule explained: what it checks, why, examples, how to fix.": "一条规则的说明：查什么、为什么、示例、怎么改。",
    "Language of messages and help: zh (Chinese, the default) or en (English).": "消息和帮助的语言：zh（中文，默认）或en（英文）。",
    "Language of messages and reports: zh (Chinese, the default) or en (English).": "消息和报告的语言：zh（中文，默认）或en（英文）。",
    "Output format.": "输出格式。",
    "Write the report to FILE instead of standard output.": "将结果写入FILE，而不是标准输出。",
    "Codes or prefixes to check (N,A001,G00).": "要检查的规则代码或前缀（如N,A001,G00）。",
    "Codes or prefixes to skip.": "不检查的规则代码或前缀。",
    "Use this config file instead of the nearest .plancheck.yaml.": "使用此配置文件，而不是最近的.plancheck.yaml。",
    "Hide the findings recorded in FILE.": "不再报告基线文件FILE中已记录的问题。",
    "Record the current findings in --baseline FILE.": "将当前的问题记入 --baseline 指定的文件。",
    "Apply safe fixes to the files (atomically).": "自动修复可安全修复的问题（原子写入）。",
    "With --fix or --diff, apply or show the fixes that need a drafter's check too.": "与 --fix 或 --diff 同用：也应用或显示需要起草人核对的修复。",
    "Show the fixes as a unified diff; write nothing.": "以统一差异格式显示修复，不写入文件。",
    "Exit 0 even when there are findings.": "即使发现问题也以状态0退出。",
    "Exit 1 only for findings of this severity or worse (info findings alone exit 0 by default).": "只有此严重程度及以上的问题才以状态1退出（默认只有“提示”级问题时以状态0退出）。",
    "Show the number of findings per rule instead of each.": "按规则统计问题数，而不逐条列出。",
    "Show the findings only, without the summary.": "只列出问题，不显示汇总。",
    "Also say which files were skipped and why.": "同时说明跳过了哪些文件及原因。",
    "Skip named files that are not plans, as a folder walk does (for pre-commit).": "跳过不是计划的文件，与检查目录时相同（供pre-commit使用）。",
    "Check every file afresh: neither read nor write the result cache.": "重新检查每个文件：不读取也不写入结果缓存。",
    "No colours, even on a terminal.": "不使用颜色（即使在终端中）。",
    "Name for a plan read from standard input (PATH -).": "从标准输入读取计划时（PATH为-）使用的文件名。",
    "Last year's plan, for the carry-over summary.": "上一年度的计划，用于对比。",
    "Output file (default reports/<plan name>.html).": "输出文件（默认为reports/<计划文件名>.html）。",
    "Write the diff to FILE instead of standard output.": "将对比结果写入FILE，而不是标准输出。",
    "Exit 1 when the plans differ, 0 when they do not.": "两份计划有差别时以状态1退出，无差别时以0退出。",
    "Write a registry skeleton of the names no registry knows to FILE (never overwritten).": "将任何名录都没有的单位名称写成名录草稿FILE（不覆盖已有文件）。",
    "the similarity above which two tasks are near-duplicates": "两项任务的相似度高于此值即报告为高度重复",
    "Write a commented .plancheck.yaml into FOLDER (default: the current folder); never over an existing config.": "在FOLDER（默认为当前文件夹）中写一个带说明的 .plancheck.yaml；不覆盖已有的配置。",
}

#: the words of facts rules name by key (``findings.Words``); ``separator`` joins a list
WORDS = {
    "separator": "；",
    "D001.brackets": "年份应用六角括号〔〕",
    "D001.year_digits": "年份应写全四位",
    "D001.di": "序号前不加“第”",
    "D001.leading_zero": "序号不编虚位（不加0）",
    "D001.spaces": "文号中不留空格",
    "D001.fullwidth": "年份和序号用半角阿拉伯数字",
    "D001.code_typo": "机关代字末字有错字",
    "D002.notice": "通知",
    "D002.preamble": "正文",
    "D002.doc_number_date": "文号（与成文日期不符）",
    "D002.doc_number": "文号",
    "D005.target.full": "全角",
    "D005.target.half": "半角",
    "D008.kind.digit": "阿拉伯数字",
    "D008.kind.letter": "外文字母",
    "G003.reorganised": "改组",
    "N005.level.1": "一级",
    "N005.level.2": "二级",
    "N005.level.3": "三级",
    "N005.level.4": "四级",
    "L001.swap": "“实施条例”与“实施细则”混淆",
    "L001.prefix": "正式名称不带“中华人民共和国”",
    "L001.typo": "个别字有误",
    "L.kind.法律": "法律",
    "L.kind.行政法规": "行政法规",
    "L.kind.司法解释": "司法解释",
    "L.kind.部门规章": "部门规章",
}

#: what each rule checks and why: ``plancheck rule CODE``, SARIF help, the HTML report
EXPLANATIONS = {
    "A001": (
        "起草、会签时加在任务里的工作标签（如“(科技成果评价)”“（待核）”“【新增】”）\n"
        "不是任务内容，也不是责任分工，印发前必须删去。紧跟在词语后的说明性括注\n"
        "（如“国家(地区)”“(2023—2030年)”“(以下简称《纲要》)”）是正文，不受影响。"
    ),
    "D001": (
        "GB/T 9704-2012 7.2.4：发文字号由机关代字、年份和发文顺序号组成，年份、发文顺序号用阿拉伯数字标注；\n"
        "年份应标全称，用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位（即1不编为01）。\n"
        "本文件的文号无论写在哪里都检查，正文引用的其他文件的文号（“（国发[2019]5号）”）也检查，每个文号报告一次；\n"
        "年份、序号用了全角数字（“〔２０１９〕”），机关代字末字把“函”打成“含”（“粤办含”），一并报告。\n"
        "令和公告自有编号惯例，序号前加“第”（“国务院令第708号”“中国人民银行公告〔2019〕第1号”），不在此列。"
    ),
    "D002": (
        "文号年份、通知中的计划名称、标题、正文“明确××年度重点任务”都应指同一计划年度；\n"
        "成文日期的年份应与文号年份一致，并写全称（“二〇一二年四月十日”，不写“一二年四月十日”，GB/T 9704—2012 7.3.5.1）。\n"
        "引用其他年份的文件和期限（“2021—2035年”“2023年度报告”）不在此列。"
    ),
    "D004": (
        "书名号《》、引号“”‘’、括号（）()、六角括号〔〕、方头括号【】须成对使用，且在同一任务或段落内闭合；\n"
        "缺一半多是删改时误删。指向未配对的那一个符号（通常是开符号）。\n"
        "书名号内还有书名时，内层用单书名号“〈〉”（GB/T 15834—2011 4.15），不用代替它的“<>”或形近的“⟨⟩”。"
    ),
    "D005": (
        "同一文件中标点不应全角半角混用（“,”与“，”、“(”与“（”）。混用时按GB/T 15834，中文正文一律用全角：\n"
        "报告中文正文里的半角标点；数字（1,000、8:30）、网址、英文文字和文号年份括号中的半角不算。\n"
        "通篇只用一种宽度的文件不报告。配置 punctuation: full 要求一律全角，punctuation: half 要求一律半角。\n"
        "同一种标点无论出现多少处只报告一次（在第一处，并写明共几处、在哪些行），修复一并改为目标宽度。"
    ),
    "D006": (
        "简称在首次出现全称时以“(以下简称《纲要》)”定义，此后只用简称：定义前不得使用，\n"
        "定义了就应使用，也不再重复全称。《规划》《纲要》这类泛称单独出现而无定义，读者不知所指。\n"
        "只写“简称”的括注是说明俗称，不要求再用；“本《意见》”指本文件自身，不需定义；附件单独成篇，可写全称。"
    ),
    "L001": (
        "引用法律、行政法规、司法解释应写其正式名称（国家法律法规数据库，rules/laws.yaml）。\n"
        "常见的错误是“实施条例”与“实施细则”混淆（《专利法实施细则》《商标法实施条例》）、\n"
        "给不带“中华人民共和国”的名称加上前缀（《著作权集体管理条例》），或个别字有误。\n"
        "省略“中华人民共和国”的简称（《商标法》）是通行写法，不报告。与任何已知名称都不相近的\n"
        "书名（草案、规划、意见、条约、以下简称的《纲要》）不报告，引号内的书名也不检查。\n"
        "修复（需确认）改为正式名称，原文用简称的仍用简称。"
    ),
    "L002": (
        "次年的计划往往以当年的计划为底稿。任务要求“制定”“出台”“起草”“推动出台”的法律法规\n"
        "如果在计划年度之前已经公布（rules/laws.yaml中的公布日期），这项任务就过时了：应删去，\n"
        "或改为贯彻实施、配套制度建设。“制定《某法》实施细则”这类以该法为修饰语的任务不在此列。"
    ),
    "L003": (
        "法律法规废止后，计划不应再把它当作现行规定引用（如2021年1月1日《民法典》施行后的\n"
        "《合同法》《物权法》）。已废止的法律法规及其废止依据见 rules/laws-repealed.yaml，\n"
        "每条注明出处。叙述废止、沿革的句子（“同时废止”“原《物权法》”）和引号内的文字不报告。"
    ),
    "D007": (
        "两项任务文字几乎相同（字符相似度高于配置 near-duplicate，默认0.8），多半是合并稿件时重复录入，\n"
        "或应合并为一项。每对任务只在后一项报告一次。并列的任务不算重复：数字不同的（占比达到50%与30%），\n"
        "同一个词在两处以上换成另一个词的（客车超员…超员与货车超载…超载），牵头单位不同、只有一处换词的\n"
        "（规模以上工业企业与规模以上大数据、云计算企业：各自牵头单位的对象），或两项都是不同的待制定文件标题。"
    ),
    "D008": (
        "GB/T 15835《出版物上数字用法》：阿拉伯数字“一般应使用正体二分字身，即占半个汉字位置”，即半角；\n"
        "中文里的外文字母同样用半角（W3C《中文排版需求》：避免使用全角ASCII区段的字母和数字）。\n"
        "由旧排版转来的Word文件常带全角的“４Ｇ”“２０２４年”“ＡＩ”。只报告全角的0-9、A-Z、a-z：\n"
        "“二〇二四年”的〇、汉字数字、①②、Ⅰ Ⅱ等序号是另外的字符，不报告；全角标点归D005，本文件的文号和引用的不合格式的文号归D001。\n"
        "数字、字母各报告一次（在第一处，并写明共几处、在哪些行），修复一并改为半角。"
    ),
    "G001": (
        "责任单位必须是单位名录（rules/agencies.yaml）中的单位。与名录中某个名称只差一两个字的\n"
        "（“国家知识产权总局”），多是错字，给出最接近的名称；不像单位名称的（误读的括注、残缺的\n"
        "名称）也在此报告。名称规范、只是名录没有收录的单位不是错误，由 G011 汇总。\n"
        "省、市、县的单位（“省财政厅”“团省委”“人民银行济南分行”）按中央单位的对应关系识别\n"
        "（rules/mirror.yaml），从不被当作某个中央单位的错字。同一名称多次出现只报一次\n"
        "（首次出现处），并列出各处所在的任务。名称中间夹有空格的（“市商 务局”）按完整的名称识别，\n"
        "不算错字，空格由G002报告。"
    ),
    "G002": (
        "同一单位有全称、旧简称、俗称（“工信部”“发改委”，以及把名称中的词写成俗称的，如\n"
        "“国家知产局”之于“国家知识产权局”：rules/agencies.yaml 的 short_words），计划中应统一\n"
        "使用规范简称，否则检索、统计分工时会把一个单位算成几个。规范简称有两种写法：部门文件写\n"
        "“国家发展改革委”“国家药监局”，国务院文件（国发、国办发）写“发展改革委”“药监局”，\n"
        "都是对的；按文件自己的写法判断（或配置 agency-style），只报混入另一种写法的个别名称。\n"
        "名称中间夹有空格的（“市商 务局”，多见于由印刷件转成的Word文件，折行处留下空格）也报，\n"
        "修复时删去空格；PDF的文字层本身会在两端对齐的行里加空格，不报。"
    ),
    "G003": (
        "机构改革后（2018年、2023年等）原单位名称不再使用。计划年度晚于改革年份的，\n"
        "应写承接其职责的现有单位。地方机构随中央一并改革：省、市、县与已改组的中央单位\n"
        "对应的单位（“省工商局”“市国土资源局”）应写为承接单位在本级的对应单位\n"
        "（通常为“省市场监管局”“市自然资源局”，见 rules/mirror.yaml）。各地承接单位的名称\n"
        "不尽相同（如“县卫生健康局”“市自然资源和规划局”），地方单位的修改只作为需确认的修复\n"
        "（--unsafe-fixes）提出。"
    ),
    "G004": (
        "同一单位在一条责任分工里出现两次（含全称与简称、旧名与新名各一次），多半是合并稿件时留下的。\n"
        "修复时删去后一处及其顿号。"
    ),
    "G005": (
        "“……等部门负责”“有关部门负责”说不清谁负责，任务无法督办、考核。没有列出任何单位的\n"
        "（“有关部门负责”）一律报告；列出单位后以“等”“有关部门”收尾的，若是文件通行的写法\n"
        "（国务院和地方人民政府及其办公厅的文件，或四分之一以上的分工如此），不报告，只报告逐一列明单位的文件中的个别例外。\n"
        "保障措施、组织实施等框架条目的分工列明牵头单位后写“各相关部门”的，约束所有相关单位，不报告。"
    ),
    "G006": ("“按职责分工负责”用于多个部门分担一项任务；只有一个部门时应写“某部门负责”。"),
    "G007": (
        "牵头部门列第一位，其余参与部门按党中央部门、审判检察机关、国务院组成部门、直属特设机构、\n"
        "直属机构、直属事业单位、部委管理的国家局、军队单位、人民团体的规范顺序排列（见单位名录），\n"
        "按计划日期时的机构序列（2014年的计划中证监会仍是直属事业单位，2023年改革后才是直属机构）。\n"
        "牵头部门不受此限。国务院文件等按工作关联排列参与部门的文件，不按此判断：只有文件本身的分工\n"
        "大都（八成以上）按规范顺序排列时才报个别例外（或配置 protocol-order: always / never）。"
    ),
    "G008": ("每项任务都要以“(某部门负责)”结尾，写明牵头和参与部门，任务才有人落实。"),
    "G009": (
        "多个部门负责的任务，由文末一句说明谁牵头：“上述各项任务分工中，由多个部门负责的，\n"
        "列第一位的部门为牵头部门，其他为参与部门。”缺了这句话，或写了这句话而某条分工用\n"
        "“牵头”另指了不在第一位的部门，牵头责任就不清楚；缺这句话的，报告在最后一项任务的末尾，\n"
        "即应补写之处。这一约定也可以写在第一条分工的括注里\n"
        "（“排在第一位的部门为牵头部门，下同”）。没有写这句话时，用“牵头”标明的就是牵头部门，\n"
        "排在第几位都可以。列第一位者为牵头是这类文件的通例，只有\n"
        "单个部门印发、给不归其领导的单位分工的计划（部委、厅局的工作要点，或未写明发文机关的）\n"
        "需要写明；人民政府及其办公厅（国发、国办发、×政发、×府办发…，或主送下级人民政府和\n"
        "本级政府各部门的，如“各区人民政府，市政府各委、办、局”）、政府设立的议事协调\n"
        "机构（领导小组、安全生产委员会、指挥部，联席会议及其办公室）的文件和多个单位联合印发\n"
        "的文件不需另行说明；“责任单位：”列出的是共同负责的单位，也不需要。"
    ),
    "G010": (
        "计划常在附件中以分工表重述正文的任务，供各成员单位落实。表格和正文往往出自不同稿次，\n"
        "正文改了牵头或参与单位，附件没有跟着改，各单位就会按不同的分工执行。同一编号、\n"
        "内容相同（附件可以节略）的任务，牵头单位和责任单位应与正文一致。"
    ),
    "G011": (
        "单位名录收录中央和国家机关、人民团体、金融机构、中央企业、议事协调机构的办事机构，\n"
        "以及按对应关系和地名识别的地方单位和各级人民政府。其他名称规范的单位（行业协会、\n"
        "地方国企、本地机构）不在名录中并不是错误：每份计划只在一条汇总（提示级别）中列出，\n"
        "请核对后在本地名录中登记（plancheck agencies 计划 --init 文件 生成草稿）。\n"
        "与名录中的名称只差一两个字的，是错字，由 G001 报告。"
    ),
    "G013": (
        "本系列文件多在每项任务末尾写明责任分工；也有文件（区县的实施方案、意见等）在正文中、\n"
        "职责分工部分或单位职责清单中写明谁做什么，不逐项分工。这样的文件不是每项任务都缺分工，\n"
        "只提示一次（提示级别），说明各编号事项按正文阅读、未逐项检查。多数任务写明分工而个别\n"
        "没有写的，仍由 G008 逐项报告。"
    ),
    "G012": (
        "责任分工括注应写明哪些单位承担什么角色（牵头、负责、配合、参与、指导），可附时限（“2024年底前完成”）\n"
        "或说明（“适用范围：…”）。其中无法归入这些成分的文字不当作单位名称处理，而是单独报告：\n"
        "或是写法有误，或是本工具尚不认识的写法（可在 rules/clause-grammar.yaml 中补充）。"
    ),
    "N001": (
        "同一编号出现两次，引用任务（如“第12项”）就会指向两处，分工和督办都会出错。\n"
        "如果重复的编号正好占了缺号的位置，只报一次，并给出应有的编号。\n"
        "编号按文件自己的惯例判断：全文连续编号，或每部分从头编号。"
    ),
    "N002": ("编号中间断档，往往是删改任务后没有顺延编号，或者漏了一项任务。"),
    "N003": (
        "排版或复制时把“50.”拆成上一行末尾的“5”和下一行开头的“0.”，或把一项任务折成两行，\n"
        "编号和正文就都读错了。修复：把数字移回下一行开头，或把折行合并。"
    ),
    "N004": (
        "编号应自上而下递增。只标出打乱顺序的那一项，其余按顺序的任务不受牵连。\n"
        "全文连续编号的文件中某一部分又从1开始（或每部分从头编号的文件中某一部分接着上一部分编号），\n"
        "只在该部分的第一项报一次。"
    ),
    "N005": (
        "一级标题“一、二、三、”依次递增；二级标题“(一)(二)”或在每个一级标题下从“(一)”重新开始，\n"
        "或全文连续编号：按文件自己的惯例判断，只报与惯例不符之处（两种惯例混用时报少数一方）。\n"
        "承载任务的那一级编号由N001—N004检查。"
    ),
    "N006": (
        "任务编号统一写作“1.”“2.”（或全文统一用“1、”）。录入时把“11.”错打成“11。”“11，”“11：”，\n"
        "或个别任务用了与全文不同的“、”，检索、引用编号时就会漏掉这一项。此类编号仍按第11项读取，\n"
        "不会被误报为缺号；修复时改为全文通用的标点。编号后又多打一个标点（“7..”，常见于Word自动\n"
        "编号后再手打“.”）也报，修复时删去多余的一个。只检查阿拉伯数字编号的任务：“（一）”“一、”\n"
        "编号的任务自有其标点。"
    ),
    "S001": (
        "文件有标题、段落或责任分工，却没有一项能识别的编号任务（“1.”“（一）”“一、”“（1）”开头\n"
        "并以责任分工结尾），其余规则就无从检查：这不是“没有问题”，而是格式没有读懂。多半是\n"
        "任务不带编号，或编号写法不规范（如“①”、编号前有多余字符）。"
    ),
}

#: ``plancheck diff`` as text
DIFF_TEXT = {
    "head": "{old}（{old_tasks}） → {new}（{new_tasks}）",
    "tasks": "{n}项",
    "count": "{status}{n}",
    "counts_separator": "，",
    "added": "    增加单位：{names}",
    "titles": "    引用书名：{removed} → {added}",
    "revised": "    《{title}》已于{date}修订（两年计划都要求修改）：修改任务可能已经完成，请核实（L002）",
    "removed": "    减少单位：{names}",
    "lead": "    牵头单位：{old} → {new}",
    "role": "    角色：{agency} {old} → {new}",
    "renamed": "    单位更名：{old} → {new}",
    "renamings": "单位更名（名录记载的改组或更名）：",
    "renaming": "  {old} → {new}：任务 {tasks}",
    "by_agency": "各单位变化：",
    "gained": "新增 {tasks}",
    "lost": "减少 {tasks}",
    "lead_gained": "新任牵头 {tasks}",
    "lead_lost": "不再牵头 {tasks}",
    "parts_separator": "；",
    "renumbered": "只改了编号的任务（内容未变，引用时请用新编号）：",
    "renumbered_count": "（其中{n}项只改了编号）",
    "range": "—",
    "run_count": "（{n}项）",
}

#: ``plancheck init``: the commented .plancheck.yaml, its header, and a note on each key
#: (the general keys of ``config.KEYS`` and every option a rule declares)
CONFIG_FILE = {
    "header": (
        "plancheck 配置文件，由 plancheck init 生成。\n"
        "plancheck 从每个受检文件所在的文件夹向上查找最近的配置文件，它管辖其下的所有文件；\n"
        "也可以用 --config 文件名 为一次检查指定配置。\n"
        "以“#”开头的行是说明，不起作用。要启用某项设置，删去该行开头的“# ”。\n"
        "设置写错时，检查报“文件:设置: 说明”并停止，同时提示最接近的正确写法。\n"
        "完整说明见 plancheck 用户指南《配置》（docs/zh/config.md）。"
    ),
    "general": "检查哪些规则、按什么级别报告",
    "options": "规则选项（注释中的值为默认值）",
    "rule": "规则 {code}",
    "choices": "可选值：{choices}",
    "between": "取值：大于 {low}、不超过 {high} 的数",
    "select": "只检查这些规则，写规则代码或前缀（N 编号，A 批注，G 单位和分工，D 文字和格式，S 结构）。\n"
    "不写则检查全部规则。plancheck rules 列出全部规则。",
    "ignore": "不检查这些规则，写代码或前缀。与 select 同时写到一条规则时，以较长（较具体）的为准。",
    "severity": "改变规则的级别：error（错误）、warning（警告）或 info（提示）。不写则用各规则自己的级别。",
    "year": "计划的年份。不写则从标题、文号或落款日期读出；读不出或读错时在这里写明。",
    "per-task-ignores": '对某项任务不检查某些规则。"任务号" 对所有文件有效，"文件路径:任务号" 只对该文件有效。\n'
    "用于纯文本计划；Markdown 计划也可在文中写 <!-- plancheck: disable=代码 -->。",
    "rules": "本单位自己的规则（YAML 文件或文件夹，路径相对于本配置文件），写法见用户指南《每条规则》。",
    "agencies": "本单位的机构名录文件（省、市、县的单位，路径相对于本配置文件）。\n"
    "可先用 plancheck agencies 计划文件 --init 名录文件 生成草稿，核对后在这里列出。",
    "punctuation": "D005 标点全半角：consistent 通篇一种宽度即可，混用时中文正文用全角（GB/T 15834）；full 一律全角；half 一律半角。",
    "near-duplicate": "D007 近似重复任务：两项任务的相似度超过此值（0 到 1 之间）即报告。",
    "agency-style": "G002 单位简称的写法：auto 按文件自身的写法；council 国务院文件的写法（发展改革委）；\n"
    "ministry 部委文件的写法（国家发展改革委）。",
    "protocol-order": "G007 单位排列顺序：auto 只在文件自身按规范顺序排列单位时检查；always 总是检查；never 不检查。",
}
