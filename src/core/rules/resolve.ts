/**
 * Localisation: from all failed relations to one finding per defect, at the cell most likely wrong.
 *
 * Every failed relation knows its cells and its signed residual Δ = Σlhs − Σrhs. A wrong cell c
 * (off by ε) shifts every relation it is in by ±ε, so we test hypotheses and keep those that explain
 * many failures while breaking few relations that hold now:
 *   - one cell off by ε (a changed amount, a digit transposition, a changed total);
 *   - the cells of one row changed together (a row kept balanced but wrong against another table);
 *   - a detail row missing under a parent row (the parent no longer adds up in several columns alike);
 *   - one column of a parent's rows shifted into the next column (+x in one column, −x in the next);
 *   - a row one table has and the other lacks (a per-code comparison with an empty side).
 * Score = relations explained − relations broken; the best hypothesis is taken greedily and its
 * relations folded into one finding. What no hypothesis explains is reported per relation at its
 * total (left-hand) cell, as rules.md says.
 */
import { SCALE_DIGITS, toNumber } from '../amount';
import { parseA1 } from '../grid';
import type { CellRef } from '../grid';
import type { Finding, Severity } from '../report';
import type { CellSource, ChildSumShape, Evaluated, Relation, Slice, Term } from './relation';
import { MAX_RELATED_INFO, allTerms, defaultCell, describe, describeAll, eachCell, findingAt, fmtUnits, labelOf, num, otherSideOf, relatedCells, relationFinding, relationHeadline, rowNameOf, shortLabel, statusOf, subjectOf, termOfSource, termsOf, unitsOf } from './relation';
import { pushAll } from '../list';

const SEV_RANK: Record<Severity, number> = { error: 2, warning: 1, info: 0 };
/**
 * On equal evidence: one cell first; a column shift or a missing row before "several cells of one
 * row" (a one-row shift or a changed total row looks like both, and the parent is the cell to show).
 */
const KIND_RANK = { cell: 0, shift: 1, missing: 2, absent: 2, group: 3 } as const;

function keyOf(ref: CellRef): string {
  return `${ref.sheet}!${ref.cell}`;
}

/** Units of 10^-d → scaled (10^-6). */
function unitsToScaled(units: number, d: number): number {
  return units * 10 ** (SCALE_DIGITS - d);
}

/** Scaled → units of 10^-d (exact when the value is a whole number of units). */
function scaledToUnits(scaled: number, d: number): number {
  return Math.round(scaled / 10 ** (SCALE_DIGITS - d));
}

interface Entry {
  e: Evaluated;
  coef: 1 | -1;
  t: Term;
}

interface Hypothesis {
  kind: 'cell' | 'group' | 'missing' | 'shift' | 'absent';
  /** Cell to report. */
  ref: CellRef;
  /** Failing relations (ids) it explains. */
  explains: Set<number>;
  broken: number;
  bonus: number;
  /** For cell/group: corrections by cell key, scaled. */
  fix?: Map<string, number>;
  /** For missing/shift: per-column residuals (units of the relation) and the parent label. */
  detail?: { label: string; cols: string[]; amounts: string[]; note: string };
  term?: Term;
  score: number;
  /** Nesting level of a structural hypothesis's parent row (deeper = closer to the details). */
  depth?: number;
  /** The cell's digits are those of the expected amount with two neighbours swapped. */
  transposed?: boolean;
  /** Holding relations the correction brings closer to exact, minus those it pushes away. */
  support?: number;
}

