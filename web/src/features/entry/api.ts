import { apiPost } from "../../app/api-client";
import type { ContactInput, OpinionKind, OpinionStatus } from "../opinions/api";

/** Body of `POST /api/opinions`: an opinion an officer enters (forum speech, hotline call, letter…). */
export interface EntryBody {
  unitId: string;
  channel: string;
  kind: OpinionKind;
  content: string;
  receivedAt: string;
  topics: string[];
  anonymous: boolean;
  contact?: ContactInput;
  publicConsent: boolean;
  /** Made in the browser once per entry: a resend after a lost answer stores nothing twice. */
  clientKey: string;
  /** At a forum: who spoke, as the secretary heard it (empty for an anonymous speaker). */
  speaker?: string;
}

/** Sends one entry; the same `clientKey` always yields the same tracking code. */
export function sendEntry(body: EntryBody): Promise<{ trackingCode: string; status: OpinionStatus }> {
  return apiPost<{ trackingCode: string; status: OpinionStatus }>("/api/opinions", body);
}
