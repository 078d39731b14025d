/**
 * T01 / T04: labelled lines in two halves (收入 | 支出). Each label gets a canonical key (model.ts
 * Line.key): income lines by name (济源 sub-rows keyed by their parent), expense class lines by 类
 * code — by name first, by ordinal second (ordinal N ↔ 200+N, the template skips some numbers).
 */
import type { Amount } from '../amount';
import type { Line, LinesTable, Note } from '../model';
import { COL } from '../model';
import type { Block } from '../recognize';
import { CODE, type TableSpec } from '../tables/spec';
import { OLD_210, leiByName } from '../tables/lei-names';
import { splitOrdinal, squash } from '../text';
import type { ParseContext } from './context';
import type { Preamble } from './header';
import { readHeader } from './header';
import { isNoData, readBody, textCell } from './body';
import { baseOf } from './table-base';

const INCOME_TOP: [RegExp, string][] = [
  [/^一般公共预算(拨款)?(收入)?$/, '一般公共预算'],
  [/^政府性基金(预算)?(拨款)?(收入)?$/, '政府性基金'],
  [/^国有资本经营(预算)?(拨款)?(收入)?$/, '国有资本经营'],
  [/^财政专户管理资金(拨款)?(收入)?$/, '财政专户管理资金'],
  [/^事业单位经营收入$/, '事业单位经营收入'],
  [/^事业收入$/, '事业收入'],
  [/^上级补助收入$/, '上级补助收入'],
  [/^附属单位上缴收入$/, '附属单位上缴收入'],
  [/^其他收入$/, '其他收入'],
];

function topIncome(name: string): string | undefined {
  return INCOME_TOP.find(([re]) => re.test(name))?.[1];
}

/** Label → ordinal-free, colon-free squashed name and its ordinal. */
function labelParts(text: string): { name: string; ordinal?: ReturnType<typeof splitOrdinal>; sub: boolean } {
  const s = squash(text).replace(/[:：]$/, '');
  const ordinal = splitOrdinal(s);
  let name = ordinal ? ordinal.rest : s;
  const sub = /^其中[:：]?/.test(name);
  name = name.replace(/^其中[:：]?/, '').replace(/[:：]$/, '');
  return { name, ordinal, sub };
}

class T01Income {
  private parent?: string;
  key(text: string): string {
    const { name, ordinal, sub } = labelParts(text);
    if (/^本年收入合计$/.test(name)) return this.reset('本年收入合计');
    if (/^上年结转(结余)?$/.test(name)) return this.reset('上年结转结余');
    if (/^收入(总计|合计)$/.test(name)) return this.reset('收入总计');
    const top = sub ? undefined : topIncome(name);
    if (top && (ordinal?.level === 'top' || !this.parent || !ordinal)) return (this.parent = top);
    if (ordinal?.level === 'top') return (this.parent = name);
    if (!this.parent) return name;
    if (this.parent === '一般公共预算' && name.includes('财政拨款')) return '一般公共预算/财政拨款';
    return `${this.parent}/${name}`;
  }
  private reset(key: string): string {
    this.parent = undefined;
    return key;
  }
}

class T04Income {
  private section = '本年收入';
  private sub?: string;
  key(text: string): string {
    const { name, ordinal, sub } = labelParts(text);
    if (/^本年收入(合计)?$/.test(name) && ordinal?.level !== 'paren') return this.open('本年收入');
    if (/^上年结转(结余)?$/.test(name)) return this.open('上年结转');
    if (/^收入(合计|总计)$/.test(name)) return this.open('收入合计');
    const top = sub ? undefined : topIncome(name);
    if (top) {
      this.sub = top;
      return `${this.section}/${top}`;
    }
    if (this.sub && name.includes('财政拨款')) return `${this.section}/${this.sub}/财政拨款`;
    return `${this.section}/${name}`;
  }
  private open(key: string): string {
    this.section = key;
    this.sub = undefined;
    return key;
  }
}

