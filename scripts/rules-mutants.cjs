// Dev tool (not a test): random mutants of the clean fixtures, built like the manifest kinds, to check
// that localisation generalises beyond the 40 visible mutants. Needs `npm run build:cli` first.
//   node scripts/rules-mutants.cjs [n-per-kind] [seed] test/fixtures/clean/seed-000.xlsx ...
// Prints per kind: mutants, detected (new error/warning), localised (finding at the mutated cell), and
// for benign kinds the new errors, and cascades (found at the cell, with errors at other cells too;
// SHOW_CASCADE=1 lists them); then every miss. 'rounding' here moves any total by one unit, so it
// also picks cells the real generator avoids (those in an m = 2 relation): read its misses, not its count.
const { readXlsxFile } = require('../dist/cli/read-xlsx');
const { readBook } = require('../dist/core/parse');
const { checkWorkbook } = require('../dist/core/check');
const { parseA1, a1 } = require('../dist/core/grid');

const N = Number(process.argv[2] || 10);
let seed = Number(process.argv[3] || 1);
const files = process.argv.slice(4);
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (a) => a[Math.floor(rnd() * a.length)];

function clone(grids) {
  return grids.map((g) => ({ ...g, values: g.values.map((r) => r.slice()), formats: g.formats ? g.formats.map((r) => r.slice()) : undefined, merges: g.merges ? g.merges.slice() : undefined }));
}
function pos(grid, cell) {
  const o = parseA1(grid.origin || 'A1');
  const p = parseA1(cell);
  return [p.row - o.row, p.col - o.col];
}
function setCell(grids, ref, v) {
  const g = grids.find((x) => x.name === ref.sheet);
  const [r, c] = pos(g, ref.cell);
  while (g.values.length <= r) g.values.push([]);
  g.values[r][c] = v;
}
function getCell(grids, ref) {
  const g = grids.find((x) => x.name === ref.sheet);
  const [r, c] = pos(g, ref.cell);
  return g.values[r]?.[c];
}
function deleteRow(grids, sheet, row) {
  const g = grids.find((x) => x.name === sheet);
  const o = parseA1(g.origin || 'A1');
  const r = row - o.row;
  g.values.splice(r, 1);
  if (g.formats) g.formats.splice(r, 1);
  if (g.merges) {
    g.merges = g.merges.filter((m) => !m.split(':').every((x) => parseA1(x).row === row)).map((m) => m.split(':').map((x) => { const p = parseA1(x); return p.row > row ? a1(p.row - 1, p.col) : x; }).join(':'));
  }
}
const round = (x, d) => Number(x.toFixed(d));
const amountsOfRow = (r) => Object.entries(r.amounts).filter(([, a]) => a.ref && a.scaled !== 0);
const val = (a) => a.scaled / 1e6;
const DETAIL = new Set(['func', 'econ', 'project', 'item']);
function isDetail(r) { return DETAIL.has(r.kind) && !(r.kind === 'func' && (!r.func || r.func.xiang === undefined)); }
function gridTables(book) { return Object.values(book.tables).filter((t) => t.kind === 'grid'); }
function visible(d, v) { // a visible change: ≥ 0.3 and ≥ 10 units
  const u = 10 ** -d;
  let delta = Math.max(0.3, Math.round(v * (0.05 + rnd() * 0.4) / u) * u);
  if (rnd() < 0.5 && v - delta >= 0) delta = -delta;
  return round(v + delta, d);
}
function transpose(v, d) {
  const s = v.toFixed(d);
  const digits = [...s];
  const idx = [];
  for (let i = 0; i + 1 < digits.length; i++) if (/\d/.test(digits[i]) && /\d/.test(digits[i + 1]) && digits[i] !== digits[i + 1]) idx.push(i);
  if (!idx.length) return undefined;
  const i = pick(idx);
  [digits[i], digits[i + 1]] = [digits[i + 1], digits[i]];
  const n = Number(digits.join(''));
  return n === v ? undefined : n;
}

