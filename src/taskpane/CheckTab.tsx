/** 校验 tab: run the check with progress, show the summary, the findings, clear the marks. */
import * as React from 'react';
import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text, tokens } from '@fluentui/react-components';
import type { Severity } from '../core/report';
import { FindingsList } from './FindingsList';
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
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap', marginBottom: '12px' },
  stack: { display: 'flex', flexDirection: 'column', gap: '12px' },
  intro: { color: tokens.colorNeutralForeground2, lineHeight: tokens.lineHeightBase300 },
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
      const { error, warning } = outcome.report.summary;
      update({ outcome, running: false, phase: null, filter: { error: true, warning: true, info: error + warning === 0 }, runs: st.runs + 1, notice: outcome.notices.length ? outcome.notices.join('\n') : null });
    } catch (e) {
      update({ running: false, phase: null, error: `无法读取工作簿：${(e as Error).message}` });
    }
  };

  const clear = async (): Promise<void> => {
    update({ clearing: true, error: null, notice: null });
    try {
      const r = await host.clearMarks();
      const skipped = r.skipped ? `；${r.skipped} 处已被手动改色，保留不动` : '';
      const done = r.restored || r.skipped ? `已清除 ${r.restored} 处标记，原填充色已恢复${skipped}。` : '没有需要清除的标记。';
      update({ clearing: false, notice: [done, ...(r.notices ?? [])].join('\n') });
    } catch (e) {
      update({ clearing: false, error: (e as Error).message });
    }
  };

  const goTo = async (key: string, sheet: string, cell: string): Promise<void> => {
    update({ selected: key });
    try {
      await host.goTo(sheet, cell);
    } catch (e) {
      update({ error: (e as Error).message });
    }
  };

  return (
    <div className={s.stack}>
      <div className={s.actions}>
        <Button appearance="primary" onClick={run} disabled={busy} data-testid="validate">
          {st.running ? '正在校验…' : st.outcome ? '重新校验' : '校验'}
        </Button>
        <Button onClick={clear} disabled={busy} data-testid="clear-marks">
          {st.clearing ? '正在清除…' : '清除标记'}
        </Button>
      </div>

      {st.running && st.phase && (
        <div role="status" aria-live="polite">
          <ProgressBar value={STAGE_PROGRESS[st.phase]} thickness="large" aria-label="校验进度" />
          <Text size={200} className={s.intro} data-testid="stage">
            {STAGE_LABEL[st.phase]}
          </Text>
        </div>
      )}

      <UndoNotice />

      {st.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>出错了</MessageBarTitle>
            {st.error}
          </MessageBarBody>
        </MessageBar>
      )}
      {st.notice && (
        <MessageBar intent="success">
          <MessageBarBody>{st.notice}</MessageBarBody>
        </MessageBar>
      )}

      {!st.outcome && !st.running && !st.error && (
        <Text className={s.intro}>
          点击「校验」检查本工作簿中的部门预算公开表：表内合计、表间勾稽、科目编码与名称。有问题的单元格会标为红色（错误）或黄色（警告），原来的底色会被记住，点「清除标记」即可恢复；单元格的数值不会被修改。
        </Text>
      )}

      {st.outcome && (
        <>
          <Summary outcome={st.outcome} run={st.runs} />
          {st.outcome.report.tables.length > 0 && (
            <FindingsList
              findings={st.outcome.report.findings}
              filter={st.filter}
              onFilter={(filter) => update({ filter })}
              selected={st.selected}
              onSelect={goTo}
            />
          )}
        </>
      )}
    </div>
  );
}
