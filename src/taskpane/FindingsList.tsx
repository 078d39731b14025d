/**
 * The findings in the order to act on them: errors of every table first, then warnings, then 尾差/提示,
 * one headline each; many alike 尾差/提示 folded into one line with a count. A search box narrows the
 * list; the severity filters are the count tiles of the summary. Clicking a finding that has a cell
 * goes to it; 详情 shows the relations and the related cells.
 */
import * as React from 'react';
import { Button, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Finding, ListEntry, Severity } from '../core/report';
import { foldFindings } from '../core/report';
import { findingKey, findingTag, matchesSearch, SEVERITY_LABEL } from './format';
import { SEVERITY_COLORS } from './theme';

const PAGE = 200;

const itemBox = {
  backgroundColor: tokens.colorNeutralBackground1,
  borderTopWidth: '1px',
  borderRightWidth: '1px',
  borderBottomWidth: '1px',
  borderLeftWidth: '4px',
  borderTopStyle: 'solid',
  borderRightStyle: 'solid',
  borderBottomStyle: 'solid',
  borderLeftStyle: 'solid',
  borderTopColor: tokens.colorNeutralStroke2,
  borderRightColor: tokens.colorNeutralStroke2,
  borderBottomColor: tokens.colorNeutralStroke2,
  borderRadius: tokens.borderRadiusMedium,
} as const;

const plainButton = {
  display: 'block',
  width: '100%',
  textAlign: 'left',
  borderTopWidth: 0,
  borderRightWidth: 0,
  borderBottomWidth: 0,
  borderLeftWidth: 0,
  backgroundColor: 'transparent',
  fontFamily: 'inherit',
  color: tokens.colorNeutralForeground1,
  paddingTop: '8px',
  paddingBottom: '6px',
  paddingLeft: '10px',
  paddingRight: '10px',
  ':focus-visible': { outlineWidth: '2px', outlineStyle: 'solid', outlineColor: tokens.colorStrokeFocus2 },
} as const;

