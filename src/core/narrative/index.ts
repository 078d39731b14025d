// PLACEHOLDER — replaced by the narrative generator.
import type { SheetGrid } from '../grid';
import type { BudgetBook } from '../model';
import type { Finding } from '../report';
export type NarrativeParams = Record<string, unknown>;
export function readParams(_grids: SheetGrid[]): NarrativeParams | undefined { return undefined; }
export function checkParams(_book: BudgetBook, _params: NarrativeParams): Finding[] { return []; }
