/**
 * A plain rendering of the fake workbook for the preview: sheet tabs, a virtualised grid with
 * values as displayed, cell fills (so highlights are visible), merged areas and the selection.
 * Double-click a cell to change its value, then 重新校验 in the pane.
 */
import * as React from 'react';
import { columnLetter, parseRange } from '../core/grid';
import type { FakeSheet, FakeWorkbook, Rect } from '../excel/fake/workbook';
import { fillStyle } from './fill-css';

const ROW_H = 24;
const HEAD_H = 24;
const ROW_HEAD_W = 48;
const DEFAULT_COL_W = 80;
const OVERSCAN = 6;

export function useBookVersion(book: FakeWorkbook): number {
  const [v, setV] = React.useState(0);
  React.useEffect(() => book.subscribe(() => setV((x) => x + 1)), [book]);
  return v;
}

export function SheetView({ book }: { book: FakeWorkbook }): React.ReactElement {
  useBookVersion(book);
  const visible = book.sheets.filter((s) => s.visibility === 'Visible');
  const active = visible.find((s) => s.id === book.activeSheetId) ?? visible[0];
  return (
    <div className="wb">
      {active ? <Grid key={active.id} book={book} sheet={active} /> : <div className="wb-empty">工作簿中没有可见的工作表。</div>}
      <nav className="tabs" aria-label="工作表">
        {visible.map((s) => (
          <button
            key={s.id}
            type="button"
            className={s === active ? 'tab tab-active' : 'tab'}
            onClick={() => {
              book.activate(s.id);
              book.emit();
            }}
            data-testid="sheet-tab"
            aria-current={s === active ? 'page' : undefined}
          >
            {s.name}
          </button>
        ))}
      </nav>
    </div>
  );
}

interface Layout {
  rows: number;
  cols: number;
  colX: number[];
  width: number;
  height: number;
  merges: Rect[];
  slaves: Set<string>;
}

function layoutOf(sheet: FakeSheet): Layout {
  const used = sheet.usedRect(false);
  const rows = Math.max(used?.bottom ?? 0, 30) + 5;
  const cols = Math.max(used?.right ?? 0, 8) + 2;
  const colX = [0, 0];
  for (let c = 1; c <= cols; c++) {
    const pt = sheet.colWidths.get(c);
    const w = pt ? Math.max(24, Math.round((pt * 4) / 3)) : DEFAULT_COL_W;
    colX[c + 1] = colX[c] + w;
  }
  const merges = sheet.merges.map((m) => {
    const r = parseRange(m);
    return { top: r.top, left: r.left, bottom: r.bottom, right: r.right };
  });
  const slaves = new Set<string>();
  for (const m of merges) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) slaves.add(`${r}:${c}`);
  return { rows, cols, colX, width: colX[cols + 1], height: rows * ROW_H, merges, slaves };
}

/**
 * The layout scans every cell of the sheet: recompute it only when the sheet's shape may have
 * changed, not on every scroll, selection or re-colouring (a 200,000-row sheet takes a while).
 */
function useLayout(sheet: FakeSheet): Layout {
  const cache = React.useRef<{ key: string; layout: Layout } | null>(null);
  const key = `${sheet.cells.size}|${sheet.merges.length}|${sheet.colWidths.size}`;
  if (!cache.current || cache.current.key !== key) cache.current = { key, layout: layoutOf(sheet) };
  return cache.current.layout;
}

