/** N.param-invalid: every number of 说明参数 is a number ≥ 0 (counts whole), every list value is one of its list. */
import type { Finding } from '../../report';
import type { NarrativeParams } from '../params';
import { cellText } from '../params';
import { NUMERIC_FIELDS, invalidFinding, listNum, paramCount, paramNum, paramYear } from '../inputs';
import { L, LIST, MEASURES, STYLES, UNIT_TYPES, normLabel } from '../labels';
import { finding } from './shared';

export function checkParamValues(params: NarrativeParams): Finding[] {
  const out: Finding[] = [];
  const year = paramYear(params);
  if (year.state === 'invalid') out.push(invalidFinding(L.year, year));
  for (const { key, count } of NUMERIC_FIELDS) {
    const n = count ? paramCount(params, key) : paramNum(params, key);
    if (n.state === 'invalid') out.push(invalidFinding(L[key], n));
  }
  const lists: [typeof L.unitType | typeof L.style | typeof L.equipMeasure, readonly string[]][] = [
    [L.unitType, UNIT_TYPES],
    [L.style, STYLES],
    [L.equipMeasure, MEASURES],
  ];
  for (const [label, allowed] of lists) {
    const f = params.fields[normLabel(label)];
    const t = cellText(f?.value ?? null);
    if (f && t && !allowed.some((a) => normLabel(a) === normLabel(t))) {
      out.push(finding({ rule: 'N.param-invalid', severity: 'warning', at: f.cell, actual: t, expected: allowed.join(' / '), message: `说明参数“${label}”填写为“${t}”，应为 ${allowed.join(' / ')} 之一` }));
    }
  }
  const itemCols = LIST.items.columns.map(normLabel);
  for (const r of params.items?.rows ?? []) {
    for (const col of [itemCols[2], itemCols[3]]) {
      const n = listNum(r.cells[col]);
      if (n.state === 'invalid') out.push(invalidFinding(`分项上年数·${LIST.items.columns[itemCols.indexOf(col)]}`, n));
    }
  }
  const kp = LIST.keyProjects.columns.map(normLabel);
  for (const r of params.keyProjects?.rows ?? []) {
    const n = listNum(r.cells[kp[1]]);
    if (n.state === 'invalid') out.push(invalidFinding('重点项目·项目金额', n));
  }
  return out;
}
