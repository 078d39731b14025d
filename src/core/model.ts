/**
 * The typed tables (BudgetBook): what recognition + parsing produce and what rules and the
 * narrative read. Rules never look at raw cells; every amount carries its source cell.
 *
 * Column keys are canonical Chinese paths, the same in both layouts (平顶山 "pds", 济源 "jy");
 * a column a layout does not have is simply absent from `amounts`.
 */
import type { Amount } from './amount';
import type { CellRef } from './grid';

export type TableId = 'T01' | 'T02' | 'T03' | 'T04' | 'T05' | 'T06' | 'T07' | 'T08' | 'T09' | 'T10' | 'T11' | 'T12' | 'T13' | 'T14';
export const TABLE_IDS: TableId[] = ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09', 'T10', 'T11', 'T12', 'T13', 'T14'];

export type Layout = 'pds' | 'jy';

/** Canonical column keys per table family. */
export const COL = {
  /** T03, T05, T09 and the 济源 T13. */
  expense: {
    total: '合计',
    basic: '基本支出/小计',
    wages: '基本支出/工资福利支出',
    individuals: '基本支出/对个人和家庭的补助',
    goods: '基本支出/商品和服务支出',
    capital: '基本支出/资本性支出',
    /** 济源: one 公用经费 column instead of 商品和服务 + 资本性. */
    publicCost: '基本支出/公用经费',
    project: '项目支出/小计',
    projectRunning: '项目支出/其他运转类',
    projectTarget: '项目支出/特定目标类',
  },
  /** 平顶山 T13 (its own template); 总计 is read as '合计'. */
  t13pds: {
    total: '合计',
    basic: '基本支出/小计',
    wages: '基本支出/工资福利支出',
    goods: '基本支出/商品和服务支出',
    individuals: '基本支出/对个人和家庭的补助',
    capital: '基本支出/资本性支出',
    project: '项目支出/小计',
    social: '项目支出/社会事业和经济发展项目',
    debt: '项目支出/债务项目',
    construction: '项目支出/基本建设项目',
    other: '项目支出/其他项目',
  },
  t02: {
    total: '总计',
    current: '本年收入/合计',
    gpb: '本年收入/一般公共预算/小计',
    gpbAppropriation: '本年收入/一般公共预算/财政拨款',
    fund: '本年收入/政府性基金',
    stateCapital: '本年收入/国有资本经营预算',
    specialAccount: '本年收入/财政专户管理资金收入',
    business: '本年收入/事业收入',
    operating: '本年收入/事业单位经营收入',
    superior: '本年收入/上级补助收入',
    subordinate: '本年收入/附属单位上缴收入',
    other: '本年收入/其他收入',
    carry: '上年结转结余/合计',
    carryGpb: '上年结转结余/一般公共预算',
    carryFund: '上年结转结余/政府性基金',
    carryStateCapital: '上年结转结余/国有资本经营预算',
    carrySpecialAccount: '上年结转结余/财政专户管理资金',
    carryUnit: '上年结转结余/单位资金',
  },
  t06: { total: '合计', personnel: '人员经费', publicCost: '公用经费' },
  t07: {
    total: '总计',
    gpb: '一般公共预算/小计',
    gpbAppropriation: '一般公共预算/财政拨款',
    fund: '政府性基金',
    stateCapital: '国有资本经营预算',
    carry: '上年结转结余',
    specialAccount: '财政专户管理资金收入',
    business: '事业收入',
    superior: '上级补助收入',
    subordinate: '附属单位上缴收入',
    operating: '事业单位经营收入',
    other: '其他收入',
    /** 济源 T07: 合计 (read as 总计) | 基本支出/小计, 人员经费, 公用经费 | 项目支出 instead of funding sources. */
    basic: '基本支出/小计',
    personnel: '基本支出/人员经费',
    publicCost: '基本支出/公用经费',
    project: '项目支出',
  },
  t08: {
    total: '合计',
    abroad: '因公出国(境)费',
    vehicle: '公务用车/小计',
    vehiclePurchase: '公务用车/购置费',
    vehicleRunning: '公务用车/运行费',
    reception: '公务接待费',
  },
  t10: {
    total: '合计',
    gpb: '本年拨款/一般公共预算',
    fund: '本年拨款/政府性基金',
    stateCapital: '本年拨款/国有资本经营预算',
    carryGpb: '结转结余/一般公共预算',
    carryFund: '结转结余/政府性基金',
    carryStateCapital: '结转结余/国有资本经营预算',
    specialAccount: '财政专户管理资金',
    unitFunds: '单位资金',
  },
  t12: { total: '资金总额', government: '政府预算资金', specialAccount: '财政专户管理资金', unitFunds: '单位资金' },
  t14: { quantity: '采购数量', amount: '金额' },
  /** T04 expense columns. */
  t04: {
    total: '合计',
    gpb: '一般公共预算/小计',
    gpbAppropriation: '一般公共预算/财政拨款',
    fund: '政府性基金',
    stateCapital: '国有资本经营预算',
  },
} as const;

