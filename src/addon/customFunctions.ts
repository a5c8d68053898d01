/**
 * The custom functions (design §4). Each is a global function in Sheets: the build copies the
 * JSDoc of each (in ./customFunctions/<name>.ts, next to its body) into dist/CustomFunctions.js,
 * which is what Sheets' autocomplete reads; parameter names are the names Sheets shows. One
 * module per function, so a call in the lazily initialised bundle loads only what it needs.
 * Pure code, also registered in HyperFormula by src/local/hfPlugin.ts.
 *
 * All of them: ranges in, ranges out (one call for a whole column); deterministic; bad input →
 * a short bilingual message (thrown for a problem with the whole call, written into the row
 * for a problem with one row of a range). See README "Custom functions".
 */
export { OKRSCORE } from './customFunctions/score';
export { KRPROGRESS } from './customFunctions/krprogress';
export { OKRGRADE } from './customFunctions/grade';
export { OKRPACE } from './customFunctions/pace';
export { OKRPARSE } from './customFunctions/parse';
export { OKRCHECK } from './customFunctions/check';
export { OKRROLLUP } from './customFunctions/rollup';
export { OKRRUBRIC } from './customFunctions/rubric';
