/**
 * Size of what travels between the add-in and Excel, estimated as UTF-8 JSON — the measure behind
 * Excel on the web's 5 MB limit on each request and response. Shared by the reader (to plan its
 * round trips) and the fake host (to count and refuse them).
 */

/** Excel on the web refuses a request or response above 5 MB (read as 5 × 1024 × 1024 bytes). */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** What one round trip of ours may carry by estimate: under 4,000,000 bytes with room for misestimates. */
export const TRIP_BUDGET = 3_000_000;

/** UTF-8 bytes of a string. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Estimated JSON size of a value (undefined counts as nothing). */
export function jsonBytes(v: unknown): number {
  if (v === undefined) return 0;
  return utf8Bytes(JSON.stringify(v) ?? '');
}
