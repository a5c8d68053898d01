/**
 * The custom functions in HyperFormula (Node only; HyperFormula is GPL-3.0 and a development
 * dependency, never bundled into the add-on). The SAME function code as in Sheets
 * (src/addon/customFunctions.ts) runs here: HyperFormula's values are converted to what Sheets
 * passes (numbers, strings, booleans, '' for blanks, 2-D arrays for ranges) and back.
 *
 *   import { HyperFormula } from 'hyperformula';
 *   registerOkrFunctions(HyperFormula);              // once per process; idempotent
 *   hf.setCellContents(..., '=OKRSCORE(KRPROGRESS(D2:D9,C2:C9,B2:B9),E2:E9)');
 *
 * Array results spill. HyperFormula must know a result's size before evaluating, so:
 * KRPROGRESS, OKRGRADE, OKRPACE, OKRROLLUP, OKRRUBRIC take the size of their first argument; OKRPARSE is
 * (rows of its argument) × 6; OKRCHECK reserves 4 columns × (2 × rows of the table + 5) rows,
 * blank below the last finding, and ends with a "… more" row if there are even more findings.
 * Errors become #VALUE! cells carrying the function's message.
 */
import {
  ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue,
} from 'hyperformula';
import * as CF from '../addon/customFunctions';

type Fn = (...args: unknown[]) => unknown;

interface Spec {
  fn: Fn;
  /** number of parameters; the last `optional` of them may be left out */
  params: number;
  optional: number;
  /** result size from the size of the first argument; absent = scalar result */
  size?: (w: number, h: number) => [number, number];
}

const PARSE_COLUMNS = 6;
const checkRows = (h: number) => 2 * h + 5;

export const OKR_FUNCTIONS: Record<string, Spec> = {
  OKRSCORE: { fn: CF.OKRSCORE as Fn, params: 3, optional: 2 },
  KRPROGRESS: { fn: CF.KRPROGRESS as Fn, params: 4, optional: 2, size: (w, h) => [w, h] },
  OKRGRADE: { fn: CF.OKRGRADE as Fn, params: 5, optional: 4, size: (w, h) => [w, h] },
  OKRPACE: { fn: CF.OKRPACE as Fn, params: 5, optional: 2, size: (w, h) => [w, h] },
  OKRPARSE: { fn: CF.OKRPARSE as Fn, params: 2, optional: 1, size: (_w, h) => [PARSE_COLUMNS, h] },
  OKRCHECK: { fn: CF.OKRCHECK as Fn, params: 2, optional: 1, size: (_w, h) => [4, checkRows(h)] },
  OKRROLLUP: { fn: CF.OKRROLLUP as Fn, params: 4, optional: 1, size: (w, h) => [w, h] },
  OKRRUBRIC: { fn: CF.OKRRUBRIC as Fn, params: 3, optional: 0, size: (w, h) => [w, h] },
};

/** A HyperFormula scalar → what Sheets passes; a CellError is returned as is (it propagates). */
function fromHf(v: unknown): unknown {
  if (v === EmptyValue || v === undefined || v === null) return '';
  if (v instanceof CellError) return v;
  if (typeof v === 'object' && v !== null && 'val' in v) return (v as { val: unknown }).val; // rich numbers (dates, %, currency)
  return v;
}

/** A HyperFormula argument → a Sheets argument (range → 2-D array); a CellError inside → that error. */
function argFromHf(v: unknown): unknown {
  if (v instanceof SimpleRangeValue) {
    const data = v.data;
    if (data.length === 1 && data[0]!.length === 1) {
      // Sheets passes a single cell as a scalar; a one-cell array result stays a range.
      if (v.range) return fromHf(data[0]![0]);
    }
    const out: unknown[][] = new Array(data.length);
    for (let r = 0; r < data.length; r++) {
      const row = data[r]!;
      const o: unknown[] = new Array(row.length);
      for (let c = 0; c < row.length; c++) {
        const x = fromHf(row[c]);
        if (x instanceof CellError) throw x;
        o[c] = x;
      }
      out[r] = o;
    }
    return out;
  }
  const x = fromHf(v);
  if (x instanceof CellError) throw x;
  return x;
}

