#!/usr/bin/env node
// `npm run variants`: every fixture (clean and mutants of test/fixtures/manifest.json, the large
// books included) in every layout of the variant generator (test/variants/generate.ts), with a
// count per layout: clean workbooks without a new error, defects found at their mapped cell, benign
// mutants without a false error. Exit 1 when any variant fails (the failures are listed).
//   node scripts/variants.mjs [--layout name,name] [--file part,part] [--no-large]
// The TypeScript sources are compiled in memory (typescript's transpileModule); nothing is written.
import { createRequire } from 'node:module';
import fs from 'node:fs';

const require = createRequire(import.meta.url);
const ts = require('typescript');
require.extensions['.ts'] = (module, file) => {
  const out = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, resolveJsonModule: true },
  });
  module._compile(out.outputText, file);
};

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? String(args[i + 1] ?? '').split(',').filter(Boolean) : [];
};
const onlyLayouts = opt('--layout');
const onlyFiles = opt('--file');
const noLarge = args.includes('--no-large');

const { LAYOUTS } = require('../test/variants/generate.ts');
const run = require('../test/variants/run.ts');
const m = run.manifest();
const pick = (f) => (!onlyFiles.length || onlyFiles.some((x) => f.includes(x))) && !(noLarge && f.includes('large'));
const clean = m.clean.filter(pick);
const mutants = m.mutants.filter((x) => pick(x.file) || pick(x.base));
const layouts = [...LAYOUTS.map((l) => l), run.FORMULAS].filter((l) => !onlyLayouts.length || onlyLayouts.includes(l.name ?? l));

console.log(`${clean.length} clean workbooks, ${mutants.length} mutants, ${layouts.length} layouts`);
console.log('layout'.padEnd(18) + 'clean'.padEnd(9) + 'defects'.padEnd(10) + 'benign'.padEnd(9) + 'seconds');
let failures = 0;
for (const layout of layouts) {
  const t0 = Date.now();
  const count = { clean: [0, 0], defect: [0, 0], benign: [0, 0] };
  const failed = [];
  for (const c of clean) record(await run.checkVariant(c, layout));
  for (const x of mutants) record(await run.checkVariant(x.file, layout, x));
  function record(o) {
    count[o.kind][1]++;
    if (o.ok) count[o.kind][0]++;
    else failed.push(o);
  }
  const f = ([ok, n]) => `${ok}/${n}`.padEnd(9);
  console.log((layout.name ?? layout).padEnd(18) + f(count.clean) + f(count.defect) + ' ' + f(count.benign) + ((Date.now() - t0) / 1000).toFixed(1));
  for (const o of failed) console.log(`    ${o.file}: ${o.problems.slice(0, 3).join(' / ').slice(0, 400)}`);
  failures += failed.length;
}
console.log(failures ? `${failures} variant(s) failed` : 'every variant passed: no new error on a clean workbook, every defect found where it moved');
process.exit(failures ? 1 : 0);
