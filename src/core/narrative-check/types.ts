/** What the check of a 情况说明 returns (contract: docs/校对情况说明.md). */
import type { CellRef } from '../grid';
import type { Severity } from '../report';

import type { NarrativeLocation, NarrativeNumberEntry } from '../report';

export type { NarrativeLocation };
export type NarrativeNumber = NarrativeNumberEntry;
export type NumberVerdict = NarrativeNumberEntry['verdict'];

/** Draft of a finding before it is made a report Finding. */
export interface NarrativeIssue {
  rule: string;
  severity: Severity;
  at: NarrativeLocation;
  related: CellRef[];
  expected: number | string | null;
  actual: number | string | null;
  message: string;
}
