/**
 * In-memory code mutants of a clean workbook, built the way fixtures/README.md describes the four
 * code kinds (bad-function-code, code-name-mismatch, bad-econ-pair, unit-kind-code). The grids are
 * changed in place of a copy; the returned `cell` is the mutated cell a finding must point at.
 */
import type { CellRef, SheetGrid } from '../../src/core/grid';
import { gridOrigin, parseA1 } from '../../src/core/grid';
import { readBook } from '../../src/core/parse';
import { buildCatalog, pairOf, unitKindOfGov } from '../../src/core/catalog';
import type { BudgetBook } from '../../src/core/model';
import { econNameRef, econPartRef, econRows, funcNameRef, funcPartRef, funcRows } from '../../src/core/rules/code/common';
import { rng } from '../helpers/random';
import { copyGrids, setCell } from '../helpers/grids';

export type CodeKind = 'bad-function-code' | 'code-name-mismatch' | 'bad-econ-pair' | 'unit-kind-code';

export interface Mutant {
  kind: CodeKind;
  grids: SheetGrid[];
  cell: CellRef;
  implicated: CellRef[];
  note: string;
}

function pick<T>(list: T[], r: () => number): T {
  return list[Math.floor(r() * list.length)];
}

function get(grids: SheetGrid[], ref: CellRef): unknown {
  const g = grids.find((x) => x.name === ref.sheet)!;
  const o = gridOrigin(g);
  const p = parseA1(ref.cell);
  return g.values[p.row - o.row]?.[p.col - o.col];
}

/** Names of 项 used anywhere, by code (the generator labels a code with another code's name). */
const OTHER_NAMES: Record<string, string> = {
  '2010301': '行政运行',
  '2010350': '事业运行',
  '2080501': '行政单位离退休',
  '2080502': '事业单位离退休',
  '2080505': '机关事业单位基本养老保险缴费支出',
  '2089999': '其他社会保障和就业支出',
  '2101101': '行政单位医疗',
  '2101102': '事业单位医疗',
  '2101103': '公务员医疗补助',
  '2101199': '其他行政事业单位医疗支出',
  '2169999': '其他商业服务业等支出',
  '2210201': '住房公积金',
  '2080101': '行政运行',
  '2080102': '一般行政管理事务',
  '2050201': '学前教育',
  '2050202': '小学教育',
  '2050203': '初中教育',
  '2050204': '高中教育',
};

const GOV_NAMES: Record<string, string> = {
  '50101': '工资奖金津补贴',
  '50102': '社会保障缴费',
  '50103': '住房公积金',
  '50199': '其他工资福利支出',
  '50201': '办公经费',
  '50206': '公务接待费',
  '50299': '其他商品和服务支出',
  '50501': '工资福利支出',
  '50502': '商品和服务支出',
  '50905': '离退休费',
};

export function makeMutant(clean: SheetGrid[], kind: CodeKind, seed: number): Mutant | undefined {
  const r = rng(seed);
  const book: BudgetBook = readBook(clean);
  const grids = copyGrids(clean);
  if (kind === 'bad-function-code' || kind === 'code-name-mismatch') {
    const tables = kind === 'bad-function-code' ? (['T03', 'T05', 'T09', 'T14'] as const) : (['T03', 'T05', 'T09'] as const);
    const rows = funcRows(book, [...tables]).filter((x) => x.func.xiang && x.func.refs.length === 3 && x.name);
    if (!rows.length) return undefined;
    const row = pick(rows, r);
    const implicated = [...row.func.refs, funcNameRef(row)!];
    if (kind === 'bad-function-code') {
      const part = r() < 0.4 ? 1 : 2;
      const value = part === 1 ? '88' : pick(['77', '66', '88'], r);
      const cell = funcPartRef(row, part);
      if (get(grids, cell) === value) return undefined;
      setCell(grids, cell, value);
      return { kind, grids, cell, implicated, note: `${row.table.id} ${row.func.code} ${part === 1 ? '款' : '项'} → ${value}` };
    }
    const names = Object.entries(OTHER_NAMES).filter(([c, n]) => c !== row.func.code && n !== row.name);
    const [, name] = pick(names, r);
    const cell = funcNameRef(row)!;
    setCell(grids, cell, name);
    return { kind, grids, cell, implicated, note: `${row.table.id} ${row.func.code} labelled ${name}` };
  }
  const cat = buildCatalog([]);
  const rows = econRows(book).filter((x) => x.econ.gov && /^30[12]/.test(x.econ.dept));
  if (!rows.length) return undefined;
  const row = pick(rows, r);
  const gov = row.econ.gov!;
  let target: string | undefined;
  if (kind === 'bad-econ-pair') {
    const cls = row.econ.dept.slice(0, 3);
    const wrong = Object.keys(GOV_NAMES).filter((g) => g !== gov && (cls === '301' ? !g.startsWith('501') && g !== '50501' : !g.startsWith('502') && g !== '50502') && !g.startsWith('509'));
    target = pick(wrong, r);
  } else {
    const k = unitKindOfGov(gov);
    const p = pairOf(cat, row.econ.dept);
    if (!k || !p) return undefined;
    const list = k === '机关' ? p.shiye : p.jiguan;
    if (!list.length) return undefined;
    target = pick(list, r);
  }
  if (!target || !GOV_NAMES[target]) return undefined;
  const refs = [econPartRef(row, 'gov', 0)!, econPartRef(row, 'gov', 1)!];
  const split = refs[0].cell !== refs[1].cell;
  const implicated = [...row.econ.refs, econNameRef(row, 'dept')!, econNameRef(row, 'gov')!];
  let cell: CellRef;
  if (split) {
    if (target.slice(0, 3) !== gov.slice(0, 3)) setCell(grids, refs[0], target.slice(0, 3));
    if (target.slice(3) !== gov.slice(3)) setCell(grids, refs[1], target.slice(3));
    cell = target.slice(0, 3) !== gov.slice(0, 3) ? refs[0] : refs[1];
  } else {
    setCell(grids, refs[0], target);
    cell = refs[0];
  }
  setCell(grids, econNameRef(row, 'gov')!, GOV_NAMES[target]);
  return { kind, grids, cell, implicated, note: `${row.table.id} ${row.econ.dept} ${gov} → ${target}${row.row.unitCode ? ` (unit ${row.row.unitCode})` : ''}` };
}
