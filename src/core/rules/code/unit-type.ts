/**
 * C.unit-type (rules.md 100): the codes must tell one story about the kind of unit.
 *  (a) an economic row whose 政府 code belongs to one kind (501–504 机关, 505–506 事业) in a unit
 *      whose function codes say the other kind;
 *  (b) a function marker of one kind (事业单位医疗, 事业运行 …) in a unit whose economic codes are
 *      all of the other kind (seed 003: 2101102 事业单位医疗 in a 机关 with only 501/502 codes);
 *  (c) a department-level T06 row whose pair T07 cannot back, while T07 books the same 部门 code
 *      under the other kind (T06 30101 → 50101 779.4 although T07's 50101 rows hold 41.9 and its
 *      50501 rows the rest).
 * A unit that is really mixed (行政运行 and 事业运行 side by side, seed 004) passes.
 */
import type { Catalog, UnitKind } from '../../catalog';
import { describe, lookup, pairOf, unitKindOfGov } from '../../catalog';
import type { BudgetBook } from '../../model';
import { COL, gridTable } from '../../model';
import type { Finding } from '../../report';
import { classifyDelta } from '../../tolerance';
import type { Amount } from '../../amount';
import { scaledUnits } from '../relation';
import type { Rule, RuleContext } from '../types';
import type { EconRow, FuncRow } from './common';
import { econPartRef, econRowCells, finding, funcPartRef, funcRowCells, funcRows, listIn, onePerCell, tableLabel } from './common';
import type { UnitKinds } from './unit-kind';
import { COUNTERPART, econMarker, funcMarker, other, unitKinds } from './unit-kind';
import { maxOf } from '../../list';

const ID = 'C.unit-type';

export const unitType: Rule = {
  id: ID,
  severity: 'warning',
  title: '科目编码与单位性质一致',
  needs: [],
  check(book: BudgetBook, ctx: RuleContext): Finding[] {
    const kinds = unitKinds(book, ctx.catalog);
    return onePerCell([
      ...econAgainstUnit(kinds, ctx.catalog),
      ...funcAgainstEcon(kinds, ctx.catalog),
      ...t06AgainstT07(kinds, ctx.catalog),
      ...duplicatedKind(kinds, ctx.catalog),
      ...publicCostSplit(book, kinds, ctx.catalog),
    ]);
  },
};

const KIND_TEXT: Record<UnitKind, string> = { 机关: '机关（行政）单位', 事业: '事业单位' };

/** (a) 政府 code of one kind in a unit of the other kind. */
function econAgainstUnit(kinds: UnitKinds, cat: Catalog): Finding[] {
  const out: Finding[] = [];
  for (const r of kinds.econRows) {
    const k = r.econ.gov ? unitKindOfGov(r.econ.gov) : undefined;
    if (!k) continue;
    const scope = kinds.econScope(r);
    const unit = kinds.kindOf(scope);
    if (unit !== other(k)) continue;
    out.push(govOfWrongKind(r, k, unit, scope, cat));
  }
  return out;
}

function govOfWrongKind(r: EconRow, k: UnitKind, unit: UnitKind, scope: string, cat: Catalog): Finding {
  const pair = pairOf(cat, r.econ.dept);
  const fit = pair ? (unit === '机关' ? pair.jiguan : pair.shiye) : [];
  const who = scope === '*' ? '本部门' : `单位 ${scope}`;
  return atGovCode(
    r,
    fit,
    `${tableLabel(r.table.id)}：${who}的功能科目表明是${KIND_TEXT[unit]}，但 ${describe(cat, r.econ.dept)} 使用了${KIND_TEXT[k]}的政府经济分类 ${describe(cat, r.econ.gov!)}${fit.length ? `，应为 ${fit.map((c) => describe(cat, c)).join(' 或 ')}` : ''}`,
  );
}

/** A warning at a row's 政府 code (its 类 cell), which should be one of `fit` (named when it is one code). */
function atGovCode(r: EconRow, fit: string[], message: string): Finding {
  const at = econPartRef(r, 'gov', 0) ?? r.econ.refs[0];
  return finding({
    rule: ID,
    severity: 'warning',
    at,
    related: econRowCells(r, at),
    expected: fit.length === 1 ? fit[0] : null,
    actual: r.econ.gov ?? null,
    table: r.table.id,
    message,
  });
}

