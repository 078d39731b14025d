/**
 * budget-check <workbook.xlsx> [options] — the options are the table OPTIONS below (one line each; the
 * usage text is made from it). Exit codes (docs/命令行.md): 0 checked, nothing at the --fail-on level;
 * 1 findings at that level; 2 wrong options or the file could not be read; 3 an output could not be
 * written; 4 an output was refused (exists, is the input, wrong extension).
 */
import fs from 'fs';
import path from 'path';
import { checkWorkbook } from '../core/check';
import { oneLine } from '../core/display';
import { maxOf } from '../core/list';
import type { Report } from '../core/report';
import { textReport, type ShowLevel } from './text-report';
import { readXlsxFile, UnreadableFileError } from './read-xlsx';
import { runNarrativeOutputs } from './narrative-outputs';
import { checkOutputs, EXIT, type OutputTarget } from './safe-output';
import { runCheckNarrative } from './check-narrative';

export interface CliOptions {
  file?: string;
  format: 'json' | 'text';
  /** Least severe level the text report prints (the JSON report always has every finding). */
  show: ShowLevel;
  /** Exit 1 when there are findings at this level or worse. */
  failOn: 'error' | 'warning';
  verbose: boolean;
  force: boolean;
  narrative?: string;
  docx?: string;
  initParams?: string;
  catalog?: string;
  checkNarrative?: string;
  help?: boolean;
  version?: boolean;
}

interface OptionSpec {
  flag: string;
  aliases?: string[];
  /** Name of the value in the usage text; none for a switch. */
  value?: string;
  /** Allowed values (else any non-empty text, e.g. a file name). */
  choices?: readonly string[];
  /** For an output file: the extensions it may have (checked before anything is written). */
  output?: readonly string[];
  help: string;
  set: (o: CliOptions, value: string) => void;
}

const OPTIONS: OptionSpec[] = [
  { flag: '--format', value: 'text|json', choices: ['text', 'json'], help: '报告格式：text 供人阅读（默认）；json 供程序读取，总是列出全部问题', set: (o, v) => (o.format = v as CliOptions['format']) },
  { flag: '--show', value: 'error|warning|all', choices: ['error', 'warning', 'all'], help: '文字报告显示哪些问题：error 只显示错误；warning 显示错误和警告（默认）；all 再加提示和尾差', set: (o, v) => (o.show = v as ShowLevel) },
  { flag: '--fail-on', value: 'error|warning', choices: ['error', 'warning'], help: '有哪一级问题时退出码为 1：error 有错误时（默认）；warning 有错误或警告时', set: (o, v) => (o.failOn = v as CliOptions['failOn']) },
  { flag: '--verbose', help: '每条问题下再列出相关单元格和应为/实为的数', set: (o) => (o.verbose = true) },
  { flag: '--narrative', value: '情况说明.md', output: ['.md', '.markdown', '.txt'], help: '按表格和“说明参数”表生成第二部分 部门预算情况说明（Markdown）', set: (o, v) => (o.narrative = v) },
  { flag: '--docx', value: '情况说明.docx', output: ['.docx'], help: '同上，生成 Word 文档', set: (o, v) => (o.docx = v) },
  { flag: '--init-params', value: '输出.xlsx', output: ['.xlsx'], help: '另存一份工作簿副本，末尾新增预填的“说明参数”表（原工作簿不修改；已有该表时不生成）', set: (o, v) => (o.initParams = v) },
  { flag: '--check-narrative', value: '情况说明.docx', help: '逐个数字校对本部门自己的情况说明（.docx、.md 或 .txt）与表格是否一致（只读取，不修改该文件）', set: (o, v) => (o.checkNarrative = v) },
  { flag: '--catalog', value: '科目表.xlsx', help: '用从预算系统导出的科目表（科目编码、科目名称）补充或覆盖内置科目', set: (o, v) => (o.catalog = v) },
  { flag: '--force', help: '允许覆盖已存在的输出文件（被校验的工作簿和科目表任何时候都不会被覆盖）', set: (o) => (o.force = true) },
  { flag: '--version', aliases: ['-V'], help: '显示版本号', set: (o) => (o.version = true) },
  { flag: '--help', aliases: ['-h'], help: '显示本说明', set: (o) => (o.help = true) },
];

const EXIT_TEXT = `退出码：0 已校验，没有 --fail-on 所指级别的问题；1 有该级别的问题；2 选项有误或文件无法读取；
        3 输出文件无法写入（文件夹不存在、没有权限、磁盘已满）；4 输出被拒绝（文件已存在、就是被校验的工作簿、扩展名不对）。`;

export function usage(): string {
  const left = (s: OptionSpec) => [s.flag, ...(s.aliases ?? [])].join(', ') + (s.value ? ` ${s.value}` : '');
  const width = maxOf(OPTIONS.map((s) => displayWidth(left(s))));
  const lines = OPTIONS.map((s) => `  ${left(s)}${' '.repeat(width - displayWidth(left(s)) + 2)}${s.help}`);
  return ['用法：budget-check <工作簿.xlsx> [选项]', '选项：', ...lines, EXIT_TEXT, '详见 docs/命令行.md。'].join('\n');
}

