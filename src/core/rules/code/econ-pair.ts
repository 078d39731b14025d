/**
 * C.econ-pair (rules.md 99): the 政府经济分类 code of a row must correspond to its 部门经济分类 code.
 *  - error when the classes disagree: 301 ↔ 501 or 50501; 302 ↔ 502 or 50502; 303 ↔ 509;
 *    310 ↔ 503 or 50601 (for the other classes the correspondence table's lists decide, and being
 *    from memory they only warn);
 *  - warning when the classes agree but the exact pair is not in the correspondence table (seed
 *    003: 30199 其他工资福利支出 → 50101, the table says 50199).
 * A pair that is right for the other kind of unit (30101 → 50501 in a 机关) is C.unit-type's.
 */
import type { Catalog, EconPair } from '../../catalog';
import { describe, pairOf } from '../../catalog';
import type { BudgetBook } from '../../model';
import type { Finding, Severity } from '../../report';
import type { Rule, RuleContext } from '../types';
import type { EconRow } from './common';
import { econPartRef, econRowCells, finding, isDigits, tableLabel } from './common';
import { unitKinds } from './unit-kind';

const ID = 'C.econ-pair';

/** 部门 class → the 政府 classes and the exact 政府 codes it may pair with (rules.md 99). */
const CLASS_RULES: Record<string, { classes: string[]; codes: string[] }> = {
  '301': { classes: ['501'], codes: ['50501'] },
  '302': { classes: ['502'], codes: ['50502'] },
  '303': { classes: ['509'], codes: [] },
  '310': { classes: ['503'], codes: ['50601'] },
};

export const econPair: Rule = {
  id: ID,
  severity: 'error',
  title: '部门经济分类与政府经济分类对应',
  needs: [],
  check(book: BudgetBook, ctx: RuleContext): Finding[] {
    const kinds = unitKinds(book, ctx.catalog);
    const out: Finding[] = [];
    // Whether a pair is right does not depend on the row (only the finding's wording does): a pair
    // found right once is not checked again.
    const right = new Map<string, Set<string>>();
    for (const r of kinds.econRows) {
      const { dept, gov } = r.econ;
      if (!gov || dept[0] !== '3' || gov[0] !== '5' || !isDigits(dept, 5) || !isDigits(gov, 5)) continue;
      if (right.get(dept)?.has(gov)) continue;
      const f = checkPair(r, ctx.catalog, kinds.kindOf(kinds.econScope(r)));
      if (f) out.push(f);
      else {
        let ok = right.get(dept);
        if (!ok) right.set(dept, (ok = new Set()));
        ok.add(gov);
      }
    }
    return out;
  },
};

function checkPair(r: EconRow, cat: Catalog, scopeKind: string | undefined): Finding | undefined {
  const { dept, gov } = r.econ;
  const g = gov!;
  const rule = CLASS_RULES[dept.slice(0, 3)];
  const pair = pairOf(cat, dept);
  const listed = !!pair && (pair.jiguan.includes(g) || pair.shiye.includes(g));
  if (rule) {
    const classOk = rule.classes.includes(g.slice(0, 3)) || rule.codes.includes(g);
    if (!classOk) {
      const wanted = [...rule.classes.map((c) => `${c}xx`), ...rule.codes].join(' 或 ');
      // 30101 → 50502: the class 505 fits (50501), only the 款 is wrong — unless the unit is a 机关,
      // whose rows never use the 事业 classes 505/506: then the class is wrong too.
      const part = rule.codes.some((c) => c.slice(0, 3) === g.slice(0, 3)) && scopeKind !== '机关' ? 1 : 0;
      return report(r, 'error', part, expectedFor(pair, scopeKind),
        `${describe(cat, dept)} 属 ${dept.slice(0, 3)} 类，应对应政府经济分类 ${wanted}，实为 ${describe(cat, g)}`);
    }
    if (pair && !listed) return notInTable(r, cat, pair, scopeKind);
    return undefined;
  }
  if (!pair || listed) return undefined;
  const allowed = [...pair.jiguan, ...pair.shiye];
  // Classes without an explicit rule: the lists come from memory, so only warn.
  const classes = new Set(allowed.map((c) => c.slice(0, 3)));
  if (!classes.has(g.slice(0, 3))) {
    return report(r, 'warning', 0, expectedFor(pair, scopeKind),
      `${describe(cat, dept)} 通常对应政府经济分类 ${allowed.join(' 或 ')}，实为 ${describe(cat, g)}，请核对`);
  }
  return notInTable(r, cat, pair, scopeKind);
}

function notInTable(r: EconRow, cat: Catalog, pair: EconPair, scopeKind: string | undefined): Finding {
  const expected = expectedFor(pair, scopeKind);
  const pairText = `${describe(cat, r.econ.dept)} 与 ${describe(cat, r.econ.gov!)} 不在两套经济分类对照表中`;
  const list = (codes: string[]) => codes.map((c) => describe(cat, c)).join(' 或 ');
  let why: string;
  if (expected && (scopeKind === '机关' || scopeKind === '事业')) {
    const other = scopeKind === '机关' ? pair.shiye : pair.jiguan;
    why = `${pairText}：${scopeKind === '机关' ? '机关' : '事业单位'}应对应 ${describe(cat, expected)}${other.length ? `（${scopeKind === '机关' ? '事业单位' : '机关'}为 ${other.join('/')}）` : ''}`;
  } else {
    const both = pair.jiguan.length && pair.shiye.length ? `：机关应对应 ${list(pair.jiguan)}，事业单位应对应 ${list(pair.shiye)}` : `：应对应 ${list([...pair.jiguan, ...pair.shiye])}`;
    why = pairText + both;
  }
  const head = expected ? `${r.econ.dept} 与 ${r.econ.gov} 不对应：${scopeKind === '机关' || scopeKind === '事业' ? `${scopeKind === '机关' ? '机关' : '事业单位'}应为` : '应为'} ${describe(cat, expected)}` : undefined;
  return report(r, 'warning', 1, expected, why, head);
}

/** The 政府 code the table gives for the scope's unit kind (机关 / 事业), when there is one. */
function expectedFor(pair: EconPair | undefined, scopeKind: string | undefined): string | null {
  if (!pair) return null;
  if (scopeKind === '机关' && pair.jiguan.length === 1) return pair.jiguan[0];
  if (scopeKind === '事业' && pair.shiye.length === 1) return pair.shiye[0];
  const all = [...new Set([...pair.jiguan, ...pair.shiye])];
  return all.length === 1 ? all[0] : null;
}

function report(r: EconRow, severity: Severity, part: 0 | 1, expected: string | null, why: string, headline?: string): Finding {
  const at = econPartRef(r, 'gov', part) ?? r.econ.refs[r.econ.refs.length - 1];
  return finding({
    rule: ID,
    severity,
    at,
    related: econRowCells(r, at),
    expected,
    actual: r.econ.gov ?? null,
    table: r.table.id,
    message: `${tableLabel(r.table.id)}：${why}`,
    headline,
  });
}
