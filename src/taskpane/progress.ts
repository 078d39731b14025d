/** The progress line of long work, by stage (读取 / 识别 / 校验 / 标记 / 生成). */
import type { PaneStage } from './host';

export const STAGE_LABEL: Record<PaneStage, string> = {
  sheets: '读取：工作表列表…',
  read: '读取：表格数据…',
  check: '识别：查找预算公开表…',
  recognize: '识别：查找预算公开表…',
  rules: '校验：表内合计、表间勾稽、科目…',
  mark: '标记：给有问题的单元格涂色…',
  narrative: '生成：情况说明各节…',
};

/** Share of the bar when each stage starts (validation: read, recognise, check, mark). */
export const STAGE_PROGRESS: Record<PaneStage, number> = { sheets: 0.05, read: 0.15, check: 0.45, recognize: 0.5, rules: 0.65, mark: 0.9, narrative: 0.75 };
