/**
 * Every amount readBook parses from the seed workbooks equals the published transcription
 * (test/fixtures/seed-tables/*.json) cell by cell: numbers exactly, blank vs 0 where the
 * transcription distinguishes them. The transcription's column keys are mapped to our canonical keys
 * here, independently of the parser's own header matching.
 */
import fs from 'fs';
import path from 'path';
import type { Amount } from '../../src/core/amount';
import { SCALE } from '../../src/core/amount';
import type { BudgetBook, ParsedTable, TableId } from '../../src/core/model';
import { COL } from '../../src/core/model';
import { readBook } from '../../src/core/parse';
import { FIXTURES, loadGrids } from '../helpers/load';

interface SeedTable {
  id: TableId;
  title: string;
  keys: string[];
  rows: (string | number | null)[][];
}
interface Seed {
  layout: 'pds' | 'jy';
  department: string;
  year: number;
  decimals: number;
  tables: SeedTable[];
  missing: TableId[];
}

const E = COL.expense;
const EXPENSE: Record<string, string> = {
  total: E.total, basic: E.basic, wage: E.wages, family: E.individuals, goods: E.goods, capital: E.capital,
  proj: E.project, run: E.projectRunning, target: E.projectTarget,
};
const KEYS: Partial<Record<TableId, Record<string, string>>> = {
  T02: {
    total: COL.t02.total, y_total: COL.t02.current, y_gp: COL.t02.gpb, y_gp_fin: COL.t02.gpbAppropriation, y_gf: COL.t02.fund,
    y_gy: COL.t02.stateCapital, y_zh: COL.t02.specialAccount, y_sy: COL.t02.business, y_jy: COL.t02.operating, y_sj: COL.t02.superior,
    y_fs: COL.t02.subordinate, y_qt: COL.t02.other, c_total: COL.t02.carry, c_gp: COL.t02.carryGpb, c_gf: COL.t02.carryFund,
    c_gy: COL.t02.carryStateCapital, c_zh: COL.t02.carrySpecialAccount, c_dw: COL.t02.carryUnit,
  },
  T03: EXPENSE,
  T05: EXPENSE,
  T09: EXPENSE,
  T06: { total: COL.t06.total, person: COL.t06.personnel, public: COL.t06.publicCost },
  T07: {
    total: COL.t07.total, gp: COL.t07.gpb, gp_fin: COL.t07.gpbAppropriation, gf: COL.t07.fund, gy: COL.t07.stateCapital, carry: COL.t07.carry,
    zh: COL.t07.specialAccount, sy: COL.t07.business, sj: COL.t07.superior, fs: COL.t07.subordinate, jy: COL.t07.operating, qt: COL.t07.other,
  },
  T08: { total: COL.t08.total, abroad: COL.t08.abroad, car_total: COL.t08.vehicle, car_buy: COL.t08.vehiclePurchase, car_run: COL.t08.vehicleRunning, reception: COL.t08.reception },
  T10: {
    total: COL.t10.total, y_gp: COL.t10.gpb, y_gf: COL.t10.fund, y_gy: COL.t10.stateCapital, c_gp: COL.t10.carryGpb, c_gf: COL.t10.carryFund,
    c_gy: COL.t10.carryStateCapital, zh: COL.t10.specialAccount, dw: COL.t10.unitFunds,
  },
  T12: { amt_total: COL.t12.total, amt_gov: COL.t12.government, amt_zh: COL.t12.specialAccount, amt_dw: COL.t12.unitFunds },
  T13: {
    ...EXPENSE, p_social: COL.t13pds.social, p_debt: COL.t13pds.debt, p_build: COL.t13pds.construction, p_other: COL.t13pds.other,
  },
  T14: { amount: COL.t14.amount, qty: COL.t14.quantity },
};

/** The 济源 layout has one 公用经费 column where the transcription keeps the key "goods". */
function keyMap(t: SeedTable): Record<string, string> {
  const m = { ...KEYS[t.id]! };
  if ('goods' in m && !t.keys.includes('capital')) m.goods = E.publicCost;
  return m;
}

