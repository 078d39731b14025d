/** Each section on a hand-built book, both wordings; placeholders and findings when inputs are missing. */
import type { CellValue, SheetGrid } from '../../src/core/grid';
import { generateNarrative, readParams } from '../../src/core/narrative';
import type { NarrativeResult } from '../../src/core/narrative';
import { miniBook, miniParams } from './mini-book';

function gen(layout: 'pds' | 'jy', override?: Record<string, CellValue>, sheet: SheetGrid | null = miniParams(layout, override)): NarrativeResult {
  return generateNarrative(miniBook(layout), sheet ? readParams([sheet]) : undefined);
}
const body = (r: NarrativeResult, start: string) => r.sections.find((s) => s.heading.startsWith(start))!.paragraphs.join('\n');

describe('平顶山 wording', () => {
  const r = gen('pds');
  test('一: both totals against the prior year, with the reason', () => {
    expect(body(r, '一、')).toBe('测试局2024年收入总计105万元，支出总计105万元，与2023年预算相比，收入减少5万元，下降4.5%，主要原因：项目支出减少；支出减少5万元，下降4.5%，主要原因：项目支出减少。');
  });
  test('二: all ten income items in T01 order, zeros included', () => {
    expect(body(r, '二、')).toBe('测试局2024年收入合计105万元，其中：一般公共预算100万元；政府性基金预算拨款收入0万元；国有资本经营预算拨款收入0万元；财政专户管理资金收入0万元；事业收入0万元；事业单位经营收入0万元；上级补助收入0万元；附属单位上缴收入0万元；其他收入5万元；上年结转结余0万元。');
  });
  test('三 and 五(一): shares of their own totals', () => {
    expect(body(r, '三、')).toContain('基本支出85万元，占81%；项目支出20万元，占19%。');
    expect(body(r, '（一）一般公共预算')).toBe('测试局2024年一般公共预算支出年初预算为100万元。与2023年预算相比，减少5万元，下降4.8%，主要是项目支出减少。其中：基本支出80万元，占80%；项目支出20万元，占20%。');
  });
  test('五(二): 类 in code order with names from the catalogue', () => {
    expect(body(r, '（二）结构')).toBe('2024年一般公共预算支出年初预算为100万元。主要用于以下方面：一般公共服务（类）支出85万元，占85%；社会保障和就业（类）支出10万元，占10%；卫生健康（类）支出5万元，占5%。');
  });
  test('五(三): changed, unchanged and new items', () => {
    const t = body(r, '（三）一般公共预算支出具体');
    expect(t).toContain('1. 一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。2024年预算数为85万元，与2023年预算相比，减少7万元，下降7.6%，主要是项目支出减少。');
    expect(t).toContain('2024年预算数为10万元，与2023年预算相比，无增减变动。');
    expect(t).toContain('3. 卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）。2024年预算数为5万元，与2023年预算相比，增加5万元，主要是新增医疗保障。');
  });
  test('六: T06 names in row order under 人员经费 / 公用经费', () => {
    expect(r.sections.find((s) => s.heading.startsWith('六、'))!.paragraphs).toEqual([
      '测试局2024年一般公共预算基本支出年初预算为80万元。其中：',
      '人员经费74万元，占92.5%，主要包括：基本工资、机关事业单位基本养老保险缴费；',
      '公用经费6万元，占7.5%，主要包括：办公费。',
    ]);
  });
  test('九(一): 机关运行经费 from the 502 rows, against the prior year', () => {
    expect(body(r, '（一）机关运行')).toBe('测试局2024年机关运行经费支出预算6万元，主要保障机构正常运转及正常履职需要，比2023年增加1万元，增长20%，主要原因：办公费增加。');
  });
  test('九(二)–(六)', () => {
    expect(body(r, '（二）政府采购')).toBe('2024年政府采购预算安排3.3万元，其中：政府采购货物预算0.3万元、政府采购工程预算0万元、政府采购服务预算3万元。');
    expect(body(r, '（三）绩效')).toContain('纳入预算绩效管理的支出总额为105万元。其中：人员经费支出74万元，公用经费支出6万元；项目支出20万元，涉及项目1个。');
    expect(body(r, '（四）重点项目')).toBe('我部门选取了2024年度1个项目开展重点项目预算的绩效管理，项目名称是信息化运维，项目金额20万元，项目主要内容为保障业务系统运行。');
    expect(body(r, '（五）国有资产')).toBe('2023年期末，本部门共有车辆2辆，其中：一般公务用车1辆，一般执法执勤用车0辆，特种专业技术用车0辆，其他用车1辆；单价50万元以上通用设备2台（套），单位价值100万元以上专用设备0台（套）。');
  });
  test('changes of 三公 are stated with the reason', () => {
    const c = gen('pds', { '上年公务接待费': 0.5, '上年“三公”经费合计': 2.5, '“三公”经费变动原因': '接待任务增加' });
    expect(body(c, '七、')).toContain('2024年“三公”经费支出预算数与2023年相比增加0.5万元，增长20%，主要原因：接待任务增加。');
    expect(body(c, '七、')).toContain('（二）公务接待费 1万元，主要用于按规定开支的各类公务接待（含外宾接待）支出。预算数与2023年相比增加0.5万元，增长100%。');
  });
});

