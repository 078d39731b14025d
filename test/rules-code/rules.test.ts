/** Each code rule on small hand-built books: fires on a book that breaks it, silent on one that does not. */
import type { CatalogEntry } from '../../src/core/catalog';
import { basicUnderOther } from '../../src/core/rules/code/basic-under-other';
import { deptUnitCode } from '../../src/core/rules/code/dept-unit-code';
import { econFormat } from '../../src/core/rules/code/econ-format';
import { econName } from '../../src/core/rules/code/econ-name';
import { econPair } from '../../src/core/rules/code/econ-pair';
import { funcClassLabel } from '../../src/core/rules/code/func-class-label';
import { funcFormat } from '../../src/core/rules/code/func-format';
import { funcName } from '../../src/core/rules/code/func-name';
import { runItemProject } from '../../src/core/rules/code/run-item-project';
import { unitType } from '../../src/core/rules/code/unit-type';
import { userCatalog } from '../../src/core/rules/code/user-catalog';
import { codeRules } from '../../src/core/rules/code';
import type { EconSpec, FuncSpec } from './book';
import { S3, S5, S6, S7, book, expenseTable, run, t01Table, t06Table, t07Table } from './book';
import type { Finding } from '../../src/core/report';
import type { BodyRow, GridTable, T12Table } from '../../src/core/model';

/** A consistent 机关: 行政运行, pension, 行政单位医疗, housing; only 501/502 codes. */
const JG_FUNC: FuncSpec[] = [
  { code: '2010301', name: '行政运行', wages: 50, goods: 5 },
  { code: '2080505', name: '机关事业单位基本养老保险缴费支出', wages: 5 },
  { code: '2101101', name: '行政单位医疗', wages: 2 },
  { code: '2210201', name: '住房公积金', wages: 3 },
];
const JG_ECON: EconSpec[] = [
  { dept: '30101', deptName: '基本工资', gov: '50101', govName: '工资奖金津补贴', total: 30 },
  { dept: '30102', deptName: '津贴补贴', gov: '50101', govName: '工资奖金津补贴', total: 20 },
  { dept: '30108', deptName: '机关事业单位基本养老保险缴费', gov: '50102', govName: '社会保障缴费', total: 5 },
  { dept: '30113', deptName: '住房公积金', gov: '50103', govName: '住房公积金', total: 3 },
  { dept: '30201', deptName: '办公费', gov: '50201', govName: '办公经费', total: 5 },
];

function jiguan(func: FuncSpec[] = JG_FUNC, econ: EconSpec[] = JG_ECON) {
  return book(expenseTable('T03', S3, func), expenseTable('T05', S5, func), t06Table(S6, econ), t07Table(S7, econ));
}

const at = (fs: Finding[], sheet: string, cell: string) => fs.filter((f) => f.sheet === sheet && f.cell === cell);
const serious = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info');

describe('the consistent 机关 book', () => {
  test('no code rule has anything to say', () => {
    for (const rule of codeRules) expect([rule.id, run(rule, jiguan())]).toEqual([rule.id, []]);
  });
});

describe('C.func-format', () => {
  test('a 类 outside the T01 list is an error at the 类 cell', () => {
    const f = run(funcFormat, jiguan([...JG_FUNC, { code: '1990101', name: '乱码', wages: 1 }]));
    expect(f).toHaveLength(2); // T03 and T05
    expect(f[0]).toMatchObject({ rule: 'C.func-format', severity: 'error', sheet: S3, cell: 'A12', actual: '199' });
    expect(f[0].related.map((r) => r.cell)).toEqual(['B12', 'C12', 'E12']);
  });

  test('a T14 purchase code that neither the catalogue nor T03 knows: warning at the part that departs', () => {
    const t03 = expenseTable('T03', S3, [{ code: '2010301', name: '行政运行', wages: 1 }]);
    const t14 = (code: string) => ({ ...expenseTable('T13', '表14 政府采购汇总表', [{ code, name: '复印纸', goods: 0.3 }]), id: 'T14' as const });
    expect(run(funcFormat, book(t03, t14('2010301')))).toEqual([]);
    const f = run(funcFormat, book(t03, t14('2010388')));
    expect(f.map((x) => [x.sheet, x.cell, x.severity, x.expected])).toEqual([['表14 政府采购汇总表', 'C8', 'warning', '2010301']]);
    const g = run(funcFormat, book(t03, t14('2018801')));
    expect(g.map((x) => x.cell)).toEqual(['B8']);
  });

  test('a 项 row under the wrong 款 subtotal row is reported', () => {
    const t03 = expenseTable('T03', S3, [
      { code: '201', name: '一般公共服务支出' },
      { code: '20103', name: '政府办公厅（室）及相关机构事务' },
      { code: '2010301', name: '行政运行', wages: 1 },
      { code: '2080505', name: '机关事业单位基本养老保险缴费支出', wages: 1 },
    ]);
    const f = run(funcFormat, book(t03));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', cell: 'A11', expected: '201', actual: '208' });
    const ok = expenseTable('T03', S3, [
      { code: '201', name: '一般公共服务支出' },
      { code: '20103', name: '政府办公厅（室）及相关机构事务' },
      { code: '2010301', name: '行政运行', wages: 1 },
      { code: '208', name: '社会保障和就业支出' },
      { code: '20805', name: '行政事业单位养老支出' },
      { code: '2080505', name: '机关事业单位基本养老保险缴费支出', wages: 1 },
    ]);
    expect(run(funcFormat, book(ok))).toEqual([]);
  });
});

