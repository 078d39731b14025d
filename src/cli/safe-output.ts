/**
 * Output files that never destroy anything:
 * - before anything is read or written, every requested output is checked: never the input workbook
 *   or the --catalog file (compared after following links: real path, and device + inode for hard
 *   links), never an existing file unless --force, never a folder, never two outputs on one path,
 *   never an extension that belongs to another kind of file (a Word file named 预算.xlsx);
 * - a file is written to a temporary file beside it and renamed over the target only when complete,
 *   so a full disk or a crash leaves no half-written file (the temporary file is removed).
 * Refusals exit 4, files that cannot be written exit 3 (docs/命令行.md).
 */
import fs from 'fs';
import path from 'path';

/** Exit codes of budget-check (docs/命令行.md). */
export const EXIT = {
  /** Checked; nothing at or above the --fail-on level. */
  ok: 0,
  /** Findings at or above the --fail-on level (default: 错误). */
  findings: 1,
  /** Wrong options, or the workbook (or the catalogue) could not be read. */
  usage: 2,
  /** An output file could not be written (folder missing, no permission, disk full). */
  unwritable: 3,
  /** An output was refused (exists without --force, is the input, wrong extension). */
  refused: 4,
} as const;

export class OutputError extends Error {
  constructor(
    message: string,
    readonly exitCode: typeof EXIT.unwritable | typeof EXIT.refused,
  ) {
    super(message);
  }
}

export interface OutputTarget {
  /** The option that asked for it, e.g. "--docx". */
  flag: string;
  file: string;
  /** Extensions this output may have (lower case, with the dot). */
  exts: readonly string[];
}

/** Extensions of files an output of another kind must never take. */
const KNOWN_EXTS = ['.xlsx', '.xlsm', '.xltx', '.xls', '.et', '.ods', '.csv', '.docx', '.docm', '.doc', '.wps', '.odt', '.pdf', '.md', '.markdown', '.txt', '.json'];

/** A file the outputs must never replace (the workbook being checked, the --catalog). */
export interface ProtectedFile {
  file: string;
  what: string;
}

/** Checks every output before anything is written; the first problem found, or undefined. */
export function checkOutputs(targets: OutputTarget[], keep: ProtectedFile[], force: boolean): OutputError | undefined {
  for (const [i, t] of targets.entries()) {
    for (const k of keep) {
      if (sameFile(t.file, k.file)) {
        return new OutputError(`${t.flag} 的输出文件不能是${k.what}本身（${t.file} 指向 ${k.file}）：请另给一个文件名，${k.what}不会被修改`, EXIT.refused);
      }
    }
    const ext = path.extname(t.file).toLowerCase();
    if (KNOWN_EXTS.includes(ext) && !t.exts.includes(ext)) {
      return new OutputError(`${t.flag} 的输出文件 ${t.file} 扩展名不对：应为 ${t.exts.join(' 或 ')}，未写入`, EXIT.refused);
    }
    for (const other of targets.slice(0, i)) {
      if (sameFile(t.file, other.file)) return new OutputError(`${other.flag} 和 ${t.flag} 给了同一个输出文件 ${t.file}：请分别给文件名`, EXIT.refused);
    }
    const st = lstat(t.file);
    if (st?.isDirectory() || (st?.isSymbolicLink() && stat(t.file)?.isDirectory())) {
      return new OutputError(`${t.flag} 的输出 ${t.file} 是一个文件夹：请给出文件名，如 ${path.join(t.file, `输出${t.exts[0]}`)}`, EXIT.refused);
    }
    if (st && !force) return new OutputError(`${t.flag} 的输出文件 ${t.file} 已存在，未覆盖：换一个文件名，或加 --force 覆盖`, EXIT.refused);
    const dir = path.dirname(path.resolve(t.file));
    if (!stat(dir)?.isDirectory()) return new OutputError(`无法写入 ${t.file}：文件夹 ${dir} 不存在`, EXIT.unwritable);
  }
  return undefined;
}

/** Whether two paths name one file: same real path, or (both existing) same device and inode. */
export function sameFile(a: string, b: string): boolean {
  if (realPath(a) === realPath(b)) return true;
  const sa = stat(a);
  const sb = stat(b);
  return !!sa && !!sb && sa.dev === sb.dev && sa.ino === sb.ino;
}

/** The real path of a file, or of its folder joined with its name when the file does not exist. */
function realPath(file: string): string {
  const abs = path.resolve(file);
  let real: string;
  try {
    real = fs.realpathSync.native(abs);
  } catch {
    try {
      real = path.join(fs.realpathSync.native(path.dirname(abs)), path.basename(abs));
    } catch {
      real = abs;
    }
  }
  // Windows and macOS usually compare names without case.
  return process.platform === 'win32' || process.platform === 'darwin' ? real.toLowerCase() : real;
}

function stat(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

function lstat(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes `data` to `file` through a temporary file in the same folder, renamed over `file` once
 * complete. On failure the temporary file is removed and an OutputError (exit 3) is thrown.
 */
export function writeWhole(file: string, data: string | Uint8Array, what: string): void {
  const abs = path.resolve(file);
  // A short name of its own, so a long target name cannot make it too long for the file system.
  const tmp = path.join(path.dirname(abs), `.budget-check-${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    fs.writeFileSync(tmp, data, { flag: 'wx' });
    fs.renameSync(tmp, abs);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // Nothing more can be done; the message below names the target.
    }
    throw new OutputError(`无法写入${what} ${file}：${writeReason(e as NodeJS.ErrnoException)}`, EXIT.unwritable);
  }
}

/** The cause of a failed write in words an accountant can act on. */
export function writeReason(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOENT':
      return '文件夹不存在';
    case 'EACCES':
    case 'EPERM':
      return '没有写入权限（文件夹只读，或文件正被其他程序打开）';
    case 'EROFS':
      return '磁盘是只读的';
    case 'ENOSPC':
      return '磁盘空间已满';
    case 'EDQUOT':
      return '超出磁盘配额';
    case 'EISDIR':
      return '这是一个文件夹';
    case 'ENAMETOOLONG':
      return '文件名太长';
    case 'EBUSY':
      return '文件正被其他程序占用';
    default:
      return e.message;
  }
}
