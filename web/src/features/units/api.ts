import { apiGet } from "../../app/api-client";

/** A police unit (đơn vị) as listed by `GET /api/units`: the active tree, flat. */
export interface Unit {
  id: string;
  name: string;
  shortName: string;
  levelCode: string;
  /** Level name in the request's language, e.g. "Công an xã, phường, đặc khu". */
  levelName: string;
  parentId: string | null;
  areaCode: string | null;
}

/** Query keys of the units domain; the list depends on the language (level names). */
export const unitKeys = {
  list: (language: string) => ["units", language] as const,
};

/**
 * Fetches the active unit tree. `?lang=` makes the URL differ per language, so the browser's HTTP
 * cache (the list is cacheable) never serves level names in the other language.
 */
export async function fetchUnits(language: string, signal?: AbortSignal): Promise<Unit[]> {
  const response = await apiGet<{ items: Unit[] }>(`/api/units?lang=${encodeURIComponent(language)}`, signal);
  return response.items;
}
