#!/usr/bin/env node
// `npm run bench`: measured speed, printed, never asserted.
//  - core time (recognise + parse, and the whole check) on the large fixtures beside ExcelJS's load time
//  - the task pane's figures (bundle size, Office.js round trips per validation) when scripts/bench-pane.mjs exists
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, 'package.json'));
const ExcelJS = require('exceljs');
const { workbookToGrids } = require(path.join(root, 'dist/io/workbook-to-grids.js'));
const { readBook } = require(path.join(root, 'dist/core/parse/index.js'));
const { checkWorkbook } = require(path.join(root, 'dist/core/check.js'));

const fixtures = path.resolve(root, '../shared/fixtures/clean');
const files = ['synth-pds-large.xlsx', 'synth-jy-large.xlsx', 'synth-pds-medium.xlsx', 'seed-003.xlsx'].filter((f) => fs.existsSync(path.join(fixtures, f)));
const RUNS = 5;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

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

console.log(`core speed (median of ${RUNS} runs; Node ${process.version})`);
console.log('file                     rows    ExcelJS load   snapshot   recognise+parse   whole core   core / load');
for (const f of files) {
  const file = path.join(fixtures, f);
  const load = [], snap = [], parse = [], core = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const loaded = await loadGrids(file);
    load.push(loaded.load);
    snap.push(loaded.snap);
    const grids = loaded.grids;
    rows = grids.reduce((n, g) => n + g.values.length, 0);
    let t = performance.now();
    readBook(grids);
    parse.push(performance.now() - t);
    t = performance.now();
    checkWorkbook(grids, { file: f });
    core.push(performance.now() - t);
  }
  const ratio = (median(core) / median(load)) * 100;
  console.log(
    `${f.padEnd(24)} ${String(rows).padStart(6)}   ${ms(median(load)).padStart(11)}   ${ms(median(snap)).padStart(8)}   ${ms(median(parse)).padStart(15)}   ${ms(median(core)).padStart(10)}   ${ratio.toFixed(1).padStart(9)} %`,
  );
}

const pane = path.join(root, 'scripts', 'bench-pane.mjs');
if (fs.existsSync(pane)) {
  console.log('');
  await import(pane);
}
