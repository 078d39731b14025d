/**
 * The typed model of each table family on the real seeds: line keys of T01/T04, row kinds and
 * codes, unit/department ownership, T11 form fields, T12 projects and indicators, notes.
 */
import path from 'path';
import type { SheetGrid } from '../../src/core/grid';
import type { BudgetBook, GridTable, LinesTable, T11Table, T12Table } from '../../src/core/model';
import { COL, TEXT } from '../../src/core/model';
import { readBook } from '../../src/core/parse';
import { FIXTURES, loadGrids } from '../helpers/load';

const books = new Map<string, Promise<BudgetBook>>();
const book = (f: string) => {
  if (!books.has(f)) books.set(f, loadGrids(path.join(FIXTURES, 'clean', `${f}.xlsx`)).then(readBook));
  return books.get(f)!;
};
const lines = async (f: string, id: 'T01' | 'T04') => (await book(f)).tables[id] as LinesTable;
const grid = async (f: string, id: GridTable['id']) => (await book(f)).tables[id] as GridTable;

describe('T01 / T04 line keys', () => {
  test('平顶山 T01 income and expense keys', async () => {
    const t = await lines('seed-000', 'T01');
    expect(t.income.map((l) => l.key)).toEqual([
      '一般公共预算', '一般公共预算/财政拨款', '政府性基金', '国有资本经营', '财政专户管理资金', '事业收入', '事业单位经营收入',
      '上级补助收入', '附属单位上缴收入', '其他收入', '本年收入合计', '上年结转结余', '收入总计',
    ]);
    const keys = t.expense.map((l) => l.key);
    expect(keys.slice(0, 3)).toEqual(['类:201', '类:202', '类:203']);
    expect(keys.slice(-3)).toEqual(['本年支出合计', '年终结转结余', '支出总计']);
    // ordinals skip 十八, 二十五, 二十六, 二十八: codes follow the names, not the row positions
    expect(t.expense.filter((l) => l.lei).map((l) => l.lei)).toEqual([
      '201', '202', '203', '204', '205', '206', '207', '208', '209', '210', '211', '212', '213', '214', '215', '216', '217',
      '219', '220', '221', '222', '223', '224', '227', '229', '230', '231', '232', '233', '234',
    ]);
    expect(t.expense.find((l) => l.lei === '208')!.amount!.scaled).toBe(20_000_000);
  });

  test('济源 T01 sub-rows are keyed by their parent', async () => {
    const t = await lines('seed-004', 'T01');
    expect(t.income.map((l) => l.key).slice(0, 10)).toEqual([
      '一般公共预算', '一般公共预算/财政拨款', '一般公共预算/专项收入', '一般公共预算/其他一般公共预算资金', '一般公共预算/上级提前下达',
      '一般公共预算/一般债券', '政府性基金', '政府性基金/政府性基金预算资金', '政府性基金/上级提前下达', '政府性基金/专项债券',
    ]);
    expect(t.income.find((l) => l.key === '收入总计')!.amount!.scaled).toBe(1_990_500_000);
  });

  test('T04: income sections, 类 lines, the old 210 slot and its five amount columns', async () => {
    const t = await lines('seed-003', 'T04');
    expect(t.income.map((l) => l.key)).toEqual([
      '本年收入', '本年收入/一般公共预算', '本年收入/一般公共预算/财政拨款', '本年收入/政府性基金', '本年收入/国有资本经营',
      '上年结转', '上年结转/一般公共预算', '上年结转/政府性基金', '上年结转/国有资本经营', '收入合计',
    ]);
    const old = t.expense.find((l) => l.label.text.includes('医疗卫生与计划生育'))!;
    expect(old.key).toBe('类:210-old');
    expect(old.lei).toBeUndefined();
    const health = t.expense.find((l) => l.key === '类:210')!;
    expect(health.label.text).toContain('卫生健康');
    expect(t.expense[0].key).toBe('本年支出');
    expect(t.expense[t.expense.length - 1].key).toBe('支出合计');
    expect(Object.keys(t.expense[0].amounts!).sort()).toEqual(Object.values(COL.t04).sort());
    expect(t.expense.every((l) => l.amount === undefined)).toBe(true);
  });
});

