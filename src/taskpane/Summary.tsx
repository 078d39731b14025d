/**
 * The counts after a check (each tile also shows or hides its severity in the list), the tables found
 * and missing in the workbook's own layout names, and the empty state when none is found.
 */
import * as React from 'react';
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { TABLE_IDS } from '../core/model';
import type { Severity } from '../core/report';
import { TABLE_NAMES } from '../core/tables/names';
import { SEVERITY_LABEL, tableTitle } from './format';
import type { CheckOutcome } from './host';
import { SEVERITY_COLORS } from './theme';

const useStyles = makeStyles({
  tiles: { display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: '8px' },
  tile: {
    fontFamily: 'inherit',
    textAlign: 'left',
    borderTopWidth: 0,
    borderRightWidth: 0,
    borderBottomWidth: 0,
    cursor: 'pointer',
    ':focus-visible': { outlineWidth: '2px', outlineStyle: 'solid', outlineColor: tokens.colorStrokeFocus2 },
    ':disabled': { cursor: 'default' },
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    paddingTop: '8px',
    paddingBottom: '8px',
    paddingLeft: '10px',
    paddingRight: '10px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    borderLeftWidth: '4px',
    borderLeftStyle: 'solid',
  },
  count: { fontSize: '24px', lineHeight: '30px', fontWeight: 600 },
  off: { opacity: 0.55, boxShadow: 'none', backgroundColor: tokens.colorNeutralBackground3 },
  meta: { color: tokens.colorNeutralForeground2, display: 'block', lineHeight: tokens.lineHeightBase300 },
  list: { marginTop: '6px', marginBottom: 0, paddingLeft: '20px', lineHeight: tokens.lineHeightBase300 },
});

export interface SummaryProps {
  outcome: CheckOutcome;
  run: number;
  /** Which severities the list shows; a tile toggles its own. */
  filter?: Record<Severity, boolean>;
  onFilter?: (f: Record<Severity, boolean>) => void;
}

export function Summary({ outcome, run, filter, onFilter }: SummaryProps): React.ReactElement {
  const s = useStyles();
  const { report } = outcome;
  if (report.tables.length === 0) return <NoTables run={run} />;
  const sev: Severity[] = ['error', 'warning', 'info'];
  return (
    <section aria-label="校验结果" data-testid="summary" data-run={run}>
      <div className={s.tiles} role="group" aria-label="按级别筛选问题列表">
        {sev.map((k) => {
          const n = report.summary[k];
          const on = filter ? filter[k] : true;
          const why = n === 0 ? `没有${SEVERITY_LABEL[k]}，无需筛选` : on ? `点击在列表中隐藏${SEVERITY_LABEL[k]}` : `点击在列表中显示${SEVERITY_LABEL[k]}`;
          return (
            <button
              key={k}
              type="button"
              className={`${s.tile} ${on || n === 0 ? '' : s.off}`}
              style={{ borderLeftColor: SEVERITY_COLORS[k].fg }}
              data-testid={`count-${k}`}
              aria-pressed={on}
              disabled={!onFilter || n === 0}
              title={why}
              onClick={() => filter && onFilter?.({ ...filter, [k]: !filter[k] })}
            >
              <span className={s.count} style={{ color: SEVERITY_COLORS[k].fg }}>
                {n}
              </span>
              <Text size={200}>
                {SEVERITY_LABEL[k]}
                {n > 0 && !on ? '（已隐藏）' : ''}
              </Text>
            </button>
          );
        })}
      </div>
      <div style={{ marginTop: 10 }}>
        <Text size={200} className={s.meta}>
          识别到 {report.tables.length} / {TABLE_IDS.length} 张表{report.unit ? `，金额单位：${report.unit}` : ''}
          {outcome.marked ? `；已标记 ${outcome.marked} 个单元格` : ''}
          {outcome.unmarkable ? `；${outcome.unmarkable} 个单元格无法标色（原填充无法还原），请在列表中查看` : ''}。
        </Text>
        {report.missing.length > 0 && (
          <Text size={200} className={s.meta} data-testid="missing">
            未找到：{report.missing.map((id) => tableTitle(id, report.layout)).join('、')}
          </Text>
        )}
      </div>
      {report.findings.length === 0 && (
        <MessageBar intent="success" style={{ marginTop: 12 }}>
          <MessageBarBody>未发现错误、警告或尾差。</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

function NoTables({ run }: { run: number }): React.ReactElement {
  const s = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="no-tables" data-run={run}>
      <MessageBarBody>
        <MessageBarTitle>没有找到预算公开表</MessageBarTitle>
        本工具按每张工作表顶部的表格标题识别以下表格（标题前可带年份，如“2025年”）：
        <ol className={s.list}>
          {TABLE_IDS.map((id) => (
            <li key={id}>{TABLE_NAMES[id]}</li>
          ))}
        </ol>
      </MessageBarBody>
    </MessageBar>
  );
}
