/**
 * Grading panel (issue 14 §3, the manager's end-of-cycle round): for the chosen OKR sheet, every
 * objective and KR with its computed, self and final scores side by side, the rubric at hand,
 * and inputs for the Manager score (typed in the workbook's scale) and the Comment. One Save
 * sends only the rows whose inputs changed; the server validates every score first and writes
 * only those cells, then answers with the view as it now stands (new Final scores included).
 *
 * Also here: generate the 360 evaluation sheet of a cycle from the roster (issue 14 §4), which
 * shows each person's OKR final score beside the 360 result.
 * User text is only ever set as text (dom.h / textContent).
 */
import type { Localized } from '../../core/i18n';
import { fmt } from '../../core/i18n';
import type { GradingView, GradingViewRow } from '../../core/tasks/grading';
import type { App, Panel } from '../app';
import { clear, field, h } from '../dom';
import { okrSheetSelect, primaryButton } from './common';

export const GRADING_PANEL_TEXT = {
  title: { 'zh-CN': '评分', en: 'Grading' },
  intro: {
    'zh-CN': '周期结束时由上级评分：填写上级评分和评语，点“保存”只写入这两列。最终得分 = 上级评分，未填时取自评，再无则取系统得分。',
    en: 'At the end of the cycle the manager grades: enter manager scores and comments, and Save writes only those two columns. Final score = the manager\'s, else the self-score, else the computed score.',
  },
  noOkrSheet: { 'zh-CN': '还没有 OKR 表。', en: 'There is no OKR sheet yet.' },
  sheet: { 'zh-CN': 'OKR 表', en: 'OKR sheet' },
  load: { 'zh-CN': '刷新', en: 'Refresh' },
  scale: { 'zh-CN': '评分刻度：{range}', en: 'Score scale: {range}' },
  computed: { 'zh-CN': '系统', en: 'Computed' },
  self: { 'zh-CN': '自评', en: 'Self' },
  final: { 'zh-CN': '最终', en: 'Final' },
  manager: { 'zh-CN': '上级评分', en: 'Manager score' },
  comment: { 'zh-CN': '评语', en: 'Comment' },
  rubric: { 'zh-CN': '评分标准：{text}', en: 'Rubric: {text}' },
  save: { 'zh-CN': '保存评分', en: 'Save grades' },
  nothing: { 'zh-CN': '没有改动需要保存。', en: 'Nothing changed to save.' },
  saved: { 'zh-CN': '已保存“{sheet}”的 {n} 行评分。', en: 'Saved {n} row(s) of grades on "{sheet}".' },
  notEditable: {
    'zh-CN': '这张表没有“上级评分”和“评语”列，只能查看。',
    en: 'This sheet has no Manager score and Comment columns; it can only be viewed.',
  },
  placeholder01: { 'zh-CN': '如 0.7', en: 'e.g. 0.7' },
  placeholder100: { 'zh-CN': '如 70', en: 'e.g. 70' },
  placeholderPct: { 'zh-CN': '如 70%', en: 'e.g. 70%' },
  evaluationTitle: { 'zh-CN': '360 评估', en: '360 evaluation' },
  evaluationHint: {
    'zh-CN': '按组织名单生成本周期的 360 评估表；每人的 OKR 最终得分作为参考列在结果旁（默认权重 0）。',
    en: 'Makes this cycle\'s 360 evaluation sheet from the roster; each person\'s OKR final score is shown beside the result as context (weight 0 by default).',
  },
  cycle: { 'zh-CN': '周期', en: 'Cycle' },
  generateEvaluation: { 'zh-CN': '生成 360 评估表', en: 'Generate 360 evaluation' },
  evaluationDone: {
    'zh-CN': '已写入“{sheet}”：{people} 人、{rows} 行评价，其中 {okr} 人有 OKR 最终得分。',
    en: 'Written to "{sheet}": {people} people, {rows} evaluation rows; {okr} with an OKR final score.',
  },
} satisfies Record<string, Localized>;

type Key = keyof typeof GRADING_PANEL_TEXT;

function currentQuarter(): string {
  const d = new Date();
  return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
}

