/**
 * 生成情况说明: the narrative (第二部分 部门预算情况说明) written from the typed tables and the
 * 说明参数 sheet, in the 平顶山 or the 济源 wording (narrative.md), plus the N.* checks of the inputs.
 */
export type { NarrativeParams, ParamCell, ParamList, ListRow } from './params';
export { readParams, findParamsSheet } from './params';
export { paramAmount } from './inputs';
export { checkParams } from './checks';
export { generateNarrative, mergeFindings, findingKey } from './generate';
export type { NarrativeOptions } from './generate';
export { initParamsSheet, initParamsFormats, suggestUnitType } from './init-params';
export type { ParamsRow } from './init-params';
export type { NarrativeResult, NarrativeSection } from './types';
export { toMarkdown } from './markdown';
export { PARAMS_SHEET, PARAMS_TITLE } from './labels';
