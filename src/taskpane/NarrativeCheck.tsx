/**
 * 校对情况说明: the department's own 情况说明 — pasted, a chosen .docx/.md/.txt, or the workbook's
 * 情况说明 sheet (one paragraph per row in column A) — checked number by number against this
 * workbook's tables and 说明参数. Only reads: neither the document nor the workbook is changed.
 */
import * as React from 'react';
import { Badge, Button, Link, makeStyles, MessageBar, MessageBarBody, Spinner, Text, Textarea, tokens } from '@fluentui/react-components';
import type { Finding, NarrativeNumberEntry } from '../core/report';
import type { PaneHost } from './host';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '8px', marginTop: '20px', paddingTop: '12px', borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  hint: { color: tokens.colorNeutralForeground2, lineHeight: tokens.lineHeightBase300 },
  item: {
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    borderRadius: tokens.borderRadiusMedium,
    padding: '8px 10px',
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
  },
  quote: { lineHeight: '1.7', color: tokens.colorNeutralForeground1 },
  mark: { backgroundColor: '#FDE7E9', color: '#A4262C', fontWeight: 600, borderRadius: '2px' },
  where: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

type Source = { kind: 'text' } | { kind: 'file'; file: File } | { kind: 'sheet' };
interface Outcome {
  label: string;
  findings: Finding[];
  numbers: NarrativeNumberEntry[];
  paragraphs: number;
}

const SEVERITY = { error: { label: '错误', color: 'danger' }, warning: { label: '警告', color: 'warning' }, info: { label: '提示', color: 'informative' } } as const;

export function NarrativeCheck({ host }: { host: PaneHost }): React.ReactElement {
  const s = useStyles();
  const [text, setText] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);
  const fileInput = React.useRef<HTMLInputElement>(null);

  const run = async (source: Source): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      // Reading the user's document happens here (the file is on the page); the check runs with the
      // rest of the core, in the worker.
      let paragraphs: string[] = [];
      let label = '粘贴的文字';
      if (source.kind === 'file') {
        const { readNarrativeBytes } = await import(/* webpackChunkName: "read-narrative" */ '../io/read-narrative');
        paragraphs = await readNarrativeBytes(new Uint8Array(await source.file.arrayBuffer()), source.file.name);
        label = source.file.name;
        if (!paragraphs.some((p) => p.trim())) throw new Error(`${label}中没有文字。`);
      } else if (source.kind === 'text') {
        paragraphs = text.split(/\r?\n/);
      }
      const r = await host.checkNarrative(source.kind === 'sheet' ? { kind: 'sheet' } : { kind: 'paragraphs', paragraphs });
      if (!r.ok) throw new Error(r.message);
      if (r.sheet) label = `工作表「${r.sheet}」`;
      setOutcome({ label, findings: r.findings, numbers: r.numbers, paragraphs: r.paragraphs });
    } catch (e) {
      setOutcome(null);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const onFile = (e: React.ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) void run({ kind: 'file', file });
  };

  return (
    <section className={s.stack} data-testid="narrative-check">
      <Text as="h3" size={300} weight="semibold">
        校对情况说明
      </Text>
      <Text className={s.hint}>把本部门自己写的情况说明与本工作簿的表格逐个数字核对：金额、占比、增减额和幅度、年份、部门名称、“无…”的表述和未替换的占位符。只读取，不修改文档或工作簿。</Text>
      <Textarea value={text} onChange={(_, d) => setText(d.value)} placeholder="在此粘贴情况说明全文（每段一行）" resize="vertical" rows={5} data-testid="narrative-text" />
      <div className={s.actions}>
        <Button appearance="primary" disabled={busy || !text.trim()} onClick={() => void run({ kind: 'text' })} data-testid="check-text">
          校对粘贴的文字
        </Button>
        <Button disabled={busy} onClick={() => fileInput.current?.click()}>
          选择 Word 文档…
        </Button>
        <Button disabled={busy} onClick={() => void run({ kind: 'sheet' })} data-testid="check-sheet">
          校对「情况说明」工作表
        </Button>
        <input ref={fileInput} type="file" accept=".docx,.md,.txt" hidden onChange={onFile} data-testid="narrative-file" />
        {busy && <Spinner size="tiny" label="正在校对…" labelPosition="after" />}
      </div>
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && <Results outcome={outcome} host={host} />}
    </section>
  );
}

function Results({ outcome, host }: { outcome: Outcome; host: PaneHost }): React.ReactElement {
  const s = useStyles();
  const n = outcome.numbers;
  const count = (v: NarrativeNumberEntry['verdict']) => n.filter((x) => x.verdict === v).length;
  const errors = outcome.findings.filter((f) => f.severity === 'error').length;
  return (
    <>
      <MessageBar intent={errors ? 'error' : outcome.findings.length ? 'warning' : 'success'} layout="multiline">
        <MessageBarBody data-testid="narrative-check-summary">
          {outcome.label}：{outcome.paragraphs} 段，{n.length} 个数字，与表格一致 {count('matches')}，不一致 {count('differs')}，无法核对 {count('unverifiable')}。
          {outcome.findings.length ? `发现 ${outcome.findings.length} 处问题（错误 ${errors}）。` : '未发现与表格不一致之处。'}
        </MessageBarBody>
      </MessageBar>
      {outcome.findings.map((f, i) => (
        <div key={i} className={s.item} data-testid="narrative-finding" data-rule={f.rule} data-paragraph={f.narrative?.paragraph}>
          <div>
            <Badge appearance="tint" color={SEVERITY[f.severity].color}>
              {SEVERITY[f.severity].label}
            </Badge>{' '}
            <span className={s.where}>
              第 {f.narrative?.paragraph} 段{f.narrative?.section ? ` · ${f.narrative.section}` : ''}
            </span>
          </div>
          {f.narrative && <Text className={s.quote}>{marked(f.narrative.quote, f.narrative.text, f.narrative.offset, s.mark)}</Text>}
          <Text>
            {f.message}
            {f.expected !== null && f.expected !== undefined ? `（应为 ${f.expected}）` : ''}
          </Text>
          {f.related.length > 0 && (
            <Link as="button" onClick={() => void host.goTo(f.related[0].sheet, f.related[0].cell)}>
              查看「{f.related[0].sheet}」{f.related[0].cell}
            </Link>
          )}
        </div>
      ))}
    </>
  );
}

/** The sentence with the number marked. */
function marked(quote: string, text: string, offset: number | undefined, cls: string): React.ReactNode {
  const i = !text ? -1 : offset !== undefined && quote.startsWith(text, offset) ? offset : quote.indexOf(text);
  if (i < 0) return quote;
  return (
    <>
      {quote.slice(0, i)}
      <mark className={cls}>{text}</mark>
      {quote.slice(i + text.length)}
    </>
  );
}
