/**
 * The table numbers the narrative states, read once from the typed tables. Every value is the
 * *displayed* amount (rounded to the cell's own decimals), so a reader finds each number of the
 * text in a table; blank cells are 0.
 */
import type { Amount } from '../amount';
import type { CellRef } from '../grid';
import type { BodyRow, BudgetBook, GridTable, LinesTable, TableId } from '../model';
import { COL, TEXT, gridTable, linesTable, t08, t12 } from '../model';
import { displayed } from './format';

export interface Val {
  scaled: number;
  ref?: CellRef;
}

export interface FuncLeaf {
  code: string;
  lei: string;
  kuan?: string;
  name: string;
  total: Val;
  goods: Val;
  capital: Val;
  publicCost: Val;
  ref: CellRef;
}

export interface EconRow {
  dept: string;
  deptName: string;
  gov?: string;
  total: Val;
  personnel: Val;
  publicCost: Val;
}

export interface Split {
  total: Val;
  basic: Val;
  project: Val;
}

export interface Facts {
  /** Decimals the tables display (most common among the tables present). */
  decimals?: number;
  t01?: {
    incomeTotal?: Val;
    expenseTotal?: Val;
    currentIncome?: Val;
    /** By T01 income key: 一般公共预算, 政府性基金, … 上年结转结余. */
    income: Record<string, Val | undefined>;
  };
  t03?: Split;
  t04?: { gpb?: Val; fund?: Val; stateCapital?: Val };
  t05?: Split & { leaves: FuncLeaf[] };
  t06?: { total: Val; personnel: Val; publicCost: Val; rows: EconRow[] };
  t08?: { total: Val; abroad: Val; reception: Val; vehicle: Val; purchase: Val; running: Val };
  t09?: Split & { leaves: FuncLeaf[] };
  t13?: { total: Val };
  t10?: { total: Val; projects: { name: string; total: Val; ref: CellRef }[] };
  t12?: { projects: { name: string; total: Val }[] };
  t14?: { total: Val; items: { item: string; catalog: string; amount: Val; ref: CellRef }[] };
  /** Which tables exist (for "缺少表N" placeholders). */
  present: Set<TableId>;
}

export function val(a: Amount | undefined): Val {
  if (!a) return { scaled: 0 };
  return { scaled: a.blank ? 0 : displayed(a.scaled, a.decimals), ref: a.ref };
}

function incomeLine(t: LinesTable, key: string): Val | undefined {
  const line = t.income.find((l) => l.key === key);
  return line ? val(line.amount) : undefined;
}

function expenseLine(t: LinesTable, key: string): Val | undefined {
  const line = t.expense.find((l) => l.key === key);
  return line ? val(line.amount) : undefined;
}

function totalRow(t: GridTable): BodyRow | undefined {
  return t.rows.find((r) => r.kind === 'total');
}

/**
 * The finest function-code rows: those no other row refines (项 rows in every seed). A table with
 * several units repeats a 项 under each unit: those rows are merged by code and, since the table
 * order then interleaves the units, listed by code.
 */
function funcLeaves(t: GridTable): FuncLeaf[] {
  const rows = t.rows.filter((r) => r.kind === 'func' && r.func);
  const codes = rows.map((r) => r.func!.code);
  const leaves = rows.filter((r) => !codes.some((c) => c !== r.func!.code && c.startsWith(r.func!.code)));
  const e = COL.expense;
  const out: FuncLeaf[] = [];
  let merged = false;
  for (const r of leaves) {
    const leaf: FuncLeaf = {
      code: r.func!.code,
      lei: r.func!.lei,
      kuan: r.func!.kuan,
      name: r.name?.text.trim() ?? '',
      total: val(r.amounts[e.total]),
      goods: val(r.amounts[e.goods]),
      capital: val(r.amounts[e.capital]),
      publicCost: val(r.amounts[e.publicCost]),
      ref: r.name?.ref ?? r.func!.refs[0] ?? { sheet: t.sheet, cell: '' },
    };
    const same = out.find((x) => x.code === leaf.code);
    if (!same) {
      out.push(leaf);
      continue;
    }
    merged = true;
    for (const k of ['total', 'goods', 'capital', 'publicCost'] as const) same[k] = { scaled: same[k].scaled + leaf[k].scaled, ref: same[k].ref };
  }
  return merged ? out.sort((a, b) => a.code.localeCompare(b.code)) : out;
}

function split(t: GridTable): Split | undefined {
  const row = totalRow(t);
  if (!row) return undefined;
  const e = COL.expense;
  return { total: val(row.amounts[e.total]), basic: val(row.amounts[e.basic]), project: val(row.amounts[e.project]) };
}

/** A table's 合计 row, or the sum of its leaves when it has none. */
function splitOrSum(t: GridTable): Split & { leaves: FuncLeaf[] } {
  const leaves = funcLeaves(t);
  const s = split(t);
  if (s) return { ...s, leaves };
  const e = COL.expense;
  const sum = (key: string) => ({ scaled: t.rows.filter((r) => leaves.some((l) => l.code === r.func?.code)).reduce((a, r) => a + val(r.amounts[key]).scaled, 0) });
  return { total: sum(e.total), basic: sum(e.basic), project: sum(e.project), leaves };
}

