/**
 * ParseContext: what every table parser shares — the issue list and per-table tallies (decimals,
 * numbers stored as text, codes that lost leading zeros). Repeated small problems are reported once
 * per table with a count, so a workbook of 10,000 text numbers gives one finding, not 10,000.
 */
import type { Amount } from '../amount';
import { SCALE, formatDecimals, parseAmount } from '../amount';
import type { CellRef, CellValue } from '../grid';
import type { ParseIssue, TableId } from '../model';
import { TABLE_NAMES } from '../tables/names';
import { cellText, squash } from '../text';
import type { SheetView } from './sheet';

interface Tally {
  first: CellRef;
  count: number;
  related: CellRef[];
  sample: string;
}

const MAX_RELATED = 20;

export class ParseContext {
  readonly issues: ParseIssue[] = [];
  /** table → [decimals] → count of non-zero amounts showing that many decimals */
  private readonly decimals = new Map<TableId, number[]>();
  /** "table|kind" → tally of a repeated small problem */
  private readonly tallies = new Map<string, { table: TableId; kind: string; tally: Tally }>();

  /** Tables whose amounts are converted to 万元 (table → decimal places between its unit and 万元). */
  private readonly shifts = new Map<TableId, number>();

  /** The table states its unit (preamble): amounts in 元, 千元 … are converted to 万元 as they are read. */
  useUnit(table: TableId, unit: string | undefined): void {
    const shift = unit === undefined ? undefined : UNIT_SHIFT[unit];
    if (shift) this.shifts.set(table, shift);
  }

  /** Was the table converted to 万元 (its unit is another known one)? */
  converted(table: TableId): boolean {
    return this.shifts.has(table);
  }

  add(issue: ParseIssue): void {
    this.issues.push(issue);
  }

  /**
   * Reads one amount cell; an unreadable cell becomes a P.cell issue and counts as a blank that still
   * names its cell (so that the resolver can point at it when the text breaks a total).
   * `count`: whether its decimals count towards the table's (not for a quantity).
   */
  amount(view: SheetView, row: number, col: number, table: TableId, count = true): Amount | undefined {
    const ref = view.ref(row, col);
    const raw = view.get(row, col);
    // An empty cell (half the amount cells of a large book) is a blank, whatever its format or merge.
    if (raw === null) return { scaled: 0, decimals: 0, blank: true, ref };
    const format = view.format(row, col);
    // Fast path: an ordinary number with a number format (nearly every amount cell). It equals
    // parseAmount's result: scaled / SCALE === value proves the value is the double nearest to that
    // decimal, and below 1e9 no other decimal of ≤ 6 places rounds to the same double.
    if (typeof raw === 'number' && format !== null && raw < 1e9 && raw > -1e9) {
      const scaled = Math.round(raw * SCALE);
      const d = scaled / SCALE === raw ? this.formatDecimals(format) : undefined;
      if (d !== undefined) {
        const shift = this.shifts.size ? this.shifts.get(table) : undefined;
        if (shift) return this.convertedAmount(table, { scaled: scaled || 0, decimals: d, blank: false, ref }, shift, count);
        if (count && (scaled !== 0 || d > 0)) this.countDecimals(table, d, scaled === 0);
        return { scaled: scaled || 0, decimals: d, blank: false, ref };
      }
    }
    // A covered cell of a merge holds nothing of its own: it is blank, the value counts once.
    const value: CellValue = raw === null && view.mergeAt(row, col) ? null : raw;
    const p = parseAmount(value, format);
    if (!p.ok) {
      this.cellProblem(table, ref, value, p.reason);
      return { scaled: 0, decimals: 0, blank: true, ref, unreadable: true };
    }
    let decimals = p.decimals;
    if (!p.blank && !p.asText && formatDecimals(format) === undefined) {
      const shown = view.shown(row, col);
      const m = shown ? /\.(\d+)\s*%?$/.exec(shown.replace(/,/g, '')) : null;
      if (m) decimals = m[1].length;
      else if (shown && /^-?\d+$/.test(shown.trim())) decimals = 0;
    }
    const a: Amount = { scaled: p.scaled, decimals, blank: p.blank, ref };
    if (p.asText) {
      a.asText = true;
      this.tally(table, 'number-text', ref, String(value));
    }
    const shift = this.shifts.size ? this.shifts.get(table) : undefined;
    if (shift) return this.convertedAmount(table, a, shift, count && !p.blank);
    if (!p.blank && count && (p.scaled !== 0 || decimals > 0)) this.countDecimals(table, decimals, p.scaled === 0);
    return a;
  }