/** Text columns of grid tables, keyed the same way. */
export const TEXT = {
  t10: { type: '类型', name: '项目名称', unit: '项目单位' },
  t14: { unitName: '单位名称', item: '采购项目', catalog: '采购目录', spec: '规格', measure: '计量单位' },
} as const;

export type RowKind =
  | 'total' // 合计 row
  | 'dept' // 3-digit department code row
  | 'unit' // 6-digit unit code row
  | 'func' // function-code row (类/款/项); a row with empty 款/项 is a subtotal
  | 'econ' // 5-digit economic detail row (T06, T07)
  | 'econClass' // 3-digit economic 类 subtotal row (济源 T06)
  | 'project' // T10 / T12 project
  | 'item' // T14 procurement item
  | 'other'; // a body row that fits none of the above (kept, reported by P rules)

export interface TextCell {
  text: string;
  ref: CellRef;
}

export interface FuncCode {
  /** "201" */
  lei: string;
  /** "03" or undefined for a 类 subtotal */
  kuan?: string;
  /** "01" or undefined for a 款 subtotal */
  xiang?: string;
  /** Joined: "201", "20103" or "2010301". */
  code: string;
  /** Cells holding the code parts. */
  refs: CellRef[];
}

export interface EconCode {
  /** 部门经济分类 code, "30101" (or "301" for a class row). */
  dept: string;
  deptName?: string;
  /** 政府经济分类 code, "50101" (T06/T07 detail rows). */
  gov?: string;
  govName?: string;
  refs: CellRef[];
}

/** One body row of a grid table. */
export interface BodyRow {
  kind: RowKind;
  /** Absolute 1-based sheet row. */
  row: number;
  sheet: string;
  /** Name / label cell (项 name, unit name, project name, …). */
  name?: TextCell;
  func?: FuncCode;
  econ?: EconCode;
  /** Department code on a dept row ("134"), unit code on a unit row ("134001"), 21-digit project code. */
  code?: TextCell;
  /** The unit (6-digit) and department (3-digit) this row belongs to, from the nearest unit/department row above. */
  unitCode?: string;
  deptCode?: string;
  /** Amounts by canonical column key. */
  amounts: Record<string, Amount>;
  /** Other text cells by canonical key (T10 类型/项目单位, T14 采购项目…). */
  texts: Record<string, TextCell>;
}

export interface ColumnInfo {
  key: string;
  /** Normalised header path, top-down. */
  path: string[];
  /** Absolute 1-based column. */
  col: number;
}

export interface Note {
  text: string;
  ref: CellRef;
}

export interface TableBase {
  id: TableId;
  sheet: string;
  /** A1 range the table occupies, e.g. "A1:D44". */
  range: string;
  title: string;
  titleRef: CellRef;
  layout: Layout;
  /** Year from the title prefix / T11 year row. */
  year?: number;
  deptName?: TextCell;
  /** "万元" or "元" as the unit row / labels say; undefined when the table states none. */
  unit?: string;
  unitRef?: CellRef;
  /** Decimals the table displays (the most common among its amounts). */
  decimals: number;
  columns: ColumnInfo[];
  notes: Note[];
  /** A "…故本表无数据" statement, if present. */
  noDataNote?: Note;
}

export interface GridTable extends TableBase {
  kind: 'grid';
  id: 'T02' | 'T03' | 'T05' | 'T06' | 'T07' | 'T09' | 'T10' | 'T13' | 'T14';
  rows: BodyRow[];
}

