/**
 * Fuzz at the zip / XML level: truncated and bit-flipped files, missing parts, entity declarations,
 * huge row numbers, columns and merges. Every case ends with grids or a Chinese refusal
 * (UnreadableFileError) — never another exception, never a hang — and what comes out is bounded
 * (rows, widths), then goes through the whole check. Seeded: a failure names its case and reproduces.
 */
import fs from 'fs';
import path from 'path';
import type { SheetGrid } from '../../src/core/grid';
import { checkWorkbook } from '../../src/core/check';
import { readXlsxBytes, UnreadableFileError } from '../../src/cli/read-xlsx';
import { MAX_COLS, MAX_ROWS } from '../../src/io/workbook-to-grids';
import { rng } from '../helpers/random';
import { inl, makeZip, num, readParts, workbookParts, type Part } from '../helpers/zip';

const FIXTURE = fs.readFileSync(path.resolve(__dirname, '../fixtures/clean/seed-000.xlsx'));

/** grids, or the refusal's sentence; anything else fails the test with the case's name. */
async function read(bytes: Uint8Array, name: string): Promise<SheetGrid[] | string> {
  try {
    return await readXlsxBytes(bytes, '测试文件');
  } catch (e) {
    if (e instanceof UnreadableFileError) return e.message;
    throw new Error(`${name}: ${(e as Error).stack}`);
  }
}

function checkOutcome(out: SheetGrid[] | string, name: string): void {
  if (typeof out === 'string') {
    expect(out).toMatch(/^测试文件/);
    expect(out).toMatch(/[\u4e00-\u9fff]{4}/);
    return;
  }
  for (const g of out) {
    expect(g.values.length).toBeLessThanOrEqual(MAX_ROWS);
    for (const row of g.values) expect(row.length).toBeLessThanOrEqual(MAX_COLS);
  }
  let report;
  try {
    report = checkWorkbook(out).report;
  } catch (e) {
    throw new Error(`${name}: checkWorkbook threw ${(e as Error).stack}`);
  }
  for (const f of report.findings) {
    expect(typeof f.sheet).toBe('string');
    expect(f.message).toMatch(/[\u4e00-\u9fff]/);
  }
}

const letters = (n: number): string => {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

/** A small random sheet with hostile coordinates: rows up to 2^31, columns past XFD, wild merges and <col> ranges. */
function hostileSheet(r: () => number): Part[] {
  const rows: string[] = [];
  let row = 0;
  for (let i = 0; i < 1 + Math.floor(r() * 12); i++) {
    row += r() < 0.15 ? Math.floor(r() * 2 ** 31) : 1 + Math.floor(r() * 3);
    const cells: string[] = [];
    let col = 0;
    for (let j = 0; j < Math.floor(r() * 6); j++) {
      col += r() < 0.1 ? Math.floor(r() * 20000) : 1 + Math.floor(r() * 3);
      const ref = `${letters(col)}${row}`;
      const x = r();
      cells.push(x < 0.4 ? num(ref, Math.round(r() * 1e6) / 10) : x < 0.7 ? inl(ref, ['合计', '部门收支总体情况表', '单位：万元', '201', '&amp;'][Math.floor(r() * 5)]) : x < 0.85 ? `<c r="${ref}"><f>A1+1</f></c>` : `<c r="${ref}" s="1"/>`);
    }
    rows.push(`<row r="${row}">${cells.join('')}</row>`);
  }
  const merges = Array.from({ length: Math.floor(r() * 4) }, () => {
    const top = 1 + Math.floor(r() * 50);
    const left = 1 + Math.floor(r() * 10);
    const bottom = r() < 0.3 ? 1_048_576 : top + Math.floor(r() * 100);
    const right = r() < 0.3 ? 16_384 : left + Math.floor(r() * 30);
    return `<mergeCell ref="${letters(left)}${top}:${letters(right)}${bottom}"/>`;
  });
  const dim = r() < 0.5 ? '<dimension ref="A1:XFD1048576"/>' : '';
  const cols = r() < 0.5 ? `<cols><col min="1" max="${r() < 0.5 ? 2_000_000_000 : 16_384}" width="9"/></cols>` : '';
  return workbookParts([{ name: '表', rows: rows.join(''), before: dim + cols, after: merges.length ? `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>` : '' }]);
}

describe('zip / XML fuzz', () => {
  test('truncated and bit-flipped copies of a real workbook end with grids or a refusal', async () => {
    const outcomes = { read: 0, refused: 0 };
    for (let n = 0; n < 24; n++) {
      const r = rng(7000 + n);
      const bytes = Buffer.from(FIXTURE);
      let mutated: Buffer;
      if (n % 3 === 0) mutated = bytes.subarray(0, Math.floor(r() * bytes.length));
      else {
        for (let i = 0; i < 1 + Math.floor(r() * 8); i++) bytes[Math.floor(r() * bytes.length)] ^= 1 << Math.floor(r() * 8);
        mutated = bytes;
      }
      const out = await read(mutated, `case ${n}`);
      checkOutcome(out, `case ${n}`);
      outcomes[typeof out === 'string' ? 'refused' : 'read']++;
    }
    expect(outcomes.refused).toBeGreaterThan(5);
  });

  test('a workbook missing any one of its parts ends with grids or a refusal that names the cause', async () => {
    const parts = readParts(FIXTURE);
    // Every part but the worksheets after the first two (the same case fourteen times over).
    const sheets = parts.filter((p) => p.name.startsWith('xl/worksheets/sheet')).slice(2).map((p) => p.name);
    for (let i = 0; i < parts.length; i++) {
      if (sheets.includes(parts[i].name)) continue;
      const name = `without ${parts[i].name}`;
      const out = await read(makeZip(parts.filter((_, j) => j !== i)), name);
      checkOutcome(out, name);
      if (parts[i].name === 'xl/workbook.xml') expect(out).toMatch(/缺少工作簿主体/);
      if (parts[i].name === 'xl/sharedStrings.xml') expect(out).toMatch(/缺少共享字符串表/);
    }
  });

  test('a DOCTYPE / entity declaration in any XML part is refused', async () => {
    const parts = readParts(FIXTURE).filter((p) => /\.(xml|rels)$/.test(p.name));
    const r = rng(42);
    for (let n = 0; n < 6; n++) {
      const all = readParts(FIXTURE);
      const target = parts[Math.floor(r() * parts.length)].name;
      const p = all.find((x) => x.name === target)!;
      const text = Buffer.from(p.data as Uint8Array).toString('utf8');
      const body = text.replace(/^<\?xml[^>]*\?>/, '');
      p.data = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "${'a'.repeat(10)}"><!ENTITY b "&a;&a;&a;&a;&a;">]>${body}`;
      expect(await read(makeZip(all), target)).toMatch(/实体声明/);
    }
  });

  test('random hostile coordinates (rows to 2^31, columns past XFD, whole-sheet merges) stay bounded', async () => {
    let read_ = 0;
    for (let n = 0; n < 40; n++) {
      const out = await read(makeZip(hostileSheet(rng(9000 + n))), `case ${n}`);
      checkOutcome(out, `case ${n}`);
      if (typeof out !== 'string') read_++;
    }
    // Most of them are valid files: read, bounded, and checked (not merely refused).
    expect(read_).toBeGreaterThan(30);
  });
});
