/** Rules 64–68: income across T01 ↔ T02 ↔ T04 ↔ T11. */
import type { BudgetBook } from '../../model';
import { COL, gridTable, linesTable, t11 } from '../../model';
import { relationRule } from '../define';
import type { Relation } from '../relation';
import type { Rule } from '../types';
import { t11Term } from '../table/t11';
import { lineMap } from '../table/lines';
import type { Side } from './kit';
import { crossRel, join, lineSide, totalSide, tn } from './kit';

const C2 = COL.t02;
const T01_T02: [string, string][] = [
  [C2.gpb, '一般公共预算'],
  [C2.gpbAppropriation, '一般公共预算/财政拨款'],
  [C2.fund, '政府性基金'],
  [C2.stateCapital, '国有资本经营'],
  [C2.specialAccount, '财政专户管理资金'],
  [C2.business, '事业收入'],
  [C2.operating, '事业单位经营收入'],
  [C2.superior, '上级补助收入'],
  [C2.subordinate, '附属单位上缴收入'],
  [C2.other, '其他收入'],
  [C2.current, '本年收入合计'],
  [C2.carry, '上年结转结余'],
  [C2.total, '收入总计'],
];

function t01T02(book: BudgetBook): Relation[] {
  const t2 = gridTable(book, 'T02');
  const out: Relation[] = [];
  if (!t2 || !t2.rows.some((r) => r.kind === 'total')) return out;
  for (const [k2, k1] of T01_T02) {
    const rhs = lineSide(book, 'T01', k1);
    const total = t2.rows.find((r) => r.kind === 'total');
    if (!rhs || !total || total.amounts[k2] === undefined) continue;
    out.push(crossRel(book, 'X.T01-T02.income', 'error', ['T02', 'T01'], totalSide(t2, k2), rhs));
  }
  return out;
}

/** T04 income lines vs T01. 济源 T01 sub-rows other than 财政拨款 carry amounts → compare 财政拨款 lines. */
function t01T04(book: BudgetBook): Relation[] {
  const t1 = linesTable(book, 'T01');
  const out: Relation[] = [];
  if (!t1) return out;
  const inc1 = lineMap(t1.income);
  const otherSubs = t1.income.some((l) => l.key.startsWith('一般公共预算/') && l.key !== '一般公共预算/财政拨款' && (l.amount?.scaled ?? 0) !== 0);
  const pairs: [string, string][] = otherSubs
    ? [['本年收入/一般公共预算/财政拨款', '一般公共预算/财政拨款']]
    : [['本年收入/一般公共预算', '一般公共预算']];
  // Both 其中：财政拨款 lines filled in (平顶山): they are one figure too, so a change to either one
  // alone is caught here rather than only by the ≤ its parent check.
  const inc4 = lineMap(linesTable(book, 'T04')?.income ?? []);
  const filled = (m: typeof inc1, k: string) => m.get(k)?.amount?.blank === false;
  if (!otherSubs && filled(inc4, '本年收入/一般公共预算/财政拨款') && filled(inc1, '一般公共预算/财政拨款')) {
    pairs.push(['本年收入/一般公共预算/财政拨款', '一般公共预算/财政拨款']);
  }
  pairs.push(['本年收入/政府性基金', '政府性基金'], ['本年收入/国有资本经营', '国有资本经营']);
  for (const [k4, k1] of pairs) {
    const lhs = lineSide(book, 'T04', k4);
    const rhs = inc1.has(k1) ? lineSide(book, 'T01', k1) : undefined;
    if (lhs && rhs) out.push(crossRel(book, 'X.T01-T04.income', 'error', ['T04', 'T01'], lhs, rhs));
  }
  return out;
}

function t11Side(book: BudgetBook, key: string): Side | undefined {
  const t = t11(book);
  if (!t || t.fields[key] === undefined) return undefined;
  return { terms: [t11Term(t, key)], text: `${tn('T11')} ${key}` };
}

export const incomeRules: Rule[] = [
  relationRule({ id: 'X.T01-T02.income', severity: 'error', title: '部门收入总体情况表合计行与部门收支总体情况表收入各项一致', needs: ['T01', 'T02'] }, t01T02),
  relationRule({ id: 'X.T01-T04.income', severity: 'error', title: '财政拨款收支总体情况表本年收入各项与部门收支总体情况表一致', needs: ['T01', 'T04'] }, t01T04),
  relationRule({ id: 'X.T01-T04.carry', severity: 'warning', title: '财政拨款上年结转不超过部门上年结转结余', needs: ['T01', 'T04'] }, (book) => {
    const lhs = lineSide(book, 'T04', '上年结转');
    const rhs = lineSide(book, 'T01', '上年结转结余');
    return lhs && rhs ? [crossRel(book, 'X.T01-T04.carry', 'warning', ['T04', 'T01'], lhs, rhs, { below: null })] : [];
  }),
  relationRule({ id: 'X.T11-T01.total', severity: 'error', title: '整体绩效目标表部门预算总额 = 部门收支总体情况表收入总计', needs: ['T11', 'T01'] }, (book) => {
    const lhs = t11Side(book, '部门预算总额');
    const rhs = lineSide(book, 'T01', '收入总计');
    return lhs && rhs ? [crossRel(book, 'X.T11-T01.total', 'error', ['T11', 'T01'], lhs, rhs)] : [];
  }),
  relationRule({ id: 'X.T11-T01.sources', severity: 'warning', title: '整体绩效目标表资金来源与部门收支总体情况表各项收入对应', needs: ['T11', 'T01'] }, (book) => {
    const out: Relation[] = [];
    const t2 = gridTable(book, 'T02');
    const unitCarry = t2 && t2.rows.some((r) => r.kind === 'total' && r.amounts[C2.carryUnit] !== undefined) ? totalSide(t2, C2.carryUnit) : undefined;
    const lines = (keys: string[]) => join(...keys.map((k) => lineSide(book, 'T01', k)));
    const defs: [string, Side][] = [
      ['政府预算资金', join(lines(['一般公共预算', '政府性基金', '国有资本经营']), lineSide(book, 'T04', '上年结转'))],
      ['财政专户管理资金', lines(['财政专户管理资金'])],
      ['单位资金', join(lines(['事业收入', '事业单位经营收入', '上级补助收入', '附属单位上缴收入', '其他收入']), unitCarry)],
    ];
    for (const [k, rhs] of defs) {
      const lhs = t11Side(book, k);
      if (!lhs || !rhs.terms.length) continue;
      out.push(crossRel(book, 'X.T11-T01.sources', 'warning', ['T11', 'T01', 'T04', 'T02'].filter((id) => book.tables[id as 'T01']) as Relation['tables'], lhs, rhs));
    }
    return out;
  }),
];
