/**
 * The Excel side of the add-in for the bench scripts: src/{core,excel,io} transpiled to CommonJS in a
 * folder the caller owns (no DOM code there), and the adapter, the fake host and the core loaded from it.
 */
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

/** Transpiles into `out` (exceljs is resolved from the project through a node_modules link). */
export function loadExcelSide(out) {
  const ts = require('typescript');
  const walk = (dir) => {
    for (const name of fs.readdirSync(dir)) {
      const p = path.join(dir, name);
      const dest = path.join(out, path.relative(path.join(root, 'src'), p));
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) {
        const js = ts.transpileModule(fs.readFileSync(p, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, resolveJsonModule: true } }).outputText;
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        fs.writeFileSync(dest.replace(/\.ts$/, '.js'), js);
      } else if (p.endsWith('.json')) {
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        fs.copyFileSync(p, dest);
      }
    }
  };
  for (const d of ['core', 'excel', 'io']) walk(path.join(root, 'src', d));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(out, 'node_modules'), 'dir');
  const r = createRequire(path.join(out, 'index.js'));
  return {
    ExcelAdapter: r('./excel/adapter.js').ExcelAdapter,
    FakeExcelHost: r('./excel/fake/context.js').FakeExcelHost,
    loadFakeWorkbook: r('./excel/fake/from-xlsx.js').loadFakeWorkbook,
    checkWorkbook: r('./core/check.js').checkWorkbook,
  };
}
