/** Everything the pane needs from the core, in one chunk loaded on demand (keeps the first bundle small). */
export { checkWorkbook } from '../core/check';
export { generateNarrative, initParamsFormats, initParamsSheet, PARAMS_SHEET, readParams } from '../core/narrative';