export function readFacts(book: BudgetBook): Facts {
  const present = new Set(Object.keys(book.tables) as TableId[]);
  const facts: Facts = { present };
  const decimals = Object.values(book.tables).map((t) => t!.decimals).filter((d) => d > 0);
  if (decimals.length) facts.decimals = mode(decimals);

  const T01 = linesTable(book, 'T01');
  if (T01) {
    const keys = ['一般公共预算', '政府性基金', '国有资本经营', '财政专户管理资金', '事业收入', '事业单位经营收入', '上级补助收入', '附属单位上缴收入', '其他收入', '上年结转结余'];
    const income: Record<string, Val | undefined> = {};
    for (const k of keys) income[k] = incomeLine(T01, k);
    facts.t01 = {
      incomeTotal: incomeLine(T01, '收入总计'),
      expenseTotal: expenseLine(T01, '支出总计'),
      currentIncome: incomeLine(T01, '本年收入合计'),
      income,
    };
  }

  const T03 = gridTable(book, 'T03');
  if (T03) facts.t03 = splitOrSum(T03);

  const T04 = linesTable(book, 'T04');
  if (T04) facts.t04 = { gpb: incomeLine(T04, '本年收入/一般公共预算'), fund: incomeLine(T04, '本年收入/政府性基金'), stateCapital: incomeLine(T04, '本年收入/国有资本经营') };

  const T05 = gridTable(book, 'T05');
  if (T05) facts.t05 = splitOrSum(T05);

  const T06 = gridTable(book, 'T06');
  if (T06) {
    const c = COL.t06;
    const rows: EconRow[] = T06.rows
      .filter((r) => r.kind === 'econ' && r.econ)
      .map((r) => ({
        dept: r.econ!.dept,
        deptName: (r.econ!.deptName ?? r.name?.text ?? '').trim(),
        gov: r.econ!.gov,
        total: val(r.amounts[c.total]),
        personnel: val(r.amounts[c.personnel]),
        publicCost: val(r.amounts[c.publicCost]),
      }));
    const tot = totalRow(T06);
    const sum = (f: (r: EconRow) => Val) => ({ scaled: rows.reduce((a, r) => a + f(r).scaled, 0) });
    facts.t06 = tot
      ? { total: val(tot.amounts[c.total]), personnel: val(tot.amounts[c.personnel]), publicCost: val(tot.amounts[c.publicCost]), rows }
      : { total: sum((r) => r.total), personnel: sum((r) => r.personnel), publicCost: sum((r) => r.publicCost), rows };
  }

  const T08 = t08(book);
  if (T08) {
    const c = COL.t08;
    const a = T08.amounts;
    facts.t08 = {
      total: val(a[c.total]),
      abroad: val(a[c.abroad]),
      reception: val(a[c.reception]),
      vehicle: val(a[c.vehicle]),
      purchase: val(a[c.vehiclePurchase]),
      running: val(a[c.vehicleRunning]),
    };
  }

  const T09 = gridTable(book, 'T09');
  if (T09) facts.t09 = splitOrSum(T09);

  const T13 = gridTable(book, 'T13');
  if (T13) {
    const tot = totalRow(T13);
    facts.t13 = { total: tot ? val(tot.amounts[COL.expense.total]) : { scaled: funcLeaves(T13).reduce((a, l) => a + l.total.scaled, 0) } };
  }

  const T10 = gridTable(book, 'T10');
  if (T10) {
    const projects = T10.rows
      .filter((r) => r.kind === 'project')
      .map((r) => ({
        name: (r.name?.text ?? r.texts[TEXT.t10.name]?.text ?? '').trim(),
        total: val(r.amounts[COL.t10.total]),
        ref: r.name?.ref ?? { sheet: T10.sheet, cell: '' },
      }));
    const tot = totalRow(T10);
    facts.t10 = { total: tot ? val(tot.amounts[COL.t10.total]) : { scaled: projects.reduce((a, p) => a + p.total.scaled, 0) }, projects };
  }

  const T12 = t12(book);
  if (T12) facts.t12 = { projects: T12.projects.map((p) => ({ name: p.name.text.trim(), total: val(p.amounts[COL.t12.total]) })) };

  const T14 = gridTable(book, 'T14');
  if (T14) {
    const items = T14.rows
      .filter((r) => r.kind === 'item')
      .map((r) => ({
        item: (r.texts[TEXT.t14.item]?.text ?? r.name?.text ?? '').trim(),
        catalog: (r.texts[TEXT.t14.catalog]?.text ?? '').trim(),
        amount: val(r.amounts[COL.t14.amount]),
        ref: r.amounts[COL.t14.amount]?.ref ?? { sheet: T14.sheet, cell: '' },
      }));
    const tot = totalRow(T14);
    facts.t14 = { total: tot ? val(tot.amounts[COL.t14.amount]) : { scaled: items.reduce((a, i) => a + i.amount.scaled, 0) }, items };
  }
  return facts;
}

function mode(xs: number[]): number {
  const count = new Map<number, number>();
  for (const x of xs) count.set(x, (count.get(x) ?? 0) + 1);
  return [...count.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
}
