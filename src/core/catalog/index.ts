/**
 * Classification catalogues (政府收支分类科目): function codes 类/款/项, 部门 and 政府 economic codes,
 * and the 部门 → 政府 correspondence by unit kind. The bundled data (./data, generated from
 * shared/domain/catalog) is extended and overridden by the user's own 科目表 (a sheet of the workbook
 * or `--catalog file.xlsx`), whose entries count as verified.
 *
 * Rule for consumers: an entry with verified = false may only produce a warning or a hint.
 */
import type { CellRef } from '../grid';
import { FUNC_ENTRIES } from './data/func';
import { ECON_DEPT_ENTRIES } from './data/econ-dept';
import { ECON_GOV_ENTRIES } from './data/econ-gov';
import { ECON_PAIRS } from './data/econ-map';
import type { RawEntry } from './data/types';
import { codeKind, codeLevel, normalizeName, parentCode, sameName } from './names';
import type { CodeKind } from './names';

export type { CodeKind } from './names';
export { normalizeName, sameName, withoutSpending, codeKind, codeLevel, codeText, parentCode, GENERIC_ITEMS, genericItemOf, isOtherItemName } from './names';

export type UnitKind = '机关' | '事业';

export interface CatalogEntry {
  code: string;
  name: string;
  /** Derived from the code's shape when absent. */
  kind?: CodeKind;
  /** 1 = 类, 2 = 款, 3 = 项. */
  level?: number;
  /** Only verified entries may support an error. User entries are verified. */
  verified?: boolean;
  /** Short provenance ("seed:003; web:…", "memory", "科目表!A5"). */
  source?: string;
  aliases?: string[];
  parent?: string;
  standardPattern?: boolean;
  inferred?: boolean;
  uncertain?: boolean;
  /** User entries: where the row is. */
  ref?: CellRef;
  /** User entries: a row that could not be used, and why (Chinese). It never enters the catalogue. */
  rejected?: string;
  /** User entries: true. */
  user?: boolean;
}

export interface EconPair {
  dept: string;
  jiguan: string[];
  shiye: string[];
  verified: { jiguan: boolean; shiye: boolean };
  source: string;
  nonstandard?: string[];
}

/** A problem with the user's 科目表, reported by the rule C.user-catalog. */
export interface CatalogIssue {
  severity: 'warning' | 'info';
  ref: CellRef;
  message: string;
}

export interface Catalog {
  /** Code → entry (codes of the three classifications never collide: 2…, 3…, 5…). */
  entries: Map<string, CatalogEntry>;
  /** 部门 economic 款 → allowed 政府 款. */
  pairs: Map<string, EconPair>;
  /** Normalised name or alias → entries of every kind. */
  byName: Map<string, CatalogEntry[]>;
  /** Parent code → its listed children. */
  children: Map<string, CatalogEntry[]>;
  /** Problems found in the user's 科目表. */
  issues: CatalogIssue[];
  /** How many user entries were taken. */
  userCount: number;
}

export { readUserCatalog } from './user';
export type { UserCatalogOptions } from './user';

function fromRaw(kind: CodeKind, e: RawEntry): CatalogEntry {
  return { ...e, kind };
}

const SHIPPED: CatalogEntry[] = [
  ...FUNC_ENTRIES.map((e) => fromRaw('func', e)),
  ...ECON_DEPT_ENTRIES.map((e) => fromRaw('econDept', e)),
  ...ECON_GOV_ENTRIES.map((e) => fromRaw('econGov', e)),
];

/** The shipped catalogue's maps, built once: most checks have no 科目表 of their own (nobody changes them). */
let shipped: Pick<Catalog, 'entries' | 'pairs' | 'byName' | 'children'> | undefined;

