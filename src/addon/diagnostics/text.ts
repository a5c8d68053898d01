/** Diagnostics' words, in both languages: the report's titles and the scratch sheets' names. */
import type { Lang, Localized } from '../../core/i18n';
import { fmt } from '../../core/i18n';

export const DIAG_TEXT = {
  scratchName: { 'zh-CN': 'OKR 自检（临时）', en: 'OKR diagnostics (temporary)' },
  probeName: { 'zh-CN': 'OKR 自检探针（临时）', en: 'OKR diagnostics probe (temporary)' },
  /** The second scratch sheet, the fixture applied through SpreadsheetApp only (./paths.ts). */
  scratchAppName: { 'zh-CN': 'OKR 自检（临时，SpreadsheetApp）', en: 'OKR diagnostics (temporary, SpreadsheetApp)' },
  heading: { 'zh-CN': 'OKR Sheets 自检 {at} UTC · 区域设置 {locale} · 时区 {zone}', en: 'OKR Sheets diagnostics {at} UTC · locale {locale} · time zone {zone}' },
  summary: { 'zh-CN': '通过 {passed} 项，失败 {failed} 项，警告 {warned} 项，未检查 {skipped} 项', en: '{passed} passed, {failed} failed, {warned} warnings, {skipped} not checked' },
  timings: { 'zh-CN': '耗时', en: 'Timings' },
  mark: {
    pass: { 'zh-CN': '✔ 通过', en: '✔ PASS' },
    fail: { 'zh-CN': '✘ 失败', en: '✘ FAIL' },
    warn: { 'zh-CN': '! 警告', en: '! WARN' },
    skip: { 'zh-CN': '– 未检查', en: '– SKIP' },
  },
} satisfies Record<string, Localized | Record<string, Localized>>;

/** One title per check id (structure checks and the assumption probes). */
export const CHECK_TITLES: Record<string, Localized> = {
  run: { 'zh-CN': '自检运行', en: 'Diagnostics run' },
  table: { 'zh-CN': '插入的模板可读为 OKR 表', en: 'Inserted template reads as an OKR table' },
  progress: { 'zh-CN': '表格公式算出的“进度”与核心一致', en: "Progress computed by the sheet's formulas matches core" },
  score: { 'zh-CN': '表格公式算出的“得分”与核心一致', en: "Score computed by the sheet's formulas matches core" },
  status: { 'zh-CN': '表格公式算出的“状态”与核心一致', en: "Status computed by the sheet's formulas matches core" },
  validations: { 'zh-CN': '数据验证已设置', en: 'Data validations in place' },
  conditionalFormats: { 'zh-CN': '条件格式已设置', en: 'Conditional formats in place' },
  protections: { 'zh-CN': '公式列保护（仅警告）已设置', en: 'Formula-column protection (warning only) in place' },
  metadata: { 'zh-CN': '开发者元数据已设置', en: 'Developer metadata in place' },
  namedRanges: { 'zh-CN': '命名区域已设置', en: 'Named ranges in place' },
  bars: { 'zh-CN': '进度条单元格已设置', en: 'Progress bar cells in place' },
  dates: { 'zh-CN': '日期按表格时区读写', en: "Dates written and read in the spreadsheet's time zone" },
  'new-sheet-size': { 'zh-CN': '新工作表大小（1000 行 × 26 列）', en: 'New sheet size (1000 rows × 26 columns)' },
  'sheet-names-case-insensitive': { 'zh-CN': '工作表名称不区分大小写', en: 'Sheet names are unique ignoring case' },
  'general-is-automatic': { 'zh-CN': '数字格式 General 即“自动”', en: "Number format 'General' is automatic" },
  'string-coercion': { 'zh-CN': '写入的文本按输入解析（80%、007、日期）', en: "Written strings are parsed as if typed (80%, 007, dates)" },
  'leading-apostrophe': { 'zh-CN': '开头的撇号保留为文本', en: 'A leading apostrophe keeps text as text' },
  'formula-syntax-en-us': { 'zh-CN': '公式语法（逗号分隔、点作小数点）在本表格区域设置下有效', en: "Formula syntax (comma separators, '.' decimals) works in this spreadsheet's locale" },
  'error-values-as-text': { 'zh-CN': '错误值读作文本（#DIV/0!）', en: 'Error values read as text (#DIV/0!)' },
  'date-cells-in-sheet-zone': { 'zh-CN': '日期单元格为表格时区的午夜', en: "Date cells are midnight in the spreadsheet's time zone" },
  'named-ranges-removed-with-sheet': { 'zh-CN': '先删除命名区域再删除工作表，名称可重新使用', en: 'A named range removed before its sheet is deleted frees its name' },
  'protection-warning-only': { 'zh-CN': '保护保持“仅警告”', en: 'Protections stay warning-only' },
  'metadata-finder-by-key': { 'zh-CN': '按键查找开发者元数据', en: 'Developer metadata found by key' },
  'chart-options-dotted-keys': { 'zh-CN': '图表选项按带点的键保存（legend.position）', en: 'Chart options are kept by dotted keys (legend.position)' },
  'conditional-format-formula-syntax': { 'zh-CN': '条件格式的自定义公式（逗号分隔）按原样保存', en: 'Custom conditional-format formulas (comma separators) are kept as written' },
  'html-file-text': { 'zh-CN': '服务器代码从 Server*.html 文件原样读取', en: 'Server code read unchanged from its Server*.html file' },
  'conditional-format-colours': { 'zh-CN': '条件格式的自定义公式（逗号分隔）实际着色', en: 'Custom conditional-format formulas (comma separators) actually colour cells' },
  'template-colours': { 'zh-CN': '模板的条件格式按核心的状态和评级着色', en: "The template's conditional formats colour Status and Score as core grades them" },
  'sheets-api-path': { 'zh-CN': '计划通过 Sheets API（一次 batchUpdate）写入', en: 'Plans applied through the Sheets API (one batchUpdate)' },
  'paths-agree': { 'zh-CN': 'Sheets API 与 SpreadsheetApp 写出的工作表逐格一致', en: 'The Sheets API and SpreadsheetApp write the same sheet, cell by cell' },
  scopes: { 'zh-CN': '已授予的权限范围', en: 'Granted OAuth scopes' },
  'snapshot-paths-agree': { 'zh-CN': '通过 Sheets API 读取的快照与 SpreadsheetApp 读取的一致', en: 'The snapshot read through the Sheets API equals the SpreadsheetApp one' },
};

