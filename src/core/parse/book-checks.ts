/**
 * Workbook-level facts and P.* issues (rules.md §2): layout (平顶山/济源 by column signatures),
 * unit, department name, year, decimals, missing tables.
 */
import type { BudgetBook, Layout, ParsedTable, TableId } from '../model';
import { COL, TABLE_IDS, TEXT, gridTable } from '../model';
import { CODE } from '../tables/spec';
import { TABLE_NAMES } from '../tables/names';
import { squash } from '../text';
import type { ParseContext } from './context';

export function bookChecks(book: BudgetBook, ctx: ParseContext, announced: Set<TableId>, excluded = new Set<TableId>()): void {
  const tables = TABLE_IDS.map((id) => book.tables[id]).filter((t): t is ParsedTable => !!t);
  book.layout = detectLayout(book);
  for (const t of tables) t.layout = book.layout;
  decimals(tables, ctx);
  unit(book, tables, ctx);
  deptName(book, tables, ctx);
  year(book, tables, ctx);
  missing(book, ctx, announced, excluded);
}

/** Votes of the column signatures that differ between the layouts (tables.md §3). */
function detectLayout(book: BudgetBook): Layout {
  let jy = 0;
  let pds = 0;
  const vote = (isJy: boolean | undefined) => {
    if (isJy === true) jy++;
    else if (isJy === false) pds++;
  };
  const has = (t: ParsedTable | undefined, key: string) => !!t && t.columns.some((c) => c.key === key);
  for (const id of ['T03', 'T05', 'T09'] as const) {
    const t = book.tables[id];
    if (!t) continue;
    if (has(t, COL.expense.goods)) vote(false);
    else if (has(t, COL.expense.publicCost)) vote(true);
  }
  const t05 = book.tables.T05;
  if (t05 && has(book.tables.T03, COL.expense.projectTarget)) vote(!has(t05, COL.expense.projectTarget));
  const t10 = book.tables.T10;
  if (t10) vote(has(t10, CODE.unitCode) ? true : has(t10, TEXT.t10.unit) ? false : undefined);
  const t13 = book.tables.T13;
  if (t13) vote(has(t13, COL.t13pds.social) ? false : has(t13, CODE.unitCode) ? true : undefined);
  const t07 = book.tables.T07;
  if (t07) vote(has(t07, COL.t07.personnel) ? true : has(t07, COL.t07.gpb) ? false : undefined);
  const t02 = book.tables.T02;
  if (t02) vote(has(t02, COL.t02.current) ? false : has(t02, COL.t02.total) ? true : undefined);
  const t01 = book.tables.T01;
  if (t01 && t01.kind === 'lines' && t01.income.some((l) => l.key === '一般公共预算/专项收入')) vote(true);
  return jy > pds ? 'jy' : 'pds';
}

function decimals(tables: ParsedTable[], ctx: ParseContext): void {
  const counts = new Map<number, number>();
  // Tables converted from 元 show the precision of their own unit; the book's decimals come from the others.
  const own = tables.filter((t) => !ctx.converted(t.id));
  for (const t of own.length ? own : tables) if (t.decimals >= 0) counts.set(t.decimals, (counts.get(t.decimals) ?? 0) + 1);
  const book = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 1;
  for (const t of tables) {
    if (t.decimals < 0) {
      t.decimals = book;
      continue;
    }
    if (ctx.converted(t.id)) {
      // Its amounts are exact to the yuan, the tables they are compared with to their own decimals:
      // rounding tails are judged at the coarser of the two.
      t.decimals = Math.min(t.decimals, book);
      continue;
    }
    if (t.decimals !== book)
      ctx.add({
        rule: 'P.decimals',
        severity: 'info',
        ref: t.titleRef,
        table: t.id,
        expected: book,
        actual: t.decimals,
        message: `“${TABLE_NAMES[t.id]}”显示 ${t.decimals} 位小数，其他表为 ${book} 位；尾差容许范围按各表自身的小数位计算`,
      });
  }
}

