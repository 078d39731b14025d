/**
 * Every T* and X* rule: silent on a real clean workbook, and firing once that workbook's typed tables
 * are edited to break it. Edits are made on the parsed book (the rules read typed tables only).
 */
import type { BodyRow, BudgetBook } from '../../src/core/model';
import { RULES } from '../../src/core/rules';
import { codeRules } from '../../src/core/rules/code';
import type { Rule, RuleContext } from '../../src/core/rules/types';
import { buildCatalog } from '../../src/core/catalog';
import type { NarrativeParams } from '../../src/core/narrative/params';
import { normLabel } from '../../src/core/narrative/labels';
import { add, bump, clean, detail, grid, line, lines, loadBook, rows, set, t08, t11, t12, total } from './helpers/books';

const S0 = clean('seed-000.xlsx');
const S1 = clean('seed-001.xlsx');
const S3 = clean('seed-003.xlsx');
const S4 = clean('seed-004.xlsx');
const JS = clean('synth-jy-small.xlsx');

interface Case {
  file: string;
  /** Applied before both checks (e.g. giving an empty table rows). */
  prepare?: (b: BudgetBook) => void;
  edit?: (b: BudgetBook) => void;
  /** Book on which the rule must stay silent (default: `file` unedited). */
  silentOn?: string;
  params?: NarrativeParams;
  /** Severity expected once broken (default: the rule's own). */
  severity?: 'error' | 'warning' | 'info';
}

const E = {
  total: '合计',
  basic: '基本支出/小计',
  wages: '基本支出/工资福利支出',
  project: '项目支出/小计',
  running: '项目支出/其他运转类',
};

/** Copies T09's rows into T13 (both in the 济源 expense layout) so the T13 rules have rows to read. */
function t13FromT09(b: BudgetBook): void {
  const t13 = grid(b, 'T13');
  t13.rows = structuredClone(grid(b, 'T09').rows);
}

function expenseCases(id: 'T03' | 'T05' | 'T09' | 'T13', file: string, prepare?: (b: BudgetBook) => void): Record<string, Case> {
  const c = (edit: (b: BudgetBook) => void): Case => ({ file, edit, prepare });
  return {
    [`${id}.row-split`]: c((b) => add(detail(b, id).amounts, E.total, 1)),
    [`${id}.row-basic`]: c((b) => add(detail(b, id).amounts, E.wages, 1)),
    [`${id}.row-project`]: c((b) => add(detail(b, id).amounts, E.running, 1)),
    [`${id}.col-sum`]: c((b) => {
      const r = detail(b, id);
      for (const k of [E.total, E.basic, E.wages]) add(r.amounts, k, 1);
    }),
    [`${id}.unit-rollup`]: c((b) => add(rows(b, id, 'dept')[0].amounts, E.project, 1)),
    [`${id}.code-hierarchy`]: c((b) => {
      // A 类 subtotal row that does not add up to its 项 rows.
      const t = grid(b, id);
      const first = detail(b, id);
      const sub: BodyRow = { ...structuredClone(first), row: 999, func: { lei: first.func!.lei, code: first.func!.lei, refs: [] } };
      add(sub.amounts, E.total, 1);
      t.rows.splice(t.rows.indexOf(first), 0, sub);
    }),
    [`${id}.code-unique`]: c((b) => grid(b, id).rows.push({ ...structuredClone(detail(b, id)), row: 998 })),
  };
}

