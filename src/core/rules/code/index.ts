/** The code rules (C.*): classification codes and names, pairs and unit kind (rules.md §5). */
import type { Rule } from '../types';
import { funcFormat } from './func-format';
import { funcName } from './func-name';
import { funcClassLabel } from './func-class-label';
import { econFormat } from './econ-format';
import { econName } from './econ-name';
import { econPair } from './econ-pair';
import { unitType } from './unit-type';
import { runItemProject } from './run-item-project';
import { basicUnderOther } from './basic-under-other';
import { deptUnitCode } from './dept-unit-code';
import { userCatalog } from './user-catalog';

export const codeRules: Rule[] = [
  funcFormat,
  funcName,
  funcClassLabel,
  econFormat,
  econName,
  econPair,
  unitType,
  runItemProject,
  basicUnderOther,
  deptUnitCode,
  userCatalog,
];
