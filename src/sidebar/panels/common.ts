/** Small pieces several panels share. */
import type { App } from '../app';
import { h, select } from '../dom';

/** OKR sheets of the spreadsheet, the active one first-selected. Null when there are none. */
export function okrSheetSelect(app: App, id: string): HTMLSelectElement | null {
  const ctx = app.context();
  const okr = (ctx?.sheets ?? []).filter((s) => s.isOkr);
  if (okr.length === 0) return null;
  const active = okr.some((s) => s.name === ctx?.activeSheet) ? ctx?.activeSheet : okr[okr.length - 1]!.name;
  return select(id, okr.map((s) => ({ value: s.name, label: s.name })), active);
}

export function primaryButton(id: string, label: string, onClick: () => void): HTMLButtonElement {
  return h('button', { id, type: 'button', className: 'action', onclick: () => onClick() }, label);
}

export { fmtNumber, fmtValue, unitAttached } from '../format';

/** Lenient number input: `80%` → 0.8, `5万` → 50000, `1.5k` → 1500, `¥10,000` → 10000. */
export function parseNumberInput(text: string): number | null | undefined {
  const s = text.trim().replace(/[,，\s¥$€]/g, '');
  if (s === '') return null;
  const m = /^([-+]?\d*\.?\d+)(%|万|亿|k|K|m|M)?$/.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  const mult: Record<string, number> = { '%': 0.01, 万: 1e4, 亿: 1e8, k: 1e3, K: 1e3, m: 1e6, M: 1e6 };
  const v = m[2] ? n * mult[m[2]]! : n;
  return Number.isFinite(v) ? Math.round(v * 1e9) / 1e9 : undefined;
}