const makers = {
  'detail-amount'(book, grids) {
    const ts = gridTables(book).filter((t) => ['T03', 'T05', 'T06', 'T07', 'T10', 'T14'].includes(t.id));
    const cands = [];
    for (const t of ts) for (const r of t.rows) if (isDetail(r)) for (const [k, a] of amountsOfRow(r)) if (k !== '采购数量') cands.push({ t, a });
    if (book.tables.T12) for (const p of book.tables.T12.projects) for (const [k, a] of Object.entries(p.amounts)) if (a.scaled) cands.push({ t: book.tables.T12, a });
    if (!cands.length) return;
    const { t, a } = pick(cands);
    const nv = visible(t.decimals, val(a));
    setCell(grids, a.ref, nv);
    return { target: a.ref, note: `${t.id} ${a.ref.cell} ${val(a)}→${nv}` };
  },
  'total-amount'(book, grids) {
    const cands = [];
    for (const t of gridTables(book)) for (const r of t.rows) {
      if (['total', 'dept', 'unit'].includes(r.kind)) for (const [, a] of amountsOfRow(r)) cands.push({ t, a });
      else if (isDetail(r)) for (const k of ['合计', '总计', '基本支出/小计', '项目支出/小计']) if (r.amounts[k]?.scaled && Object.keys(r.amounts).length > 2) cands.push({ t, a: r.amounts[k] });
    }
    for (const id of ['T01', 'T04']) { const t = book.tables[id]; if (!t) continue; for (const l of [...t.income, ...t.expense]) { if (/合计|总计|本年/.test(l.key) && l.amount?.scaled) cands.push({ t, a: l.amount }); } }
    if (!cands.length) return;
    const { t, a } = pick(cands);
    const nv = visible(t.decimals, val(a));
    setCell(grids, a.ref, nv);
    return { target: a.ref, note: `${t.id} ${a.ref.cell} ${val(a)}→${nv}` };
  },
  'digit-transposition'(book, grids) {
    const cands = [];
    for (const t of gridTables(book)) for (const r of t.rows) for (const [k, a] of amountsOfRow(r)) if (k !== '采购数量') cands.push({ t, a });
    for (let i = 0; i < 20 && cands.length; i++) {
      const { t, a } = pick(cands);
      const nv = transpose(val(a), t.decimals);
      if (nv === undefined || Math.abs(nv - val(a)) < 0.3) continue;
      setCell(grids, a.ref, nv);
      return { target: a.ref, note: `${t.id} ${a.ref.cell} ${val(a)}→${nv}` };
    }
  },
  'cross-table'(book, grids) {
    const subs = [];
    const t1 = book.tables.T01;
    if (t1) for (const l of t1.expense) if (l.lei && l.amount?.scaled) subs.push(() => { const nv = visible(t1.decimals, val(l.amount)); setCell(grids, l.amount.ref, nv); return { target: l.amount.ref, note: `T01 class ${l.lei}` }; });
    const t11 = book.tables.T11;
    if (t11 && t11.fields['部门预算总额']?.scaled && t11.fields['政府预算资金']?.ref && t11.fields['基本支出']?.ref) subs.push(() => {
      const d = Math.round((visible(t11.decimals, val(t11.fields['部门预算总额'])) - val(t11.fields['部门预算总额'])) * 100) / 100;
      for (const k of ['部门预算总额', '政府预算资金', '基本支出']) setCell(grids, t11.fields[k].ref, round(val(t11.fields[k]) + d, t11.decimals));
      return { target: t11.fields['部门预算总额'].ref, note: `T11 +${d}` };
    });
    const t10 = book.tables.T10;
    const tot10 = t10?.rows.find((r) => r.kind === 'total');
    if (tot10?.amounts['合计']?.scaled && tot10.amounts['本年拨款/一般公共预算']?.scaled) subs.push(() => {
      const a = tot10.amounts['合计'], b = tot10.amounts['本年拨款/一般公共预算'];
      const d = round(visible(t10.decimals, val(b)) - val(b), t10.decimals);
      setCell(grids, a.ref, round(val(a) + d, t10.decimals)); setCell(grids, b.ref, round(val(b) + d, t10.decimals));
      return { target: a.ref, note: `T10 合计 ${d}` };
    });
    const t12 = book.tables.T12;
    if (t12) for (const p of t12.projects) if (p.amounts['资金总额']?.scaled && p.amounts['政府预算资金']?.scaled) subs.push(() => {
      const a = p.amounts['资金总额'], b = p.amounts['政府预算资金'];
      const d = round(visible(t12.decimals, val(b)) - val(b), t12.decimals);
      setCell(grids, a.ref, round(val(a) + d, t12.decimals)); setCell(grids, b.ref, round(val(b) + d, t12.decimals));
      return { target: a.ref, note: `T12 project ${p.name.text} ${d}` };
    });
    const t8 = book.tables.T08;
    for (const k of ['公务接待费', '公务用车/运行费']) if (t8?.amounts[k]?.scaled) subs.push(() => {
      const a = t8.amounts[k];
      const d = round(visible(t8.decimals, val(a)) - val(a), t8.decimals);
      const keys = k === '公务接待费' ? [k, '合计'] : [k, '公务用车/小计', '合计'];
      for (const kk of keys) if (t8.amounts[kk]?.ref) setCell(grids, t8.amounts[kk].ref, round(val(t8.amounts[kk]) + d, t8.decimals));
      return { target: a.ref, note: `T08 ${k} ${d}` };
    });
    const t6 = book.tables.T06;
    const tot6 = t6?.rows.find((r) => r.kind === 'total');
    if (tot6?.amounts['合计']?.scaled && tot6.amounts['人员经费']?.scaled) subs.push(() => {
      const a = tot6.amounts['合计'], b = tot6.amounts['人员经费'];
      const d = round(visible(t6.decimals, val(b)) - val(b), t6.decimals);
      setCell(grids, a.ref, round(val(a) + d, t6.decimals)); setCell(grids, b.ref, round(val(b) + d, t6.decimals));
      return { target: a.ref, note: `T06 合计 ${d}` };
    });
    if (!subs.length) return;
    return pick(subs)();
  },
  'row-deleted'(book, grids) {
    const ts = gridTables(book).filter((t) => ['T03', 'T05', 'T06', 'T07', 'T10', 'T14'].includes(t.id));
    const cands = [];
    for (const t of ts) {
      let parent;
      const stack = [];
      for (const r of t.rows) {
        if (r.kind === 'total') stack.length = 0, stack.push(r);
        else if (r.kind === 'dept') stack.length = Math.min(stack.length, 1), stack.push(r);
        else if (r.kind === 'unit') { while (stack.length && stack[stack.length - 1].kind !== 'total' && stack[stack.length - 1].kind !== 'dept') stack.pop(); stack.push(r); }
        else if (r.kind === 'econClass') { while (stack.length && !['total', 'dept', 'unit'].includes(stack[stack.length - 1].kind)) stack.pop(); stack.push(r); }
        else if (isDetail(r) && amountsOfRow(r).length) {
          let p = stack[stack.length - 1];
          if (p && p.kind === 'econClass' && !(r.econ && r.econ.dept.startsWith(p.econ.dept))) p = stack[stack.length - 2];
          if (!p) continue;
          // the parent's first amount column in sheet order
          const nz = new Set(amountsOfRow(r).map(([k]) => k).filter((k) => k !== '采购数量'));
          const first = Object.entries(p.amounts).filter(([k, a]) => a.ref && nz.has(k)).map(([, a]) => a).sort((x, y) => parseA1(x.ref.cell).col - parseA1(y.ref.cell).col)[0];
          if (first) cands.push({ t, r, target: first.ref });
        }
      }
    }
    if (!cands.length) return;
    const { t, r, target } = pick(cands);
    deleteRow(grids, t.sheet, r.row);
    return { target, note: `${t.id} row ${r.row} deleted` };
  },
  'column-shift'(book, grids) {
    const ts = gridTables(book).filter((t) => ['T03', 'T05', 'T07', 'T06', 'T10', 'T09'].includes(t.id));
    const cands = [];
    for (const t of ts) {
      const cols = t.columns.filter((c) => t.rows.some((r) => r.amounts[c.key])).sort((a, b) => a.col - b.col);
      let parent;
      const groups = new Map();
      for (const r of t.rows) {
        if (['dept', 'unit'].includes(r.kind) || (r.kind === 'total' && !parent)) parent = r;
        else if (isDetail(r) && parent) { if (!groups.has(parent)) groups.set(parent, []); groups.get(parent).push(r); }
      }
      // the lowest parent: if units exist, a dept row's children are units (skip dept)
      for (const [p, rows] of groups) for (let i = 0; i + 1 < cols.length; i++) {
        const c = cols[i].key, n = cols[i + 1].key;
        if (['合计', '总计'].includes(c)) continue;
        const moved = rows.filter((r) => r.amounts[c]?.scaled && r.amounts[c]?.ref && r.amounts[n]?.ref !== undefined && !r.amounts[n]?.scaled);
        if (moved.length && p.amounts[c]?.ref) cands.push({ t, p, c, n, moved });
      }
    }
    if (!cands.length) return;
    const { t, p, c, n, moved } = pick(cands);
    for (const r of moved) { setCell(grids, r.amounts[n].ref, val(r.amounts[c])); setCell(grids, r.amounts[c].ref, 0); }
    return { target: p.amounts[c].ref, note: `${t.id} ${c}→${n} ${moved.length} rows under ${p.row}` };
  },
  'rounding'(book, grids) {
    const cands = [];
    for (const t of gridTables(book)) for (const r of t.rows) {
      if (['total', 'dept', 'unit'].includes(r.kind) || (isDetail(r) && t.id !== 'T14')) for (const k of ['合计', '总计', '基本支出/小计', '项目支出/小计', '人员经费', '公用经费', '金额', '资金总额']) if (r.amounts[k]?.scaled && (['total', 'dept', 'unit'].includes(r.kind) || k !== '金额')) cands.push({ t, a: r.amounts[k] });
    }
    const { t, a } = pick(cands);
    const nv = round(val(a) + (rnd() < 0.5 ? -1 : 1) * 10 ** -t.decimals, t.decimals);
    setCell(grids, a.ref, nv);
    return { target: a.ref, note: `${t.id} ${a.ref.cell} ${val(a)}→${nv}`, benign: true };
  },
  'number-as-text'(book, grids) {
    const cands = [];
    for (const t of gridTables(book)) for (const r of t.rows) for (const [, a] of amountsOfRow(r)) cands.push({ t, a });
    const { t, a } = pick(cands);
    setCell(grids, a.ref, val(a).toFixed(t.decimals));
    return { target: a.ref, note: `${t.id} ${a.ref.cell} as text`, benign: true };
  },
};

