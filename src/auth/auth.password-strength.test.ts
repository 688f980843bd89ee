import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../../test/factories.ts";
import { AppError } from "../http/errors.ts";
import { translate } from "../http/messages.ts";
import { assertStrongPassword } from "./auth.password-strength.ts";

/** The code of the refusal of `password`, or "accepted". */
function verdict(password: string, personalInputs: string[] = []): string {
  try {
    assertStrongPassword(password, personalInputs);
    return "accepted";
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.statusCode).toBe(400);
    expect(error.options.field).toBe("password");
    return error.code;
  }
}

describe("the password rule", () => {
  it.each([
    ["aaaaaaaaaaaa", "auth.password_pattern"],
    ["            ", "auth.password_pattern"],
    ["123456789012", "auth.password_common"],
    ["matkhau12345", "auth.password_common"],
    ["mậtkhẩu12345", "auth.password_common"],
    ["congan123456", "auth.password_common"],
    ["Anhyeuem2024", "auth.password_common"],
    ["qwertyuiopas", "auth.password_common"],
    ["01/02/1990abc", "auth.password_pattern"],
    ["ngắn-quá-1", "auth.password_too_short"],
  ])("refuses %j (%s)", (password, code) => {
    expect(verdict(password)).toBe(code);
  });

  it("refuses a password built on the account's own user name or name", () => {
    expect(verdict("xa.canbo.2026!!", ["xa.canbo", "Trần Thị Hoa"])).toBe("auth.password_personal");
    expect(verdict("TrầnThịHoa2026", ["xa.canbo", "Trần Thị Hoa"])).toBe("auth.password_personal");
  });

  it("accepts the test, demo and benchmark passwords, and random demo passwords", () => {
    for (const password of [TEST_PASSWORD, "mat-khau-demo-e2e", "demo-password-1", "mat-khau-bench-0123", "một-mật-khẩu-dài"]) {
      expect(verdict(password, ["bench.canbo", "Cán bộ thử"])).toBe("accepted");
    }
    for (let i = 0; i < 50; i++) expect(verdict(randomBytes(9).toString("base64url"))).toBe("accepted");
  });

  it.each(["auth.password_too_short", "auth.password_common", "auth.password_pattern", "auth.password_personal", "auth.password_guessable"] as const)(
    "says why in Vietnamese and English (%s)",
    (code) => {
      expect(translate(code, "vi", { min: 12 })).toMatch(/^Mật khẩu/);
      expect(translate(code, "en", { min: 12 })).toMatch(/^The password/);
    },
  );
});
