// PLACEHOLDER — replaced by the classification catalogues.
import type { SheetGrid } from '../grid';
export interface CatalogEntry { code: string; name: string }
export interface Catalog { entries: Map<string, CatalogEntry> }
export function readUserCatalog(_grids: SheetGrid[]): CatalogEntry[] { return []; }
export function buildCatalog(user: CatalogEntry[]): Catalog { return { entries: new Map(user.map((e) => [e.code, e])) }; }
