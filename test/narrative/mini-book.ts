/** A small 行政 department (two 类, three 项, one project, two purchases) for unit tests. */
import type { CellValue } from '../../src/core/grid';
import type { Layout } from '../../src/core/model';
import { COL } from '../../src/core/model';
import { book, expenseTable, lines, paramsGrid, t06, t08, t10, t12, t14 } from './book-builder';

const e = COL.expense;

export function miniBook(layout: Layout = 'pds') {
  const jy = layout === 'jy';
  const tables = [
    lines('T01', layout, { 一般公共预算: '100.0', 政府性基金: null, 国有资本经营: null, 财政专户管理资金: null, 事业收入: null, 事业单位经营收入: null, 上级补助收入: null, 附属单位上缴收入: null, 其他收入: '5.0', 本年收入合计: '105.0', 上年结转结余: null, 收入总计: '105.0' }, { '类:201': '90.0', '类:208': '15.0', 本年支出合计: '105.0', 支出总计: '105.0' }),
    expenseTable('T03', layout, { [e.total]: '105.0', [e.basic]: '85.0', [e.project]: '20.0' }, []),
    lines('T04', layout, { '本年收入/一般公共预算': '100.0', '本年收入/政府性基金': '0', '本年收入/国有资本经营': '0' }),
    expenseTable('T05', layout, { [e.total]: '100.0', [e.basic]: '80.0', [e.project]: '20.0' }, [
      { code: '2010301', name: '行政运行', amounts: { [e.total]: '85.0', [e.goods]: '6.0' } },
      { code: '2080505', name: '机关事业单位基本养老保险缴费支出', amounts: { [e.total]: '10.0' } },
      { code: '2101101', name: '行政单位医疗', amounts: { [e.total]: '5.0' } },
    ]),
    t06(layout, ['80.0', '74.0', '6.0'], [
      { dept: '30101', deptName: '基本工资', gov: '50101', total: '60.0', personnel: '60.0', publicCost: null },
      { dept: '30201', deptName: '办公费', gov: '50201', total: '6.0', personnel: null, publicCost: '6.0' },
      { dept: '30108', deptName: '机关事业单位基本养老保险缴费', gov: '50102', total: '14.0', personnel: '14.0', publicCost: null },
    ]),
    t08(layout, { total: '3.0', abroad: '0', reception: '1.0', vehicle: '2.0', purchase: '0', running: '2.0' }),
    expenseTable('T09', layout, { [e.total]: '0' }, []),
    t10(layout, '20.0', [['信息化运维', '20.0']]),
    t12(layout, [['信息化运维', '20.0']]),
    expenseTable('T13', layout, { [e.total]: '0' }, []),
    ...(jy ? [] : [t14('3.3', [['复印纸', 'A05040101 复印纸', '0.3'], ['印刷', '其他印刷服务', '3.0']])]),
  ];
  return book(layout, tables, '测试局', 2024);
}

/** A complete 说明参数 for miniBook. */
export function miniParams(layout: Layout = 'pds', override: Record<string, CellValue> = {}) {
  const v = (label: string, value: CellValue): CellValue[] => [label, label in override ? override[label] : value];
  return paramsGrid([
    ['【基本信息】'],
    v('部门名称', null),
    v('预算年度', 2024),
    v('单位性质', '行政单位'),
    v('说明样式', layout === 'jy' ? '济源' : '平顶山'),
    ['【上年数（上年年初预算，万元）】'],
    v('上年收入总计', 110),
    v('上年支出总计', null),
    v('上年一般公共预算收支预算', 105),
    v('上年政府性基金收支预算', null),
    v('上年国有资本经营收支预算', null),
    v('上年“三公”经费合计', 3),
    v('上年因公出国（境）费', 0),
    v('上年公务接待费', 1),
    v('上年公务用车购置费', 0),
    v('上年公务用车运行维护费', 2),
    v('上年机关运行经费', 5),
    ['【变动原因】'],
    v('收支总计变动原因', '项目支出减少'),
    v('一般公共预算变动原因', null),
    v('机关运行经费变动原因', '办公费增加'),
    v('“三公”经费变动原因', null),
    ['【分项上年数】'],
    ['科目编码', '科目名称', '本年预算数', '上年预算数', '变动原因'],
    ['2010301', '行政运行', 85, 92, '项目支出减少'],
    ['2080505', '机关事业单位基本养老保险缴费支出', 10, 10, null],
    ['2101101', '行政单位医疗', 5, 0, '新增医疗保障'],
    [],
    ['【政府采购】'],
    v('政府采购合计', null),
    v('政府采购货物', 0.3),
    v('政府采购工程', 0),
    v('政府采购服务', 3),
    ['【绩效目标】'],
    v('公开绩效目标项目数', null),
    ['重点项目', '项目金额', '主要内容'],
    ['信息化运维', 20, '保障业务系统运行'],
    [],
    ['【国有资产（上年末）】'],
    v('一般公务用车', 1),
    v('一般执法执勤用车', 0),
    v('特种专业技术用车', 0),
    v('其他用车', 1),
    v('其他用车说明', '机要通信用车 1 辆'),
    v('单价50万元以上通用设备', 2),
    v('单位价值100万元以上专用设备', 0),
    v('设备计量单位', null),
    ['【专项转移支付】'],
    v('专项转移支付项目数', 0),
    ['专项转移支付项目名称'],
    [],
    ['【三公经费用途（可选）】'],
    v('因公出国（境）费用途', null),
    v('公务接待费用途', null),
    v('公务用车运行维护费用途', null),
  ]);
}
