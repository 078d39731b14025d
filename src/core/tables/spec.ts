/**
 * What a table spec says: its title variants, the header words that identify it when the title is
 * missing, and how header paths map to canonical column keys (tables.md §2–§4).
 */
import type { TableId } from '../model';

export type ColumnKind = 'amount' | 'text' | 'code';

/** One canonical column: matched leaf first, ancestors to disambiguate (tables.md §4). */
export interface ColumnRule {
  key: string;
  kind: ColumnKind;
  /** Accepted normalised leaf texts. */
  leaf: string[];
  /** Match the leaf by containment instead of equality. */
  contains?: boolean;
  /** Every one of these must occur (as a substring) in some ancestor of the leaf. */
  under?: string[];
  /** None of these may occur in an ancestor. */
  notUnder?: string[];
  /** The path must be exactly the leaf (a top-level column without children). */
  top?: boolean;
}

/** How the body of a grid table is read (see parse/grid-rows.ts). */
export type RowFamily = 'expense' | 't02' | 't06' | 't07' | 't10' | 't14';

export interface TableSpec {
  id: TableId;
  /** Normalised title variants (normTitle), matched as a suffix, longest first. */
  titles: string[];
  /** Header words that identify the table without a title; also used to confirm a title. */
  signature: string[];
  /** How many signature words a header row must show to confirm a title (the 目录 never does). */
  confirm: number;
  columns: ColumnRule[];
  /** Group words of the header (besides the column leaves) that mark a row as a header row. */
  groups: string[];
  family?: RowFamily;
}

export const amount = (key: string, leaf: string[], extra: Partial<ColumnRule> = {}): ColumnRule => ({ key, kind: 'amount', leaf, ...extra });
export const text = (key: string, leaf: string[], extra: Partial<ColumnRule> = {}): ColumnRule => ({ key, kind: 'text', leaf, ...extra });
export const code = (key: string, leaf: string[], extra: Partial<ColumnRule> = {}): ColumnRule => ({ key, kind: 'code', leaf, ...extra });

/** Keys of the code / text columns of grid tables (ColumnInfo.key; amounts use COL in model.ts). */
export const CODE = {
  lei: '类',
  kuan: '款',
  xiang: '项',
  /** 单位代码 / 部门代码 column (T02, T03 family, 济源 T10). */
  unitCode: '单位代码',
  /** Name column: 单位（科目名称）, 部门名称, 项目名称 … */
  name: '名称',
  econ: '部门经济分类/科目编码',
  econName: '部门经济分类/科目名称',
  econLei: '部门经济分类/类',
  econKuan: '部门经济分类/款',
  gov: '政府经济分类/科目编码',
  govName: '政府经济分类/科目名称',
  govLei: '政府经济分类/类',
  govKuan: '政府经济分类/款',
  /** T12 单位编码（项目编码）. */
  projectCode: '编码',
  /** T01/T04 label and amount columns. */
  inLabel: '收入/项目',
  inAmount: '收入/金额',
  outLabel: '支出/项目',
  outAmount: '支出/金额',
} as const;

/** Function-code columns shared by T03/T05/T09/T13/T14. */
export const FUNC_CODE_COLUMNS: ColumnRule[] = [
  code(CODE.lei, ['类']),
  code(CODE.kuan, ['款']),
  code(CODE.xiang, ['项']),
  // The whole code in one cell (2080505) under one 科目编码 header.
  code(CODE.lei, ['科目编码', '功能分类科目编码', '支出功能分类科目编码', '科目代码', '功能科目编码']),
];
