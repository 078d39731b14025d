/**
 * Names of function-classification 类 and 款 for 五(二)/(三): no table prints them (T05 has only 项
 * rows), so they come from the classification catalogue (the bundled one, or the caller's, which
 * includes the user's own 科目表). 项 names are taken from T05 itself.
 */
import type { Catalog } from '../catalog';
import { buildCatalog } from '../catalog';

let shipped: Catalog | undefined;

export function funcName(code: string, catalog?: Catalog): string | undefined {
  const cat = catalog ?? (shipped ??= buildCatalog([]));
  return cat.entries.get(code)?.name;
}
