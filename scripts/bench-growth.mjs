// `npm run bench`, growth section: is the core's cost linear in the workbook's size?
// The large fixture is enlarged 4× and 16× at the grid level (every unit's rows copied with new unit
// codes, the department-level amounts multiplied to match), and the whole check is timed on 1×, 4×
// and 16× in the same process. The growth figure is core(16×) / core(1×): linear is 16, the target
// is below 20. The command line's peak memory on the 16× workbook is measured in a child process.
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const ExcelJS = require('exceljs');
const { workbookToGrids } = require(path.join(root, 'dist/io/workbook-to-grids.js'));
const { checkWorkbook } = require(path.join(root, 'dist/core/check.js'));

const SOURCE = path.join(root, 'test/fixtures/clean/synth-pds-large.xlsx');
const FACTORS = [1, 4, 16];
const RUNS = 3;

const isUnitCode = (v) => typeof v === 'string' && /^\d{6}$/.test(v);
const hasNumber = (row) => row.some((v) => typeof v === 'number');
const decimalsOf = (x) => (String(x).split('.')[1] ?? '').length;

/**
 * One sheet enlarged k times: the rows from its first unit row to its last row with an amount are
 * the units' section, copied k−1 times with the unit codes renumbered; every other amount (totals,
 * the department rows, the line tables) is multiplied by k, so the book still adds up (its rounding
 * tails grow k× too: a few of them then exceed the tolerance, at every size above 1×).
 */
function enlargeSheet(grid, k, renumber) {
  const values = grid.values;
  const first = values.findIndex((row) => row.some(isUnitCode));
  let last = values.length - 1;
  while (last >= 0 && !hasNumber(values[last])) last--;
  const scale = (row) => row.map((v) => (typeof v === 'number' ? round(v * k, decimalsOf(v)) : v));
  if (first < 0 || last < first) return { ...grid, values: values.map(scale), formats: undefined };
  const section = values.slice(first, last + 1);
  const out = values.slice(0, first).map(scale);
  for (let copy = 0; copy < k; copy++) for (const row of section) out.push(copy === 0 ? row : row.map((v) => (isUnitCode(v) ? renumber(v, copy) : v)));
  for (const row of values.slice(last + 1)) out.push(scale(row));
  return { ...grid, values: out, formats: undefined, merges: (grid.merges ?? []).filter((m) => Number(/\d+$/.exec(m)?.[0] ?? 0) < first + 1) };
}

/**
 * The same defect in every size (an amount of the first unit's first row in 表3 off by 10), so that
 * every size goes through localisation (resolve.ts), the part whose cost grew fastest.
 */
function injectDefect(grids) {
  return grids.map((g) => {
    if (!g.name.startsWith('表3')) return g;
    const values = g.values.map((row) => row.slice());
    const r = values.findIndex((row) => row.some(isUnitCode)) + 1;
    const c = values[r].findIndex((v) => typeof v === 'number');
    values[r][c] = round(values[r][c] + 10, 1);
    return { ...g, values };
  });
}

const round = (x, d) => Number(x.toFixed(d));

/** Unit codes of copy c: the department's next free numbers (681001 → 681151 …, past 999 into 682…). */
function renumberer(grids) {
  const units = new Set();
  for (const g of grids) for (const row of g.values) for (const v of row) if (isUnitCode(v)) units.add(v);
  const list = [...units].sort();
  const index = new Map(list.map((u, i) => [u, i]));
  const base = Number(list[0]);
  return (code, copy) => String(base + copy * list.length + index.get(code));
}

export function enlarge(grids, k) {
  if (k === 1) return injectDefect(grids);
  const renumber = renumberer(grids);
  return injectDefect(grids.map((g) => enlargeSheet(g, k, renumber)));
}

/**
 * Median wall time and CPU time (user + system of this process) of the whole check. On a shared
 * machine the wall time carries the other processes' load; the CPU time does not.
 */
function timeCheck(grids) {
  const runs = [];
  let report;
  for (let i = 0; i < RUNS; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    report = checkWorkbook(grids, { file: 'growth' }).report;
    const cpu = process.cpuUsage(c);
    runs.push({ ms: performance.now() - t, cpu: (cpu.user + cpu.system) / 1000 });
  }
  const mid = (k) => runs.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  return { ms: mid('ms'), cpu: mid('cpu'), report };
}

async function writeXlsx(grids, file) {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    for (const row of g.values) ws.addRow(row.map((v) => (v === null ? undefined : v)));
    for (const m of g.merges ?? []) ws.mergeCells(m);
  }
  await wb.xlsx.writeFile(file);
}

/** The command line on one file in a child process: wall time and peak resident memory. */
function cliPeak(file) {
  const main = path.join(root, 'dist/cli/main.js');
  const script = `const t=Date.now();require(${JSON.stringify(main)}).run([process.argv[1],'--format','json']).then(()=>{process.stderr.write('PEAK '+process.resourceUsage().maxRSS*1024+' '+(Date.now()-t)+'\\n')})`;
  const r = spawnSync(process.execPath, ['-e', script, file], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const m = /PEAK (\d+) (\d+)/.exec(r.stderr ?? '');
  return m ? { rss: Number(m[1]), ms: Number(m[2]) } : { rss: NaN, ms: NaN, error: (r.stderr ?? '').trim() };
}

export async function benchGrowth() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SOURCE);
  const base = workbookToGrids(wb);
  console.log(`growth (${path.basename(SOURCE)} enlarged at the grid level; whole core, median of ${RUNS} runs in one process)`);
  timeCheck(base); // warm-up
  const rows = [];
  for (const k of FACTORS) {
    const grids = enlarge(base, k);
    const { ms, cpu, report } = timeCheck(grids);
    rows.push({ k, ms, cpu, grids: k === 16 ? grids : undefined });
    const n = grids.reduce((s, g) => s + g.values.length, 0);
    const s = report.summary;
    console.log(`${`${k}×`.padStart(4)} ${String(n).padStart(7)} rows  core ${`${ms.toFixed(0)} ms`.padStart(9)} (cpu ${`${cpu.toFixed(0)} ms`.padStart(9)})  findings ${s.error} errors, ${s.warning} warnings, ${s.info} info`);
  }
  const [one, , big] = rows;
  const figure = (g) => `${g.toFixed(1)} (∝ n^${(Math.log(g) / Math.log(16)).toFixed(2)})`;
  console.log(`growth 16×/1×: wall ${figure(big.ms / one.ms)}, cpu ${figure(big.cpu / one.cpu)} — linear 16, target < 20`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-check-growth-'));
  try {
    const file = path.join(tmp, 'synth-pds-large-16x.xlsx');
    await writeXlsx(big.grids, file);
    const peak = cliPeak(file);
    const mb = (x) => `${(x / 1024 / 1024).toFixed(0)} MB`;
    console.log(`command line on the 16× workbook (${mb(fs.statSync(file).size)} file): ${(peak.ms / 1000).toFixed(1)} s, peak memory ${mb(peak.rss)} (target < 1536 MB)`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchGrowth();
