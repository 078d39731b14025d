/**
 * What kind of unit (机关 / 事业单位) a scope is, told by its codes (rules.md 100):
 *  - strong function markers: 行政运行 (项 01) / 事业运行 (项 50) — they carry the basic spending;
 *  - weak function markers: 2080501 / 2101101 / 2101103 (机关), 2080502 / 2101102 (事业);
 *  - economic markers: 政府 codes 501–504 (机关), 505–506 (事业); 30111 (机关), 30107 (事业).
 * A scope is a unit when both the function table and the economic table list units, else the
 * whole book ('*').
 */
import type { Catalog, UnitKind } from '../../catalog';
import { lookup, normalizeName, unitKindOfGov } from '../../catalog';
import type { BudgetBook, GridTable } from '../../model';
import { gridTable } from '../../model';
import type { EconRow, FuncRow } from './common';
import { econRows, funcRows, hasUnits, listIn } from './common';

export type ScopeKind = UnitKind | 'mixed' | undefined;

// A map, not an object: codes like '2080501' would be read as array indices.
const WEAK = new Map<string, UnitKind>([
  ['2080501', '机关'],
  ['2101101', '机关'],
  ['2101103', '机关'],
  ['2080502', '事业'],
  ['2101102', '事业'],
]);

/** The other kind's counterpart of a weak marker (2101102 事业单位医疗 ↔ 2101101 行政单位医疗). */
export const COUNTERPART: Record<string, string> = {
  '2080501': '2080502',
  '2080502': '2080501',
  '2101101': '2101102',
  '2101102': '2101101',
};

export function other(kind: UnitKind): UnitKind {
  return kind === '机关' ? '事业' : '机关';
}

export interface FuncMarker {
  kind: UnitKind;
  strong: boolean;
}

export function funcMarker(r: FuncRow, cat: Catalog): FuncMarker | undefined {
  if (r.func.xiang === undefined) return undefined;
  const name = normalizeName(r.name || lookup(cat, r.func.code)?.name || '');
  if (name === '行政运行') return { kind: '机关', strong: true };
  if (name === '事业运行') return { kind: '事业', strong: true };
  const weak = WEAK.get(r.func.code);
  return weak ? { kind: weak, strong: false } : undefined;
}

export function econMarker(r: EconRow): UnitKind | undefined {
  if (r.econ.gov) return unitKindOfGov(r.econ.gov);
  if (r.econ.dept === '30111') return '机关';
  if (r.econ.dept === '30107') return '事业';
  return undefined;
}

export interface UnitKinds {
  /** Function rows of the reference table (T03, else T05). */
  funcRows: FuncRow[];
  econRows: EconRow[];
  /** Scope of a function row / an economic row, in the shared scheme. */
  funcScope(r: FuncRow): string;
  econScope(r: EconRow): string;
  /** Function rows of a scope ('*' = all). */
  funcIn(scope: string): FuncRow[];
  /** Economic rows of a scope: the per-unit tables' rows of that unit, or every row. */
  econIn(scope: string): EconRow[];
  /** Kind told by function markers (strong first, then weak), else by a clear economic majority. */
  kindOf(scope: string): ScopeKind;
}

const memo = new WeakMap<BudgetBook, WeakMap<Catalog, UnitKinds>>();

/** The unit-kind view of a book (computed once per book and catalogue; rules only read it). */
export function unitKinds(book: BudgetBook, cat: Catalog): UnitKinds {
  let byCat = memo.get(book);
  if (!byCat) memo.set(book, (byCat = new WeakMap()));
  let k = byCat.get(cat);
  if (!k) byCat.set(cat, (k = computeUnitKinds(book, cat)));
  return k;
}

function computeUnitKinds(book: BudgetBook, cat: Catalog): UnitKinds {
  const ref: GridTable | undefined = gridTable(book, 'T03') ?? gridTable(book, 'T05');
  const fRows = ref ? funcRows(book, [ref.id]) : [];
  const eRows = econRows(book);
  const funcByUnit = !!ref && hasUnits(ref);
  const unitEconTables = new Set(eRows.filter((r) => r.row.unitCode).map((r) => r.table.id));
  const funcScope = (r: FuncRow): string => (funcByUnit && unitEconTables.size && r.row.unitCode ? r.row.unitCode : '*');
  const econScope = (r: EconRow): string => (funcByUnit && unitEconTables.has(r.table.id) && r.row.unitCode ? r.row.unitCode : '*');
  const byUnit = new Map<string, FuncRow[]>();
  for (const r of fRows) if (r.row.unitCode) listIn(byUnit, r.row.unitCode).push(r);
  const funcIn = (scope: string): FuncRow[] => (scope === '*' ? fRows : byUnit.get(scope) ?? []);
  const econByUnit = new Map<string, EconRow[]>();
  for (const r of eRows) if (r.row.unitCode && unitEconTables.has(r.table.id)) listIn(econByUnit, r.row.unitCode).push(r);
  const econIn = (scope: string): EconRow[] => (scope === '*' ? eRows : econByUnit.get(scope) ?? []);
  const cache = new Map<string, ScopeKind>();
  const units = funcByUnit ? [...new Set(fRows.map((r) => r.row.unitCode).filter((u): u is string => !!u))] : [];
  const kindOf = (scope: string): ScopeKind => {
    if (cache.has(scope)) return cache.get(scope);
    let kind: ScopeKind;
    if (scope === '*' && units.length > 1) {
      // A department of several units: each unit speaks for itself, the department is their union.
      const kinds = new Set(units.map((u) => decide(funcIn(u), [], cat)).filter((k) => k !== undefined));
      kind = kinds.size === 1 ? [...kinds][0] : kinds.size > 1 ? 'mixed' : decide([], econIn('*'), cat);
    } else kind = decide(scope === '*' ? fRows : funcIn(scope), econIn(scope), cat);
    cache.set(scope, kind);
    return kind;
  };
  return { funcRows: fRows, econRows: eRows, funcScope, econScope, funcIn, econIn, kindOf };
}

function decide(funcs: FuncRow[], econs: EconRow[], cat: Catalog): ScopeKind {
  const strong = new Set<UnitKind>();
  const weak = new Set<UnitKind>();
  for (const r of funcs) {
    const m = funcMarker(r, cat);
    if (m) (m.strong ? strong : weak).add(m.kind);
  }
  const fromSet = (s: Set<UnitKind>): ScopeKind => (s.size === 2 ? 'mixed' : s.size === 1 ? [...s][0] : undefined);
  if (strong.size) return fromSet(strong);
  if (weak.size) return fromSet(weak);
  // No function marker: a clear economic majority (four in five kind-bearing rows).
  let j = 0;
  let s = 0;
  for (const r of econs) {
    const k = econMarker(r);
    if (k === '机关') j++;
    else if (k === '事业') s++;
  }
  if (j + s < 3) return undefined;
  if (j >= 4 * s) return '机关';
  if (s >= 4 * j) return '事业';
  return 'mixed';
}
