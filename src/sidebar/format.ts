/**
 * Number formatting for the panels: the one core formatter (src/core/format.ts), so the sidebar
 * shows a value exactly as the review, dashboard and CLI do. Pure code; esbuild bundles it.
 */
export { fmtNumber, fmtValue, unitAttached } from '../core/format';
