/** Cross-table rules (rules.md §4). */
import type { Rule } from '../types';
import { nodataRules } from './nodata';
import { incomeRules } from './income';
import { functionRules } from './function';
import { basicRules } from './basic';
import { econRules } from './econ';
import { projectRules } from './projects';
import { procurementRules } from './procurement';

export const crossRules: Rule[] = [...nodataRules, ...incomeRules, ...functionRules, ...basicRules, ...econRules, ...projectRules, ...procurementRules];