describe('济源 wording', () => {
  const r = gen('jy');
  test('spaces around numbers, two decimals, no 项 breakdown', () => {
    expect(body(r, '一、')).toBe('测试局 2024 年收入总计 105.00 万元，支出总计 105.00 万元，与 2023 年相比，收、支总计各减少 5.00 万元，下降 4.55%。主要原因是：项目支出减少。');
    expect(body(r, '二、')).toBe('测试局 2024 年收入合计 105.00 万元，其中：一般公共预算收入 100.00 万元；其他收入 5.00 万元。');
    expect(body(r, '五、')).toBe('测试局 2024 年一般公共预算支出年初预算为 100.00 万元。其中：基本支出 80.00 万元，占 80.00%；项目支出 20.00 万元，占 20.00%。');
    expect(r.sections.map((s) => s.heading)).not.toContain('（三）一般公共预算支出具体使用情况');
  });
  test('九 国有资本经营 and 十 with four … five sub-sections', () => {
    expect(body(r, '九、')).toBe('测试局 2024 年国有资本经营预算支出 0.00 万元。');
    expect(r.sections.filter((s) => s.level === 2).map((s) => s.heading)).toEqual(['（一）机关运行经费支出情况', '（二）政府采购支出情况', '（三）绩效目标设置情况', '（四）国有资产占用情况', '（五）专项转移支付项目情况']);
    expect(body(r, '（四）国有资产')).toBe('2023 年期末，测试局共有车辆 2 辆，其中：一般公务用车 1 辆、其他用车 1 辆，其他用车主要是机要通信用车 1 辆；单价 50 万元以上通用设备 2 套，单位价值 100 万元以上专用设备 0 套。');
    expect(body(r, '（三）绩效')).toContain('填报绩效目标的预算项目 1 个，公开绩效目标 1 个，公开项目占全部预算项目的 100.00%。');
  });
  test('the style input overrides the layout', () => {
    const r2 = generateNarrative(miniBook('pds'), readParams([miniParams('pds', { 说明样式: '济源' })]));
    expect(r2.sections).toHaveLength(15);
    expect(r2.markdown).toContain('收、支总计各减少 5.00 万元');
  });
});

