/**
 * C.func-name (rules.md 95): a function code and its 项 name must agree.
 *
 * Evidence, strongest first:
 *  1. the catalogue knows the code: the name must be its name (error when the entry is verified,
 *     warning otherwise);
 *  2. the code is unknown but the name belongs to exactly one catalogue code → the code should be
 *     that one (error on a verified entry);
 *  3. generic names fix the item number (行政运行 01, 一般行政管理事务 02, 机关服务 03, 事业运行 50,
 *     其他…支出 99);
 *  4. the 款 is not among the listed 款 of its 类, or the 项 not among the listed items of its 款;
 *  5. inside the workbook: the same code must carry the same name in every table, and one unit's
 *     row must carry the same code in T03 and T05/T09/T13.
 * A code nothing can vouch for gets one `info` (add a 科目表 to check it).
 */
import type { Catalog, CatalogEntry } from '../../catalog';
import { childrenOf, findByName, genericItemOf, isOtherItemName, lookup, nameMatches, normalizeName, withoutSpending } from '../../catalog';
import type { CellRef } from '../../grid';
import type { BudgetBook } from '../../model';
import type { Finding, Severity } from '../../report';
import type { Rule, RuleContext } from '../types';
import type { FuncRow } from './common';
import { finding, firstDifferingPart, funcNameRef, funcPartRef, funcRowCells, funcRows, listIn, onePerCell, tableLabel } from './common';
import { pushAll } from '../../list';

const ID = 'C.func-name';

export const funcName: Rule = {
  id: ID,
  severity: 'error',
  title: '功能分类科目名称与编码一致',
  needs: [],
  check(book: BudgetBook, ctx: RuleContext): Finding[] {
    const rows = funcRows(book).filter((r) => r.name && r.func.refs.length);
    const cat = ctx.catalog;
    const keys = rows.map((r) => nameKey(r.name));
    const usage = countUsage(rows, keys);
    const out: Finding[] = [];
    const unknown = new Map<string, FuncRow[]>();
    const namesOfCode = new Map<string, Set<string>>();
    rows.forEach((r, i) => namesOfCode.set(r.func.code, (namesOfCode.get(r.func.code) ?? new Set()).add(keys[i])));
    for (const r of rows) {
      const found = checkRow(r, cat, (namesOfCode.get(r.func.code)?.size ?? 0) > 1);
      if (found === 'unknown') listIn(unknown, r.func.code).push(r);
      else pushAll(out, found);
    }
    pushAll(out, sameCodeSameName(rows, cat, usage));
    pushAll(out, sameRowSameCode(rows, keys, cat, usage));
    const flagged = new Set(out.map((f) => `${f.sheet}!${f.cell}`));
    pushAll(out, unknownCodes(unknown, cat, flagged));
    return onePerCell(out);
  },
};

type Usage = Map<string, Map<string, number>>; // code → name key → rows

/** Names compared inside the workbook: normalised, a trailing 支出 ignored (as sameName does). */
function nameKey(name: string): string {
  return withoutSpending(normalizeName(name));
}

/** Rows per code and name; `keys` are the rows' name keys. */
function countUsage(rows: FuncRow[], keys: string[]): Usage {
  const u: Usage = new Map();
  rows.forEach((r, i) => {
    let byName = u.get(r.func.code);
    if (!byName) u.set(r.func.code, (byName = new Map()));
    byName.set(keys[i], (byName.get(keys[i]) ?? 0) + 1);
  });
  return u;
}

/** Rows that print this code with this name (key). */
function usageOf(u: Usage, code: string, key: string): number {
  return u.get(code)?.get(key) ?? 0;
}

function levelOf(code: string): number {
  return code.length === 3 ? 1 : code.length === 5 ? 2 : 3;
}

function sev(e: CatalogEntry): Severity {
  return e.verified ? 'error' : 'warning';
}

/**
 * Findings for one row, or 'unknown' when nothing can vouch for the code. `renamed`: the workbook
 * prints this code with several names (sameCodeSameName then says which name is wrong).
 */
