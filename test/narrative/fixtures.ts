/** The narrative fixtures of test/fixtures/narrative (read-only). */
import fs from 'fs';
import path from 'path';
import type { SheetGrid } from '../../src/core/grid';
import { readXlsxFile } from '../../src/cli/read-xlsx';

export const NARRATIVE_DIR = path.resolve(__dirname, '../fixtures/narrative');
export const SEEDS = ['000', '001', '003', '004'] as const;
export type Seed = (typeof SEEDS)[number];

export const workbookPath = (seed: Seed) => path.join(NARRATIVE_DIR, `seed-${seed}.xlsx`);
export const expectedMd = (seed: Seed) => fs.readFileSync(path.join(NARRATIVE_DIR, `seed-${seed}.expected.md`), 'utf8');

export interface ParamsJson {
  inputs: Record<string, Record<string, unknown> | unknown[]> & Record<string, unknown>;
  cells: Record<string, string | { header: string; firstRow: number; rows: number; columns: string[] }>;
}
export const paramsJson = (seed: Seed): ParamsJson => JSON.parse(fs.readFileSync(path.join(NARRATIVE_DIR, `seed-${seed}.params.json`), 'utf8'));

const cache = new Map<string, Promise<SheetGrid[]>>();
export function grids(seed: Seed): Promise<SheetGrid[]> {
  if (!cache.has(seed)) cache.set(seed, readXlsxFile(workbookPath(seed)));
  return cache.get(seed)!;
}
