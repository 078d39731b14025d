/**
 * Office.js payload per validation, as the strict fake Excel host counts it (JSON bytes of every
 * request and response; Excel on the web refuses either above 5 MB): one line per workbook,
 *   payload <file>: max <N> bytes in <T> round trips
 * for every fixture in test/fixtures/clean and a generated workbook of 50,000+ rows (written to a
 * temp folder that is removed afterwards). Used by `npm run bench`; run alone with
 * `node scripts/bench-payload.mjs`.
 */
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { loadExcelSide } from './excel-side.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));


/** The small fixture plus a 50,000-row detail sheet (text and amounts), as a user's big workbook. */
async function generateLarge(dir) {
  const ExcelJS = require('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(root, 'test/fixtures/clean/synth-pds-small.xlsx'));
  const ws = wb.addWorksheet('明细账');
  ws.addRow(['序号', '科目编码', '科目名称', '项目名称', '金额', '财政拨款', '其他资金', '备注']);
  for (let i = 1; i <= 50000; i++) {
    ws.addRow([i, `2010${String(i % 100).padStart(2, '0')}`, '一般公共服务支出', `项目${i}：办公设备购置及运行维护`, (i * 37) % 100000 / 100, (i * 29) % 80000 / 100, (i * 7) % 20000 / 100, i % 10 ? '' : '年中追加']);
  }
  const file = path.join(dir, 'generated-50000-rows.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

/** One validation (real check, findings marked) per workbook: the largest request or response, and the trips. */
export async function payloadLines() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-payload-'));
  const lines = [];
  try {
    const m = loadExcelSide(path.join(tmp, 'js'));
    const fixtures = path.join(root, 'test/fixtures/clean');
    const files = fs.readdirSync(fixtures).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(fixtures, f));
    files.push(await generateLarge(tmp));
    for (const f of files) {
      const book = await m.loadFakeWorkbook(fs.readFileSync(f));
      const host = new m.FakeExcelHost(book);
      const adapter = new m.ExcelAdapter(host.run, { mergedAreas: true });
      const marks = (r) => r.report.findings.filter((x) => x.severity !== 'info' && x.sheet && x.cell).map((x) => ({ sheet: x.sheet, cell: x.cell, severity: x.severity }));
      await adapter.validate((g) => m.checkWorkbook(g, { file: path.basename(f) }), marks);
      lines.push(`payload ${path.basename(f)}: max ${host.maxPayload()} bytes in ${host.roundTrips} round trips`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return lines;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const line of await payloadLines()) console.log(line);
}
