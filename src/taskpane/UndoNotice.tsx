/**
 * What 校验 and 清除标记 do to Excel's undo history, said once: the notice stays until the user
 * dismisses it, and the dismissal is remembered on this computer (localStorage of the pane's origin).
 * Why the text says what it says: src/excel/undo-notice.ts.
 */
import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { UNDO_NOTICE } from '../excel/undo-notice';

export const UNDO_NOTICE_TITLE = '关于撤销（Ctrl+Z）';
/** The text itself lives beside the Excel adapter that does the writing, with its sources. */
export { UNDO_NOTICE };

export const UNDO_NOTICE_KEY = 'budget-check.undo-notice.dismissed';

function dismissedBefore(): boolean {
  try {
    return window.localStorage.getItem(UNDO_NOTICE_KEY) === '1';
  } catch {
    return false; // storage blocked: show it (once per session)
  }
}

export function UndoNotice(): React.ReactElement | null {
  const [open, setOpen] = React.useState(() => !dismissedBefore());
  if (!open) return null;
  const dismiss = (): void => {
    setOpen(false);
    try {
      window.localStorage.setItem(UNDO_NOTICE_KEY, '1');
    } catch {
      // not remembered across sessions; nothing else to do
    }
  };
  return (
    <MessageBar intent="info" layout="multiline" data-testid="undo-notice">
      <MessageBarBody>
        <MessageBarTitle>{UNDO_NOTICE_TITLE}</MessageBarTitle>
        {UNDO_NOTICE}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={dismiss}>
          知道了
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