function checkRow(r: FuncRow, cat: Catalog, renamed: boolean): Finding[] | 'unknown' {
  const code = r.func.code;
  const entry = lookup(cat, code);
  if (entry && entry.kind === 'func') {
    if (nameMatches(entry, r.name)) return [];
    return [wrongName(r, entry, cat)];
  }
  const level = levelOf(code);
  const owner = nameOwner(cat, r.name, code, level);
  if (owner && renamed) return [];
  if (owner && owner.code.slice(0, 3) !== code.slice(0, 3)) {
    // A name from another class: more likely the name than the code is wrong.
    const at = funcNameRef(r)!;
    return [finding({ rule: ID, severity: 'warning', at, related: funcRowCells(r, at), actual: r.name, table: r.table.id,
      message: `${tableLabel(r.table.id)}：科目编码 ${code} 与名称“${r.name}”不符：该名称属于 ${owner.code}，请核对名称或编码` })];
  }
  if (owner) return [wrongCode(r, owner.code, sev(owner), `科目编码 ${code} 不在科目表中；“${r.name}”的科目编码应为 ${owner.code}`)];
  if (level === 3) {
    const pattern = itemPattern(r);
    if (pattern) return [pattern];
  }
  const structural = notListed(r, cat);
  if (structural) return [structural];
  return 'unknown';
}

function wrongName(r: FuncRow, entry: CatalogEntry, cat: Catalog): Finding {
  const at = funcNameRef(r)!;
  const owner = nameOwner(cat, r.name, entry.code, levelOf(entry.code));
  const hint = owner ? `（“${r.name}”是 ${owner.code} 的名称）` : entry.verified ? '' : '（内置科目表该条未经核实，请核对）';
  return finding({
    rule: ID,
    severity: sev(entry),
    at,
    related: funcRowCells(r, at),
    expected: entry.name,
    actual: r.name,
    table: r.table.id,
    message: `${tableLabel(r.table.id)}：${entry.code} 的科目名称应为“${entry.name}”，实为“${r.name}”${hint}`,
  });
}

/** The one catalogue code of this level that carries the name (narrowed to the row's 款 / 类 when several do). */
function nameOwner(cat: Catalog, name: string, code: string, level: number): CatalogEntry | undefined {
  let list = findByName(cat, name, 'func', level).filter((e) => e.code !== code);
  if (list.length > 1) list = list.filter((e) => e.code.slice(0, 5) === code.slice(0, 5));
  if (list.length > 1) list = list.filter((e) => e.code.slice(0, 3) === code.slice(0, 3));
  return list.length === 1 ? list[0] : undefined;
}

function wrongCode(r: FuncRow, expectedCode: string, severity: Severity, message: string): Finding {
  const part = firstDifferingPart(r.func.code, expectedCode);
  const at = funcPartRef(r, part);
  return finding({
    rule: ID,
    severity,
    at,
    related: funcRowCells(r, at),
    expected: expectedCode,
    actual: r.func.code,
    table: r.table.id,
    message: `${tableLabel(r.table.id)}：${message}`,
  });
}

/** 行政运行 01, 一般行政管理事务 02, 机关服务 03, 事业运行 50, 其他…支出 99. */
function itemPattern(r: FuncRow): Finding | undefined {
  const xiang = r.func.xiang!;
  const item = genericItemOf(r.name) ?? (isOtherItemName(r.name) ? '99' : undefined);
  if (!item || item === xiang) return undefined;
  const expected = r.func.code.slice(0, 5) + item;
  const at = funcPartRef(r, 2);
  return finding({
    rule: ID,
    severity: 'warning',
    at,
    related: funcRowCells(r, at),
    expected,
    actual: r.func.code,
    table: r.table.id,
    message: `${tableLabel(r.table.id)}：“${r.name}”的项级编码应为 ${item}（${expected}），实为 ${xiang}（${r.func.code}）`,
  });
}

/** The 款 is not among the listed 款 of its 类, or the 项 not among the listed items of its 款. */
function notListed(r: FuncRow, cat: Catalog): Finding | undefined {
  const { lei, kuan, xiang, code } = r.func;
  if (kuan === undefined) return undefined;
  const kuanCode = lei + kuan;
  const leiEntry = lookup(cat, lei);
  if (leiEntry && !lookup(cat, kuanCode)) {
    const listed = childrenOf(cat, lei).filter((e) => e.code.length === 5);
    if (listed.length >= 2) {
      const at = funcPartRef(r, 1);
      return finding({
        rule: ID, severity: 'warning', at, related: funcRowCells(r, at), actual: code, table: r.table.id,
        message: `${tableLabel(r.table.id)}：${code}（${r.name}）的款级编码 ${kuan} 不存在：${lei} ${leiEntry.name} 下没有 ${kuanCode} 款（已收录 ${short(listed)}），请核对编码`,
      });
    }
    return undefined;
  }
  if (xiang === undefined) return undefined;
  const kuanEntry = lookup(cat, kuanCode);
  if (!kuanEntry) return undefined;
  const items = childrenOf(cat, kuanCode).filter((e) => e.code.length === 7);
  if (items.length < 3) return undefined;
  const at = funcPartRef(r, 2);
  return finding({
    rule: ID, severity: 'warning', at, related: funcRowCells(r, at), actual: code, table: r.table.id,
    message: `${tableLabel(r.table.id)}：${code}（${r.name}）不在科目表中：${kuanCode} ${kuanEntry.name} 下已收录的项为 ${short(items)}，没有 ${xiang} 项，请核对编码`,
  });
}