function unit(book: BudgetBook, tables: ParsedTable[], ctx: ParseContext): void {
  const stated = tables.filter((t) => t.unit);
  const units = new Set(stated.map((t) => t.unit!));
  const anyConverted = stated.some((t) => ctx.converted(t.id));
  book.unit = units.size === 1 && !anyConverted ? [...units][0] : '万元';
  const first = tables.find((t) => t.kind === 'grid' || t.kind === 'lines');
  if (first && !stated.some((t) => t.kind === 'grid' || t.kind === 'lines'))
    ctx.add({
      rule: 'P.unit',
      severity: 'info',
      ref: first.titleRef,
      table: first.id,
      expected: '万元',
      message: `各表都没有写明金额单位（如“单位：万元”），金额按万元读取；如实际单位是元，请在表头上方注明“单位：元”后再校验`,
    });
  for (const t of stated) {
    if (t.unit === '万元') continue;
    if (ctx.converted(t.id)) {
      ctx.add({
        rule: 'P.unit',
        severity: 'info',
        ref: t.unitRef ?? t.titleRef,
        table: t.id,
        expected: '万元',
        actual: t.unit!,
        message: `“${TABLE_NAMES[t.id]}”的金额单位是“${t.unit}”，已换算为万元参与校验（报告中的金额均以万元计）；公开表通常以“万元”为单位，请确认是否需要统一`,
      });
      continue;
    }
    ctx.add({
      rule: 'P.unit',
      severity: 'error',
      ref: t.unitRef ?? t.titleRef,
      table: t.id,
      expected: '万元',
      actual: t.unit!,
      message: `“${TABLE_NAMES[t.id]}”的金额单位是“${t.unit}”，部门预算公开表应以“万元”为单位${units.size > 1 ? '，且与其他表的单位不一致' : ''}`,
    });
  }
}

function deptName(book: BudgetBook, tables: ParsedTable[], ctx: ParseContext): void {
  const ref = book.tables.T01?.deptName ?? tables.find((t) => t.deptName)?.deptName;
  if (!ref) return;
  book.deptName = ref.text;
  const want = squash(ref.text);
  for (const t of tables) {
    if (!t.deptName || squash(t.deptName.text) === want) continue;
    ctx.add({
      rule: 'P.dept-name',
      severity: 'warning',
      ref: t.deptName.ref,
      related: [ref.ref],
      table: t.id,
      expected: ref.text,
      actual: t.deptName.text,
      message: `“${TABLE_NAMES[t.id]}”的部门名称“${t.deptName.text}”与${ref.ref.sheet}的“${ref.text}”不一致`,
    });
  }
}

function year(book: BudgetBook, tables: ParsedTable[], ctx: ParseContext): void {
  const counts = new Map<number, number>();
  for (const t of tables) if (t.year) counts.set(t.year, (counts.get(t.year) ?? 0) + 1);
  const main = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
  book.year = main;
  if (main === undefined) return;
  for (const t of tables) {
    if (!t.year || t.year === main) continue;
    ctx.add({
      rule: 'P.year',
      severity: 'warning',
      ref: t.titleRef,
      table: t.id,
      expected: main,
      actual: t.year,
      message: `“${TABLE_NAMES[t.id]}”标注的年度是 ${t.year} 年，其他表为 ${main} 年`,
    });
  }
}

function missing(book: BudgetBook, ctx: ParseContext, announced: Set<TableId>, excluded: Set<TableId>): void {
  const t10 = gridTable(book, 'T10');
  const noProjects = !!t10 && !t10.rows.some((r) => r.kind === 'project');
  for (const id of TABLE_IDS) {
    if (book.tables[id] || excluded.has(id)) continue;
    let severity: 'warning' | 'info' = 'warning';
    let why = announced.has(id) ? '目录中列出了该表，但工作簿中找不到它的内容' : '按标题和表头都没有找到该表';
    if (id === 'T14' && book.layout === 'jy') {
      severity = 'info';
      why = '济源格式的公开表不含政府采购汇总表';
    } else if (id === 'T12' && noProjects) {
      severity = 'info';
      why = '项目支出预算表没有项目，项目绩效目标表可以没有';
    }
    ctx.add({
      rule: 'P.table-missing',
      severity,
      ref: { sheet: '', cell: '' },
      table: id,
      message: `缺少“${TABLE_NAMES[id]}”：${why}`,
    });
  }
}
