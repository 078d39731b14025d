/**
 * List helpers that never put a whole list on the call stack: `to.push(...xs)` and `Math.max(...xs)`
 * overflow it ("Maximum call stack size exceeded") once a list reaches about 100,000 items.
 */

/** to.push(...xs), for a list of any length; returns `to`. */
export function pushAll<T>(to: T[], xs: readonly T[]): T[] {
  for (let i = 0; i < xs.length; i++) to.push(xs[i]);
  return to;
}

/** Math.max(floor, ...xs), for a list of any length. */
export function maxOf(xs: Iterable<number>, floor = -Infinity): number {
  let m = floor;
  for (const x of xs) if (x > m) m = x;
  return m;
}

/** Length of the longest row (0 for none). */
export function widthOf(rows: readonly (readonly unknown[] | null | undefined)[]): number {
  let w = 0;
  for (let i = 0; i < rows.length; i++) {
    const n = rows[i]?.length ?? 0;
    if (n > w) w = n;
  }
  return w;
}