/** A binary heap (max by `before`) for the greedy choice. */
class Heap<T> {
  private a: T[] = [];
  constructor(private before: (x: T, y: T) => boolean) {}
  get size(): number {
    return this.a.length;
  }
  push(x: T): void {
    const a = this.a;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  pop(): T | undefined {
    const a = this.a;
    if (!a.length) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.before(a[l], a[m])) m = l;
        if (r < a.length && this.before(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

/** Would relation e be within tolerance with residual Δ' (units)? */
function okWith(e: Evaluated, deltaUnits: number): boolean {
  return statusOf(e.rel, deltaUnits, e.m).status !== 'fail';
}

/** Both sides must agree (not a one-sided ≤ / ≥, where a gap is no evidence of anything). */
function isEquality(rel: Relation): boolean {
  return rel.below !== null;
}

function isFailing(e: Evaluated): boolean {
  return e.status === 'fail';
}

/** Is `a` the number `b` with two adjacent digits swapped (171.5 vs 117.5; 149.80 vs 148.90 across the point)? */
export function isTransposition(x: string, y: string): boolean {
  if (x.indexOf('.') !== y.indexOf('.')) return false;
  const a = x.replace('.', '');
  const b = y.replace('.', '');
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

export function resolve(evaluated: Evaluated[]): Finding[] {
  const out: Finding[] = [];
  const failing = evaluated.filter(isFailing);
  // Info: rounding tails and advice, merged per cell.
  pushAll(out, mergeInfos(evaluated.filter((e) => e.severity === 'info')));
  if (!failing.length) return out;

  // Cells of failed relations are the suspects; index every relation they take part in. The lists
  // are made per suspect up front and found by sheet, then cell: the pass over every cell of every
  // relation below then allocates nothing for the cells that are not suspects (most of them).
  const bySheet = new Map<string, Map<string, Entry[]>>();
  const suspect = (ref: CellRef | undefined): boolean => {
    if (!ref) return false;
    let cells = bySheet.get(ref.sheet);
    if (!cells) bySheet.set(ref.sheet, (cells = new Map()));
    if (!cells.has(ref.cell)) cells.set(ref.cell, []);
    return false;
  };
  for (const e of failing) for (const side of SIDES) suspectsOf(e.rel, side, suspect);
  // Listed in the order first met (the order hypotheses are made in).
  const index = new Map<string, Entry[]>();
  let current: Evaluated;
  let coef: 1 | -1 = 1;
  const visit = (ref: CellRef | undefined, src: CellSource): boolean => {
    const l = ref && bySheet.get(ref.sheet)?.get(ref.cell);
    if (!l) return false;
    if (!l.length) index.set(keyOf(ref), l);
    l.push({ e: current, coef, t: termOfSource(src) });
    return false;
  };
  for (const e of evaluated) {
    current = e;
    coef = 1;
    eachCell(e.rel, 'lhs', visit);
    coef = -1;
    eachCell(e.rel, 'rhs', visit);
  }

  const hyps: Hypothesis[] = [];
  const single = new Map<string, Hypothesis>();
  for (const [k, entries] of index) {
    const h = cellHypothesis(k, entries);
    if (h) {
      single.set(k, h);
      hyps.push(h);
    }
  }
  pushAll(hyps, groupHypotheses(single, index));
  pushAll(hyps, structuralHypotheses(evaluated, failing));
  pushAll(hyps, absentRowHypotheses(evaluated, failing));

  // Greedy: best score first; scores only fall as relations are consumed (lazy re-evaluation).
  const remaining = new Set(failing.map((e) => e.id));
  const byId = new Map(evaluated.map((e) => [e.id, e]));
  const scoreOf = (h: Hypothesis): number => {
    let n = 0;
    for (const id of h.explains) if (remaining.has(id)) n++;
    return n === 0 ? -Infinity : n - h.broken + h.bonus;
  };
  for (const h of hyps) h.score = scoreOf(h);
  const order = (a: Hypothesis, b: Hypothesis): number => b.score - a.score || b.explains.size - a.explains.size || KIND_RANK[a.kind] - KIND_RANK[b.kind] || (b.depth ?? 0) - (a.depth ?? 0) || readingOrder(a.ref, b.ref);
  const heap = new Heap<Hypothesis>((a, b) => order(a, b) < 0);
  for (const h of hyps) if (h.score > 0) heap.push(h);
  while (heap.size) {
    const h = heap.pop()!;
    const s = scoreOf(h);
    if (s !== h.score) {
      // Some of its relations were taken by a better hypothesis: re-queue with the lower score.
      h.score = s;
      if (s > 0) heap.push(h);
      continue;
    }
    const ids = [...h.explains].filter((id) => remaining.has(id));
    for (const id of ids) remaining.delete(id);
    out.push(hypothesisFinding(h, ids.map((id) => byId.get(id)!)));
  }
  pushAll(out, mergeDefaults(failing.filter((e) => remaining.has(e.id))));
  return out;
}

const SIDES = ['lhs', 'rhs'] as const;

/**
 * A failed relation's cells that may be the wrong one. A sum over a long slice (a 合计 row against
 * thousands of detail rows) names only its explicit cells: a wrong detail cell also fails its own
 * smaller relations (its row, its unit's sum) and is a suspect through them. Without this bound a
 * large workbook with a few failed totals makes nearly every cell a suspect, and the cost grows with
 * the product of failures and size.
 */
const SUSPECT_SLICE_CELLS = 2000;
function suspectsOf(rel: Relation, side: 'lhs' | 'rhs', add: (ref: CellRef | undefined) => boolean): void {
  const sl = side === 'lhs' ? rel.lhsSlice : rel.rhsSlice;
  if (sl && sl.rows.length * sl.cols.length > SUSPECT_SLICE_CELLS) {
    for (const t of side === 'lhs' ? rel.lhs : rel.rhs) add(t.ref);
    return;
  }
  eachCell(rel, side, add);
}

function readingOrder(a: CellRef, b: CellRef): number {
  if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
  const p = parseA1(a.cell);
  const q = parseA1(b.cell);
  return p.row - q.row || p.col - q.col;
}

/** Best correction ε of one cell: the one that explains most failed relations and breaks fewest holding ones. */
function cellHypothesis(k: string, entries: Entry[]): Hypothesis | undefined {
  const fails = entries.filter((x) => isFailing(x.e));
  if (!fails.length) return undefined;
  const t = entries[0].t;
  let best: Hypothesis | undefined;
  const tried = new Set<number>();
  for (const f of fails) {
    // ε (scaled) that makes f hold exactly: Δ − coef·ε = 0.
    const eps = unitsToScaled(f.e.deltaUnits * f.coef, f.e.rel.decimals);
    if (tried.has(eps) || eps === 0) continue;
    tried.add(eps);
    const explains = new Set<number>();
    let broken = 0;
    let lhsBonus = 0;
    let closer = 0;
    for (const x of entries) {
      const d = x.e.deltaUnits - x.coef * scaledToUnits(eps, x.e.rel.decimals);
      const ok = okWith(x.e, d);
      if (isFailing(x.e)) {
        if (ok) {
          explains.add(x.e.id);
          if (x.coef === 1) lhsBonus = 0.1;
        }
      } else if (!ok) broken++;
      else if (isEquality(x.e.rel)) closer += Math.sign(Math.abs(x.e.deltaUnits) - Math.abs(d));
    }
    const dec = f.e.rel.decimals;
    const now = fmtUnits(unitsOf(t, dec), dec);
    const was = fmtUnits(unitsOf({ ...t, scaled: t.scaled - eps }, dec), dec);
    const transposed = isTransposition(now.replace('-', ''), was.replace('-', ''));
    // A small change can fail only a two-cell relation (合计 = 人员经费 + 公用经费) and hide in a long
    // column's allowance; the holding relations the correction brings closer to exact (or pushes
    // away) then tell which of the two cells it was. Worth less than one relation explained.
    // It only ranks corrections that explain more than they break: it never makes one.
    const soft = Math.max(-0.4, Math.min(0.4, 0.2 * closer));
    const bonus = lhsBonus + (transposed ? 0.5 : 0) + (explains.size > broken ? soft : Math.min(0, soft));
    const h: Hypothesis = { kind: 'cell', ref: t.ref!, explains, broken, bonus, fix: new Map([[k, eps]]), term: t, score: 0, transposed, support: closer };
    if (!best || explains.size - broken + bonus > best.explains.size - best.broken + best.bonus) best = h;
  }
  return best;
}

/** Cells of one row (or one form) changed together: the table stays balanced, another table disagrees. */
function groupHypotheses(single: Map<string, Hypothesis>, index: Map<string, Entry[]>): Hypothesis[] {
  const groups = new Map<string, Hypothesis[]>();
  for (const h of single.values()) {
    if (!h.explains.size || !h.term?.ref) continue;
    const g = h.term.group ?? (h.term.row !== undefined ? `${h.term.ref.sheet}!${h.term.row}` : undefined);
    if (!g) continue;
    const l = groups.get(g) ?? [];
    l.push(h);
    groups.set(g, l);
  }
  const out: Hypothesis[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const fix = new Map<string, number>();
    for (const m of members) for (const [k, v] of m.fix!) fix.set(k, v);
    // Residual change of every relation the members are in, accumulated from the index entries.
    const shift = new Map<number, { e: Evaluated; units: number }>();
    for (const [k, eps] of fix) {
      for (const x of index.get(k) ?? []) {
        const cur = shift.get(x.e.id) ?? { e: x.e, units: 0 };
        cur.units += x.coef * scaledToUnits(eps, x.e.rel.decimals);
        shift.set(x.e.id, cur);
      }
    }
    const explains = new Set<number>();
    let broken = 0;
    for (const [id, { e, units }] of shift) {
      const ok = okWith(e, e.deltaUnits - units);
      if (isFailing(e)) {
        if (ok) explains.add(id);
      } else if (!ok) broken++;
    }
    // Cells changed together keep their own table balanced: only another table can show it. Without a
    // cross-table relation explained, "this row is off" is just a missing row seen from a sibling.
    // The row must itself be compared with another table (its cell named in the relation, not one
    // addend of a Σ that any sibling row could also explain).
    const named = [...fix.keys()].some((k) => (index.get(k) ?? []).some((x) => x.e.rel.tables.length > 1 && explains.has(x.e.id) && isExplicit(x)));
    if (!named) continue;
    const lead = [...members].sort((a, b) => b.explains.size - a.explains.size || readingOrder(a.ref, b.ref))[0];
    out.push({ kind: 'group', ref: lead.ref, explains, broken, bonus: 0, fix, term: lead.term, score: 0 });
  }
  return out;
}

interface ParentSum {
  e: Evaluated;
  sheet: string;
  parentRow: number;
  col: string;
  level: number;
  leaf: boolean;
  rows: Set<number>;
}

/** Missing detail rows and shifted columns, found from the parents that no longer add up. */
function structuralHypotheses(all: Evaluated[], failing: Evaluated[]): Hypothesis[] {
  const sums: ParentSum[] = [];
  for (const e of failing) {
    const s = e.rel.shape;
    if (s?.kind !== 'childSum') continue;
    sums.push({ e, sheet: s.sheet, parentRow: s.parentRow, col: s.col, level: s.level, leaf: s.leaf, rows: rhsRows(e) });
  }
  if (!sums.length) return [];
  const byParent = new Map<string, ParentSum[]>();
  for (const p of sums) {
    const k = `${p.sheet}!${p.parentRow}`;
    const l = byParent.get(k) ?? [];
    l.push(p);
    byParent.set(k, l);
  }
  // Every column the failing parents sum (holding ones too), with its sheet column number: a shift
  // goes into the next amount column to the right.
  const colsOfParent = new Map<string, Map<string, number>>();
  for (const e of all) {
    const s = e.rel.shape;
    if (s?.kind !== 'childSum') continue;
    const k = `${s.sheet}!${s.parentRow}`;
    if (!byParent.has(k)) continue;
    const ref = e.rel.lhs[0]?.ref;
    if (!ref) continue;
    let m = colsOfParent.get(k);
    if (!m) colsOfParent.set(k, (m = new Map()));
    if (!m.has(s.col)) m.set(s.col, parseA1(ref.cell).col);
  }
  const failingByTable = new Map<string, Evaluated[]>();
  for (const e of failing) {
    if (e.rel.shape?.kind !== 'cross') continue;
    for (const t of e.rel.tables) {
      const l = failingByTable.get(t) ?? [];
      l.push(e);
      failingByTable.set(t, l);
    }
  }
  const out: Hypothesis[] = [];
  for (const [pk, own] of byParent) {
    const { sheet, parentRow } = own[0];
    const colNum = colsOfParent.get(pk) ?? new Map<string, number>();
    const cols = [...own].sort((a, b) => (colNum.get(a.col) ?? 0) - (colNum.get(b.col) ?? 0));
    const label = (own[0].e.rel.lhs[0] && rowNameOf(own[0].e.rel.lhs[0])) ?? `第${parentRow}行`;
    const parentTerm = (p: ParentSum): Term | undefined => p.e.rel.lhs[0];
    // (1) a missing (or extra) detail row: every failing column off in the same direction.
    const signs = new Set(cols.map((p) => Math.sign(p.e.deltaUnits)));
    // A deleted row shows in at least two columns (its total and a part); one column alone is a cell.
    // And it is missed first by its own parent: a parent whose detail rows add up elsewhere (合计 over
    // departments that agree with their rows) is itself wrong, not short of a row.
    const colsSeen = new Set(cols.map((p) => p.col));
    if (signs.size === 1 && colsSeen.size >= 2 && cols.some((p) => p.leaf)) {
      const explains = new Set<number>();
      const v = new Map<string, number>(); // col → Δ scaled
      for (const p of cols) {
        explains.add(p.e.id);
        v.set(p.col, unitsToScaled(p.e.deltaUnits, p.e.rel.decimals));
      }
      for (const q of sums) {
        if (q.sheet !== sheet || q.parentRow === parentRow) continue;
        const mine = own.find((p) => p.col === q.col);
        // A parent left with no rows at all sits under the 合计 only (the 合计 = Σ every detail row).
        if (!mine || !(mine.rows.size ? covers(q.rows, mine.rows) : q.level === 0)) continue;
        if (okWith(q.e, q.e.deltaUnits - scaledToUnits(v.get(q.col)!, q.e.rel.decimals))) explains.add(q.e.id);
      }
      // Relations with another table that see the same amount missing (class sums, …) — not those
      // that compare one detail row of this table with another table: that row exists.
      const table = own[0].e.rel.table;
      const details = detailRowsOf(own);
      for (const e of table ? failingByTable.get(table) ?? [] : []) {
        if (explains.has(e.id) || pointsAtOneDetail(e, sheet, details)) continue;
        for (const amount of v.values()) {
          const u = scaledToUnits(amount, e.rel.decimals);
          if (okWith(e, e.deltaUnits - u) || okWith(e, e.deltaUnits + u)) {
            explains.add(e.id);
            break;
          }
        }
      }
      const first = parentTerm(cols[0]);
      if (first?.ref) {
        const d = cols[0].e.rel.decimals;
        const sign = cols[0].e.deltaUnits > 0;
        out.push({
          kind: 'missing',
          depth: own[0].level,
          ref: first.ref,
          explains,
          broken: 0,
          bonus: 0,
          term: first,
          score: 0,
          detail: {
            label,
            cols: [...colsSeen],
            amounts: [...colsSeen].map((c) => fmtUnits(Math.abs(cols.find((p) => p.col === c)!.e.deltaUnits), d)),
            note: sign ? '其下各行之和少于该行：可能漏列或删除了一行明细' : '其下各行之和多于该行：可能多列或重复了一行明细',
          },
        });
      }
    }
    // (2) one column of this parent's rows moved into the next column: +x here, −x there.
    for (const a of cols) {
      if (a.e.deltaUnits <= 0) continue;
      const na = colNum.get(a.col) ?? 0;
      let nb = Infinity;
      let next: string | undefined;
      for (const [c, n] of colNum) if (n > na && n < nb) [nb, next] = [n, c];
      const b = cols.find((p) => p.col === next);
      if (!b || b.e.deltaUnits >= 0) continue;
      const explains = new Set<number>([a.e.id, b.e.id]);
      const va = unitsToScaled(a.e.deltaUnits, a.e.rel.decimals);
      const vb = unitsToScaled(b.e.deltaUnits, b.e.rel.decimals);
      for (const q of sums) {
        if (q.sheet !== sheet || q.parentRow === parentRow || (q.col !== a.col && q.col !== b.col)) continue;
        const mine = q.col === a.col ? a : b;
        if (!covers(q.rows, mine.rows)) continue;
        if (okWith(q.e, q.e.deltaUnits - scaledToUnits(q.col === a.col ? va : vb, q.e.rel.decimals))) explains.add(q.e.id);
      }
      // Row and cross relations of the shifted rows: off by the amount that now sits in column b.
      const moved = new Map<number, number>();
      for (const t of termsOf(b.e.rel, 'rhs')) if (t.row !== undefined && t.scaled !== 0) moved.set(t.row, t.scaled);
      for (const e of failing) {
        if (explains.has(e.id)) continue;
        for (const t of allTerms(e.rel)) {
          if (t.ref?.sheet !== sheet || t.row === undefined || (t.col !== a.col && t.col !== b.col)) continue;
          const m = moved.get(t.row);
          if (m === undefined) continue;
          const u = scaledToUnits(m, e.rel.decimals);
          if (okWith(e, e.deltaUnits - u) || okWith(e, e.deltaUnits + u)) {
            explains.add(e.id);
            break;
          }
        }
      }
      const at = parentTerm(a);
      if (!at?.ref) continue;
      const d = a.e.rel.decimals;
      out.push({
        kind: 'shift',
        depth: a.level,
        ref: at.ref,
        explains,
        broken: 0,
        bonus: 0,
        term: at,
        score: 0,
        detail: { label, cols: [a.col, b.col], amounts: [fmtUnits(a.e.deltaUnits, d), fmtUnits(-b.e.deltaUnits, d)], note: '' },
      });
    }
  }
  return out;
}

/**
 * A relation that compares a row (or a code's rows) with another table where that table is short of
 * the amount, because a row is missing there:
 *  - the table has no such row at all: point at the parent row whose own sum has room for the amount
 *    (the deepest such parent; among equals the best fit);
 *  - the table still has rows of that code under other units (T07 by unit against a department-wide
 *    T06): a small row deleted under one unit hides in that unit's rounding allowance, but its sum
 *    now shows the same shortfall as a tail. Point at that unit when exactly one fits.
 * Either way at the parent's first amount column.
 */
function absentRowHypotheses(all: Evaluated[], failing: Evaluated[]): Hypothesis[] {
  const out: Hypothesis[] = [];
  let parents: Map<string, Evaluated[]> | undefined;
  for (const e of failing) {
    for (const side of ['lhs', 'rhs'] as const) {
      const sl = side === 'lhs' ? e.rel.lhsSlice : e.rel.rhsSlice;
      const explicit = side === 'lhs' ? e.rel.lhs : e.rel.rhs;
      if (!sl || explicit.length) continue;
      // The short side is short by the amount: lhs short → Δ < 0; rhs short → Δ > 0.
      if ((side === 'lhs' ? -1 : 1) * e.deltaUnits <= 0) continue;
      parents ??= childSumsByTable(all);
      const amount = Math.abs(e.deltaUnits);
      const sums = parents.get(sl.table) ?? [];
      const absent = !sl.rows.length;
      const best = absent ? roomiest(sums, sl.cols[0], amount, e.rel.decimals) : hiddenUnder(sums, sl, amount, e.rel.decimals);
      if (!best) continue;
      const s = best.rel.shape as ChildSumShape;
      const first = firstAmountTerm(sums, best);
      if (!first?.ref) continue;
      const text = side === 'lhs' ? e.rel.lhsText : e.rel.rhsText;
      const shown = fmtUnits(amount, e.rel.decimals);
      out.push({
        kind: 'absent',
        ref: first.ref,
        explains: new Set([e.id]),
        broken: 0,
        bonus: 0,
        term: first,
        score: 0,
        depth: s.level,
        detail: {
          label: rowNameOf(first) ?? first.ref.cell,
          cols: [],
          amounts: [shown],
          note: absent
            ? `${text} 在本表中没有对应行（另一表为 ${shown}）：可能漏列或删除了这一行`
            : `${text} 比另一表少 ${shown}，本行${s.col}也正好比其下各行之和多 ${shown}，而大多数单位都有这一科目：其下可能漏列或删除了这一科目的一行`,
        },
      });
    }
  }
  return out;
}

/** The childSum relations of every table, by table id. */
function childSumsByTable(all: Evaluated[]): Map<string, Evaluated[]> {
  const parents = new Map<string, Evaluated[]>();
  for (const x of all) {
    if (x.rel.shape?.kind !== 'childSum') continue;
    const k = x.rel.table ?? '';
    const l = parents.get(k) ?? [];
    l.push(x);
    parents.set(k, l);
  }
  return parents;
}

/** The parent sum in `col` that still holds with the amount added: the deepest, then the best fit. */
function roomiest(sums: Evaluated[], col: string, amount: number, decimals: number): Evaluated | undefined {
  let best: { x: Evaluated; level: number; fit: number } | undefined;
  for (const x of sums) {
    const s = x.rel.shape as ChildSumShape;
    if (s.col !== col) continue;
    const d = x.deltaUnits - scaledToUnits(unitsToScaled(amount, decimals), x.rel.decimals);
    if (!okWith(x, d)) continue;
    const fit = Math.abs(d);
    if (!best || s.level > best.level || (s.level === best.level && fit < best.fit)) best = { x, level: s.level, fit };
  }
  return best?.x;
}

/**
 * The one parent of detail rows (a unit) that lacks a row of the slice's code although at least two
 * thirds of the units have one, and whose sum in the slice's column is off by exactly the missing
 * amount. Anything looser would, among a hundred units, find some unit whose own rounding tail happens
 * to fit; and two units that fit equally tell nothing.
 */
function hiddenUnder(sums: Evaluated[], sl: Slice, amount: number, decimals: number): Evaluated | undefined {
  const col = sl.cols[0];
  const sliceRows = new Set(sl.rows.map((r) => r.row));
  let units = 0;
  let lacking = 0;
  const fits: Evaluated[] = [];
  for (const x of sums) {
    const s = x.rel.shape as ChildSumShape;
    if (s.col !== col || !s.leaf) continue;
    units++;
    if (sharesRow(rhsRows(x), sliceRows)) continue;
    lacking++;
    if (x.deltaUnits && x.deltaUnits === scaledToUnits(unitsToScaled(amount, decimals), x.rel.decimals)) fits.push(x);
  }
  return fits.length === 1 && lacking * 3 <= units ? fits[0] : undefined;
}

/**
 * Rows of a relation's right-hand terms (-1 for a term without a row), built once per relation: the
 * absent-row search asks it of every parent sum for every failed comparison.
 */
const rhsRowCache = new WeakMap<Evaluated, Set<number>>();
function rhsRows(e: Evaluated): Set<number> {
  let rows = rhsRowCache.get(e);
  if (!rows) rhsRowCache.set(e, (rows = new Set(termsOf(e.rel, 'rhs').map((t) => t.row ?? -1))));
  return rows;
}

function sharesRow(a: Set<number>, b: Set<number>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (x !== -1 && large.has(x)) return true;
  return false;
}

/** The parent's first amount column (its 合计/总计), from its child sums. */
function firstAmountTerm(sums: Evaluated[], parent: Evaluated): Term | undefined {
  const s = parent.rel.shape as ChildSumShape;
  let first = parent.rel.lhs[0];
  for (const x of sums) {
    const t = x.rel.lhs[0];
    const xs = x.rel.shape as ChildSumShape;
    if (xs.sheet !== s.sheet || xs.parentRow !== s.parentRow || !t?.ref || !first?.ref) continue;
    if (parseA1(t.ref.cell).col < parseA1(first.ref.cell).col) first = t;
  }
  return first;
}

/** Rows that are addends somewhere under this parent (its details). */
function detailRowsOf(own: ParentSum[]): Set<number> {
  const s = new Set<number>();
  for (const p of own) for (const r of p.rows) s.add(r);
  return s;
}

/** A relation that names one of the parent's detail rows explicitly (not as one addend of a Σ): that row exists. */
function pointsAtOneDetail(e: Evaluated, sheet: string, details: Set<number>): boolean {
  return e.rel.lhs.concat(e.rel.rhs).some((t) => t.ref?.sheet === sheet && t.row !== undefined && details.has(t.row));
}

function isExplicit(x: Entry): boolean {
  return x.e.rel.lhs.includes(x.t) || x.e.rel.rhs.includes(x.t);
}

/** Does an ancestor's sum (rows `outer`) include every row of `inner`? Then a row missing under the inner parent is missing there too. */
function covers(outer: Set<number>, inner: Set<number>): boolean {
  let any = false;
  for (const x of inner) {
    if (x === -1) continue;
    if (!outer.has(x)) return false;
    any = true;
  }
  return any;
}

/** Relation order for the message: within-table identities where the cell is the total first. */
function primary(h: Hypothesis, rels: Evaluated[]): Evaluated {
  const k = keyOf(h.ref);
  const rank = (e: Evaluated): number => {
    const isLhs = termsOf(e.rel, 'lhs').some((t) => t.ref && keyOf(t.ref) === k);
    const within = e.rel.tables.length === 1;
    return (isLhs ? 0 : 2) + (within ? 0 : 1);
  };
  return [...rels].sort((a, b) => rank(a) - rank(b) || SEV_RANK[b.severity ?? 'info'] - SEV_RANK[a.severity ?? 'info'])[0];
}

/**
 * Is the correction sure enough to tell the user the number to type? Only when the one cell explains
 * two relations or more (the figure is pinned from two sides), the holding relations it is in come
 * closer to exact with it, its digits are the expected ones swapped, or a row changed together
 * disagrees with another table. One relation alone could as well be fixed at any of its other cells:
 * then the finding says which relation and by how much, no 应为.
 */
function isConfident(h: Hypothesis, explained: number): boolean {
  return h.broken === 0 && (h.kind === 'group' || h.transposed === true || explained >= 2 || (h.support ?? 0) > 0);
}

function hypothesisFinding(h: Hypothesis, rels: Evaluated[]): Finding {
  const p = primary(h, rels);
  const severity = rels.reduce<Severity>((s, e) => (SEV_RANK[e.severity ?? 'info'] > SEV_RANK[s] ? e.severity! : s), 'info');
  const detail = describeAll(rels);
  const reasons = rels.slice(0, 3).map(describe).join('；') + (rels.length > 3 ? `；等 ${rels.length} 处` : '');
  const d = p.rel.decimals;
  const base = { rule: p.rel.rule, severity, sheet: h.ref.sheet, cell: h.ref.cell, related: relatedCells(rels.map((e) => e.rel), h.ref), table: p.rel.table ?? h.term?.table, detail };
  const label = h.term ? labelOf(h.term) : h.ref.cell;
  const short = shortLabel(label) || label;
  if (h.kind === 'cell' || h.kind === 'group') {
    const eps = h.fix!.get(keyOf(h.ref)) ?? 0;
    const actual = h.term!.scaled;
    const expected = actual - eps;
    const exp = fmtUnits(scaledToUnits(expected, d), d);
    const act = fmtUnits(scaledToUnits(actual, d), d);
    const gap = fmtUnits(Math.abs(scaledToUnits(eps, d)), d);
    const others = h.kind === 'group' ? `（同一行/表内的 ${h.fix!.size - 1} 个单元格随之改动，本表自身仍平衡）` : h.transposed ? '（疑似两位数字顺序颠倒）' : '';
    if (isConfident(h, rels.length)) {
      return {
        ...base,
        expected: num(scaledToUnits(expected, d), d),
        actual: num(scaledToUnits(actual, d), d),
        message: `${label} 应为 ${exp}，实为 ${act}${others}：${reasons}`,
        headline: `${short}：应为 ${exp}，实为 ${act}，差 ${gap}${h.transposed ? '（疑似数字颠倒）' : h.kind === 'group' ? `（同行 ${h.fix!.size} 格一起改动）` : ''}`,
      };
    }
    // One relation only: the amount may as well be wrong at another of its cells (listed as 相关).
    const isTotal = termsOf(p.rel, 'lhs').some((t) => t.ref && keyOf(t.ref) === keyOf(h.ref));
    const other = isTotal ? otherSideOf(p.rel) : subjectOf(p.rel);
    return {
      ...base,
      expected: null,
      actual: num(scaledToUnits(actual, d), d),
      message: `${label} 与${other}不符（差 ${gap}）：${reasons}`,
      headline: `${short}：与${other}不符，差 ${gap}，请核对本格及相关单元格`,
    };
  }
  const det = h.detail!;
  const where = shortLabel(det.label) || det.label;
  if (h.kind === 'absent') {
    return { ...base, expected: null, actual: toNumber(h.term!.scaled), message: `${det.label}：${det.note}。${reasons}`, headline: `${where}：其下可能漏列了一行（另一表多 ${det.amounts[0]}）` };
  }
  if (h.kind === 'missing') {
    const fewer = det.note.includes('少于');
    return {
      ...base,
      expected: null,
      actual: toNumber(h.term!.scaled),
      message: `${det.label} 与其下各行不符（${det.cols.map((c, i) => `${c} 差 ${det.amounts[i]}`).join('，')}）：${det.note}。${reasons}`,
      headline: `${where}：其下各行之和${fewer ? '少' : '多'} ${det.amounts[0]}，可能${fewer ? '漏列或删除' : '多列或重复'}了一行明细`,
    };
  }
  return {
    ...base,
    expected: null,
    actual: toNumber(h.term!.scaled),
    message: `${det.label} 的“${det.cols[0]}”比其下各行之和多 ${det.amounts[0]}，“${det.cols[1]}”少 ${det.amounts[1]}：其下若干行的“${det.cols[0]}”金额可能错填到了右侧“${det.cols[1]}”列。${reasons}`,
    headline: `${where}：其下若干行的“${det.cols[0]}”可能错填到右侧“${det.cols[1]}”列（差 ${det.amounts[0]}）`,
  };
}

/** Unexplained failed relations, one finding per total cell (several relations at one cell merged). */
function mergeDefaults(rels: Evaluated[]): Finding[] {
  return mergeAtCells(rels, (group) => {
    const f = relationFinding(group[0], group.reduce<Severity>((s, e) => (SEV_RANK[e.severity!] > SEV_RANK[s] ? e.severity! : s), 'info'));
    if (group.length > 1) {
      f.message = group.map(describe).join('；');
      f.detail = describeAll(group);
      f.headline = `${relationHeadline(group[0])}（另有 ${group.length - 1} 个等式不平，见详情）`;
      f.related = relatedCells(group.map((e) => e.rel), { sheet: f.sheet, cell: f.cell });
    }
    return f;
  });
}

function mergeInfos(rels: Evaluated[]): Finding[] {
  return mergeAtCells(rels, (group, cell) => {
    if (group.length === 1) return relationFinding(group[0], 'info');
    // Several relations at one cell (a group always has its cell): one merged message, the largest tail shown.
    const message = group.map((e) => (e.status === 'tail' ? '尾差：' : '') + describe(e)).join('；') + '，在四舍五入允许范围内';
    const f = findingAt(group[0], 'info', cell, message, relatedCells(group.map((e) => e.rel), cell, MAX_RELATED_INFO));
    const largest = group.reduce((a, b) => (Math.abs(b.deltaUnits) > Math.abs(a.deltaUnits) ? b : a));
    f.headline = relationHeadline(largest);
    f.detail = describeAll(group);
    return f;
  });
}

function mergeAtCells(rels: Evaluated[], make: (group: Evaluated[], cell: CellRef | undefined) => Finding): Finding[] {
  // Groups in order of first appearance; found by sheet, then cell (a relation without a cell alone).
  const groups: { cell: CellRef | undefined; group: Evaluated[] }[] = [];
  const bySheet = new Map<string, Map<string, Evaluated[]>>();
  for (const e of rels) {
    const c = defaultCell(e.rel);
    if (!c) {
      groups.push({ cell: c, group: [e] });
      continue;
    }
    let cells = bySheet.get(c.sheet);
    if (!cells) bySheet.set(c.sheet, (cells = new Map()));
    let group = cells.get(c.cell);
    if (!group) {
      cells.set(c.cell, (group = []));
      groups.push({ cell: c, group });
    }
    group.push(e);
  }
  return groups.map(({ group, cell }) => make(group, cell));
}
