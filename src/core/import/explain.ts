/**
 * Names of the structures a document can use, for the import preview's explanation
 * ("objectives: the `##` headings; key results: the bullets under them") and its one switch.
 */
import type { Lang, Localized } from '../i18n';

function formName(form: string, lang: Lang): string {
  const h = /^h(\d)$/.exec(form);
  if (h) return lang === 'en' ? `the \`${'#'.repeat(+h[1]!)}\` headings` : `\`${'#'.repeat(+h[1]!)}\` 标题`;
  const l = /^(num|bullet|circled|letter|decimal)-(\d+)$/.exec(form);
  if (l) {
    const d = +l[2]!;
    const zh = { num: '编号项（1. 2.）', bullet: '项目符号项（- •）', circled: '圆圈编号项（①②）', letter: '字母编号项（a. b.）', decimal: '小数编号项（1.1 1.2）' }[l[1] as 'num'];
    const en = { num: 'numbered items (1. 2.)', bullet: 'bullets (- •)', circled: 'circled-number items (①②)', letter: 'lettered items (a. b.)', decimal: 'decimal-numbered items (1.1 1.2)' }[l[1] as 'num'];
    if (lang === 'en') return d === 1 ? `the ${en}` : `the ${en} at level ${d}`;
    return d === 1 ? zh : `第 ${d} 层${zh}`;
  }
  const fixed: Record<string, Localized> = {
    bold: { 'zh-CN': '加粗的行', en: 'the bold lines' },
    'cn-num': { 'zh-CN': '“一、二、”编号的行', en: 'the lines numbered 一、二、' },
    'cn-paren': { 'zh-CN': '“（一）（二）”编号的行', en: 'the lines numbered （一）（二）' },
    plain: { 'zh-CN': '写明数字或交付物的普通行', en: 'the plain lines that state a number or a deliverable' },
    para: { 'zh-CN': '每段的第一行', en: 'the first line of each paragraph' },
    section: { 'zh-CN': '“目标：”小标题后的一行', en: 'the line after each "Objective:" header' },
    label: { 'zh-CN': '标有 O1 / 目标 的行', en: 'the lines labelled O1 / Objective' },
    krLabel: { 'zh-CN': '标有 KR 的行', en: 'the lines labelled KR' },
    table: { 'zh-CN': '表格的目标列', en: "the table's objective column" },
    tableKr: { 'zh-CN': '表格的关键结果行', en: "the table's key result rows" },
    none: { 'zh-CN': '（没有找到）', en: '(none found)' },
  };
  return (fixed[form] ?? { 'zh-CN': form, en: form })[lang];
}

/** "objectives: the `##` headings; key results: the bullets under them". */
export function explainStructure(objectiveForm: string, krForm: string): Localized {
  const under = krForm !== 'krLabel' && krForm !== 'tableKr' && krForm !== 'none';
  return {
    'zh-CN': `目标：${formName(objectiveForm, 'zh-CN')}；关键结果：${under ? '其下的' : ''}${formName(krForm, 'zh-CN')}`,
    en: `objectives: ${formName(objectiveForm, 'en')}; key results: ${formName(krForm, 'en')}${under ? ' under them' : ''}`,
  };
}
