/**
 * readBook: SheetGrid[] → BudgetBook. Recognise the table blocks, parse each with its table's
 * parser, then the workbook-level facts (layout, unit, department, year, decimals) and the P.*
 * presence/consistency issues (rules.md §2). Never throws: a sheet or table that cannot be read
 * becomes an issue.
 */
import type { SheetGrid } from '../grid';
import type { BudgetBook, ParsedTable, TableId } from '../model';
import { recognize, type Block } from '../recognize';
import { SPECS } from '../tables';
import { TABLE_NAMES } from '../tables/names';
import { squash } from '../text';
import { ParseContext } from './context';
import { preambleOf, type Preamble } from './header';
import { parseGrid, type Known } from './grid';
import { parseLines } from './lines';
import { parseT08 } from './t08';
import { parseT11 } from './t11';
import { parseT12 } from './t12';
import { SheetView } from './sheet';
import { bookChecks } from './book-checks';
import { readNoteIssues } from './read-notes';

export function readBook(grids: SheetGrid[]): BudgetBook {
  const ctx = new ParseContext();
  const views: SheetView[] = [];
  for (const g of Array.isArray(grids) ? grids : []) {
    try {
      views.push(new SheetView(g));
    } catch (e) {
      ctx.add({ rule: 'P.sheet', severity: 'warning', ref: { sheet: String(g?.name ?? ''), cell: '' }, message: `工作表“${String(g?.name ?? '')}”无法读取（${(e as Error).message}），已跳过` });
    }
  }
  for (const issue of readNoteIssues(Array.isArray(grids) ? grids : [])) ctx.add(issue);
  const { blocks, announced } = recognize(views);
  const known: Known = { deptName: firstDeptName(blocks) };
  const tables: Partial<Record<TableId, ParsedTable>> = {};
  for (const block of blocks) {
    const existing = tables[block.id];
    if (existing) {
      ctx.add({
        rule: 'P.duplicate',
        severity: 'warning',
        ref: block.view.ref(block.titleRow ?? block.top, block.titleCol ?? block.view.left),
        related: [existing.titleRef],
        table: block.id,
        message: `“${TABLE_NAMES[block.id]}”出现了两次：已校验 ${existing.sheet}!${existing.titleRef.cell} 处的表，${block.view.name} 中的这一份未校验`,
      });
      continue;
    }
    try {
      tables[block.id] = parseBlock(block, ctx, known);
    } catch (e) {
      ctx.add({
        rule: 'P.table',
        severity: 'warning',
        ref: block.view.ref(block.titleRow ?? block.top, block.titleCol ?? block.view.left),
        table: block.id,
        message: `“${TABLE_NAMES[block.id]}”（${block.view.name}）无法解析：${String((e as Error)?.message ?? e).slice(0, 120)}`,
      });
    }
  }
  ctx.flush();
  const used = new Set(blocks.map((b) => b.view.name));
  const book: BudgetBook = {
    tables,
    layout: 'pds',
    unit: '万元',
    issues: ctx.issues,
    otherSheets: views.map((v) => v.name).filter((n) => !used.has(n)),
  };
  bookChecks(book, ctx, announced);
  return book;
}

function parseBlock(block: Block, ctx: ParseContext, known: Known): ParsedTable {
  const spec = SPECS[block.id];
  let table: ParsedTable;
  switch (block.id) {
    case 'T01':
    case 'T04':
      table = parseLines(block, spec, ctx);
      break;
    case 'T08':
      table = parseT08(block, spec, ctx);
      break;
    case 'T11':
      table = parseT11(block, ctx);
      break;
    case 'T12':
      table = parseT12(block, spec, ctx);
      break;
    default:
      table = parseGrid(block, spec, ctx, known);
  }
  table.decimals = ctx.tableDecimals(block.id) ?? -1;
  return table;
}

/** The department name of the first table that states one (T01 normally), squashed. */
function firstDeptName(blocks: Block[]): string | undefined {
  for (const b of blocks) {
    const pre: Preamble = {};
    const start = b.titleRow !== undefined ? b.titleRow + 1 : b.top;
    for (let row = start; row <= Math.min(b.bottom, start + 4); row++) preambleOf(b.view, row, pre);
    if (pre.deptName) return squash(pre.deptName.text);
  }
  return undefined;
}