export function checkTitle(id: string, lang: Lang): string {
  return CHECK_TITLES[id]?.[lang] ?? id;
}

/**
 * The detail line of each check, in both languages: the report is read (and copied) in the
 * workbook's language, so what was seen is said in it too. Values seen (`{seen}`, `{v}` …) are
 * data — cell contents, formulas, locale and zone ids — and stay as they are.
 */
export const DETAIL = {
  threw: { 'zh-CN': '检查时出错：{error}', en: 'threw: {error}' },
  stoppedEarly: { 'zh-CN': '自检提前停止：{error}', en: 'stopped early: {error}' },
  sheetMissing: { 'zh-CN': '插入的工作表“{name}”不存在', en: 'the inserted sheet "{name}" is not there' },
  // formulas vs core
  notTable: { 'zh-CN': '插入的工作表无法读作 OKR 表：{error}', en: 'the inserted sheet does not read as an OKR table: {error}' },
  columnsMissing: { 'zh-CN': '找不到“进度”“得分”或“状态”列', en: 'Progress, Score or Status column not found' },
  rowsDiffer: { 'zh-CN': '{rows} 行中有 {n} 行不一致 — {list}', en: '{n} of {rows} rows differ — {list}' },
  rowDiff: { 'zh-CN': '{id}：表格 {sheet}，核心 {core}', en: '{id}: sheet {sheet}, core {core}' },
  rowsAgree: { 'zh-CN': '{rows} 行（{krs} 个 KR，{objectives} 个目标）与核心一致', en: '{rows} rows ({krs} KRs, {objectives} objectives) agree with core' },
  // structure
  validationsMissing: { 'zh-CN': '以下位置没有数据验证：{list}', en: 'no validation at {list}' },
  validationsOk: { 'zh-CN': '{n} 条数据验证已设置', en: '{n} validations in place' },
  conditionalFormats: { 'zh-CN': '{n} 条条件格式规则（计划 {plan} 条）', en: '{n} conditional-format rules (plan: {plan})' },
  protections: { 'zh-CN': '{n} 个区域保护（计划 {plan} 个）', en: '{n} range protections (plan: {plan})' },
  metadata: { 'zh-CN': '开发者元数据键：{keys}', en: 'developer metadata keys: {keys}' },
  namedRanges: { 'zh-CN': '工作表上有 {n} 个命名区域（计划 {plan} 个）：{names}', en: '{n} named ranges on the sheet (plan: {plan}): {names}' },
  barsOk: { 'zh-CN': '进度条单元格为 SPARKLINE 公式', en: 'bar cells hold SPARKLINE formulas' },
  barsBad: { 'zh-CN': '进度条单元格内容为 {list}', en: 'bar cells hold {list}' },
  dates: { 'zh-CN': '周期开始 {cell} 写入 {written}，读回 {read}（时区 {zone}）', en: 'cycle start {cell} written as {written}, read back as {read} (time zone {zone})' },
  // assumption probes (./probes.ts)
  newSheetSize: { 'zh-CN': '新工作表有 {rows} 行 × {cols} 列', en: 'a new sheet has {rows} rows × {cols} columns' },
  caseAdded: { 'zh-CN': '在“{name}”旁边可以再添加“{other}”', en: 'a sheet "{other}" could be added beside "{name}"' },
  caseRefused: { 'zh-CN': '在“{name}”旁边添加“{other}”被拒绝', en: 'adding "{other}" beside "{name}" was refused' },
  general: { 'zh-CN': "0.5 在 'General' 格式下显示为 {shown}；getNumberFormat() 读到 {format}", en: "0.5 under 'General' shows {shown}; getNumberFormat() reads {format}" },
  coercion: { 'zh-CN': "'80%'、'007'、'2026-10-01'、'plain text' 读回为 {values}", en: "'80%', '007', '2026-10-01', 'plain text' read back as {values}" },
  apostrophe: { 'zh-CN': "\"'=1+1\" 读回的值为 {value}，公式为 {formula}", en: "\"'=1+1\" reads back as value {value}, formula {formula}" },
  formulaSyntax: { 'zh-CN': '区域设置 {locale}：{written} 算出 {values}，公式读回为 {formulas}', en: 'locale {locale}: {written} computed {values}, read back as {formulas}' },
  errorValue: { 'zh-CN': '=1/0 读回为 {value}', en: '=1/0 reads back as {value}' },
  dateCell: { 'zh-CN': '时区 {zone}：2026-10-01 写为 {written}，显示 {shown}，读回日期 {day}', en: 'time zone {zone}: 2026-10-01 written as {written} shows {shown} and reads back as day {day}' },
  protectionWarning: { 'zh-CN': '插入的工作表上有 {n} 个区域保护，仅警告：{flags}', en: '{n} range protection(s) on the inserted sheet, warning-only: {flags}' },
  metadataFinder: { 'zh-CN': '查找器找到 {found} 条“{key}”，其中 {mine} 条在插入的工作表上（{values}）', en: 'the finder found {found} "{key}" entries, {mine} on the inserted sheet ({values})' },
  chartOptions: { 'zh-CN': "图表选项读回：'legend.position' = {legend}，'vAxis.viewWindow.min' = {min}", en: "chart options read back: 'legend.position' = {legend}, 'vAxis.viewWindow.min' = {min}" },
  cfFormula: { 'zh-CN': '区域设置 {locale}：条件格式公式 {written} 读回为 {read}', en: 'locale {locale}: the conditional-format formula {written} reads back as {read}' },
  htmlFile: { 'zh-CN': '运行这些检查的服务器代码读自 ServerDiagnostics.html', en: 'the server code running these checks was read from ServerDiagnostics.html' },
  namedRangeFreed: { 'zh-CN': '先删除命名区域 {name} 再删除其工作表后，该名称不再列出且可以重新使用', en: 'the named range {name}, removed before its sheet was deleted, is not listed and its name can be used again' },
  // the two paths (./paths.ts)
  apiPathUsed: { 'zh-CN': '模板通过一次 Sheets API batchUpdate（高级 Sheets 服务）写入', en: 'the template was applied by one Sheets API batchUpdate (advanced Sheets service)' },
  apiMissing: {
    'zh-CN': '此处没有高级 Sheets 服务，计划改用 SpreadsheetApp 写入（每个工作表约 20 次调用，而不是 3 次）。请确认 appsscript.json 列出了高级服务 Sheets，并在脚本的 Cloud 项目中启用 Google Sheets API。',
    en: 'no advanced Sheets service here: plans go through SpreadsheetApp (about 20 calls a sheet instead of 3). Check that appsscript.json lists the advanced service Sheets and enable the Google Sheets API in the script\'s Cloud project.',
  },
  apiNotEnabled: {
    'zh-CN': 'Google Sheets API 未在脚本的 Cloud 项目中启用（{error}）。请在 Cloud 控制台 → API 和服务中启用 Google Sheets API；在此之前计划通过 SpreadsheetApp 写入。',
    en: 'the Google Sheets API is not enabled in the script\'s Cloud project ({error}). Enable it in the Cloud console → APIs & Services; until then plans go through SpreadsheetApp.',
  },
  apiNoScope: {
    'zh-CN': 'Sheets API 拒绝了请求，多半是未授予 spreadsheets 权限（{error}）。请从“扩展程序”重新打开本插件并点“允许”，或请管理员授予该权限；在此之前计划通过 SpreadsheetApp 写入。',
    en: 'the Sheets API refused the request, most likely the spreadsheets scope is not granted ({error}). Reopen the add-on from Extensions and choose Allow, or ask your admin to grant it; until then plans go through SpreadsheetApp.',
  },
  apiFailed: { 'zh-CN': 'Sheets API 调用失败，已改用 SpreadsheetApp 写入：{error}', en: 'the Sheets API call failed and SpreadsheetApp applied the plan instead: {error}' },
  pathDiff: { 'zh-CN': '{what} {where}：Sheets API {api}，SpreadsheetApp {app}', en: '{what} {where}: Sheets API {api}, SpreadsheetApp {app}' },
  pathsAgree: {
    'zh-CN': '两个临时工作表逐格一致：{cells} 个单元格的值、公式、数字格式和数据验证，{cf} 条条件格式，{prot} 个保护，{md} 条元数据，{nr} 个命名区域',
    en: 'the two scratch sheets agree cell by cell: values, formulas, number formats and validations of {cells} cells, {cf} conditional format(s), {prot} protection(s), {md} metadata entr(ies), {nr} named range(s)',
  },
  pathsDiffer: { 'zh-CN': '两条路径写出的工作表有 {n} 处不同 — {list}', en: '{n} difference(s) between the two paths — {list}' },
  pathsCore: { 'zh-CN': '与核心对照——Sheets API 工作表：{api}，SpreadsheetApp 工作表：{app}', en: 'against core: the Sheets API sheet {api}, the SpreadsheetApp sheet {app}' },
  coreAgrees: { 'zh-CN': '一致（{rows} 行）', en: 'agrees ({rows} rows)' },
  coreDiffers: { 'zh-CN': '{rows} 行中有 {n} 行不一致', en: 'differs in {n} of {rows} rows' },
  pathsOnePath: { 'zh-CN': '只有 SpreadsheetApp 路径运行了，无法比较两条路径（见上一项）', en: 'only the SpreadsheetApp path ran, so the two paths cannot be compared (see the check above)' },
  // scopes (./scopes.ts)
  scopesUnreadable: {
    'zh-CN': '无法读取已授予的权限范围（只在 Google 表格中、且 ScriptApp.getAuthorizationInfo 提供 getAuthorizedScopes 时可读）',
    en: 'the granted scopes cannot be read here (only on Google Sheets, where ScriptApp.getAuthorizationInfo offers getAuthorizedScopes)',
  },
  scopesThrew: {
    'zh-CN': '读取已授予的权限范围时出错，无法确认：{error}',
    en: 'reading the granted scopes failed, so they stay unknown: {error}',
  },
  scopesAll: { 'zh-CN': '已授予全部 {n} 个权限范围{api}', en: 'all {n} scopes granted{api}' },
  scopesMissing: {
    'zh-CN': '{of} 个权限范围中有 {n} 个未授予：{list}。这些功能在授权前不可用：请从“扩展程序”重新打开本插件并点“允许”，或请管理员为整个域授予{api}',
    en: '{n} of {of} scopes not granted: {list}. Those features stay off until granted: reopen the add-on from Extensions and choose Allow, or ask your admin to grant them for the domain{api}',
  },
  scopesApiWorked: { 'zh-CN': '；Sheets API 路径在这组权限下可用', en: '; the Sheets API path worked with this set' },
  scopesApiNotUsed: { 'zh-CN': '；Sheets API 路径未运行', en: '; the Sheets API path did not run' },
  // conditional formats actually colour (./probes.ts)
  cfColours: {
    'zh-CN': '区域设置 {locale}：规则 {formula} 使 {hit} 显示 {colour}，{miss} 未着色（Sheets API 读取的 effectiveFormat）',
    en: 'locale {locale}: the rule {formula} colours {hit} {colour} and leaves {miss} uncoloured (effectiveFormat read through the Sheets API)',
  },
  cfColoursWrong: {
    'zh-CN': '区域设置 {locale}：规则 {formula} 下 {hit} 读到 {seenHit}，{miss} 读到 {seenMiss}（应为 {colour} 与不着色）',
    en: 'locale {locale}: under the rule {formula}, {hit} reads {seenHit} and {miss} reads {seenMiss} (expected {colour} and no colour)',
  },
  cfColoursNoApi: {
    'zh-CN': '没有可用的 Sheets API，无法读取条件格式实际显示的颜色（effectiveFormat），此项未验证；见“计划通过 Sheets API 写入”一项',
    en: 'no Sheets API available, so the colour a conditional format actually shows (effectiveFormat) cannot be read: unverified; see the Sheets API check',
  },
  cfColoursUnknown: {
    'zh-CN': 'Sheets API 没有返回这些单元格的 effectiveFormat，此项未验证（{error}）',
    en: 'the Sheets API returned no effectiveFormat for these cells: unverified ({error})',
  },
  // the template's own conditional formats (./colours.ts)
  templateColoursOk: {
    'zh-CN': '区域设置 {locale}：{n} 个 KR 行的“状态”和“得分”单元格显示的颜色与核心给出的状态和评级一致（Sheets API 读取的 effectiveFormat）',
    en: 'locale {locale}: the Status and Score cells of {n} KR rows show the colours of the status and grade core gives them (effectiveFormat read through the Sheets API)',
  },
  templateColoursWrong: {
    'zh-CN': '区域设置 {locale}：{cells} 个单元格中有 {n} 个颜色不对（显示 ≠ 应为）：{list}',
    en: 'locale {locale}: {n} of {cells} cells show another colour (shown ≠ expected): {list}',
  },
  templateColoursNoApi: { 'zh-CN': '需要 Sheets API 才能读取单元格实际显示的颜色（见“计划通过 Sheets API 写入”一项）', en: 'reading the colour a cell shows needs the Sheets API (see the Sheets API check)' },
  templateColoursNoRows: { 'zh-CN': '模板中没有读到 KR 行', en: 'no KR rows read from the template' },
  snapshotPathsAgree: {
    'zh-CN': '{sheets} 个临时工作表、{cells} 个单元格（值、显示值、公式）两种读取方式逐格一致，时区 {zone} 一致',
    en: '{sheets} scratch sheets, {cells} cells (values, display values, formulas) read the same both ways; time zone {zone} the same',
  },
  snapshotPathsDiffer: {
    'zh-CN': '{n} 处不一致（Sheets API ≠ SpreadsheetApp）：{list}。操作将读到不同的数据，请报告此问题',
    en: '{n} differences (Sheets API ≠ SpreadsheetApp): {list}. Actions would read different data; please report this',
  },
  namedRangeTaken: { 'zh-CN': '先删除命名区域 {name} 再删除其工作表后，该名称仍被列出或仍被占用', en: 'the named range {name}, removed before its sheet was deleted, is still listed or its name is still taken' },
} satisfies Record<string, Localized>;

/** One detail line in both languages (the report picks its language). */
export function detail(key: keyof typeof DETAIL, params: Record<string, string | number> = {}): Localized {
  return { 'zh-CN': fmt(DETAIL[key], 'zh-CN', params), en: fmt(DETAIL[key], 'en', params) };
}
