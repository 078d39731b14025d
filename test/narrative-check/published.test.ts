/**
 * The four published 情况说明 against their own workbooks: the genuine inconsistencies the seeds
 * contain (rules.md §8: G2 the printing service counted as 货物, G3 two prior-year bases, G4 the
 * department named three ways) are reported, and nothing else; every number is traced.
 */
import { NARRATIVE_RULES, checkNarrativeText } from '../../src/core/narrative-check';
import { seedCase } from './cases';

const EXPECTED: Record<string, { rule: string; severity: string; paragraph: number; text: string }[]> = {
  '000': [{ rule: 'N.text.dept-name', severity: 'warning', paragraph: 37, text: '平顶山市人民政府驻广办事处' }],
  '001': [],
  '003': [
    { rule: 'N.text.procurement-split', severity: 'warning', paragraph: 40, text: '3.3万元' },
    { rule: 'N.text.procurement-split', severity: 'warning', paragraph: 40, text: '0万元' },
  ],
  '004': [{ rule: 'N.text.prior-base', severity: 'warning', paragraph: 10, text: '154.59 万元' }],
};

describe.each(Object.keys(EXPECTED))('published 情况说明 seed-%s', (seed) => {
  let result: ReturnType<typeof checkNarrativeText>;
  beforeAll(async () => {
    const c = await seedCase(seed);
    result = checkNarrativeText(c.book, c.params, c.text);
  });

  test('reports the genuine inconsistencies and no other finding', () => {
    const got = result.findings.map((f) => ({ rule: f.rule, severity: f.severity, paragraph: f.narrative!.paragraph, text: f.narrative!.text }));
    expect(got).toEqual(EXPECTED[seed]);
    expect(result.findings.every((f) => f.sheet === '' && f.cell === '')).toBe(true);
  });

  test('every number is traced to a source, and only the reported ones differ', () => {
    const traced = result.numbers.filter((n) => n.verdict !== 'unverifiable').length;
    expect(traced / result.numbers.length).toBeGreaterThanOrEqual(0.9);
    const differs = result.numbers.filter((n) => n.verdict === 'differs').map((n) => `${n.paragraph} ${n.text}`);
    const reported = EXPECTED[seed].filter((e) => /\d/.test(e.text) && e.rule !== 'N.text.prior-base').map((e) => `${e.paragraph} ${e.text}`);
    expect(differs).toEqual(reported);
    expect(result.numbers.length).toBeGreaterThan(40);
  });
});

test('seed-003: the split warning says what T14 implies (货物 0.3, 服务 3.0)', async () => {
  const c = await seedCase('003');
  const r = checkNarrativeText(c.book, c.params, c.text);
  const split = r.findings.filter((f) => f.rule === 'N.text.procurement-split');
  expect(split.map((f) => f.expected)).toEqual([0.3, 3]);
  expect(split[0].related.length).toBeGreaterThan(0);
  expect(split[0].narrative!.quote).toContain('政府采购货物预算3.3万元');
});

test('seed-004: the two prior-year bases 2414.75 and 2145.09 are named', async () => {
  const c = await seedCase('004');
  const r = checkNarrativeText(c.book, c.params, c.text);
  const f = r.findings.find((x) => x.rule === 'N.text.prior-base')!;
  expect(f.message).toContain('2414.75');
  expect(f.message).toContain('2145.09');
  expect([f.expected, f.actual]).toEqual([2414.75, 2145.09]);
});

test('docs/校对情况说明.md lists every rule with its severity and title', () => {
  const doc = require('fs').readFileSync(require('path').resolve(__dirname, '../../docs/校对情况说明.md'), 'utf8') as string;
  const label = { error: '错误', warning: '警告', info: '提示' } as const;
  for (const r of NARRATIVE_RULES) expect(doc).toContain(`| \`${r.id}\` | ${label[r.severity]} | ${r.title} |`);
  const listed = [...doc.matchAll(/^\| `(N\.text\.[^`]+)` \|/gm)].map((m) => m[1]);
  expect(listed.sort()).toEqual(NARRATIVE_RULES.map((r) => r.id).sort());
});
