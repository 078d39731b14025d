#!/usr/bin/env node
/**
 * npm start
 *  - Windows / macOS (Excel installed): prints how to sideload the add-in into Excel.
 *  - elsewhere (or with --preview): builds the pages if needed and serves the browser preview —
 *    the real task pane beside a workbook rendering, over the fake Excel host — on 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(root, 'build');
const args = process.argv.slice(2);
const wantPreview = args.includes('--preview') || !['win32', 'darwin'].includes(process.platform);

if (!wantPreview) {
  console.log(`在 Excel 中调试加载项：
  1. npm run dev-server                                  （https://localhost:3000，需先运行 npx office-addin-dev-certs install 信任开发证书）
  2. npx office-addin-debugging start manifest.xml       （在 Excel 中旁加载 manifest.xml）

只想在浏览器里试用：npm start -- --preview`);
  process.exit(0);
}

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((n) => newest(path.join(p, n))));
}

const index = path.join(buildDir, 'index.html');
const sources = Math.max(...['src', 'assets', 'examples', 'webpack.config.js', 'package.json'].map((p) => newest(path.join(root, p))));
if (args.includes('--rebuild') || !fs.existsSync(index) || fs.statSync(index).mtimeMs < sources) {
  console.log('正在构建（webpack --mode production）…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('构建失败。');
    process.exit(r.status ?? 1);
  }
}

const wanted = Number(process.env.PORT ?? 3000);
let served;
for (const port of [wanted, wanted + 1, wanted + 2, 0]) {
  try {
    served = await serveStatic(buildDir, { port });
    break;
  } catch (e) {
    if (e.code !== 'EADDRINUSE') throw e;
  }
}
console.log(`\n浏览器预览：${served.url}\n（没有 Excel 也能试用：默认打开示例工作簿，也可以打开自己的 .xlsx；按 Ctrl+C 结束）`);
