/** T08 “三公”经费: one data row of six amounts under a two-row header. */
import type { Amount } from '../amount';
import type { Note, T08Table } from '../model';
import type { Block } from '../recognize';
import type { TableSpec } from '../tables/spec';
import type { ParseContext } from './context';
import type { Preamble } from './header';
import { readHeader } from './header';
import { amountsOf, hasAmount, isNoData, readBody } from './body';
import { baseOf } from './table-base';

export function parseT08(block: Block, spec: TableSpec, ctx: ParseContext): T08Table {
  const view = block.view;
  const pre: Preamble = {};
  const header = readHeader(view, block, spec, pre);
  ctx.useUnit(spec.id, pre.unit);
  const notes: Note[] = [];
  let amounts: Record<string, Amount> = {};
  let found = false;
  const last = readBody(block, header, notes, (row) => {
    if (found) return false;
    // The data row: the first row after the header that is not a note (blank cells read as blank).
    const a = amountsOf(view, row, header, ctx, 'T08');
    if (!hasAmount(a) && !Object.keys(a).length) return false;
    amounts = a;
    found = true;
    if (view.hidden.has(row)) ctx.tally('T08', 'hidden-row', view.ref(row, view.left), '');
    return true;
  });
  const base = baseOf(block, 'T08', pre, header, notes, last);
  return { ...base, kind: 't08', id: 'T08', amounts, noDataNote: notes.find(isNoData) };
}
