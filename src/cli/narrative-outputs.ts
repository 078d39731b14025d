// PLACEHOLDER — the narrative issue writes --narrative / --docx / --init-params here.
import type { SheetGrid } from '../core/grid';
import type { BudgetBook } from '../core/model';
import type { Report } from '../core/report';
import type { CliOptions } from './main';
export async function runNarrativeOutputs(_o: CliOptions, _g: SheetGrid[], _b: BudgetBook, _r: Report): Promise<string[]> {
  return [];
}
