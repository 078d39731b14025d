/** The location of a claim in the document and the finding draft built from it. */
import type { CellRef } from '../../grid';
import type { Severity } from '../../report';
import type { Claim } from '../classify';
import type { Paragraph } from '../document';
import { sentenceAt, sentencesOf } from '../document';
import type { NarrativeIssue, NarrativeLocation } from '../types';

export function locate(c: Claim): NarrativeLocation {
  return placeAt(c.para, c.start, c.num?.text ?? c.word ?? '');
}

/** The location of `text` found at `pos` in paragraph p: its sentence, and where in it. */
export function placeAt(p: Paragraph, pos: number, text: string): NarrativeLocation {
  const s = sentenceAt(sentencesOf(p.text), pos);
  const lead = s.text.length - s.text.trimStart().length;
  const quote = s.text.trim();
  const offset = pos - s.start - lead;
  return { paragraph: p.index, section: p.section, quote, text, ...(text && offset >= 0 && quote.startsWith(text, offset) ? { offset } : {}) };
}

export function issue(rule: string, severity: Severity, at: NarrativeLocation, message: string, o: { related?: CellRef[]; expected?: number | string | null; actual?: number | string | null } = {}): NarrativeIssue {
  return { rule, severity, at, related: o.related ?? [], expected: o.expected ?? null, actual: o.actual ?? null, message };
}

/** 第3段“…支出合计179.7万元…” — how messages name the place. */
export function where(at: NarrativeLocation): string {
  return `第${at.paragraph}段“${at.text}”`;
}
