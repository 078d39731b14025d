/**
 * Mutation tests: every edit an editor makes, one per copy, over the four published narratives and
 * over the narratives our generator writes for the clean workbooks — each edit must be found at its
 * paragraph and number, and no error may appear elsewhere; the unedited texts have no error and
 * ≥ 90 % of their numbers traced to a source.
 */
import type { Finding } from '../../src/core/report';
import type { NarrativeCheck } from '../../src/core/narrative-check';
import { NARRATIVE_RULES, checkNarrativeText } from '../../src/core/narrative-check';
import type { Case } from './cases';
import { CLEAN, SEEDS, generatedCase, seedCase } from './cases';
import type { Edit, EditKind } from './mutations';
import { editsOf, sample } from './mutations';

const key = (f: Finding) => `${f.rule}|${f.narrative!.paragraph}|${f.narrative!.text}`;
const KINDS: EditKind[] = ['number', 'percentage', 'direction', 'year', 'placeholder', 'no-data', 'dropped'];

type Source = [string, () => Promise<Case>, number];
/** Without 说明参数 last year's figures come only from the text, and counts (vehicles …) cannot be traced. */
const withoutParams = async (s: string): Promise<Case> => ({ ...(await seedCase(s)), params: undefined });
const sources: Source[] = [
  ...SEEDS.map((s): Source => [`seed-${s}`, () => seedCase(s), 0.9]),
  ...CLEAN.map((f): Source => [`generated ${f}`, () => generatedCase(f), 0.9]),
  ...SEEDS.map((s): Source => [`seed-${s} without 说明参数`, () => withoutParams(s), 0.75]),
];
const seen = new Map<EditKind, number>();

describe.each(sources)('%s', (_name, load, minTraced) => {
  let c: Case;
  let base: NarrativeCheck;
  let edits: Edit[];
  beforeAll(async () => {
    c = await load();
    base = checkNarrativeText(c.book, c.params, c.text);
    edits = sample(editsOf(c.text, base, c.book.year!), 25);
    for (const e of edits) seen.set(e.kind, (seen.get(e.kind) ?? 0) + 1);
  });

  test('the unedited text has no error and its numbers are traced (≥ 90 % with 说明参数)', () => {
    expect(base.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const traced = base.numbers.filter((n) => n.verdict !== 'unverifiable').length;
    expect(base.numbers.length).toBeGreaterThan(30);
    expect(base.numbers.length).toBe(base.claims.filter((x) => x.num).length);
    expect(traced / base.numbers.length).toBeGreaterThanOrEqual(minTraced);
  });

  test('every edit is found at its paragraph and number, and no error appears elsewhere', () => {
    expect(edits.length).toBeGreaterThan(40);
    const before = new Set(base.findings.map(key));
    const misses: string[] = [];
    const strays: string[] = [];
    for (const e of edits) {
      const r = checkNarrativeText(c.book, c.params, e.paragraphs);
      for (const f of r.findings) expect(NARRATIVE_RULES.map((x) => x.id)).toContain(f.rule);
      const hit = r.findings.some((f) => f.severity !== 'info' && f.narrative!.paragraph === e.paragraph && (e.text === '' || f.narrative!.text === e.text));
      if (!hit) misses.push(`${e.kind} 第${e.paragraph}段 ${e.what}: ${r.findings.map((f) => `${f.rule}@${f.narrative!.paragraph}“${f.narrative!.text}”`).join(', ') || '无发现'}`);
      if (e.shifted) continue;
      for (const f of r.findings) {
        if (f.severity === 'error' && f.narrative!.paragraph !== e.paragraph && !before.has(key(f))) strays.push(`${e.kind} ${e.what}: ${f.rule}@${f.narrative!.paragraph} ${f.message}`);
      }
    }
    expect(misses).toEqual([]);
    expect(strays).toEqual([]);
  });
});

afterAll(() => {
  // Every kind of edit was exercised somewhere.
  for (const k of KINDS) expect(seen.get(k) ?? 0).toBeGreaterThan(0);
});
