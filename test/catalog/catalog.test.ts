import { buildCatalog, childrenOf, codeKind, codeText, findByName, lookup, nameMatches, normalizeName, pairOf, readUserCatalog, sameName, unitKindOfGov } from '../../src/core/catalog';
import type { SheetGrid } from '../../src/core/grid';

describe('shipped catalogue', () => {
  const cat = buildCatalog([]);

  test('function codes at three levels, with provenance', () => {
    const lei = lookup(cat, '201')!;
    expect(lei.name).toBe('一般公共服务支出');
    expect(lei.level).toBe(1);
    expect(lei.kind).toBe('func');
    const item = lookup(cat, '2010301')!;
    expect(item).toMatchObject({ name: '行政运行', level: 3, verified: true, parent: '20103' });
    expect(item.source).toMatch(/seed:003/);
  });

  test('verified and unverified entries are told apart', () => {
    expect(lookup(cat, '2101102')!.verified).toBe(true); // seed
    expect(lookup(cat, '2080101')!.verified).toBe(false); // memory
    expect(lookup(cat, '2080101')!.source).toBe('memory');
    expect(lookup(cat, '50199')!.verified).toBe(true);
    expect(lookup(cat, '50306')!.verified).toBe(false);
  });

  test('aliases and full/half-width spellings match', () => {
    const e = lookup(cat, '30213')!;
    expect(e.name).toBe('维修（护）费');
    expect(nameMatches(e, '维修(护)费')).toBe(true);
    expect(nameMatches(e, ' 维修（护） 费 ')).toBe(true);
    expect(nameMatches(lookup(cat, '210')!, '医疗卫生与计划生育支出')).toBe(true); // legacy alias
    expect(nameMatches(lookup(cat, '201')!, '一般公共服务')).toBe(true); // T01 label without 支出
    expect(nameMatches(lookup(cat, '2010301')!, '事业运行')).toBe(false);
    expect(findByName(cat, '公务接待费', 'econDept').map((x) => x.code)).toEqual(['30217']);
    expect(findByName(cat, '因公出国(境)费用', 'econGov').map((x) => x.code)).toEqual(['50207']);
    expect(findByName(cat, '行政单位离退休', 'func', 3).map((x) => x.code)).toEqual(['2080501']);
    expect(findByName(cat, '行政运行', 'func', 3).length).toBeGreaterThan(5);
  });

  test('name and code normalisation', () => {
    expect(normalizeName('　2010301 行政运行 ')).toBe('行政运行');
    expect(normalizeName('“三公”经费')).toBe('三公经费');
    expect(sameName('其他社会保障和就业支出', '其他社会保障和就业')).toBe(true);
    expect(sameName('行政运行', '事业运行')).toBe(false);
    expect(codeText(2010301)).toBe('2010301');
    expect(codeText(' 060 ')).toBe('060');
    expect(codeText('201.03.01')).toBe('2010301');
    expect(codeText('abc')).toBeNull();
    expect(codeText(1.5)).toBeNull();
    expect(codeKind('2010301')).toBe('func');
    expect(codeKind('30101')).toBe('econDept');
    expect(codeKind('505')).toBe('econGov');
    expect(codeKind('1234')).toBeUndefined();
  });

  test('children, pairs by unit kind, unit kind of 政府 codes', () => {
    expect(childrenOf(cat, '21011').map((e) => e.code).sort()).toEqual(['2101101', '2101102', '2101103', '2101199']);
    const p = pairOf(cat, '30199')!;
    expect(p.jiguan).toEqual(['50199']);
    expect(p.shiye).toEqual(['50501']);
    expect(p.verified.jiguan).toBe(true);
    expect(pairOf(cat, '30107')!.jiguan).toEqual([]);
    expect(unitKindOfGov('50101')).toBe('机关');
    expect(unitKindOfGov('50502')).toBe('事业');
    expect(unitKindOfGov('50905')).toBeUndefined();
  });
});

function grid(name: string, values: (string | number | null)[][], origin = 'A1'): SheetGrid {
  return { name, origin, values };
}

