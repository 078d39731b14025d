/**
 * Outputs that never destroy (docs/命令行.md): the input and the --catalog are never written, links
 * included; an existing file is replaced only with --force; nothing half-written is left behind;
 * a refused output exits 4, one that cannot be written exits 3, each with a Chinese line on stderr.
 * Runs in-process through run() (so a full disk can be injected) and, for the pipe, as a process.
 */
import { spawn } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { runCli } from '../helpers/cli';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin', 'budget-check.js');
const SEED = path.join(root, 'test/fixtures/narrative/seed-001.xlsx');
const PLAIN = path.join(root, 'test/fixtures/clean/seed-001.xlsx');
let dir: string;
let input: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-check-out-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  input = path.join(fs.mkdtempSync(path.join(dir, 'case-')), '预算.xlsx');
  fs.copyFileSync(SEED, input);
});

const cli = (args: string[]): ReturnType<typeof runCli> => runCli(args);

const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const folder = () => path.dirname(input);
const leftovers = () => fs.readdirSync(folder()).filter((f) => f.endsWith('.tmp'));

describe('the input workbook and the catalogue are never written', () => {
  test.each([
    ['--docx on the input itself', () => input, '--docx'],
    ['--narrative on the input', () => input, '--narrative'],
    ['--init-params through a symbolic link', () => linkTo(input, 'link.xlsx', 'symlink'), '--init-params'],
    ['--init-params through a hard link', () => linkTo(input, '硬链接.xlsx', 'hard'), '--init-params'],
    ['--init-params through a path with ..', () => path.join(folder(), '..', path.basename(folder()), '预算.xlsx'), '--init-params'],
  ])('%s: refused with exit 4, the input unchanged', async (_name, target, flag) => {
    const before = sha(input);
    const r = await cli([input, flag, target(), '--force']);
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/不能是被校验的工作簿本身/);
    expect(r.out).toBe('');
    expect(sha(input)).toBe(before);
  });

  test('--docx named like a workbook (预算.xlsx beside it) is refused: a Word file never takes .xlsx', async () => {
    const target = path.join(folder(), '另一个.xlsx');
    const r = await cli([input, '--docx', target]);
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/扩展名不对：应为 \.docx/);
    expect(fs.existsSync(target)).toBe(false);
  });

  test('an output on the --catalog file is refused', async () => {
    const catalog = path.join(folder(), '科目表.md');
    fs.writeFileSync(catalog, '科目');
    const r = await cli([input, '--catalog', catalog, '--narrative', catalog, '--force']);
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/不能是科目表本身/);
    expect(fs.readFileSync(catalog, 'utf8')).toBe('科目');
  });

  test('two outputs on one file are refused before anything is written', async () => {
    const md = path.join(folder(), 'a.md');
    const r = await cli([input, '--narrative', md, '--docx', path.join(folder(), 'a.docx'), '--narrative', md]);
    // The same option twice keeps the last value: one file, accepted.
    expect(r.code).toBe(0);
    const r2 = await cli([input, '--narrative', path.join(folder(), '说明'), '--docx', path.join(folder(), 'x', '..', '说明')]);
    expect(r2.code).toBe(4);
    expect(r2.err).toMatch(/--narrative 和 --docx 给了同一个输出文件/);
    expect(fs.existsSync(path.join(folder(), '说明'))).toBe(false);
  });
});

function linkTo(target: string, name: string, kind: 'symlink' | 'hard'): string {
  const link = path.join(path.dirname(target), name);
  if (kind === 'symlink') fs.symlinkSync(target, link);
  else fs.linkSync(target, link);
  return link;
}

