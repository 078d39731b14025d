/**
 * What 校验 and 清除标记 do to Excel's undo history, said once: the notice stays until the user
 * dismisses it, and the dismissal is remembered on this computer (localStorage of the pane's origin).
 * Office.js writes clear Excel's undo stack on most versions (office-js issues #3778, #3788); since
 * ExcelApi 1.19 many writes can be undone instead, so Ctrl+Z may take back only the colours.
 */
import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export const UNDO_NOTICE_TITLE = '关于撤销（Ctrl+Z）';
export const UNDO_NOTICE =
  '「校验」会给有问题的单元格涂色，「清除标记」会恢复原来的底色，单元格里的数值不会被改动。' +
  '但在多数 Excel 版本中，加载项改动工作簿后，Excel 会清空撤销记录：此前的编辑不能再用 Ctrl+Z 撤销，建议先保存工作簿。' +
  '在能撤销的版本中，Ctrl+Z 只会撤掉标记颜色；要去掉标记，请点「清除标记」。';

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
