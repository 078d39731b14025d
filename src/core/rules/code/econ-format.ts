/**
 * C.econ-format (rules.md 97): 部门 code 3xxxx whose 类 is one of 301, 302, 303, 307, 309, 310, 311,
 * 312, 313, 399; 政府 code 5xxxx whose 类 is one of 501–514, 599; T07's split form 3 + 2 digits.
 */
import type { BudgetBook } from '../../model';
import type { Finding } from '../../report';
import type { Rule } from '../types';
import type { EconRow, EconSide } from './common';
import { econPartRef, econRowCells, econRows, finding, isDigits, tableLabel } from './common';

const ID = 'C.econ-format';

export const DEPT_CLASSES = new Set(['301', '302', '303', '307', '309', '310', '311', '312', '313', '399']);
export const GOV_CLASSES = new Set(['501', '502', '503', '504', '505', '506', '507', '508', '509', '510', '511', '512', '513', '514', '599']);

export const econFormat: Rule = {
  id: ID,
  severity: 'error',
  title: '经济分类科目编码格式',
  needs: [],
  check(book: BudgetBook): Finding[] {
    const out: Finding[] = [];
    // A code is valid or not whatever its row: each distinct valid code is checked once.
    const good = { dept3: new Set<string>(), dept5: new Set<string>(), gov: new Set<string>() };
    const check = (code: string, classes: Set<string>, length: number, seen: Set<string>): Bad | undefined => {
      if (seen.has(code)) return undefined;
      const bad = badCode(code, classes, length);
      if (!bad) seen.add(code);
      return bad;
    };
    for (const r of econRows(book, true)) {
      const classRow = r.row.kind === 'econClass';
      const bad = check(r.econ.dept, DEPT_CLASSES, classRow ? 3 : 5, classRow ? good.dept3 : good.dept5);
      if (bad) out.push(report(r, 'dept', bad, r.econ.dept));
      else if (r.econ.gov !== undefined) {
        const g = check(r.econ.gov, GOV_CLASSES, 5, good.gov);
        if (g) out.push(report(r, 'gov', g, r.econ.gov));
      }
    }
    return out;
  },
};

interface Bad {
  part: 0 | 1;
  why: string;
}

function badCode(code: string, classes: Set<string>, length: number): Bad | undefined {
  const kind = classes === DEPT_CLASSES ? '部门' : '政府';
  if (!isDigits(code)) return { part: 0, why: `应为${length}位数字` };
  const cls = code.slice(0, 3);
  if (!classes.has(cls)) return { part: 0, why: `类级编码 ${cls} 不是${kind}预算支出经济分类的类（应为 ${[...classes].join('、')} 之一）` };
  if (code.length !== length) return { part: code.length > 3 ? 1 : 0, why: `应为${length}位（类 3 位 + 款 2 位）` };
  return undefined;
}

function report(r: EconRow, side: EconSide, bad: Bad, code: string): Finding {
  const at = econPartRef(r, side, bad.part) ?? r.econ.refs[0];
  const label = side === 'dept' ? '部门预算支出经济分类' : '政府预算支出经济分类';
  return finding({
    rule: ID,
    severity: 'error',
    at,
    related: econRowCells(r, at),
    actual: code,
    table: r.table.id,
    message: `${tableLabel(r.table.id)}：${label}编码“${code}”无效：${bad.why}`,
  });
}