describe('C.func-name', () => {
  test('a verified code with another code\'s name: error at the name cell, saying what it should be', () => {
    const func = [{ ...JG_FUNC[0], name: '事业运行' }, ...JG_FUNC.slice(1)];
    const f = run(funcName, book(expenseTable('T03', S3, func)));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', sheet: S3, cell: 'E8', expected: '行政运行', actual: '事业运行' });
    expect(f[0].message).toContain('2010301 的科目名称应为“行政运行”，实为“事业运行”');
    expect(f[0].related.map((r) => r.cell)).toEqual(['A8', 'B8', 'C8']);
  });

  test('an unverified entry only warns', () => {
    const f = run(funcName, book(expenseTable('T03', S3, [{ code: '2080101', name: '一般行政管理事务', wages: 1 }])));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', cell: 'E8', expected: '行政运行' });
  });

  test('a non-existent 项 whose name belongs to one verified code: error at the 项 cell', () => {
    const f = run(funcName, book(expenseTable('T03', S3, [{ code: '2080588', name: '行政单位离退休', wages: 1 }])));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', cell: 'C8', expected: '2080501', actual: '2080588' });
  });

  test('a non-existent 款 whose name belongs to one verified code: error at the 款 cell', () => {
    const f = run(funcName, book(expenseTable('T03', S3, [{ code: '2088899', name: '其他社会保障和就业支出', wages: 1 }])));
    expect(f[0]).toMatchObject({ severity: 'error', cell: 'B8', expected: '2089999' });
  });

  test('generic names fix the item number (行政运行 01, 其他…支出 99)', () => {
    const f = run(funcName, book(expenseTable('T03', S3, [
      { code: '2050177', name: '行政运行', wages: 1 },
      { code: '2050266', name: '其他普通教育支出', wages: 1 },
    ])));
    expect(f.map((x) => [x.cell, x.severity, x.expected])).toEqual([
      ['C8', 'warning', '2050101'],
      ['C9', 'warning', '2050299'],
    ]);
  });

  test('a 款 not among the listed 款 of its 类 warns at the 款 cell; a 项 not among a listed 款\'s items at the 项 cell', () => {
    const f = run(funcName, book(expenseTable('T03', S3, [
      { code: '2058801', name: '某某教育', wages: 1 },
      { code: '2101177', name: '某某医疗', wages: 1 },
    ])));
    expect(f.map((x) => [x.cell, x.severity])).toEqual([['B8', 'warning'], ['C9', 'warning']]);
    expect(f[0].message).toContain('205 教育支出 下没有 20588 款');
  });

  test('one unit\'s row coded two ways in T03 and T05: the code the catalogue supports wins', () => {
    const t03 = expenseTable('T03', S3, [{ code: '2013101', name: '行政运行', wages: 1 }]);
    const t05 = expenseTable('T05', S5, [{ code: '2018801', name: '行政运行', wages: 1 }]);
    const f = serious(run(funcName, book(t03, t05)));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ sheet: S5, cell: 'B8', expected: '2013101', actual: '2018801' });
    expect(f[0].related).toContainEqual({ sheet: S3, cell: 'B8' });
  });

  test('coded two ways with no catalogue help: both rows are flagged; a third use settles it', () => {
    const t03 = expenseTable('T03', S3, [{ code: '2050201', name: '学前教育', wages: 1 }]);
    const t05 = expenseTable('T05', S5, [{ code: '2050277', name: '学前教育', wages: 1 }]);
    const tie = serious(run(funcName, book(t03, t05)));
    expect(tie.map((x) => `${x.sheet}!${x.cell}`).sort()).toEqual([`${S3}!C8`, `${S5}!C8`]);
    const t03b = expenseTable('T03', S3, [
      { unitRow: '111001' }, { code: '2050201', name: '学前教育', wages: 1 },
      { unitRow: '111002' }, { code: '2050201', name: '学前教育', wages: 1 },
    ]);
    const t05b = expenseTable('T05', S5, [
      { unitRow: '111001' }, { code: '2050277', name: '学前教育', wages: 1 },
      { unitRow: '111002' }, { code: '2050201', name: '学前教育', wages: 1 },
    ]);
    const settled = serious(run(funcName, book(t03b, t05b)));
    expect(settled.map((x) => `${x.sheet}!${x.cell}`)).toEqual([`${S5}!C9`]);
  });

  test('the same uncatalogued code named two ways: the name borrowed from another code is the wrong one', () => {
    const t03 = expenseTable('T03', S3, [
      { code: '2050201', name: '学前教育', wages: 1 },
      { code: '2050202', name: '小学教育', wages: 1 },
    ]);
    const t05 = expenseTable('T05', S5, [
      { code: '2050201', name: '小学教育', wages: 1 },
      { code: '2050202', name: '小学教育', wages: 1 },
    ]);
    const f = serious(run(funcName, book(t03, t05)));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ sheet: S5, cell: 'E8', actual: '小学教育', expected: '学前教育' });
  });

  test('a code nothing vouches for gets one info per code, a warning once the user\'s 科目表 lacks it', () => {
    const t03 = expenseTable('T03', S3, [{ code: '2050201', name: '学前教育', wages: 1 }]);
    const t05 = expenseTable('T05', S5, [{ code: '2050201', name: '学前教育', wages: 1 }]);
    const f = run(funcName, book(t03, t05));
    expect(f.map((x) => [x.severity, x.cell])).toEqual([['info', 'C8']]);
    const user: CatalogEntry[] = [{ code: '2050202', name: '小学教育' }];
    expect(run(funcName, book(t03, t05), user).map((x) => x.severity)).toEqual(['warning']);
  });

  test('the user\'s 科目表 overrides a shipped name and counts as verified', () => {
    const t03 = expenseTable('T03', S3, [{ code: '2050201', name: '幼儿教育', wages: 1 }]);
    const user: CatalogEntry[] = [{ code: '2050201', name: '学前教育' }];
    const f = run(funcName, book(t03), user);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', cell: 'E8', expected: '学前教育' });
    // an unverified shipped name turned verified by the user: 2080101
    const t = expenseTable('T03', S3, [{ code: '2080101', name: '一般行政管理事务', wages: 1 }]);
    expect(run(funcName, book(t), [{ code: '2080101', name: '行政运行' }])[0].severity).toBe('error');
  });

  test('full/half width and spaces in names do not matter', () => {
    const t03 = expenseTable('T03', S3, [
      { code: '2013199', name: '其他党委办公厅(室)及相关机构事务支出', wages: 1 },
      { code: '2010301', name: ' 行 政 运 行 ', wages: 1 },
    ]);
    expect(run(funcName, book(t03))).toEqual([]);
  });
});

