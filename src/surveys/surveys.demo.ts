import { randomUUID } from "node:crypto";
import type { UserActor } from "../auth/actor.ts";
import type { Executor } from "../db/index.ts";
import { createCampaign } from "./surveys.campaigns.service.ts";
import { submitSurveyResponse } from "./surveys.responses.service.ts";

/** The demo campaign's title. */
const DEMO_CAMPAIGN_TITLE = "Khảo sát sự hài lòng của Nhân dân năm 2026";

/** A small deterministic generator: the demo data is the same on every install. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/**
 * Seeds a campaign of Công an tỉnh Thanh Hóa over its demo communes with a few hundred responses in the
 * third and fourth quarters of 2026, each commune with its own level of satisfaction, so the dashboard
 * shows differences, intervals and a trend on the first `npm start`.
 */
export async function seedDemoSurveys({ db, leader, unitIds }: { db: Executor; leader: UserActor; unitIds: string[] }) {
  const campaign = await createCampaign({
    db,
    actor: leader,
    input: {
      title: DEMO_CAMPAIGN_TITLE,
      family: "perception",
      templateCode: "cand-3104",
      channels: ["qr", "online", "forum"],
      attributes: ["ageBand", "sex"],
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      // Communes evaluated alternately on administrative procedures and as area police (figures by field of work).
      units: unitIds.map((unitId, i) => ({ unitId, quota: 80, fieldCode: i % 2 === 0 ? "administrative" : "local" })),
    },
  });
  const random = generator(38);
  const questions = ["security", "duties", "conduct", "force"];
  const start = Date.UTC(2026, 6, 1, 2);
  const end = Date.UTC(2026, 10, 20, 2);
  for (const [index, unitId] of unitIds.entries()) {
    // Units differ: the first is praised most, the fourth least.
    const lean = [0.93, 0.86, 0.8, 0.62, 0.88, 0.75][index % 6] as number;
    const count = 40 + Math.floor(random() * 40);
    for (let i = 0; i < count; i++) {
      const answers: Record<string, number | null> = {};
      for (const q of questions) {
        const r = random();
        answers[q] = r < 0.04 ? null : r < lean * 0.45 ? 5 : r < lean ? 4 : r < lean + (1 - lean) * 0.6 ? 3 : r < lean + (1 - lean) * 0.9 ? 2 : 1;
      }
      const hasConsent = random() < 0.5;
      await submitSurveyResponse({
        db,
        campaignId: campaign.id,
        unitId,
        input: {
          clientKey: randomUUID(),
          answers,
          hasConsent,
          attributes: hasConsent ? { ageBand: ["18-29", "30-44", "45-59", "60+"][Math.floor(random() * 4)] ?? null, sex: random() < 0.5 ? "male" : "female" } : {},
          channel: random() < 0.7 ? "qr" : "forum",
        },
        deviceId: undefined,
        now: new Date(start + Math.floor(random() * (end - start))),
      });
    }
  }
  return campaign.id;
}
