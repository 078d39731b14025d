/** The location of a claim in the document and the finding draft built from it. */
import type { CellRef } from '../../grid';
import type { Severity } from '../../report';
import type { Claim } from '../classify';
import type { NarrativeIssue, NarrativeLocation } from '../types';

export function locate(c: Claim): NarrativeLocation {
  return { paragraph: c.para.index, section: c.para.section, quote: c.quote.trim(), text: c.num?.text ?? c.word ?? '' };
}

export function issue(rule: string, severity: Severity, at: NarrativeLocation, message: string, o: { related?: CellRef[]; expected?: number | string | null; actual?: number | string | null } = {}): NarrativeIssue {
  return { rule, severity, at, related: o.related ?? [], expected: o.expected ?? null, actual: o.actual ?? null, message };
}

/** 第3段“…支出合计179.7万元…” — how messages name the place. */
export function where(at: NarrativeLocation): string {
  return `第${at.paragraph}段“${at.text}”`;
}
