import "i18next";
import type vi from "./vi.json";

/** Types every `t()` key against vi.json, the reference translation. */
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof vi };
  }
}
