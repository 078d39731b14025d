/**
 * The 说明参数 sheet (narrative.md §4.2, fixtures/narrative/README.md): its title, its 【】 sections,
 * the labels of column A and the three list blocks. Shared by the reader, the pre-filled sheet and
 * the checks, so a label is spelled in one place only.
 */

export const PARAMS_TITLE = '说明参数';
export const PARAMS_SHEET = '说明参数';

/** Labels of single values (column A → value in column B). */
export const L = {
  deptName: '部门名称',
  year: '预算年度',
  unitType: '单位性质',
  style: '说明样式',
  priorIncome: '上年收入总计',
  priorExpense: '上年支出总计',
  priorGpb: '上年一般公共预算收支预算',
  priorFund: '上年政府性基金收支预算',
  priorStateCapital: '上年国有资本经营收支预算',
  priorSgTotal: '上年“三公”经费合计',
  priorSgAbroad: '上年因公出国（境）费',
  priorSgReception: '上年公务接待费',
  priorSgPurchase: '上年公务用车购置费',
  priorSgRunning: '上年公务用车运行维护费',
  priorJgyx: '上年机关运行经费',
  reasonTotal: '收支总计变动原因',
  reasonGpb: '一般公共预算变动原因',
  reasonJgyx: '机关运行经费变动原因',
  reasonSg: '“三公”经费变动原因',
  procTotal: '政府采购合计',
  procGoods: '政府采购货物',
  procWorks: '政府采购工程',
  procServices: '政府采购服务',
  publishedTargets: '公开绩效目标项目数',
  carGeneral: '一般公务用车',
  carLaw: '一般执法执勤用车',
  carSpecial: '特种专业技术用车',
  carOther: '其他用车',
  carOtherNote: '其他用车说明',
  equipGeneral: '单价50万元以上通用设备',
  equipSpecial: '单位价值100万元以上专用设备',
  equipMeasure: '设备计量单位',
  transferCount: '专项转移支付项目数',
  purposeAbroad: '因公出国（境）费用途',
  purposeReception: '公务接待费用途',
  purposeRunning: '公务用车运行维护费用途',
} as const;

export type LabelKey = keyof typeof L;

/** Header cells of the three list blocks (column A of the header row). */
export const LIST = {
  items: { header: '科目编码', columns: ['科目编码', '科目名称', '本年预算数', '上年预算数', '变动原因'] },
  keyProjects: { header: '重点项目', columns: ['重点项目', '项目金额', '主要内容'] },
  transfers: { header: '专项转移支付项目名称', columns: ['专项转移支付项目名称'] },
} as const;

export const SECTION = {
  basic: '【基本信息】',
  prior: '【上年数（上年年初预算，万元）】',
  reasons: '【变动原因】',
  items: '【分项上年数】',
  procurement: '【政府采购】',
  performance: '【绩效目标】',
  assets: '【国有资产（上年末）】',
  transfers: '【专项转移支付】',
  purposes: '【三公经费用途（可选）】',
} as const;

export const UNIT_TYPES = ['行政单位', '参照公务员法管理事业单位', '事业单位', '混合'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];
export const STYLES = ['平顶山', '济源'] as const;
export const MEASURES = ['台（套）', '套'] as const;

/** Label comparison: full/half width, spaces and quotes do not matter. */
export function normLabel(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000]/g, '')
    .replace(/[“”‘’"'「」]/g, '');
}
