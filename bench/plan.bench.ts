/**
 * Plan builder speed: every template role in both languages as a workbook plan, and one OKR
 * sheet of 5,000 KRs (1,000 objectives × 5 KRs), built in core (no spreadsheet involved).
 */
import { LANGS, type Lang } from '../src/core/i18n';
import { buildOkrSheetPlanFromRows, buildWorkbookPlan, type OkrSheetRow } from '../src/core/plan/okrSheet';
import { allDepartments, parentOf } from '../src/core/templates';
import { rowFormulaLengths } from '../test/helpers/formulaLengths';

const CYCLE = { cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31' };

function best(fn: () => void, runs: number): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return Math.round(min * 100) / 100;
}

export async function run() {
  const roles = allDepartments().flatMap((d) => d.roles.map((r) => ({ d, r })));
  let cells = 0;
  const all = best(() => {
    cells = 0;
    for (const lang of LANGS)
      for (const { d, r } of roles) {
        const p = buildWorkbookPlan({ role: r, lang, ...CYCLE, owner: 'A', parentRole: parentOf(r), departmentId: d.id });
        cells += p.sheets[0]!.values.length;
      }
  }, 5);

  const rows: OkrSheetRow[] = [];
  for (let o = 1; o <= 1000; o++) {
    rows.push({ id: `O${o}`, type: 'objective', title: `Objective ${o}`, source: 'bottomUp' });
    for (let k = 1; k <= 5; k++)
      rows.push({ id: `O${o}.KR${k}`, type: 'increase', title: `KR ${k}`, owner: 'B', start: 0, target: 100, current: (o * k) % 120, due: '2026-12-31' });
  }
  let formulaChars = 0;
  const big = best(() => {
    const p = buildOkrSheetPlanFromRows({
      lang: 'zh-CN',
      header: { unit: 'Bench', level: 'team', owner: 'A', alignedTo: '', ...CYCLE },
      rows,
    });
    formulaChars = p.values.reduce((n, r) => n + r.reduce<number>((m, v) => m + (typeof v === 'string' && v.startsWith('=') ? v.length : 0), 0), 0);
  }, 3);

  const lengths = LANGS.flatMap((lang) =>
    Object.entries(rowFormulaLengths(lang)).flatMap(([kind, { chars, trend }]) => [
      {
        name: `formula text per row (${lang}): ${kind}`,
        value: chars,
        unit: 'chars',
        note: `before: ${BEFORE[lang][kind]} (commit 4c4b91b)${CEILING[kind] ? `, ceiling ${CEILING[kind]}` : ''}; Trend column +${trend} (before +${BEFORE_TREND[lang]})`,
      },
    ]),
  );

  return [
    ...lengths,
    { name: `plan: all ${roles.length} template roles × ${LANGS.length} languages (workbook plans)`, value: all, unit: 'ms' },
    { name: 'plan: one template workbook plan (mean)', value: Math.round((all / (roles.length * LANGS.length)) * 1000) / 1000, unit: 'ms' },
    { name: 'plan: OKR sheet with 5,000 KRs + 1,000 objectives', value: big, unit: 'ms' },
    { name: 'plan: formula text in the 5,000-KR sheet', value: Math.round(formulaChars / 1024), unit: 'KiB' },
  ];
}

/** The formula text per row before this step (commit 4c4b91b, the rows of `rowFormulaLengths`;
 *  the step before that, commit 541afb7, had KR 1,318, objective 3,659 in zh-CN). */
const BEFORE: Record<Lang, Record<string, number>> = {
  'zh-CN': { 'objective': 1655, 'KR (increase)': 647, 'KR (rubric)': 2456, 'KR (milestone)': 692, 'spare row': 4158 },
  en: { 'objective': 1685, 'KR (increase)': 677, 'KR (rubric)': 2486, 'KR (milestone)': 722, 'spare row': 4188 },
};
const BEFORE_TREND: Record<Lang, number> = { 'zh-CN': 220, en: 245 };
/** Issue 16 §5: half the issue's baseline (about 1 KB per KR row, 3 KB per objective row). */
const CEILING: Record<string, number> = { 'objective': 1500, 'KR (increase)': 500 };

