/**
 * LibreOffice headless as an independent spreadsheet engine for tests: converts an xlsx to xlsx,
 * which recalculates every formula and stores the results, with a fresh throw-away profile whose
 * registrymodifications.xcu sets Calc's "recalculation on file load" to Always (0) for OOXML and
 * ODF (org.openoffice.Office.Calc/Formula/Load: OOXMLRecalcMode, ODFRecalcMode; default 1 = never).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Path of `soffice`, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    try {
      const p = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (p) return p;
    } catch {
      /* not found */
    }
  }
  for (const p of ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice']) {
    if (existsSync(p)) return p;
  }
  return null;
}

const XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Recalculates `xlsx` in LibreOffice and returns the saved xlsx (with cached results). */
export async function recalcWithLibreOffice(xlsx: Buffer, opts: { timeoutMs?: number; soffice?: string } = {}): Promise<Buffer> {
  const soffice = opts.soffice ?? findSoffice();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'okr-lo-'));
  try {
    const profile = join(dir, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), XCU);
    const input = join(dir, 'in', 'book.xlsx');
    mkdirSync(join(dir, 'in'));
    mkdirSync(join(dir, 'out'));
    writeFileSync(input, xlsx);
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless', '--norestore', '--nolockcheck', '--nodefault',
      '--convert-to', 'xlsx:Calc MS Excel 2007 XML',
      '--outdir', join(dir, 'out'),
      input,
    ];
    await new Promise<void>((resolve, reject) => {
      execFile(soffice, args, { timeout: opts.timeoutMs ?? 180_000, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
        if (err) reject(new Error(`soffice failed: ${err.message}\n${stdout}\n${stderr}`));
        else resolve();
      });
    });
    const out = join(dir, 'out', 'book.xlsx');
    if (!existsSync(out)) throw new Error('soffice produced no output file');
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
