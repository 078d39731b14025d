#!/usr/bin/env node
// `npm run bench`: measured speed, printed, never asserted.
//  - core time (recognise + parse, and the whole check) on the large fixtures beside ExcelJS's load time,
//    twice: cold (a fresh process per file, what one `budget-check` run pays) and warm (after warm-up
//    runs in one process, what a second 校验 in the open task pane pays). Without the warm-up the first
//    file's median would carry the JIT warm-up of the whole core and the later files would not.
//  - the task pane's figures (bundle size, Office.js round trips per validation) when scripts/bench-pane.mjs exists
//  - Office.js payload per validation (scripts/bench-payload.mjs): `payload <file>: max <N> bytes in <T> round trips`
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const ExcelJS = require('exceljs');
const { workbookToGrids } = require(path.join(root, 'dist/io/workbook-to-grids.js'));
const { readBook } = require(path.join(root, 'dist/core/parse/index.js'));
const { checkWorkbook } = require(path.join(root, 'dist/core/check.js'));

const fixtures = path.resolve(root, 'test/fixtures/clean');
const files = ['synth-pds-large.xlsx', 'synth-jy-large.xlsx', 'synth-pds-medium.xlsx', 'seed-003.xlsx'].filter((f) => fs.existsSync(path.join(fixtures, f)));
const RUNS = 5;
const WARMUP = 3;
const COLD_RUNS = 3;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;
const pct = (core, load) => `${((core / load) * 100).toFixed(1)} %`;

// As in the command line: the ExcelJS workbook is dropped once the snapshot is taken, so the core
// runs without ExcelJS's object graph alive (the task pane never has one).
async function loadGrids(file) {
  let t = performance.now();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const load = performance.now() - t;
  t = performance.now();
  const grids = workbookToGrids(wb);
  return { grids, load, snap: performance.now() - t };
}

/** One run: load, snapshot, recognise + parse alone, then the whole check. */
async function measure(file) {
  const { grids, load, snap } = await loadGrids(file);
  let t = performance.now();
  readBook(grids);
  const parse = performance.now() - t;
  t = performance.now();
  checkWorkbook(grids, { file: path.basename(file) });
  const core = performance.now() - t;
  return { rows: grids.reduce((n, g) => n + g.values.length, 0), load, snap, parse, core };
}

// Child mode: the first run of a fresh process, printed as JSON for the parent.
if (process.argv[2] === '--cold') {
  process.stdout.write(JSON.stringify(await measure(process.argv[3])));
  process.exit(0);
}

function cold(file) {
  const runs = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--cold', file], { encoding: 'utf8' });
    runs.push(JSON.parse(out));
  }
  return { load: median(runs.map((r) => r.load)), core: median(runs.map((r) => r.core)) };
}

async function warm(file) {
  for (let i = 0; i < WARMUP; i++) await measure(file);
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure(file));
  const pick = (k) => median(runs.map((r) => r[k]));
  return { rows: runs[0].rows, load: pick('load'), snap: pick('snap'), parse: pick('parse'), core: pick('core') };
}

console.log(`core speed (Node ${process.version}; cold: median of ${COLD_RUNS} fresh processes; warm: median of ${RUNS} runs after ${WARMUP} warm-up runs)`);
console.log('file                     rows  | cold: load    whole core  core/load | warm: load    snapshot  recognise+parse  whole core  core/load');
for (const f of files) {
  const file = path.join(fixtures, f);
  const c = cold(file);
  const w = await warm(file);
  console.log(
    `${f.padEnd(24)} ${String(w.rows).padStart(5)}  | ${ms(c.load).padStart(10)} ${ms(c.core).padStart(10)} ${pct(c.core, c.load).padStart(9)}  | ` +
      `${ms(w.load).padStart(10)} ${ms(w.snap).padStart(9)} ${ms(w.parse).padStart(16)} ${ms(w.core).padStart(11)} ${pct(w.core, w.load).padStart(9)}`,
  );
}

// Growth: the large fixture enlarged 4× and 16× (scripts/bench-growth.mjs), core time and the command line's peak memory.
console.log('');
await (await import('./bench-growth.mjs')).benchGrowth();

const pane = path.join(root, 'scripts', 'bench-pane.mjs');
if (fs.existsSync(pane)) {
  console.log('');
  await import(pane);
}

// ---- Office.js payload per validation (Excel on the web refuses a request or response above 5 MB)
async function payloadSection() {
  const { payloadLines } = await import(path.join(root, 'scripts', 'bench-payload.mjs'));
  console.log('\nOffice.js payload per validation (fake Excel host, JSON bytes; budget: under 4,000,000 per round trip)');
  for (const line of await payloadLines()) console.log(line);
}
await payloadSection();