describe('grid row kinds', () => {
  test('T03: 合计, department, function rows with 类/款/项 and their cells', async () => {
    const t = await grid('seed-000', 'T03');
    expect(t.rows.map((r) => r.kind)).toEqual(['total', 'dept', 'func', 'func', 'func', 'func', 'func', 'func']);
    const dept = t.rows[1];
    expect(dept.code).toEqual({ text: '134', ref: { sheet: '表3 部门支出总体情况表', cell: 'D8' } });
    const f = t.rows[2];
    expect(f.func).toMatchObject({ lei: '201', kuan: '03', xiang: '50', code: '2010350' });
    expect(f.func!.refs.map((r) => r.cell)).toEqual(['A9', 'B9', 'C9']);
    expect(f.name!.text).toBe('事业运行');
    expect(f.deptCode).toBe('134');
    expect(f.amounts[COL.expense.total]).toMatchObject({ scaled: 117_500_000, decimals: 1, blank: false, ref: { cell: 'F9' } });
    expect(f.amounts[COL.expense.individuals].blank).toBe(true);
  });

  test('济源 T06: 类 subtotal rows, the same 部门 code twice with different 政府 codes', async () => {
    const t = await grid('seed-004', 'T06');
    expect(t.rows.filter((r) => r.kind === 'econClass').map((r) => r.econ!.dept)).toEqual(['301', '302', '303']);
    const basic = t.rows.filter((r) => r.econ?.dept === '30101');
    expect(basic.map((r) => r.econ!.gov)).toEqual(['50101', '50501']);
    expect(t.rows[0].kind).toBe('total');
  });

  test('T07: department row in the 类 column, detail rows joined 3+2', async () => {
    const t = await grid('seed-001', 'T07');
    expect(t.rows[1]).toMatchObject({ kind: 'dept', code: { text: '701' } });
    const d = t.rows.find((r) => r.kind === 'econ')!;
    expect(d.econ!.dept).toMatch(/^3\d{4}$/);
    expect(d.econ!.gov).toMatch(/^5\d{4}$/);
    expect(d.econ!.refs).toHaveLength(4);
  });

  test('T07 济源: a missing 政府 code stays missing (no guessing)', async () => {
    const t = await grid('synth-jy-small', 'T07');
    const r = t.rows.find((x) => x.econ?.dept === '30199')!;
    expect(r.econ!.gov).toBeUndefined();
    expect(r.amounts[COL.t07.personnel].scaled).toBe(21_670_000);
  });

  test('T10 平顶山: department code in the name column, projects with 类型 and 项目单位', async () => {
    const t = await grid('seed-003', 'T10');
    expect(t.rows[1]).toMatchObject({ kind: 'dept', code: { text: '060' } });
    expect(t.rows[1].name!.text).toBe('平顶山高新技术产业开发区行政服务中心');
    const p = t.rows.filter((r) => r.kind === 'project');
    expect(p).toHaveLength(11);
    expect(p[0].texts[TEXT.t10.type].text).toBe('其他运转类');
    expect(p[0].texts[TEXT.t10.unit].text).toBe('平顶山高新技术产业开发区行政服务中心');
    expect(p[0].deptCode).toBe('060');
  });

  test('T10 济源: unit rows and project rows that start with the unit code', async () => {
    const t = await grid('synth-jy-medium', 'T10');
    const units = t.rows.filter((r) => r.kind === 'unit').map((r) => r.code!.text);
    expect(units).toEqual(['228001', '228002', '228003', '228004', '228008', '228009', '228010']);
    const projects = t.rows.filter((r) => r.kind === 'project');
    expect(projects).toHaveLength(14);
    expect(projects[0]).toMatchObject({ unitCode: '228001', deptCode: '228', name: { text: '政务服务运行经费' } });
    expect(projects[0].texts[TEXT.t10.type].text).toBe('特定目标类');
  });

  test('T14: items with the function code that pays, quantity and amount', async () => {
    const t = await grid('seed-003', 'T14');
    expect(t.rows.map((r) => r.kind)).toEqual(['total', 'item', 'item']);
    expect(t.rows[1].func!.code).toBe('2010301');
    expect(t.rows[1].texts[TEXT.t14.item].text).toBe('复印纸');
    expect(t.rows[1].amounts[COL.t14.quantity].scaled).toBe(15_000_000);
    expect(t.rows[2].amounts[COL.t14.amount].scaled).toBe(3_000_000);
    expect(t.notes.map((n) => n.text)).toEqual(['注：若合计数与分项数不一致是因四舍五入的原因引起的。']);
    expect(t.noDataNote).toBeUndefined();
  });

  test('no-data notes and notes', async () => {
    expect((await grid('seed-000', 'T09')).noDataNote!.text).toBe('本部门2025年度没有政府性基金预算支出，故本表无数据。');
    expect((await grid('seed-004', 'T13')).noDataNote!.text).toContain('故此表无数据');
    expect((await grid('seed-000', 'T05')).notes.map((n) => n.text)).toContain('本表仅含当年财政拨款安排的支出。');
    expect((await grid('seed-003', 'T03')).noDataNote).toBeUndefined();
  });
});

