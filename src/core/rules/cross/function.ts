/** Rules 69–75: expenditure by function code across T01 ↔ T03 ↔ T04 ↔ T05/T09/T13. */
import type { BodyRow, BudgetBook, GridTable, Line, LinesTable, TableId } from '../../model';
import { COL, gridTable, linesTable } from '../../model';
import type { Finding } from '../../report';
import { relationRule } from '../define';
import type { Relation } from '../relation';
import { amountUnits, leavingOutHeld, mayLeaveOut } from '../relation';
import type { Rule, RuleContext } from '../types';
import { lookup } from '../../catalog';
import { firstDifferingPart } from '../code/common';
import { hasColumnCached, rowLabel, scaledAt, tableCells, totalRow } from '../table/kit';
import { classLines, expenseTerm, lineTerm } from '../table/lines';
import type { Side } from './kit';
import { byClass, cellTerm, crossRel, join, lineSide, onlyGeneralBudget, sumSide, totalSide, tn } from './kit';
import { pushAll } from '../../list';

const E = COL.expense;
const C4 = COL.t04;

function classSide(t: GridTable, rows: BodyRow[] | undefined, lei: string): Side {
  return sumSide(t, rows ?? [], E.total, `${tn(t.id)} ${lei}类各项合计`);
}

function t01ClassSide(t1: LinesTable, l: Line | undefined, lei: string): Side {
  return { terms: l ? [lineTerm(t1, l, l.key)] : [], text: `${tn('T01')} ${l ? l.label.text.replace(/\s+/g, '') : lei + '类'}` };
}

function t04ClassSide(t4: LinesTable, l: Line | undefined, col: string, lei: string): Side {
  return { terms: l ? [expenseTerm(t4, l, col, l.key)] : [], text: `${tn('T04')} ${l ? l.label.text.replace(/\s+/g, '') : lei + '类'}·${col}` };
}

function nonzeroClasses(lines: Map<string, Line>, col?: string): string[] {
  return [...lines.entries()].filter(([, l]) => ((col ? l.amounts?.[col]?.scaled : l.amount?.scaled) ?? 0) !== 0).map(([k]) => k);
}

/** T04 income key of last year's carry-over that pays for the column's spending. */
const CARRY_OF: Record<string, string> = { [C4.gpb]: '上年结转/一般公共预算', [C4.fund]: '上年结转/政府性基金', [C4.stateCapital]: '上年结转/国有资本经营' };

/**
 * Rules 73–75: the T04 column for each 类 = Σ of the table's 项 rows of that 类, and the 本年支出 line =
 * the 合计 row. T05/T09/T13 hold current-year money only: when T04 shows 上年结转 for the column, a 类
 * may exceed the table by at most that carry-over, and 本年支出 + 年终结转结余 = 合计 + 上年结转.
 */
function t04Versus(book: BudgetBook, id: 'T05' | 'T09' | 'T13', col: string, rule: string): Relation[] {
  const t4 = linesTable(book, 'T04');
  const g = gridTable(book, id);
  if (!t4 || !g || !t4.expense.some((l) => l.amounts?.[col] !== undefined)) return [];
  const out: Relation[] = [];
  const lines = classLines(t4.expense);
  const groups = byClass(g);
  const classes = new Set([...nonzeroClasses(lines, col), ...groups.keys()]);
  const carry = lineSide(book, 'T04', CARRY_OF[col]);
  const hasCarry = !!carry && carry.terms.some((x) => x.scaled !== 0);
  for (const lei of [...classes].sort()) {
    const t4side = t04ClassSide(t4, lines.get(lei), col, lei);
    const gside = classSide(g, groups.get(lei), lei);
    if (!hasCarry) {
      out.push(crossRel(book, rule, 'error', ['T04', id], t4side, gside));
      continue;
    }
    out.push(crossRel(book, rule, 'error', [id, 'T04'], gside, t4side, { below: null }));
    out.push(crossRel(book, rule, 'error', ['T04', id], t4side, join(gside, carry), { below: null }));
  }
  const cur = t4.expense.find((l) => l.key === '本年支出');
  if (cur && totalRow(g) && hasColumnCached(g, E.total)) {
    const lhs: Side = { terms: [expenseTerm(t4, cur, col, '一、本年支出')], text: `${tn('T04')} 一、本年支出·${col}` };
    const rest = t4.expense.find((l) => l.key === '年终结转结余');
    const rhs = totalSide(g, E.total);
    if (hasCarry) {
      if (rest?.amounts?.[col]) {
        lhs.terms.push(expenseTerm(t4, rest, col, '二、年终结转结余'));
        lhs.text += ' + 年终结转结余';
      }
      pushAll(rhs.terms, carry!.terms);
      rhs.text += ` + ${carry!.text}`;
    }
    out.push(crossRel(book, rule, 'error', ['T04', id], lhs, rhs));
  }
  return out;
}