(async () => {
  const stats = {};
  const fails = [];
  const cascades = [];
  for (const f of files) {
    const base = await readXlsxFile(f);
    const book = readBook(base);
    const baseRep = checkWorkbook(base, { file: f }).report;
    const baseErr = new Set(baseRep.findings.filter((x) => x.severity !== 'info').map((x) => `${x.rule}|${x.sheet}!${x.cell}`));
    for (const [kind, make] of Object.entries(makers)) {
      for (let i = 0; i < N; i++) {
        const grids = clone(base);
        const m = make(book, grids);
        if (!m) continue;
        const rep = checkWorkbook(grids, { file: f }).report;
        const s = (stats[kind] ??= { n: 0, det: 0, loc: 0, falseErr: 0 });
        s.n++;
        const fresh = rep.findings.filter((x) => x.severity !== 'info' && !baseErr.has(`${x.rule}|${x.sheet}!${x.cell}`));
        if (m.benign) {
          const errs = rep.findings.filter((x) => x.severity === 'error' && !baseErr.has(`${x.rule}|${x.sheet}!${x.cell}`));
          if (errs.length) { s.falseErr++; fails.push(`${kind} ${f.split('/').pop()} ${m.note}: ${errs[0].rule} ${errs[0].cell} ${errs[0].message.slice(0, 120)}`); }
          continue;
        }
        const at = fresh.filter((x) => x.sheet === m.target.sheet && x.cell === m.target.cell);
        if (fresh.length) s.det++;
        if (at.length) s.loc++;
        // A cascade: the defect found at its cell, and errors at other cells besides.
        const elsewhere = fresh.filter((x) => x.severity === 'error' && !(x.sheet === m.target.sheet && x.cell === m.target.cell));
        if (at.length && elsewhere.length) {
          s.cascade = (s.cascade ?? 0) + 1;
          if (process.env.SHOW_CASCADE) cascades.push(`${kind} ${f.split('/').pop()} ${m.note}: also ${elsewhere.slice(0, 3).map((x) => `${x.rule}@${x.sheet.slice(0, 4)}!${x.cell} ${x.message.slice(0, 100)}`).join(' | ')}`);
        }
        if (!at.length) fails.push(`${kind} ${f.split('/').pop()} ${m.note} target ${m.target.sheet.slice(0, 6)}!${m.target.cell}: got ${fresh.slice(0, 3).map((x) => `${x.rule}@${x.sheet.slice(0, 4)}!${x.cell}`).join(', ') || 'nothing'}`);
      }
    }
  }
  for (const [k, s] of Object.entries(stats)) console.log(k.padEnd(22), `n ${s.n}  det ${s.det}  loc ${s.loc}  falseErr ${s.falseErr}  cascade ${s.cascade ?? 0}`);
  console.log(fails.join('\n'));
  if (cascades.length) console.log(cascades.join('\n'));
})();