const CASES: Record<string, Case> = {
  // T01
  'T01.income-sum': { file: S3, edit: (b) => bump(line(b, 'T01', '其他收入').amount, 5) },
  'T01.income-total': { file: S3, edit: (b) => bump(line(b, 'T01', '上年结转结余').amount, 2) },
  'T01.expense-sum': { file: S3, edit: (b) => bump(line(b, 'T01', '类:208').amount, 1) },
  'T01.expense-total': { file: S3, edit: (b) => bump(line(b, 'T01', '年终结转结余').amount, 3) },
  'T01.balance': { file: S3, edit: (b) => bump(line(b, 'T01', '支出总计').amount, 3) },
  'T01.sub-le-parent': { file: S3, edit: (b) => bump(line(b, 'T01', '一般公共预算/财政拨款').amount, 3) },
  // T02
  'T02.row-total': { file: S3, edit: (b) => add(rows(b, 'T02', 'dept')[0].amounts, '总计', -9) },
  'T02.row-current': { file: S3, edit: (b) => add(total(b, 'T02').amounts, '本年收入/事业收入', 5) },
  'T02.row-carry': { file: S3, edit: (b) => add(total(b, 'T02').amounts, '上年结转结余/单位资金', 3) },
  'T02.sub-le-parent': { file: S3, edit: (b) => add(total(b, 'T02').amounts, '本年收入/一般公共预算/财政拨款', 10) },
  'T02.unit-rollup': { file: S3, edit: (b) => add(rows(b, 'T02', 'unit')[0].amounts, '总计', -80) },
  // T03 layout, on T03, T05, T09 and the 济源 T13
  ...expenseCases('T03', S3),
  ...expenseCases('T05', S3),
  ...expenseCases('T09', JS),
  ...expenseCases('T13', JS, t13FromT09),
  'T13.pds-layout': { file: S3, edit: (b) => set(total(b, 'T13').amounts, '合计', 2) },
  // T04
  'T04.income-current': { file: S3, edit: (b) => bump(line(b, 'T04', '本年收入/政府性基金').amount, 3) },
  'T04.income-carry': { file: S3, edit: (b) => bump(line(b, 'T04', '上年结转/一般公共预算').amount, 2) },
  'T04.income-total': { file: S3, edit: (b) => bump(line(b, 'T04', '收入合计').amount, -9) },
  'T04.row': { file: S3, edit: (b) => add(line(b, 'T04', '类:201').amounts!, '合计', 1) },
  'T04.expense-sum': {
    file: S3,
    edit: (b) => {
      for (const k of ['合计', '一般公共预算/小计', '一般公共预算/财政拨款']) add(line(b, 'T04', '类:208').amounts!, k, 1);
    },
  },
  'T04.expense-total': { file: S3, edit: (b) => add(line(b, 'T04', '年终结转结余').amounts!, '合计', 2) },
  'T04.balance': { file: S3, edit: (b) => add(line(b, 'T04', '支出合计').amounts!, '合计', 3) },
  'T04.sub-le-parent': { file: S3, edit: (b) => add(line(b, 'T04', '类:201').amounts!, '一般公共预算/财政拨款', 9) },
  'T04.obsolete-class': {
    file: S3,
    edit: (b) => {
      const l = lines(b, 'T04').expense.find((x) => /医疗卫生与计划生育/.test(x.label.text))!;
      set(l.amounts!, '合计', 1);
    },
  },
  // T06
  'T06.row': { file: S3, edit: (b) => add(detail(b, 'T06').amounts, '合计', 1) },
  'T06.col-sum': { file: S3, edit: (b) => ['合计', '人员经费'].forEach((k) => add(detail(b, 'T06', 1).amounts, k, 1)) },
  'T06.class-subtotal': { file: S4, edit: (b) => ['合计', '人员经费'].forEach((k) => add(rows(b, 'T06', 'econClass')[0].amounts, k, 5)), silentOn: S4 },
  'T06.column-class': { file: S3, edit: (b) => ['合计', '公用经费'].forEach((k) => add(detail(b, 'T06').amounts, k, 1)) },
  'T06.code-pair-unique': { file: S3, edit: (b) => grid(b, 'T06').rows.push({ ...structuredClone(detail(b, 'T06', 1)), row: 99 }) },
  // T07
  'T07.row': { file: S3, edit: (b) => add(detail(b, 'T07').amounts, '总计', 1) },
  'T07.col-sum': { file: S3, edit: (b) => ['总计', '一般公共预算/小计', '一般公共预算/财政拨款'].forEach((k) => add(detail(b, 'T07').amounts, k, 1)) },
  'T07.sub-le-parent': { file: S3, edit: (b) => add(detail(b, 'T07').amounts, '一般公共预算/财政拨款', 1) },
  // T08
  'T08.total': { file: S3, edit: (b) => set(t08(b).amounts, '公务接待费', 1) },
  'T08.vehicle': { file: S3, edit: (b) => set(t08(b).amounts, '公务用车/购置费', 1) },
  // T10
  'T10.row': { file: S3, edit: (b) => add(detail(b, 'T10').amounts, '合计', 1) },
  'T10.col-sum': { file: S3, edit: (b) => ['合计', '本年拨款/一般公共预算'].forEach((k) => add(detail(b, 'T10').amounts, k, 1)) },
  'T10.type': { file: S3, edit: (b) => (detail(b, 'T10').texts['类型'].text = '专项') },
  'T10.duplicate': { file: S3, edit: (b) => grid(b, 'T10').rows.push({ ...structuredClone(detail(b, 'T10')), row: 99 }) },
  // T11
  'T11.sources': { file: S3, edit: (b) => add(t11(b).fields, '政府预算资金', -9) },
  'T11.structure': { file: S3, edit: (b) => add(t11(b).fields, '基本支出', -9) },
  // T12
  'T12.row': { file: S3, edit: (b) => add(t12(b).projects[0].amounts, '资金总额', 1) },
  'T12.col-sum': { file: S3, edit: (b) => ['资金总额', '政府预算资金'].forEach((k) => add(t12(b).projects[0].amounts, k, 1)) },
  'T12.cost-le-amount': { file: S3, edit: (b) => (t12(b).projects[0].indicators.find((i) => i.kind === '成本指标')!.value!.text = '≤9万元') },
  'T12.indicators-complete': { file: S3, edit: (b) => (t12(b).projects[0].indicators = t12(b).projects[0].indicators.filter((i) => i.kind !== '成本指标')) },
  // T14
  'T14.col-sum': { file: S3, edit: (b) => add(detail(b, 'T14').amounts, '金额', 1) },
  'T14.item-complete': { file: S3, edit: (b) => delete detail(b, 'T14').texts['计量单位'] },

  // X: no-data statements and empty tables
  'X.nodata-note': { file: S3, edit: (b) => (grid(b, 'T14').noDataNote = { text: '本部门2024年度没有政府采购支出，故本表无数据。', ref: { sheet: grid(b, 'T14').sheet, cell: 'A10' } }) },
  'X.nodata-T08': { file: S0, edit: (b) => (t08(b).amounts = {}) },
  'X.nodata-T09': { file: JS, edit: (b) => (grid(b, 'T09').rows = []) },
  'X.nodata-T10': { file: S3, edit: (b) => (grid(b, 'T10').rows = []) },
  'X.nodata-T12': { file: S3, edit: (b) => (t12(b).projects = []), severity: 'warning' },
  'X.nodata-T13': {
    file: S3,
    edit: (b) => {
      grid(b, 'T13').rows = [];
      bump(line(b, 'T01', '国有资本经营').amount, 5);
    },
  },
  'X.nodata-T14': {
    file: S3,
    edit: (b) => (grid(b, 'T14').rows = []),
    params: { sheet: '说明参数', titleCell: 'A1', fields: { [normLabel('政府采购合计')]: { label: '政府采购合计', value: 3.3, format: null, cell: 'B20', row: 20 } } },
  },
  // X: income
  'X.T01-T02.income': { file: S3, edit: (b) => add(total(b, 'T02').amounts, '本年收入/事业收入', 1) },
  'X.T01-T04.income': { file: S3, edit: (b) => bump(line(b, 'T04', '本年收入/政府性基金').amount, 1) },
  'X.T01-T04.carry': { file: S3, edit: (b) => bump(line(b, 'T04', '上年结转').amount, 5) },
  'X.T11-T01.total': { file: S3, edit: (b) => add(t11(b).fields, '部门预算总额', -9) },
  'X.T11-T01.sources': { file: S3, edit: (b) => set(t11(b).fields, '单位资金', 5) },
  // X: function codes
  'X.T01-T03.total': { file: S3, edit: (b) => bump(line(b, 'T01', '本年支出合计').amount, -9) },
  'X.T01-T03.class': { file: S3, edit: (b) => bump(line(b, 'T01', '类:201').amount, 1) },
  'X.T01-T04.class': { file: S3, edit: (b) => add(line(b, 'T04', '类:201').amounts!, '合计', 9) },
  'X.T03-T05.row': { file: S3, edit: (b) => add(detail(b, 'T05').amounts, E.wages, 4) },
  'X.T04-T05.class': { file: S3, edit: (b) => add(line(b, 'T04', '类:201').amounts!, '一般公共预算/小计', 1) },
  'X.T04-T09.class': { file: JS, edit: (b) => add(line(b, 'T04', '类:229').amounts!, '政府性基金', -2) },
  'X.T04-T13.class': { file: S3, edit: (b) => set(line(b, 'T04', '类:201').amounts!, '国有资本经营预算', 5) },
  // X: basic expenditure
  'X.T05-T06.basic': { file: S3, edit: (b) => add(total(b, 'T06').amounts, '合计', -8) },
  'X.T05-T06.personnel': { file: S3, edit: (b) => add(total(b, 'T06').amounts, '人员经费', -8) },
  'X.T05-T06.public': { file: S3, edit: (b) => add(total(b, 'T06').amounts, '公用经费', 2) },
  'X.T05-T06.econ-class': { file: S3, edit: (b) => ['合计', '公用经费'].forEach((k) => add(detail(b, 'T06', 2).amounts, k, 2)) },
  'X.T05-T06.agency-split': {
    file: S4,
    silentOn: S4,
    edit: (b) => {
      const r = grid(b, 'T06').rows.find((x) => x.econ?.gov === '50201')!;
      r.econ!.gov = '50502';
    },
  },
  'X.T05-T06.social': { file: S3, edit: (b) => ['合计', '人员经费'].forEach((k) => add(grid(b, 'T06').rows.find((r) => r.econ?.dept === '30113')!.amounts, k, 1)) },
  // X: economic summary and 三公
  'X.T03-T07.total': { file: S3, edit: (b) => add(total(b, 'T07').amounts, '总计', -9) },
  'X.T06-T07.basic': { file: S3, edit: (b) => ['合计', '人员经费'].forEach((k) => add(grid(b, 'T06').rows.find((r) => r.econ?.dept === '30101')!.amounts, k, 9)) },
  'X.T07-T05.project': { file: S3, edit: (b) => add(total(b, 'T07').amounts, '一般公共预算/小计', -9) },
  'X.T08-econ': { file: S0, edit: (b) => ['公务接待费', '合计'].forEach((k) => add(t08(b).amounts, k, 1)) },
  // X: projects and targets
  'X.T10-T03.project': { file: S3, edit: (b) => add(total(b, 'T10').amounts, '合计', -9) },
  'X.T10-T03.type': { file: S3, edit: (b) => (detail(b, 'T10').texts['类型'].text = '特定目标类') },
  'X.T12-T10.match': { file: S3, edit: (b) => add(t12(b).projects[0].amounts, '资金总额', 1) },
  'X.T12-T10.coverage': { file: S3, edit: (b) => t12(b).projects.pop() },
  'X.T11-T03.structure': { file: S3, edit: (b) => add(t11(b).fields, '项目支出', -9) },
  // X: procurement and hints
  'X.T14-T03.code': { file: S3, edit: (b) => (detail(b, 'T14').func!.code = '2089901') },
  'X.T12-T14.procurement-hint': { file: S3, silentOn: S1 },
  'X.T12-T07.capital-hint': { file: S3, silentOn: S1 },
};