describe('existing files', () => {
  test('an existing output is kept without --force (exit 4), replaced with it', async () => {
    const md = path.join(folder(), '情况说明.md');
    fs.writeFileSync(md, '我自己写的情况说明');
    const r = await cli([input, '--narrative', md]);
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/已存在，未覆盖.*--force/);
    expect(fs.readFileSync(md, 'utf8')).toBe('我自己写的情况说明');

    const r2 = await cli([input, '--narrative', md, '--force']);
    expect(r2.code).toBe(0);
    expect(fs.readFileSync(md, 'utf8')).toMatch(/^第二部分\n/);
    expect(leftovers()).toEqual([]);
  });

  test('a refused output stops the run before any other output is written', async () => {
    const docx = path.join(folder(), 'new.docx');
    const md = path.join(folder(), 'old.md');
    fs.writeFileSync(md, 'old');
    const r = await cli([input, '--docx', docx, '--narrative', md]);
    expect(r.code).toBe(4);
    expect(fs.existsSync(docx)).toBe(false);
  });

  test('a folder given as the output file is refused', async () => {
    const r = await cli([input, '--narrative', folder(), '--force']);
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/是一个文件夹/);
  });

  test('--init-params on a workbook that already has 说明参数: refused (exit 4), nothing written', async () => {
    const out = path.join(folder(), 'copy.xlsx');
    const r = await cli([input, '--init-params', out]);
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/已有说明参数表/);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('outputs that cannot be written: exit 3, a Chinese line, nothing half-written', () => {
  afterEach(() => jest.restoreAllMocks());

  test('a folder that does not exist', async () => {
    const md = path.join(folder(), '没有这个文件夹', 'out.md');
    const r = await cli([input, '--narrative', md]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/无法写入 .*out\.md：文件夹 .*没有这个文件夹 不存在/);
    expect(fs.existsSync(path.dirname(md))).toBe(false);
  });

  /** Makes fs.writeFileSync write half of the data, then fail as a full disk (or a read-only folder) would. */
  function failingDisk(code: 'ENOSPC' | 'EACCES', only = (_file: string) => true) {
    const real = fs.writeFileSync;
    return jest.spyOn(fs, 'writeFileSync').mockImplementation((file, data, options) => {
      if (!only(String(file))) return real(file, data, options as fs.WriteFileOptions);
      if (code === 'ENOSPC') {
        const half = typeof data === 'string' ? data.slice(0, data.length / 2) : (data as Uint8Array).subarray(0, (data as Uint8Array).length / 2);
        real(file, half, options as fs.WriteFileOptions);
      }
      throw Object.assign(new Error(`${code}: simulated`), { code });
    });
  }

  test.each([
    ['--narrative', 'out.md', '情况说明'],
    ['--docx', 'out.docx', '情况说明 Word 文档'],
    ['--init-params', 'out.xlsx', '工作簿副本'],
  ])('a full disk while writing %s: exit 3, no file, no temporary file', async (flag, name, what) => {
    const src = flag === '--init-params' ? PLAIN : input;
    const target = path.join(folder(), name);
    failingDisk('ENOSPC');
    const r = await cli([src, flag, target]);
    expect(r.code).toBe(3);
    expect(r.err).toContain(`无法写入${what} ${target}：磁盘空间已满`);
    expect(fs.existsSync(target)).toBe(false);
    expect(leftovers()).toEqual([]);
    // The report is still printed.
    expect(r.out).toMatch(/校验结果/);
  });

  test('a full disk while replacing a file with --force keeps the old file whole', async () => {
    const md = path.join(folder(), 'keep.md');
    fs.writeFileSync(md, '旧版本');
    failingDisk('ENOSPC');
    const r = await cli([input, '--narrative', md, '--force', '--format', 'json']);
    expect(r.code).toBe(3);
    expect(fs.readFileSync(md, 'utf8')).toBe('旧版本');
    expect(leftovers()).toEqual([]);
    // stdout is still exactly one JSON document.
    expect(() => JSON.parse(r.out)).not.toThrow();
  });

  test('a read-only folder', async () => {
    const ro = fs.mkdtempSync(path.join(dir, 'ro-'));
    fs.chmodSync(ro, 0o555);
    // Root writes into read-only folders anyway: there the refusal of the system is simulated.
    if (process.getuid?.() === 0) failingDisk('EACCES');
    try {
      const r = await cli([input, '--narrative', path.join(ro, 'out.md')]);
      expect(r.code).toBe(3);
      expect(r.err).toMatch(/没有写入权限/);
      expect(fs.readdirSync(ro)).toEqual([]);
    } finally {
      fs.chmodSync(ro, 0o755);
    }
  });

  test('a missing folder is found before anything is written', async () => {
    const docx = path.join(folder(), 'ok.docx');
    const r = await cli([input, '--docx', docx, '--narrative', path.join(folder(), 'nope', 'x.md')]);
    expect(r.code).toBe(3);
    expect(fs.existsSync(docx)).toBe(false);
  });

  test('one output failing while written does not stop the others', async () => {
    const docx = path.join(folder(), 'ok.docx');
    const md = path.join(folder(), 'full.md');
    // The Markdown is written first: only that write fails.
    let calls = 0;
    failingDisk('ENOSPC', () => ++calls === 1);
    const r = await cli([input, '--narrative', md, '--docx', docx]);
    expect(r.code).toBe(3);
    expect(fs.existsSync(md)).toBe(false);
    expect(fs.statSync(docx).size).toBeGreaterThan(1000);
    expect(r.out).toContain(`情况说明 Word 文档已写入 ${docx}`);
  });
});

describe('a closed pipe', () => {
  test('the reader leaves after the first chunk: no stack trace, the report\'s own exit code', async () => {
    const child = spawn(process.execPath, [bin, path.join(root, 'test/fixtures/clean/synth-pds-large.xlsx'), '--show', 'all'], { cwd: root });
    let err = '';
    child.stderr.on('data', (c) => (err += String(c)));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(err).toBe('');
    // synth-pds-large has warnings and hints but no 错误.
    expect(code).toBe(0);
  }, 60_000);
});
