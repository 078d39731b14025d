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
  // Tables read but left out of the rules (an unknown unit): not "missing" either.
  const excluded = new Set<TableId>();
  const chosen = chooseBlocks(blocks);
  for (const block of blocks) {
    const pick = chosen.get(block.id)!;
    if (block !== pick) {
      if (isHidden(block)) hiddenCopy(block, pick, ctx);
      else {
        const used = pick.view.ref(pick.titleRow ?? pick.top, pick.titleCol ?? pick.view.left);
        ctx.add({
          rule: 'P.duplicate',
          severity: 'warning',
          ref: block.view.ref(block.titleRow ?? block.top, block.titleCol ?? block.view.left),
          related: [used],
          table: block.id,
          message: `“${TABLE_NAMES[block.id]}”出现了两次：已校验 ${used.sheet}!${used.cell} 处的表，${block.view.name} 中的这一份未校验`,
        });
      }
      continue;
    }
    if (isHidden(block)) {
      const ref = block.view.ref(block.titleRow ?? block.top, block.titleCol ?? block.view.left);
      ctx.add({
        rule: 'P.hidden-sheet',
        severity: 'info',
        ref,
        table: block.id,
        message: `“${TABLE_NAMES[block.id]}”只在隐藏工作表“${block.view.name}”中找到，已按它校验；要查看结果所指的单元格，请先取消隐藏该工作表`,
      });
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
    excluded: [...excluded],
  };
  bookChecks(book, ctx, announced, excluded);
  return book;
}

const isHidden = (b: Block): boolean => !!b.view.grid.state && b.view.grid.state !== 'visible';

/** Per table, the block that is checked: the first on a visible sheet, else the first. */
function chooseBlocks(blocks: Block[]): Map<TableId, Block> {
  const out = new Map<TableId, Block>();
  for (const b of blocks) {
    const have = out.get(b.id);
    if (!have || (isHidden(have) && !isHidden(b))) out.set(b.id, b);
  }
  return out;
}

/** A copy of a table on a hidden sheet (an old version left in the file): named, not checked. */
function hiddenCopy(block: Block, pick: Block, ctx: ParseContext): void {
  const at = (b: Block) => b.view.ref(b.titleRow ?? b.top, b.titleCol ?? b.view.left);
  const ref = at(block);
  const used = at(pick);
  ctx.add({
    rule: 'P.duplicate',
    severity: 'warning',
    ref,
    related: [used],
    table: block.id,
    message: `隐藏工作表“${block.view.name}”中另有一份“${TABLE_NAMES[block.id]}”（${ref.sheet}!${ref.cell}），未校验；已校验可见的 ${used.sheet}!${used.cell} 处的表。如隐藏的一份已作废，请删除该工作表，以免公开时混用`,
  });
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
