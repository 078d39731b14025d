/**
 * The rows of a new 说明参数 sheet, laid out as fixtures/narrative (narrative.md §4.2) and pre-filled
 * from the tables: codes, names and this year's amounts of T05, the procurement split suggested by
 * T14's 采购目录, the unit type suggested by T06's codes. Prior-year figures and reasons are left
 * blank for the user: they are not in the tables and are never guessed.
 */
import type { BudgetBook } from '../model';
import { toNumber } from '../amount';
import { readFacts } from './facts';
import type { Facts } from './facts';
import { L, LIST, MEASURES, PARAMS_TITLE, SECTION, STYLES, UNIT_TYPES } from './labels';
import type { UnitType } from './labels';
import { PDS_PURPOSE } from './sections/s7-sangong';
import { SPLIT_KEYS, suggestedSplit } from './sections/other/procurement';

export type ParamsRow = (string | number | null)[];

const n = (scaled: number) => toNumber(scaled);

/** Unit type the 政府经济分类 codes of T06 suggest (501–504 机关, 505 事业). */
export function suggestUnitType(facts: Facts): UnitType | undefined {
  const gov = facts.t06?.rows.map((r) => r.gov).filter((g): g is string => !!g) ?? [];
  const jiguan = gov.some((g) => /^50[1-4]/.test(g));
  const shiye = gov.some((g) => /^50[56]/.test(g));
  if (jiguan && shiye) return '混合';
  if (jiguan) return '行政单位';
  if (shiye) return '事业单位';
  return undefined;
}

export function initParamsSheet(book: BudgetBook): ParamsRow[] {
  const f = readFacts(book);
  const jy = book.layout === 'jy';
  const rows: ParamsRow[] = [];
  const add = (...r: ParamsRow) => rows.push(r);
  const unit = suggestUnitType(f);

  add(PARAMS_TITLE);
  add(SECTION.basic);
  add(L.deptName, null, `留空 = 表1“部门名称”${book.deptName ? `（${book.deptName}）` : ''}`);
  add(L.year, book.year ?? null, '留空 = 取自表名');
  add(L.unitType, unit ?? null, `${UNIT_TYPES.join(' / ')}${unit ? '；按表6政府经济分类科目推定，请确认' : ''}`);
  add(L.style, jy ? STYLES[1] : STYLES[0], STYLES.join(' / '));

  add(SECTION.prior);
  add(L.priorIncome, null, '上年年初预算的收入总计');
  add(L.priorExpense, null, '留空 = 上年收入总计');
  add(L.priorGpb, null, '上年年初预算的一般公共预算收支');
  add(L.priorFund, null, '本年或上年不为 0 时才用');
  add(L.priorStateCapital, null, '本年或上年不为 0 时才用');
  add(L.priorSgTotal, null, '与上年持平时填本年数');
  add(L.priorSgAbroad, null);
  add(L.priorSgReception, null);
  add(L.priorSgPurchase, null);
  add(L.priorSgRunning, null);
  add(L.priorJgyx, null, '非参公事业单位不填');

  add(SECTION.reasons);
  add(L.reasonTotal, null, '说明一“主要原因”');
  add(L.reasonGpb, null, '留空 = 收支总计变动原因');
  add(L.reasonJgyx, null);
  add(L.reasonSg, null, '仅在变动时填写');

  add(SECTION.items, null, jy ? '济源样式不逐项说明，可不填上年数' : '前三列取自表5；请填写上年预算数（上年没有的科目填 0）和变动原因');
  add(...LIST.items.columns);
  for (const leaf of f.t05?.leaves ?? []) add(leaf.code, leaf.name, n(leaf.total.scaled), null, null);
  add();

  add(SECTION.procurement);
  const split = suggestedSplit(f);
  add(L.procTotal, f.t14 ? n(f.t14.total.scaled) : null, f.t14 ? '取自表14合计' : '没有政府采购汇总表时填写');
  for (const s of SPLIT_KEYS) add(L[s.key], split ? n(split[s.kind]) : null, split ? '按表14采购目录推断，请核对' : null);

  add(SECTION.performance, null, '重点项目：名称与表10一致，项目金额取自表10');
  add(L.publishedTargets, null, `仅济源样式使用；留空 = 表12项目数${f.t12 ? `（${f.t12.projects.length}）` : ''}`);
  add(...LIST.keyProjects.columns);
  add();

  add(SECTION.assets);
  add(L.carGeneral, null, '辆');
  add(L.carLaw, null, '辆');
  add(L.carSpecial, null, '辆');
  add(L.carOther, null, '辆');
  add(L.carOtherNote, null, '济源样式：其他用车主要是…');
  add(L.equipGeneral, null);
  add(L.equipSpecial, null);
  add(L.equipMeasure, jy ? MEASURES[1] : MEASURES[0], MEASURES.join(' / '));

  add(SECTION.transfers, null, '专项转移支付项目名称：每行一个名称（可选）');
  add(L.transferCount, null);
  add(...LIST.transfers.columns);
  add();

  add(SECTION.purposes);
  add(L.purposeAbroad, jy ? null : PDS_PURPOSE.abroad);
  add(L.purposeReception, jy ? null : PDS_PURPOSE.reception);
  add(L.purposeRunning, jy ? null : PDS_PURPOSE.running);
  return rows;
}

/**
 * Number formats for the rows of initParamsSheet: amounts 0.0 (平顶山) / 0.00 (济源), counts and
 * the year 0, codes as text.
 */
export function initParamsFormats(book: BudgetBook, rows: ParamsRow[]): (string | null)[][] {
  const amount = book.layout === 'jy' ? '0.00' : '0.0';
  const counts = new Set<string>([L.year, L.publishedTargets, L.carGeneral, L.carLaw, L.carSpecial, L.carOther, L.equipGeneral, L.equipSpecial, L.transferCount]);
  let inItems = false;
  return rows.map((r) => {
    const a = typeof r[0] === 'string' ? r[0] : '';
    if (a === LIST.items.header) inItems = true;
    else if (!a) inItems = false;
    const f: (string | null)[] = r.map(() => null);
    if (!r.length) return f;
    if (inItems && a !== LIST.items.header) {
      f[0] = '@';
      f[2] = amount;
      f[3] = amount;
      return f;
    }
    if (a.startsWith('【') || a === PARAMS_TITLE || a === LIST.keyProjects.header) return f;
    f[1] = counts.has(a) ? '0' : typeof r[1] === 'number' || /^上年|^政府采购/.test(a) ? amount : null;
    return f;
  });
}
