/**
 * C.dept-unit-code (rules.md 103): department codes have 3 digits, unit codes 6 digits starting with
 * their department's code, project codes 21 digits.
 */
import type { BudgetBook, BodyRow, GridTable, TextCell } from '../../model';
import { gridTable, t12 } from '../../model';
import type { Finding } from '../../report';
import type { Rule } from '../types';
import { finding, isDigits, tableLabel } from './common';

const ID = 'C.dept-unit-code';
const GRID_IDS: GridTable['id'][] = ['T02', 'T03', 'T05', 'T06', 'T07', 'T09', 'T10', 'T13', 'T14'];

export const deptUnitCode: Rule = {
  id: ID,
  severity: 'warning',
  title: '部门、单位和项目编码格式',
  needs: [],
  check(book: BudgetBook): Finding[] {
    const out: Finding[] = [];
    const deptCodes = new Set<string>();
    for (const id of GRID_IDS) {
      const t = gridTable(book, id);
      if (!t) continue;
      for (const row of t.rows) {
        if (row.kind === 'dept' && row.code) deptCodes.add(row.code.text.trim());
      }
    }
    const t12Table = t12(book);
    for (const row of t12Table?.rows ?? []) if (row.kind === 'dept' && row.code) deptCodes.add(row.code.text.trim());
    for (const id of GRID_IDS) {
      const t = gridTable(book, id);
      if (t) for (const row of t.rows) add(out, checkRow(t.id, row, deptCodes));
    }
    if (t12Table) {
      for (const row of t12Table.rows) add(out, checkRow('T12', row, deptCodes));
      for (const p of t12Table.projects) if (p.code) add(out, checkProject('T12', p.code));
    }
    return out;
  },
};

function add(out: Finding[], f: Finding | undefined): void {
  if (f) out.push(f);
}

function checkRow(table: GridTable['id'] | 'T12', row: BodyRow, deptCodes: Set<string>): Finding | undefined {
  if (!row.code) return undefined;
  if (row.kind === 'project') return checkProject(table, row.code);
  if (row.kind !== 'dept' && row.kind !== 'unit') return undefined;
  const code = row.code.text.normalize('NFKC').trim();
  const where = tableLabel(table);
  if (row.kind === 'dept' && !/^\d{3}$/.test(code)) {
    return bad(table, row.code, `${where}：部门编码“${code}”应为 3 位数字`);
  }
  if (row.kind === 'unit') {
    if (!/^\d{6}$/.test(code)) return bad(table, row.code, `${where}：单位编码“${code}”应为 6 位数字（部门编码 3 位 + 3 位顺序号）`);
    const dept = row.deptCode ?? (deptCodes.size === 1 ? [...deptCodes][0] : undefined);
    if (dept && /^\d{3}$/.test(dept) && !code.startsWith(dept) && !deptCodes.has(code.slice(0, 3))) {
      return bad(table, row.code, `${where}：单位编码 ${code} 应以所属部门编码 ${dept} 开头`, dept + code.slice(3));
    }
  }
  return undefined;
}

function checkProject(table: GridTable['id'] | 'T12', code: TextCell): Finding | undefined {
  // Plain digits (the usual case) are already in normal form.
  const c = isDigits(code.text) ? code.text : code.text.normalize('NFKC').replace(/\s/g, '');
  if (!isDigits(c) || c.length === 21) return undefined;
  if (c.length <= 6) return undefined; // a unit code printed on a project row (济源 T10), not a project code
  return bad(table, code, `${tableLabel(table)}：项目编码 ${c} 应为 21 位（实为 ${c.length} 位）`);
}

function bad(table: GridTable['id'] | 'T12', cell: TextCell, message: string, expected: string | null = null): Finding {
  return finding({ rule: ID, severity: 'warning', at: cell.ref, expected, actual: cell.text, table, message });
}
