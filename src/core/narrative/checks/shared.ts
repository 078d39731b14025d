/** Helpers of the N.* checks: findings on the 说明参数 sheet, amounts in messages. */
import type { CellRef } from '../../grid';
import type { Finding, Severity } from '../../report';
import { PARAMS_SHEET } from '../labels';
import type { Style } from '../format';
import { amt } from '../format';
import { toNumber } from '../../amount';

export interface CheckInput {
  rule: string;
  severity: Severity;
  /** A cell of 说明参数 (string) or a table cell (CellRef). */
  at: string | CellRef | undefined;
  related?: (CellRef | undefined)[];
  expected?: number | string | null;
  actual?: number | string | null;
  message: string;
}

export function finding(i: CheckInput): Finding {
  const at = typeof i.at === 'string' || i.at === undefined ? { sheet: PARAMS_SHEET, cell: i.at ?? '' } : i.at;
  return {
    rule: i.rule,
    severity: i.severity,
    sheet: at.sheet,
    cell: at.cell,
    related: (i.related ?? []).filter((r): r is CellRef => !!r && !!r.cell),
    expected: i.expected ?? null,
    actual: i.actual ?? null,
    message: i.message,
    table: '说明参数',
  };
}

export function paramRef(cell: string | undefined): CellRef | undefined {
  return cell ? { sheet: PARAMS_SHEET, cell } : undefined;
}

/** Scaled → number for expected/actual (exact for published amounts). */
export function num(scaled: number): number {
  return toNumber(scaled);
}

export function money(scaled: number, style: Style): string {
  return amt(scaled, style);
}