/** Columns a text takes in a terminal (CJK characters take two). */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

export function parseArgs(argv: string[]): CliOptions | string {
  const o: CliOptions = { format: 'text', show: 'warning', failOn: 'error', verbose: false, force: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const spec = OPTIONS.find((s) => s.flag === flag || s.aliases?.includes(flag));
    if (!spec) {
      if (a.startsWith('-') && a !== '-') return `未知选项：${a}`;
      if (o.file) return `只能校验一个工作簿，多给了：${a}`;
      o.file = a;
      continue;
    }
    if (!spec.value) {
      if (eq > 0) return `${flag} 不带值，请去掉“=${a.slice(eq + 1)}”`;
      spec.set(o, '');
      continue;
    }
    let v: string | undefined = eq > 0 ? a.slice(eq + 1) : argv[i + 1];
    if (eq < 0 && v !== undefined && !v.startsWith('--')) i++;
    else if (eq < 0) v = undefined;
    if (!v) return spec.choices ? `${flag} 需要一个值：${spec.choices.join('、')}` : `${flag} 需要一个文件名`;
    if (spec.choices && !spec.choices.includes(v)) return `${flag} 只能是 ${spec.choices.join('、')}（给的是“${v}”）`;
    spec.set(o, v);
  }
  return o;
}

/** The outputs asked for, in the order of the table. */
function outputTargets(o: CliOptions): OutputTarget[] {
  const files: Record<string, string | undefined> = { '--narrative': o.narrative, '--docx': o.docx, '--init-params': o.initParams };
  return OPTIONS.filter((s) => s.output && files[s.flag]).map((s) => ({ flag: s.flag, file: files[s.flag]!, exts: s.output! }));
}

export function version(): string {
  try {
    // dist/cli/main.js and src/cli/main.ts both sit two folders below package.json.
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '未知';
  } catch {
    return '未知';
  }
}

export async function run(argv: string[]): Promise<number> {
  const out = stdoutWriter();
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n${usage()}\n`);
    return EXIT.usage;
  }
  if (parsed.help) {
    out(usage() + '\n');
    return EXIT.ok;
  }
  if (parsed.version) {
    out(`budget-check ${version()}\n`);
    return EXIT.ok;
  }
  if (!parsed.file) {
    process.stderr.write(`没有给出要校验的工作簿。\n${usage()}\n`);
    return EXIT.usage;
  }
  // Every output is checked before anything is read or written: a refused one writes nothing at all.
  const keep = [{ file: parsed.file, what: '被校验的工作簿' }, ...(parsed.catalog ? [{ file: parsed.catalog, what: '科目表' }] : [])];
  const refused = checkOutputs(outputTargets(parsed), keep, parsed.force);
  if (refused) {
    process.stderr.write(refused.message + '\n');
    return refused.exitCode;
  }
  try {
    const grids = await readXlsxFile(parsed.file);
    const catalogGrids = parsed.catalog ? await readXlsxFile(parsed.catalog) : undefined;
    const { report, book } = checkWorkbook(grids, { file: parsed.file, catalogGrids });
    const outputs = await runNarrativeOutputs(parsed, grids, book, report);
    if (parsed.checkNarrative) await runCheckNarrative(parsed.checkNarrative, grids, book, report);
    if (parsed.format === 'json') out(JSON.stringify(report, null, 1) + '\n');
    else out(textReport(report, { show: parsed.show, verbose: parsed.verbose }) + outputs.lines.map((l) => oneLine(l) + '\n').join(''));
    // An output that failed outranks the findings: the user asked for a file and did not get it.
    if (outputs.errors.length) return outputs.errors.reduce((code, e) => Math.min(code, e.exitCode), Infinity);
    return failed(report, parsed.failOn) ? EXIT.findings : EXIT.ok;
  } catch (e) {
    if (e instanceof UnreadableFileError) {
      process.stderr.write(`无法读取：${e.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`内部错误，校验未完成：${(e as Error).message}\n`);
    return EXIT.usage;
  }
}

function failed(report: Report, failOn: CliOptions['failOn']): boolean {
  return report.summary.error > 0 || (failOn === 'warning' && report.summary.warning > 0);
}

let stdoutGuarded = false;
let stdoutClosed = false;

/**
 * Writes to stdout; when the reader has gone (`budget-check big.xlsx | head -1`) the rest is dropped
 * quietly and the exit code stays the report's.
 */
function stdoutWriter(): (text: string) => void {
  if (!stdoutGuarded) {
    stdoutGuarded = true;
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') stdoutClosed = true;
      else process.stderr.write(`无法输出报告：${e.message}\n`);
    });
  }
  return (text) => {
    if (!stdoutClosed) process.stdout.write(text);
  };
}
