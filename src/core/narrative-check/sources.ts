/**
 * Where each quantity the narrative can state comes from: the table cell (through the generator's
 * facts, so the text is checked against exactly the numbers the generator would print), the
 * 说明参数 input for the prior year and for what no table holds, or a derivation (机关运行经费,
 * the 政府采购 split, 类 sums).
 */
import type { Catalog } from '../catalog';
import type { CellRef } from '../grid';
import type { BudgetBook } from '../model';
import { Ctx } from '../narrative/context';
import type { Val } from '../narrative/facts';
import { L, LIST, normLabel } from '../narrative/labels';
import type { LabelKey } from '../narrative/labels';
import { cellOf, listNum, paramCount, paramNum } from '../narrative/inputs';
import type { NarrativeParams } from '../narrative/params';
import { stripZhichu } from '../narrative/sections/common';
import { appropriations } from '../narrative/sections/s4-fiscal';
import { byLei, itemRow, leiName } from '../narrative/sections/s5-gpb';
import { deriveJgyx } from '../narrative/sections/other/jgyx';
import { suggestedSplit } from '../narrative/sections/other/procurement';
import { keyProjects } from '../narrative/sections/other/key-projects';

export interface Prior {
  scaled: number;
  decimals: number;
  refs: CellRef[];
}

export interface Fact {
  /** What it is, in Chinese, for messages: 表三 支出合计. */
  label: string;
  scaled: number;
  /** Decimals the source shows (0 for counts). */
  decimals: number;
  refs: CellRef[];
  /** Short source text for narrative.numbers: 表3!C7, 说明参数!B8, 推算. */
  source: string;
  /** The input as printed is only a suggestion (政府采购 split inferred from 采购目录): differences are warnings. */
  soft?: boolean;
  /** Quantity this one is a share of. */
  base?: string;
  prior?: Prior;
}

export interface Sources {
  year?: number;
  dept?: string;
  deptRef?: CellRef;
  profileDecimals: number;
  get(q: string): Fact | undefined;
  /** 类 code by the name the text gives (一般公共服务 / 一般公共服务支出). */
  leiByName(name: string, fund?: boolean): string | undefined;
  /** 项 code by name (and 款 name when the 项 name repeats). */
  leafByName(name: string, kuan?: string): string | undefined;
  leafCodes: Set<string>;
  /** Names of projects (T10/T12/重点项目): years inside them are not the budget year. */
  projectNames: string[];
  /** Is the quantity one a 三公 item / 机关运行经费 that must be stated when not zero. */
  ctx: Ctx;
}

const refsOf = (v: Val | undefined): CellRef[] => (v?.ref ? [v.ref] : []);
const where = (r: CellRef[]): string => (r.length ? `${r[0].sheet}!${r[0].cell}` : '');

