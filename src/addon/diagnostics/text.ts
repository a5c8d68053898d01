/** Diagnostics' words, in both languages: the report's titles and the scratch sheets' names. */
import type { Lang, Localized } from '../../core/i18n';

export const DIAG_TEXT = {
  scratchName: { 'zh-CN': 'OKR 自检（临时）', en: 'OKR diagnostics (temporary)' },
  probeName: { 'zh-CN': 'OKR 自检探针（临时）', en: 'OKR diagnostics probe (temporary)' },
  heading: { 'zh-CN': 'OKR Sheets 自检 {at} UTC · 区域设置 {locale} · 时区 {zone}', en: 'OKR Sheets diagnostics {at} UTC · locale {locale} · time zone {zone}' },
  summary: { 'zh-CN': '通过 {passed} 项，失败 {failed} 项，未检查 {skipped} 项', en: '{passed} passed, {failed} failed, {skipped} not checked' },
  timings: { 'zh-CN': '耗时', en: 'Timings' },
  mark: {
    pass: { 'zh-CN': '✔ 通过', en: '✔ PASS' },
    fail: { 'zh-CN': '✘ 失败', en: '✘ FAIL' },
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
  'named-ranges-removed-with-sheet': { 'zh-CN': '删除工作表时其命名区域一并删除', en: 'Deleting a sheet removes its named ranges' },
  'protection-warning-only': { 'zh-CN': '保护保持“仅警告”', en: 'Protections stay warning-only' },
  'metadata-finder-by-key': { 'zh-CN': '按键查找开发者元数据', en: 'Developer metadata found by key' },
  'html-file-text': { 'zh-CN': '服务器代码从 Server.html 原样读取', en: 'Server code read unchanged from Server.html' },
};

export function checkTitle(id: string, lang: Lang): string {
  return CHECK_TITLES[id]?.[lang] ?? id;
}
