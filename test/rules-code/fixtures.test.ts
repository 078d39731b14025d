/**
 * The code rules on the real fixtures: the genuine findings of rules.md §8 on the seeds (G5, G6,
 * G7, G13), nothing at error level on any clean workbook, and the code mutants of the manifest
 * found at the mutated cell. Cells are located from the parsed tables, not written down.
 */
import fs from 'fs';
import path from 'path';
import { readXlsxFile } from '../../src/cli/read-xlsx';
import { checkWorkbook } from '../../src/core/check';
import type { CellRef, SheetGrid } from '../../src/core/grid';
import type { BudgetBook, GridTable } from '../../src/core/model';
import { gridTable } from '../../src/core/model';
import type { Finding } from '../../src/core/report';

const FIX = path.resolve(__dirname, '../fixtures');
const CLEAN = path.join(FIX, 'clean');
const CODE_KINDS = new Set(['bad-function-code', 'code-name-mismatch', 'bad-econ-pair', 'unit-kind-code']);

const cache = new Map<string, SheetGrid[]>();
async function grids(file: string): Promise<SheetGrid[]> {
  if (!cache.has(file)) cache.set(file, await readXlsxFile(file));
  return cache.get(file)!;
}

async function check(file: string): Promise<{ findings: Finding[]; book: BudgetBook }> {
  const { report, book } = checkWorkbook(await grids(file), { file });
  return { findings: report.findings.filter((f) => f.rule.startsWith('C.')), book };
}

function funcRow(t: GridTable | undefined, code: string) {
  const r = t?.rows.find((x) => x.func?.code === code);
  if (!r) throw new Error(`no row ${code} in ${t?.id}`);
  return r;
}

function econRow(t: GridTable | undefined, dept: string, gov: string) {
  const r = t?.rows.find((x) => x.econ?.dept === dept && x.econ.gov === gov);
  if (!r) throw new Error(`no row ${dept}/${gov} in ${t?.id}`);
  return r;
}

const key = (f: { sheet: string; cell: string }) => `${f.sheet}!${f.cell}`;
const serious = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info');

describe('genuine code findings of the seeds (rules.md §8)', () => {
  test('seed 003: G5 C.unit-type, G6 C.run-item-project, G7 C.econ-pair (T06 and T07) — warnings, and nothing else', async () => {
    const { findings, book } = await check(path.join(CLEAN, 'seed-003.xlsx'));
    const t03 = gridTable(book, 'T03');
    const g5 = funcRow(t03, '2101102').func!.refs[2];
    const run = funcRow(t03, '2010301');
    const g6 = run.name!.ref;
    const t06 = econRow(gridTable(book, 'T06'), '30199', '50101');
    const t07 = econRow(gridTable(book, 'T07'), '30199', '50101');
    const g7a: CellRef = t06.econ!.refs[1]; // the one-cell 政府 code
    const g7b: CellRef = t07.econ!.refs[3]; // T07: the 政府 款 cell (the class agrees)
    const got = serious(findings).map((f) => `${f.rule} ${f.severity} ${key(f)}`).sort();
    expect(got).toEqual([
      `C.econ-pair warning ${key(g7a)}`,
      `C.econ-pair warning ${key(g7b)}`,
      `C.run-item-project warning ${key(g6)}`,
      `C.unit-type warning ${key(g5)}`,
    ].sort());
    const byRule = (id: string) => findings.find((f) => f.rule === id)!;
    expect(byRule('C.unit-type')).toMatchObject({ expected: '2101101', actual: '2101102' });
    expect(byRule('C.run-item-project').message).toContain('110.9');
    expect(byRule('C.econ-pair').expected).toBe('50199');
  });

  test('seed 001: G13 C.basic-under-other (info) on 2169999, no warning or error', async () => {
    const { findings, book } = await check(path.join(CLEAN, 'seed-001.xlsx'));
    const row = funcRow(gridTable(book, 'T03'), '2169999');
    const g13 = findings.filter((f) => f.rule === 'C.basic-under-other');
    expect(g13.map((f) => [f.severity, key(f)])).toEqual([['info', key(row.name!.ref)]]);
    expect(g13[0].message).toContain('62.5');
    expect(serious(findings)).toEqual([]);
  });

  test('seeds 000 (事业) and 004 (mixed, both halves backed): no code warning', async () => {
    for (const f of ['seed-000.xlsx', 'seed-004.xlsx']) {
      const { findings } = await check(path.join(CLEAN, f));
      expect([f, serious(findings)]).toEqual([f, []]);
    }
  });
});

describe('clean workbooks', () => {
  const files = fs.readdirSync(CLEAN).filter((f) => f.endsWith('.xlsx'));
  test.each(files)('%s: no code finding at error level', async (f) => {
    const { findings } = await check(path.join(CLEAN, f));
    expect(findings.filter((x) => x.severity === 'error')).toEqual([]);
  });
});

describe('code mutants of the manifest', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(FIX, 'manifest.json'), 'utf8'));
  const mutants = manifest.mutants.filter((m: { kind: string }) => CODE_KINDS.has(m.kind));
  test('there are code mutants to test', () => expect(mutants.length).toBeGreaterThanOrEqual(12));
  type M = { file: string; kind: string; sheet: string; cell: string };
  const cases: [string, string, M][] = mutants.map((m: M) => [m.file, m.kind, m]);
  test.each(cases)('%s (%s) is found at the mutated cell', async (_f: string, _k: string, mm: M) => {
    const { findings } = await check(path.join(FIX, mm.file));
    const hits = findings.filter((f) => f.sheet === mm.sheet && f.cell.toUpperCase() === mm.cell.toUpperCase() && f.severity !== 'info');
    expect(hits.length).toBeGreaterThan(0);
  });
});
