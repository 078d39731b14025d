/** docs/规则一览.md is the list of rules the tool really runs: regenerate it (npm run docs:rules) when a rule changes. */
import fs from 'fs';
import path from 'path';
import { RULES } from '../../src/core/rules';

const doc = fs.readFileSync(path.resolve(__dirname, '../../docs/规则一览.md'), 'utf8');
const label = { error: '错误', warning: '警告', info: '提示' } as const;

test('every registered rule is listed with its severity and title', () => {
  for (const r of RULES) expect(doc).toContain(`| \`${r.id}\` | ${label[r.severity]} | ${r.title.replace(/\|/g, '\\|')} |`);
});

test('the document lists no rule that is not registered, and says how many there are', () => {
  const listed = [...doc.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
  expect(new Set(listed)).toEqual(new Set(RULES.map((r) => r.id)));
  expect(doc).toContain(`${RULES.length} 条规则`);
});

test('rule ids are unique and every rule has a Chinese title', () => {
  expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  for (const r of RULES) expect(r.title).toMatch(/[\u4e00-\u9fff]/);
});