/** Compares one parsed amount with a transcription cell; returns a description of the mismatch or ''. */
function diff(a: Amount | undefined, want: string | number | null): string {
  if (typeof want === 'string') return ''; // text in an amount column (seed 003 T12): not an amount
  if (want === null) return !a ? 'missing (want blank)' : a.blank ? '' : `want blank, got ${a.scaled / SCALE}`;
  if (!a) return `missing (want ${want})`;
  if (a.blank) return `want ${want}, got blank`;
  return a.scaled === Math.round(want * SCALE) ? '' : `want ${want}, got ${a.scaled / SCALE}`;
}

/** Amount cells of a grid-like table: [row index in transcription, canonical key, amount, want]. */
function compareRows(t: SeedTable, rows: { amounts: Record<string, Amount> }[], where: string): string[] {
  const m = keyMap(t);
  const problems: string[] = [];
  if (rows.length !== t.rows.length) problems.push(`${where}: ${rows.length} rows, transcription ${t.rows.length}`);
  t.rows.forEach((r, i) => {
    const row = rows[i];
    if (!row) return;
    t.keys.forEach((k, j) => {
      if (!m[k]) return;
      const d = diff(row.amounts[m[k]], r[j]);
      if (d) problems.push(`${where} row ${i} ${k}→${m[k]}: ${d}`);
    });
  });
  return problems;
}

function compareLines(t: SeedTable, table: ParsedTable): string[] {
  if (table.kind !== 'lines') return [`${t.id} is ${table.kind}`];
  const problems: string[] = [];
  const col = (k: string) => t.keys.indexOf(k);
  const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  const incomeRows = t.rows.filter((r) => typeof r[col('in_item')] === 'string');
  const expenseRows = t.rows.filter((r) => typeof r[col('out_item')] === 'string');
  if (incomeRows.length !== table.income.length) problems.push(`${t.id} income lines ${table.income.length} vs ${incomeRows.length}`);
  if (expenseRows.length !== table.expense.length) problems.push(`${t.id} expense lines ${table.expense.length} vs ${expenseRows.length}`);
  incomeRows.forEach((r, i) => {
    const line = table.income[i];
    if (!line) return;
    if (squash(line.label.text) !== squash(String(r[col('in_item')]))) problems.push(`${t.id} income ${i} label ${line.label.text}`);
    const d = diff(line.amount, r[col('in_amt')]);
    if (d) problems.push(`${t.id} income ${line.key}: ${d}`);
  });
  const out = t.id === 'T01'
    ? { out_amt: 'amount' }
    : { out_total: COL.t04.total, out_gp: COL.t04.gpb, out_gp_fin: COL.t04.gpbAppropriation, out_gf: COL.t04.fund, out_gy: COL.t04.stateCapital };
  expenseRows.forEach((r, i) => {
    const line = table.expense[i];
    if (!line) return;
    if (squash(line.label.text) !== squash(String(r[col('out_item')]))) problems.push(`${t.id} expense ${i} label ${line.label.text}`);
    for (const [k, key] of Object.entries(out)) {
      const a = t.id === 'T01' ? line.amount : line.amounts?.[key];
      const d = diff(a, r[col(k)]);
      if (d) problems.push(`${t.id} expense ${line.key} ${k}: ${d}`);
    }
  });
  return problems;
}

/** T11: the six budget fields, found in the transcription by their label text. */
function compareT11(t: SeedTable, table: ParsedTable): string[] {
  if (table.kind !== 't11') return ['T11 kind'];
  const fields: [RegExp, string][] = [
    [/部门预算总额/, '部门预算总额'], [/政府预算资金/, '政府预算资金'], [/财政专户管理资金/, '财政专户管理资金'],
    [/单位资金/, '单位资金'], [/基本支出/, '基本支出'], [/项目支出/, '项目支出'],
  ];
  const problems: string[] = [];
  const want = new Map<string, number | null>();
  for (const r of t.rows) {
    r.forEach((cell, j) => {
      if (typeof cell !== 'string' || cell.length > 30) return;
      const f = fields.find(([re]) => re.test(cell));
      if (!f || want.has(f[1])) return;
      const value = r.slice(j + 1).find((v) => typeof v === 'number');
      want.set(f[1], typeof value === 'number' ? value : null);
    });
  }
  expect(want.size).toBe(6);
  for (const [field, value] of want) {
    const d = diff(table.fields[field], value);
    if (d) problems.push(`T11 ${field}: ${d}`);
  }
  return problems;
}