function short(list: CatalogEntry[]): string {
  const codes = list.map((e) => e.code.slice(-2)).sort();
  return codes.length > 12 ? `${codes.slice(0, 12).join('、')} 等` : codes.join('、');
}

/** Codes nothing vouches for: one note per code (a warning when the user's 科目表 should have had it). */
function unknownCodes(unknown: Map<string, FuncRow[]>, cat: Catalog, flagged: Set<string>): Finding[] {
  const out: Finding[] = [];
  let userHasFunc = false;
  if (unknown.size) for (const e of cat.entries.values()) if (e.user && e.kind === 'func') userHasFunc = true;
  for (const [code, rows] of unknown) {
    const r = rows.find((x) => !flagged.has(`${funcNameRef(x)?.sheet}!${funcNameRef(x)?.cell}`)) ?? rows[0];
    const at = funcPartRef(r, levelOf(code) === 3 ? 2 : levelOf(code) === 2 ? 1 : 0);
    if (flagged.has(`${at.sheet}!${at.cell}`)) continue;
    out.push(
      finding({
        rule: ID,
        severity: userHasFunc ? 'warning' : 'info',
        at,
        related: firstCells(rows, r, 20),
        actual: code,
        table: r.table.id,
        message: userHasFunc
          ? `${tableLabel(r.table.id)}：科目编码 ${code}（${r.name}）不在所附科目表中，请核对编码`
          : `${tableLabel(r.table.id)}：科目编码 ${code}（${r.name}）未收录在内置科目表中，未能核对名称；可在工作簿中加入“科目表”工作表或用 --catalog 提供科目表`,
      }),
    );
  }
  return out;
}

/** The code and name cells of the rows other than `r`, the first `max` of them. */
function firstCells(rows: FuncRow[], r: FuncRow, max: number): CellRef[] {
  const out: CellRef[] = [];
  for (const x of rows) {
    if (out.length >= max) break;
    if (x !== r) pushAll(out, funcRowCells(x));
  }
  return out.slice(0, max);
}

/**
 * The same code must carry the same name in every table. Only for codes the catalogue does not
 * know (otherwise checkRow already says which name is right). The majority name wins; a name that
 * another code uses in the workbook is the likely copy; a tie flags both.
 */
function sameCodeSameName(rows: FuncRow[], cat: Catalog, usage: Usage): Finding[] {
  const byCode = new Map<string, FuncRow[]>();
  for (const r of rows) {
    if (lookup(cat, r.func.code)) continue;
    listIn(byCode, r.func.code).push(r);
  }
  let codesByName: Map<string, Set<string>> | undefined;
  const out: Finding[] = [];
  for (const [code, list] of byCode) {
    const names = [...new Set(list.map((r) => nameKey(r.name)))];
    if (names.length < 2) continue;
    if (!codesByName) {
      codesByName = new Map();
      for (const r of rows) {
        const n = nameKey(r.name);
        codesByName.set(n, (codesByName.get(n) ?? new Set()).add(r.func.code));
      }
    }
    const byName = codesByName;
    const score = (n: string): [number, number] => [
      -[...(byName.get(n) ?? [])].filter((c) => c !== code).length, // a name borrowed from another code loses
      usageOf(usage, code, n),
    ];
    const ranked = [...names].sort((a, b) => cmp(score(b), score(a)));
    const top = score(ranked[0]);
    const winners = ranked.filter((n) => cmp(score(n), top) === 0);
    for (const r of list) {
      const n = nameKey(r.name);
      if (winners.length === 1 && n === winners[0]) continue;
      const others = list.filter((x) => nameKey(x.name) !== n);
      const at = funcNameRef(r)!;
      const other = others[0];
      out.push(
        finding({
          rule: ID,
          severity: 'warning',
          at,
          related: [...funcRowCells(r, at), ...others.flatMap((x) => funcRowCells(x))].slice(0, 20),
          expected: winners.length === 1 ? other.name : null,
          actual: r.name,
          table: r.table.id,
          message: `${tableLabel(r.table.id)}：科目编码 ${code} 此处名为“${r.name}”，在${tableLabel(other.table.id)}中名为“${other.name}”，同一编码的名称应一致`,
        }),
      );
    }
  }
  return out;
}

