/**
 * Each number against its source: amounts and counts against the table cell or the 说明参数 input,
 * shares recomputed from the table amounts, changes and rates from this year's table amount and
 * last year's input — or, where only the text has last year's figure, from the text itself
 * (本年 − 上年 = 增减额, 增减额 ÷ 上年 = 幅度). Direction words must agree with the sign.
 */
import type { CellRef } from '../../grid';
import type { Claim } from '../classify';
import type { Fact, Sources } from '../sources';
import type { NarrativeIssue, NarrativeNumber } from '../types';
import { compareAmount, comparePct, expectedPct, num, show } from './compare';
import { issue, locate, where } from './location';

const KIND = { amount: '金额', change: '增减额', rate: '增减幅度', share: '占比', count: '数量', same: '持平', threshold: '标准' } as const;
const UPW = { amount: '增加', rate: '增长' };
const DOWNW = { amount: '减少', rate: '下降' };

interface Out {
  issues: NarrativeIssue[];
  numbers: NarrativeNumber[];
}

export function checkNumbers(claims: Claim[], src: Sources): Out {
  const out: Out = { issues: [], numbers: [] };
  const trim = src.ctx.style.trim;
  // What the text itself says this year and last year (when no table or input does).
  const textCur = new Map<string, Claim>();
  const textPrior = new Map<string, Claim>();
  for (const c of claims) {
    if (!c.q || !c.num || c.kind !== 'amount') continue;
    const m = c.prior ? textPrior : textCur;
    if (!m.has(c.q)) m.set(c.q, c);
  }

  const entries = new Map<Claim, NarrativeNumber>();
  const record = (c: Claim, verdict: NarrativeNumber['verdict'], source: string, fact?: Fact) => {
    if (!c.num) return;
    const known = entries.get(c);
    if (known) {
      Object.assign(known, { verdict, source });
      return;
    }
    const claim = `${fact?.label ?? c.label ?? '未识别'} · ${c.prior ? '上年' : '本年'} · ${KIND[c.kind]}`;
    const entry: NarrativeNumber = { paragraph: c.para.index, text: c.num.text, verdict, source, claim };
    entries.set(c, entry);
    out.numbers.push(entry);
  };
  const unit = (c: Claim) => (c.num?.unit === 'percent' ? '%' : c.num?.unit === 'count' ? c.num.word : '万元');

  /** Last year's value of q: the input, else the text's own 上年 figure, else 本年 − 增减额 of the text. */
  const priorOf = (q: string, fact: Fact | undefined): { scaled: number; decimals: number; refs: CellRef[]; source: string } | undefined => {
    if (fact?.prior) return { ...fact.prior, source: fact.prior.refs.length ? `${fact.prior.refs[0].sheet}!${fact.prior.refs[0].cell}` : '说明参数' };
    const tp = textPrior.get(q);
    // A “last year's” figure equal to this year's table amount is this year's, under a wrong year.
    if (tp?.num && fact && compareAmount(tp.num.scaled, tp.num.decimals, fact.scaled, fact.decimals) !== 'differs') return undefined;
    if (tp?.num) return { scaled: tp.num.scaled, decimals: tp.num.decimals, refs: [], source: `文中第${tp.para.index}段上年数` };
    return undefined;
  };
  const changeBefore = (c: Claim): Claim | undefined => {
    const i = claims.indexOf(c);
    for (let k = i - 1; k >= 0; k--) {
      const d = claims[k];
      if (d.para !== c.para || d.sentenceStart !== c.sentenceStart) break;
      if (d.kind === 'change' && d.q === c.q) return d;
    }
    return undefined;
  };

  for (const c of claims) {
    if (c.kind === 'threshold') {
      // 单价50万元以上通用设备、单位价值100万元以上专用设备: the standards of the asset report.
      const after = c.para.text.slice(c.end, c.end + 8);
      const standard = /通用设备/.test(after) ? 50 : /专用设备/.test(after) ? 100 : undefined;
      if (standard === undefined || c.num!.scaled === standard * 1_000_000) record(c, 'matches', '固定表述（资产价值标准）');
      else {
        record(c, 'differs', '固定表述（资产价值标准）');
        const at = locate(c);
        out.issues.push(issue('N.text.amount', 'error', at, `${where(at)}：国有资产占用情况的标准是单价 50 万元以上通用设备、单位价值 100 万元以上专用设备，应为${standard}万元`, { expected: standard, actual: num(c.num!.scaled) }));
      }
      continue;
    }
    const q = c.q && !c.q.endsWith(':?') ? c.q : undefined;
    const fact = q ? src.get(q) : undefined;
    const at = locate(c);
    if (!q || (!fact && c.kind !== 'rate' && c.kind !== 'change' && c.kind !== 'same')) {
      record(c, 'unverifiable', '', fact);
      continue;
    }
    const related = fact?.refs ?? [];
    switch (c.kind) {
      case 'amount':
      case 'count': {
        const n = c.num!;
        const f = fact!;
        if (c.prior) {
          const p = f.prior;
          if (!p) {
            record(c, 'unverifiable', '', f);
            break;
          }
          const cmp = compareAmount(n.scaled, n.decimals, p.scaled, p.decimals);
          if (cmp !== 'differs' || compareAmount(n.scaled, n.decimals, f.scaled, f.decimals) !== 'differs') {
            record(c, 'matches', p.refs.length ? `${p.refs[0].sheet}!${p.refs[0].cell}` : f.source, f);
            break;
          }
          record(c, 'differs', p.refs.length ? `${p.refs[0].sheet}!${p.refs[0].cell}` : f.source, f);
          out.issues.push(issue('N.text.prior', 'error', at, `${where(at)}是${f.label.replace(/^表[一二三四五六七八九十]+ /, '')}的上年数，说明参数中上年数为${show(p.scaled, p.decimals, trim)}${unit(c)}`, { related: p.refs, expected: num(p.scaled), actual: num(n.scaled) }));
          break;
        }
        const dec = c.kind === 'count' ? 0 : f.decimals;
        const cmp = c.kind === 'count' ? (n.scaled === f.scaled ? 'equal' : 'differs') : compareAmount(n.scaled, n.decimals, f.scaled, dec);
        if (cmp === 'differs') {
          record(c, 'differs', f.source, f);
          const rule = c.kind === 'count' ? 'N.text.count' : f.soft ? 'N.text.procurement-split' : 'N.text.amount';
          const msg = f.soft
            ? `${where(at)}与表十四不符：按采购目录，${f.label.replace('表十四按采购目录推断的', '')}应为${show(f.scaled, dec, trim)}万元（货物/工程/服务的划分请核对）`
            : `${where(at)}与${f.label}（${f.source}）不符，应为${show(f.scaled, dec, trim)}${unit(c)}`;
          out.issues.push(issue(rule, f.soft ? 'warning' : 'error', at, msg, { related, expected: num(f.scaled), actual: num(n.scaled) }));
        } else {
          record(c, 'matches', f.source, f);
          if (cmp === 'rounded' && n.decimals === 0 && !trim) {
            out.issues.push(issue('N.text.rounded', 'info', at, `${where(at)}是${f.label}（${show(f.scaled, dec)}）取整后的数`, { related, expected: num(f.scaled), actual: num(n.scaled) }));
          }
        }
        break;
      }
      case 'share': {
        const n = c.num!;
        const f = fact!;
        const base = f.base ? src.get(f.base) : undefined;
        if (!base) {
          record(c, 'unverifiable', '', f);
          break;
        }
        const r = comparePct(n.scaled, n.decimals, f.scaled, base.scaled);
        const source = `${f.source} ÷ ${base.source}`;
        if (r.cmp === 'equal') record(c, 'matches', source, f);
        else {
          record(c, 'differs', source, f);
          const exp = r.expected === undefined ? '无法计算（分母为0）' : `${show(r.expected, n.decimals, trim)}%`;
          out.issues.push(issue('N.text.share', f.soft ? 'warning' : 'error', at, `${where(at)}：${f.label.replace(/^表[一二三四五六七八九十]+ /, '')} ${show(f.scaled, f.decimals, trim)} ÷ ${base.label.replace(/^表[一二三四五六七八九十]+ /, '')} ${show(base.scaled, base.decimals, trim)} 应为${exp}`, { related: [...related, ...base.refs], expected: r.expected === undefined ? null : num(r.expected), actual: num(n.scaled) }));
        }
        break;
      }
      case 'change':
      case 'rate':
      case 'same':
        checkChange(c, fact, priorOf(q, fact), textCur.get(q), changeBefore(c), out, record, trim);
        break;
    }
  }
  return out;
}