/** (b) A function marker whose kind no economic code of its unit backs. */
function funcAgainstEcon(kinds: UnitKinds, cat: Catalog): Finding[] {
  const out: Finding[] = [];
  // Economic markers of each kind in a scope (counted once per scope, not once per function row).
  const markers = new Map<string, Record<UnitKind, number>>();
  const markersIn = (scope: string): Record<UnitKind, number> => {
    let n = markers.get(scope);
    if (!n) {
      n = { 机关: 0, 事业: 0 };
      for (const e of kinds.econIn(scope)) {
        const k = econMarker(e);
        if (k) n[k]++;
      }
      markers.set(scope, n);
    }
    return n;
  };
  for (const r of kinds.funcRows) {
    const m = funcMarker(r, cat);
    if (!m) continue;
    const scope = kinds.funcScope(r);
    const econ = kinds.econIn(scope);
    const n = econ.length ? markersIn(scope) : undefined;
    const unit = kinds.kindOf(scope);
    const contradicted = n ? n[m.kind] === 0 && n[other(m.kind)] > 0 : unit === other(m.kind);
    // A strong marker contradicted by a unit whose other markers are all of its kind is also odd,
    // but only the economic codes can prove it; without them stay silent.
    if (!contradicted) continue;
    out.push(markerOfWrongKind(r, m.kind, scope, cat));
  }
  return out;
}

function markerOfWrongKind(r: FuncRow, k: UnitKind, scope: string, cat: Catalog): Finding {
  const code = r.func.code;
  const counterpart = COUNTERPART[code] ?? (r.func.xiang === '50' ? code.slice(0, 5) + '01' : r.func.xiang === '01' ? code.slice(0, 5) + '50' : undefined);
  const at = funcPartRef(r, 2);
  const who = scope === '*' ? '本部门' : `单位 ${scope}`;
  const otherKind = other(k);
  const cpName = counterpart ? lookup(cat, counterpart)?.name : undefined;
  return finding({
    rule: ID,
    severity: 'warning',
    at,
    related: funcRowCells(r, at),
    expected: counterpart ?? null,
    actual: code,
    table: r.table.id,
    message: `${tableLabel(r.table.id)}：${code} ${r.name} 是${KIND_TEXT[k]}科目，但${who}的经济分类科目均为${KIND_TEXT[otherKind]}科目${counterpart ? `，应为 ${counterpart}${cpName ? ` ${cpName}` : ''}` : ''}`,
    headline: `${code} ${r.name} 是${KIND_TEXT[k]}科目，与本部门不符${counterpart ? `：应为 ${counterpart}${cpName ? ` ${cpName}` : ''}` : ''}`,
  });
}

/**
 * (c) T06 must be contained in T07 pair by pair (T07 adds project money). When a department-level
 * T06 row exceeds T07's total for its pair beyond rounding, and T07 books the same 部门 code under
 * the other kind, the T06 row's 政府 code is the wrong one.
 */