/** A labelled line of T01 / T04. */
export interface Line {
  /**
   * Canonical key. Income (T01): '一般公共预算', '一般公共预算/财政拨款', '政府性基金', '国有资本经营',
   * '财政专户管理资金', '事业收入', '事业单位经营收入', '上级补助收入', '附属单位上缴收入', '其他收入',
   * '本年收入合计', '上年结转结余', '收入总计'; 济源 sub-rows as '<parent>/<label>', e.g.
   * '一般公共预算/专项收入', '政府性基金/上级提前下达'.
   * Income (T04): '本年收入', '本年收入/一般公共预算', '本年收入/一般公共预算/财政拨款', '本年收入/政府性基金',
   * '本年收入/国有资本经营', '上年结转', '上年结转/一般公共预算', '上年结转/政府性基金', '上年结转/国有资本经营',
   * '收入合计'.
   * Expense: '类:201' … for class lines, '本年支出合计' (T01) / '本年支出' (T04), '年终结转结余', '支出总计' (T01) /
   * '支出合计' (T04).
   */
  key: string;
  label: TextCell;
  /** Function 类 code for class lines ("201"). */
  lei?: string;
  /** T01 lines and T04 income lines: their one amount. */
  amount?: Amount;
  /** T04 expense lines: amounts by COL.t04 key. */
  amounts?: Record<string, Amount>;
}

export interface LinesTable extends TableBase {
  kind: 'lines';
  id: 'T01' | 'T04';
  income: Line[];
  expense: Line[];
}

export interface T08Table extends TableBase {
  kind: 't08';
  id: 'T08';
  /** The one data row, by COL.t08 key; empty when the table has no data row. */
  amounts: Record<string, Amount>;
}

export interface T11Table extends TableBase {
  kind: 't11';
  id: 'T11';
  /** '部门预算总额', '政府预算资金', '财政专户管理资金', '单位资金', '基本支出', '项目支出'. */
  fields: Record<string, Amount>;
  /** Where each label was found (for related cells). */
  labels: Record<string, TextCell>;
}

export type IndicatorKind = '成本指标' | '产出指标' | '效益指标' | '满意度指标';

export interface Indicator {
  kind: IndicatorKind;
  name: TextCell;
  value?: TextCell;
}

export interface T12Project {
  row: number;
  /** 21-digit project code (text); may be missing or damaged (then P.code-text reports it). */
  code?: TextCell;
  name: TextCell;
  unitCode?: string;
  /** By COL.t12 key. */
  amounts: Record<string, Amount>;
  indicators: Indicator[];
}

export interface T12Table extends TableBase {
  kind: 't12';
  id: 'T12';
  /** Department and unit rows (kind 'dept' / 'unit'), amounts by COL.t12 key. */
  rows: BodyRow[];
  projects: T12Project[];
}

export type ParsedTable = GridTable | LinesTable | T08Table | T11Table | T12Table;

/** Something the parser could not read, reported as a P.* finding. */
export interface ParseIssue {
  rule: string; // 'P.unit', 'P.code-text', 'P.cell', 'P.decimals', …
  severity: 'error' | 'warning' | 'info';
  ref: CellRef;
  message: string;
  related?: CellRef[];
  expected?: number | string | null;
  actual?: number | string | null;
  table?: TableId;
}

export interface BudgetBook {
  tables: Partial<Record<TableId, ParsedTable>>;
  layout: Layout;
  /** Workbook unit ('万元' unless every table says otherwise). */
  unit: string;
  /** Department name from T01 (else the first table that has one). */
  deptName?: string;
  year?: number;
  /** Problems met while reading: unreadable cells, lost leading zeros, unit rows, … */
  issues: ParseIssue[];
  /** Sheets that hold no recognised table (names), for the pane's empty state. */
  otherSheets: string[];
  /** Tables found but left out of the rules (an unknown unit, reported at its cell): present, not missing. */
  excluded?: TableId[];
}

/** Typed accessors so rules need no casts. */
export function gridTable(book: BudgetBook, id: GridTable['id']): GridTable | undefined {
  const t = book.tables[id];
  return t && t.kind === 'grid' ? t : undefined;
}
export function linesTable(book: BudgetBook, id: 'T01' | 'T04'): LinesTable | undefined {
  const t = book.tables[id];
  return t && t.kind === 'lines' ? t : undefined;
}
export function t08(book: BudgetBook): T08Table | undefined {
  const t = book.tables.T08;
  return t && t.kind === 't08' ? t : undefined;
}
export function t11(book: BudgetBook): T11Table | undefined {
  const t = book.tables.T11;
  return t && t.kind === 't11' ? t : undefined;
}
export function t12(book: BudgetBook): T12Table | undefined {
  const t = book.tables.T12;
  return t && t.kind === 't12' ? t : undefined;
}
