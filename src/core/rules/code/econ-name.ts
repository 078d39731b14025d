/**
 * C.econ-name (rules.md 98): an economic code's name must be the catalogue's (error on a verified
 * entry, warning otherwise), and the same code must carry the same name in T06 and T07.
 */
import type { Catalog } from '../../catalog';
import { lookup, nameMatches, normalizeName } from '../../catalog';
import type { BudgetBook } from '../../model';
import type { Finding } from '../../report';
import type { Rule, RuleContext } from '../types';
import type { EconRow, EconSide } from './common';
import { econCodeRefs, econNameRef, econRowCells, econRows, finding, listIn, onePerCell, tableLabel } from './common';
import { pushAll, maxOf } from '../../list';

const ID = 'C.econ-name';
const SIDES: EconSide[] = ['dept', 'gov'];

export const econName: Rule = {
  id: ID,
  severity: 'error',
  title: '经济分类科目名称与编码一致',
  needs: [],
  check(book: BudgetBook, ctx: RuleContext): Finding[] {
    const rows = econRows(book, true);
    const out: Finding[] = [];
    const unknown = new Map<string, { r: EconRow; side: EconSide }>();
    const named = new Map<string, Set<string>>();
    eachCodeName(rows, (r, side, code, name) => {
      if (named.get(code)?.has(name)) return;
      const e = lookup(ctx.catalog, code);
      if (!e) {
        if (!unknown.has(code)) unknown.set(code, { r, side });
        return;
      }
      if (nameMatches(e, name)) {
        // The same code and name on another row is just as right.
        let names = named.get(code);
        if (!names) named.set(code, (names = new Set()));
        names.add(name);
        return;
      }
      const at = econNameRef(r, side) ?? econCodeRefs(r, side)[0];
      out.push(
        finding({
          rule: ID,
          severity: e.verified ? 'error' : 'warning',
          at,
          related: econRowCells(r, at),
          expected: e.name,
          actual: name,
          table: r.table.id,
          message: `${tableLabel(r.table.id)}：${code} 的科目名称应为“${e.name}”，实为“${name}”${e.verified ? '' : '（内置科目表该条未经核实，请核对）'}`,
        }),
      );
    });
    pushAll(out, crossTable(rows, ctx.catalog));
    for (const [code, { r, side }] of unknown) {
      const at = econCodeRefs(r, side)[0];
      if (!at) continue;
      out.push(
        finding({
          rule: ID,
          severity: 'info',
          at,
          related: econRowCells(r, at),
          actual: code,
          table: r.table.id,
          message: `${tableLabel(r.table.id)}：经济分类科目 ${code} 未收录在内置科目表中，未能核对名称`,
        }),
      );
    }
    return onePerCell(out);
  },
};

/** Calls fn for each code of each row (部门, then 政府) that has both a code and a name. */
function eachCodeName(rows: EconRow[], fn: (r: EconRow, side: EconSide, code: string, name: string) => void): void {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    for (let s = 0; s < SIDES.length; s++) {
      const side = SIDES[s];
      const code = side === 'dept' ? r.econ.dept : r.econ.gov;
      const name = side === 'dept' ? r.econ.deptName : r.econ.govName;
      if (code && name) fn(r, side, code, name);
    }
  }
}

/** Codes the catalogue does not know: the majority name across T06/T07 wins; a tie flags both. */
function crossTable(rows: EconRow[], cat: Catalog): Finding[] {
  const byCode = new Map<string, { r: EconRow; side: EconSide; name: string }[]>();
  eachCodeName(rows, (r, side, code, name) => {
    if (!lookup(cat, code)) listIn(byCode, code).push({ r, side, name });
  });
  const out: Finding[] = [];
  for (const [code, list] of byCode) {
    const counts = new Map<string, number>();
    for (const x of list) counts.set(normalizeName(x.name), (counts.get(normalizeName(x.name)) ?? 0) + 1);
    if (counts.size < 2) continue;
    const max = maxOf(counts.values());
    const winners = [...counts].filter(([, n]) => n === max).map(([k]) => k);
    for (const x of list) {
      const n = normalizeName(x.name);
      if (winners.length === 1 && n === winners[0]) continue;
      const differs = (y: { name: string }) => normalizeName(y.name) !== n;
      const other = list.find((y) => differs(y) && winners.includes(normalizeName(y.name))) ?? list.find(differs)!;
      const at = econNameRef(x.r, x.side) ?? econCodeRefs(x.r, x.side)[0];
      out.push(
        finding({
          rule: ID,
          severity: 'warning',
          at,
          related: [...econRowCells(x.r, at), ...econRowCells(other.r)],
          expected: winners.length === 1 ? other.name : null,
          actual: x.name,
          table: x.r.table.id,
          message: `${tableLabel(x.r.table.id)}：科目编码 ${code} 此处名为“${x.name}”，在${tableLabel(other.r.table.id)}中名为“${other.name}”，同一编码的名称应一致`,
        }),
      );
    }
  }
  return out;
}
