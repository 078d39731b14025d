/**
 * Code mutants generated from the clean fixtures the way fixtures/README.md describes them (other
 * rows, other seeds than the manifest's): each must be found, at error or warning level, exactly at
 * the mutated cell. Guards against rules tuned to the visible mutants only.
 */
import path from 'path';
import { readXlsxFile } from '../../src/cli/read-xlsx';
import { readBook } from '../../src/core/parse';
import { buildCatalog } from '../../src/core/catalog';
import { codeRules } from '../../src/core/rules/code';
import type { SheetGrid } from '../../src/core/grid';
import { makeMutant, type CodeKind } from './mutate';

const CLEAN = path.resolve(__dirname, '../fixtures/clean');
const FILES = ['seed-000', 'seed-001', 'seed-003', 'seed-004', 'synth-pds-small', 'synth-jy-small', 'synth-pds-medium', 'synth-jy-medium'];
const KINDS: CodeKind[] = ['bad-function-code', 'code-name-mismatch', 'bad-econ-pair', 'unit-kind-code'];
/** Raise locally (CODE_MUTANTS_PER_KIND=30) for a deeper sweep. */
const PER_KIND = Number(process.env.CODE_MUTANTS_PER_KIND ?? 3);

describe.each(FILES)('%s', (file) => {
  let clean: SheetGrid[];
  beforeAll(async () => {
    clean = await readXlsxFile(path.join(CLEAN, `${file}.xlsx`));
  });

  test.each(KINDS)('%s mutants are found at the mutated cell', (kind) => {
    let made = 0;
    const missed: string[] = [];
    for (let s = 1; made < PER_KIND && s < PER_KIND * 10; s++) {
      const m = makeMutant(clean, kind, s * 7919 + file.length);
      if (!m) continue;
      made++;
      const book = readBook(m.grids);
      const catalog = buildCatalog([]);
      const found = codeRules.flatMap((r) => r.check(book, { catalog })).filter((f) => f.severity !== 'info');
      if (!found.some((f) => f.sheet === m.cell.sheet && f.cell === m.cell.cell)) missed.push(`${m.note} @${m.cell.sheet}!${m.cell.cell}`);
    }
    expect(made).toBeGreaterThan(0);
    expect(missed).toEqual([]);
  });
});
