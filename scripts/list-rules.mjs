#!/usr/bin/env node
// Writes docs/规则一览.md — every registered rule with its severity and Chinese title — from the rule
// registry itself, so the list an accountant reads is the list the tool runs. `npm run docs:rules`.
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const { RULES } = require(path.join(root, 'dist/core/rules/index.js'));
const { TABLE_NAMES } = require(path.join(root, 'dist/core/tables/names.js'));

export function rulesMarkdown() {
  const label = { error: '错误', warning: '警告', info: '提示' };
  const groups = new Map();
  for (const r of RULES) {
    const prefix = r.id.split('.')[0];
    const group = /^T\d\d$/.test(prefix) ? `${prefix} ${TABLE_NAMES[prefix]}` : prefix === 'X' ? 'X 表间勾稽' : prefix === 'C' ? 'C 科目编码' : prefix;
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group).push(r);
  }
  const out = [
    '# 规则一览',
    '',
    `本工具在每次校验时运行的 ${RULES.length} 条规则（由 \`npm run docs:rules\` 从规则登记表生成）。`,
    '「严重程度」是差额超出四舍五入允许范围时的级别；在允许范围内的尾差一律记为「提示」。',
    '读表问题（P.）和情况说明参数问题（N.）见 README。',
    '',
  ];
  for (const [group, rules] of groups) {
    out.push(`## ${group}`, '', '| 编号 | 严重程度 | 检查内容 |', '|---|---|---|');
    for (const r of rules) out.push(`| \`${r.id}\` | ${label[r.severity]} | ${r.title.replace(/\|/g, '\\|')} |`);
    out.push('');
  }
  return out.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(fileURLToPath(import.meta.url))) {
  const file = path.join(root, 'docs', '规则一览.md');
  fs.writeFileSync(file, rulesMarkdown());
  console.log(`已写入 ${path.relative(root, file)}（${RULES.length} 条规则）`);
}
