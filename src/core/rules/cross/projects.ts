/** Rules 86–90: projects T10 ↔ T03/T05/T09 ↔ T12, and T11 ↔ T03. */
import type { Amount } from '../../amount';
import type { BodyRow, BudgetBook, GridTable, T12Project } from '../../model';
import { COL, TEXT, gridTable, t11, t12 } from '../../model';
import type { Finding } from '../../report';
import { relationRule } from '../define';
import type { Relation } from '../relation';
import { amountUnits, leavingOutHeld, mayLeaveOut, term } from '../relation';
import type { Rule } from '../types';
import { hasColumnCached, totalRow } from '../table/kit';
import { normName, PROJECT_TYPES } from '../table/t10';
import { t11Term } from '../table/t11';
import type { Side } from './kit';
import { crossRel, decimalsOf, sumSide, totalSide, tn } from './kit';

const E = COL.expense;
const C10 = COL.t10;
const C12 = COL.t12;

function projects(t: GridTable): BodyRow[] {
  return t.rows.filter((r) => r.kind === 'project');
}

/** T10 合计 row cell, or Σ of the projects when the table has no 合计 row. */
function t10Side(t: GridTable, col: string): Side {
  return totalRow(t) ? totalSide(t, col) : sumSide(t, projects(t), col, `${tn('T10')} 各项目 ${col} 之和`);
}

interface Match {
  p: T12Project;
  r?: BodyRow;
}

const matchCache = new WeakMap<T12Project[], { t10: GridTable; matches: Match[] }>();
/** Pairs each T12 project with a T10 project (three rules ask: computed once per book). */
function matchProjects(t10: GridTable, ps: T12Project[]): Match[] {
  const hit = matchCache.get(ps);
  if (hit && hit.t10 === t10) return hit.matches;
  const matches = computeMatches(t10, ps);
  matchCache.set(ps, { t10, matches });
  return matches;
}

/** Pairs each T12 project with a T10 project: same unit and name, else same name when it is unique. */
function computeMatches(t10: GridTable, ps: T12Project[]): Match[] {
  const byUnitName = new Map<string, BodyRow>();
  const byName = new Map<string, BodyRow[]>();
  for (const r of projects(t10)) {
    if (!r.name) continue;
    const n = normName(r.name.text);
    byUnitName.set(`${r.unitCode ?? ''}|${n}`, r);
    const l = byName.get(n) ?? [];
    l.push(r);
    byName.set(n, l);
  }
  const units = new Set(projects(t10).map((r) => r.unitCode));
  const used = new Set<BodyRow>();
  return ps.map((p) => {
    const n = normName(p.name.text);
    let r = byUnitName.get(`${p.unitCode ?? ''}|${n}`);
    if (!r || used.has(r)) {
      const cands = (byName.get(n) ?? []).filter((x) => !used.has(x));
      const sameAmount = cands.find((x) => (x.amounts[C10.total]?.scaled ?? 0) === (p.amounts[C12.total]?.scaled ?? 0));
      // Many units have a project of the same name (学生资助工作经费). When T10 lists T12's unit, another
      // unit's project is this one only if the amounts agree; else this one is missing from T10.
      if (p.unitCode && units.has(p.unitCode)) r = cands.find((x) => x.unitCode === p.unitCode) ?? sameAmount;
      else r = cands.length === 1 ? cands[0] : sameAmount ?? cands[0];
    }
    if (r) used.add(r);
    return { p, r };
  });
}

/** The 合计 of the T10 project each T12 project matches (none without a T10 or a match). */
export function t10TotalOf(book: BudgetBook): (p: T12Project) => Amount | undefined {
  const t10 = gridTable(book, 'T10');
  const t = t12(book);
  if (!t10 || !t) return () => undefined;
  const byProject = new Map(matchProjects(t10, t.projects).map((m) => [m.p, m.r?.amounts[C10.total]]));
  return (p) => byProject.get(p);
}

function t12Term(p: T12Project, sheet: string) {
  return term(p.amounts[C12.total], `${tn('T12')} ${p.name.text}·资金总额`, { table: 'T12', row: p.row, col: C12.total, group: `${sheet}!${p.row}` });
}

