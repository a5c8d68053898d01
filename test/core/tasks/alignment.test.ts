/**
 * Issue 11 §9: alignment loops and self-alignment are reported by every path — the tree, Check
 * (the core task behind the sidebar's Check and `okr-sheets lint`), the review and the Alignment
 * map — and long problem lists are capped with a count of the rest.
 */
import { describe, expect, it } from 'vitest';
import { MAX_PROBLEM_LINES, alignmentProblemLines, buildAlignment, capLines, type AlignmentTree } from '../../../src/core/alignment';
import { alignmentSheetPlan } from '../../../src/core/plan/alignmentSheet';
import { buildOkrSheetPlanFromRows } from '../../../src/core/plan/okrSheet';
import { readSnapshot } from '../../../src/core/snapshot';
import { alignmentTask } from '../../../src/core/tasks/alignment';
import { checkWorkbook } from '../../../src/core/tasks/check';
import { reviewDocument, reviewsMarkdown } from '../../../src/core/tasks/review';
import { createLocalApp } from '../../../src/local/workbook';
import { applyWorkbookPlan } from '../../../src/sheets/applyPlan';
import { takeSnapshot } from '../../../src/sheets/snapshot';
import { row, table } from '../../review/fixtures';

const unit = (name: string, parent: string, o1AlignsTo: string) =>
  table({ unit: name, level: 'team', owner: 'x', alignedTo: parent }, [
    row({ id: 'O1', type: 'objective', title: `${name} goal`, alignsTo: o1AlignsTo }),
    row({ id: 'O1.KR1', type: 'increase', title: 'Raise x from 0 to 10', start: 0, target: 10, current: 5 }),
  ], 'en');

describe('alignment loops in the tree', () => {
  it('an objective aligned to itself is a loop of one, reported (not silently dropped)', () => {
    const tree = buildAlignment([{ sheet: 'C', table: unit('C', '', 'C/O1') }]);
    expect(tree.problems.map((p) => p.message.en)).toEqual(['Alignment loop: C/O1 → C/O1 (the links inside the loop are ignored)']);
    expect(tree.problems[0]!.message['zh-CN']).toContain('C/O1 → C/O1');
  });
  it('a unit whose "aligned to" names itself is reported', () => {
    const tree = buildAlignment([{ sheet: 'C', table: unit('C', 'C', '') }]);
    expect(tree.problems.map((p) => p.kind)).toEqual(['unitCycle']);
    expect(tree.problems[0]!.message.en).toContain('C → C');
  });
  it('A → B → A is reported once, the tree still built', () => {
    const tree = buildAlignment([{ sheet: 'A', table: unit('A', '', 'B/O1') }, { sheet: 'B', table: unit('B', '', 'A/O1') }]);
    expect(tree.problems.filter((p) => p.kind === 'cycle')).toHaveLength(1);
    expect(tree.roots.map((u) => u.unit).sort()).toEqual(['A', 'B']);
  });
});

describe('long problem lists are capped with a count of the rest', () => {
  const many = Array.from({ length: 60 }, (_, i) => ({ sheet: `S${i}`, table: unit(`S${i}`, '', `S${i}/O1`) }));
  const tree: AlignmentTree = buildAlignment(many);
  it('capLines / alignmentProblemLines', () => {
    expect(tree.problems).toHaveLength(60);
    const lines = alignmentProblemLines(tree, 'en');
    expect(lines).toHaveLength(MAX_PROBLEM_LINES + 1);
    expect(lines.at(-1)).toBe('… and 10 more problems not listed');
    expect(capLines(['a', 'b', 'c'], 'zh-CN', 2)).toEqual(['a', 'b', '……另有 1 个问题未列出']);
    expect(capLines(['a', 'b'], 'en', 2)).toEqual(['a', 'b']);
  });
  it('the Alignment map lists at most 50 problems and counts the rest', () => {
    const plan = alignmentSheetPlan(tree, 'en');
    const cells = plan.values.map((r) => String(r[0] ?? ''));
    expect(cells.filter((c) => c.startsWith('Alignment loop:'))).toHaveLength(MAX_PROBLEM_LINES);
    expect(cells).toContain('… and 10 more problems not listed');
  });
});

describe('every path reports A → B → A and C/O1 → C/O1', () => {
  it('Check (sidebar + lint), the review Markdown and the alignment task', () => {
    const local = createLocalApp({ lang: 'en' });
    const ctx = local.ctx('en');
    const sheet = (t: ReturnType<typeof unit>, name: string) => buildOkrSheetPlanFromRows({
      lang: 'en', sheetName: name, spareRows: 0, settingsSheetName: null, header: { ...t.header, asOf: null },
      rows: t.rows.map((r) => ({ id: r.id, type: r.type, title: r.title, owner: r.owner, alignsTo: r.alignsTo, start: r.start, target: r.target, current: r.current })),
    });
    applyWorkbookPlan(ctx, { sheets: [sheet(unit('A', '', 'B/O1'), 'A'), sheet(unit('B', '', 'A/O1'), 'B'), sheet(unit('C', '', 'C/O1'), 'C')] });
    const model = readSnapshot(takeSnapshot(ctx, { asOf: '2026-11-30' }), 'en');

    const checks = checkWorkbook(model, { lang: 'en' });
    const loops = checks.flatMap((c) => c.findings.filter((f) => f.ruleId === 'alignment-loop'));
    expect(loops.map((f) => f.message)).toEqual(expect.arrayContaining([expect.stringContaining('C/O1 → C/O1'), expect.stringMatching(/A\/O1 → B\/O1 → A\/O1|B\/O1 → A\/O1 → B\/O1/)]));
    const self = loops.find((f) => f.message.includes('C/O1 → C/O1'))!;
    expect(self.sheet).toBe('C');
    expect(self.a1).toMatch(/^[A-Z]+\d+$/); // the objective's "Aligns to" cell
    expect(ctx.ss.getSheetByName('C')!.getRange(self.a1!).getValue()).toBe('C/O1');

    const doc = reviewDocument(model, { sheet: 'C' });
    expect(reviewsMarkdown([doc as Exclude<typeof doc, { error: unknown }>])).toContain('C/O1 → C/O1');
    const docA = reviewDocument(model, { sheet: 'A' });
    expect(reviewsMarkdown([docA as Exclude<typeof docA, { error: unknown }>])).toMatch(/## Alignment problems[\s\S]*A\/O1/);

    expect(alignmentTask(model).problems.join('\n')).toContain('C/O1 → C/O1');
  }, 60_000);
});
