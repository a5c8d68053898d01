/**
 * The department template library's data format (templates/*.json), validated with zod/mini
 * (bundled into Apps Script). Every text is a Localized pair; KR values are numbers with
 * percentages as fractions (80% → 0.8, unit "%").
 */
import * as z from 'zod/mini';
import type { Localized } from '../i18n';
import type { KrType, Level, Source } from '../model';

const nonBlank = z.string().check(z.minLength(1), z.refine((s) => s.trim().length > 0, 'blank text'));
export const LocalizedSchema = z.strictObject({ 'zh-CN': nonBlank, en: nonBlank });

/** 'end' = cycle end; n = end of the n-th month of the cycle (clamped to the cycle end). */
export const DueSchema = z.union([z.literal('end'), z.int().check(z.gte(1), z.lte(12))]);

const ID_RE = /^[a-z][A-Za-z0-9]*$/;
const idSchema = z.string().check(z.regex(ID_RE));
/** A parent row ID: O1 or O1.KR2. */
const rowIdSchema = z.string().check(z.regex(/^O[1-9]\d*(\.KR[1-9]\d*)?$/));

export const KrTemplateSchema = z.strictObject({
  type: z.enum(['increase', 'decrease', 'atLeast', 'atMost', 'milestone', 'rubric']),
  title: LocalizedSchema,
  start: z.optional(z.nullable(z.number())),
  target: z.number(),
  unit: z.optional(LocalizedSchema),
  due: DueSchema,
  weight: z.optional(z.number().check(z.gte(0), z.lte(1))),
  alignsTo: z.optional(rowIdSchema),
  /** rubric KRs: the steps, `≥2000:1; ≥1500:0.7; ≥1000:0.3` (rubric.ts; language-neutral) */
  rubric: z.optional(z.string().check(z.minLength(1))),
});

export const ObjectiveTemplateSchema = z.strictObject({
  title: LocalizedSchema,
  why: LocalizedSchema,
  source: z.enum(['topDown', 'bottomUp']),
  alignsTo: z.optional(rowIdSchema),
  krs: z.array(KrTemplateSchema).check(z.minLength(2), z.maxLength(4)),
});

export const RoleTemplateSchema = z.strictObject({
  id: idSchema,
  name: LocalizedSchema,
  level: z.enum(['company', 'department', 'team', 'individual']),
  /** The role whose OKRs this one aligns to (objective/KR alignsTo IDs point into it). */
  parent: z.optional(z.strictObject({ dept: idSchema, role: idSchema })),
  objectives: z.array(ObjectiveTemplateSchema).check(z.minLength(1), z.maxLength(3)),
});

export const DepartmentTemplateSchema = z.strictObject({
  id: idSchema,
  name: LocalizedSchema,
  roles: z.array(RoleTemplateSchema).check(z.minLength(1)),
});

export type Due = 'end' | number;

export interface KrTemplate {
  type: KrType;
  title: Localized;
  start?: number | null;
  target: number;
  unit?: Localized;
  due: Due;
  weight?: number;
  alignsTo?: string;
  rubric?: string;
}

export interface ObjectiveTemplate {
  title: Localized;
  why: Localized;
  source: Source;
  alignsTo?: string;
  krs: KrTemplate[];
}

export interface RoleTemplate {
  id: string;
  name: Localized;
  level: Level;
  parent?: { dept: string; role: string };
  objectives: ObjectiveTemplate[];
}

export interface DepartmentTemplate {
  id: string;
  name: Localized;
  roles: RoleTemplate[];
}

// The hand-written interfaces and the schemas must describe the same data.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameDept: Same<z.infer<typeof DepartmentTemplateSchema>, DepartmentTemplate> = true;
void _sameDept;

/** Parses one department file; throws a readable message listing every problem. */
export function parseDepartment(data: unknown, file = 'template'): DepartmentTemplate {
  const r = DepartmentTemplateSchema.safeParse(data);
  if (!r.success) throw new Error(`${file}: ${z.prettifyError(r.error)}`);
  return r.data;
}