const ctx = (params?: NarrativeParams): RuleContext => ({ catalog: buildCatalog([]), params });
const problems = (rule: Rule, b: BudgetBook, params?: NarrativeParams) =>
  rule.check(b, ctx(params)).filter((f) => f.rule === rule.id && f.severity !== 'info');

const MINE = RULES.filter((r) => !codeRules.includes(r));

test('every within-table and cross-table rule has a case', () => {
  expect(MINE.map((r) => r.id).filter((id) => !CASES[id])).toEqual([]);
  expect(MINE.every((r) => /^(T\d\d|X)\./.test(r.id) && r.title && r.needs)).toBe(true);
});

describe.each(MINE.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  const c = CASES[id];
  test('silent on a clean workbook', async () => {
    const b = await loadBook(c.silentOn ?? c.file);
    c.prepare?.(b);
    expect(problems(rule, b, c.params).map((f) => `${f.cell} ${f.message}`)).toEqual([]);
  });
  test('fires when its relation is broken', async () => {
    const b = await loadBook(c.file);
    c.prepare?.(b);
    c.edit?.(b);
    const found = rule.check(b, ctx(c.params)).filter((f) => f.rule === id);
    const severity = c.severity ?? rule.severity;
    expect(found.filter((f) => f.severity === severity).length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.sheet).not.toBe('');
      expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

test('X.T01-T04.income: the two 其中：财政拨款 lines must agree when both are filled in', async () => {
  const rule = RULES.find((r) => r.id === 'X.T01-T04.income')!;
  const b = await loadBook(S0);
  const l = line(b, 'T04', '本年收入/一般公共预算/财政拨款');
  // Still ≤ its parent, so only the cross-table relation can see it.
  bump(l.amount, -9);
  const found = problems(rule, b);
  expect(found.map((f) => [f.severity, f.cell])).toEqual([['error', l.amount!.ref.cell]]);
});
