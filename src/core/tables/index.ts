/** All table specs, and the title matcher (tables.md §2: longest variant first, as a suffix). */
import type { TableId } from '../model';
import type { TableSpec } from './spec';
import { normTitle } from '../text';
import { T01 } from './t01';
import { T02 } from './t02';
import { T03 } from './t03';
import { T04 } from './t04';
import { T05 } from './t05';
import { T06 } from './t06';
import { T07 } from './t07';
import { T08 } from './t08';
import { T09 } from './t09';
import { T10 } from './t10';
import { T11 } from './t11';
import { T12 } from './t12';
import { T13 } from './t13';
import { T14 } from './t14';

export const SPECS: Record<TableId, TableSpec> = { T01, T02, T03, T04, T05, T06, T07, T08, T09, T10, T11, T12, T13, T14 };

const VARIANTS: { id: TableId; title: string }[] = Object.values(SPECS)
  .flatMap((s) => s.titles.map((title) => ({ id: s.id, title })))
  .sort((a, b) => b.title.length - a.title.length);

/** Longest text before a title variant that still counts as a prefix (a department name, a year). */
const MAX_PREFIX = 30;

/**
 * Table id named by a title text, or undefined. The variant must end the normalised text; what
 * precedes it must be short (a department name and/or a year), never a sentence.
 */
export function matchTitle(raw: string): TableId | undefined {
  if (!raw.includes('表') || raw.length > 80) return undefined;
  const t = normTitle(raw);
  for (const v of VARIANTS) {
    if (!t.endsWith(v.title)) continue;
    const prefix = t.slice(0, t.length - v.title.length);
    if (prefix.length > MAX_PREFIX || /[,，。;；:：]/.test(prefix) || /(没有|无|本表|故)/.test(prefix)) return undefined;
    return v.id;
  }
  return undefined;
}
