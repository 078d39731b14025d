/**
 * The last step of a check: every finding gets its headline ("表6 F7 基本工资·人员经费：应为 68.7，
 * 实为 61.8，差 6.9") and its 详情, in the names the workbook itself uses (its sheet names, the
 * 平顶山 or 济源 table names), and a text typed into an amount cell that breaks totals is reported
 * once, as the error it is, at that cell.
 */
import type { BudgetBook, Layout, TableId } from './model';
import { TABLE_IDS } from './model';
import type { Finding } from './report';
import { quoteText } from './report';
import { TABLE_NAMES, layoutTableName, sheetTag } from './tables/names';

/** A headline longer than this is cut at a sentence break (the rest stays in 详情). */
export const HEADLINE_MAX = 60;

interface Names {
  /** Canonical name → the workbook's name for the table, in 详情 and messages. */
  long: Map<string, string>;
  /** Canonical name → the short tag ("表5"), in headlines. */
  short: Map<string, string>;
  pattern: RegExp | null;
  /** Sheet of each table present. */
  sheets: Map<TableId, string>;
  layout: Layout;
}

function namesOf(book: BudgetBook): Names {
  const long = new Map<string, string>();
  const short = new Map<string, string>();
  const sheets = new Map<TableId, string>();
  for (const id of TABLE_IDS) {
    const t = book.tables[id];
    const canonical = TABLE_NAMES[id];
    if (t) {
      sheets.set(id, t.sheet);
      const own = layoutTableName(id, book.layout);
      // "Sheet3" alone does not say which table: then the layout's name with the sheet in brackets.
      long.set(canonical, sheetTag(t.sheet) !== t.sheet || t.sheet.includes(own) ? t.sheet : `${own}（${t.sheet}）`);
      short.set(canonical, sheetTag(t.sheet));
    } else {
      const own = layoutTableName(id, book.layout);
      long.set(canonical, own);
      short.set(canonical, own);
    }
  }
  // Sheet names stay as they are (a sheet "表3 部门支出总体情况表" holds a canonical name), except that
  // "sheet!E9" reads "表3 E9" in a headline. Longest first, so that no name is replaced inside a longer one.
  for (const sheet of sheets.values()) {
    long.set(sheet, sheet);
    short.set(sheet, sheet);
    long.set(sheet + '!', sheet + '!');
    short.set(sheet + '!', sheetTag(sheet) + ' ');
  }
  const keys = [...long.keys()].sort((a, b) => b.length - a.length);
  const pattern = keys.length ? new RegExp(keys.map(escapeRegExp).join('|'), 'g') : null;
  return { long, short, pattern, sheets, layout: book.layout };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function rename(text: string, names: Names, which: 'long' | 'short'): string {
  if (!names.pattern) return text;
  const map = names[which];
  return text.replace(names.pattern, (m, at: number) => {
    const r = map.get(m) ?? m;
    // "少于Sheet1" reads badly: a Latin sheet name after a Chinese character gets a space.
    return at > 0 && /^[A-Za-z]/.test(r) && /[^\s“「（(]/.test(text[at - 1]) ? ' ' + r : r;
  });
}

/** A headline too long: long quoted user texts (project names …) shortened, long lists in brackets left to 详情. */
function shorten(text: string): string {
  if (text.length <= HEADLINE_MAX) return text;
  const quoted = text.replace(/“([^”]{17,})”/g, (_, q: string) => `“${q.slice(0, 15)}…”`);
  if (quoted.length <= HEADLINE_MAX) return quoted;
  let out = '';
  let depth = 0;
  let group = '';
  for (const c of quoted) {
    if (c === '（') depth++;
    if (depth > 0) group += c;
    else out += c;
    if (c === '）' && depth > 0 && --depth === 0) {
      if (group.length <= 20) out += group;
      group = '';
    }
  }
  return (out + group).replace(/\s+([，。；])/g, '$1');
}

/** Where the headline starts: the table's tag and the cell ("表6 F7"), or what the finding concerns. */
function locationOf(f: Finding, names: Names): string {
  if (f.sheet) {
    const isTable = [...names.sheets.values()].includes(f.sheet);
    const tag = isTable ? sheetTag(f.sheet) : f.sheet;
    return f.cell ? `${tag} ${f.cell}` : tag;
  }
  // No sheet (a missing table, the workbook as a whole): the message names what it concerns.
  return '';
}

/** A message without what the location already says: "表3 部门支出总体情况表!E9 …", "部门支出总体情况表：…". */
function withoutLocation(message: string, f: Finding, names: Names): string {
  let m = message.trim();
  const table = f.table && f.table !== '说明参数' ? f.table : undefined;
  const tableNames = table ? [TABLE_NAMES[table], names.long.get(TABLE_NAMES[table])!] : [];
  const prefixes = [...tableNames.flatMap((n) => [`“${n}”`, n + '：', n + ' '])];
  if (f.sheet) prefixes.unshift(`${f.sheet}!${f.cell}`, `「${f.sheet}」${f.cell}`, `「${f.sheet}」`, f.sheet + '：');
  // At most two rounds: "“表名” 工作表!E9 的金额…".
  for (let round = 0; round < 2; round++) {
    const p = prefixes.find((x) => x && m.startsWith(x));
    if (!p) break;
    m = m.slice(p.length).replace(/^[：:，,\s]+/, '');
  }
  // The cell itself named again inside the sentence.
  if (f.sheet && f.cell) m = m.split(`${f.sheet}!${f.cell}`).join('本格');
  // The severity already says it is a hint.
  return m.replace(/^[：:，,\s]+/, '').replace(/^提示[：:]/, '');
}

/** The first sentence of a long message (the rest is 详情). */
function firstSentence(text: string): string {
  if (text.length <= HEADLINE_MAX) return text;
  // A break inside quotes or brackets is not a sentence break.
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ('“（(「【'.includes(c)) depth++;
    else if ('”）)」】'.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === '；' || c === '。') && i >= 12) return text.slice(0, i);
  }
  return text;
}

