/**
 * C.func-format (rules.md 94): 类 is one of the T01 classes, 款 and 项 are two digits; a 项 row's
 * code extends the 类 / 款 subtotal rows above it when the table has such rows.
 */
import type { BudgetBook } from '../../model';
import type { Finding } from '../../report';
import type { Rule, RuleContext } from '../types';
import type { Catalog } from '../../catalog';
import { lookup } from '../../catalog';
import { FUNC_TABLES, finding, funcPartRef, funcRowCells, funcRows, isDigits, tableLabel } from './common';
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
  check(book: BudgetBook, ctx: RuleContext): Finding[] {
    const rows = funcRows(book, [...FUNC_TABLES, 'T14']);
    const parts = rows.flatMap(checkParts);
    const flagged = new Set(parts.map((f) => `${f.sheet}!${f.cell}`));
    const t14 = procurementCodes(rows, ctx.catalog).filter((f) => !flagged.has(`${f.sheet}!${f.cell}`));
    return [...parts, ...checkHierarchy(rows), ...t14];
  },
};

/**
 * T14 prints the function code that pays for each purchase but no 科目 name. A code that neither the
 * catalogue nor the expense tables know does not exist: point at the part that departs from the
 * closest code of T03/T05 (same 款 → the 项 cell, same 类 → the 款 cell).
 */
function procurementCodes(rows: FuncRow[], cat: Catalog): Finding[] {
  const known = rows.filter((r) => r.table.id !== 'T14').map((r) => r.func.code);
  const knownSet = new Set(known);
  const out: Finding[] = [];
  for (const r of rows) {
    if (r.table.id !== 'T14' || r.func.xiang === undefined) continue;
    const code = r.func.code;
    if (knownSet.has(code) || lookup(cat, code)) continue;
    const sameKuan = known.filter((c) => c.length === 7 && c.slice(0, 5) === code.slice(0, 5));
    const sameLei = known.filter((c) => c.length === 7 && c.slice(0, 3) === code.slice(0, 3));
    const kuanKnown = sameKuan.length > 0 || !!lookup(cat, code.slice(0, 5));
    const part: 0 | 1 | 2 = kuanKnown ? 2 : sameLei.length || lookup(cat, code.slice(0, 3)) ? 1 : 0;
    const near = [...new Set(part === 2 ? sameKuan : part === 1 ? sameLei : [])];
    const at = funcPartRef(r, part);
    out.push(
      finding({
        rule: ID,
        severity: 'warning',
        at,
        related: funcRowCells(r, at),
        expected: near.length === 1 ? near[0] : null,
        actual: code,
        table: 'T14',
        message: `${tableLabel('T14')}：采购项目“${r.name}”的功能科目 ${code} 既不在科目表中，也不在部门支出表中${near.length ? `（部门支出表中相近的科目为 ${near.slice(0, 3).join('、')}）` : ''}，请核对编码`,
      }),
    );
  }
  return out;
}

function checkParts(r: FuncRow): Finding[] {
  const { lei, kuan, xiang } = r.func;
  const table = r.table.id;
  const where = (): string => `${r.func.code}${r.name ? ` ${r.name}` : ''}`;
  if (!isDigits(lei, 3) || !FUNC_CLASSES.has(lei)) {
    const at = funcPartRef(r, 0);
    return [finding({ rule: ID, severity: 'error', at, related: funcRowCells(r, at), actual: lei, table,
      message: `${where()}：类级编码“${lei}”不是支出功能分类的类（应为 201–217、219–224、227、229–234 之一）` })];
  }
  if (kuan !== undefined && !isDigits(kuan, 2)) {
    const at = funcPartRef(r, 1);
    return [finding({ rule: ID, severity: 'error', at, related: funcRowCells(r, at), actual: kuan, table,
      message: `${where()}：款级编码“${kuan}”应为两位数字` })];
  }
  if (xiang !== undefined && !isDigits(xiang, 2)) {
    const at = funcPartRef(r, 2);
    return [finding({ rule: ID, severity: 'error', at, related: funcRowCells(r, at), actual: xiang, table,
      message: `${where()}：项级编码“${xiang}”应为两位数字` })];
  }
  if (xiang !== undefined && kuan === undefined) {
    const at = funcPartRef(r, 1);
    return [finding({ rule: ID, severity: 'error', at, related: funcRowCells(r, at), table,
      message: `${where()}：有项级编码 ${xiang} 却缺少款级编码` })];
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
