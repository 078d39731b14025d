/**
 * 情况说明 tab: generate the narrative from the same snapshot the check reads, show it, copy it,
 * write it to a sheet, export it as .docx, or create the 说明参数 sheet pre-filled from the tables.
 */
import * as React from 'react';
import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Spinner, Text, tokens } from '@fluentui/react-components';
import type { NarrativeResult } from '../core/narrative';
import type { SheetContent } from '../excel/write-sheet';
import { freeSheetName } from '../excel/write-sheet';
import { copyContent, downloadBytes, safeFileName } from './download';
import type { PaneHost, PaneStage } from './host';
import { STAGE_LABEL, STAGE_PROGRESS } from './progress';
import type { ConflictChoice, SheetConflict } from './SheetNameDialog';
import { SheetNameDialog } from './SheetNameDialog';
const NarrativeCheck = React.lazy(() => import(/* webpackChunkName: "narrative-check-pane" */ './NarrativeCheck').then((m) => ({ default: m.NarrativeCheck })));

const NARRATIVE_SHEET = '情况说明';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '12px' },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  doc: {
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    borderRadius: tokens.borderRadiusMedium,
    paddingTop: '12px',
    paddingBottom: '12px',
    paddingLeft: '14px',
    paddingRight: '14px',
  },
  title: { display: 'block', textAlign: 'center', marginBottom: '8px' },
  h1: { display: 'block', marginTop: '12px', marginBottom: '4px' },
  h2: { display: 'block', marginTop: '8px', marginBottom: '4px', color: tokens.colorNeutralForeground2 },
  p: { marginTop: 0, marginBottom: '6px', textIndent: '2em', lineHeight: '1.7', fontSize: tokens.fontSizeBase300 },
  placeholder: { backgroundColor: '#FDE7E9', color: '#A4262C', fontWeight: 600, borderRadius: '2px' },
  intro: { color: tokens.colorNeutralForeground2, lineHeight: tokens.lineHeightBase300 },
});

type Busy = null | 'generate' | 'copy' | 'sheet' | 'docx' | 'params';