  /** An amount read in the table's unit, in 万元: 10^shift of its unit make one 万元. */
  private convertedAmount(table: TableId, a: Amount, shift: number, count: boolean): Amount {
    a.scaled = shift > 0 ? Math.round(a.scaled / 10 ** shift) || 0 : a.scaled * 10 ** -shift;
    a.decimals = Math.max(0, a.decimals + shift);
    if (count && (a.scaled !== 0 || a.decimals > 0)) this.countDecimals(table, a.decimals, a.scaled === 0);
    return a;
  }

  /** The format of the previous amount cell: a column's cells share one format string. */
  private lastFormat = '';
  private lastFormatDecimals: number | undefined;

  private formatDecimals(format: string): number | undefined {
    if (format !== this.lastFormat) {
      this.lastFormat = format;
      this.lastFormatDecimals = cachedFormatDecimals(format);
    }
    return this.lastFormatDecimals;
  }

  private cellProblem(table: TableId, ref: CellRef, value: CellValue, reason: string): void {
    const isError = typeof value === 'object' && value !== null && 'error' in value;
    const shown = cellText(value);
    this.add({
      rule: 'P.cell',
      severity: isError ? 'error' : 'warning',
      ref,
      table,
      actual: shown,
      message: isError
        ? `${ref.sheet}!${ref.cell} 是错误值 ${shown}（公式引用失效或计算出错），无法读取金额，请修正后再校验`
        : `${ref.sheet}!${ref.cell} 应为金额，但内容是“${shown.slice(0, 40)}”（${reason}），此单元格未参与计算`,
    });
  }

  /** Counts a table's displayed decimals; `zeroOnly` marks a zero written with decimals ("0.00"). */
  private lastTable?: TableId;
  private lastCounts: number[] = [];

  private countDecimals(table: TableId, d: number, zeroOnly = false): void {
    let m = table === this.lastTable ? this.lastCounts : this.decimals.get(table);
    if (!m) this.decimals.set(table, (m = []));
    this.lastTable = table;
    this.lastCounts = m;
    // Zeros weigh little: a table of zeros says less about its format than one real amount.
    m[d] = (m[d] ?? 0) + (zeroOnly ? 0.001 : 1);
  }

  /** Most common displayed decimals of a table's amounts; undefined when it has none. */
  tableDecimals(table: TableId): number | undefined {
    const m = this.decimals.get(table);
    if (!m) return undefined;
    let best: number | undefined;
    let bestCount = 0;
    m.forEach((n, d) => {
      if (n > bestCount || (n === bestCount && best !== undefined && d > best)) [best, bestCount] = [d, n];
    });
    return best;
  }

  /** Records one occurrence of a repeated small problem (reported once per table by flush()). */
  tally(table: TableId, kind: string, ref: CellRef, sample: string): void {
    const key = `${table}|${kind}`;
    const t = this.tallies.get(key);
    if (!t) {
      this.tallies.set(key, { table, kind, tally: { first: ref, count: 1, related: [], sample } });
      return;
    }
    t.tally.count++;
    if (t.tally.related.length < MAX_RELATED) t.tally.related.push(ref);
  }

  /** Turns the tallies into one issue each. */
  flush(): void {
    for (const { table, kind, tally } of this.tallies.values()) {
      const name = `“${TABLE_NAMES[table]}”`;
      const where = `${tally.first.sheet}!${tally.first.cell}`;
      const more = tally.count > 1 ? ` 等 ${tally.count} 个单元格` : '';
      const issue = TALLY_MESSAGES[kind]?.(name, where, more, tally.sample);
      if (!issue) continue;
      this.add({ ...issue, ref: tally.first, related: tally.related, table, actual: tally.sample });
    }
    this.tallies.clear();
  }
}

