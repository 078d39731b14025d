/** Rules 76–81: basic expenditure, T05 (by function) ↔ T06 (by economic code). */
import type { BodyRow, BudgetBook, GridTable } from '../../model';
import { COL, gridTable } from '../../model';
import { relationRule } from '../define';
import type { Relation } from '../relation';
import type { Rule } from '../types';
import { detailRows, hasColumnCached, totalRow } from '../table/kit';
import type { Side } from './kit';
import { crossRel, econRows, isEmptySide, join, sideTerms, sumSide, totalSide, tn } from './kit';

const E = COL.expense;
const C6 = COL.t06;

function pair(book: BudgetBook): { t5: GridTable; t6: GridTable } | undefined {
  const t5 = gridTable(book, 'T05');
  const t6 = gridTable(book, 'T06');
  return t5 && t6 && totalRow(t5) && totalRow(t6) ? { t5, t6 } : undefined;
}

function t5Total(t5: GridTable, col: string): Side | undefined {
  return hasColumnCached(t5, col) ? totalSide(t5, col) : undefined;
}

function econSum(t6: GridTable, prefixes: string[], col: string = C6.total): Side {
  const rows = prefixes.flatMap((p) => econRows(t6, p));
  return sumSide(t6, rows, col, `${tn('T06')} ${prefixes.map((p) => p + (p.length < 5 ? 'xx' : '')).join('+')} 合计`);
}

/** 事业 function rows: 项 50 事业运行, 2080502 事业单位离退休. */
function isInstitutionRow(r: BodyRow): boolean {
  const f = r.func;
  return !!f && (f.xiang === '50' || f.code === '2080502');
}

function publicCols(t5: GridTable): string[] {
  return [E.goods, E.capital, E.publicCost].filter((c) => hasColumnCached(t5, c));
}

