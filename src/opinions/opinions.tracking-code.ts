import { randomBytesPooled } from "../crypto/random.ts";

/**
 * Tracking codes are read aloud over the phone and typed on cheap phones: letters of the Vietnamese
 * alphabet without I and O, and digits 2–9 (no 0/O or 1/I confusion). 12 symbols of 28 ≈ 57.7 bits.
 */
const ALPHABET = "ABCDEGHKLMNPQRSTUVXY23456789";
const LENGTH = 12;
const GROUP = 4;
// Largest multiple of the alphabet size below 256: bytes above it are skipped, so every symbol is equally likely.
const UNBIASED_LIMIT = 256 - (256 % ALPHABET.length);

/** A new random tracking code in its canonical form (12 symbols, no dashes). */
export function generateTrackingCode(): string {
  let code = "";
  while (code.length < LENGTH) {
    for (const byte of randomBytesPooled(LENGTH * 2)) {
      if (byte < UNBIASED_LIMIT && code.length < LENGTH) code += ALPHABET[byte % ALPHABET.length];
    }
  }
  return code;
}

/** The canonical form of what a citizen typed (any case, spaces or dashes), or undefined if it cannot be a code. */
export function parseTrackingCode(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s\-–—._]/g, "");
  if (compact.length !== LENGTH) return undefined;
  for (const ch of compact) if (!ALPHABET.includes(ch)) return undefined;
  return compact;
}

/** The code as shown and read aloud: `ABCD-EFGH-KLMN`. */
export function formatTrackingCode(code: string): string {
  return code.match(new RegExp(`.{1,${GROUP}}`, "g"))?.join("-") ?? code;
}