function t06AgainstT07(kinds: UnitKinds, cat: Catalog): Finding[] {
  const t06 = kinds.econRows.filter((r) => r.table.id === 'T06');
  const t07 = kinds.econRows.filter((r) => r.table.id === 'T07');
  if (!t06.length || !t07.length) return [];
  const t07Amount = (r: EconRow) => r.row.amounts[COL.t07.gpb] ?? r.row.amounts[COL.t07.total];
  let byDept: Map<string, EconRow[]> | undefined;
  const t07Of = (dept: string): EconRow[] => {
    if (!byDept) {
      byDept = new Map();
      for (const x of t07) listIn(byDept, x.econ.dept).push(x);
    }
    return byDept.get(dept) ?? [];
  };
  const out: Finding[] = [];
  for (const r of t06) {
    const g = r.econ.gov;
    const k = g ? unitKindOfGov(g) : undefined;
    const a = r.row.amounts[COL.t06.total];
    if (!g || !k || !a) continue;
    // A row of the unit's own kind is not the odd one (then T07's row is, see (a)).
    if (kinds.kindOf(kinds.econScope(r)) === k) continue;
    // the same scope on both sides: per unit only if T06 lists units too
    const unit = r.row.unitCode;
    const otherK = other(k);
    const otherKind: EconRow[] = [];
    const ofDept = t07Of(r.econ.dept);
    for (let i = 0; i < ofDept.length; i++) {
      const x = ofDept[i];
      if ((!unit || x.row.unitCode === unit) && x.econ.gov && unitKindOfGov(x.econ.gov) === otherK) otherKind.push(x);
    }
    if (!otherKind.length) continue;
    const samePair: Amount[] = [];
    for (let i = 0; i < ofDept.length; i++) {
      const x = ofDept[i];
      const amount = (!unit || x.row.unitCode === unit) && x.econ.gov === g ? t07Amount(x) : undefined;
      if (amount) samePair.push(amount);
    }
    const otherAmounts = otherKind.map(t07Amount).filter((x) => !!x);
    const t06Rows = t06.filter((x) => x.econ.dept === r.econ.dept && x.econ.gov === g && (!r.row.unitCode || x.row.unitCode === r.row.unitCode));
    const d = maxOf(samePair.map((x) => x!.decimals), Math.max(a.decimals, 0));
    const lhs = t06Rows.reduce((s, x) => s + scaledUnits(x.row.amounts[COL.t06.total]?.scaled ?? 0, d), 0);
    const rhs = samePair.reduce((s, x) => s + scaledUnits(x!.scaled, d), 0);
    const m = t06Rows.length + samePair.length;
    if (lhs <= rhs || classifyDelta(lhs - rhs, m).kind !== 'broken') continue;
    // Of several T06 rows of the pair, the one that T07 cannot hold on its own is the mislabelled one.
    if (t06Rows.length > 1 && scaledUnits(a.scaled, d) <= rhs) continue;
    // ... and T07's other-kind rows must have room for it (else T07 lost the pair, not T06).
    const otherT06 = t06.filter((x) => x.econ.dept === r.econ.dept && x.econ.gov && unitKindOfGov(x.econ.gov) === other(k) && (!r.row.unitCode || x.row.unitCode === r.row.unitCode));
    const room = otherAmounts.reduce((s, x) => s + scaledUnits(x!.scaled, d), 0) - otherT06.reduce((s, x) => s + scaledUnits(x.row.amounts[COL.t06.total]?.scaled ?? 0, d), 0);
    if (classifyDelta(room - (lhs - rhs), m + otherAmounts.length + otherT06.length).kind === 'broken' && room < lhs - rhs) continue;
    const at = econPartRef(r, 'gov', 0) ?? r.econ.refs[0];
    const wanted = [...new Set(otherKind.map((x) => x.econ.gov!))];
    out.push(
      finding({
        rule: ID,
        severity: 'warning',
        at,
        related: [...econRowCells(r, at), ...otherKind.flatMap((x) => econPartRef(x, 'gov', 0) ?? []).slice(0, 10)],
        expected: wanted.length === 1 ? wanted[0] : null,
        actual: g,
        table: 'T06',
        message: `${tableLabel('T06')}：${describe(cat, r.econ.dept)} 对应 ${describe(cat, g)} 的金额超出${tableLabel('T07')}中同一对应关系的合计，而该表把此科目列在${KIND_TEXT[other(k)]}的 ${wanted.join('、')} 下：政府经济分类可能应为 ${wanted.join(' 或 ')}`,
      }),
    );
  }
  return out;
}

/**
 * (d) In a unit that has both kinds, a 部门 code listed twice with the same 政府 code while its
 * other-kind counterpart is missing: one of the two rows was meant for the other kind. Exports list
 * the pairs of a 部门 code in 政府 code order (50101 before 50501), which tells which row it was.
 */
function duplicatedKind(kinds: UnitKinds, cat: Catalog): Finding[] {
  const out: Finding[] = [];
  // Only a scope of both kinds can have such a row: most books have none.
  if (!kinds.econRows.some((r) => r.econ.gov && kinds.kindOf(kinds.econScope(r)) === 'mixed')) return out;
  for (const list of byTableScopeDept(kinds.econRows.filter((r) => r.econ.gov))) {
    if (!repeatsGov(list)) continue; // no 政府 code twice: nothing to look at
    const byGov = new Map<string, EconRow[]>();
    for (const r of list) listIn(byGov, r.econ.gov!).push(r);
    for (const [g, dups] of byGov) {
      const k = unitKindOfGov(g);
      if (dups.length < 2 || !k) continue;
      if (kinds.kindOf(kinds.econScope(dups[0])) !== 'mixed') continue;
      const p = pairOf(cat, dups[0].econ.dept);
      const missing = (p ? (k === '机关' ? p.shiye : p.jiguan) : []).filter((c) => !byGov.has(c));
      if (missing.length !== 1) continue;
      const sorted = [...dups].sort((a, b) => a.row.row - b.row.row);
      const r = missing[0] < g ? sorted[0] : sorted[sorted.length - 1];
      const at = econPartRef(r, 'gov', 0) ?? r.econ.refs[0];
      out.push(
        finding({
          rule: ID,
          severity: 'warning',
          at,
          related: [...econRowCells(r, at), ...sorted.filter((x) => x !== r).flatMap((x) => econRowCells(x))],
          expected: missing[0],
          actual: g,
          table: r.table.id,
          message: `${tableLabel(r.table.id)}：${describe(cat, r.econ.dept)} 两次对应 ${describe(cat, g)}，却没有${KIND_TEXT[other(k)]}的 ${describe(cat, missing[0])}；本单位机关和事业部分并存，此行可能应为 ${missing[0]}`,
        }),
      );
    }
  }
  return out;
}

