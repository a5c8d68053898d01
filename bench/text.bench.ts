/**
 * Text parsing speed: KR sentences (parseKrText), pasted OKR text (parseOkrText), lenient cell
 * numbers (parseNumber). Inputs are generated deterministically from sentence patterns.
 */
import { parseOkrText } from '../src/core/importtext';
import { parseKrText } from '../src/core/krtext';
import { parseNumber } from '../src/core/numbers';

const PATTERNS: ((n: number, m: number) => string)[] = [
  (n, m) => `将采购周期由 ${n + 1}.5 天缩短至 ${m % (n + 1) + 1} 天`,
  (n, m) => `Raise NPS from ${n} to ${n + m}`,
  (n) => `新员工试用期通过率 ${n % 100}%`,
  () => '拓展五家新的招聘渠道',
  () => '月底前上线一个新的 SEO 网站',
  (n) => `通过集中议价降低采购成本 ${n} 万元`,
  (n) => `Keep monthly voluntary attrition below ${n % 10}.5%`,
  (n, m) => `${(m % 12) + 1} 月 ${(n % 28) + 1} 日之前，${n} 人准时到岗`,
  (n) => `有效商机不少于 ${n} 个，渠道合作增长至xx家`,
  (n) => `Hire ${n % 20} senior data engineers by end of Q3`,
  (n) => `官网月访问量同比增长 ${n % 90}%`,
  () => 'Ship SSO for enterprise customers by 2026-11-30',
];

export function krSentences(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(PATTERNS[i % PATTERNS.length]!(i % 97, (i * 7) % 53));
  return out;
}

function timeMs(f: () => void, repeat = 3): number {
  const times: number[] = [];
  for (let r = 0; r < repeat; r++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]! * 10) / 10;
}

export async function run(): Promise<Record<string, number | string>> {
  const sentences = krSentences(10_000);
  let parsed = 0;
  parseKrText(sentences[0]!); // warm-up
  const krMs = timeMs(() => {
    parsed = 0;
    for (const s of sentences) if (parseKrText(s).kind !== null) parsed++;
  });

  const lines: string[] = ['团队 OKR 草稿'];
  for (let o = 0; o < 2_000; o++) {
    lines.push(`O${o + 1}：提升第 ${o + 1} 条业务线的交付质量`);
    for (let k = 0; k < 4; k++) lines.push(`KR${k + 1}：${sentences[(o * 4 + k) % sentences.length]}`);
  }
  const text = lines.join('\n');
  let objectives = 0;
  const importMs = timeMs(() => {
    objectives = parseOkrText(text).objectives.length;
  });

  const cells = ['80%', '5万', '1.5亿', '¥10,000', '五家', '1,234.5', 'N/A', '', '十二', '$1.2M'];
  const numMs = timeMs(() => {
    for (let i = 0; i < 100_000; i++) parseNumber(cells[i % cells.length]);
  });

  return {
    parse_kr_10k_sentences_ms: krMs,
    parse_kr_10k_parsed_count: parsed,
    import_text_2k_objectives_10k_lines_ms: importMs,
    import_text_objectives_count: objectives,
    parse_number_100k_cells_ms: numMs,
  };
}
