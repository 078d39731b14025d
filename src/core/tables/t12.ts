/** T12 部门预算项目绩效目标表 — projects with amounts and indicator pairs (三级指标, 指标值). */
import { COL } from '../model';
import { CODE, amount, code, text, type TableSpec } from './spec';

const K = COL.t12;
export const INDICATOR_KINDS = ['成本指标', '产出指标', '效益指标', '满意度指标'] as const;

export const T12: TableSpec = {
  id: 'T12',
  titles: ['部门预算项目绩效目标表', '预算项目绩效目标表', '项目绩效目标表', '项目支出绩效目标表'],
  signature: ['单位编码(项目编码)', '项目单位(项目名称)', '项目金额(万元)', '绩效目标', '资金总额', '成本指标', '产出指标'],
  confirm: 2,
  columns: [
    code(CODE.projectCode, ['单位编码(项目编码)', '单位编码(项目编号)', '项目编码', '项目编号', '单位编码']),
    text(CODE.name, ['项目单位(项目名称)', '项目名称', '单位名称(项目名称)']),
    amount(K.total, ['资金总额', '合计', '项目金额(万元)', '项目金额']),
    amount(K.government, ['政府预算资金', '财政拨款']),
    amount(K.specialAccount, ['财政专户管理资金']),
    amount(K.unitFunds, ['单位资金']),
    ...INDICATOR_KINDS.flatMap((kind) => [
      text(`${kind}/三级指标`, ['三级指标', '指标名称', '指标'], { under: [kind] }),
      text(`${kind}/指标值`, ['指标值'], { under: [kind] }),
    ]),
  ],
  groups: ['项目金额(万元)', '项目金额', '绩效目标', ...INDICATOR_KINDS],
};