/** Headline and 详情 for one finding; `message` becomes the headline (the full text stays in `detail`). */
function finishOne(f: Finding, names: Names): Finding {
  const where = locationOf(f, names);
  const given = f.headline ?? firstSentence(withoutLocation(f.message, f, names));
  const body = shorten(rename(given, names, 'short'));
  const headline = where ? `${where} ${body}` : body;
  const full = rename(f.detail ?? f.message, names, 'long');
  const detail = full !== body && full !== headline ? full : undefined;
  const out: Finding = { ...f, message: headline, headline };
  if (detail) out.detail = detail;
  else delete out.detail;
  return out;
}

/**
 * A text in an amount cell (P.cell) counts as 0. When the resolver then points a relation error at
 * that very cell (the text is what breaks the totals), the two are one defect: an error at the cell,
 * saying what is there and what the totals need.
 */
function mergeTextCells(findings: Finding[]): Finding[] {
  const texts = new Map<string, Finding>();
  for (const f of findings) if (f.rule === 'P.cell' && f.severity === 'warning' && f.cell) texts.set(`${f.sheet}!${f.cell}`, f);
  if (!texts.size) return findings;
  const merged = new Set<Finding>();
  const out: Finding[] = [];
  for (const f of findings) {
    const text = f.rule !== 'P.cell' && f.severity === 'error' && f.cell ? texts.get(`${f.sheet}!${f.cell}`) : undefined;
    if (!text) {
      out.push(f);
      continue;
    }
    merged.add(text);
    const shown = typeof text.actual === 'string' ? text.actual : String(text.actual ?? '');
    const needs = f.expected !== null && f.expected !== undefined ? `，按合计应为 ${f.expected}` : '';
    out.push({
      ...f,
      actual: text.actual,
      headline: `应填金额，实为文字“${quoteText(shown)}”${needs}`,
      detail: [text.message, f.detail ?? f.message].join('\n'),
    });
  }
  return out.filter((f) => !merged.has(f));
}

/**
 * `titles`: rule id → the rule's title ("部门支出总体情况表：合计行 = 各科目行之和"), the topic of its
 * findings without the table name; a 尾差 says so first.
 */
export function finishFindings(findings: Finding[], book: BudgetBook, titles: Map<string, string> = new Map()): Finding[] {
  const names = namesOf(book);
  const topics = new Map<string, string>();
  const topicOf = (f: Finding, tail: boolean): string => {
    const k = `${tail ? '尾差' : ''}|${f.rule}`;
    let t = topics.get(k);
    if (t === undefined) {
      const title = titles.get(f.rule);
      const bare = title ? title.slice(title.indexOf('：') + 1) : f.rule;
      topics.set(k, (t = tail ? `尾差（${bare}），无需修改` : bare));
    }
    return t;
  };
  return mergeTextCells(findings).map((f) => {
    const out = finishOne(f, names);
    out.topic = rename(out.topic ?? topicOf(out, out.severity === 'info' && out.headline!.includes('尾差')), names, 'short');
    return out;
  });
}
