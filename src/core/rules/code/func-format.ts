/**
 * C.func-format (rules.md 94): 类 is one of the T01 classes, 款 and 项 are two digits; a 项 row's
 * code extends the 类 / 款 subtotal rows above it when the table has such rows.
 */
import type { BudgetBook } from '../../model';
import type { Finding } from '../../report';
import type { Rule } from '../types';
import { FUNC_TABLES, finding, funcPartRef, funcRowCells, funcRows, tableLabel } from './common';
import type { FuncRow } from './common';

const ID = 'C.func-format';

/** 类 codes of the T01 template: 201–217, 219–224, 227, 229–234. */
export const FUNC_CLASSES = new Set([
  ...range(201, 217),
  ...range(219, 224),
  '227',
  ...range(229, 234),
]);

function range(a: number, b: number): string[] {
  const out: string[] = [];
  for (let i = a; i <= b; i++) out.push(String(i));
  return out;
}

export const funcFormat: Rule = {
  id: ID,
  severity: 'error',
  title: '功能分类科目编码格式',
  needs: [],
  check(book: BudgetBook): Finding[] {
    const rows = funcRows(book, [...FUNC_TABLES, 'T14']);
    return [...rows.flatMap(checkParts), ...checkHierarchy(rows)];
  },
};

function checkParts(r: FuncRow): Finding[] {
  const { lei, kuan, xiang } = r.func;
  const table = r.table.id;
  const where = `${r.func.code}${r.name ? ` ${r.name}` : ''}`;
  if (!/^\d{3}$/.test(lei) || !FUNC_CLASSES.has(lei)) {
    const at = funcPartRef(r, 0);
    return [finding({ rule: ID, severity: 'error', at, related: funcRowCells(r, at), actual: lei, table,
      message: `${where}：类级编码“${lei}”不是支出功能分类的类（应为 201–217、219–224、227、229–234 之一）` })];
  }
  if (kuan !== undefined && !/^\d{2}$/.test(kuan)) {
    const at = funcPartRef(r, 1);
    return [finding({ rule: ID, severity: 'error', at, related: funcRowCells(r, at), actual: kuan, table,
      message: `${where}：款级编码“${kuan}”应为两位数字` })];
  }
  if (xiang !== undefined && !/^\d{2}$/.test(xiang)) {
    const at = funcPartRef(r, 2);
    return [finding({ rule: ID, severity: 'error', at, related: funcRowCells(r, at), actual: xiang, table,
      message: `${where}：项级编码“${xiang}”应为两位数字` })];
  }
  if (xiang !== undefined && kuan === undefined) {
    const at = funcPartRef(r, 1);
    return [finding({ rule: ID, severity: 'error', at, related: funcRowCells(r, at), table,
      message: `${where}：有项级编码 ${xiang} 却缺少款级编码` })];
  }
  return [];
}

/**
 * When a table prints 类 / 款 subtotal rows, each 项 row must sit under the 类 and 款 rows its code
 * starts with (checked per table and unit, against the nearest subtotal rows above it).
 */
function checkHierarchy(rows: FuncRow[]): Finding[] {
  const out: Finding[] = [];
  const byBlock = new Map<string, FuncRow[]>();
  for (const r of rows) {
    const k = `${r.table.id}|${r.scope}`;
    const list = byBlock.get(k) ?? [];
    list.push(r);
    byBlock.set(k, list);
  }
  for (const block of byBlock.values()) {
    const hasLei = block.some((r) => r.func.kuan === undefined);
    const hasKuan = block.some((r) => r.func.kuan !== undefined && r.func.xiang === undefined);
    if (!hasLei && !hasKuan) continue;
    let lei: FuncRow | undefined;
    let kuan: FuncRow | undefined;
    for (const r of [...block].sort((a, b) => a.row.row - b.row.row)) {
      if (r.func.kuan === undefined) {
        lei = r;
        kuan = undefined;
        continue;
      }
      if (r.func.xiang === undefined) {
        if (hasLei && lei && lei.func.lei !== r.func.lei) out.push(misplaced(r, lei, 0));
        kuan = r;
        continue;
      }
      if (hasLei && lei && lei.func.lei !== r.func.lei) out.push(misplaced(r, lei, 0));
      else if (hasKuan && kuan && kuan.func.code !== r.func.code.slice(0, 5)) out.push(misplaced(r, kuan, 1));
    }
  }
  return out;
}

function misplaced(r: FuncRow, parent: FuncRow, part: 0 | 1): Finding {
  const at = funcPartRef(r, part);
  const level = part === 0 ? '类' : '款';
  return finding({
    rule: ID,
    severity: 'warning',
    at,
    related: [...funcRowCells(r, at), ...parent.func.refs],
    expected: part === 0 ? parent.func.lei : parent.func.kuan ?? null,
    actual: part === 0 ? r.func.lei : r.func.kuan ?? null,
    table: r.table.id,
    message: `${tableLabel(r.table.id)}：${r.func.code}${r.name ? ` ${r.name}` : ''} 列在${level}级科目 ${parent.func.code}${parent.name ? ` ${parent.name}` : ''} 之下，编码不属于该${level}`,
  });
}
