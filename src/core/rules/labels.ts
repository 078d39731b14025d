/** Chinese labels of tables and body rows for messages (built only when a message needs them). */
import type { BodyRow, TableId } from '../model';
import { TABLE_NAMES } from '../tables/names';

export function tableName(id: TableId): string {
  return TABLE_NAMES[id];
}

export function rowLabel(r: BodyRow): string {
  switch (r.kind) {
    case 'total':
      return '合计';
    case 'func':
      return r.func ? `${r.name?.text ?? ''}（${r.func.code}）` : r.name?.text ?? `第${r.row}行`;
    case 'econ':
    case 'econClass':
      return r.econ ? `${r.econ.deptName ?? r.name?.text ?? ''}（${r.econ.dept}${r.econ.gov ? '/' + r.econ.gov : ''}）` : `第${r.row}行`;
    case 'dept':
    case 'unit':
      return `${r.name?.text ?? ''}（${r.code?.text ?? ''}）`;
    default:
      return r.name?.text ?? r.code?.text ?? `第${r.row}行`;
  }
}

/** "部门支出总体情况表 行政运行（2010301）". */
export function qualifiedRowLabel(id: TableId, r: BodyRow): string {
  return `${tableName(id)} ${rowLabel(r)}`;
}
