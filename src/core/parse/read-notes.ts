/**
 * P.read: what the host could not read as the file has it (SheetGrid.readNotes) — rows or columns
 * past the read limits, rows numbered past Excel's limit, merged areas clipped, formulas saved
 * without a calculated value. One finding per sheet and kind: nothing is cut silently.
 */
import type { ReadNote, SheetGrid } from '../grid';
import type { ParseIssue } from '../model';

const MESSAGES: Record<ReadNote['kind'], { severity: ParseIssue['severity']; text: (sheet: string, n: ReadNote) => string }> = {
  'rows-cut': {
    severity: 'warning',
    text: (s, n) => `工作表“${s}”太大，只读取了前面的部分：从第 ${n.detail ?? '?'} 行起的 ${n.count} 行未读取，其中的表格和金额未校验`,
  },
  'cols-cut': {
    severity: 'warning',
    text: (s, n) => `工作表“${s}”太宽：从 ${n.detail ?? '?'} 列起的 ${n.count} 列未读取，其中的内容未校验`,
  },
  'rows-invalid': {
    severity: 'warning',
    text: (s, n) => `工作表“${s}”有 ${n.count} 行的行号超出 Excel 的上限 1048576（如第 ${n.detail ?? '?'} 行），文件可能已损坏：这些行未读取`,
  },
  'merges-clipped': {
    severity: 'info',
    text: (s, n) => `工作表“${s}”有 ${n.count} 个合并区域（如 ${n.detail ?? n.cell}）超出了有数据的范围，只按有数据的部分读取`,
  },
  uncached: {
    severity: 'error',
    text: (s, n) =>
      `工作表“${s}”有 ${n.count} 个公式没有保存计算结果（首个在 ${n.cell}），这些单元格只能按空白读取，相关金额的校验结果不可靠：请在 Excel 中打开该工作簿，重新计算并保存（按 F9 或“公式 → 开始计算”，再保存）后再校验`,
  },
};

export function readNoteIssues(grids: SheetGrid[]): ParseIssue[] {
  const out: ParseIssue[] = [];
  for (const g of grids) {
    const notes = Array.isArray(g?.readNotes) ? g.readNotes : [];
    for (const n of notes) {
      const m = MESSAGES[n?.kind];
      if (!m) continue;
      const sheet = String(g.name ?? '');
      out.push({ rule: 'P.read', severity: m.severity, ref: { sheet, cell: String(n.cell ?? 'A1') }, message: m.text(sheet, n), actual: n.count });
    }
  }
  return out;
}
