#!/usr/bin/env node
/**
 * The task pane's figures, printed (never asserted): the initial bundle of each page (gzip), and
 * Office.js round trips per validation on the small and large fixtures, counted by the fake Excel
 * host (real check, then a worst case with every number of the workbook highlighted).
 * Run alone (`node scripts/bench-pane.mjs`) or through `npm run bench`. Uses build/ when present.
 */
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { loadExcelSide } from './excel-side.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Initial JS of a page = the scripts its HTML loads (lazy chunks excluded). */
export function initialBundle(page) {
  const html = path.join(root, 'build', page);
  if (!fs.existsSync(html)) return null;
  const text = fs.readFileSync(html, 'utf8');
  // Script tags, and the bundle the ES5 loader starts (listed in its data-bundle attribute).
  const loaded = /data-bundle=(?:"([^"]*)"|([^\s>]+))/.exec(text);
  const bundle = loaded ? (loaded[1] ?? loaded[2]).split(' ').filter(Boolean) : [];
  const srcs = [...text.matchAll(/<script[^>]*src="?([^" >]+)"?/g)].map((m) => m[1]).concat(bundle).filter((s) => !/^https?:/.test(s));
  let raw = 0, gz = 0;
  for (const s of srcs) {
    const b = fs.readFileSync(path.join(root, 'build', s));
    raw += b.length;
    gz += zlib.gzipSync(b, { level: 9 }).length;
  }
  return { raw, gzip: gz, files: srcs };
}

/** The adapter, the fake host and the core, transpiled into a temp dir that roundTrips removes. */
function loadAdapter() {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pane-'));
  return { out, ...loadExcelSide(out) };
}

export async function roundTrips(files) {
  const m = loadAdapter();
  const rows = [];
  try {
    for (const f of files) {
      const book = await m.loadFakeWorkbook(fs.readFileSync(f));
      const host = new m.FakeExcelHost(book);
      const adapter = new m.ExcelAdapter(host.run, { mergedAreas: true });
      const marks = (r) => r.report.findings.filter((x) => x.severity !== 'info' && x.sheet && x.cell).map((x) => ({ sheet: x.sheet, cell: x.cell, severity: x.severity }));
      const real = await adapter.validate((g) => m.checkWorkbook(g, { file: path.basename(f) }), marks);
      const realTrips = host.roundTrips;
      host.resetCount();
      const every = (grids) => grids.flatMap((g) => {
        const o = /^([A-Z]+)(\d+)$/.exec(g.origin);
        const c0 = [...o[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
        return g.values.flatMap((row, r) => row.flatMap((v, c) => (typeof v === 'number' && c0 + c <= 26 ? [{ sheet: g.name, cell: String.fromCharCode(64 + c0 + c) + (Number(o[2]) + r), severity: 'warning' }] : [])));
      });
      const worst = await adapter.validate((g) => g, every);
      const cells = book.sheets.reduce((n, s) => n + s.cells.size, 0);
      rows.push({ file: path.basename(f), cells, findings: real.result.report.findings.length, realTrips, worstMarked: worst.marked, worstTrips: host.roundTrips });
      await adapter.clearMarks();
    }
  } finally {
    fs.rmSync(m.out, { recursive: true, force: true });
  }
  return rows;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const fixtures = path.resolve(root, 'test/fixtures/clean');
const files = ['synth-pds-small.xlsx', 'synth-jy-small.xlsx', 'synth-pds-large.xlsx', 'synth-jy-large.xlsx'].map((f) => path.join(fixtures, f)).filter((f) => fs.existsSync(f));

console.log('task pane: initial bundle (scripts the page loads before any import(); gzip -9)');
for (const page of ['taskpane.html', 'index.html']) {
  const b = initialBundle(page);
  console.log(b ? `  ${page.padEnd(14)} ${kb(b.gzip).padStart(9)} gzip  (${kb(b.raw)} raw; ${b.files.join(', ')})` : `  ${page}: no build/ — run npm run build first`);
}
console.log('\ntask pane: Office.js round trips per validation (fake Excel host; 3 for ordinary workbooks, more only with size)');
console.log('  file                     cells   findings   trips   every number marked   trips');
for (const r of await roundTrips(files)) {
  console.log(`  ${r.file.padEnd(22)} ${String(r.cells).padStart(7)}   ${String(r.findings).padStart(8)}   ${String(r.realTrips).padStart(5)}   ${String(r.worstMarked).padStart(19)}   ${String(r.worstTrips).padStart(5)}`);
}
