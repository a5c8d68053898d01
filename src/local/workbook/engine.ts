/**
 * The formula engine of the in-memory workbook: HyperFormula (GPL-3.0, a development
 * dependency — never part of the Apps Script bundle), configured like Google Sheets:
 * TRUE/FALSE literals, array arithmetic, serial dates from 1899-12-30, SPARKLINE → blank.
 */
import { FunctionArgumentType, FunctionPlugin, HyperFormula } from 'hyperformula';

class SheetsOnlyPlugin extends FunctionPlugin {
  sparkline(ast: any, state: any): any {
    return this.runFunction(ast.args, state, this.metadata('SPARKLINE'), () => '');
  }
}
(SheetsOnlyPlugin as any).implementedFunctions = {
  SPARKLINE: {
    method: 'sparkline',
    parameters: [
      { argumentType: FunctionArgumentType.ANY },
      { argumentType: FunctionArgumentType.ANY, optionalArg: true },
    ],
  },
};

import { registerOkrFunctions } from '../hfPlugin';

let registered = false;
function register(): void {
  if (registered) return;
  registered = true;
  const names = { SPARKLINE: 'SPARKLINE' };
  HyperFormula.registerFunctionPlugin(SheetsOnlyPlugin as any, { enGB: names, enUS: names } as any);
  // the add-on's custom functions (=OKRSCORE(...) …), evaluated by the same code as in Sheets
  registerOkrFunctions(HyperFormula);
}

/**
 * Date/time text as Sheets reads it (en locale): 2026-10-01, 2026/10/01, 10/1/2026, optionally
 * followed by hh:mm[:ss]. A fast rejection of text that is not a date — the default parser
 * runs on every string comparison and dominated formula evaluation.
 */
function parseDateTime(text: string): any {
  const s = text.trim();
  if (!/^\d/.test(s)) return undefined;
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) {
    y = +m[1]!; mo = +m[2]!; d = +m[3]!;
  } else {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
    // month and day alone (`3/4`, `1-2`): Sheets (en-US) reads a date in the current year
    const md = m ? null : /^(\d{1,2})[-/](\d{1,2})$/.exec(s);
    if (md) m = [s, String(new Date().getFullYear()), md[1]!, md[2]!] as unknown as RegExpExecArray;
    if (m && md) {
      y = +m[1]!; mo = +m[2]!; d = +m[3]!;
    } else if (!m) {
      const t = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
      if (!t) return undefined;
      const hours = +t[1]!, minutes = +t[2]!, seconds = +(t[3] ?? 0);
      return hours < 24 && minutes < 60 && seconds < 60 ? { hours, minutes, seconds } : undefined;
    } else {
      mo = +m[1]!; d = +m[2]!; y = +m[3]!;
    }
  }
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return undefined;
  if (m[4] === undefined) return { year: y, month: mo, day: d };
  const hours = +m[4], minutes = +m[5]!, seconds = +(m[6] ?? 0);
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return { year: y, month: mo, day: d, hours, minutes, seconds };
}

export function createEngine(): HyperFormula {
  register();
  const hf = HyperFormula.buildEmpty({
    licenseKey: 'gpl-v3',
    useArrayArithmetic: true,
    dateFormats: ['YYYY-MM-DD', 'YYYY/MM/DD', 'MM/DD/YYYY'],
    timeFormats: ['hh:mm', 'hh:mm:ss'],
    nullDate: { year: 1899, month: 12, day: 30 },
    leapYear1900: false,
    functionArgSeparator: ',',
    decimalSeparator: '.',
    thousandSeparator: '',
    smartRounding: true,
    evaluateNullToZero: true,
    caseSensitive: false,
    maxRows: 100_000,
    parseDateTime,
  });
  // Sheets accepts TRUE and FALSE as literals; HyperFormula has them as functions only.
  hf.addNamedExpression('TRUE', '=TRUE()');
  hf.addNamedExpression('FALSE', '=FALSE()');
  return hf;
}

export type Engine = HyperFormula;