describe('C.func-class-label', () => {
  test('ordinal and name must name the same 类; the T04 legacy slot is not a label error', () => {
    const ok = t01Table('表1', [['一、一般公共服务', '201', 10], ['十、卫生健康支出', '210', 1], ['二十一、住房保障支出', '221', 1], ['(九)医疗卫生与计划生育支出', '209', 0]]);
    expect(run(funcClassLabel, book(ok))).toEqual([]);
    const bad = t01Table('表1', [['九、卫生健康支出', '210', 1]]);
    const f = run(funcClassLabel, book(bad));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', cell: 'C5', expected: '社会保险基金支出' });
  });
});

describe('C.econ-format', () => {
  test('a 部门 code outside its classes or a malformed 政府 code is an error at that cell', () => {
    const econ = [...JG_ECON, { dept: '30401', deptName: '乱码', gov: '50101', govName: '工资奖金津补贴' }, { dept: '30101', deptName: '基本工资', gov: '60101', govName: 'x' }];
    const f = run(econFormat, book(t06Table(S6, econ)));
    expect(f.map((x) => [x.cell, x.severity, x.actual])).toEqual([['A12', 'error', '30401'], ['C13', 'error', '60101']]);
  });
});

describe('C.econ-name', () => {
  test('a wrong 部门 or 政府 name: error (verified) at the name cell', () => {
    const econ = [{ ...JG_ECON[0], deptName: '津贴补贴' }, { ...JG_ECON[1], govName: '办公经费' }];
    const f = run(econName, book(t06Table(S6, econ)));
    expect(f.map((x) => [x.cell, x.severity, x.expected])).toEqual([['B7', 'error', '基本工资'], ['D8', 'error', '工资奖金津补贴']]);
  });

  test('an unverified entry only warns; half-width brackets are the same name', () => {
    const econ = [
      { dept: '31002', deptName: '办公设备购置', gov: '50306', govName: '办公设备' },
      { dept: '30213', deptName: '维修(护)费', gov: '50209', govName: '维修(护)费' },
    ];
    const f = run(econName, book(t06Table(S6, econ)));
    expect(f.map((x) => [x.cell, x.severity])).toEqual([['D7', 'warning']]);
  });
});