describe('user 科目表', () => {
  test('a 科目表 sheet in the workbook overrides a shipped name and counts as verified', () => {
    const sheet = grid('科目表', [
      ['科目表', null],
      ['科目编码', '科目名称'],
      ['2080101', '人社行政运行'],
      ['2059901', '地方教育专项'],
    ]);
    const user = readUserCatalog([sheet]);
    expect(user.map((e) => e.code)).toEqual(['2080101', '2059901']);
    expect(user[0].ref).toEqual({ sheet: '科目表', cell: 'A3' });
    const cat = buildCatalog(user);
    const e = lookup(cat, '2080101')!;
    expect(e.name).toBe('人社行政运行');
    expect(e.verified).toBe(true);
    expect(e.user).toBe(true);
    expect(nameMatches(e, '行政运行')).toBe(false); // overridden: the shipped name no longer counts
    expect(nameMatches(e, '人社行政运行')).toBe(true);
    expect(lookup(cat, '2059901')!.name).toBe('地方教育专项');
    expect(cat.userCount).toBe(2);
    expect(cat.issues).toEqual([]);
  });

  test('a title cell "2024年科目表" on another sheet name also counts; other sheets are ignored', () => {
    const t06 = grid('表6', [['一般公共预算基本支出表'], ['科目编码', '科目名称'], ['30101', '基本工资']]);
    const sheet = grid('Sheet9', [['2024年科目表'], ['编码', '名称'], [30101, '基本工资（自定义）']], 'B2');
    const user = readUserCatalog([t06, sheet]);
    expect(user).toHaveLength(1);
    expect(user[0]).toMatchObject({ code: '30101', name: '基本工资（自定义）', ref: { sheet: 'Sheet9', cell: 'B4' } });
  });

  test('--catalog grids: any sheet with a code column, also without a header or with split 类/款/项', () => {
    const plain = grid('导出', [
      ['201', '一般公共服务支出'],
      ['20103', '政府办公厅（室）及相关机构事务'],
      ['2010301', '行政运行'],
    ]);
    const split = grid('功能科目', [
      ['科目编码', null, null, '科目名称'],
      ['类', '款', '项', null],
      ['205', null, null, '教育支出'],
      [null, '02', null, '普通教育'],
      [null, null, '01', '学前教育'],
      [null, null, 2, '小学教育'],
    ]);
    const notes = grid('说明', [['本文件由预算系统导出']]);
    const user = readUserCatalog([plain, split, notes], { anySheet: true });
    expect(user.filter((e) => !e.rejected).map((e) => `${e.code} ${e.name}`)).toEqual([
      '201 一般公共服务支出',
      '20103 政府办公厅（室）及相关机构事务',
      '2010301 行政运行',
      '205 教育支出',
      '20502 普通教育',
      '2050201 学前教育',
      '2050202 小学教育',
    ]);
    expect(user.some((e) => e.rejected)).toBe(false);
    // without the option, sheets not titled 科目表 are not catalogues
    expect(readUserCatalog([plain])).toEqual([]);
  });

  test('bad rows get clear messages and never crash', () => {
    const sheet = grid('科目表', [
      ['科目编码', '科目名称'],
      ['20103', '政府办公厅（室）及相关机构事务'],
      ['ABC', '乱码'],
      ['2010301', null],
      [null, '没有编码的名称'],
      [{ error: '#REF!' } as unknown as string, '错误值'],
      ['123456789', '太长'],
      ['20103', '重复但名称不同'],
      ['注：以上为本单位科目', null],
    ]);
    const user = readUserCatalog([sheet]);
    const cat = buildCatalog(user);
    expect(lookup(cat, '20103')!.name).toBe('政府办公厅（室）及相关机构事务');
    const msgs = cat.issues.map((i) => `${i.ref.cell} ${i.message}`);
    expect(msgs).toHaveLength(6);
    expect(msgs[0]).toMatch(/^A3 .*“ABC”不是有效的科目编码/);
    expect(msgs[1]).toMatch(/^A4 .*2010301 缺少科目名称/);
    expect(msgs[2]).toMatch(/^B5 .*缺少科目编码/);
    expect(msgs[3]).toMatch(/^A6 .*错误值 #REF!/);
    expect(msgs[4]).toMatch(/^A7 .*“123456789”不是有效的科目编码/);
    expect(msgs[5]).toMatch(/^A8 .*编码 20103 重复/);
  });

  test('a 科目表 sheet without any code column says so', () => {
    const user = readUserCatalog([grid('科目表', [['科目表'], ['这里什么也没有']])]);
    const cat = buildCatalog(user);
    expect(cat.issues).toHaveLength(1);
    expect(cat.issues[0].message).toMatch(/找不到科目编码列/);
  });

  test('a --catalog file without any code column says so once', () => {
    const cat = buildCatalog(readUserCatalog([grid('封面', [['2024年部门预算'], ['编制单位：某局']])], { anySheet: true }));
    expect(cat.issues).toHaveLength(1);
    expect(cat.issues[0]).toMatchObject({ ref: { sheet: '封面', cell: 'A1' } });
    expect(cat.issues[0].message).toMatch(/找不到科目编码列/);
  });

  test('garbage input does not throw', () => {
    expect(() => readUserCatalog([{ name: '科目表', origin: 'A1', values: [[null], [], [undefined as unknown as null]] }])).not.toThrow();
    expect(() => buildCatalog(readUserCatalog(undefined as unknown as SheetGrid[]))).not.toThrow();
  });
});