/**
 * One unit's row must carry the same code in every table: within a unit, a name that is coded X in
 * one table and Y in another (X and Y never side by side in the same table) is one row coded two
 * ways. The code the catalogue (or the rest of the workbook) supports wins; a tie flags both.
 */
function sameRowSameCode(rows: FuncRow[], keys: string[], cat: Catalog, usage: Usage): Finding[] {
  const out: Finding[] = [];
  for (const list of byScopeAndName(rows, keys)) {
    if (list.every((r) => r.func.code === list[0].func.code)) continue; // one code: nothing to compare
    const tablesOf = new Map<string, Set<string>>();
    for (const r of list) tablesOf.set(r.func.code, (tablesOf.get(r.func.code) ?? new Set()).add(r.table.id));
    if (tablesOf.size < 2) continue;
    const codes = [...tablesOf.keys()];
    for (const x of codes) {
      // y: a code of the same name that never shares a table with x
      const rivals = codes.filter((y) => y !== x && ![...tablesOf.get(x)!].some((t) => tablesOf.get(y)!.has(t)));
      if (!rivals.length) continue;
      const sx = codeScore(x, list[0].name, cat, usage);
      const better = rivals.filter((y) => cmp(codeScore(y, list[0].name, cat, usage), sx) > 0);
      const tied = rivals.filter((y) => cmp(codeScore(y, list[0].name, cat, usage), sx) === 0);
      if (!better.length && !tied.length) continue;
      const y = better[0] ?? tied[0];
      const yEntry = lookup(cat, y);
      const severity: Severity = better.length && yEntry?.verified && nameMatches(yEntry, list[0].name) && !lookup(cat, x) ? 'error' : 'warning';
      for (const r of list.filter((z) => z.func.code === x)) {
        const yRow = list.find((z) => z.func.code === y)!;
        const why = better.length
          ? `${tableLabel(yRow.table.id)}中同一科目编为 ${y}${yEntry && nameMatches(yEntry, r.name) ? '（与科目表一致）' : ''}`
          : `${tableLabel(yRow.table.id)}中同一科目编为 ${y}，请核对哪一处有误`;
        const part = firstDifferingPart(x, y);
        const at = funcPartRef(r, part);
        out.push(
          finding({
            rule: ID,
            severity,
            at,
            related: [...funcRowCells(r, at), ...funcRowCells(yRow)],
            expected: better.length ? y : null,
            actual: x,
            table: r.table.id,
            message: `${tableLabel(r.table.id)}：“${r.name}”编码为 ${x}，而${why}`,
          }),
        );
      }
    }
  }
  return out;
}

/**
 * 项 rows grouped by scope and name key, groups in order of first appearance — as a map keyed
 * "scope|name" would give them, without building a key per row.
 */
function byScopeAndName(rows: FuncRow[], keys: string[]): FuncRow[][] {
  if (rows.some((r) => r.scope.includes('|'))) {
    // Only joined keys tell such scopes apart exactly as before.
    const m = new Map<string, FuncRow[]>();
    rows.forEach((r, i) => {
      if (r.func.xiang !== undefined) listIn(m, `${r.scope}|${keys[i]}`).push(r);
    });
    return [...m.values()];
  }
  const groups: FuncRow[][] = [];
  const byScope = new Map<string, Map<string, FuncRow[]>>();
  rows.forEach((r, i) => {
    if (r.func.xiang === undefined) return;
    let byName = byScope.get(r.scope);
    if (!byName) byScope.set(r.scope, (byName = new Map()));
    let list = byName.get(keys[i]);
    if (!list) {
      byName.set(keys[i], (list = []));
      groups.push(list);
    }
    list.push(r);
  });
  return groups;
}

/** How well the catalogue and the workbook support `code` for `name`: [catalogue, 款 known, uses]. */
function codeScore(code: string, name: string, cat: Catalog, usage: Usage): [number, number, number] {
  const e = lookup(cat, code);
  const named = e && nameMatches(e, name) ? (e.verified ? 3 : 2) : e ? 1 : 0;
  const kuanKnown = lookup(cat, code.slice(0, 5)) ? 1 : 0;
  return [named, kuanKnown, usageOf(usage, code, nameKey(name))];
}

function cmp(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