const keysCache = new WeakMap<GridTable, Map<string, number>>();
/**
 * Key of a row for matching T05 against T03: 合计, department/unit code, or unit + function code →
 * the row's position (the first row of a key; once per table).
 */
function rowKeys(t: GridTable): Map<string, number> {
  let m = keysCache.get(t);
  if (!m) keysCache.set(t, (m = computeRowKeys(t)));
  return m;
}

function computeRowKeys(t: GridTable): Map<string, number> {
  const m = new Map<string, number>();
  let scope = '';
  for (let i = 0; i < t.rows.length; i++) {
    const r = t.rows[i];
    let key: string | undefined;
    if (r.kind === 'total') key = 'total';
    else if (r.kind === 'dept' || r.kind === 'unit') {
      scope = r.code?.text ?? '';
      key = `${r.kind}:${scope}`;
    } else if (r.kind === 'func' && r.func) key = `${scope}|${r.func.code}`;
    if (key && !m.has(key)) m.set(key, i);
  }
  return m;
}

/** sameAmounts of a T03 row and a T05 row (by position), read from the tables' cells. */
function sameCells(t3: GridTable, t5: GridTable): (i3: number, i5: number) => boolean {
  const c3 = tableCells(t3);
  const c5 = tableCells(t5);
  // Every key either table's rows have (absent cells read 0, as sameAmounts counts them).
  const keys = [...new Set([...c3.cols.keys(), ...c3.others, ...c5.cols.keys(), ...c5.others])];
  return (i3, i5) => {
    for (const k of keys) if (scaledAt(t3, c3, i3, k) !== scaledAt(t5, c5, i5, k)) return false;
    return true;
  };
}

const EXPENSE_COLS = Object.values(E);

function t03T05(book: BudgetBook): Relation[] {
  const t3 = gridTable(book, 'T03');
  const t5 = gridTable(book, 'T05');
  if (!t3 || !t5) return [];
  const equal = onlyGeneralBudget(book);
  const k3 = rowKeys(t3);
  const out: Relation[] = [];
  const cols = EXPENSE_COLS.filter((c) => hasColumnCached(t3, c) && hasColumnCached(t5, c));
  const decimals = Math.max(t3.decimals, t5.decimals);
  const below = equal ? 'warning' : null;
  const tables: TableId[] = ['T05', 'T03'];
  const rhsText = `${tn('T03')} 同一单元格`;
  const same = sameCells(t3, t5);
  const skipping = leavingOutHeld();
  for (const [key, i5] of rowKeys(t5)) {
    const i3 = k3.get(key);
    if (i3 === undefined) continue;
    const r3 = t3.rows[i3];
    const r5 = t5.rows[i5];
    // Identical detail rows (the usual case) need no relation per cell; totals and differing rows do.
    if (r5.kind === 'func' && same(i3, i5)) continue;
    for (const c of cols) {
      if (r5.amounts[c] === undefined && r3.amounts[c] === undefined) continue;
      if (skipping && mayLeaveOut(amountUnits(r5.amounts[c], decimals), amountUnits(r3.amounts[c], decimals), below)) continue;
      out.push({
        rule: 'X.T03-T05.row',
        severity: 'error',
        below,
        lhs: [cellTerm(t5, r5, c)],
        rhs: [cellTerm(t3, r3, c)],
        decimals,
        tables,
        whereRow: r5,
        lhsText: c,
        rhsText,
        shape: { kind: 'cross' },
        table: 'T05',
      });
    }
  }
  return out;
}

interface Unmatched {
  only5: BodyRow[];
  only3: BodyRow[];
  /** Same amounts under different codes: (T05 row, T03 row). */
  twins: [BodyRow, BodyRow][];
}

/**
 * Function rows of T05 without a T03 row of the same unit and code, and (when the two must be equal)
 * the reverse. A T03 row whose code T05 lacks may still be T05's row under a mistyped code: when
 * their amounts agree they are paired as twins, whether or not the tables must be equal (a T03 row
 * that other funds pay for is simply absent from T05, and then no T05 row matches its amounts).
 */
