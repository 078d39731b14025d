#!/usr/bin/env node
// Entry point of `npx budget-check`: the compiled command line (npm install builds dist/ through "prepare").
const path = require('path');
const fs = require('fs');
const main = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('budget-check 尚未编译：请先在项目目录运行 npm install（或 npm run build:cli）。\n');
  process.exit(2);
}
require(main).run(process.argv.slice(2)).then((code) => { process.exitCode = code; });
