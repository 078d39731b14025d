import type { Finding } from '../report';

export interface NarrativeSection {
  /** The heading line as printed: 一、收入支出预算总体情况说明 / （一）机关运行经费支出情况. */
  heading: string;
  level: 1 | 2;
  paragraphs: string[];
}

export interface NarrativeResult {
  sections: NarrativeSection[];
  /** Placeholders (N.param-missing, N.source-missing) and the N.* checks. */
  findings: Finding[];
  /**
   * Every placeholder written into the text, one entry per occurrence, as made by Ctx.need(): the
   * count of what is left to fill. A 【请填写…】 typed by the user is text, not a placeholder.
   */
  placeholders: string[];
  markdown: string;
  /** {D}{Y}年部门预算情况说明 (printed before the first heading, not a section). */
  title: string;
}