describe('T11 form', () => {
  test('labels found where they drift (seed 003: label split over two columns)', async () => {
    const t = (await book('seed-003')).tables.T11 as T11Table;
    expect(t.fields['项目支出']).toMatchObject({ scaled: 110_900_000, ref: { cell: 'D12' } });
    expect(t.labels['项目支出'].ref.cell).toBe('C12');
    expect(t.fields['单位资金']).toMatchObject({ blank: true, ref: { cell: 'D10' } });
    expect(t.unit).toBe('万元');
    expect(t.deptName!.text).toBe('平顶山高新技术产业开发区行政服务中心');
    expect(t.year).toBe(2024);
  });

  test('a 002-style form: 预算情况 on a task row, 一级指标 sharing the (2)项目支出 row, "1,055.4"', () => {
    const g: SheetGrid = {
      name: 'T11',
      origin: 'A1',
      values: [
        ['## 部门（单位）整体绩效目标表'],
        ['(2023 年度)'],
        ['部门（单位）名称', '中共信阳市平桥区委办公室'],
        ['年度主要任务', '任务名称', '主要内容'],
        ['预算情况', '信息调研', '完成调研'],
        [null, '部门预算总额(万元)', '1,055.4'],
        [null, '1、资金来源：(1)政府预算资金', '1,055.4'],
        [null, '(2)财政专户管理资金', null],
        [null, '(3)单位资金', null],
        [null, '2、资金结构：(1)基本支出', '955.4'],
        ['一级指标', '(2)项目支出', '100', '二级指标'],
        ['产出指标', '数量指标', '项目支出'],
      ],
    };
    const b = readBook([g]);
    const t = b.tables.T11 as T11Table;
    expect(t.fields['部门预算总额']).toMatchObject({ scaled: 1_055_400_000, asText: true, decimals: 1 });
    expect(t.fields['基本支出'].scaled).toBe(955_400_000);
    expect(t.fields['项目支出'].scaled).toBe(100_000_000);
    expect(t.labels['项目支出'].ref.cell).toBe('B11');
    expect(t.fields['单位资金'].blank).toBe(true);
    expect(t.deptName!.text).toBe('中共信阳市平桥区委办公室');
    expect(t.year).toBe(2023);
    expect(b.deptName).toBe('中共信阳市平桥区委办公室');
  });
});

describe('T12 projects and indicators', () => {
  test('seed 003: data one column left of the header is read by content', async () => {
    const t = (await book('seed-003')).tables.T12 as T12Table;
    expect(t.rows.map((r) => [r.kind, r.code!.text])).toEqual([['dept', '060'], ['unit', '060001']]);
    const p = t.projects[0];
    expect(p.code!.text).toBe('410491240000000007215');
    expect(p.unitCode).toBe('060001');
    expect(Object.keys(p.amounts)).not.toContain(COL.t12.unitFunds); // "监管成本" there is not an amount
    expect(p.indicators.map((i) => [i.kind, i.name.text, i.value?.text])).toEqual([
      ['成本指标', '监管成本', '≤4.3万元'],
      ['产出指标', '监管平台数量', '1套'],
      ['效益指标', '提升政务服务水平', '较大提升'],
      ['满意度指标', '工作人员使用满意度', '≥97%'],
      ['产出指标', '系统正常运行率', '≥98%'],
      ['效益指标', '保障平台建设', '有效保障'],
      ['产出指标', '平台建设及时性', '及时'],
    ]);
  });

  test('seed 004: seven projects, continuation rows, no shift', async () => {
    const t = (await book('seed-004')).tables.T12 as T12Table;
    expect(t.projects).toHaveLength(7);
    const p = t.projects.find((x) => x.name.text === '驻村帮扶工作经费')!;
    expect(p.amounts[COL.t12.total].scaled).toBe(15_000_000);
    expect(p.indicators.find((i) => i.kind === '成本指标')!.value!.text).toBe('140 元/人/天');
    expect(p.indicators.filter((i) => i.kind === '产出指标')).toHaveLength(3);
    expect((await book('seed-004')).issues.find((i) => i.rule === 'P.shifted-row')).toBeUndefined();
  });
});
