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
import { ParseContext, UNIT_SHIFT } from './context';
import { preambleOf, type Preamble } from './header';
import { parseGrid, type Known } from './grid';
import { parseLines } from './lines';
import { parseT08 } from './t08';
import { parseT11 } from './t11';
import { parseT12 } from './t12';
import { SheetView } from './sheet';
import { bookChecks } from './book-checks';

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
  const { blocks, announced } = recognize(views);
  const known: Known = { deptName: firstDeptName(blocks) };
  const tables: Partial<Record<TableId, ParsedTable>> = {};
  // Tables read but left out of the rules (an unknown unit): not "missing" either.
  const excluded = new Set<TableId>();
  for (const block of blocks) {
    if (excluded.has(block.id)) continue;
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
      const table = parseBlock(block, ctx, known);
      if (table.unit !== undefined && UNIT_SHIFT[table.unit] === undefined) {
        unknownUnit(table, ctx);
        excluded.add(block.id);
        continue;
      }
      tables[block.id] = table;
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
  bookChecks(book, ctx, announced, excluded);
  return book;
}

/** A unit we cannot convert (单位：美元): the table's amounts would be wrong in every rule, so it is left out. */
function unknownUnit(table: ParsedTable, ctx: ParseContext): void {
  ctx.add({
    rule: 'P.unit',
    severity: 'error',
    ref: table.unitRef ?? table.titleRef,
    table: table.id,
    expected: '万元',
    actual: table.unit!,
    message: `“${TABLE_NAMES[table.id]}”的金额单位“${table.unit}”无法识别，本表未参与金额校验（其他表与它的核对也已跳过）；请将单位改为“单位：万元”（或元）后再校验`,
  });
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
