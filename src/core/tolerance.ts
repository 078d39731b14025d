/**
 * The rounding-tolerance policy of rules.md §1 (尾差). Published amounts are each rounded from
 * values kept in yuan, so a true identity between m rounded terms can be off by up to half a unit
 * per addend. Within the statistical cap it is a rounding tail (info), between the cap and the
 * arithmetic bound it is improbable (warning), beyond the bound it is a real contradiction.
 */
import { toUnits } from './amount';
import type { Severity } from './report';
import { maxOf } from './list';

export type Verdict = { kind: 'pass' } | { kind: 'tail' | 'improbable' | 'broken'; delta: number; bound: number; cap: number };

/**
 * Classifies Δ (in units of the relation's finest decimals).
 * @param m number of non-zero rounded terms on both sides together (a total counts as one)
 * @param oneSideExact one side is an exact number (a count, 100 %, a typed 0)
 */
export function classifyDelta(deltaUnits: number, m: number, oneSideExact = false): Verdict {
  if (deltaUnits === 0) return { kind: 'pass' };
  const bound = oneSideExact ? Math.floor(m / 2) : Math.floor((m - 1) / 2);
  const cap = Math.max(1, Math.ceil(Math.sqrt(m)));
  const d = Math.abs(deltaUnits);
  if (d <= Math.min(bound, cap)) return { kind: 'tail', delta: deltaUnits, bound, cap };
  if (d <= bound) return { kind: 'improbable', delta: deltaUnits, bound, cap };
  return { kind: 'broken', delta: deltaUnits, bound, cap };
}

/** Severity for a verdict given the rule's own severity beyond tolerance; null = no finding. */
export function severityOf(verdict: Verdict, ruleSeverity: Severity): Severity | null {
  switch (verdict.kind) {
    case 'pass':
      return null;
    case 'tail':
      return 'info';
    case 'improbable':
      return 'warning';
    case 'broken':
      return ruleSeverity;
  }
}

export interface Term {
  scaled: number;
  decimals: number;
}

/**
 * Checks total = Σ addends with the policy: converts every term to units of the finest decimals
 * present (round half-up), counts the non-zero terms, classifies.
 */
export function checkSum(total: Term, addends: Term[]): { verdict: Verdict; decimals: number; totalUnits: number; sumUnits: number } {
  const decimals = maxOf(addends.map((a) => a.decimals), Math.max(total.decimals, 0));
  const totalUnits = toUnits(total.scaled, decimals);
  let sumUnits = 0;
  let m = totalUnits !== 0 ? 1 : 0;
  for (const a of addends) {
    const u = toUnits(a.scaled, decimals);
    sumUnits += u;
    if (u !== 0) m++;
  }
  return { verdict: classifyDelta(totalUnits - sumUnits, m), decimals, totalUnits, sumUnits };
}