const useStyles = makeStyles({
  search: { width: '100%', marginBottom: '8px' },
  list: { display: 'flex', flexDirection: 'column', gap: '6px' },
  item: itemBox,
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  main: { ...plainButton, cursor: 'pointer', ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover } },
  still: { ...plainButton, cursor: 'default' },
  head: { display: 'flex', gap: '6px', alignItems: 'baseline' },
  pill: { fontSize: '11px', lineHeight: '18px', paddingLeft: '6px', paddingRight: '6px', borderRadius: '9px', fontWeight: 600, whiteSpace: 'nowrap', flexShrink: 0 },
  headline: { color: tokens.colorNeutralForeground1, lineHeight: tokens.lineHeightBase300, overflowWrap: 'anywhere' },
  detailToggle: { marginLeft: '6px', marginBottom: '4px' },
  detail: {
    marginTop: 0,
    marginBottom: '8px',
    marginLeft: '10px',
    marginRight: '10px',
    paddingLeft: '8px',
    borderLeft: `2px solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  fold: itemBox,
  foldItems: { display: 'flex', flexDirection: 'column', gap: '6px', paddingLeft: '10px', paddingRight: '6px', paddingBottom: '8px' },
  chevron: { width: '12px', color: tokens.colorNeutralForeground3, fontSize: '12px', flexShrink: 0 },
  empty: { color: tokens.colorNeutralForeground2 },
});

export interface FindingsListProps {
  findings: Finding[];
  filter: Record<Severity, boolean>;
  selected: string | null;
  onSelect: (key: string, sheet: string, cell: string) => void;
}

export function FindingsList({ findings, filter, selected, onSelect }: FindingsListProps): React.ReactElement | null {
  const s = useStyles();
  const [query, setQuery] = React.useState('');
  const entries = React.useMemo(() => foldFindings(findings.filter((f) => filter[f.severity] && matchesSearch(f, query)), findingTag), [findings, filter, query]);
  if (findings.length === 0) return null;
  const hidden = (['error', 'warning', 'info'] as Severity[]).filter((k) => !filter[k] && findings.some((f) => f.severity === k));
  return (
    <section aria-label="问题列表">
      <Input
        className={s.search}
        type="search"
        value={query}
        onChange={(_, d) => setQuery(d.value)}
        placeholder="搜索：表名、单元格、科目、项目名称…"
        aria-label="搜索问题"
        data-testid="search"
      />
      {entries.length === 0 ? (
        <Text className={s.empty}>
          没有符合条件的问题{hidden.length ? `（已隐藏：${hidden.map((k) => SEVERITY_LABEL[k]).join('、')}，点上方的计数可重新显示）` : ''}。
        </Text>
      ) : (
        <Entries entries={entries} selected={selected} onSelect={onSelect} />
      )}
    </section>
  );
}

function Entries({ entries, selected, onSelect }: { entries: ListEntry[] } & Pick<FindingsListProps, 'selected' | 'onSelect'>): React.ReactElement {
  const s = useStyles();
  const [limit, setLimit] = React.useState(PAGE);
  return (
    <div className={s.list}>
      {entries.slice(0, limit).map((e) =>
        e.kind === 'one' ? (
          <FindingItem key={findingKey(e.finding)} finding={e.finding} selected={selected === findingKey(e.finding)} onSelect={onSelect} />
        ) : (
          <Fold key={e.key} title={e.title} findings={e.findings} selected={selected} onSelect={onSelect} />
        ),
      )}
      {entries.length > limit && (
        <Button appearance="subtle" size="small" onClick={() => setLimit(limit + PAGE)}>
          再显示 {Math.min(PAGE, entries.length - limit)} 条（共 {entries.length} 条）
        </Button>
      )}
    </div>
  );
}

/** Many alike 尾差/提示 under one line; opened, they are listed (a page at a time). */
function Fold({ title, findings, selected, onSelect }: { title: string; findings: Finding[] } & Pick<FindingsListProps, 'selected' | 'onSelect'>): React.ReactElement {
  const s = useStyles();
  const [open, setOpen] = React.useState(false);
  return (
    <div className={s.fold} style={{ borderLeftColor: SEVERITY_COLORS.info.fg }} data-testid="finding-fold" data-count={findings.length}>
      <button type="button" className={s.main} aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className={s.head}>
          <span className={s.chevron} aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <Text size={300} className={s.headline}>
            {title}
          </Text>
        </span>
      </button>
      {open && (
        <div className={s.foldItems}>
          <Entries entries={findings.map((f) => ({ kind: 'one', finding: f }))} selected={selected} onSelect={onSelect} />
        </div>
      )}
    </div>
  );
}

function FindingItem({ finding: f, selected, onSelect }: { finding: Finding; selected: boolean; onSelect: FindingsListProps['onSelect'] }): React.ReactElement {
  const s = useStyles();
  const [open, setOpen] = React.useState(false);
  const hasCell = !!(f.sheet && f.cell);
  const hasDetail = !!f.detail || f.related.length > 0;
  const detailId = React.useId();
  const head = (
    <span className={s.head}>
      <span className={s.pill} style={{ color: SEVERITY_COLORS[f.severity].fg, backgroundColor: SEVERITY_COLORS[f.severity].bg }}>
        {SEVERITY_LABEL[f.severity]}
      </span>
      <Text size={300} className={s.headline}>
        {f.headline ?? f.message}
      </Text>
    </span>
  );
  const data = { 'data-testid': 'finding', 'data-sheet': f.sheet, 'data-cell': f.cell, 'data-severity': f.severity };
  return (
    <div className={`${s.item} ${selected ? s.selected : ''}`} style={{ borderLeftColor: SEVERITY_COLORS[f.severity].fg }}>
      {hasCell ? (
        <button type="button" className={s.main} onClick={() => onSelect(findingKey(f), f.sheet, f.cell)} aria-pressed={selected} title={`转到 ${f.sheet} ${f.cell}`} {...data}>
          {head}
        </button>
      ) : (
        // Nothing to go to: not a button, no pointer.
        <div className={s.still} {...data}>
          {head}
        </div>
      )}
      {hasDetail && (
        <Button appearance="transparent" size="small" className={s.detailToggle} aria-expanded={open} aria-controls={detailId} onClick={() => setOpen(!open)}>
          {open ? '收起详情' : '详情'}
        </Button>
      )}
      {open && (
        <div id={detailId} className={s.detail}>
          {f.detail && <div>{f.detail}</div>}
          {f.related.length > 0 && <div>相关单元格：{f.related.map((r) => (r.sheet === f.sheet ? r.cell : `${r.sheet}!${r.cell}`)).join('、')}</div>}
          <div>规则：{f.rule}</div>
        </div>
      )}
    </div>
  );
}