function unmatched(book: BudgetBook): Unmatched | undefined {
  const t3 = gridTable(book, 'T03');
  const t5 = gridTable(book, 'T05');
  if (!t3 || !t5) return undefined;
  const k3 = rowKeys(t3);
  const k5 = rowKeys(t5);
  const only = (keys: Map<string, number>, t: GridTable, others: Map<string, number>): [string, BodyRow][] => {
    const rows: [string, BodyRow][] = [];
    for (const [k, i] of keys) if (!others.has(k) && t.rows[i].kind === 'func' && hasAmount(t.rows[i])) rows.push([k, t.rows[i]]);
    return rows;
  };
  const only5 = only(k5, t5, k3);
  const only3 = only(k3, t3, k5);
  const twins: [BodyRow, BodyRow][] = [];
  const used = new Set<BodyRow>();
  for (const [k5key, r5] of only5) {
    const scope = scopeOf(k5key);
    const r3 = only3.find(([k, x]) => !used.has(x) && scopeOf(k) === scope && sameAmounts(x, r5))?.[1];
    if (r3) {
      used.add(r3);
      twins.push([r5, r3]);
    }
  }
  const paired = new Set(twins.flat());
  const rest = (rows: [string, BodyRow][]) => rows.map(([, r]) => r).filter((r) => !paired.has(r));
  return { only5: rest(only5), only3: onlyGeneralBudget(book) ? rest(only3) : [], twins };
}

/** The unit part of a row key ("unit code|function code"). */
function scopeOf(key: string): string {
  return key.slice(0, key.lastIndexOf('|'));
}

/**
 * A row one table has and the other lacks, as a relation with an empty side: the resolver points at
 * the parent row of the table that lacks it (a deleted row), or folds it into a larger defect.
 */
function unmatchedRelations(book: BudgetBook): Relation[] {
  const u = unmatched(book);
  if (!u) return [];
  const t3 = gridTable(book, 'T03')!;
  const t5 = gridTable(book, 'T05')!;
  const none = (t: GridTable, text: string): Side => ({ terms: [], slice: { table: t.id, rows: [], cols: [E.total], name: () => '' }, text });
  return [
    ...u.only5.map((r) => crossRel(book, 'X.T03-T05.row', 'error', ['T05', 'T03'], sumSide(t5, [r], E.total, `${tn('T05')} ${rowLabel(r)} 合计`), none(t3, `${tn('T03')} ${rowLabel(r)}`))),
    ...u.only3.map((r) =>
      crossRel(book, 'X.T03-T05.row', 'error', ['T05', 'T03'], none(t5, `${tn('T05')} ${rowLabel(r)}`), sumSide(t3, [r], E.total, `${tn('T03')} ${rowLabel(r)} 合计`), { below: 'warning' }),
    ),
  ];
}

/**
 * Same amounts under a different code in T03 and T05: one code cell is wrong — one finding for the
 * pair, at the code the catalogue does not know when only one of the two is unknown (else at T05's),
 * on the first code part where the two differ.
 */
function t03T05Twins(book: BudgetBook, ctx: RuleContext): Finding[] {
  const u = unmatched(book);
  if (!u) return [];
  const out: Finding[] = [];
  const known = (r: BodyRow) => lookup(ctx.catalog, r.func!.code) !== undefined;
  for (const [r5, r3] of u.twins) {
    const decided = known(r5) !== known(r3);
    const [wrong, right] = decided && known(r5) ? [r3, r5] : [r5, r3];
    const [wrongTable, rightTable]: TableId[] = wrong === r5 ? ['T05', 'T03'] : ['T03', 'T05'];
    const refs = wrong.func!.refs;
    const ref = refs[Math.min(firstDifferingPart(wrong.func!.code, right.func!.code), refs.length - 1)] ?? wrong.name?.ref;
    if (!ref) continue;
    out.push({
      rule: 'X.T03-T05.row',
      severity: 'error',
      sheet: ref.sheet,
      cell: ref.cell,
      related: [...r3.func!.refs, ...r5.func!.refs].filter((x) => x !== ref),
      expected: right.func!.code,
      actual: wrong.func!.code,
      message: decided
        ? `${tn(wrongTable)} ${rowLabel(wrong)} 科目编码应为 ${right.func!.code}（= ${tn(rightTable)} 同金额的行），实为 ${wrong.func!.code}，不在科目表中`
        : `${tn('T05')} ${rowLabel(r5)} 与 ${tn('T03')} 同金额的行科目编码不一致（${r5.func!.code} / ${r3.func!.code}），其中一个编码有误`,
      headline: decided
        ? `科目编码应为 ${right.func!.code}（同${tn(rightTable)}同金额的行），实为 ${wrong.func!.code}`
        : `科目编码与${tn('T03')}同金额的行不一致（${r5.func!.code} / ${r3.func!.code}），其中一个有误`,
      table: wrongTable,
    });
  }
  return out;
}