/** Does a 政府 code occur twice among the rows? */
function repeatsGov(list: EconRow[]): boolean {
  if (list.length > 16) return new Set(list.map((r) => r.econ.gov)).size < list.length;
  for (let i = 1; i < list.length; i++) for (let j = 0; j < i; j++) if (list[i].econ.gov === list[j].econ.gov) return true;
  return false;
}

/**
 * Rows grouped by table, scope (unit, else department) and 部门 code, groups in order of first
 * appearance — as a map keyed "table|scope|code" would give them, without building a key per row.
 */
function byTableScopeDept(rows: EconRow[]): EconRow[][] {
  if (rows.some((r) => r.scope.includes('|') || r.econ.dept.includes('|'))) {
    // Only joined keys tell such codes apart exactly as before.
    const m = new Map<string, EconRow[]>();
    for (const r of rows) listIn(m, `${r.table.id}|${r.scope}|${r.econ.dept}`).push(r);
    return [...m.values()];
  }
  const groups: EconRow[][] = [];
  const index = new Map<string, Map<string, Map<string, EconRow[]>>>();
  for (const r of rows) {
    let byScope = index.get(r.table.id);
    if (!byScope) index.set(r.table.id, (byScope = new Map()));
    let byDept = byScope.get(r.scope);
    if (!byDept) byScope.set(r.scope, (byDept = new Map()));
    let list = byDept.get(r.econ.dept);
    if (!list) {
      byDept.set(r.econ.dept, (list = []));
      groups.push(list);
    }
    list.push(r);
  }
  return groups;
}

/**
 * (e) In a unit that has both kinds, T06's 公用经费 on 505/506 rows must equal the 公用经费 of the
 * 事业 function rows (事业运行, 事业单位离退休 …) of T05 (rules.md 80, holds exactly in seed 004).
 * When it misses by exactly one row's amount, and that row's 部门 code has a pair for the other
 * kind, that row's 政府 code is the one of the wrong kind.
 */
function publicCostSplit(book: BudgetBook, kinds: UnitKinds, cat: Catalog): Finding[] {
  const t05 = gridTable(book, 'T05') ?? gridTable(book, 'T03');
  const t06 = kinds.econRows.filter((r) => r.table.id === 'T06' && !r.row.unitCode);
  if (!t05 || !t06.length || kinds.kindOf('*') !== 'mixed') return [];
  const d = Math.max(t05.decimals, t06[0].table.decimals, 0);
  const units = (a?: { scaled: number }) => (a ? scaledUnits(a.scaled, d) : 0);
  let funcShiye = 0;
  let terms = 0;
  for (const r of funcRows(book, [t05.id])) {
    const m = funcMarker(r, cat);
    if (m?.kind !== '事业') continue;
    const a = r.row.amounts;
    const v = a[COL.expense.publicCost] ? units(a[COL.expense.publicCost]) : units(a[COL.expense.goods]) + units(a[COL.expense.capital]);
    funcShiye += v;
    if (v) terms++;
  }
  let econShiye = 0;
  for (const r of t06) {
    if (r.econ.gov && unitKindOfGov(r.econ.gov) === '事业') {
      const v = units(r.row.amounts[COL.t06.publicCost]);
      econShiye += v;
      if (v) terms++;
    }
  }
  const excess = econShiye - funcShiye;
  if (classifyDelta(excess, terms).kind !== 'broken') return [];
  const wrongKind: UnitKind = excess > 0 ? '事业' : '机关';
  const candidates = t06.filter((r) => {
    if (!r.econ.gov || unitKindOfGov(r.econ.gov) !== wrongKind) return false;
    const p = pairOf(cat, r.econ.dept);
    if (!p || !(wrongKind === '事业' ? p.jiguan : p.shiye).length) return false;
    const fit = wrongKind === '事业' ? p.jiguan : p.shiye;
    // moving it would duplicate a pair the table already has: not this row
    if (t06.some((x) => x.econ.dept === r.econ.dept && fit.includes(x.econ.gov ?? ''))) return false;
    const v = units(r.row.amounts[COL.t06.publicCost]);
    return v !== 0 && classifyDelta(v - Math.abs(excess), terms + 1).kind !== 'broken';
  });
  if (candidates.length !== 1) return [];
  const r = candidates[0];
  const p = pairOf(cat, r.econ.dept)!;
  const fit = wrongKind === '事业' ? p.jiguan : p.shiye;
  return [
    atGovCode(
      r,
      fit,
      `${tableLabel('T06')}：事业单位政府经济科目（505/506）的公用经费合计与${tableLabel(t05.id)}中事业单位功能科目的公用经费相差正好为此行金额；${describe(cat, r.econ.dept)} 可能应对应${KIND_TEXT[other(wrongKind)]}的 ${fit.join(' 或 ')}，实为 ${describe(cat, r.econ.gov!)}`,
    ),
  ];
}