export function NarrativeTab({ host }: { host: PaneHost }): React.ReactElement {
  const s = useStyles();
  const [busy, setBusy] = React.useState<Busy>(null);
  const [result, setResult] = React.useState<NarrativeResult | null>(null);
  const [hasParams, setHasParams] = React.useState(true);
  const [error, setError] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [stage, setStage] = React.useState<PaneStage | null>(null);
  const [conflict, setConflict] = React.useState<(SheetConflict & { content: SheetContent; done: string; written?: () => void }) | null>(null);

  const act = async (what: Busy, f: () => Promise<void>): Promise<void> => {
    setBusy(what);
    setError(null);
    setNotice(null);
    try {
      await f();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
      setStage(null);
    }
  };

  const NO_TABLES = '没有找到预算公开表，无法生成情况说明。请先在「校验」页查看本工具识别的表格标题。';

  /** A fresh snapshot each time: the user may have edited the tables or 说明参数 since. */
  const generate = () =>
    act('generate', async () => {
      const r = await host.narrative(setStage);
      if (!r.tables) {
        setError(NO_TABLES);
        return;
      }
      setHasParams(r.hasParams);
      setResult(r.result);
    });

  /** Write a sheet; when the name is taken, ask first (the dialog calls back into finishWrite). */
  /** `written` runs once the sheet is really there (after the name question, if one was asked). */
  const safeWrite = async (name: string, content: SheetContent, done: string, written?: () => void): Promise<void> => {
    const names = await host.sheetNames();
    if (names.some((n) => n.toLowerCase() === name.toLowerCase())) {
      setConflict({ name, suggestion: freeSheetName(name, names), content, done, written });
      return;
    }
    await host.writeSheet(name, content);
    setNotice(done.replace('{name}', name));
    written?.();
  };

  const onConflict = (choice: ConflictChoice): void => {
    const c = conflict;
    setConflict(null);
    if (!c || choice === 'cancel') return;
    const target = choice === 'new' ? c.suggestion : c.name;
    void act('sheet', async () => {
      await host.writeSheet(target, c.content, choice === 'replace');
      setNotice(c.done.replace('{name}', target));
      c.written?.();
    });
  };

  const writeSheet = () => act('sheet', () => safeWrite(NARRATIVE_SHEET, narrativeSheet(result!), '已写入工作表「{name}」。'));

  /** Only where a browser handles downloads (the preview, Excel on the web); see download.ts. */
  const exportDocx = () =>
    act('docx', async () => {
      const { narrativeToDocx } = await import(/* webpackChunkName: "docx" */ '../io/narrative-docx');
      const name = `${safeFileName(result!.title || NARRATIVE_SHEET)}.docx`;
      downloadBytes(await narrativeToDocx(result!), name, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      setNotice(
        host.downloads === 'yes'
          ? `已导出「${name}」，请在浏览器的下载列表中查看。`
          : `已请求下载「${name}」。如果浏览器没有开始下载（Excel 网页版可能不允许加载项下载文件），请改用「复制到剪贴板（保留标题格式）」，再在 Word 中粘贴。`,
      );
    });

  /** Synchronous up to the copy itself: the webview allows it only inside the user's click. */
  const copy = (): void => {
    setError(null);
    setNotice(null);
    copyContent({ text: plainText(result!), html: narrativeHtml(result!) }).then(
      (how) => setNotice(how === 'rich' ? '已复制到剪贴板（保留标题格式）：在 Word 中按 Ctrl+V 粘贴，一级、二级标题会成为 Word 的“标题 1”“标题 2”。' : '已复制为纯文本（此环境不允许复制格式）。'),
      (e: unknown) => setError((e as Error).message),
    );
  };

  const createParams = () =>
    act('params', async () => {
      const r = await host.paramsSheet(setStage);
      if (!r.tables) {
        setError(NO_TABLES);
        return;
      }
      const content: SheetContent = { rows: r.rows, formats: r.formats, widths: [220, 160, 90, 90], boldRows: [1], wrap: false };
      // The "没有「说明参数」工作表" bar must not stay once the sheet exists.
      await safeWrite(r.sheet, content, '已创建「{name}」工作表：请填写其中的上年数、原因等，然后重新生成情况说明。', () => setHasParams(true));
    });

  const placeholders = result ? countPlaceholders(result) : 0;

  return (
    <div className={s.stack}>
      <div className={s.actions}>
        <Button appearance="primary" onClick={generate} disabled={!!busy} data-testid="generate">
          {busy === 'generate' ? '正在生成…' : result ? '重新生成' : '生成情况说明'}
        </Button>
        <Button onClick={copy} disabled={!result || !!busy} data-testid="copy-rich">
          复制到剪贴板（保留标题格式）
        </Button>
        <Button onClick={writeSheet} disabled={!result || !!busy}>
          写入工作表
        </Button>
        {host.downloads !== 'no' && (
          <Button onClick={exportDocx} disabled={!result || !!busy} data-testid="export-docx">
            {busy === 'docx' ? '正在导出…' : '导出 Word'}
          </Button>
        )}
        <Button onClick={createParams} disabled={!!busy}>
          创建说明参数表
        </Button>
      </div>
      {/* The question about a taken sheet name sits right under the buttons, in view. */}
      <SheetNameDialog conflict={conflict} onChoose={onConflict} />
      {busy && stage && (
        <div role="status" aria-live="polite">
          <ProgressBar value={STAGE_PROGRESS[stage]} thickness="large" aria-label="进度" />
          <Text size={200} className={s.intro} data-testid="stage">
            {STAGE_LABEL[stage]}
          </Text>
        </div>
      )}
      {busy && !stage && busy !== 'generate' && busy !== 'docx' && <Spinner size="tiny" label="请稍候…" labelPosition="after" />}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {result && !hasParams && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>没有「说明参数」工作表</MessageBarTitle>
            上年数、增减原因等不在十四张表中，文中以【请填写…】占位。点「创建说明参数表」生成预填的参数表，填写后重新生成。
          </MessageBarBody>
        </MessageBar>
      )}
      {result && placeholders > 0 && hasParams && (
        <MessageBar intent="warning">
          <MessageBarBody>文中还有 {placeholders} 处【请填写…】，请在「说明参数」工作表中补充。</MessageBarBody>
        </MessageBar>
      )}
      {!result && !busy && !error && (
        <Text className={s.intro}>
          「生成情况说明」根据本工作簿中的表格数据和「说明参数」工作表，写出第二部分“部门预算情况说明”的各节文字。缺少的数据不会被编造，而是以【请填写…】标出。
        </Text>
      )}
      {result && (
        <article className={s.doc} data-testid="narrative" lang="zh-CN">
          {result.title && (
            <Text as="h2" size={400} weight="semibold" className={s.title}>
              {result.title}
            </Text>
          )}
          {result.sections.map((sec, i) => (
            <section key={i}>
              <Text as={sec.level === 1 ? 'h3' : 'h4'} size={sec.level === 1 ? 300 : 300} weight="semibold" className={sec.level === 1 ? s.h1 : s.h2}>
                {sec.heading}
              </Text>
              {sec.paragraphs.map((p, j) => (
                <p key={j} className={s.p}>
                  {withPlaceholders(p, s.placeholder)}
                </p>
              ))}
            </section>
          ))}
        </article>
      )}
      <React.Suspense fallback={null}><NarrativeCheck host={host} /></React.Suspense>
    </div>
  );
}