const needs: ['T05', 'T06'] = ['T05', 'T06'];
export const basicRules: Rule[] = [
  relationRule({ id: 'X.T05-T06.basic', severity: 'error', title: '一般公共预算支出情况表基本支出合计 = 基本支出表合计', needs }, (book) => {
    const p = pair(book);
    return p ? [crossRel(book, 'X.T05-T06.basic', 'error', ['T05', 'T06'], totalSide(p.t5, E.basic), totalSide(p.t6, C6.total))] : [];
  }),
  relationRule({ id: 'X.T05-T06.personnel', severity: 'error', title: '基本支出表人员经费 = 工资福利支出 + 对个人和家庭的补助', needs }, (book) => {
    const p = pair(book);
    if (!p) return [];
    const rhs = join(t5Total(p.t5, E.wages), t5Total(p.t5, E.individuals));
    return rhs.terms.length ? [crossRel(book, 'X.T05-T06.personnel', 'error', ['T06', 'T05'], totalSide(p.t6, C6.personnel), rhs)] : [];
  }),
  relationRule({ id: 'X.T05-T06.public', severity: 'error', title: '基本支出表公用经费 = 商品和服务支出 + 资本性支出', needs }, (book) => {
    const p = pair(book);
    if (!p) return [];
    const rhs = join(...publicCols(p.t5).map((c) => t5Total(p.t5, c)));
    return rhs.terms.length ? [crossRel(book, 'X.T05-T06.public', 'error', ['T06', 'T05'], totalSide(p.t6, C6.publicCost), rhs)] : [];
  }),
  relationRule({ id: 'X.T05-T06.econ-class', severity: 'error', title: '基本支出表各经济分类之和与一般公共预算支出情况表对应列一致', needs }, (book) => {
    const p = pair(book);
    if (!p) return [];
    const out: Relation[] = [];
    const add = (col: string, prefixes: string[]): void => {
      const lhs = econSum(p.t6, prefixes);
      if (hasColumnCached(p.t5, col)) out.push(crossRel(book, 'X.T05-T06.econ-class', 'error', ['T05', 'T06'], t5Total(p.t5, col)!, lhs));
    };
    add(E.wages, ['301']);
    add(E.individuals, ['303']);
    if (hasColumnCached(p.t5, E.publicCost) && !hasColumnCached(p.t5, E.goods)) add(E.publicCost, ['302', '310']);
    else {
      add(E.goods, ['302']);
      add(E.capital, ['310']);
    }
    return out;
  }),
  relationRule({ id: 'X.T05-T06.agency-split', severity: 'warning', title: '公用经费按单位性质（机关/事业）拆分时两表一致', needs }, (book) => {
    const p = pair(book);
    if (!p) return [];
    const econ = detailRows(p.t6).filter((r) => r.econ?.gov);
    if (!econ.length) return [];
    const inst = econ.filter((r) => /^50[56]/.test(r.econ!.gov!));
    const organ = econ.filter((r) => /^50[23]/.test(r.econ!.gov!));
    const funcRows = detailRows(p.t5);
    const cols = publicCols(p.t5);
    // The split is only defined when every row with 公用经费 is a running or retirement 项 whose unit
    // kind the code tells (项 01/50, 2080501/2080502); otherwise the rule does not apply.
    const hasPublic = (r: BodyRow): boolean => cols.some((c) => (r.amounts[c]?.scaled ?? 0) !== 0);
    const kindKnown = (r: BodyRow): boolean => !!r.func && (r.func.xiang === '01' || r.func.xiang === '50' || r.func.code === '2080501' || r.func.code === '2080502');
    if (!funcRows.filter(hasPublic).every(kindKnown)) return [];
    const t5Side = (rows: BodyRow[], text: string): Side => ({ terms: cols.flatMap((c) => sideTerms(sumSide(p.t5, rows, c, ''))), text });
    return [
      crossRel(book, 'X.T05-T06.agency-split', 'warning', ['T06', 'T05'], sumSide(p.t6, inst, C6.publicCost, `${tn('T06')} 政府经济分类 505/506 行公用经费`), t5Side(funcRows.filter(isInstitutionRow), `${tn('T05')} 事业单位科目公用经费`)),
      crossRel(book, 'X.T05-T06.agency-split', 'warning', ['T06', 'T05'], sumSide(p.t6, organ, C6.publicCost, `${tn('T06')} 政府经济分类 502/503 行公用经费`), t5Side(funcRows.filter((r) => !isInstitutionRow(r)), `${tn('T05')} 其他科目公用经费`)),
    ];
  }),
  relationRule({ id: 'X.T05-T06.social', severity: 'warning', title: '社会保障缴费、住房公积金、离退休费等专门科目与经济分类对应', needs }, (book) => {
    const p = pair(book);
    if (!p) return [];
    const out: Relation[] = [];
    const f = detailRows(p.t5);
    const byCode = (pred: (code: string) => boolean, col: string, text: string): Side => sumSide(p.t5, f.filter((r) => r.func && pred(r.func.code)), col, text);
    const rel = (lhs: Side, rhs: Side, below?: null): void => {
      if (!isEmptySide(lhs) || !isEmptySide(rhs)) out.push(crossRel(book, 'X.T05-T06.social', 'warning', ['T06', 'T05'], lhs, rhs, below === null ? { below: null } : {}));
    };
    rel(econSum(p.t6, ['30108']), byCode((c) => c === '2080505', E.total, `${tn('T05')} 2080505 机关事业单位基本养老保险缴费支出`));
    rel(econSum(p.t6, ['30113']), byCode((c) => c === '2210201', E.total, `${tn('T05')} 2210201 住房公积金`));
    if (hasColumnCached(p.t5, E.individuals)) {
      rel(econSum(p.t6, ['30301', '30302']), byCode((c) => c === '2080501' || c === '2080502', E.individuals, `${tn('T05')} 2080501/2080502 对个人和家庭的补助`));
    }
    const medical = byCode((c) => c.startsWith('21011'), E.total, `${tn('T05')} 21011 行政事业单位医疗`);
    rel(econSum(p.t6, ['30110', '30111']), medical, null);
    rel(medical, econSum(p.t6, ['30110', '30111', '30112']), null);
    return out;
  }),
];