type Recorder = (c: Claim, verdict: NarrativeNumber['verdict'], source: string, fact?: Fact) => void;

function checkChange(
  c: Claim,
  fact: Fact | undefined,
  prior: { scaled: number; decimals: number; refs: CellRef[]; source: string } | undefined,
  textCur: Claim | undefined,
  change: Claim | undefined,
  out: Out,
  record: Recorder,
  trim: boolean,
): void {
  const at = locate(c);
  const what = (fact?.label ?? c.label ?? '').replace(/^表[一二三四五六七八九十]+ /, '');
  if (fact && prior) {
    const delta = fact.scaled - prior.scaled;
    const dec = Math.max(fact.decimals, prior.decimals);
    const related = [...fact.refs, ...prior.refs];
    const source = `${fact.source} − ${prior.source}`;
    const phrase = delta === 0 ? '无增减变动' : `${delta > 0 ? '增加' : '减少'}${show(Math.abs(delta), dec, trim)}万元${prior.scaled > 0 ? `，${delta > 0 ? '增长' : '下降'}${show(expectedPct(delta, prior.scaled, c.num?.decimals ?? 1) ?? 0, c.num?.decimals ?? 1, trim)}%` : ''}`;
    const head = `${what}本年 ${show(fact.scaled, fact.decimals, trim)}、上年 ${show(prior.scaled, prior.decimals, trim)}（${prior.source}）`;
    if (c.kind === 'same') {
      if (delta !== 0) out.issues.push(issue('N.text.direction', 'error', at, `${where(at)}不对：${head}，应为${phrase}`, { related, expected: num(delta), actual: 0 }));
      return;
    }
    const n = c.num!;
    if (delta === 0 || (c.dir === 'up') !== delta > 0) {
      record(c, 'differs', source, fact);
      const word = c.kind === 'rate' ? (delta > 0 ? UPW.rate : DOWNW.rate) : delta > 0 ? UPW.amount : DOWNW.amount;
      out.issues.push(issue('N.text.direction', 'error', at, `${where(at)}前写“${c.dirWord ?? ''}”，但${head}，${delta === 0 ? '实为无增减变动' : `应为“${word}”`}`, { related, expected: delta === 0 ? '无增减变动' : word, actual: c.dirWord ?? null }));
      return;
    }
    if (c.kind === 'change') {
      if (compareAmount(n.scaled, n.decimals, Math.abs(delta), dec) === 'differs') {
        record(c, 'differs', source, fact);
        out.issues.push(issue('N.text.change', 'error', at, `${where(at)}与表中数不符：${head}，应为${phrase}`, { related, expected: num(Math.abs(delta)), actual: num(n.scaled) }));
      } else record(c, 'matches', source, fact);
      return;
    }
    // rate
    if (prior.scaled === 0) {
      record(c, 'differs', source, fact);
      out.issues.push(issue('N.text.rate', 'error', at, `${where(at)}：${what}上年为0，增幅无法计算，不应写百分比`, { related, expected: null, actual: num(n.scaled) }));
      return;
    }
    const r = comparePct(n.scaled, n.decimals, Math.abs(delta), prior.scaled);
    if (r.cmp === 'equal') record(c, 'matches', `(${source}) ÷ ${prior.source}`, fact);
    else {
      record(c, 'differs', `(${source}) ÷ ${prior.source}`, fact);
      out.issues.push(issue('N.text.rate', 'error', at, `${where(at)}未按表中数计算：${head}，${delta > 0 ? '增长' : '下降'}幅度应为${show(r.expected!, n.decimals, trim)}%`, { related, expected: num(r.expected!), actual: num(n.scaled) }));
    }
    return;
  }
  if (c.kind === 'same') return;
  // Only the text knows last year: 本年 (table, else text), 增减额 and 幅度 must agree with each other.
  const n = c.num!;
  if (c.kind !== 'rate' || !change?.num || !change.dir || !c.dir) {
    record(c, 'unverifiable', '', fact);
    return;
  }
  const delta = change.num.scaled;
  const cur = fact?.scaled ?? textCur?.num?.scaled;
  const fits = (d: 'up' | 'down') => {
    if (cur === undefined) return false;
    const prior = cur - (d === 'up' ? delta : -delta);
    return prior > 0 && comparePct(n.scaled, n.decimals, delta, prior).cmp === 'equal';
  };
  const source = '文中推算（增减额 ÷ (本年 − 增减额)）';
  const cAt = locate(change);
  const related = fact?.refs ?? [];
  if (change.dir !== c.dir) {
    // The word that does not fit the numbers is the wrong one; when both fit (a rate printed
    // without decimals), both are pointed at.
    const rateFits = fits(c.dir);
    const changeFits = fits(change.dir);
    const blame: Claim[] = rateFits && !changeFits ? [change] : changeFits && !rateFits ? [c] : [change, c];
    for (const bad of [change, c]) record(bad, blame.includes(bad) ? 'differs' : 'matches', source, fact);
    for (const bad of blame) {
      const good = bad === c ? change : c;
      const bAt = bad === c ? at : cAt;
      out.issues.push(issue('N.text.direction', 'error', bAt, `${where(bAt)}前写“${bad.dirWord}”，与同句“${good.dirWord}${good.num!.text}”方向相反`, { related, expected: null, actual: bad.dirWord ?? null }));
    }
    return;
  }
  if (cur === undefined) {
    record(c, 'unverifiable', '', fact);
    return;
  }
  if (fits(c.dir)) {
    record(change, 'matches', source, fact);
    record(c, 'matches', source, fact);
    return;
  }
  // Increase and rate disagree; either may be the edited one: both are pointed at.
  const implied = cur - (c.dir === 'up' ? delta : -delta);
  const exp = implied > 0 ? expectedPct(delta, implied, n.decimals) : undefined;
  record(change, 'differs', source, fact);
  record(c, 'differs', source, fact);
  const head = `本年 ${show(cur, fact?.decimals ?? n.decimals, trim)} 万元、增减额 ${change.num.text}`;
  out.issues.push(issue('N.text.rate', 'error', at, `${where(at)}与同句增减额不一致：${head}，幅度应为${exp === undefined ? '（上年为0，无法计算）' : `${show(exp, n.decimals, trim)}%`}`, { related, expected: exp === undefined ? null : num(exp), actual: num(n.scaled) }));
  out.issues.push(issue('N.text.change', 'error', cAt, `${where(cAt)}与同句增减幅度${n.text}不一致（${head}），请核对增减额与幅度`, { related, expected: null, actual: num(delta) }));
}

