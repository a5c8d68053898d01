/** Help: what each panel does, in a few lines (static text). */
import type { Localized } from '../../core/i18n';
import type { Panel } from '../app';
import { h } from '../dom';

export const HELP_ITEMS: { title: Localized; body: Localized }[] = [
  {
    title: { 'zh-CN': '组织名单', en: 'Roster' },
    body: {
      'zh-CN': 'HR 在“组织名单”表中列出公司、部门、团队和个人及其上级，一键为每个单元创建对齐好的 OKR 表。',
      en: 'HR lists the company, departments, teams and people with their parents on the Roster sheet, then creates an aligned OKR sheet for each in one go.',
    },
  },
  {
    title: { 'zh-CN': '模板', en: 'Templates' },
    body: {
      'zh-CN': '选择部门、角色、语言和周期，预览后插入为新的 OKR 工作表。已有数据不会被改动。',
      en: 'Pick a department, role, language and cycle, preview, then insert a new OKR sheet. Existing data is never touched.',
    },
  },
  {
    title: { 'zh-CN': '检查', en: 'Check' },
    body: {
      'zh-CN': '按好 O 与好 KR 的规则检查当前 OKR 表：目标数量、KR 是否可衡量、是否只有一个负责人、是否是任务而非结果等。点击条目定位单元格。',
      en: 'Checks the OKR sheet against the rules for good objectives and key results: how many, measurable, one owner, results not tasks … Click an item to go to its cell.',
    },
  },
  {
    title: { 'zh-CN': '进展更新', en: 'Check-in' },
    body: {
      'zh-CN': '每周或每月更新 KR 的当前值和信心指数，记录本期完成、下一步和需要的资源。历史记录保存在“进展更新”表中，不会被覆盖。',
      en: 'Update a KR’s current value and confidence every week or month, with what was done, next steps and the help you need. The history stays on the Check-ins sheet and is never overwritten.',
    },
  },
  {
    title: { 'zh-CN': '导入', en: 'Import' },
    body: {
      'zh-CN': '把文档或聊天里的 OKR 文本粘贴进来，先预览识别出的起始值、目标值和单位，再写入新表或追加到现有表。',
      en: 'Paste OKRs from a document or a chat, check the start, target and unit that were recognised, then write them as a new sheet or append them.',
    },
  },
  {
    title: { 'zh-CN': '公式与自定义函数', en: 'Formulas and custom functions' },
    body: {
      'zh-CN':
        'OKR 表中的“进度”“得分”“状态”列是表格自带的公式，任何人打开都能计算，无需安装插件。=OKRSCORE() 等自定义函数只在安装并在本文档中启用了本插件的表格里有效；否则单元格显示 #NAME?。请管理员为全域安装，或在“扩展程序 → 插件 → 管理插件”中为本文档启用。自定义函数的参数不能用 TODAY()、NOW() 等易变函数：请引用“统计日期”单元格。',
      en: 'The Progress, Score and Status columns of an OKR sheet are ordinary spreadsheet formulas: they compute for everyone, with or without the add-on. Custom functions such as =OKRSCORE() work only where the add-on is installed and enabled for the document; elsewhere the cell shows #NAME?. Ask your admin to install it for the domain, or enable it for this document under Extensions → Add-ons → Manage add-ons. Custom functions cannot take volatile functions such as TODAY() or NOW() as arguments: refer to the As-of cell instead.',
    },
  },
  {
    title: { 'zh-CN': '安装、测试与授权', en: 'Installing, testing and access' },
    body: {
      'zh-CN':
        '管理员可在 Google 管理控制台（应用 → Google Workspace Marketplace 应用）为全域或部分组织部门安装本插件，之后每个人都能在“扩展程序”菜单中看到它。测试新版本：在 Apps Script 项目中选择“部署 → 测试部署 → 编辑器插件”，选一个测试表格后点“执行”，再在该表格中运行“扩展程序 → OKR Sheets → 运行自检”。如果侧边栏提示需要授权，请从“扩展程序”重新打开并点“允许”；如果显示了编号（如 K7Q2M9），请把编号告诉管理员。',
      en: 'An admin can install the add-on for the whole domain or some organizational units (Google Admin console → Apps → Google Workspace Marketplace apps); everyone then finds it under Extensions. To test a new version: in the Apps Script project choose Deploy → Test deployments → Editor add-on, pick a test spreadsheet and Execute, then run Extensions → OKR Sheets → Run diagnostics there. If the sidebar says Google needs your authorization, reopen it from Extensions and choose Allow; if it shows a reference such as K7Q2M9, give it to your admin.',
    },
  },
  {
    title: { 'zh-CN': '自检', en: 'Diagnostics' },
    body: {
      'zh-CN': '菜单“运行自检”在临时工作表中检查本插件在此表格（区域设置、时区）下是否正常工作，并给出可复制的报告。',
      en: 'The menu item Run diagnostics checks, in temporary sheets, that the add-on works in this spreadsheet (its locale and time zone) and gives a report you can copy.',
    },
  },
];

export const helpPanel: Panel = {
  id: 'help',
  title: { 'zh-CN': '帮助', en: 'Help' },
  icon: '?',
  render(root, app) {
    for (const it of HELP_ITEMS) root.append(h('h3', {}, it.title[app.lang]), h('p', { className: 'help' }, it.body[app.lang]));
  },
};
