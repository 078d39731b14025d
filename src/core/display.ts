/**
 * User text shown inside a report line or a sentence: one line (a line break in a cell must never
 * start a line of its own that looks like part of the report) and a bounded length.
 */

/** The sign a line break of the user's text is shown as. */
export const NEWLINE_SIGN = '⏎';

/** Longest quoted cell text, in characters, before it is cut with "…". */
export const QUOTE_MAX = 60;

/** Line breaks (CR, LF, CRLF, vertical tab, form feed, NEL, U+2028/2029) → ⏎; other control characters dropped. */
export function oneLine(text: string): string {
  return text
    .replace(/\r\n|[\r\n\v\f\u0085\u2028\u2029]/g, NEWLINE_SIGN)
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '');
}

/** At most `max` characters (code points, so no surrogate pair is split), then "…". */
export function clip(text: string, max = QUOTE_MAX): string {
  const chars = Array.from(text);
  return chars.length > max ? chars.slice(0, max).join('') + '…' : text;
}

/** A cell's text as quoted in a message: one line, cut to QUOTE_MAX characters. */
export function shownText(text: string, max = QUOTE_MAX): string {
  return clip(oneLine(text), max);
}

/**
 * A whole message made safe for a one-line report: line breaks shown as ⏎ and every “…” quotation
 * longer than QUOTE_MAX cut (the rules quote cell text that way).
 */
export function safeMessage(message: string): string {
  return oneLine(message).replace(/“([^“”]*)”/g, (_m, q: string) => `“${clip(q)}”`);
}
