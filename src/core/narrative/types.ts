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
  markdown: string;
  /** {D}{Y}年部门预算情况说明 (printed before the first heading, not a section). */
  title: string;
}
