/**
 * A KR's history from the check-in log (issue 13 §3): every entry, latest first, with the
 * progress each value meant and the confidence change from the entry before it (drops of
 * CONFIDENCE_DROP or more are flagged, as in the digest).
 */
import { checkInsFor } from '../checkins';
import { isKrType } from '../labels';
import { krProgress } from '../progress';
import type { WorkbookModel } from '../snapshot';
import { normKey } from '../text';
import { CONFIDENCE_DROP } from './report';

export interface HistoryPoint {
  date: string;
  value: number | null;
  progress: number | null;
  confidence: number | null;
  /** Confidence fell by CONFIDENCE_DROP or more since the previous entry that had one. */
  confidenceDrop: boolean;
  done: string;
  blockers: string;
}

export function krHistory(model: WorkbookModel, sheet: string, krId: string): HistoryPoint[] {
  const o = model.okr.find((x) => x.sheet === sheet);
  if (!o) return [];
  const row = o.read.table.rows.find((r) => r.id && normKey(r.id) === normKey(krId));
  if (!row || !isKrType(row.type)) return [];
  const type = row.type;
  const entries = checkInsFor(model.checkins, o.read.table, sheet).filter((e) => normKey(e.krId) === normKey(row.id));
  let lastConf: number | null = null;
  const points = entries.map((e) => {
    const drop = e.confidence !== null && lastConf !== null && lastConf - e.confidence >= CONFIDENCE_DROP;
    if (e.confidence !== null) lastConf = e.confidence;
    return {
      date: e.date,
      value: e.value,
      progress: e.value === null ? null : krProgress(type, row.start, row.target, e.value),
      confidence: e.confidence,
      confidenceDrop: drop,
      done: e.done,
      blockers: e.blockers,
    };
  });
  return points.reverse();
}
