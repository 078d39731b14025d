/** Code and name normalisation shared by the catalogue and the code rules. */

export type CodeKind = 'func' | 'econDept' | 'econGov';

/**
 * A name as it is compared: full/half width unified (NFKC: （）→ ()), whitespace, quotes and a
 * leading code or ordinal removed ("2010301 行政运行", "　　行政运行" → "行政运行").
 */
export function normalizeName(text: string): string {
  let n = normalized.get(text);
  if (n === undefined) {
    // The rules compare the same few hundred names again and again: remember them (bounded).
    if (normalized.size >= MAX_REMEMBERED) normalized.clear();
    normalized.set(text, (n = normalizeNow(text)));
  }
  return n;
}

const MAX_REMEMBERED = 20000;
const normalized = new Map<string, string>();

function normalizeNow(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000\u00a0]/g, '')
    .replace(/["'“”‘’「」『』]/g, '')
    .replace(/^\d+(?=\D)/, '')
    .replace(/^其中[:：]/, '')
    .replace(/^[、.．\-:：]+/, '');
}

/** Equal after normalisation, or equal once a trailing 支出 is dropped on both sides. */
export function sameName(a: string, b: string): boolean {
  const x = normalizeName(a);
  const y = normalizeName(b);
  if (x === y) return true;
  return withoutSpending(x) === withoutSpending(y) && x.length > 2;
}

/** A name without a trailing 支出 ("行政运行支出" → "行政运行"). */
export function withoutSpending(name: string): string {
  return name.endsWith('支出') ? name.slice(0, -2) : name;
}

/** A code cell value → its digits ("060", 2010301 → "2010301"), or null if it is not a code. */
export function codeText(value: unknown): string | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? String(value) : null;
  if (typeof value !== 'string') return null;
  const s = value.normalize('NFKC').replace(/[\s\u3000]/g, '');
  if (/^\d+$/.test(s)) return s;
  if (/^\d+\.0+$/.test(s)) return s.replace(/\.0+$/, '');
  // "201-03-01", "201.03.01": separators between digit groups
  if (/^\d{3}([.\-_/]\d{2}){1,2}$/.test(s)) return s.replace(/[.\-_/]/g, '');
  return null;
}

/** Which classification a code belongs to, by its shape: 2xx(xx(xx)) function, 3xx(xx) 部门, 5xx(xx) 政府. */
export function codeKind(code: string): CodeKind | undefined {
  if (/^2\d{2}(\d{2}){0,2}$/.test(code)) return 'func';
  if (/^3\d{2}(\d{2})?$/.test(code)) return 'econDept';
  if (/^5\d{2}(\d{2})?$/.test(code)) return 'econGov';
  return undefined;
}

/** 1 = 类, 2 = 款, 3 = 项 (economic codes have no 项). */
export function codeLevel(code: string): number {
  return code.length === 3 ? 1 : code.length === 5 ? 2 : 3;
}

export function parentCode(code: string): string | undefined {
  return code.length > 3 ? code.slice(0, code.length - 2) : undefined;
}

/**
 * Items whose number is the same in every 款 that has them (the 201 "standard pattern" of
 * catalog/README.md, followed by the administrative 款 of other classes too).
 */
export const GENERIC_ITEMS: Record<string, string> = {
  '01': '行政运行',
  '02': '一般行政管理事务',
  '03': '机关服务',
  '50': '事业运行',
};

/** The 项 number a generic name implies ("行政运行" → "01"), or undefined. */
export function genericItemOf(name: string): string | undefined {
  return ITEM_OF_GENERIC.get(normalizeName(name));
}

const ITEM_OF_GENERIC = new Map(Object.entries(GENERIC_ITEMS).map(([item, generic]) => [generic, item]));

/** 其他…支出 names close a 款: their 项 is 99. */
export function isOtherItemName(name: string): boolean {
  return /^其他.+支出$/.test(normalizeName(name));
}