function Grid({ book, sheet }: { book: FakeWorkbook; sheet: FakeSheet }): React.ReactElement {
  const scroller = React.useRef<HTMLDivElement>(null);
  const [view, setView] = React.useState({ top: 0, left: 0, height: 600, width: 800 });
  const [editing, setEditing] = React.useState<{ row: number; col: number; text: string } | null>(null);
  const layout = useLayout(sheet);

  React.useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return undefined;
    const measure = (): void => setView({ top: el.scrollTop, left: el.scrollLeft, height: el.clientHeight, width: el.clientWidth });
    measure();
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(measure) : null;
    ro?.observe(el);
    return () => ro?.disconnect();
  }, []);

  // Bring the selected cell into view after "go to cell".
  const sel = book.selection && book.selection.sheetId === sheet.id ? parseRange(book.selection.address.split(',')[0]) : null;
  const selKey = sel ? `${sel.top}:${sel.left}:${sel.bottom}:${sel.right}` : '';
  React.useEffect(() => {
    const el = scroller.current;
    if (!el || !sel) return;
    const x = layout.colX[sel.left];
    const y = (sel.top - 1) * ROW_H;
    const inX = x >= el.scrollLeft && x + 60 <= el.scrollLeft + el.clientWidth - ROW_HEAD_W;
    const inY = y >= el.scrollTop && y + ROW_H <= el.scrollTop + el.clientHeight - HEAD_H;
    if (!inX) el.scrollLeft = Math.max(0, x - (el.clientWidth - ROW_HEAD_W) / 3);
    if (!inY) el.scrollTop = Math.max(0, y - (el.clientHeight - HEAD_H) / 3);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selKey]);

  const first = Math.max(1, Math.floor(view.top / ROW_H) + 1 - OVERSCAN);
  const last = Math.min(layout.rows, Math.ceil((view.top + view.height) / ROW_H) + OVERSCAN);
  let firstCol = 1;
  while (firstCol < layout.cols && layout.colX[firstCol + 1] < view.left) firstCol++;
  let lastCol = firstCol;
  while (lastCol < layout.cols && layout.colX[lastCol] < view.left + view.width) lastCol++;

  const cells: React.ReactElement[] = [];
  const drawn = new Set<string>();
  const draw = (row: number, col: number, bottom: number, right: number): void => {
    const k = `${row}:${col}`;
    if (drawn.has(k)) return;
    drawn.add(k);
    const c = sheet.cell(row, col);
    const text = sheet.text(row, col);
    const numeric = typeof c?.value === 'number';
    const merged = bottom > row || right > col;
    const style: React.CSSProperties = {
      left: ROW_HEAD_W + layout.colX[col],
      top: HEAD_H + (row - 1) * ROW_H,
      width: layout.colX[right + 1] - layout.colX[col],
      height: (bottom - row + 1) * ROW_H,
      ...(c ? fillStyle(c.fill) : {}),
      fontWeight: c?.bold ? 600 : undefined,
      justifyContent: merged ? 'center' : numeric ? 'flex-end' : 'flex-start',
      // Rows have one fixed height here (Excel would grow them): long wrapped text is cut with "…", full text in the tooltip.
      whiteSpace: merged && bottom > row ? 'normal' : 'nowrap',
    };
    cells.push(
      <div
        key={k}
        className={merged ? 'cell cell-merged' : 'cell'}
        style={style}
        data-addr={`${columnLetter(col)}${row}`}
        title={text.length > 12 ? text : undefined}
        onDoubleClick={() => setEditing({ row, col, text: c?.value === null || c?.value === undefined ? '' : typeof c.value === 'object' ? c.value.error : String(c.value) })}
        onClick={() => {
          book.selection = { sheetId: sheet.id, address: `${columnLetter(col)}${row}` };
          book.emit();
        }}
      >
        <span className="cell-text">{text}</span>
      </div>,
    );
  };
  for (const m of layout.merges) {
    if (m.bottom >= first && m.top <= last && m.right >= firstCol && m.left <= lastCol) draw(m.top, m.left, m.bottom, m.right);
  }
  for (let r = first; r <= last; r++) {
    for (let c = firstCol; c <= lastCol; c++) {
      if (layout.slaves.has(`${r}:${c}`)) continue;
      if (!sheet.cell(r, c)) continue;
      const m = layout.merges.find((x) => x.top === r && x.left === c);
      if (m) continue;
      draw(r, c, r, c);
    }
  }

  const colHeads: React.ReactElement[] = [];
  for (let c = firstCol; c <= lastCol; c++) {
    colHeads.push(
      <div key={c} className={sel && c >= sel.left && c <= sel.right ? 'head head-sel' : 'head'} style={{ left: ROW_HEAD_W + layout.colX[c], width: layout.colX[c + 1] - layout.colX[c], top: 0, height: HEAD_H }}>
        {columnLetter(c)}
      </div>,
    );
  }
  const rowHeads: React.ReactElement[] = [];
  for (let r = first; r <= last; r++) {
    rowHeads.push(
      <div key={r} className={sel && r >= sel.top && r <= sel.bottom ? 'head head-sel' : 'head'} style={{ top: HEAD_H + (r - 1) * ROW_H, height: ROW_H, left: 0, width: ROW_HEAD_W }}>
        {r}
      </div>,
    );
  }

  const commit = (): void => {
    if (!editing) return;
    const t = editing.text.trim();
    const value = t === '' ? null : /^-?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : editing.text;
    const cell = sheet.ensure(editing.row, editing.col);
    cell.value = value;
    setEditing(null);
    book.emit();
  };

  return (
    <div
      className="grid-scroll"
      ref={scroller}
      onScroll={(e) => {
        const el = e.currentTarget;
        setView({ top: el.scrollTop, left: el.scrollLeft, height: el.clientHeight, width: el.clientWidth });
      }}
      data-testid="grid"
      data-sheet={sheet.name}
    >
      <div className="grid-canvas" style={{ width: ROW_HEAD_W + layout.width, height: HEAD_H + layout.height }}>
        <div className="gridlines" style={{ left: ROW_HEAD_W, top: HEAD_H, width: layout.width, height: layout.height }} />
        {cells}
        {sel && (
          <div
            className="selection"
            data-testid="selection"
            data-addr={book.selection!.address}
            style={{
              left: ROW_HEAD_W + layout.colX[sel.left] - 1,
              top: HEAD_H + (sel.top - 1) * ROW_H - 1,
              width: layout.colX[sel.right + 1] - layout.colX[sel.left] + 1,
              height: (sel.bottom - sel.top + 1) * ROW_H + 1,
            }}
          />
        )}
        {editing && (
          <input
            className="cell-editor"
            autoFocus
            value={editing.text}
            aria-label={`编辑 ${columnLetter(editing.col)}${editing.row}`}
            style={{ left: ROW_HEAD_W + layout.colX[editing.col], top: HEAD_H + (editing.row - 1) * ROW_H, width: Math.max(120, layout.colX[editing.col + 1] - layout.colX[editing.col]) }}
            onChange={(e) => setEditing({ ...editing, text: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit();
              if (e.key === 'Escape') setEditing(null);
            }}
            onBlur={commit}
          />
        )}
        <div className="heads-top" style={{ top: view.top, width: ROW_HEAD_W + layout.width, height: HEAD_H }}>
          {colHeads}
        </div>
        <div className="heads-left" style={{ left: view.left, height: HEAD_H + layout.height, width: ROW_HEAD_W }}>
          {rowHeads}
        </div>
        <div className="corner" style={{ top: view.top, left: view.left, width: ROW_HEAD_W, height: HEAD_H }} />
      </div>
    </div>
  );
}
