/**
 * The .docx opens in LibreOffice with the document's headings: every section heading of the
 * generated narrative comes back from LibreOffice as an outline heading of the right level, in order.
 * Needs LibreOffice (Debian: libreoffice-writer-nogui; .ci/run installs it). Without it the tests are
 * listed as not run, with the install hint, in the last line of `npm test`.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { checkWorkbook } from '../../src/core/check';
import { generateNarrative, readParams } from '../../src/core/narrative';
import { loadGrids } from '../helpers/load';
import { describeWith, libreOfficeTool } from '../helpers/tools';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin', 'budget-check.js');
const narrativeFixtures = path.resolve(root, 'test/fixtures/narrative');
const soffice = libreOfficeTool.path;

async function expectedHeadings(xlsx: string): Promise<{ level: number; text: string }[]> {
  const grids = await loadGrids(xlsx);
  const { book } = checkWorkbook(grids);
  const result = generateNarrative(book, readParams(grids));
  return result.sections.map((s) => ({ level: s.level, text: s.heading }));
}

function headingsFromLibreOffice(docx: string, workDir: string): { level: number; text: string }[] {
  const profile = path.join(workDir, 'lo-profile');
  const r = spawnSync(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'fodt', '--outdir', workDir, docx], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const fodt = path.join(workDir, path.basename(docx).replace(/\.docx$/, '.fodt'));
  if (!fs.existsSync(fodt)) throw new Error(`LibreOffice could not open ${docx}: ${r.stderr || r.stdout}`);
  const xml = fs.readFileSync(fodt, 'utf8');
  const out: { level: number; text: string }[] = [];
  for (const m of xml.matchAll(/<text:h\b[^>]*text:outline-level="(\d)"[^>]*>([\s\S]*?)<\/text:h>/g)) {
    out.push({ level: Number(m[1]), text: m[2].replace(/<[^>]+>/g, '').trim() });
  }
  return out;
}

describeWith(libreOfficeTool, '情况说明 .docx opened by LibreOffice', () => {
  const cleanup: string[] = [];
  afterAll(() => cleanup.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  test.each(['seed-003', 'seed-004'])('%s: headings survive, in order and at their level', async (seed) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `docx-${seed}-`));
    cleanup.push(dir);
    const xlsx = path.join(narrativeFixtures, `${seed}.xlsx`);
    const docx = path.join(dir, 'out.docx');
    const run = spawnSync(process.execPath, [bin, xlsx, '--docx', docx], { encoding: 'utf8' });
    expect([0, 1]).toContain(run.status);
    const expected = await expectedHeadings(xlsx);
    expect(expected.length).toBeGreaterThanOrEqual(15);
    expect(headingsFromLibreOffice(docx, dir)).toEqual(expected);
  });
});
