import type { App } from "../src/http/types.ts";

/** A campaign body evaluating `unitIds` with a built-in template, open from 2020 to 2099 unless given. */
export function campaignBody(unitIds: string[], overrides: Record<string, unknown> = {}) {
  return {
    title: "Khảo sát sự hài lòng của Nhân dân năm 2026",
    family: "perception",
    templateCode: "cand-3104",
    channels: ["qr", "online"],
    startsOn: "2020-01-01",
    endsOn: "2099-12-31",
    units: unitIds.map((unitId) => ({ unitId })),
    ...overrides,
  };
}

/** Creates a campaign through the API as the leader whose session cookie is given; returns its JSON. */
export async function createCampaignAs(app: App, cookie: string, body: object) {
  const response = await app.inject({ method: "POST", url: "/api/surveys/campaigns", payload: body, headers: { cookie } });
  if (response.statusCode !== 201) throw new Error(`campaign not created: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; units: { unitId: string; fieldCode: string | null; surveyPath: string; surveyUrl: string }[] };
}

/** The device cookie a public GET hands out, as a `cookie` header value. */
export async function deviceCookie(app: App, campaignId: string, unitId: string): Promise<string> {
  const response = await app.inject({ method: "GET", url: `/api/public/surveys/${campaignId}/units/${unitId}` });
  const cookie = response.cookies.find((c) => c.name === "ln_device");
  if (!cookie) throw new Error("no device cookie");
  return `ln_device=${cookie.value}`;
}

/**
 * The one-time codes printed in a code sheet's text, once each. Links are left out first: a random id in the
 * survey's URL can hold a code-like run ("…-3323-4629-…" uses the codes' alphabet only).
 */
export function printedCodes(text: string): string[] {
  const words = text.replace(/https?:\/\/\S+/g, " ");
  return [...new Set(words.match(/\b[A-HJ-KM-NP-Z2-9]{4}-[A-HJ-KM-NP-Z2-9]{4}\b/g) ?? [])];
}
