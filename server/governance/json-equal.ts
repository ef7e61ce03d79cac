import { isDeepStrictEqual } from "node:util";

/** Values compared as they round-trip through JSON columns (undefined and null are the same). */
export function sameJsonValue(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a ?? null, b ?? null);
}
