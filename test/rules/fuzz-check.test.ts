/**
 * Fuzz of the whole check, not only readBook: real workbooks (with their 说明参数 sheet) with amounts
 * changed, cells replaced by garbage, rows dropped or repeated, sheets dropped, and the parameters
 * garbled. checkWorkbook and the narrative never throw; every finding keeps the report contract
 * (rule, severity, sheet, cell, related, message in Chinese); no NaN / undefined / Infinity leaks into
 * a message or the narrative. Seeded: a failure names its case and reproduces.
 */
import type { CellValue, SheetGrid } from '../../src/core/grid';
import { checkWorkbook } from '../../src/core/check';
import { generateNarrative, readParams, toMarkdown } from '../../src/core/narrative';
import type { Finding } from '../../src/core/report';
import { rng } from '../helpers/random';
import { SPECS } from '../../src/core/tables';
import { grids as narrativeGrids } from '../narrative/fixtures';

const GARBAGE: CellValue[] = [null, '', '-', '—', '合计', '#N/A', { error: '#REF!' }, 'abc', '１２３', -0, 1e21, -5, 0.0001, '12,345.6', '2010301', '30101', true, '\u3000', '单位：元', '注：无'];
const BAD_TEXT = /NaN|undefined|Infinity|\[object Object\]/;

function mutate(base: SheetGrid[], r: () => number): SheetGrid[] {
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const out: SheetGrid[] = [];
  for (const g of base) {
    if (r() < 0.08) continue; // a sheet dropped
    const values = g.values.map((row) => row.slice());
    const kind = r();
    for (const row of values)
      for (let c = 0; c < row.length; c++) {
        if (kind < 0.4 && typeof row[c] === 'number' && r() < 0.1) row[c] = Math.round((row[c] as number) * (0.5 + r()) * 10) / 10;
        else if (kind < 0.7 && r() < 0.03) row[c] = pick(GARBAGE);
      }
    if (r() < 0.3 && values.length > 8) values.splice(5 + Math.floor(r() * (values.length - 6)), 1 + Math.floor(r() * 3));
    if (r() < 0.2 && values.length > 8) {
      const i = 5 + Math.floor(r() * (values.length - 6));
      values.splice(i, 0, values[i].slice());
    }
    out.push({ ...g, values, formats: undefined, text: undefined });
  }
  return out;
}

function checkFinding(f: Finding, where: string): void {
  expect({ where, rule: f.rule }).toEqual({ where, rule: expect.stringMatching(/^[A-Z][A-Za-z0-9]*\.[\w.-]+$/) });
  expect(['error', 'warning', 'info']).toContain(f.severity);
  expect(typeof f.sheet).toBe('string');
  expect(f.cell === '' || /^[A-Z]{1,3}\d+$/.test(f.cell)).toBe(true);
  expect(Array.isArray(f.related)).toBe(true);
  for (const x of f.related) expect(typeof x.sheet === 'string' && typeof x.cell === 'string').toBe(true);
  expect(f.message).toMatch(/[\u4e00-\u9fff]/);
  if (BAD_TEXT.test(f.message)) throw new Error(`${where}: ${f.rule} message leaks ${BAD_TEXT.exec(f.message)![0]}: ${f.message}`);
}

/** A book of random small sheets built from the tables' own titles and header words, codes and amounts. */
function randomBook(r: () => number): SheetGrid[] {
  const words = [...Object.values(SPECS).flatMap((s) => [...s.titles, ...s.signature, ...s.groups]), '合计', '部门名称：某局', '单位：万元', '类', '款', '项', '201', '03', '01', '060001', '30101', '说明参数'];
  const cell = (): CellValue => {
    const x = r();
    if (x < 0.35) return null;
    if (x < 0.6) return words[Math.floor(r() * words.length)];
    if (x < 0.9) return Math.round(r() * 1e5) / 10;
    return GARBAGE[Math.floor(r() * GARBAGE.length)];
  };
  return Array.from({ length: 1 + Math.floor(r() * 6) }, (_, i) => {
    const title = words[Math.floor(r() * words.length)];
    const values: CellValue[][] = [[title], ...Array.from({ length: Math.floor(r() * 25) }, () => Array.from({ length: 1 + Math.floor(r() * 12) }, cell))];
    return { name: r() < 0.1 ? '说明参数' : `表${i + 1}`, origin: 'A1', values };
  });
}

describe('whole-check fuzz (rules and narrative)', () => {
  test('40 books of random sheets: the check and the narrative never throw', () => {
    for (let n = 0; n < 40; n++) {
      const grids = randomBook(rng(6000 + n));
      const where = `random ${n}`;
      let result;
      try {
        result = checkWorkbook(grids);
        const narrative = generateNarrative(result.book, readParams(grids));
        for (const f of narrative.findings) checkFinding(f, `${where} narrative`);
        const text = toMarkdown(narrative.title, narrative.sections);
        if (BAD_TEXT.test(text)) throw new Error(`narrative leaks ${BAD_TEXT.exec(text)![0]}`);
      } catch (e) {
        throw new Error(`${where}: ${(e as Error).stack}`);
      }
      for (const f of result.report.findings) checkFinding(f, where);
    }
  });

  let bases: SheetGrid[][] = [];
  beforeAll(async () => {
    bases = await Promise.all((['000', '003', '004'] as const).map((s) => narrativeGrids(s)));
  });

  test('30 mutated workbooks: checkWorkbook and the narrative never throw and keep the report contract', () => {
    let findings = 0;
    for (let n = 0; n < 30; n++) {
      const r = rng(5000 + n);
      const grids = mutate(bases[n % bases.length], r);
      const where = `case ${n}`;
      let result;
      try {
        result = checkWorkbook(grids, { file: 'fuzz.xlsx' });
      } catch (e) {
        throw new Error(`${where}: checkWorkbook threw ${(e as Error).stack}`);
      }
      const { report, book } = result;
      for (const f of report.findings) checkFinding(f, where);
      expect(report.summary.error + report.summary.warning + report.summary.info).toBe(report.findings.length);
      expect(() => JSON.stringify(report)).not.toThrow();
      findings += report.findings.length;

      let narrative;
      try {
        narrative = generateNarrative(book, readParams(grids));
      } catch (e) {
        throw new Error(`${where}: generateNarrative threw ${(e as Error).stack}`);
      }
      for (const f of narrative.findings) checkFinding(f, `${where} narrative`);
      const text = toMarkdown(narrative.title, narrative.sections);
      expect(text.length).toBeGreaterThan(100);
      if (BAD_TEXT.test(text)) throw new Error(`${where}: narrative leaks ${BAD_TEXT.exec(text)![0]}: …${text.slice(Math.max(0, text.search(BAD_TEXT) - 80), text.search(BAD_TEXT) + 40)}…`);
    }
    // The mutations are seen: they raise findings (not a run of untouched workbooks).
    expect(findings).toBeGreaterThan(30);
  });
});
