/**
 * The review's ninth part (issue 14 §3): computed, self, manager and final scores with the
 * manager's comment, for each objective and KR, in the workbook's scale — in the document, the
 * Markdown and the Review sheet alike; regenerating keeps no stale grade lines as "owner text".
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type OkrSettings } from '../../src/core/model';
import { mergeOwnerText, readOwnerText, reviewSheetPlan } from '../../src/core/plan/reviewSheet';
import { buildReview, reviewToMarkdown } from '../../src/core/review';
import { row, table } from './fixtures';

const graded = (scale: OkrSettings['scoreScale']) => {
  const f = scale === '0-100' ? 100 : 1;
  return table({ unit: '销售中心', level: 'department', owner: '王总' }, [
    row({ id: 'O1', type: 'objective', title: '提升业绩', owner: '王总', selfScore: 0.7 * f, managerScore: 0.4 * f, comment: '渠道\n尚未起量' }),
    row({ id: 'O1.KR1', type: 'increase', title: '商机 1000 个', owner: '李雷', start: 0, target: 1000, current: 600, selfScore: 0.8 * f }),
    row({ id: 'O1.KR2', type: 'increase', title: '渠道 50 家', owner: '韩梅', start: 0, target: 50, current: 20, managerScore: 0.3 * f }),
  ]);
};

const review = (scale: OkrSettings['scoreScale'], lang: 'zh-CN' | 'en' = 'zh-CN') =>
  buildReview({ table: graded(scale), sheet: '销售中心', checkins: [], asOf: '2026-11-30', lang, settings: { ...DEFAULT_SETTINGS, scoreScale: scale } });

describe('review part 9: the grading round', () => {
  it('0–1: one line per objective and KR, the comment, no prompt once self-scored', () => {
    const doc = review('0-1');
    const o = doc.objectives[0]!;
    expect(o).toMatchObject({ selfScore: 0.7, managerScore: 0.4, finalScore: 0.4, comment: '渠道\n尚未起量' });
    expect(o.computedScore).toBeCloseTo(0.5, 10);
    expect(o.krs.map((k) => [k.id, k.computedScore, k.selfScore, k.managerScore, k.finalScore])).toEqual([
      ['O1.KR1', 0.6, 0.8, null, 0.8], ['O1.KR2', 0.4, null, 0.3, 0.3],
    ]);
    const part = o.parts.find((p) => p.key === 'selfScore')!;
    expect(part.lines).toEqual([
      'O1：系统得分 0.5，自评 0.7，上级评 0.4，最终得分 0.4',
      'O1.KR1：系统得分 0.6，自评 0.8，上级评 —，最终得分 0.8',
      'O1.KR2：系统得分 0.4，自评 —，上级评 0.3，最终得分 0.3',
      'O1 上级评语：渠道 尚未起量',
    ]);
    expect(part.needsOwner).toBe(false);
    expect(part.title).toBe('评分（自评、上级评、最终得分）');
  });

  it('0–100 and percent: typed scores read in the scale, shown in the scale (en)', () => {
    const pts = review('0-100', 'en').objectives[0]!;
    expect(pts.managerScore).toBeCloseTo(0.4, 10);
    expect(pts.parts.find((p) => p.key === 'selfScore')!.lines.slice(0, 3)).toEqual([
      'O1: computed 50 pts, self 70 pts, manager 40 pts, final 40 pts',
      'O1.KR1: computed 60 pts, self 80 pts, manager —, final 80 pts',
      'O1.KR2: computed 40 pts, self —, manager 30 pts, final 30 pts',
    ]);
    const pct = review('percent', 'en').objectives[0]!;
    expect(pct.parts.find((p) => p.key === 'selfScore')!.lines[0]).toBe('O1: computed 50%, self 70%, manager 40%, final 40%');
    // the result part's score is in the scale too
    expect(pct.parts.find((p) => p.key === 'result')!.lines[0]).toMatch(/^Score 70%, progress 50%/);
  });

  it('Markdown and the Review sheet carry the same lines; regenerating keeps the owner\'s words only', () => {
    const doc = review('0-1');
    const md = reviewToMarkdown(doc);
    expect(md).toContain('**9. 评分（自评、上级评、最终得分）**\n\n- O1：系统得分 0.5，自评 0.7，上级评 0.4，最终得分 0.4\n');
    const plan = reviewSheetPlan(doc);
    const cell = plan.values.find((r) => r[1] === '9. 评分（自评、上级评、最终得分）')![2] as string;
    expect(cell.split('\n')).toEqual(doc.objectives[0]!.parts.find((p) => p.key === 'selfScore')!.lines);
    // the manager changes a score, the owner adds a line: the regenerated part has the new
    // grade line, the owner's line, and no stale grade line
    const sheet = plan.values.map((r) => r.map((c) => (c === null ? '' : c)));
    const at = sheet.findIndex((r) => r[1] === '9. 评分（自评、上级评、最终得分）');
    sheet[at]![2] = `${String(sheet[at]![2])}\n我认为渠道已经打开局面`;
    const t2 = graded('0-1');
    t2.rows[0] = { ...t2.rows[0]!, managerScore: 0.6 };
    const fresh = buildReview({ table: t2, sheet: '销售中心', checkins: [], asOf: '2026-11-30', settings: DEFAULT_SETTINGS });
    const merged = mergeOwnerText(fresh, readOwnerText(sheet));
    const lines = merged.objectives[0]!.parts.find((p) => p.key === 'selfScore')!.lines;
    expect(lines[0]).toBe('O1：系统得分 0.5，自评 0.7，上级评 0.6，最终得分 0.6');
    expect(lines.filter((l) => l.startsWith('O1：'))).toHaveLength(1);
    expect(lines.at(-1)).toBe('我认为渠道已经打开局面');
  });
});
