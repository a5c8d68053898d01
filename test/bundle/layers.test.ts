/**
 * The dependency rule of the README's Architecture section, checked on the sources: `core`
 * imports nothing of ours outside `core` (packages only: zod/mini); `sheets` imports only `core`
 * and itself; nothing in `core` or `sheets` imports `addon`, `local` or `sidebar`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every relative import of a file, as a path from the repository root. */
function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const spec = m[1] ?? m[2]!;
    out.push(spec.startsWith('.') ? relative(ROOT, resolve(dirname(file), spec)) : `package:${spec}`);
  }
  return out;
}

function violations(layer: string, allowed: (target: string) => boolean): string[] {
  return files(join(ROOT, layer)).flatMap((f) => imports(f).filter((t) => !allowed(t)).map((t) => `${relative(ROOT, f)} → ${t}`));
}

describe('layers', () => {
  it('core imports only core (and zod/mini)', () => {
    expect(violations('src/core', (t) => t.startsWith('src/core/') || t.endsWith('.json') || t === 'package:zod/mini')).toEqual([]);
  });
  it('sheets imports only core and sheets', () => {
    expect(violations('src/sheets', (t) => t.startsWith('src/core/') || t.startsWith('src/sheets/'))).toEqual([]);
  });
  it('the check finds a violation when there is one', () => {
    expect(violations('src/local', (t) => t.startsWith('src/core/'))).not.toEqual([]);
  });
});
