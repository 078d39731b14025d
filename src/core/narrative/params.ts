/**
 * Reads the 说明参数 sheet by label text (never by row number): label in column A, value in
 * column B; the 分项上年数, 重点项目 and 专项转移支付 blocks as small tables whose header row starts
 * with 科目编码 / 重点项目 / 专项转移支付项目名称 and which end at the first empty row.
 */
import type { CellValue, SheetGrid } from '../grid';
import { a1, gridOrigin } from '../grid';
import { LIST, PARAMS_SHEET, PARAMS_TITLE, normLabel } from './labels';
import { widthOf } from '../list';

export interface ParamCell {
  /** Label as written in column A. */
  label: string;
  value: CellValue;
  format: string | null;
  /** A1 address of the value (column B). */
  cell: string;
  row: number;
}

export interface ListCell {
  value: CellValue;
  format: string | null;
  cell: string;
}

export interface ListRow {
  row: number;
  /** By header text (normalised). */
  cells: Record<string, ListCell>;
}

export interface ParamList {
  headerCell: string;
  headerRow: number;
  columns: string[];
  rows: ListRow[];
}

export interface NarrativeParams {
  sheet: string;
  titleCell: string;
  /** By normalised label. */
  fields: Record<string, ParamCell>;
  items?: ParamList;
  keyProjects?: ParamList;
  transfers?: ParamList;
}

type Cell = { value: CellValue; format: string | null };

/** Cell access in absolute 1-based coordinates. */
function reader(grid: SheetGrid) {
  const o = gridOrigin(grid);
  const get = (row: number, col: number): Cell => {
    const r = row - o.row;
    const c = col - o.col;
    const value = grid.values[r]?.[c] ?? null;
    const format = grid.formats?.[r]?.[c] ?? null;
    return { value, format };
  };
  const lastRow = o.row + grid.values.length - 1;
  const lastCol = o.col + widthOf(grid.values) - 1;
  return { get, first: o, lastRow, lastCol };
}

export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return '';
  return String(v).trim();
}

/** The 说明参数 sheet: its title cell reads 说明参数 (the sheet name alone is not enough). */
export function findParamsSheet(grids: SheetGrid[]): { grid: SheetGrid; titleCell: string } | undefined {
  const found: { grid: SheetGrid; titleCell: string }[] = [];
  for (const grid of grids) {
    const r = reader(grid);
    let hit: string | undefined;
    for (let row = r.first.row; row <= Math.min(r.lastRow, r.first.row + 2) && !hit; row++) {
      for (let col = r.first.col; col <= Math.min(r.lastCol, r.first.col + 3); col++) {
        if (normLabel(cellText(r.get(row, col).value)) === PARAMS_TITLE) {
          hit = a1(row, col);
          break;
        }
      }
    }
    if (hit) found.push({ grid, titleCell: hit });
  }
  return found.find((f) => f.grid.name === PARAMS_SHEET) ?? found[0];
}

const LIST_HEADERS: Record<string, 'items' | 'keyProjects' | 'transfers'> = {
  [normLabel(LIST.items.header)]: 'items',
  [normLabel(LIST.keyProjects.header)]: 'keyProjects',
  [normLabel(LIST.transfers.header)]: 'transfers',
};

export function readParams(grids: SheetGrid[]): NarrativeParams | undefined {
  const found = findParamsSheet(grids);
  if (!found) return undefined;
  const { grid, titleCell } = found;
  const r = reader(grid);
  const params: NarrativeParams = { sheet: grid.name, titleCell, fields: {} };
  const titleRow = Number(/\d+$/.exec(titleCell)![0]);
  for (let row = titleRow + 1; row <= r.lastRow; row++) {
    const label = cellText(r.get(row, 1).value);
    if (!label || /^【.*】$/.test(label)) continue;
    const key = normLabel(label);
    const list = LIST_HEADERS[key];
    if (list) {
      if (params[list]) continue;
      const block = readList(r, row);
      params[list] = block;
      row = block.rows.length ? block.rows[block.rows.length - 1].row : row;
      continue;
    }
    if (params.fields[key]) continue;
    const b = r.get(row, 2);
    params.fields[key] = { label, value: blankToNull(b.value), format: b.format, cell: a1(row, 2), row };
  }
  return params;
}

function blankToNull(v: CellValue): CellValue {
  return typeof v === 'string' && v.trim() === '' ? null : v;
}

function readList(r: ReturnType<typeof reader>, headerRow: number): ParamList {
  const columns: { name: string; col: number }[] = [];
  for (let col = 1; col <= r.lastCol; col++) {
    const t = cellText(r.get(headerRow, col).value);
    if (!t) break;
    columns.push({ name: normLabel(t), col });
  }
  const rows: ListRow[] = [];
  for (let row = headerRow + 1; row <= r.lastRow; row++) {
    const cells: Record<string, ListCell> = {};
    let any = false;
    for (const c of columns) {
      const { value, format } = r.get(row, c.col);
      const v = blankToNull(value);
      if (v !== null) any = true;
      cells[c.name] = { value: v, format, cell: a1(row, c.col) };
    }
    if (!any) break;
    // A 【…】 row right after a block without an empty row still ends it.
    if (/^【.*】$/.test(cellText(r.get(row, 1).value))) break;
    rows.push({ row, cells });
  }
  return { headerCell: a1(headerRow, 1), headerRow, columns: columns.map((c) => c.name), rows };
}
