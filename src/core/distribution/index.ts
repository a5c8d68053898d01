/**
 * HR's distribution loop across files (issue 12, design §8): the hub's Units registry, a plan per
 * unit file, collection back into the hub, company templates, placeholders, the generic template.
 * Pure core: the shells (src/sheets/distribution.ts, src/local/cli/{distribute,collect}.ts) read
 * snapshots and apply what these functions return.
 */
export * from './registry';
export * from './placeholders';
export * from './generic';
export * from './companyTemplates';
export * from './templateLint';
export * from './units';
export * from './distribute';
export * from './collect';
export * from './unitTable';
export * from './hubReview';
export * from './hubCycle';
