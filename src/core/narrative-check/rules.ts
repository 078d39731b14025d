/** The rules of 校对情况说明 (docs/校对情况说明.md lists the same). */
import type { Severity } from '../report';

export const NARRATIVE_RULES: { id: string; severity: Severity; title: string }[] = [
  { id: 'N.text.amount', severity: 'error', title: '金额与表中数（或说明参数）不符' },
  { id: 'N.text.count', severity: 'error', title: '个数（项目、车辆、设备、专项转移支付）与表中数或说明参数不符' },
  { id: 'N.text.share', severity: 'error', title: '占比未按表中数重新计算' },
  { id: 'N.text.change', severity: 'error', title: '增减额与“本年 − 上年”不符' },
  { id: 'N.text.rate', severity: 'error', title: '增减幅度与“增减额 ÷ 上年”不符，或上年为 0 时写了幅度' },
  { id: 'N.text.direction', severity: 'error', title: '增加/减少、增长/下降、持平与实际增减方向不符' },
  { id: 'N.text.prior', severity: 'error', title: '文中写出的上年数与说明参数的上年数不符' },
  { id: 'N.text.procurement-split', severity: 'warning', title: '政府采购货物/工程/服务的划分与表14采购目录不符' },
  { id: 'N.text.prior-base', severity: 'warning', title: '第一部分与第四部分的增减隐含两个不同的上年数' },
  { id: 'N.text.year', severity: 'error', title: '年份不是本预算年度（比较、期末应为上一年）' },
  { id: 'N.text.dept-name', severity: 'warning', title: '部门名称与表中不一致' },
  { id: 'N.text.no-data', severity: 'error', title: '称“无……”而表中（或说明参数）有数' },
  { id: 'N.text.missing', severity: 'error', title: '有数的“三公”经费项目或机关运行经费未写明' },
  { id: 'N.text.placeholder', severity: 'error', title: '模板残留：【请填写…】、XX、×××、增加（减少）、省略号、缺少数字' },
  { id: 'N.text.rounded', severity: 'info', title: '金额为表中数取整后的数（四舍五入允许范围内）' },
];
