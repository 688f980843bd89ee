import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decryptText, deriveKeys, encryptText, hashToken, newToken } from "./keys.ts";

const SECRET = "một-bí-mật-đủ-dài-cho-thử-nghiệm-0123456789";
const key = deriveKeys(SECRET).personalData;

/** Flips one bit of the base64url part `index` (1 = IV, 2 = tag, 3 = ciphertext) of a sealed text. */
function tamper(sealed: string, index: number): string {
  const parts = sealed.split(".");
  const bytes = Buffer.from(parts[index]!, "base64url");
  bytes[0]! ^= 0x01;
  parts[index] = bytes.toString("base64url");
  return parts.join(".");
}

describe("personal-data encryption", () => {
  it("derives a 256-bit key, the same for the same secret and different for another secret", () => {
    expect(key).toHaveLength(32);
    expect(deriveKeys(SECRET).personalData.equals(key)).toBe(true);
    expect(deriveKeys(`${SECRET}!`).personalData.equals(key)).toBe(false);
    expect(deriveKeys("another-secret-of-sufficient-length-000").personalData.equals(key)).toBe(false);
  });

  it("does not use the secret itself as the key", () => {
    expect(key.equals(Buffer.from(SECRET, "utf8").subarray(0, 32))).toBe(false);
  });

  it("round-trips Vietnamese contact details", () => {
    const contact = JSON.stringify({ name: "Nguyễn Thị Mai", phone: "0912 345 678", email: "mai@example.vn" });
    const sealed = encryptText(key, contact);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("Mai");
    expect(decryptText(key, sealed)).toBe(contact);
  });

  it("round-trips the empty string", () => {
    expect(decryptText(key, encryptText(key, ""))).toBe("");
  });

  it("round-trips any text (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        expect(decryptText(key, encryptText(key, text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it("seals the same plaintext differently every time (random IV)", () => {
    const sealed = Array.from({ length: 50 }, () => encryptText(key, "Số điện thoại 0987654321"));
    expect(new Set(sealed).size).toBe(sealed.length);
    expect(new Set(sealed.map((s) => s.split(".")[1])).size).toBe(sealed.length);
    for (const s of sealed) expect(decryptText(key, s)).toBe("Số điện thoại 0987654321");
  });

  it.each([
    ["the IV", 1],
    ["the authentication tag", 2],
    ["the ciphertext", 3],
  ])("detects a change to %s", (_label, index) => {
    const sealed = encryptText(key, "Nguyễn Văn An, 0912345678");
    expect(() => decryptText(key, tamper(sealed, index))).toThrow();
  });

  it("refuses to decrypt with another secret's key", () => {
    const sealed = encryptText(key, "Trần Thị Bình");
    const otherKey = deriveKeys("another-secret-of-sufficient-length-000").personalData;
    expect(() => decryptText(otherKey, sealed)).toThrow();
  });

  it("refuses an unknown format or version", () => {
    const sealed = encryptText(key, "Lê Văn Cường");
    expect(() => decryptText(key, sealed.replace(/^v1\./, "v2."))).toThrow(/format/);
    expect(() => decryptText(key, "not a ciphertext")).toThrow(/format/);
    expect(() => decryptText(key, sealed.split(".").slice(0, 2).join("."))).toThrow(/format/);
  });
});

describe("session tokens", () => {
  it("are 256 random bits, never repeated", () => {
    const tokens = Array.from({ length: 200 }, newToken);
    for (const t of tokens) expect(Buffer.from(t, "base64url")).toHaveLength(32);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it("are stored as a SHA-256 hash that does not reveal them", () => {
    const token = newToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toContain(token);
    expect(hashToken(newToken())).not.toBe(hashToken(token));
  });
});
