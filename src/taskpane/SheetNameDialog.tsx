/**
 * Asked before writing a sheet whose name is taken: a new name, replace (explicitly), or cancel.
 * Shown inside the pane, not as an overlay: a modal backdrop would grey out the whole page (the preview
 * shows the workbook beside the pane) and, in a task pane, outlive the question. Focus moves to the
 * safe choice; Esc cancels.
 */
import * as React from 'react';
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';

export interface SheetConflict {
  name: string;
  suggestion: string;
}

export type ConflictChoice = 'new' | 'replace' | 'cancel';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    paddingTop: '12px',
    paddingBottom: '12px',
    paddingLeft: '12px',
    paddingRight: '12px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorPaletteYellowBorder2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow8,
  },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  body: { lineHeight: tokens.lineHeightBase300 },
});

export function SheetNameDialog({ conflict, onChoose }: { conflict: SheetConflict | null; onChoose: (c: ConflictChoice) => void }): React.ReactElement | null {
  const s = useStyles();
  const first = React.useRef<HTMLButtonElement>(null);
  const titleId = React.useId();
  const bodyId = React.useId();
  React.useEffect(() => {
    if (conflict) first.current?.focus();
  }, [conflict]);
  if (!conflict) return null;
  return (
    <div
      role="alertdialog"
      aria-modal="false"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      className={s.box}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onChoose('cancel');
        }
      }}
    >
      <Text id={titleId} weight="semibold" size={400}>
        工作表「{conflict.name}」已存在
      </Text>
      <Text id={bodyId} className={s.body}>
        可以写入新的工作表「{conflict.suggestion}」，原工作表保持不变；也可以替换原工作表——替换会删除其中的全部内容，且无法撤销。
      </Text>
      <div className={s.actions}>
        <Button ref={first} appearance="primary" onClick={() => onChoose('new')} data-testid="write-new-sheet">
          写入「{conflict.suggestion}」
        </Button>
        <Button onClick={() => onChoose('replace')}>替换原工作表</Button>
        <Button appearance="subtle" onClick={() => onChoose('cancel')}>
          取消
        </Button>
      </div>
    </div>
  );
}
