/**
 * What 校验 and 清除标记 do to Excel's undo history, told once to the user (the pane shows it).
 *
 * Sources: changes made through the Excel JavaScript API cleared the user's undo stack in Excel
 * before ExcelApi 1.20 ("most of the set operation of Excel API will disable undo/redo, it's a
 * by-design behavior", https://github.com/OfficeDev/office-js/issues/3788). Since ExcelApi 1.20 most
 * APIs are undoable, but custom XML parts are not part of undo/redo
 * (https://github.com/OfficeDev/office-js/issues/6415) and Worksheet.delete clears the stack
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities). Our writes
 * are cell fills and one custom XML part; only cleaning an old workbook deletes a sheet.
 */
export const UNDO_NOTICE =
  '关于“撤销”：校验会给有问题的单元格涂色，清除标记会恢复原来的底色，两者都不改动单元格的数值。' +
  '在较早的 Excel 版本中，加载项的这些改动会清空 Excel 的撤销记录（此前的操作无法再用 Ctrl+Z 撤销）；' +
  '较新的版本可以撤销涂色，但不会撤销加载项记下的原底色，因此请用「清除标记」而不是 Ctrl+Z 去掉标记。' +
  '建议先保存工作簿再校验。';

/** Shown instead when the workbook still held the marks sheet of an earlier version and it was removed. */
export const UNDO_NOTICE_LEGACY_SHEET = '已删除旧版本留下的隐藏标记表「_预算校验_标记」；删除工作表会清空 Excel 的撤销记录。';
