/**
 * The "Alignment map" sheet: the unit tree (company → department → team → person), indented,
 * each unit followed by its objectives, with owners, rolled-up progress and a progress bar
 * (SPARKLINE in Sheets; a data bar elsewhere), then the alignment problems. Role 'alignment'.
 */
import type { Lang, Localized } from '../i18n';
import { fmt } from '../i18n';
import { LEVEL_LABELS, ROW_TYPE_LABELS, SHEET_NAMES, label } from '../labels';
import { escapeCellText } from '../escape';
import type { AlignmentTree, UnitNode } from '../alignment';
import { MAX_PROBLEM_LINES, alignmentProblemLines, walkUnits } from '../alignment';
import { cellFromShare, scaleSpec } from '../scale';
import { OWNER_KEY, type DataBarPlan, type FormatPlan, type PlanCell, type SheetPlan } from './types';

export const ALIGNMENT_SHEET_TEXT = {
  title: { 'zh-CN': 'OKR 对齐地图', en: 'OKR alignment map' },
  name: { 'zh-CN': '单元 / 目标', en: 'Unit / objective' },
  kind: { 'zh-CN': '层级', en: 'Level' },
  owner: { 'zh-CN': '负责人', en: 'Owner' },
  progress: { 'zh-CN': '汇总进度', en: 'Rolled-up progress' },
  bar: { 'zh-CN': '进度条', en: 'Bar' },
  fromKrs: { 'zh-CN': '自身 KR', en: 'Own KRs' },
  fromChildren: { 'zh-CN': '下级对齐', en: 'Aligned below' },
  parent: { 'zh-CN': '对齐到', en: 'Aligns to' },
  score: { 'zh-CN': '得分', en: 'Score' },
  problems: { 'zh-CN': '对齐问题', en: 'Alignment problems' },
  noProblems: { 'zh-CN': '（无）', en: '(none)' },
} satisfies Record<string, Localized>;

const INDENT = '    ';

export function sparkline(cell: string): string {
  return `=SPARKLINE(${cell},{"charttype","bar";"max",1;"color1","#34a853"})`;
}

export function alignmentSheetPlan(tree: AlignmentTree, lang: Lang, opts: { name?: string } = {}): SheetPlan {
  const t = (m: Localized) => fmt(m, lang);
  const values: PlanCell[][] = [[t(ALIGNMENT_SHEET_TEXT.title)], []];
  const formats: FormatPlan[] = [{ range: 'A1', bold: true }];
  const header = 3;
  values.push([
    t(ALIGNMENT_SHEET_TEXT.name), t(ALIGNMENT_SHEET_TEXT.kind), t(ALIGNMENT_SHEET_TEXT.owner), t(ALIGNMENT_SHEET_TEXT.progress),
    t(ALIGNMENT_SHEET_TEXT.bar), t(ALIGNMENT_SHEET_TEXT.fromKrs), t(ALIGNMENT_SHEET_TEXT.fromChildren), t(ALIGNMENT_SHEET_TEXT.parent),
    t(ALIGNMENT_SHEET_TEXT.score),
  ]);
  formats.push({ range: `A${header}:I${header}`, bold: true, background: '#e8eaed' });
  // the Score column holds the Score cell's value in the workbook's scale (issue 14 §2), last so
  // that the columns before it stay where readers of older maps expect them
  const spec = scaleSpec(tree.scale);
  const bars: string[] = [];
  const unitRows: number[] = [];
  const esc = (s: string) => escapeCellText(s);
  const pushRow = (name: string, kind: string, owner: string, progress: number, fromKrs: number | null, fromChildren: number | null, parent: string, score: number) => {
    const r = values.length + 1;
    values.push([name, kind, esc(owner), progress, sparkline(`D${r}`), fromKrs, fromChildren, esc(parent), cellFromShare(score, spec)]);
    bars.push(`=D${r}`);
    return r;
  };
  walkUnits(tree, (u: UnitNode, depth) => {
    const unitLine = INDENT.repeat(depth * 2) + '■ ' + u.unit;
    const r = pushRow(depth === 0 ? esc(unitLine) : unitLine, u.level ? label(LEVEL_LABELS[u.level], lang) : '', u.owner, u.progress, null, null, u.parent ?? '', u.score);
    unitRows.push(r);
    for (const o of u.objectives) {
      pushRow(
        INDENT.repeat(depth * 2 + 1) + '◆ ' + `${o.objectiveId} ${o.title}`,
        label(ROW_TYPE_LABELS.objective, lang), o.owner, o.progress, o.fromKrs, o.fromChildren, o.parent ?? '', o.score,
      );
    }
  });
  const first = header + 1, last = values.length;
  if (last >= first) {
    formats.push({ range: `D${first}:D${last}`, numberFormat: '0%' }, { range: `F${first}:G${last}`, numberFormat: '0%' }, { range: `I${first}:I${last}`, numberFormat: spec.numberFormat });
    for (const r of unitRows) formats.push({ range: `A${r}:D${r}`, bold: true, background: '#f1f3f4' });
  }
  const dataBars: DataBarPlan[] = last >= first ? [{ range: `E${first}:E${last}`, fallback: bars, min: 0, max: 1, color: '#34a853' }] : [];
  values.push([]);
  const pr = values.length + 1;
  values.push([t(ALIGNMENT_SHEET_TEXT.problems)]);
  formats.push({ range: `A${pr}`, bold: true });
  if (tree.problems.length === 0) values.push([t(ALIGNMENT_SHEET_TEXT.noProblems)]);
  // a long list is capped with a count of the rest (alignmentProblemLines)
  alignmentProblemLines(tree, lang).forEach((line, i) => values.push([esc(line), esc(tree.problems[i]?.sheet && i < MAX_PROBLEM_LINES ? tree.problems[i]!.sheet : '')]));
  return {
    name: opts.name ?? SHEET_NAMES.alignment[lang],
    role: 'alignment',
    values,
    frozenRows: header,
    columnWidths: [360, 80, 100, 90, 140, 80, 80, 200, 80],
    formats,
    validations: [],
    conditionalFormats: [],
    protections: [],
    namedRanges: [],
    metadata: { [OWNER_KEY]: 'alignment' },
    dataBars,
  };
}