/** The shipped catalogue plus the user's entries (which override a shipped entry of the same code). */
export function buildCatalog(user: CatalogEntry[] = []): Catalog {
  if (!user.length) {
    if (!shipped) {
      const entries = new Map<string, CatalogEntry>();
      for (const e of SHIPPED) entries.set(e.code, e);
      shipped = { entries, pairs: buildPairs(), byName: indexByName(entries), children: indexChildren(entries) };
    }
    return { ...shipped, issues: [], userCount: 0 };
  }
  const entries = new Map<string, CatalogEntry>();
  for (const e of SHIPPED) entries.set(e.code, e);
  const issues: CatalogIssue[] = [];
  const taken = new Map<string, CatalogEntry>();
  for (const u of user) {
    if (u.rejected) {
      if (u.ref) issues.push({ severity: 'warning', ref: u.ref, message: u.rejected });
      continue;
    }
    const kind = u.kind ?? codeKind(u.code);
    if (!kind || !u.name) continue;
    const prior = taken.get(u.code);
    if (prior) {
      if (!sameName(prior.name, u.name) && u.ref) {
        const where = prior.ref ? `${prior.ref.sheet}!${prior.ref.cell}` : '前文';
        issues.push({ severity: 'warning', ref: u.ref, message: `科目表中编码 ${u.code} 重复：此处名称“${u.name}”与 ${where} 的“${prior.name}”不同，以先出现的为准` });
      }
      continue;
    }
    const shipped = entries.get(u.code);
    const entry: CatalogEntry = {
      ...u,
      kind,
      level: u.level ?? codeLevel(u.code),
      parent: u.parent ?? parentCode(u.code),
      verified: true,
      user: true,
      // the user's name wins; the shipped spelling variants survive only when it is the same name
      aliases: mergeAliases(u.aliases, shipped && sameName(shipped.name, u.name) ? shipped.aliases : undefined),
      standardPattern: u.standardPattern ?? shipped?.standardPattern,
      source: u.source ?? (u.ref ? `科目表 ${u.ref.sheet}!${u.ref.cell}` : '科目表'),
    };
    taken.set(u.code, entry);
    entries.set(u.code, entry);
  }
  return { entries, pairs: buildPairs(), byName: indexByName(entries), children: indexChildren(entries), issues, userCount: taken.size };
}

function mergeAliases(a?: string[], b?: string[]): string[] | undefined {
  const all = [...(a ?? []), ...(b ?? [])];
  return all.length ? [...new Set(all)] : undefined;
}

function buildPairs(): Map<string, EconPair> {
  return new Map(ECON_PAIRS.map((p) => [p.dept, p]));
}

function indexByName(entries: Map<string, CatalogEntry>): Map<string, CatalogEntry[]> {
  const map = new Map<string, CatalogEntry[]>();
  const add = (name: string, e: CatalogEntry): void => {
    const key = normalizeName(name);
    const list = map.get(key) ?? [];
    if (!list.includes(e)) list.push(e);
    map.set(key, list);
  };
  for (const e of entries.values()) {
    add(e.name, e);
    for (const a of e.aliases ?? []) add(a, e);
  }
  return map;
}

function indexChildren(entries: Map<string, CatalogEntry>): Map<string, CatalogEntry[]> {
  const map = new Map<string, CatalogEntry[]>();
  for (const e of entries.values()) {
    const parent = e.parent ?? parentCode(e.code);
    if (!parent) continue;
    const list = map.get(parent) ?? [];
    list.push(e);
    map.set(parent, list);
  }
  return map;
}

// ---------------------------------------------------------------- lookups

export function lookup(cat: Catalog, code: string): CatalogEntry | undefined {
  return cat.entries.get(code);
}

/** Does `name` spell this entry's name or one of its aliases? */
export function nameMatches(entry: CatalogEntry, name: string): boolean {
  return sameName(entry.name, name) || (entry.aliases ?? []).some((a) => sameName(a, name));
}

/** Entries carrying this name (or alias), optionally of one kind and level. */
export function findByName(cat: Catalog, name: string, kind?: CodeKind, level?: number): CatalogEntry[] {
  const key = normalizeName(name);
  let list = cat.byName.get(key) ?? [];
  if (!list.length && key.endsWith('支出')) list = cat.byName.get(key.slice(0, -2)) ?? [];
  if (!list.length) list = cat.byName.get(key + '支出') ?? [];
  return list.filter((e) => (!kind || e.kind === kind) && (!level || (e.level ?? codeLevel(e.code)) === level));
}

/** Listed children of a code (款 of a 类, 项 of a 款). */
export function childrenOf(cat: Catalog, code: string): CatalogEntry[] {
  return cat.children.get(code) ?? [];
}

export function pairOf(cat: Catalog, dept: string): EconPair | undefined {
  return cat.pairs.get(dept);
}

/** 政府经济分类 codes tell the unit kind: 501–504 机关, 505–506 事业; others (509 …) say nothing. */
export function unitKindOfGov(gov: string): UnitKind | undefined {
  // Read by character: the rules ask this for every economic row.
  if (gov.charCodeAt(0) !== 53 || gov.charCodeAt(1) !== 48) return undefined; // "50"
  const c = gov.charCodeAt(2);
  if (c >= 49 && c <= 52) return '机关'; // 501–504
  if (c === 53 || c === 54) return '事业'; // 505–506
  return undefined;
}

/** Name for messages: "2010301 行政运行" when the catalogue knows it, else the code. */
export function describe(cat: Catalog, code: string): string {
  const e = cat.entries.get(code);
  return e ? `${code} ${e.name}` : code;
}
