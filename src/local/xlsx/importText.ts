/**
 * `okr-sheets import okrs.txt -o file.xlsx`: OKRs pasted as text (core `parseOkrText`) become a
 * workbook — one OKR sheet (objectives and KRs with type, start, target, unit, due date and owner
 * as parsed; notes kept in the Notes column) plus the Check-ins, Actions and Settings sheets.
 */
import type { Lang, Localized } from '../../core/i18n';
import type { ImportedOkrs } from '../../core/importtext';
import { SHEET_NAMES } from '../../core/labels';
import type { KrType } from '../../core/model';
import { cycleDates } from '../../core/pace';
import { buildOkrSheetPlanFromRows, type OkrSheetRow } from '../../core/plan/okrSheet';
import { buildActionsPlan, buildCheckInsPlan, buildSettingsPlan } from '../../core/plan/supportSheets';
import type { WorkbookPlan } from '../../core/plan/types';
import { CliError, say, t, writePlanXlsx, type CliIo, type Writer } from './cli';

export interface ImportPlanOptions {
  lang: Lang;
  /** e.g. 2026-Q4 (default: the current quarter). */
  cycle?: string;
  unit?: string;
  owner?: string;
}

function currentQuarter(): string {
  const d = new Date();
  return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
}

/** The KR type a parsed sentence implies. */
function krType(p: ImportedOkrs['objectives'][number]['keyResults'][number]['parsed']): KrType {
  if (p.krType) return p.krType;
  if (p.kind === 'milestone') return 'milestone';
  return p.direction === 'decrease' ? 'decrease' : 'increase';
}

/** A deadline inside the cycle: `YYYY-MM-DD`, or `MM-DD` placed in the cycle's year(s). */
function dueIn(deadline: string | null, start: string, end: string): string | null {
  if (!deadline) return null;
  if (deadline.startsWith('end-of-')) return end;
  if (/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return deadline;
  const m = /^(\d{2})-(\d{2})$/.exec(deadline);
  if (!m) return null;
  for (const y of new Set([start.slice(0, 4), end.slice(0, 4)])) {
    const iso = `${y}-${m[1]}-${m[2]}`;
    if (iso >= start && iso <= end) return iso;
  }
  return `${start.slice(0, 4)}-${m[1]}-${m[2]}`;
}

export function importedToPlan(imported: ImportedOkrs, opts: ImportPlanOptions): WorkbookPlan {
  const { lang } = opts;
  const cycle = opts.cycle ?? currentQuarter();
  const dates = cycleDates(cycle) ?? cycleDates(currentQuarter())!;
  const rows: OkrSheetRow[] = [];
  imported.objectives.forEach((o, i) => {
    const oid = `O${i + 1}`;
    rows.push({
      id: oid,
      type: 'objective',
      title: o.title,
      owner: o.owner ?? opts.owner ?? '',
      notes: o.notes.join('\n'),
    });
    o.keyResults.forEach((k, j) => {
      const type = krType(k.parsed);
      const pct = k.parsed.unit === '%';
      rows.push({
        id: `${oid}.KR${j + 1}`,
        type,
        title: k.title,
        owner: k.owner ?? o.owner ?? opts.owner ?? '',
        start: type === 'milestone' ? null : k.parsed.start,
        target: type === 'milestone' ? 1 : k.parsed.target,
        unit: k.parsed.unit ?? '',
        due: dueIn(k.parsed.deadline, dates.start, dates.end),
        ...(pct || type === 'milestone' ? { valueFormat: '0%' } : {}),
      });
    });
  });
  const settingsName = SHEET_NAMES.settings[lang];
  const okr = buildOkrSheetPlanFromRows({
    lang,
    header: {
      unit: opts.unit ?? '',
      level: null,
      owner: opts.owner ?? '',
      cycle,
      cycleStart: dates.start,
      cycleEnd: dates.end,
      alignedTo: '',
    },
    rows,
    settingsSheetName: settingsName,
    metadata: imported.notes.length ? { 'okrSheets.importNotes': imported.notes.join('\n').slice(0, 30000) } : {},
  });
  return {
    sheets: [
      okr,
      buildCheckInsPlan(lang),
      buildActionsPlan(lang),
      buildSettingsPlan({ lang, cycle, cycleStart: dates.start, cycleEnd: dates.end, sheetName: settingsName }),
    ],
  };
}

const TEXT = {
  wrote: { 'zh-CN': '已写入 {file}：{o} 个目标，{kr} 个关键结果', en: 'Wrote {file}: {o} objective(s), {kr} key result(s)' },
  badCycle: { 'zh-CN': '无法识别的周期：{value}（示例：2026-Q4、2026-11、2026）', en: 'Unknown cycle: {value} (examples: 2026-Q4, 2026-11, 2026)' },
  nothing: {
    'zh-CN': '没有识别出目标或关键结果，未写入 {file}。请按“目标1：…”“KR1：…”的格式每行一条。',
    en: 'No objectives or key results were recognised; {file} was not written. Write one per line: "O1: …", "KR1: …".',
  },
} satisfies Record<string, Localized>;

/**
 * The `-o file.xlsx` part of `okr-sheets import` (src/local/cli/import.ts calls it). Returns the
 * exit code: 0 written, 2 nothing recognised, bad output path or unwritable file (message on stderr).
 */
export async function importToXlsx(
  imported: ImportedOkrs,
  a: { out: string; lang: Lang; file?: string | null; force?: boolean; cycle?: string; unit?: string; owner?: string },
  io: { stdout: Writer; stderr: Writer; cwd?: string },
): Promise<number> {
  try {
    if (a.cycle && !cycleDates(a.cycle)) throw new CliError(t(a.lang, TEXT.badCycle, { value: a.cycle }));
    // An empty workbook with exit 0 would look like success: nothing recognised is an input error.
    if (imported.objectives.length === 0) throw new CliError(t(a.lang, TEXT.nothing, { file: a.out }));
    const plan = importedToPlan(imported, {
      lang: a.lang,
      ...(a.cycle ? { cycle: a.cycle } : {}),
      ...(a.unit ? { unit: a.unit } : {}),
      ...(a.owner ? { owner: a.owner } : {}),
    });
    await writePlanXlsx(io as CliIo, a.out, plan, a.lang, { inputs: a.file ? [a.file] : [], force: a.force ?? false });
    const kr = imported.objectives.reduce((n, o) => n + o.keyResults.length, 0);
    say(io.stderr, t(a.lang, TEXT.wrote, { file: a.out, o: imported.objectives.length, kr }));
    return 0;
  } catch (e) {
    say(io.stderr, e instanceof CliError ? e.message : e instanceof Error ? e.message.split('\n')[0]! : String(e));
    return 2;
  }
}
