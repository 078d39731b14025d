/**
 * Markdown as the published documents are laid out (fixtures/narrative/*.expected.md): 第二部分, the
 * title, then every heading on its own line followed by its paragraphs, blank lines between.
 */
import type { NarrativeSection } from './types';
import { pushAll } from '../list';

export function toMarkdown(title: string, sections: NarrativeSection[]): string {
  const blocks: string[] = ['第二部分', title];
  for (const s of sections) {
    blocks.push(s.heading);
    pushAll(blocks, s.paragraphs);
  }
  return blocks.join('\n\n') + '\n';
}