function toHfScalar(v: unknown): unknown {
  if (v === '' || v === null || v === undefined) return EmptyValue;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

function toHf(result: unknown, size?: [number, number]): unknown {
  if (!Array.isArray(result)) return toHfScalar(result);
  let rows = (result as unknown[][]).map((r) => r.map(toHfScalar));
  if (size) {
    const [w, h] = size;
    if (rows.length > h) {
      const more = rows.length - h + 1;
      rows = rows.slice(0, h - 1);
      rows.push([`… ${more} more / 另有 ${more} 条`, ...new Array(Math.max(0, w - 1)).fill(EmptyValue)]);
    }
    rows = rows.map((r) => (r.length > w ? r.slice(0, w) : r));
  }
  return SimpleRangeValue.onlyValues(rows as never);
}

class OkrFunctionsPlugin extends FunctionPlugin {
  /** evaluates one of our functions; HyperFormula calls it through the generated methods below */
  evalOkr(name: string, ast: { args: unknown[] }, state: unknown): unknown {
    const spec = OKR_FUNCTIONS[name]!;
    const size = spec.size ? this.sizeOf(name, ast, state) : undefined;
    return this.runFunction(ast.args as never, state as never, this.metadata(name), (...args: unknown[]) => {
      try {
        const converted = args.map((a) => (a === undefined ? undefined : argFromHf(a)));
        while (converted.length && converted[converted.length - 1] === undefined) converted.pop();
        return toHf(spec.fn(...converted), size ? [size.width, size.height] : undefined) as never;
      } catch (e) {
        if (e instanceof CellError) return e;
        return new CellError(ErrorType.VALUE, e instanceof Error ? e.message : String(e));
      }
    });
  }

  sizeOf(name: string, ast: { args: unknown[] }, state: unknown): ArraySize {
    const spec = OKR_FUNCTIONS[name]!;
    const first = ast.args[0];
    if (!first || !spec.size) return ArraySize.scalar();
    const s = this.arraySizeForAst(first as never, state as never);
    // A range reference has isRef set (isScalar() true) but its real width and height.
    const [w, h] = spec.size(s.width, s.height);
    return w === 1 && h === 1 ? ArraySize.scalar() : new ArraySize(w, h);
  }
}

const metadata: Record<string, unknown> = {};
for (const [name, spec] of Object.entries(OKR_FUNCTIONS)) {
  const method = `fn_${name}`;
  const sizeMethod = `size_${name}`;
  (OkrFunctionsPlugin.prototype as unknown as Record<string, unknown>)[method] = function (this: OkrFunctionsPlugin, ast: { args: unknown[] }, state: unknown) {
    return this.evalOkr(name, ast, state);
  };
  if (spec.size) {
    (OkrFunctionsPlugin.prototype as unknown as Record<string, unknown>)[sizeMethod] = function (this: OkrFunctionsPlugin, ast: { args: unknown[] }, state: unknown) {
      return this.sizeOf(name, ast, state);
    };
  }
  metadata[name] = {
    method,
    ...(spec.size && { sizeOfResultArrayMethod: sizeMethod }),
    vectorizationForbidden: true,
    parameters: Array.from({ length: spec.params }, (_, i) => ({
      argumentType: FunctionArgumentType.ANY,
      ...(i >= spec.params - spec.optional && { optionalArg: true }),
    })),
  };
}
(OkrFunctionsPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = metadata;

/** The names of the functions this plugin adds. */
export const OKR_FUNCTION_NAMES = Object.keys(OKR_FUNCTIONS);

/**
 * Registers OKRSCORE, KRPROGRESS, OKRGRADE, OKRPACE, OKRPARSE, OKRCHECK, OKRROLLUP and OKRRUBRIC with a
 * HyperFormula class (pass the class you build engines from). Idempotent. Register before
 * building the engine that uses them.
 */
export function registerOkrFunctions(HF: typeof HyperFormula = HyperFormula): void {
  if (HF.getFunctionPlugin('OKRSCORE')) return;
  const names = Object.fromEntries(OKR_FUNCTION_NAMES.map((n) => [n, n]));
  const translations: Record<string, Record<string, string>> = {};
  for (const code of new Set([...HF.getRegisteredLanguagesCodes(), 'enGB', 'enUS'])) translations[code] = names;
  HF.registerFunctionPlugin(OkrFunctionsPlugin as never, translations);
}