/** T12: department/unit rows and projects with amounts; indicators by content (seed 003 is shifted). */
function compareT12(t: SeedTable, table: ParsedTable): string[] {
  if (table.kind !== 't12') return ['T12 kind'];
  const problems: string[] = [];
  const m = keyMap(t);
  const org = t.rows.filter((r) => typeof r[0] === 'string' && /^\d{3}(\d{3})?$/.test(r[0] as string));
  const projects = t.rows.filter((r) => typeof r[0] === 'string' && /^\d{21}$/.test(r[0] as string));
  if (org.length !== table.rows.length) problems.push(`T12 org rows ${table.rows.length} vs ${org.length}`);
  if (projects.length !== table.projects.length) problems.push(`T12 projects ${table.projects.length} vs ${projects.length}`);
  const amountOf = (rows: { amounts: Record<string, Amount> }[], rs: typeof t.rows, what: string) =>
    rs.forEach((r, i) => t.keys.forEach((k, j) => {
      if (!m[k] || !rows[i]) return;
      const d = diff(rows[i].amounts[m[k]], r[j]);
      if (d) problems.push(`T12 ${what} ${i} ${k}: ${d}`);
    }));
  amountOf(table.rows, org, 'org');
  amountOf(table.projects, projects, 'project');
  // Indicator names: every text after the amount columns, project by project.
  let p = -1;
  const wantNames: string[][] = [];
  for (const r of t.rows) {
    if (typeof r[0] === 'string' && /^\d{21}$/.test(r[0] as string)) wantNames[++p] = [];
    else if (typeof r[0] === 'string') continue;
    if (p < 0) continue;
    for (let j = 2; j < r.length; j++) if (typeof r[j] === 'string' && !/^\d{21}$/.test(r[j] as string)) wantNames[p].push(String(r[j]));
  }
  table.projects.forEach((proj, i) => {
    const got = proj.indicators.flatMap((x) => [x.name.text, ...(x.value ? [x.value.text] : [])]).sort();
    const want = (wantNames[i] ?? []).sort();
    if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`T12 project ${i} indicators ${JSON.stringify(got)} vs ${JSON.stringify(want)}`);
    if (proj.code?.text !== projects[i]?.[0]) problems.push(`T12 project ${i} code ${proj.code?.text}`);
  });
  return problems;
}

const SEEDS = ['000', '001', '003', '004'];
const books = new Map<string, Promise<BudgetBook>>();
const book = (s: string) => {
  if (!books.has(s)) books.set(s, loadGrids(path.join(FIXTURES, 'clean', `seed-${s}.xlsx`)).then(readBook));
  return books.get(s)!;
};
const seed = (s: string): Seed => JSON.parse(fs.readFileSync(path.join(FIXTURES, 'seed-tables', `${s}.json`), 'utf8'));

describe.each(SEEDS)('seed %s matches its transcription', (s) => {
  const data = seed(s);

  test('tables, layout, department, year, decimals', async () => {
    const b = await book(s);
    expect(Object.keys(b.tables).sort()).toEqual(data.tables.map((t) => t.id).sort());
    expect(b.layout).toBe(data.layout);
    expect(b.deptName).toBe(data.department);
    expect(b.year).toBe(data.year);
    for (const t of data.tables) expect([t.id, b.tables[t.id]!.decimals]).toEqual([t.id, data.decimals]);
    for (const t of data.tables) expect([t.id, b.tables[t.id]!.title.replace(/\s/g, '')]).toEqual([t.id, t.title.replace(/\s/g, '')]);
  });

  test.each(data.tables.map((t) => [t.id, t] as const))('%s amounts', async (_id, t) => {
    const b = await book(s);
    const table = b.tables[t.id];
    expect(table).toBeDefined();
    let problems: string[];
    if (t.id === 'T01' || t.id === 'T04') problems = compareLines(t, table!);
    else if (t.id === 'T11') problems = compareT11(t, table!);
    else if (t.id === 'T12') problems = compareT12(t, table!);
    else if (t.id === 'T08') problems = table!.kind === 't08' ? compareRows(t, [{ amounts: table!.amounts }], 'T08') : ['kind'];
    else problems = table!.kind === 'grid' ? compareRows(t, table!.rows, t.id) : ['kind'];
    expect(problems).toEqual([]);
  });
});