function hasAmount(r: BodyRow): boolean {
  return Object.values(r.amounts).some((a) => a.scaled !== 0);
}

function sameAmounts(a: BodyRow, b: BodyRow): boolean {
  return sameOn(a.amounts, b.amounts) && sameOn(b.amounts, a.amounts);
}

/** Every amount of x equals y's amount of the same key (absent = 0). */
function sameOn(x: BodyRow['amounts'], y: BodyRow['amounts']): boolean {
  for (const k in x) if (Object.prototype.hasOwnProperty.call(x, k) && (x[k]?.scaled ?? 0) !== (y[k]?.scaled ?? 0)) return false;
  return true;
}

export const functionRules: Rule[] = [
  relationRule({ id: 'X.T01-T03.total', severity: 'error', title: '部门收支总体情况表本年支出合计 = 部门支出总体情况表合计', needs: ['T01', 'T03'] }, (book) => {
    const t3 = gridTable(book, 'T03');
    const lhs = lineSide(book, 'T01', '本年支出合计');
    return t3 && lhs && totalRow(t3) ? [crossRel(book, 'X.T01-T03.total', 'error', ['T01', 'T03'], lhs, totalSide(t3, E.total))] : [];
  }),
  relationRule({ id: 'X.T01-T03.class', severity: 'error', title: '部门收支总体情况表各类支出 = 部门支出总体情况表该类各项之和', needs: ['T01', 'T03'] }, (book) => {
    const t1 = linesTable(book, 'T01');
    const t3 = gridTable(book, 'T03');
    if (!t1 || !t3) return [];
    const lines = classLines(t1.expense);
    const groups = byClass(t3);
    const classes = new Set([...nonzeroClasses(lines), ...groups.keys()]);
    return [...classes].sort().map((lei) => crossRel(book, 'X.T01-T03.class', 'error', ['T01', 'T03'], t01ClassSide(t1, lines.get(lei), lei), classSide(t3, groups.get(lei), lei)));
  }),
  relationRule({ id: 'X.T01-T04.class', severity: 'error', title: '财政拨款支出各类不超过部门收支总体情况表该类支出', needs: ['T01', 'T04'] }, (book) => {
    const t1 = linesTable(book, 'T01');
    const t4 = linesTable(book, 'T04');
    if (!t1 || !t4) return [];
    const l1 = classLines(t1.expense);
    const l4 = classLines(t4.expense);
    const classes = new Set([...nonzeroClasses(l1), ...nonzeroClasses(l4, C4.total)]);
    return [...classes]
      .sort()
      .map((lei) => crossRel(book, 'X.T01-T04.class', 'error', ['T04', 'T01'], t04ClassSide(t4, l4.get(lei), C4.total, lei), t01ClassSide(t1, l1.get(lei), lei), { below: 'info' }));
  }),
  relationRule({ id: 'X.T03-T05.row', severity: 'error', title: '一般公共预算支出情况表各单元格不超过部门支出总体情况表同一单元格', needs: ['T03', 'T05'] }, (book) => [...t03T05(book), ...unmatchedRelations(book)], t03T05Twins),
  relationRule({ id: 'X.T04-T05.class', severity: 'error', title: '财政拨款一般公共预算各类支出 = 一般公共预算支出情况表该类之和', needs: ['T04', 'T05'] }, (book) =>
    t04Versus(book, 'T05', C4.gpb, 'X.T04-T05.class'),
  ),
  relationRule({ id: 'X.T04-T09.class', severity: 'error', title: '财政拨款政府性基金各类支出 = 政府性基金预算支出情况表该类之和', needs: ['T04', 'T09'] }, (book) =>
    t04Versus(book, 'T09', C4.fund, 'X.T04-T09.class'),
  ),
  relationRule({ id: 'X.T04-T13.class', severity: 'error', title: '财政拨款国有资本经营预算各类支出 = 国有资本经营预算支出情况表该类之和', needs: ['T04', 'T13'] }, (book) =>
    t04Versus(book, 'T13', C4.stateCapital, 'X.T04-T13.class'),
  ),
];
