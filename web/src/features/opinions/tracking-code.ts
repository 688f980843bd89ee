/** Normalises a typed tracking code: any case, spaces, dashes and dots allowed ("abcd efgh-klmn" → "ABCDEFGHKLMN"). */
export function compactTrackingCode(input: string): string {
  return input.normalize("NFKC").replace(/[\s\-‐-―._]+/g, "").toUpperCase();
}

/** True when a compacted code has only letters and digits. */
export function isPlausibleTrackingCode(compact: string): boolean {
  return /^[A-Z0-9]+$/.test(compact);
}