describe('C.econ-name across tables', () => {
  test('an uncatalogued code named differently in T06 and T07: the majority name wins', () => {
    const e = (name: string) => ({ dept: '30298', deptName: name, gov: '50299', govName: '其他商品和服务支出' });
    const b = book(t06Table(S6, [e('某项费用')]), t07Table(S7, [{ unitRow: '111001' }, e('某项费用'), { unitRow: '111002' }, e('另一费用')]));
    const f = run(econName, b).filter((x) => x.severity !== 'info');
    expect(f.map((x) => [x.sheet, x.cell, x.expected])).toEqual([[S7, 'C10', '某项费用']]);
  });
});

describe('C.econ-pair', () => {
  test('classes that disagree: error at the 政府 code (T06 one cell, T07 the 类 cell)', () => {
    const econ = [...JG_ECON, { dept: '30113', deptName: '住房公积金', gov: '50201', govName: '办公经费' }];
    const t6 = run(econPair, book(t06Table(S6, econ)));
    expect(t6.map((x) => [x.cell, x.severity])).toEqual([['C12', 'error']]);
    const econ7 = [...JG_ECON, { dept: '30217', deptName: '公务接待费', gov: '50101', govName: '工资奖金津补贴' }];
    const t7 = run(econPair, book(t07Table(S7, econ7)));
    expect(t7.map((x) => [x.cell, x.severity])).toEqual([['D12', 'error']]);
  });

  test('right 505 class, wrong 款 (30101 → 50502): error at the 款 cell', () => {
    const econ = [{ dept: '30101', deptName: '基本工资', gov: '50502', govName: '商品和服务支出' }];
    const f = run(econPair, book(t07Table(S7, econ)));
    expect(f.map((x) => [x.cell, x.severity])).toEqual([['E7', 'error']]);
  });

  test('the same pair in a 机关 (30103 → 50502): the 事业 class 505 is wrong too, error at the 类 cell', () => {
    const econ = [...JG_ECON, { dept: '30103', deptName: '奖金', gov: '50502', govName: '商品和服务支出' }];
    const f = run(econPair, jiguan(JG_FUNC, econ)).filter((x) => x.sheet === S7);
    expect(f.map((x) => [x.cell, x.severity])).toEqual([['D12', 'error']]);
  });

  test('classes agree but the pair is not in the correspondence table: warning with the expected code', () => {
    const econ = [...JG_ECON, { dept: '30199', deptName: '其他工资福利支出', gov: '50101', govName: '工资奖金津补贴' }];
    const f = run(econPair, jiguan(JG_FUNC, econ));
    expect(f.map((x) => [x.sheet, x.cell, x.severity, x.expected])).toEqual([
      [S6, 'C12', 'warning', '50199'],
      [S7, 'E12', 'warning', '50199'],
    ]);
  });

  test('a pair right for the other kind of unit is not a pair error', () => {
    const econ = [...JG_ECON, { dept: '30103', deptName: '奖金', gov: '50501', govName: '工资福利支出' }];
    expect(run(econPair, jiguan(JG_FUNC, econ))).toEqual([]);
  });
});

