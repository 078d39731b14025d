/** 九（济源 十）、其他重要事项情况说明: a heading followed by its sub-sections. */
import type { Ctx } from '../context';
import type { NarrativeSection } from '../types';
import { section } from './common';
import { assetsSection } from './other/assets';
import { jgyxSection } from './other/jgyx';
import { keyProjectSection } from './other/key-projects';
import { performanceSection } from './other/performance';
import { procurementSection } from './other/procurement';
import { transferSection } from './other/transfer';

export const HEADING_OTHER = { pds: '九、其他重要事项情况说明', jy: '十、其他重要事项的情况说明' };

export function otherSection(ctx: Ctx): NarrativeSection[] {
  const jy = ctx.profile === 'jy';
  return [
    section(ctx, jy ? HEADING_OTHER.jy : HEADING_OTHER.pds, 1, []),
    ...jgyxSection(ctx),
    ...procurementSection(ctx),
    ...performanceSection(ctx),
    ...(jy ? [] : keyProjectSection(ctx)),
    ...assetsSection(ctx),
    ...transferSection(ctx),
  ];
}
