/** Findings grouped by table, filterable by severity; clicking one goes to its cell. */
import * as React from 'react';
import { Button, makeStyles, Text, ToggleButton, tokens } from '@fluentui/react-components';
import type { Finding, Severity } from '../core/report';
import { findingKey, groupFindings, SEVERITY_LABEL, showValue } from './format';
import { SEVERITY_COLORS } from './theme';

const PAGE = 200;

const useStyles = makeStyles({
  filters: { display: 'flex', gap: '6px', alignItems: 'center', flexWrap: 'wrap', marginBottom: '8px' },
  group: { marginBottom: '6px' },
  groupHeader: {
    display: 'flex',
    gap: '8px',
    alignItems: 'center',
    width: '100%',
    paddingTop: '6px',
    paddingBottom: '6px',
    paddingLeft: '2px',
    paddingRight: '2px',
    borderTopWidth: 0,
    borderRightWidth: 0,
    borderLeftWidth: 0,
    borderBottomWidth: 0,
    backgroundColor: 'transparent',
    cursor: 'pointer',
    fontFamily: 'inherit',
    textAlign: 'left',
    color: tokens.colorNeutralForeground1,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outlineWidth: '2px', outlineStyle: 'solid', outlineColor: tokens.colorStrokeFocus2 },
  },
  chevron: { width: '12px', color: tokens.colorNeutralForeground3, fontSize: '12px' },
  groupName: { flexGrow: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  pill: { fontSize: '11px', lineHeight: '18px', paddingLeft: '6px', paddingRight: '6px', borderRadius: '9px', fontWeight: 600, whiteSpace: 'nowrap' },
  items: { display: 'flex', flexDirection: 'column', gap: '6px', paddingBottom: '8px' },
  item: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    cursor: 'pointer',
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
    paddingTop: '8px',
    paddingBottom: '8px',
    paddingLeft: '10px',
    paddingRight: '10px',
    fontFamily: 'inherit',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outlineWidth: '2px', outlineStyle: 'solid', outlineColor: tokens.colorStrokeFocus2 },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
  where: { display: 'flex', gap: '6px', alignItems: 'center', marginBottom: '2px', color: tokens.colorNeutralForeground2 },
  message: { display: 'block', color: tokens.colorNeutralForeground1, lineHeight: tokens.lineHeightBase300 },
  values: { display: 'block', marginTop: '2px', color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums' },
  empty: { color: tokens.colorNeutralForeground2 },
});

export interface FindingsListProps {
  findings: Finding[];
  filter: Record<Severity, boolean>;
  onFilter: (f: Record<Severity, boolean>) => void;
  selected: string | null;
  onSelect: (key: string, sheet: string, cell: string) => void;
}

export function FindingsList({ findings, filter, onFilter, selected, onSelect }: FindingsListProps): React.ReactElement | null {
  const s = useStyles();
  if (findings.length === 0) return null;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const shown = findings.filter((f) => filter[f.severity]);
  const groups = groupFindings(shown);
  const sev: Severity[] = ['error', 'warning', 'info'];
  return (
    <section aria-label="问题列表">
      <div className={s.filters} role="group" aria-label="按级别筛选">
        <Text size={200}>显示：</Text>
        {sev.map((k) => (
          <ToggleButton
            key={k}
            size="small"
            checked={filter[k]}
            disabled={counts[k] === 0}
            onClick={() => onFilter({ ...filter, [k]: !filter[k] })}
            data-testid={`filter-${k}`}
          >
            {SEVERITY_LABEL[k]} {counts[k]}
          </ToggleButton>
        ))}
      </div>
      {groups.length === 0 ? (
        <Text className={s.empty}>没有符合筛选条件的问题。</Text>
      ) : (
        groups.map((g) => <Group key={g.key} title={g.title} counts={g.counts} findings={g.findings} selected={selected} onSelect={onSelect} />)
      )}
    </section>
  );
}

/** One table's findings under a header that folds them away (a plain button: no animation library needed). */
function Group({ title, counts, findings, selected, onSelect }: { title: string; counts: Record<Severity, number> } & Pick<FindingsListProps, 'findings' | 'selected' | 'onSelect'>): React.ReactElement {
  const s = useStyles();
  const [open, setOpen] = React.useState(true);
  const sev: Severity[] = ['error', 'warning', 'info'];
  return (
    <section className={s.group}>
      <button type="button" className={s.groupHeader} aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className={s.chevron} aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        <Text weight="semibold" size={300} className={s.groupName}>
          {title}
        </Text>
        {sev.filter((k) => counts[k] > 0).map((k) => (
          <span key={k} className={s.pill} style={{ color: SEVERITY_COLORS[k].fg, backgroundColor: SEVERITY_COLORS[k].bg }}>
            {SEVERITY_LABEL[k]} {counts[k]}
          </span>
        ))}
      </button>
      {open && <GroupItems findings={findings} selected={selected} onSelect={onSelect} />}
    </section>
  );
}

function GroupItems({ findings, selected, onSelect }: Pick<FindingsListProps, 'findings' | 'selected' | 'onSelect'>): React.ReactElement {
  const s = useStyles();
  const [limit, setLimit] = React.useState(PAGE);
  return (
    <div className={s.items}>
      {findings.slice(0, limit).map((f) => (
        <FindingItem key={findingKey(f)} finding={f} selected={selected === findingKey(f)} onSelect={onSelect} />
      ))}
      {findings.length > limit && (
        <Button appearance="subtle" size="small" onClick={() => setLimit(limit + PAGE)}>
          再显示 {Math.min(PAGE, findings.length - limit)} 条（共 {findings.length} 条）
        </Button>
      )}
    </div>
  );
}

function FindingItem({ finding: f, selected, onSelect }: { finding: Finding; selected: boolean; onSelect: FindingsListProps['onSelect'] }): React.ReactElement {
  const s = useStyles();
  const hasCell = !!(f.sheet && f.cell);
  const expected = showValue(f.expected);
  const actual = showValue(f.actual);
  return (
    <button
      type="button"
      className={`${s.item} ${selected ? s.selected : ''}`}
      style={{ borderLeftColor: SEVERITY_COLORS[f.severity].fg }}
      onClick={() => hasCell && onSelect(findingKey(f), f.sheet, f.cell)}
      aria-pressed={selected}
      title={hasCell ? `转到 ${f.sheet} ${f.cell}` : undefined}
      data-testid="finding"
      data-sheet={f.sheet}
      data-cell={f.cell}
      data-severity={f.severity}
    >
      <span className={s.where}>
        <span className={s.pill} style={{ color: SEVERITY_COLORS[f.severity].fg, backgroundColor: SEVERITY_COLORS[f.severity].bg }}>
          {SEVERITY_LABEL[f.severity]}
        </span>
        <Text size={200}>{hasCell ? `${f.sheet} · ${f.cell}` : f.sheet || '整个工作簿'}</Text>
      </span>
      <Text size={300} className={s.message}>
        {f.message}
      </Text>
      {(expected || actual) && (
        <Text size={200} className={s.values}>
          {expected && `应为 ${expected}`}
          {expected && actual && '　'}
          {actual && `实为 ${actual}`}
        </Text>
      )}
    </button>
  );
}