describe('C.unit-type', () => {
  test('(a) a 事业 政府 code in a 机关: warning at the 政府 code, saying the 机关 code', () => {
    const econ = [...JG_ECON, { dept: '30103', deptName: '奖金', gov: '50501', govName: '工资福利支出' }];
    const f = run(unitType, book(expenseTable('T03', S3, JG_FUNC), t06Table(S6, econ)));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', sheet: S6, cell: 'C12', expected: '50101', actual: '50501' });
  });

  test('(b) a 事业 function marker among 机关 codes: warning at the 项 cell (seed 003 pattern)', () => {
    const func = [...JG_FUNC, { code: '2101102', name: '事业单位医疗', wages: 2 }];
    const f = run(unitType, jiguan(func));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ sheet: S3, cell: 'C12', expected: '2101101', actual: '2101102' });
  });

  test('a unit with both kinds, each backed, passes (seed 004 pattern)', () => {
    const func = [...JG_FUNC, { code: '2010350', name: '事业运行', wages: 20 }];
    const econ = [...JG_ECON, { dept: '30101', deptName: '基本工资', gov: '50501', govName: '工资福利支出', total: 20 }];
    expect(run(unitType, jiguan(func, econ))).toEqual([]);
  });

  test('per unit: a 机关 code in a 事业 unit of a multi-unit department', () => {
    const t03 = expenseTable('T03', S3, [
      { unitRow: '111001' }, { code: '2013301', name: '行政运行', wages: 10 },
      { unitRow: '111002' }, { code: '2013350', name: '事业运行', wages: 10 }, { code: '2080502', name: '事业单位离退休', wages: 1 },
    ]);
    const t07 = (gov: string, govName: string) => t07Table(S7, [
      { unitRow: '111001' }, { dept: '30101', deptName: '基本工资', gov: '50101', govName: '工资奖金津补贴' },
      { unitRow: '111002' }, { dept: '30101', deptName: '基本工资', gov: '50501', govName: '工资福利支出' }, { dept: '30102', deptName: '津贴补贴', gov, govName },
    ]);
    expect(run(unitType, book(t03, t07('50501', '工资福利支出')))).toEqual([]);
    const f = run(unitType, book(t03, t07('50101', '工资奖金津补贴')));
    expect(f.map((x) => [x.cell, x.expected])).toEqual([['D11', '50501']]);
  });

  test('(c) a department-level T06 row that T07 cannot back, booked under the other kind in T07', () => {
    const t03 = expenseTable('T03', S3, [
      { unitRow: '111001' }, { code: '2013301', name: '行政运行', wages: 10 },
      { unitRow: '111002' }, { code: '2013350', name: '事业运行', wages: 70 },
    ]);
    const t07 = t07Table(S7, [
      { unitRow: '111001' }, { dept: '30101', deptName: '基本工资', gov: '50101', govName: '工资奖金津补贴', total: 10 },
      { unitRow: '111002' }, { dept: '30101', deptName: '基本工资', gov: '50501', govName: '工资福利支出', total: 70 },
    ]);
    const t06 = (gov: string) => t06Table(S6, [
      { dept: '30101', deptName: '基本工资', gov: '50101', govName: '工资奖金津补贴', total: 10 },
      { dept: '30101', deptName: '基本工资', gov, govName: 'x', total: 70 },
    ]);
    expect(run(unitType, book(t03, t06('50501'), t07))).toEqual([]);
    const f = run(unitType, book(t03, t06('50101'), t07));
    expect(f.map((x) => [x.sheet, x.cell, x.expected])).toEqual([[S6, 'C8', '50501']]);
  });

  test('(d) in a mixed unit, a pair listed twice while its other-kind counterpart is missing', () => {
    const func = [...JG_FUNC, { code: '2010350', name: '事业运行', wages: 20, goods: 2 }];
    const econ = (gov: string) => [
      ...JG_ECON,
      { dept: '30101', deptName: '基本工资', gov: '50501', govName: '工资福利支出', total: 20 },
      { dept: '30201', deptName: '办公费', gov, govName: 'x', total: 2 },
    ];
    expect(run(unitType, book(expenseTable('T05', S5, func), t06Table(S6, econ('50502'))))).toEqual([]);
    // 30201 → 50201 twice (rows 11 and 13), 50502 missing: the later row was the 事业 one
    const f = run(unitType, book(expenseTable('T05', S5, func), t06Table(S6, econ('50201'))));
    expect(f.map((x) => [x.cell, x.expected])).toEqual([['C13', '50502']]);
  });
});

