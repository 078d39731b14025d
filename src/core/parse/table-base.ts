/** The TableBase part every parsed table shares (title, range, preamble, columns, notes). */
import { a1 } from '../grid';
import type { Note, TableBase, TableId } from '../model';
import type { Block } from '../recognize';
import { findYear } from '../text';
import type { Header, Preamble } from './header';

export function baseOf(block: Block, id: TableId, pre: Preamble, header: Header | undefined, notes: Note[], lastRow: number): TableBase {
  const view = block.view;
  const titleRow = block.titleRow ?? block.top;
  const titleCol = block.titleCol ?? view.left;
  let right = view.left;
  const bottom = Math.max(lastRow, titleRow);
  // Tables are rectangular: the first and last rows tell the width (no need to visit 10,000 rows).
  for (let row = block.top; row <= bottom; row++) {
    right = Math.max(right, view.lastFilledCol(row));
    if (row === block.top + 60 && bottom - row > 60) row = bottom - 60;
  }
  for (const m of view.merges) if (m.top >= block.top && m.top <= bottom && m.right > right) right = Math.min(m.right, view.right);
  return {
    id,
    sheet: view.name,
    range: `${a1(block.top, view.left)}:${a1(bottom, right)}`,
    title: block.title,
    titleRef: view.ref(titleRow, titleCol),
    layout: 'pds',
    year: findYear(block.title) ?? pre.year,
    deptName: pre.deptName,
    unit: pre.unit,
    unitRef: pre.unitRef,
    decimals: 0,
    columns: header?.columns ?? [],
    notes,
    noDataNote: undefined,
  };
}
