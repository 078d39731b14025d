/** 校验 tab: run the check with progress, show the summary, the findings, clear the marks. */
import * as React from 'react';
import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text, tokens } from '@fluentui/react-components';
import type { Severity } from '../core/report';
import { FindingsList } from './FindingsList';
import { chineseError, SEVERITY_LABEL } from './format';
import type { CheckOutcome, PaneHost, PaneStage } from './host';
import { STAGE_LABEL, STAGE_PROGRESS } from './progress';
import { Summary } from './Summary';
import { UndoNotice } from './UndoNotice';

export interface CheckState {
  running: boolean;
  clearing: boolean;
  phase: PaneStage | null;
  outcome: CheckOutcome | null;
  error: string | null;
  notice: string | null;
  selected: string | null;
  filter: Record<Severity, boolean>;
  /** Completed validations (tells a re-check's result from the previous one). */
  runs: number;
}

const INITIAL: CheckState = {
  running: false,
  clearing: false,
  phase: null,
  outcome: null,
  error: null,
  notice: null,
  selected: null,
  filter: { error: true, warning: true, info: true },
  runs: 0,
};

export interface CheckStateHandle {
  state: CheckState;
  update: (patch: Partial<CheckState>) => void;
}

/** Lives in App so that switching tabs keeps the last result; resets when the host changes. */
export function useCheckState(host: PaneHost | null): CheckStateHandle {
  const [state, setState] = React.useState<CheckState>(INITIAL);
  React.useEffect(() => setState(INITIAL), [host]);
  const update = React.useCallback((patch: Partial<CheckState>) => setState((s) => ({ ...s, ...patch })), []);
  return { state, update };
}

const useStyles = makeStyles({
  // The buttons and the one message area stay in view while the list scrolls.
  top: { position: 'sticky', top: '-12px', zIndex: 1, paddingTop: '12px', marginTop: '-12px', paddingBottom: '4px', backgroundColor: tokens.colorNeutralBackground2, display: 'flex', flexDirection: 'column', gap: '8px' },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  stack: { display: 'flex', flexDirection: 'column', gap: '12px' },
  intro: { color: tokens.colorNeutralForeground2, lineHeight: tokens.lineHeightBase300 },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

export function CheckTab({ host, state }: { host: PaneHost; state: CheckStateHandle }): React.ReactElement {
  const s = useStyles();
  const { state: st, update } = state;
  const busy = st.running || st.clearing;

  const run = async (): Promise<void> => {
    update({ running: true, phase: 'sheets', error: null, notice: null, selected: null });
    try {
      const outcome = await host.validate((phase) => update({ phase }));
      // 尾差/提示 can be many; list them first only when there is nothing more serious.
      const { error, warning, info } = outcome.report.summary;
      const notice = outcome.report.tables.length
        ? `校验完成：${SEVERITY_LABEL.error} ${error} 项，${SEVERITY_LABEL.warning} ${warning} 项，${SEVERITY_LABEL.info} ${info} 项${outcome.marked ? `；已标记 ${outcome.marked} 个单元格` : ''}。`
        : '校验完成：没有找到预算公开表。';
      update({ outcome, running: false, phase: null, notice: [notice, ...outcome.notices].join('\n'), filter: { error: true, warning: true, info: error + warning === 0 }, runs: st.runs + 1 });
    } catch (e) {
      update({ running: false, phase: null, error: chineseError(e, '无法读取工作簿') });
    }
  };

  const clear = async (): Promise<void> => {
    update({ clearing: true, error: null, notice: null });
    try {
      const r = await host.clearMarks();
      const skipped = r.skipped ? `；${r.skipped} 处已被手动改色，保留不动` : '';
      // The summary must not go on saying "已标记 N 个单元格".
      const outcome = st.outcome ? { ...st.outcome, marked: 0, unmarkable: 0 } : null;
      update({ clearing: false, outcome, notice: [r.restored || r.skipped ? `已清除 ${r.restored} 处标记，原填充色已恢复${skipped}。` : '没有需要清除的标记。', ...(r.notices ?? [])].join('\n') });
    } catch (e) {
      update({ clearing: false, error: chineseError(e, '无法清除标记') });
    }
  };

  const goTo = async (key: string, sheet: string, cell: string): Promise<void> => {
    update({ selected: key, error: null });
    try {
      await host.goTo(sheet, cell);
    } catch (e) {
      update({ error: chineseError(e, `无法转到 ${sheet} ${cell}`), notice: null });
    }
  };

  return (
    <div className={s.stack}>
      <div className={s.top}>
        <div className={s.actions}>
          {/* disabledFocusable: while busy the button keeps the focus (Enter does not drop it to the page). */}
          <Button appearance="primary" onClick={run} disabledFocusable={busy} data-testid="validate" title={busy ? (st.running ? '正在校验，请稍候' : '正在清除标记，完成后可校验') : undefined}>
            {st.running ? '正在校验…' : st.outcome ? '重新校验' : '校验'}
          </Button>
          <Button onClick={clear} disabledFocusable={busy} data-testid="clear-marks" title={busy ? (st.running ? '正在校验，完成后可清除标记' : '正在清除标记…') : '去掉本工具标的颜色，恢复单元格原来的底色'}>
            {st.clearing ? '正在清除…' : '清除标记'}
          </Button>
        </div>

        {st.running && st.phase && (
          <div>
            <ProgressBar value={STAGE_PROGRESS[st.phase]} thickness="large" aria-label="校验进度" />
            <Text size={200} className={s.intro} data-testid="stage">
              {STAGE_LABEL[st.phase]}
            </Text>
          </div>
        )}

        {/* One message area: each message replaces the last, and is read out by screen readers. */}
        <div role="status" aria-live="polite" aria-atomic="true" data-testid="message-area">
          {st.error ? (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>出错了</MessageBarTitle>
                {st.error}
              </MessageBarBody>
            </MessageBar>
          ) : st.notice ? (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>{st.notice}</MessageBarBody>
            </MessageBar>
          ) : st.running && st.phase ? (
            <span className={s.srOnly}>{STAGE_LABEL[st.phase]}</span>
          ) : null}
        </div>
      </div>

      <UndoNotice />

      {!st.outcome && !st.running && !st.error && (
        <Text className={s.intro}>
          点击「校验」检查本工作簿中的部门预算公开表：表内合计、表间勾稽、科目编码与名称。有问题的单元格会标为红色（错误）或黄色（警告），原来的底色会被记住，点「清除标记」即可恢复；单元格的数值不会被修改。
        </Text>
      )}

      {st.outcome && (
        <>
          <Summary outcome={st.outcome} run={st.runs} filter={st.filter} onFilter={(filter) => update({ filter })} />
          {st.outcome.report.tables.length > 0 && <FindingsList findings={st.outcome.report.findings} filter={st.filter} selected={st.selected} onSelect={goTo} />}
        </>
      )}
    </div>
  );
}
