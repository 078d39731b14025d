/** “本部门无政府性基金预算”, “无专项转移支付项目” …: true only when that table (or input) is zero. */
import type { Paragraph } from '../document';
import type { Sources } from '../sources';
import type { NarrativeIssue } from '../types';
import { num, show } from './compare';
import { issue, placeAt } from './location';

const TOPICS: { re: string; q: string; what: string }[] = [
  { re: '政府性基金', q: 't09.total', what: '政府性基金预算支出' },
  { re: '国有资本经营', q: 't13.total', what: '国有资本经营预算支出' },
  { re: '政府采购', q: 'proc.total', what: '政府采购预算' },
  { re: '[“"]?三公[”"]?经费', q: 'sg.total', what: '“三公”经费' },
  { re: '机关运行经费', q: 'jgyx', what: '机关运行经费' },
  { re: '重点项目', q: 'key.count', what: '重点项目' },
  { re: '专项转移支付', q: 'transfer.count', what: '专项转移支付项目' },
  { re: '项目支出', q: 't03.project', what: '项目支出' },
  { re: '车辆', q: 'car.total', what: '车辆' },
];

const NONE = '(?:无|没有|未安排|未开展|不涉及|未使用|未发生)';

export function checkNoData(paras: Paragraph[], src: Sources): NarrativeIssue[] {
  const out: NarrativeIssue[] = [];
  for (const p of paras) {
    if (p.heading) continue;
    for (const t of TOPICS) {
      const re = new RegExp(`${NONE}[^，。；,;]{0,12}?${t.re}[^，。；,;]{0,8}`, 'g');
      for (const m of p.text.matchAll(re)) {
        const f = src.get(t.q);
        if (!f || f.scaled === 0) continue;
        const amount = t.q.includes('count') || t.q.startsWith('car') ? `${num(f.scaled)}` : `${show(f.scaled, f.decimals, src.ctx.style.trim)}万元`;
        out.push(
          issue('N.text.no-data', 'error', placeAt(p, m.index!, m[0]), `第${p.index}段称“${m[0]}”，但${f.label}为${amount}（${f.source}）`, {
            related: f.refs,
            expected: num(f.scaled),
            actual: 0,
          }),
        );
      }
    }
  }
  return out;
}