export const gradingPanel: Panel = {
  id: 'grading',
  title: GRADING_PANEL_TEXT.title,
  async render(root, app) {
    const t = (k: Key, p: Record<string, string | number> = {}) => fmt(GRADING_PANEL_TEXT[k], app.lang, p);
    root.appendChild(h('p', { className: 'hint' }, t('intro')));
    const sheet = okrSheetSelect(app, 'gr-sheet');
    const box = h('div', { id: 'gr-rows' });
    if (sheet) {
      let view: GradingView | null = null;
      const load = async () => {
        app.clearMessages();
        try {
          view = await app.rpc('gradingView', { sheet: sheet.value });
          renderRows(box, view, t);
        } catch {
          /* shown */
        }
      };
      const save = primaryButton('gr-save', t('save'), async () => {
        app.clearMessages();
        if (!view) return;
        const grades = changedGrades(box, view.rows);
        if (grades.length === 0) {
          app.info(t('nothing'));
          return;
        }
        try {
          const r = await app.rpc('saveGrades', { sheet: sheet.value, grades });
          if (!r.ok) {
            app.error(r.errors.join('\n'));
            return;
          }
          view = r.view;
          renderRows(box, view, t);
          app.info(t('saved', { sheet: r.sheet, n: r.written }));
        } catch {
          /* shown */
        }
      });
      const refresh = h('button', { id: 'gr-load', type: 'button', onclick: () => void load() }, t('load'));
      sheet.addEventListener('change', () => void load());
      root.append(field(t('sheet'), sheet), box, h('div', { className: 'buttons' }, save, refresh));
      await load();
    } else {
      root.appendChild(h('p', { className: 'empty' }, t('noOkrSheet')));
    }

    // 360 evaluation from the roster (RPC generateEvaluation)
    const cycle = h('input', { id: 'gr-cycle', type: 'text', value: currentQuarter(), maxlength: 40 });
    const generate = h('button', { id: 'gr-evaluation', type: 'button', onclick: async () => {
      app.clearMessages();
      try {
        const r = await app.rpc('generateEvaluation', { cycle: cycle.value.trim() });
        if (!r.ok) app.error(r.problems.join('\n'));
        else app.info(t('evaluationDone', { sheet: r.sheet ?? '', people: r.people, rows: r.rows, okr: r.withOkrScore ?? 0 }));
      } catch {
        /* shown */
      }
    } }, t('generateEvaluation'));
    root.append(h('hr'), h('h3', {}, t('evaluationTitle')), h('p', { className: 'hint' }, t('evaluationHint')), field(t('cycle'), cycle), h('div', { className: 'buttons' }, generate));
  },
};

/** One card per objective / KR: title, the scores side by side, the rubric, the two inputs. */
function renderRows(box: HTMLElement, view: GradingView, t: (k: Key, p?: Record<string, string | number>) => string): void {
  clear(box);
  const editable = view.sheets[0]?.editable !== false;
  box.appendChild(h('p', { className: 'hint', id: 'gr-scale' }, t('scale', { range: view.range })));
  if (!editable) box.appendChild(h('p', { className: 'empty' }, t('notEditable')));
  const placeholder = view.scale === '0-100' ? t('placeholder100') : view.scale === 'percent' ? t('placeholderPct') : t('placeholder01');
  view.rows.forEach((r, i) => {
    const manager = h('input', { id: `gr-manager-${i}`, type: 'text', value: r.managerInput, placeholder, maxlength: 40, disabled: !editable || !r.managerCell, 'data-id': r.id });
    const comment = h('textarea', { id: `gr-comment-${i}`, rows: 2, maxlength: 2000, disabled: !editable || !r.commentCell, 'data-id': r.id });
    comment.value = r.comment;
    // inline styles: the shared stylesheet belongs to every panel; these two lines are this card's
    const style = `border-bottom:1px solid #e8eaed;padding:6px 0;${r.kind === 'objective' ? 'background:#f1f3f4;' : 'padding-left:8px;'}`;
    box.appendChild(h('div', { className: r.kind === 'objective' ? 'grade-card obj' : 'grade-card', 'data-id': r.id, style },
      h('div', { className: 'grade-title' }, h('strong', {}, r.id), ` ${r.title}`, r.owner ? ` · ${r.owner}` : ''),
      h('div', { className: 'grade-scores' },
        `${t('computed')} `, h('span', { id: `gr-computed-${i}` }, r.text.computed),
        ` · ${t('self')} `, h('span', { id: `gr-self-${i}` }, r.text.self),
        ` · ${t('final')} `, h('strong', { id: `gr-final-${i}` }, r.text.final),
      ),
      r.rubric ? h('div', { className: 'hint grade-rubric' }, t('rubric', { text: r.rubric })) : null,
      field(t('manager'), manager),
      field(t('comment'), comment),
    ));
  });
}

/** The rows whose Manager score or Comment input differs from what the view was given. */
function changedGrades(box: HTMLElement, rows: readonly GradingViewRow[]): { id: string; managerScore: string; comment: string }[] {
  const out: { id: string; managerScore: string; comment: string }[] = [];
  rows.forEach((r, i) => {
    const m = box.querySelector<HTMLInputElement>(`#gr-manager-${i}`);
    const c = box.querySelector<HTMLTextAreaElement>(`#gr-comment-${i}`);
    if (!m || !c || m.disabled) return;
    if (m.value.trim() !== r.managerInput || c.value !== r.comment) out.push({ id: r.id, managerScore: m.value, comment: c.value });
  });
  return out;
}