describe('C.run-item-project', () => {
  test('project money on 行政运行: one warning at the name cell, silent without it', () => {
    expect(run(runItemProject, jiguan())).toEqual([]);
    const func = [{ ...JG_FUNC[0], project: 110.9 }, ...JG_FUNC.slice(1)];
    const f = run(runItemProject, jiguan(func));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', sheet: S3, cell: 'E8', actual: '110.9' });
    expect(f[0].related).toContainEqual({ sheet: S3, cell: 'L8' });
  });

  test('several units: one finding that lists them', () => {
    const t03 = expenseTable('T03', S3, [
      { unitRow: '111001' }, { code: '2013301', name: '行政运行', wages: 10, project: 5 },
      { unitRow: '111002' }, { code: '2013350', name: '事业运行', wages: 10, project: 7 },
    ]);
    const f = run(runItemProject, book(t03));
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/2 个行政运行\/事业运行科目列有项目支出，合计 12\.0/);
    expect(f[0].related).toContainEqual({ sheet: S3, cell: 'L11' });
  });
});

describe('C.basic-under-other', () => {
  test('basic wages on a 项 99 outside the contribution classes: info; 2089999 is not meant', () => {
    const t03 = expenseTable('T03', S3, [
      { code: '2169999', name: '其他商业服务业等支出', wages: 54, goods: 8.5 },
      { code: '2089999', name: '其他社会保障和就业支出', wages: 0.5 },
    ]);
    const f = run(basicUnderOther, book(t03));
    expect(f.map((x) => [x.cell, x.severity])).toEqual([['E8', 'info']]);
    expect(f[0].message).toContain('62.5');
  });
});

describe('C.dept-unit-code', () => {
  test('unit codes of 6 digits starting with the department code; project codes of 21 digits', () => {
    const t = expenseTable('T03', S3, [{ code: '2010301', name: '行政运行', wages: 1 }]);
    const dept: BodyRow = { kind: 'dept', row: 6, sheet: S3, code: { text: '111', ref: { sheet: S3, cell: 'D6' } }, deptCode: '111', amounts: {}, texts: {} };
    const unit = (code: string, row: number): BodyRow => ({ kind: 'unit', row, sheet: S3, code: { text: code, ref: { sheet: S3, cell: `D${row}` } }, deptCode: '111', unitCode: code, amounts: {}, texts: {} });
    const ok: GridTable = { ...t, rows: [dept, unit('111001', 7), ...t.rows] };
    expect(run(deptUnitCode, book(ok))).toEqual([]);
    const bad: GridTable = { ...t, rows: [dept, unit('222001', 7), unit('1110001', 20), ...t.rows] };
    const f = run(deptUnitCode, book(bad));
    expect(f.map((x) => [x.cell, x.severity])).toEqual([['D7', 'warning'], ['D20', 'warning']]);
    expect(f[0].expected).toBe('111001');
    const t12: T12Table = {
      kind: 't12', id: 'T12', sheet: '表12', range: 'A1:N9', title: '部门预算项目绩效目标表', titleRef: { sheet: '表12', cell: 'A1' }, layout: 'pds', decimals: 1, columns: [], notes: [], rows: [],
      projects: [
        { row: 7, code: { text: '410491240000000007215', ref: { sheet: '表12', cell: 'A7' } }, name: { text: '监理费', ref: { sheet: '表12', cell: 'B7' } }, amounts: {}, indicators: [] },
        { row: 8, code: { text: '41049124000000000721', ref: { sheet: '表12', cell: 'A8' } }, name: { text: '设备', ref: { sheet: '表12', cell: 'B8' } }, amounts: {}, indicators: [] },
      ],
    };
    expect(run(deptUnitCode, book(t12)).map((x) => [x.sheet, x.cell])).toEqual([['表12', 'A8']]);
  });
});

describe('C.user-catalog', () => {
  test('unusable rows of the user\'s 科目表 become warnings at their cells', () => {
    const user: CatalogEntry[] = [
      { code: '2050201', name: '学前教育', ref: { sheet: '科目表', cell: 'A2' } },
      { code: '', name: 'x', rejected: '科目表 A3：“ABC”不是有效的科目编码', ref: { sheet: '科目表', cell: 'A3' } },
    ];
    const f = run(userCatalog, jiguan(), user);
    expect(f).toEqual([expect.objectContaining({ rule: 'C.user-catalog', severity: 'warning', sheet: '科目表', cell: 'A3' })]);
  });
});

describe('robustness', () => {
  test('an empty book and a book of empty tables: nothing, no throw', () => {
    for (const rule of codeRules) {
      expect(run(rule, book())).toEqual([]);
      expect(run(rule, book(expenseTable('T03', S3, []), t06Table(S6, []), t07Table(S7, [])))).toEqual([]);
    }
  });
});
