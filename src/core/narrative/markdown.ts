/**
 * Markdown as the published documents are laid out (fixtures/narrative/*.expected.md): 第二部分, the
 * title, then every heading on its own line followed by its paragraphs, blank lines between.
 * The text carries what the user typed (department name, reasons, project names): every block is
 * written as one line (a line break shows as ⏎, so "\n# 伪造标题" cannot make a heading) and the
 * characters Markdown reads as markup are escaped, so no link, HTML, list or quote can be forged.
 * The template's own text holds none of them, so it reads exactly as before.
 */
import { oneLine } from '../display';
import type { NarrativeSection } from './types';
import { pushAll } from '../list';

export function toMarkdown(title: string, sections: NarrativeSection[]): string {
  const blocks: string[] = ['第二部分', title];
  for (const s of sections) {
    blocks.push(s.heading);
    pushAll(blocks, s.paragraphs);
  }
  return blocks.map(escapeMarkdown).join('\n\n') + '\n';
}

/** One block of text as literal Markdown (CommonMark backslash escapes). */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/^[ \t]+/, '')
    .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
    .replace(/^([#+=-])/, '\\$1');
}
