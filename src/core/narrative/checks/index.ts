/** The N.* checks (rules.md §6) over the 说明参数 inputs and the tables. */
import type { BudgetBook } from '../../model';
import type { Finding } from '../../report';
import { Ctx } from '../context';
import type { NarrativeParams } from '../params';
import { checkDeptName } from './dept-name';
import { checkJgyx } from './jgyx';
import { checkParamValues } from './param-values';
import { checkProcurementSplit } from './procurement-split';
import { checkProjectCount } from './project-count';
import { checkShares } from './share';
import { checkVehicles } from './vehicles';
import { checkYoy } from './yoy';
import { checkYoyItems } from './yoy-items';
import { checkYoySections } from './yoy-sections';

export function checkParams(book: BudgetBook, params: NarrativeParams): Finding[] {
  const ctx = new Ctx(book, params);
  return [
    ...checkParamValues(params),
    ...checkShares(ctx),
    ...checkYoy(ctx),
    ...checkDeptName(ctx),
    ...checkYoySections(ctx),
    ...checkYoyItems(ctx),
    ...checkProcurementSplit(ctx),
    ...checkVehicles(ctx),
    ...checkProjectCount(ctx),
    ...checkJgyx(ctx),
  ];
}
