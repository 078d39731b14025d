/**
 * Displayed text of a cell for the fake host: what Excel's `range.text` would show for common
 * number formats ("0.0", "#,##0.00", "0%", "@", sections with ";"). Not a full format engine.
 */
export type FakeValue = string | number | boolean | { error: string } | null;

export function displayText(value: FakeValue, numFmt: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') return value.error;
  if (typeof value === 'string') return value;
  const fmt = (numFmt ?? 'General').trim();
  if (fmt === '' || /^general$/i.test(fmt) || fmt === '@') return general(value);
  const sections = splitSections(fmt);
  let section = sections[0];
  let v = value;
  if (value < 0 && sections.length > 1) {
    section = sections[1];
    v = -value;
  } else if (value === 0 && sections.length > 2) {
    section = sections[2];
  }
  return renderSection(v, section, value < 0 && sections.length === 1);
}

function general(v: number): string {
  if (Number.isInteger(v)) return String(v);
  const s = Number(v.toPrecision(11)).toString();
  return s;
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of fmt) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function renderSection(v: number, section: string, minus: boolean): string {
  // Drop colours/conditions, padding and fill markers; keep quoted and escaped literals.
  let s = section.replace(/\[[^\]]*\]/g, '').replace(/_./g, ' ').replace(/\*./g, '');
  const m = /[#0?,.]*[0#?][#0?,.]*%?/.exec(s.replace(/"[^"]*"/g, (q) => ' '.repeat(q.length)));
  if (!m) return s.replace(/"/g, '').replace(/\\/g, '');
  const pattern = m[0];
  const percent = pattern.endsWith('%');
  const dot = pattern.indexOf('.');
  const decimals = dot < 0 ? 0 : (pattern.slice(dot + 1).match(/[0#?]/g) ?? []).length;
  const minDecimals = dot < 0 ? 0 : (pattern.slice(dot + 1).match(/0/g) ?? []).length;
  const grouping = pattern.slice(0, dot < 0 ? undefined : dot).includes(',');
  const n = Math.abs(percent ? v * 100 : v);
  let text = n.toFixed(decimals);
  if (minDecimals < decimals && text.includes('.')) {
    text = text.replace(/0+$/, '');
    const [, frac = ''] = text.split('.');
    if (frac.length < minDecimals) text = text.split('.')[0] + '.' + frac.padEnd(minDecimals, '0');
    if (text.endsWith('.')) text = text.slice(0, -1);
  }
  const intPart = pattern.slice(0, dot < 0 ? pattern.length - (percent ? 1 : 0) : dot);
  if (/^#+,?#*$/.test(intPart.replace(/,/g, '')) && text.startsWith('0') && !intPart.includes('0')) text = text.slice(1) || '0';
  if (grouping) {
    const [i, f] = text.split('.');
    text = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f !== undefined ? '.' + f : '');
  }
  if (percent) text += '%';
  const before = s.slice(0, m.index).replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
  const after = s.slice(m.index + pattern.length).replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
  return (minus ? '-' : '') + before + text + after;
}