export const projectRules: Rule[] = [
  relationRule({ id: 'X.T10-T03.project', severity: 'error', title: '项目支出预算表合计与部门（一般公共预算、政府性基金）支出表项目支出一致', needs: ['T10', 'T03'] }, (book) => {
    const t10 = gridTable(book, 'T10');
    const t3 = gridTable(book, 'T03');
    if (!t10 || !t3 || !totalRow(t3)) return [];
    const out: Relation[] = [crossRel(book, 'X.T10-T03.project', 'error', ['T10', 'T03'], t10Side(t10, C10.total), totalSide(t3, E.project))];
    const t5 = gridTable(book, 'T05');
    if (t5 && totalRow(t5) && hasColumnCached(t10, C10.gpb)) out.push(crossRel(book, 'X.T10-T03.project', 'error', ['T10', 'T05'], t10Side(t10, C10.gpb), totalSide(t5, E.project)));
    const t9 = gridTable(book, 'T09');
    if (t9 && totalRow(t9) && hasColumnCached(t10, C10.fund) && hasColumnCached(t9, E.project)) {
      out.push(crossRel(book, 'X.T10-T03.project', 'error', ['T10', 'T09'], t10Side(t10, C10.fund), totalSide(t9, E.project)));
    }
    return out;
  }),
  relationRule({ id: 'X.T10-T03.type', severity: 'error', title: '项目支出预算表按类型之和 = 部门支出总体情况表其他运转类/特定目标类', needs: ['T10', 'T03'] }, (book) => {
    const t10 = gridTable(book, 'T10');
    const t3 = gridTable(book, 'T03');
    if (!t10 || !t3 || !totalRow(t3)) return [];
    const out: Relation[] = [];
    const ps = projects(t10);
    for (const [type, col] of [
      [PROJECT_TYPES[0], E.projectRunning],
      [PROJECT_TYPES[1], E.projectTarget],
    ]) {
      if (!hasColumnCached(t3, col)) continue;
      const rows = ps.filter((r) => normName(r.texts[TEXT.t10.type]?.text ?? '') === type);
      out.push(crossRel(book, 'X.T10-T03.type', 'error', ['T10', 'T03'], sumSide(t10, rows, C10.total, `${tn('T10')} ${type}项目合计之和`), totalSide(t3, col)));
    }
    return out;
  }),
  relationRule(
    { id: 'X.T12-T10.match', severity: 'error', title: '项目绩效目标表每个项目与项目支出预算表同名项目金额一致', needs: ['T12', 'T10'] },
    (book) => {
      const t10 = gridTable(book, 'T10');
      const t = t12(book);
      if (!t10 || !t) return [];
      const d = decimalsOf(book, ['T12', 'T10']);
      const skipping = leavingOutHeld();
      return matchProjects(t10, t.projects)
        .filter((m) => m.r && !(skipping && mayLeaveOut(amountUnits(m.p.amounts[C12.total], d), amountUnits(m.r.amounts[C10.total], d))))
        .map((m) =>
          crossRel(book, 'X.T12-T10.match', 'error', ['T12', 'T10'], { terms: [t12Term(m.p, t.sheet)], text: `${tn('T12')} “${m.p.name.text}”资金总额` }, sumSide(t10, [m.r!], C10.total, `${tn('T10')} 同名项目合计`)),
        );
    },
    (book) => {
      const t10 = gridTable(book, 'T10');
      const t = t12(book);
      if (!t10 || !t) return [];
      return matchProjects(t10, t.projects)
        .filter((m) => !m.r)
        .map(
          (m): Finding => ({
            rule: 'X.T12-T10.match',
            severity: 'error',
            sheet: m.p.name.ref.sheet,
            cell: m.p.name.ref.cell,
            related: [],
            expected: null,
            actual: m.p.name.text,
            message: `${tn('T12')} 项目“${m.p.name.text}”在 ${tn('T10')} 中找不到同名项目`,
            table: 'T12',
          }),
        );
    },
  ),
  relationRule(
    { id: 'X.T12-T10.coverage', severity: 'warning', title: '项目支出预算表每个项目都有绩效目标，项目数和金额合计一致', needs: ['T12', 'T10'] },
    (book) => {
      const t10 = gridTable(book, 'T10');
      const t = t12(book);
      if (!t10 || !t || !t.projects.length) return [];
      const top = t.rows.find((r) => r.kind === 'dept') ?? t.rows.find((r) => r.kind === 'unit');
      const lhs: Side = top
        ? { terms: [term(top.amounts[C12.total], `${tn('T12')} ${top.name?.text ?? top.code?.text ?? ''}·资金总额`, { table: 'T12', row: top.row, col: C12.total })], text: `${tn('T12')} 部门行资金总额` }
        : { terms: t.projects.map((p) => t12Term(p, t.sheet)), text: `${tn('T12')} 各项目资金总额之和` };
      return [crossRel(book, 'X.T12-T10.coverage', 'warning', ['T12', 'T10'], lhs, t10Side(t10, C10.total))];
    },
    (book) => {
      const t10 = gridTable(book, 'T10');
      const t = t12(book);
      if (!t10 || !t) return [];
      const matched = new Set(matchProjects(t10, t.projects).map((m) => m.r));
      return projects(t10)
        .filter((r) => !matched.has(r) && r.name && (r.amounts[C10.total]?.scaled ?? 0) !== 0)
        .map(
          (r): Finding => ({
            rule: 'X.T12-T10.coverage',
            severity: 'warning',
            sheet: r.name!.ref.sheet,
            cell: r.name!.ref.cell,
            related: [],
            expected: null,
            actual: r.name!.text,
            message: `${tn('T10')} 项目“${r.name!.text}”在 ${tn('T12')} 中没有绩效目标`,
            table: 'T10',
          }),
        );
    },
  ),
  relationRule({ id: 'X.T11-T03.structure', severity: 'error', title: '整体绩效目标表基本支出、项目支出与部门支出总体情况表一致', needs: ['T11', 'T03'] }, (book) => {
    const t = t11(book);
    const t3 = gridTable(book, 'T03');
    if (!t || !t3 || !totalRow(t3)) return [];
    const out: Relation[] = [];
    for (const [k, col] of [
      ['基本支出', E.basic],
      ['项目支出', E.project],
    ]) {
      if (t.fields[k] === undefined && t.labels[k] === undefined) continue;
      out.push(crossRel(book, 'X.T11-T03.structure', 'error', ['T11', 'T03'], { terms: [t11Term(t, k)], text: `${tn('T11')} ${k}` }, totalSide(t3, col)));
    }
    return out;
  }),
];
