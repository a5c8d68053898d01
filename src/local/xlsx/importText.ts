/**
 * `okr-sheets import okrs.txt -o file.xlsx`: OKRs pasted as text (core `parseOkrText`) become a
 * workbook through the core import task (src/core/tasks/importText.ts — the sidebar's import runs
 * the same one): one OKR sheet (objectives and KRs with type, start, target, unit, due date and
 * owner as parsed; notes kept in the Notes column) plus the Check-ins, Actions and Settings sheets.
 */
import { todayIso } from '../../core/dates';
import type { Lang, Localized } from '../../core/i18n';
import type { ImportedOkrs } from '../../core/importtext';
import { cycleDates } from '../../core/pace';
import type { WorkbookPlan } from '../../core/plan/types';
import { importWorkbookPlan } from '../../core/tasks/importText';
import { CliError, say, t, writePlanXlsx, type CliIo, type Writer } from './cli';

export interface ImportPlanOptions {
  lang: Lang;
  /** e.g. 2026-Q4 (default: the text's own cycle, else the current quarter). */
  cycle?: string;
  unit?: string;
  owner?: string;
}

/** The workbook `import -o` writes: the core import task's plan (the add-on's, too). */
export function importedToPlan(imported: ImportedOkrs, opts: ImportPlanOptions): WorkbookPlan {
  return importWorkbookPlan(imported, { ...opts, today: todayIso() });
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
