/**
 * Runs the variant generator over fixtures and checks each variant against its original:
 *  - the same tables are recognised;
 *  - a clean workbook gets no error that the original (mapped) did not have;
 *  - a defect mutant (manifest expect "error") still draws an error/warning at the mapped mutated
 *    cell (localised) when the original did, else at a mapped implicated cell (detected);
 *  - a benign mutant (expect "info") draws no error at its touched cells and none that the same
 *    layout of its clean base does not have.
 * Used by test/variants/variants.test.ts (a sample) and scripts/variants.mjs (everything).
 */
import fs from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import type { CellRef, SheetGrid } from '../../src/core/grid';
import { checkWorkbook } from '../../src/core/check';
import type { Finding, Report } from '../../src/core/report';
import type { BudgetBook } from '../../src/core/model';
import { workbookToGrids } from '../../src/io/workbook-to-grids';
import { applyLayout, type Layout, type Variant } from './generate';
import { formulaVariant } from './formulas';

export const FIXTURES = path.resolve(__dirname, '../fixtures');

export interface Mutant {
  file: string;
  base: string;
  kind: string;
  expect: 'error' | 'info';
  sheet: string;
  cell: string;
  implicated?: CellRef[];
  changes?: CellRef[];
}

export interface Manifest {
  clean: string[];
  mutants: Mutant[];
}

export function manifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, 'manifest.json'), 'utf8'));
}

interface Loaded {
  wb: ExcelJS.Workbook;
  grids: SheetGrid[];
  book: BudgetBook;
  report: Report;
}

const loaded = new Map<string, Promise<Loaded>>();

export function load(rel: string): Promise<Loaded> {
  let p = loaded.get(rel);
  if (!p) {
    p = (async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(FIXTURES, rel));
      const grids = workbookToGrids(wb);
      const { book, report } = checkWorkbook(grids);
      return { wb, grids, book, report };
    })();
    loaded.set(rel, p);
  }
  return p;
}

export const FORMULAS = 'formulas';

export function variantOf(l: Loaded, layout: Layout | typeof FORMULAS): Variant {
  return layout === FORMULAS ? formulaVariant(l.wb, l.book) : applyLayout(l.grids, l.book, layout);
}

const norm = (c: string): string => c.replace(/\$/g, '').toUpperCase();
const key = (r: CellRef): string => `${r.sheet}!${norm(r.cell)}`;
const isError = (f: Finding): boolean => f.severity === 'error';
const flagged = (f: Finding): boolean => f.severity === 'error' || f.severity === 'warning';

export interface Outcome {
  file: string;
  layout: string;
  kind: 'clean' | 'defect' | 'benign';
  ok: boolean;
  problems: string[];
  ms: number;
}

const baseVariants = new Map<string, Report>();

async function variantReport(rel: string, layout: Layout | typeof FORMULAS): Promise<{ v: Variant; report: Report; orig: Loaded }> {
  const orig = await load(rel);
  const v = variantOf(orig, layout);
  const report = checkWorkbook(v.grids).report;
  return { v, report, orig };
}

/** Checks one fixture in one layout. `rel` is relative to test/fixtures ("clean/seed-000.xlsx", "mut-001.xlsx"). */
export async function checkVariant(rel: string, layout: Layout | typeof FORMULAS, mutant?: Mutant): Promise<Outcome> {
  const t0 = Date.now();
  const name = layout === FORMULAS ? FORMULAS : layout.name;
  const problems: string[] = [];
  const { v, report, orig } = await variantReport(rel, layout);
  const ids = (r: Report) => r.tables.map((t) => t.id).join(',');
  if (ids(report) !== ids(orig.report)) problems.push(`tables ${ids(orig.report)} → ${ids(report)}`);
  const map = (r: CellRef): string => key(v.map({ sheet: r.sheet, cell: norm(r.cell) }));
  const fkey = (f: Finding) => `${f.rule}|${f.sheet}!${norm(f.cell)}`;
  const origErrors = new Set(orig.report.findings.filter(isError).map((f) => `${f.rule}|${map(f)}`));
  const describe = (f: Finding) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell} ${f.message.slice(0, 140)}`;

  if (!mutant) {
    for (const f of report.findings.filter(isError)) if (!origErrors.has(fkey(f))) problems.push(`new ${describe(f)}`);
    if (layout !== FORMULAS) baseVariants.set(`${rel}|${name}`, report);
  } else if (mutant.expect === 'error') {
    const target = map(mutant);
    const allowed = new Set([target, ...(mutant.implicated ?? []).map(map)]);
    const origTarget = key(mutant);
    const origAllowed = new Set([origTarget, ...(mutant.implicated ?? []).map(key)]);
    const was = orig.report.findings.filter((f) => flagged(f) && origAllowed.has(key(f)));
    const hits = report.findings.filter((f) => flagged(f) && allowed.has(key(f)));
    const wasLocalised = was.some((f) => key(f) === origTarget);
    if (was.length && !hits.length) problems.push(`defect ${mutant.kind} at ${origTarget} (now ${target}) not found; errors: ${report.findings.filter(isError).slice(0, 3).map(describe).join(' / ')}`);
    else if (wasLocalised && !hits.some((f) => key(f) === target)) problems.push(`defect ${mutant.kind} not localised at ${target}: ${hits.slice(0, 2).map(describe).join(' / ')}`);
  } else {
    const touched = new Set([map(mutant), ...(mutant.implicated ?? []).map(map), ...(mutant.changes ?? []).map(map)]);
    let base = layout === FORMULAS ? undefined : baseVariants.get(`${mutant.base}|${name}`);
    if (!base) base = (await variantReport(mutant.base, layout)).report;
    const baseErrors = new Set(base.findings.filter(isError).map(fkey));
    for (const f of report.findings.filter(isError))
      if (touched.has(key(f)) || !baseErrors.has(fkey(f))) problems.push(`benign ${mutant.kind}: ${describe(f)}`);
  }
  const kind = !mutant ? 'clean' : mutant.expect === 'error' ? 'defect' : 'benign';
  return { file: rel, layout: name, kind, ok: problems.length === 0, problems, ms: Date.now() - t0 };
}