type TallyMessage = (name: string, where: string, more: string, sample: string) => Pick<ParseIssue, 'rule' | 'severity' | 'message'>;

const TALLY_MESSAGES: Record<string, TallyMessage> = {
  'number-text': (name, where, more, sample) => ({
    rule: 'P.number-text',
    severity: 'info',
    message: `${name} ${where}${more} 的金额以文本形式存储（如“${sample}”），已按数值读取；建议在 Excel 中转换为数字`,
  }),
  'lost-zeros': (name, where, more, sample) => ({
    rule: 'P.code-text',
    severity: 'warning',
    message: `${name} ${where}${more} 的编码以数字形式存储，前导零已丢失（如 ${sample}），已按位数补零读取；请将编码列设为文本格式`,
  }),
  'hidden-row': (name, where, more) => ({
    rule: 'P.hidden-row',
    severity: 'info',
    message: `${name} 含隐藏行（${where}${more}），隐藏行已纳入校验`,
  }),
  'other-row': (name, where, more) => ({
    rule: 'P.row',
    severity: 'warning',
    message: `${name} ${where}${more.replace('单元格', '行')} 所在行有金额，但既不是合计行，也没有可识别的单位代码或科目编码；该行已读取，请检查编码是否完整`,
  }),
  'body-merge': (name, where, more) => ({
    rule: 'P.merged',
    severity: 'info',
    message: `${name} 表体中有跨行合并的编码或名称单元格（${where}${more}），已按合并区域逐行读取`,
  }),
  'amount-merge': (name, where, more) => ({
    rule: 'P.merged',
    severity: 'warning',
    message: `${name} 的金额单元格被合并（${where}${more}），合并区域的金额只计一次；请拆分合并单元格后填写各行金额`,
  }),
};

const formatCache = new Map<string, number>();

/** formatDecimals of a format string, cached (-1 stands for "no decimals stated"). */
function cachedFormatDecimals(format: string): number | undefined {
  let d = formatCache.get(format);
  if (d === undefined) {
    d = formatDecimals(format) ?? -1;
    if (formatCache.size < 1000) formatCache.set(format, d);
  }
  return d < 0 ? undefined : d;
}

/** Known units: how many decimal places each is from 万元 (1 万元 = 10^shift of the unit). */
export const UNIT_SHIFT: Record<string, number> = { 元: 4, 千元: 1, 万元: 0, 百万元: -2, 亿元: -4 };

function isAsciiDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export interface CodeCell {
  /** Digits as written, left-padded when the cell was numeric and lost its zeros. */
  text: string;
  /** The cell was a number that had fewer digits than the code needs. */
  lost: boolean;
  /** A number too large to be exact (a 21-digit project code): the digits cannot be trusted. */
  damaged: boolean;
}

/**
 * A code cell → its digits. Text must be digits only (spaces ignored); numbers are integers.
 * `width` pads a number with lost leading zeros (类 3, 款/项 2); without it a number of 1–3 digits
 * is read as a department (3) and of 4–6 digits as a unit (6).
 */
export function codeOf(v: CellValue, width?: number): CodeCell | undefined {
  if (typeof v === 'string') {
    if (v.length > 0 && v.length <= 25 && isAsciiDigits(v)) return { text: v, lost: false, damaged: false };
    if (v.length > 40) return undefined;
    const s = squash(v);
    return /^\d+$/.test(s) && s.length <= 25 ? { text: s, lost: false, damaged: false } : undefined;
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0 || !Number.isInteger(v)) return undefined;
    if (v >= 1e15) return { text: String(v), lost: false, damaged: true };
    const s = String(v);
    const w = width ?? (s.length <= 3 ? 3 : s.length <= 6 ? 6 : s.length);
    return s.length < w ? { text: s.padStart(w, '0'), lost: true, damaged: false } : { text: s, lost: false, damaged: false };
  }
  return undefined;
}