function withPlaceholders(text: string, cls: string): React.ReactNode[] {
  return text.split(/(【请填写[^】]*】)/).filter(Boolean).map((t, i) => (t.startsWith('【请填写') ? <mark key={i} className={cls}>{t}</mark> : <React.Fragment key={i}>{t}</React.Fragment>));
}

/** Counted where they were made: a 【请填写…】 the user typed is not one. */
function countPlaceholders(r: NarrativeResult): number {
  return r.placeholders.length;
}

/** Title, then each heading and its paragraphs (paragraphs indented with two ideographic spaces). */
export function plainText(r: NarrativeResult): string {
  const lines: string[] = [];
  if (r.title) lines.push(r.title, '');
  for (const s of r.sections) {
    lines.push(s.heading);
    for (const p of s.paragraphs) lines.push(`\u3000\u3000${p}`);
  }
  return lines.join('\n');
}

const escapeHtml = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The narrative as HTML for the clipboard: Word maps h1/h2 to its 标题 1/标题 2 styles and the
 * MsoTitle class to 标题, so the document keeps its outline when pasted.
 */
export function narrativeHtml(r: NarrativeResult): string {
  const out: string[] = ['<html lang="zh-CN"><head><meta charset="utf-8"></head><body>'];
  if (r.title) out.push(`<p class="MsoTitle" style="text-align:center"><b>${escapeHtml(r.title)}</b></p>`);
  for (const s of r.sections) {
    const tag = s.level === 1 ? 'h1' : 'h2';
    out.push(`<${tag}>${escapeHtml(s.heading)}</${tag}>`);
    for (const p of s.paragraphs) out.push(`<p style="text-indent:2em">${escapeHtml(p)}</p>`);
  }
  out.push('</body></html>');
  return out.join('\n');
}

/** One column: title, headings in bold, one paragraph per row, wrapped. */
export function narrativeSheet(r: NarrativeResult): SheetContent {
  const rows: (string | null)[][] = [];
  const bold: number[] = [];
  if (r.title) {
    rows.push([r.title]);
    bold.push(rows.length);
    rows.push([null]);
  }
  for (const s of r.sections) {
    rows.push([s.heading]);
    bold.push(rows.length);
    for (const p of s.paragraphs) rows.push([p]);
  }
  return { rows, boldRows: bold, widths: [520], wrap: true };
}
