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

/** The 济源 set's own titles (tables.md; its sheets read "3-部门支出预算表"). T14 is not part of it. */
export const JY_TABLE_NAMES: Partial<Record<TableId, string>> = {
  T01: '部门收支预算表',
  T02: '部门收入预算表',
  T03: '部门支出预算表',
  T04: '财政拨款收支总体情况表',
  T05: '一般公共预算支出预算表',
  T06: '一般公共预算基本支出表',
  T07: '支出经济分类汇总表',
  T08: '一般公共预算“三公”经费预算表',
  T09: '政府性基金预算支出预算表',
  T10: '项目支出预算表',
  T11: '部门(单位)整体绩效目标表',
  T12: '部门预算项目绩效目标表',
  T13: '国有资本经营预算支出预算表',
};

/** 济源 numbers four tables differently (表10 = T13, 表11 = T10, 表12 = T11, 表13 = T12). */
const JY_NUMBERS: Partial<Record<TableId, number>> = { T10: 11, T11: 12, T12: 13, T13: 10 };

export type LayoutName = 'pds' | 'jy';

/** The table's name in the layout the workbook follows. */
export function layoutTableName(id: TableId, layout: LayoutName | undefined): string {
  return (layout === 'jy' ? JY_TABLE_NAMES[id] : undefined) ?? TABLE_NAMES[id];
}

/** The table's number in the layout ("表10" is T13 in a 济源 workbook). */
export function layoutTableNumber(id: TableId, layout: LayoutName | undefined): number {
  return (layout === 'jy' ? JY_NUMBERS[id] : undefined) ?? Number(id.slice(1));
}

/** How the layout titles a table that has no sheet (a missing one): "表3 部门支出总体情况表" / "3-部门支出预算表". */
export function layoutTableTitle(id: TableId, layout: LayoutName | undefined): string {
  const n = layoutTableNumber(id, layout);
  return layout === 'jy' ? `${n}-${layoutTableName(id, layout)}` : `表${n} ${layoutTableName(id, layout)}`;
}

/**
 * The short tag of a sheet for a headline: its own number ("表6 一般公共预算基本支出表" → "表6",
 * "3-部门支出预算表" → "表3"), else the sheet name itself.
 */
export function sheetTag(sheet: string): string {
  const m = /^\s*(?:附?表\s*)?(\d{1,2})(?=\s|[-－—_、.．]|[^\d])/.exec(sheet);
  return m ? `表${Number(m[1])}` : sheet;
}
