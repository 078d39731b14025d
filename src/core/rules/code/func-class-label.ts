/**
 * C.func-class-label (rules.md 96): a 类 line of T01 / T04 must say the same thing by its ordinal
 * (N ↔ 类 200 + N) and by its name (catalogue name or alias: 卫生健康 / 医疗卫生与计划生育,
 * 文化旅游体育与传媒 / 文化体育旅游与传媒 …). The T04 template's legacy slot
 * "(九) 医疗卫生与计划生育支出" is T04.obsolete-class's business, not a label error.
 */
import type { Catalog } from '../../catalog';
import { findByName, lookup, normalizeName } from '../../catalog';
import type { BudgetBook, Line, LinesTable } from '../../model';
import { linesTable } from '../../model';
import type { Finding } from '../../report';
import type { Rule, RuleContext } from '../types';
import { finding, tableLabel } from './common';
import { pushAll } from '../../list';

const ID = 'C.func-class-label';

/** Legacy names kept only as aliases: a template slot may still print them (T04 (九)). */
const LEGACY = new Set(['医疗卫生与计划生育支出', '医疗卫生与计划生育']);

export const funcClassLabel: Rule = {
  id: ID,
  severity: 'warning',
  title: '收支总表类级科目名称与序号一致',
  needs: [],
  check(book: BudgetBook, ctx: RuleContext): Finding[] {
    const out: Finding[] = [];
    for (const id of ['T01', 'T04'] as const) {
      const t = linesTable(book, id);
      if (t) for (const line of t.expense) pushAll(out, checkLine(t, line, ctx.catalog));
    }
    return out;
  },
};

function checkLine(t: LinesTable, line: Line, cat: Catalog): Finding[] {
  const parsed = splitLabel(line.label.text);
  if (!parsed || parsed.ordinal === undefined || !parsed.name) return [];
  if (LEGACY.has(normalizeName(parsed.name))) return [];
  const byOrdinal = String(200 + parsed.ordinal);
  const owners = findByName(cat, parsed.name, 'func', 1).map((e) => e.code);
  if (!owners.length || owners.includes(byOrdinal)) return [];
  const ordinalEntry = lookup(cat, byOrdinal);
  const nameCode = owners[0];
  return [
    finding({
      rule: ID,
      severity: 'warning',
      at: line.label.ref,
      related: line.amount ? [line.amount.ref] : Object.values(line.amounts ?? {}).map((a) => a.ref),
      expected: ordinalEntry ? ordinalEntry.name : null,
      actual: parsed.name,
      table: t.id,
      message: `${tableLabel(t.id)}：“${line.label.text.trim()}”序号对应 ${byOrdinal}${ordinalEntry ? ` ${ordinalEntry.name}` : ''}，名称却是 ${nameCode} 类的科目，请核对该行`,
    }),
  ];
}

/** "一、一般公共服务" / "(十)卫生健康支出" / "（二十一）住房保障支出" → ordinal and name. */
export function splitLabel(label: string): { ordinal?: number; name: string } | undefined {
  const s = label.normalize('NFKC').replace(/[\s\u3000]/g, '');
  const m = /^(?:\(([一二三四五六七八九十]+)\)|([一二三四五六七八九十]+)[、.．])(.*)$/.exec(s);
  if (!m) return { name: s };
  const n = chineseNumber(m[1] ?? m[2]);
  return n ? { ordinal: n, name: m[3] } : { name: s };
}

/** 一 … 九十九. */
export function chineseNumber(s: string): number | undefined {
  const d = '一二三四五六七八九';
  if (/^[一二三四五六七八九]$/.test(s)) return d.indexOf(s) + 1;
  const m = /^([一二三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(s);
  if (!m) return undefined;
  const tens = m[1] ? d.indexOf(m[1]) + 1 : 1;
  const ones = m[2] ? d.indexOf(m[2]) + 1 : 0;
  return tens * 10 + ones;
}