/** Expense key: totals by name, class lines by 类 code. Returns the key and the 类. */
function expenseKey(text: string, id: 'T01' | 'T04'): { key: string; lei?: string; old?: boolean } {
  const { name, ordinal } = labelParts(text);
  if (/^本年支出(合计)?$/.test(name)) return { key: id === 'T01' ? '本年支出合计' : '本年支出' };
  if (/^(年终)?结转(和)?结余$/.test(name) || /^年终结转结余$/.test(name)) return { key: '年终结转结余' };
  if (/^支出(总计|合计)$/.test(name)) return { key: id === 'T01' ? '支出总计' : '支出合计' };
  if (name.replace(/支出$/, '') === OLD_210) return { key: '类:210', lei: '210', old: true };
  let lei = leiByName(name);
  if (!lei && ordinal && ordinal.level !== 'digit' && ordinal.n >= 1 && ordinal.n <= 34) lei = String(200 + ordinal.n);
  return lei ? { key: `类:${lei}`, lei } : { key: name };
}

export function parseLines(block: Block, spec: TableSpec, ctx: ParseContext): LinesTable {
  const view = block.view;
  const id = spec.id as 'T01' | 'T04';
  const pre: Preamble = {};
  const header = readHeader(view, block, spec, pre);
  ctx.useUnit(spec.id, pre.unit);
  const left = view.left;
  const inLabel = header.col.get(CODE.inLabel) ?? left;
  const inAmount = header.col.get(CODE.inAmount) ?? inLabel + 1;
  const outLabel = header.col.get(CODE.outLabel) ?? inLabel + 2;
  const outCols: [string, number][] =
    id === 'T01'
      ? [['amount', header.col.get(CODE.outAmount) ?? outLabel + 1]]
      : (Object.values(COL.t04).map((k, i) => [k, header.col.get(k) ?? (header.col.size ? -1 : outLabel + 1 + i)]) as [string, number][]).filter(([, c]) => c > 0);

  const income: Line[] = [];
  const expense: (Line & { old?: boolean })[] = [];
  const notes: Note[] = [];
  const incomeKeys = id === 'T01' ? new T01Income() : new T04Income();
  const seen = new Set<string>();
  const unique = (key: string): string => {
    let k = key;
    for (let n = 2; seen.has(k); n++) k = `${key}#${n}`;
    seen.add(k);
    return k;
  };
  const last = readBody(block, header, notes, (row) => {
    if (view.hidden.has(row)) ctx.tally(id, 'hidden-row', view.ref(row, left), '');
    const il = textCell(view, row, inLabel);
    if (il && !/^\d+(\.\d+)?$/.test(il.text)) {
      const amount = ctx.amount(view, row, inAmount, id);
      income.push({ key: unique('in:' + incomeKeys.key(il.text)).slice(3), label: il, amount });
    }
    const ol = textCell(view, row, outLabel);
    if (ol && !/^\d+(\.\d+)?$/.test(ol.text)) {
      const k = expenseKey(ol.text, id);
      const line: Line & { old?: boolean } = { key: unique('out:' + k.key).slice(4), label: ol, lei: k.lei };
      if (k.old) line.old = true;
      if (id === 'T01') line.amount = ctx.amount(view, row, outCols[0][1], id);
      else {
        const amounts: Record<string, Amount> = {};
        for (const [key, c] of outCols) {
          const a = ctx.amount(view, row, c, id);
          if (a) amounts[key] = a;
        }
        line.amounts = amounts;
      }
      expense.push(line);
    }
    return true;
  });
  resolveOld210(expense);
  const base = baseOf(block, id, pre, header, notes, last);
  return { ...base, kind: 'lines', id, income, expense: expense.map(withoutOld), noDataNote: notes.find(isNoData) };
}

/** The line without its parse-only `old` mark (lines that have none are returned as they are). */
function withoutOld(line: Line & { old?: boolean }): Line {
  if (!('old' in line)) return line;
  const { old: _old, ...rest } = line;
  return rest;
}

/** '(九) 医疗卫生与计划生育支出' next to '(十) 卫生健康支出' becomes '类:210-old' (see lei-names.ts). */
function resolveOld210(lines: (Line & { old?: boolean })[]): void {
  const old = lines.find((l) => l.old);
  if (!old) return;
  const current = lines.some((l) => l !== old && l.lei === '210');
  if (!current) return;
  old.key = '类:210-old';
  old.lei = undefined;
  // The line that took '类:210#2' because the old one came first gets the plain key back.
  const dup = lines.find((l) => l.key === '类:210#2');
  if (dup) dup.key = '类:210';
}