export function buildSources(book: BudgetBook, params: NarrativeParams | undefined, catalog?: Catalog): Sources {
  const ctx = new Ctx(book, params, catalog);
  const f = ctx.facts;
  const dec = f.decimals ?? 1;
  const facts = new Map<string, Fact>();
  const pSheet = params?.sheet ?? '说明参数';
  const pref = (cell: string): CellRef[] => (cell ? [{ sheet: pSheet, cell }] : []);

  const prior = (...keys: LabelKey[]): Prior | undefined => {
    for (const k of keys) {
      const n = paramNum(params, k);
      if (n.state === 'ok') return { scaled: n.scaled, decimals: n.decimals, refs: pref(n.cell) };
    }
    return undefined;
  };
  const table = (q: string, label: string, v: Val | undefined, extra: Partial<Fact> = {}) => {
    if (!v) return;
    const refs = refsOf(v);
    facts.set(q, { label, scaled: v.scaled, decimals: dec, refs, source: where(refs) || label, ...extra });
  };
  const input = (q: string, key: LabelKey, count = false, extra: Partial<Fact> = {}) => {
    const n = count ? paramCount(params, key) : paramNum(params, key);
    if (n.state !== 'ok') return;
    const refs = pref(n.cell);
    facts.set(q, { label: `说明参数“${L[key]}”`, scaled: n.scaled, decimals: count ? 0 : n.decimals, refs, source: where(refs), ...extra });
  };
  const count = (q: string, label: string, n: number | undefined, refs: CellRef[], source: string, extra: Partial<Fact> = {}) => {
    if (n === undefined) return;
    facts.set(q, { label, scaled: n * 1_000_000, decimals: 0, refs, source, ...extra });
  };

  // 一、二: T01
  const t01 = f.t01;
  table('incomeTotal', '表一 收入总计', t01?.incomeTotal, { prior: prior('priorIncome') });
  table('expenseTotal', '表一 支出总计', t01?.expenseTotal, { prior: prior('priorExpense', 'priorIncome') });
  const carry = t01?.income['上年结转结余']?.scaled ?? 0;
  table('currentIncome', '表一 本年收入合计', carry ? t01?.incomeTotal : t01?.currentIncome ?? t01?.incomeTotal);
  for (const [k, v] of Object.entries(t01?.income ?? {})) table(`income:${k}`, `表一 ${k}${/收入|结余$/.test(k) ? '' : '收入'}`, v, { base: 'currentIncome' });

  // 三: T03
  table('t03.total', '表三 支出合计', f.t03?.total);
  table('t03.basic', '表三 基本支出', f.t03?.basic, { base: 't03.total' });
  table('t03.project', '表三 项目支出', f.t03?.project, { base: 't03.total' });

  // 四: T04 (or T05/T09/T13 totals)
  const a = appropriations(ctx);
  table('t04.gpb', '表四 一般公共预算收支预算', a.gpb, { prior: prior('priorGpb') });
  table('t04.fund', '表四 政府性基金收支预算', a.fund, { prior: prior('priorFund') });
  table('t04.stateCapital', '表四 国有资本经营收支预算', a.stateCapital, { prior: prior('priorStateCapital') });

  // 五: T05
  const t05 = f.t05;
  table('t05.total', '表五 一般公共预算支出合计', t05?.total, { prior: prior('priorGpb') });
  table('t05.basic', '表五 基本支出', t05?.basic, { base: 't05.total' });
  table('t05.project', '表五 项目支出', t05?.project, { base: 't05.total' });
  const leiNames = new Map<string, string>();
  const leiNames9 = new Map<string, string>();
  if (t05) {
    for (const c of byLei(t05.leaves)) {
      const name = leiName(ctx, c.lei);
      leiNames.set(normLabel(stripZhichu(name)), c.lei);
      const refs = t05.leaves.filter((l) => l.lei === c.lei).map((l) => l.total.ref ?? l.ref);
      facts.set(`lei:${c.lei}`, { label: `表五 ${name}（${c.lei}）各项合计`, scaled: c.scaled, decimals: dec, refs, source: `${where(refs)}${refs.length > 1 ? ` 等${refs.length}项之和` : ''}`, base: 't05.total' });
    }
    const [cPrior] = [LIST.items.columns[3]].map(normLabel);
    for (const leaf of t05.leaves) {
      const row = itemRow(ctx, leaf.code);
      const p = listNum(row?.cells[cPrior]);
      const refs = refsOf(leaf.total);
      facts.set(`leaf:${leaf.code}`, {
        label: `表五 ${leaf.code} ${leaf.name}`,
        scaled: leaf.total.scaled,
        decimals: dec,
        refs,
        source: where(refs),
        base: 't05.total',
        prior: p.state === 'ok' ? { scaled: p.scaled, decimals: p.decimals, refs: pref(p.cell) } : undefined,
      });
    }
  }

  // 六: T06
  table('t06.total', '表六 一般公共预算基本支出合计', f.t06?.total);
  table('t06.personnel', '表六 人员经费', f.t06?.personnel, { base: 't06.total' });
  table('t06.publicCost', '表六 公用经费', f.t06?.publicCost, { base: 't06.total' });

  // 七: T08
  const t8 = f.t08;
  table('sg.total', '表八 “三公”经费合计', t8?.total, { prior: prior('priorSgTotal') });
  table('sg.abroad', '表八 因公出国（境）费', t8?.abroad, { prior: prior('priorSgAbroad'), base: 'sg.total' });
  table('sg.reception', '表八 公务接待费', t8?.reception, { prior: prior('priorSgReception'), base: 'sg.total' });
  const pp = prior('priorSgPurchase');
  const pr = prior('priorSgRunning');
  table('sg.vehicle', '表八 公务用车购置及运行费', t8?.vehicle, {
    prior: pp && pr ? { scaled: pp.scaled + pr.scaled, decimals: Math.max(pp.decimals, pr.decimals), refs: [...pp.refs, ...pr.refs] } : undefined,
    base: 'sg.total',
  });
  table('sg.running', '表八 公务用车运行费', t8?.running, { prior: pr, base: 'sg.total' });
  table('sg.purchase', '表八 公务用车购置费', t8?.purchase, { prior: pp, base: 'sg.total' });

  // 八、九: T09, T13
  table('t09.total', '表九 政府性基金预算支出合计', f.t09?.total ?? a.fund, { prior: prior('priorFund') });
  if (f.t09) {
    for (const c of byLei(f.t09.leaves)) {
      leiNames9.set(normLabel(stripZhichu(leiName(ctx, c.lei))), c.lei);
      const refs = f.t09.leaves.filter((l) => l.lei === c.lei).map((l) => l.total.ref ?? l.ref);
      facts.set(`lei9:${c.lei}`, { label: `表九 ${c.lei} 合计`, scaled: c.scaled, decimals: dec, refs, source: where(refs), base: 't09.total' });
    }
  }
  table('t13.total', '表十三 国有资本经营预算支出合计', f.t13?.total ?? a.stateCapital, { prior: prior('priorStateCapital') });

  // 九(一) 机关运行经费
  const j = deriveJgyx(f, ctx.unitType);
  const t6refs = f.t06 ? refsOf(f.t06.publicCost) : [];
  if (j.kind === 'shiye') facts.set('jgyx', { label: '机关运行经费（非参公事业单位为0）', scaled: 0, decimals: dec, refs: t6refs, source: `${where(t6refs) || '表六'}（事业单位）`, prior: prior('priorJgyx') });
  else if (j.kind === 'amount') facts.set('jgyx', { label: `机关运行经费（${j.how}）`, scaled: j.scaled, decimals: dec, refs: t6refs, source: `${where(t6refs) || '表五'} 推算`, prior: prior('priorJgyx') });

  // 九(二) 政府采购
  if (f.t14) table('proc.total', '表十四 政府采购合计', f.t14.total);
  else input('proc.total', 'procTotal');
  const split = suggestedSplit(f);
  const keys: [string, LabelKey, '货物' | '工程' | '服务'][] = [['proc.goods', 'procGoods', '货物'], ['proc.works', 'procWorks', '工程'], ['proc.services', 'procServices', '服务']];
  for (const [q, key, kind] of keys) {
    if (split && f.t14) {
      const refs = f.t14.items.filter((i) => split && i.amount.scaled !== 0).map((i) => i.ref);
      facts.set(q, { label: `表十四按采购目录推断的政府采购${kind}`, scaled: split[kind], decimals: dec, refs, source: `${where(refs) || '表十四'} 按采购目录推断`, soft: true, base: 'proc.total' });
    } else input(q, key, false, { base: 'proc.total' });
  }

  // 九(三) 绩效目标
  table('t10.total', '表十 项目支出合计', f.t10?.total);
  const t10Table = book.tables.T10;
  const t12Table = book.tables.T12;
  if (f.t10) count('t10.count', '表十 项目个数', f.t10.projects.length, f.t10.projects.slice(0, 1).map((p) => p.ref), `${t10Table?.sheet ?? '表十'} 项目行数`);
  else if (f.t12) count('t10.count', '表十二 项目个数', f.t12.projects.length, [], `${t12Table?.sheet ?? '表十二'} 项目个数`);
  if (f.t12) count('t12.count', '表十二 项目个数', f.t12.projects.length, [], `${t12Table?.sheet ?? '表十二'} 项目个数`);
  const pub = paramCount(params, 'publishedTargets');
  if (pub.state === 'ok') facts.set('perf.published', { label: '说明参数“公开绩效目标项目数”', scaled: pub.scaled, decimals: 0, refs: pref(pub.cell), source: where(pref(pub.cell)), base: 't10.count' });
  else if (f.t12) count('perf.published', '表十二 项目个数', f.t12.projects.length, [], `${t12Table?.sheet ?? '表十二'} 项目个数`, { base: 't10.count' });
  const published = facts.get('perf.published');
  if (f.t12 && published && published.scaled === f.t12.projects.length * 1_000_000) {
    facts.set('perf.money', { label: '表十二 公开项目资金合计', scaled: f.t12.projects.reduce((s, p) => s + p.total.scaled, 0), decimals: dec, refs: [], source: `${t12Table?.sheet ?? '表十二'} 资金总额之和`, base: 't10.total' });
  }

  // 九(四) 重点项目
  const kp = keyProjects(ctx);
  if (params) count('key.count', '说明参数 重点项目个数', kp.length, kp.slice(0, 1).map((p) => ({ sheet: pSheet, cell: p.cell })), `${pSheet} 重点项目行数`);
  if (kp.length && kp.every((p) => p.scaled !== undefined)) {
    const refs = kp.map((p) => ({ sheet: pSheet, cell: p.amountCell }));
    facts.set('key.amount', { label: '重点项目金额（表十 合计）', scaled: kp.reduce((s, p) => s + p.scaled!, 0), decimals: dec, refs, source: kp.every((p) => p.inT10) ? `${t10Table?.sheet ?? '表十'} 项目合计` : where(refs) });
  }

  // 九(五) 国有资产, 九(六) 专项转移支付
  const cars: [string, LabelKey][] = [['car.general', 'carGeneral'], ['car.law', 'carLaw'], ['car.special', 'carSpecial'], ['car.other', 'carOther']];
  let carSum = 0;
  let carsKnown = true;
  for (const [q, key] of cars) {
    input(q, key, true);
    const c = facts.get(q);
    if (c) carSum += c.scaled;
    else carsKnown = false;
  }
  if (carsKnown) facts.set('car.total', { label: '说明参数 各类车辆之和', scaled: carSum, decimals: 0, refs: pref(cellOf(params, 'carGeneral')), source: `${pSheet} 车辆合计` });
  input('equip.general', 'equipGeneral', true);
  input('equip.special', 'equipSpecial', true);
  input('transfer.count', 'transferCount', true);

  const leafCodes = new Set((t05?.leaves ?? []).map((l) => l.code));
  const projectNames = [...(f.t10?.projects.map((p) => p.name) ?? []), ...(f.t12?.projects.map((p) => p.name) ?? []), ...kp.map((p) => p.name)].filter((n) => n.length >= 2);

  return {
    year: ctx.yearNumber,
    dept: params?.fields[normLabel(L.deptName)]?.value ? String(params.fields[normLabel(L.deptName)].value).trim() : book.deptName,
    deptRef: book.tables.T01?.kind === 'lines' ? undefined : undefined,
    profileDecimals: dec,
    get: (q) => facts.get(q),
    leiByName: (name, fund) => (fund ? leiNames9 : leiNames).get(normLabel(stripZhichu(name.replace(/（类）|\(类\)/, '')))),
    leafByName: (name, kuan) => {
      const n = normLabel(name);
      const hits = (t05?.leaves ?? []).filter((l) => normLabel(l.name) === n);
      if (hits.length <= 1 || !kuan) return hits[0]?.code;
      const k = normLabel(kuan);
      const byKuan = hits.find((l) => normLabel(leiName(ctx, l.code.slice(0, 5))) === k);
      return (byKuan ?? hits[0]).code;
    },
    leafCodes,
    projectNames,
    ctx,
  };
}
