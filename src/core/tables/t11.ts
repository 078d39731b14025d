/** T11 部门（单位）整体绩效目标表 — a form, not a grid: amounts are found by their labels (parse/t11.ts). */
import type { TableSpec } from './spec';

export const T11: TableSpec = {
  id: 'T11',
  titles: ['本级部门(单位)整体绩效目标表', '部门(单位)整体绩效目标表', '部门整体绩效目标表', '单位整体绩效目标表', '整体绩效目标表'],
  signature: ['年度履职目标', '年度主要任务', '预算情况', '部门预算总额', '一级指标', '部门(单位)名称'],
  confirm: 1,
  columns: [],
  groups: [],
};
