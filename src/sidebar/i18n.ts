/** Every string the sidebar shows, in both languages (a missing translation is a type error). */
import type { Lang, Localized } from '../core/i18n';

export const MSG = {
  appTitle: { 'zh-CN': 'OKR 助手', en: 'OKR Sheets' },
  language: { 'zh-CN': '语言', en: 'Language' },
  busy: { 'zh-CN': '处理中…', en: 'Working…' },
  dismiss: { 'zh-CN': '关闭', en: 'Dismiss' },
  sheet: { 'zh-CN': '工作表', en: 'Sheet' },
  noOkrSheet: {
    'zh-CN': '此表格中还没有 OKR 工作表。请先在“模板”中新建一个，或用“导入”粘贴文本。',
    en: 'This spreadsheet has no OKR sheet yet. Create one from Templates, or paste text in Import.',
  },
  // Templates
  tabTemplates: { 'zh-CN': '模板', en: 'Templates' },
  department: { 'zh-CN': '部门', en: 'Department' },
  role: { 'zh-CN': '角色 / 层级', en: 'Role / level' },
  sheetLanguage: { 'zh-CN': '表格语言', en: 'Sheet language' },
  cycle: { 'zh-CN': '周期', en: 'Cycle' },
  cycleHint: { 'zh-CN': '例如 2026-Q4、2026-11 或 2026', en: 'e.g. 2026-Q4, 2026-11 or 2026' },
  unit: { 'zh-CN': '单元名称（可选）', en: 'Unit name (optional)' },
  owner: { 'zh-CN': '负责人（可选）', en: 'Owner (optional)' },
  preview: { 'zh-CN': '预览', en: 'Preview' },
  insert: { 'zh-CN': '插入为新工作表', en: 'Insert as new sheet' },
  inserted: { 'zh-CN': '已新建工作表“{sheet}”（{rows} 行）。', en: 'Created sheet "{sheet}" ({rows} rows).' },
  noTemplates: { 'zh-CN': '没有可用的模板。', en: 'No templates available.' },
  // Check
  tabCheck: { 'zh-CN': '检查', en: 'Check' },
  runCheck: { 'zh-CN': '检查 OKR', en: 'Check OKRs' },
  noFindings: { 'zh-CN': '没有发现问题，做得好！', en: 'No problems found. Well done!' },
  sevError: { 'zh-CN': '错误', en: 'Errors' },
  sevWarning: { 'zh-CN': '警告', en: 'Warnings' },
  sevInfo: { 'zh-CN': '提示', en: 'Suggestions' },
  clickToSelect: { 'zh-CN': '点击条目可在表格中定位到对应单元格。', en: 'Click an item to select its cell in the sheet.' },
  // Check-in
  tabCheckin: { 'zh-CN': '进展更新', en: 'Check-in' },
  kr: { 'zh-CN': '关键结果', en: 'Key result' },
  noKrs: { 'zh-CN': '此工作表中没有关键结果。', en: 'This sheet has no key results.' },
  currentTarget: { 'zh-CN': '当前 {current} / 目标 {target} {unit}', en: 'Current {current} / target {target} {unit}' },
  newValue: { 'zh-CN': '新值', en: 'New value' },
  newValueHint: { 'zh-CN': '数字，可写 80%、5万；里程碑填“完成”（或 ✓、是）或完成比例 70%', en: 'A number; 80% and 5k work; milestones: done (or ✓, TRUE) or a share such as 70%' },
  confidence: { 'zh-CN': '信心指数（1–10）', en: 'Confidence (1–10)' },
  done: { 'zh-CN': '本期完成', en: 'Done this period' },
  next: { 'zh-CN': '下一步', en: 'Next steps' },
  blockers: { 'zh-CN': '困难 / 所需资源', en: 'Blockers / resources needed' },
  date: { 'zh-CN': '日期', en: 'Date' },
  save: { 'zh-CN': '保存进展', en: 'Save check-in' },
  saved: {
    'zh-CN': '已更新 {kr}（{a1}），并在“{log}”第 {row} 行记录了本次进展。',
    en: 'Updated {kr} ({a1}) and logged it on "{log}", row {row}.',
  },
  badNumber: { 'zh-CN': '“{text}”不是数字。', en: '"{text}" is not a number.' },
  ciLogged: {
    'zh-CN': '已在“{log}”第 {row} 行记录 {kr} 的本次进展。',
    en: 'Logged the check-in of {kr} on "{log}", row {row}.',
  },
  ciConfirm: { 'zh-CN': '仍然保存', en: 'Save anyway' },
  ciCancel: { 'zh-CN': '修改数值', en: 'Change the value' },
  // Import
  tabImport: { 'zh-CN': '导入', en: 'Import' },
  pasteHere: { 'zh-CN': '粘贴 OKR 文本', en: 'Paste OKRs as text' },
  pasteHint: {
    'zh-CN': '每行一条，例如：\n目标(O)：提升客户满意度\nKR1：NPS 由 45 提升到 60',
    en: 'One per line, for example:\nO: Delight our customers\nKR1: Raise NPS from 45 to 60',
  },
  writeAs: { 'zh-CN': '写入方式', en: 'Write as' },
  modeNew: { 'zh-CN': '新工作表', en: 'A new sheet' },
  modeAppend: { 'zh-CN': '追加到现有 OKR 表', en: 'Rows appended to an OKR sheet' },
  write: { 'zh-CN': '写入表格', en: 'Write to the spreadsheet' },
  written: { 'zh-CN': '已写入 {rows} 行到“{sheet}”。', en: 'Wrote {rows} rows to "{sheet}".' },
  nothingParsed: { 'zh-CN': '没有识别出目标或关键结果。', en: 'No objectives or key results were recognised.' },
  colId: { 'zh-CN': '编号', en: 'ID' },
  colType: { 'zh-CN': '类型', en: 'Type' },
  colTitle: { 'zh-CN': '内容', en: 'Title' },
  colStart: { 'zh-CN': '起始', en: 'Start' },
  colTarget: { 'zh-CN': '目标', en: 'Target' },
  colUnit: { 'zh-CN': '单位', en: 'Unit' },
  objective: { 'zh-CN': '目标', en: 'Objective' },
} satisfies Record<string, Localized>;

export type MsgKey = keyof typeof MSG;

export function t(lang: Lang, key: MsgKey, params: Record<string, string | number> = {}): string {
  return MSG[key][lang].replace(/\{(\w+)\}/g, (whole, k: string) => (k in params ? String(params[k]) : whole));
}
