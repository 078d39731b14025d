/**
 * budget-check <workbook.xlsx> [--format json|text] [--narrative out.md] [--docx out.docx]
 *              [--init-params out.xlsx] [--catalog 科目表.xlsx]
 * Exit 0: read (findings or not); 1: findings of severity error; 2: the file could not be read.
 */
import { checkWorkbook } from '../core/check';
import { formatTextReport } from './text-report';
import { readXlsxFile, UnreadableFileError } from './read-xlsx';
import { runNarrativeOutputs } from './narrative-outputs';
import { runCheckNarrative } from './check-narrative';

export interface CliOptions {
  file?: string;
  format: 'json' | 'text';
  narrative?: string;
  docx?: string;
  initParams?: string;
  catalog?: string;
  checkNarrative?: string;
  help?: boolean;
}

const USAGE = `用法：budget-check <工作簿.xlsx> [--format json|text] [--narrative 情况说明.md] [--docx 情况说明.docx]
                    [--init-params 说明参数.xlsx] [--catalog 科目表.xlsx]
  --narrative 情况说明.md   按表格和“说明参数”表生成第二部分 部门预算情况说明（Markdown）
  --docx 情况说明.docx      同上，生成 Word 文档
  --init-params 输出.xlsx   另存一份工作簿副本，末尾新增预填的“说明参数”表（原工作簿不修改；已有该表时不生成）
  --catalog 科目表.xlsx     用从预算系统导出的科目表（科目编码、科目名称）补充或覆盖内置科目
  --check-narrative 情况说明.docx|.md|.txt  逐个数字校对本部门的情况说明与表格是否一致（只读取，不修改该文件）
退出码：0 已读取；1 存在“错误”级问题；2 文件无法读取。`;

export function parseArgs(argv: string[]): CliOptions | string {
  const o: CliOptions = { format: 'text' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string | undefined => {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) return undefined;
      i++;
      return v;
    };
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const take = (): string | undefined => inline ?? value();
    switch (flag) {
      case '--format': {
        const v = take();
        if (v !== 'json' && v !== 'text') return `--format 只能是 json 或 text`;
        o.format = v;
        break;
      }
      case '--narrative': case '--docx': case '--init-params': case '--catalog': {
        const v = take();
        if (!v) return `${flag} 需要一个文件名`;
        if (flag === '--narrative') o.narrative = v;
        else if (flag === '--docx') o.docx = v;
        else if (flag === '--init-params') o.initParams = v;
        else o.catalog = v;
        break;
      }
      case '--check-narrative': {
        const v = take();
        if (!v) return `${flag} 需要一个文件名（情况说明 .docx、.md 或 .txt）`;
        o.checkNarrative = v;
        break;
      }
      case '-h': case '--help':
        o.help = true;
        break;
      default:
        if (a.startsWith('-')) return `未知选项：${a}`;
        if (o.file) return `只能校验一个工作簿，多给了：${a}`;
        o.file = a;
    }
  }
  return o;
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.help || !parsed.file) {
    (parsed.help ? process.stdout : process.stderr).write(USAGE + '\n');
    return parsed.help ? 0 : 2;
  }
  try {
    const grids = await readXlsxFile(parsed.file);
    const catalogGrids = parsed.catalog ? await readXlsxFile(parsed.catalog) : undefined;
    const { report, book } = checkWorkbook(grids, { file: parsed.file, catalogGrids });
    const extra = await runNarrativeOutputs(parsed, grids, book, report);
    if (parsed.checkNarrative) await runCheckNarrative(parsed.checkNarrative, grids, book, report);
    if (parsed.format === 'json') process.stdout.write(JSON.stringify(report, null, 1) + '\n');
    else process.stdout.write(formatTextReport(report) + extra.map((l) => l + '\n').join(''));
    return report.summary.error > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof UnreadableFileError) {
      process.stderr.write(`无法读取：${e.message}\n`);
      return 2;
    }
    process.stderr.write(`内部错误，校验未完成：${(e as Error).message}\n`);
    return 2;
  }
}
