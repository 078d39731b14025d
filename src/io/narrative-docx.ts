/**
 * The narrative as a Word document: 第二部分 and the title, every section heading as a Word heading
 * (level 1 → Heading 1, level 2 → Heading 2), paragraphs as body text with a first-line indent.
 * No Node or DOM APIs, so the task pane can build the same file in the browser.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { NarrativeResult } from '../core/narrative';

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };

/**
 * A placeholder 【请填写…】 is printed in red so nobody publishes it by mistake; only the generator's
 * own placeholders (result.placeholders), not a 【…】 the user typed.
 */
function runs(text: string, placeholders: ReadonlySet<string>): TextRun[] {
  return text
    .split(/(【请填写[^】]*】)/)
    .filter((t) => t)
    .map((t) => (placeholders.has(t) ? new TextRun({ text: t, color: 'C00000', bold: true }) : new TextRun(t)));
}

export async function narrativeToDocx(result: NarrativeResult): Promise<Uint8Array> {
  const placeholders = new Set(result.placeholders);
  const children: Paragraph[] = [
    new Paragraph({ text: '第二部分', heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    new Paragraph({ text: result.title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
  ];
  for (const s of result.sections) {
    // outlineLevel as well as the style: LibreOffice and Word's navigation pane read headings from it.
    children.push(new Paragraph({ text: s.heading, heading: s.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, outlineLevel: s.level - 1, keepNext: true }));
    for (const p of s.paragraphs) children.push(new Paragraph({ children: runs(p, placeholders), indent: { firstLine: 640 } }));
  }
  const doc = new Document({
    creator: '预算公开表校验助手',
    title: result.title,
    styles: {
      default: {
        document: { run: { font: FONT, size: 32, language: { value: 'zh-CN', eastAsia: 'zh-CN' } }, paragraph: { spacing: { line: 560 } } },
        title: { run: { font: HEADING_FONT, size: 36, bold: true, color: '000000' } },
        heading1: { run: { font: HEADING_FONT, size: 32, bold: false, color: '000000' }, paragraph: { indent: { firstLine: 640 } } },
        heading2: { run: { font: { ...HEADING_FONT, eastAsia: '楷体_GB2312' }, size: 32, bold: false, color: '000000' }, paragraph: { indent: { firstLine: 640 } } },
      },
    },
    sections: [{ children }],
  });
  const buf = await Packer.toArrayBuffer(doc);
  return new Uint8Array(buf);
}
