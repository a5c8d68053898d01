/**
 * Review + roll-up at scale: 5,000 KRs across 100 OKR sheets (a company, 9 departments, 90
 * teams; 10 objectives × 5 KRs... 50 KRs per sheet), with 5,000 check-ins. Measures the core
 * (alignment roll-up, a review of every sheet, the dashboard data) and, on the in-memory
 * workbook, the service calls of one generateReview / generateDashboard.
 */
import { buildAlignment } from '../src/core/alignment';
import type { CheckInEntry } from '../src/core/checkins';
import type { OkrRow, OkrTable, RowType } from '../src/core/model';
import { buildDashboard } from '../src/core/plan/dashboardSheet';
import { reviewSheetPlan } from '../src/core/plan/reviewSheet';
import { buildReview, reviewToMarkdown } from '../src/core/review';
import { recordCheckIn } from '../src/sheets/checkins';
import { generateDashboard, generateReview } from '../src/sheets/review';
import { sizedWorkbook } from '../test/review/sizedWorkbook';


function sheetCalls(krs: number) {
  const { local, ctx } = sizedWorkbook(krs);
  recordCheckIn(ctx, { sheet: 'Team', krId: 'O1.KR1', value: 5, confidence: 5, date: '2026-11-01' });
  generateReview(ctx, { sheet: 'Dept', asOf: '2026-11-30' });
  generateDashboard(ctx, { asOf: '2026-11-30' });
  const checkIn = local.calls.measure(() => recordCheckIn(ctx, { sheet: 'Team', krId: 'O1.KR2', value: 6, confidence: 6, done: 'x', next: 'y', blockers: 'z', date: '2026-11-02' })).calls;
  const t0 = performance.now();
  const review = local.calls.measure(() => generateReview(ctx, { sheet: 'Dept', asOf: '2026-11-30' })).calls;
  const reviewMs = performance.now() - t0;
  const dashboard = local.calls.measure(() => generateDashboard(ctx, { asOf: '2026-11-30' })).calls;
  return { checkIn, review, dashboard, reviewMs: Math.round(reviewMs) };
}

function mkRow(index: number, p: Partial<OkrRow> & { id: string; type: RowType }): OkrRow {
  return {
    index, title: `${p.id} title`, owner: 'owner', alignsTo: '', source: null, agreed: null, start: null, target: null,
    current: null, unit: '', weight: null, due: null, confidence: null, selfScore: null, notes: '', raw: {}, ...p,
  };
}

export function syntheticWorkbook(sheets = 100, objectives = 10, krsPer = 5) {
  const out: { sheet: string; table: OkrTable }[] = [];
  const checkins: CheckInEntry[] = [];
  for (let s = 0; s < sheets; s++) {
    const unit = s === 0 ? 'Company' : s < 10 ? `Dept ${s}` : `Team ${s}`;
    const parent = s === 0 ? '' : s < 10 ? 'Company' : `Dept ${1 + (s % 9)}`;
    const rows: OkrRow[] = [];
    for (let o = 1; o <= objectives; o++) {
      rows.push(mkRow(rows.length, { id: `O${o}`, type: 'objective', alignsTo: parent ? `${parent}/O${o}` : '' }));
      for (let k = 1; k <= krsPer; k++) {
        const id = `O${o}.KR${k}`;
        rows.push(mkRow(rows.length, { id, type: 'increase', start: 0, target: 100, current: (s * 7 + o * 13 + k * 17) % 120 }));
        checkins.push({
          date: `2026-11-${String(1 + ((s + k) % 28)).padStart(2, '0')}`, sheet: unit, krId: id, value: 10, confidence: 7,
          done: 'did things', next: 'next things', blockers: k % 2 ? 'need budget' : '', order: checkins.length,
        });
      }
    }
    out.push({
      sheet: unit,
      table: {
        header: { unit, level: s === 0 ? 'company' : s < 10 ? 'department' : 'team', owner: 'x', cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31', alignedTo: parent },
        rows, lang: 'en',
      },
    });
  }
  return { sheets: out, checkins };
}

function time(fn: () => void, reps = 5): number {
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return Math.round(best * 10) / 10;
}

export async function run(): Promise<Record<string, number | string | { value: number; unit?: string; budget?: number; note?: string }>> {
  const { sheets, checkins } = syntheticWorkbook();
  const krs = sheets.reduce((a, s) => a + s.table.rows.filter((r) => r.type !== 'objective').length, 0);
  let tree = buildAlignment(sheets);
  const rollupMs = time(() => { tree = buildAlignment(sheets); });
  const reviewAllMs = time(() => {
    for (const s of sheets) {
      const doc = buildReview({ table: s.table, sheet: s.sheet, checkins, asOf: '2026-11-30', lang: 'en', alignment: tree });
      reviewToMarkdown(doc);
      reviewSheetPlan(doc);
    }
  });
  const totalMs = time(() => {
    const t = buildAlignment(sheets);
    for (const s of sheets) buildReview({ table: s.table, sheet: s.sheet, checkins, asOf: '2026-11-30', lang: 'en', alignment: t });
  });
  const dashMs = time(() => buildDashboard(sheets, checkins, '2026-11-30'));
  const small = sheetCalls(10);
  const large = sheetCalls(500);
  return {
    'recordCheckIn service calls, 10 KRs': { value: small.checkIn, unit: 'calls' },
    'recordCheckIn service calls, 500 KRs': { value: large.checkIn, unit: 'calls' },
    'generateReview service calls, 10 KRs': { value: small.review, unit: 'calls' },
    'generateReview service calls, 500 KRs': { value: large.review, unit: 'calls' },
    'generateDashboard service calls (incl. chart), 10 KRs': { value: small.dashboard, unit: 'calls' },
    'generateDashboard service calls (incl. chart), 500 KRs': { value: large.dashboard, unit: 'calls' },
    'generateReview on the in-memory workbook, 500 KRs': { value: large.reviewMs, unit: 'ms', note: 'HyperFormula recalculation included' },
    [`roll-up, ${krs} KRs / ${sheets.length} sheets`]: { value: rollupMs, unit: 'ms', budget: 1000 },
    [`review of all ${sheets.length} sheets (doc + Markdown + sheet plan)`]: { value: reviewAllMs, unit: 'ms' },
    [`roll-up + review, ${krs} KRs / ${sheets.length} sheets`]: { value: totalMs, unit: 'ms', budget: 1000 },
    [`dashboard data, ${krs} KRs, ${checkins.length} check-ins`]: { value: dashMs, unit: 'ms' },
  };
}
