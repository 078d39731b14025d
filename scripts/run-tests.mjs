#!/usr/bin/env node
// `npm test`: compiles the command line (tests run it), runs every jest test, and ends with the plain
// line "N passed, N failed" that CI reads. Extra arguments go to jest (e.g. `npm test -- test/parse`).
// Tests that need Chromium or LibreOffice are "not run" where those are missing (test/helpers/tools.ts):
// the last line names them, e.g. "812 passed, 0 failed, 4 not run (Chromium not installed: …)".
// With BUDGET_CHECK_ALL_TESTS=1 (set by .ci/run, which installs both) a test not run is a failure.
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const build = spawnSync(npx, ['tsc', '-p', 'tsconfig.cli.json'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.log('0 passed, 1 failed');
  console.error('编译命令行失败（tsc -p tsconfig.cli.json），测试未运行。');
  process.exit(1);
}

const out = path.join(root, '.test-results', 'jest.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.rmSync(out, { force: true });
const jest = spawnSync(npx, ['jest', '--json', `--outputFile=${out}`, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });

let passed = 0;
let failed = 0;
const notRun = [];
try {
  const r = JSON.parse(fs.readFileSync(out, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  for (const file of r.testResults) {
    for (const t of file.assertionResults) if (t.status === 'pending' || t.status === 'skipped' || t.status === 'todo') notRun.push(t.fullName);
  }
} catch {
  failed = 1;
}
fs.rmSync(path.dirname(out), { recursive: true, force: true });

// "[未运行：需要 Chromium（apt-get install -y chromium …）]" in a title names the missing program.
const missing = new Map();
for (const name of notRun) {
  const m = /\[未运行：需要 (\S+)（([^）]+)）\]/.exec(name);
  missing.set(m ? m[1] : '其他', m ? m[2] : '');
}
if (notRun.length > 0) {
  console.log('\n未运行的测试：');
  for (const name of notRun) console.log(`  - ${name}`);
}
const strict = process.env.BUDGET_CHECK_ALL_TESTS === '1';
const why = [...missing].map(([tool, hint]) => (hint ? `${tool} not installed: ${hint}` : tool)).join('; ');
console.log(`${passed} passed, ${failed + (strict ? notRun.length : 0)} failed` + (notRun.length ? `, ${notRun.length} not run (${why})` : ''));
process.exit(jest.status === 0 && failed === 0 && !(strict && notRun.length) ? 0 : 1);
