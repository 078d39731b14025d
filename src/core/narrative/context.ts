/**
 * What every section module gets: the style, the table facts, the inputs, and `need()` — the one
 * way to print a value that is missing. It writes a visible 【请填写…】 placeholder and records a
 * finding pointing at the cell of 说明参数 where the value belongs. Nothing is ever guessed.
 */
import type { Catalog } from '../catalog';
import type { BudgetBook, TableId } from '../model';
import type { Finding } from '../report';
import { TABLE_NAMES } from '../tables/names';
import type { Facts, Val } from './facts';
import { readFacts } from './facts';
import type { Change, Profile, Style } from './format';
import { amt, change, changeText, makeStyle, pct, tidy } from './format';
import type { NumIn } from './inputs';
import { cellOf, invalidFinding, paramCount, paramNum, paramText, paramYear } from './inputs';
import type { LabelKey, UnitType } from './labels';
import { L, PARAMS_SHEET, UNIT_TYPES, normLabel } from './labels';
import type { NarrativeParams } from './params';

export class Ctx {
  readonly facts: Facts;
  readonly style: Style;
  readonly profile: Profile;
  readonly findings: Finding[] = [];
  /** Every placeholder handed out (one per occurrence in the text). */
  readonly placeholders: string[] = [];
  private readonly seen = new Set<string>();

  constructor(
    readonly book: BudgetBook,
    readonly params: NarrativeParams | undefined,
    /** For 类/款 names; the bundled catalogue when absent. */
    readonly catalog?: Catalog,
  ) {
    this.facts = readFacts(book);
    this.profile = styleOf(book, params);
    this.style = makeStyle(this.profile, this.facts.decimals);
  }

  get sp(): string {
    return this.style.sp;
  }

  // ------------------------------------------------------------ placeholders

  /** Records a missing value and returns its placeholder. */
  need(what: string, cell = '', detail?: string, rule = 'N.param-missing'): string {
    const text = `【请填写${what}】`;
    this.placeholders.push(text);
    const key = `${rule}|${cell}|${text}`;
    if (!this.seen.has(key)) {
      this.seen.add(key);
      const where = this.params ? (cell ? '' : `（“${PARAMS_SHEET}”表中没有这一行）`) : `（工作簿中没有“${PARAMS_SHEET}”表，可用 --init-params 生成）`;
      this.findings.push({
        rule,
        severity: 'warning',
        sheet: rule === 'N.param-missing' ? PARAMS_SHEET : '',
        cell: rule === 'N.param-missing' ? cell : '',
        related: [],
        expected: null,
        actual: null,
        message: (detail ?? `情况说明缺少“${what}”，正文中暂以${text}占位：请在说明参数表中填写`) + (rule === 'N.param-missing' ? where : ''),
        table: '说明参数',
      });
    }
    return text;
  }

  /** Placeholder for an input of the 说明参数 sheet, at its cell. */
  needInput(key: LabelKey, what: string = L[key]): string {
    return this.need(what, cellOf(this.params, key));
  }

  /** Placeholder for a number that comes from a table the workbook lacks. */
  needTable(id: TableId, what: string): string {
    return this.need(
      `${what}`,
      '',
      `未找到${id} ${TABLE_NAMES[id]}，情况说明中的“${what}”无法取数，暂以【请填写${what}】占位`,
      'N.source-missing',
    );
  }

  private recordInvalid(key: LabelKey, n: NumIn): void {
    if (n.state !== 'invalid') return;
    const f = invalidFinding(L[key], n);
    const k = `${f.rule}|${f.cell}`;
    if (!this.seen.has(k)) {
      this.seen.add(k);
      this.findings.push(f);
    }
  }

  // ------------------------------------------------------------ inputs

  /** A numeric input, or undefined (blank or invalid: then the caller prints a placeholder). */
  num(key: LabelKey): { scaled: number; cell: string } | undefined {
    const n = paramNum(this.params, key);
    this.recordInvalid(key, n);
    return n.state === 'ok' ? { scaled: n.scaled, cell: n.cell } : undefined;
  }

  count(key: LabelKey): number | undefined {
    const n = paramCount(this.params, key);
    this.recordInvalid(key, n);
    return n.state === 'ok' ? n.scaled / 1_000_000 : undefined;
  }

  text(key: LabelKey): string | undefined {
    return paramText(this.params, key);
  }

  // ------------------------------------------------------------ common values

  get dept(): string {
    return this.text('deptName') ?? this.book.deptName ?? this.needInput('deptName');
  }

  get yearNumber(): number | undefined {
    const y = paramYear(this.params);
    this.recordInvalid('year', y);
    return y.state === 'ok' ? y.scaled / 1_000_000 : this.book.year;
  }

  /** {Y} */
  get Y(): string {
    const y = this.yearNumber;
    return y !== undefined ? String(y) : this.needInput('year');
  }

  /** {Y-1} */
  get Y1(): string {
    const y = this.yearNumber;
    return y !== undefined ? String(y - 1) : this.needInput('year', '预算年度');
  }

  get unitType(): UnitType | undefined {
    const t = this.text('unitType');
    return UNIT_TYPES.find((u) => normLabel(u) === normLabel(t ?? ''));
  }

  // ------------------------------------------------------------ printing

  /** An amount from a table, or the placeholder when the table is missing. */
  amtOf(v: Val | undefined, id: TableId, what: string): string {
    return v ? amt(v.scaled, this.style) : this.needTable(id, what);
  }

  amt(scaled: number): string {
    return amt(scaled, this.style);
  }

  pct(part: number, base: number): string {
    return pct(part, base, this.style);
  }

  change(cur: number, prior: number): Change {
    return change(cur, prior, this.style);
  }

  changeText(c: Change): string {
    return changeText(c, this.style);
  }

  tidy(text: string): string {
    return tidy(text, this.style);
  }
}

function styleOf(book: BudgetBook, params: NarrativeParams | undefined): Profile {
  const s = normLabel(paramText(params, 'style') ?? '');
  if (s.includes('济源')) return 'jy';
  if (s.includes('平顶山')) return 'pds';
  return book.layout === 'jy' ? 'jy' : 'pds';
}