describe('missing inputs: placeholders and findings, never a number', () => {
  test('a workbook without 说明参数', () => {
    const r = gen('pds', undefined, null);
    expect(body(r, '一、')).toBe('测试局2024年收入总计105万元，支出总计105万元，与2023年预算相比，收入【请填写上年收入总计】；支出【请填写上年支出总计】。');
    expect(body(r, '（五）国有资产')).toContain('共有车辆【请填写车辆总数】辆，其中：一般公务用车【请填写一般公务用车】辆');
    const missing = r.findings.filter((f) => f.rule === 'N.param-missing');
    expect(missing.map((f) => f.message).join('\n')).toContain('上年收入总计');
    for (const f of missing) {
      expect(f).toMatchObject({ sheet: '说明参数', cell: '', table: '说明参数', severity: 'warning' });
      expect(f.message).toContain('--init-params');
    }
    // One finding per missing input, however often it is printed.
    expect(missing.filter((f) => f.message.includes('【请填写上年收入总计】'))).toHaveLength(1);
    // Every placeholder in the text has its finding.
    for (const p of new Set(r.markdown.match(/【请填写[^】]*】/g))) expect(r.findings.some((f) => f.message.includes(p))).toBe(true);
  });
  test('blank cells of an existing sheet: the finding points at the cell', () => {
    const r = gen('pds', { 上年收入总计: null, 收支总计变动原因: null, 一般公务用车: null });
    const f = r.findings.find((x) => x.message.includes('【请填写上年收入总计】'))!;
    expect(f).toMatchObject({ rule: 'N.param-missing', sheet: '说明参数', cell: 'B8' });
    // 上年一般公共预算 is filled, so section 四 has its change and asks for the reason where it belongs.
    expect(body(r, '四、')).toContain('减少5万元，下降4.8%，主要原因：【请填写收支总计变动原因】');
    expect(r.findings.find((x) => x.message.includes('【请填写收支总计变动原因】'))!.cell).toBe('B20');
    expect(r.findings.find((x) => x.message.includes('【请填写一般公务用车】'))!.cell).toBe('B41');
  });
  test('a 分项 prior and its reason point at their cells in the block', () => {
    const sheet = miniParams('pds');
    sheet.values[25][3] = null; // 行政运行 上年预算数 (row 26, column D)
    sheet.values[27][4] = null; // 行政单位医疗 变动原因 (row 28, column E)
    const r = generateNarrative(miniBook('pds'), readParams([sheet]));
    expect(r.findings.find((f) => f.message.includes('2010301 行政运行上年预算数'))!.cell).toBe('D26');
    expect(r.findings.find((f) => f.message.includes('2101101 行政单位医疗变动原因'))!.cell).toBe('E28');
    expect(body(r, '（三）一般公共预算支出具体')).toContain('增加5万元，主要是【请填写2101101 行政单位医疗变动原因】。');
  });
  test('a missing table: placeholder and N.source-missing, the rest still written', () => {
    const b = miniBook('pds');
    delete b.tables.T06;
    const r = generateNarrative(b, readParams([miniParams('pds')]));
    expect(body(r, '六、')).toContain('【请填写一般公共预算基本支出合计】');
    expect(r.findings.some((f) => f.rule === 'N.source-missing' && f.message.includes('T06'))).toBe(true);
    expect(r.sections).toHaveLength(18);
  });
  test('text in a number cell is an error, not a number', () => {
    const r = gen('pds', { 上年收入总计: '约110' });
    expect(body(r, '一、')).toContain('收入【请填写上年收入总计】');
    expect(r.findings.find((f) => f.rule === 'N.param-invalid')).toMatchObject({ severity: 'error', cell: 'B8', actual: '约110' });
  });
});

test('预算年度 may be written “2024年度”; a non-year is an error and the tables’ year is used', () => {
  const a = gen('pds', { 预算年度: '2025年度' });
  expect(body(a, '一、')).toContain('测试局2025年收入总计105万元');
  expect(body(a, '一、')).toContain('与2024年预算相比');
  const b = gen('pds', { 预算年度: '明年' });
  expect(body(b, '一、')).toContain('测试局2024年收入总计');
  expect(b.findings.find((f) => f.rule === 'N.param-invalid')).toMatchObject({ cell: 'B4', actual: '明年' });
});

test('事业单位 without 机关 codes: 0 and the fixed sentence', () => {
  const b = miniBook('pds');
  const t6 = b.tables.T06!;
  if (t6.kind === 'grid') for (const r of t6.rows) if (r.econ?.gov) r.econ.gov = '505' + r.econ.gov.slice(3);
  const r = generateNarrative(b, readParams([miniParams('pds', { 单位性质: '事业单位' })]));
  expect(body(r, '（一）机关运行')).toBe('测试局2024年机关运行经费支出预算0万元。主要是机关运行经费为行政单位、参照公务员事业单位专用支出科目，本单位为非参照公务员事业单位，无该项支出。');
});
