/** Huge rosters and texts for the fuzz suite and bench/fuzz.bench.ts. */

export function hugeRosterCsv(units: number): string {
  const lines = ['Unit,Level,Parent,Owner,Email,Department template,Role template', 'Company,company,,Ann,ann@example.com,,'];
  for (let i = 1; i < units; i++) lines.push(`Team ${i},team,Company,Owner ${i},o${i}@example.com,sales,`);
  return lines.join('\n') + '\n';
}

export function hugeOkrText(bytes: number): string {
  const out: string[] = [];
  let size = 0;
  for (let i = 1; size < bytes; i++) {
    const block = `目标${i}：优化第 ${i} 条采购流程\nKR1：将采购周期由 1.5 天缩短至 1 天\n负责人：周敏\nKR2：来料不合格率低于 2%\n`;
    out.push(block);
    size += block.length;
  }
  return out.join('');
}
