import type { TableId } from '../model';

/** Canonical names (contract.md), for messages and the pane. */
export const TABLE_NAMES: Record<TableId, string> = {
  T01: '部门收支总体情况表',
  T02: '部门收入总体情况表',
  T03: '部门支出总体情况表',
  T04: '财政拨款收支总体情况表',
  T05: '一般公共预算支出情况表',
  T06: '一般公共预算基本支出表',
  T07: '支出经济分类汇总表',
  T08: '一般公共预算“三公”经费支出情况表',
  T09: '政府性基金预算支出情况表',
  T10: '项目支出预算表',
  T11: '部门（单位）整体绩效目标表',
  T12: '部门预算项目绩效目标表',
  T13: '国有资本经营预算支出情况表',
  T14: '政府采购汇总表',
};
