/** Asked before writing a sheet whose name is taken: a new name, replace (explicitly), or cancel. */
import * as React from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';

export interface SheetConflict {
  name: string;
  suggestion: string;
}

export type ConflictChoice = 'new' | 'replace' | 'cancel';

export function SheetNameDialog({ conflict, onChoose }: { conflict: SheetConflict | null; onChoose: (c: ConflictChoice) => void }): React.ReactElement {
  return (
    <Dialog open={!!conflict} onOpenChange={(_, d) => !d.open && onChoose('cancel')} modalType="alert">
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>工作表「{conflict?.name}」已存在</DialogTitle>
          <DialogContent>
            可以写入新的工作表「{conflict?.suggestion}」，原工作表保持不变；也可以替换原工作表——替换会删除其中的全部内容，且无法撤销。
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onChoose('new')} data-testid="write-new-sheet">
              写入「{conflict?.suggestion}」
            </Button>
            <Button onClick={() => onChoose('replace')}>替换原工作表</Button>
            <Button appearance="subtle" onClick={() => onChoose('cancel')}>
              取消
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
