import type { Role } from "../src/auth/actor.ts";

/*
 * Who may do what in the console, as data: for every operation that needs a session, the roles that may
 * succeed (2xx) and where the target lies relative to the user's unit. The user's unit is "own"; "below" is a
 * unit under it; "above" its parent; "beside" a sibling. Everything not listed here must be refused: 401
 * without a session, 403 with one (403 whatever the resource's state: a refusal never tells its state).
 * test/authz-matrix.test.ts checks every operation of the OpenAPI document against this table.
 */

/** Where the target of a request lies relative to the user's unit subtree. */
export type Position = "own" | "above" | "beside" | "below";

/** Every position, in the order the matrix tries them. */
export const POSITIONS: readonly Position[] = ["own", "above", "beside", "below"];

/** What an operation allows: the positions each role may act on (absent: refused everywhere). */
export interface Expected {
  allow: Partial<Record<Role, readonly Position[]>>;
  /** Open without a session (login, logout, the unit list): only checked for server errors. */
  open?: true;
  /** A server-sent event stream: read until its status line only. */
  stream?: true;
}

/** The user's unit and its subtree. */
const SUBTREE: readonly Position[] = ["own", "below"];
/** The user's unit itself (a campaign's evaluating unit, a forum's organising unit). */
const OWN: readonly Position[] = ["own"];
/** Operations without a target unit. */
const ANYWHERE = [...POSITIONS];

const everyone = (positions: readonly Position[]) => ({ allow: { admin: positions, leader: positions, officer: positions, inspector: positions } });
/** Officers and leaders handle opinions, run forums and enter survey data; admins and inspectors do not. */
const handlers = (positions: readonly Position[]) => ({ allow: { leader: positions, officer: positions } });
const leaders = (positions: readonly Position[]) => ({ allow: { leader: positions } });
/** Leaders and admins set campaigns up (create, edit, publish, link to a forum). */
const organisers = (positions: readonly Position[]) => ({ allow: { leader: positions, admin: positions } });
/** Inspectors and leaders decide on flagged survey responses. */
const reviewers = (positions: readonly Position[]) => ({ allow: { leader: positions, inspector: positions } });

/** The expected outcome of every console operation, keyed by "METHOD path" as in the OpenAPI document. */
export const EXPECTED: Readonly<Record<string, Expected>> = {
  "GET /api/units": { allow: {}, open: true },
  "POST /api/auth/login": { allow: {}, open: true },
  "POST /api/auth/logout": { allow: {}, open: true },
  "GET /api/auth/me": everyone(ANYWHERE),

  "POST /api/opinions": handlers(SUBTREE),
  "GET /api/opinions": everyone(SUBTREE),
  "GET /api/opinions/{id}": everyone(SUBTREE),
  "GET /api/opinions/{id}/assignees": everyone(SUBTREE),
  "GET /api/opinions/{id}/similar": everyone(SUBTREE),
  "GET /api/opinions/{id}/contact": leaders(SUBTREE),
  // The matrix's step is an answer on the spot to an opinion sent from the web: a leader's alone.
  "POST /api/opinions/{id}/steps": leaders(SUBTREE),
  "POST /api/opinions/bulk-steps": handlers(SUBTREE),
  "POST /api/opinions/{id}/answers": handlers(SUBTREE),
  "POST /api/opinions/{id}/answers/{answerId}/approve": leaders(SUBTREE),
  "POST /api/opinions/{id}/answers/{answerId}/return": leaders(SUBTREE),
  // Whoever reads the opinion prints its answer letter; the contributor's name only for those who may see it.
  "GET /api/opinions/{id}/answer-letter.docx": everyone(SUBTREE),
  "GET /api/opinions/{id}/remedial-actions": everyone(SUBTREE),
  "POST /api/opinions/{id}/remedial-actions": handlers(SUBTREE),
  "POST /api/remedial-actions/{id}/status": handlers(SUBTREE),

  "POST /api/opinion-imports": handlers(SUBTREE),
  "GET /api/opinion-imports/{id}": handlers(SUBTREE),
  "POST /api/opinion-imports/{id}/mapping": handlers(SUBTREE),
  "POST /api/opinion-imports/{id}/commit": handlers(SUBTREE),

  "GET /api/forums": everyone(SUBTREE),
  "POST /api/forums": handlers(SUBTREE),
  "GET /api/forums/coverage": everyone(SUBTREE),
  "GET /api/forums/stats": everyone(SUBTREE),
  "GET /api/forums/{id}": everyone(SUBTREE),
  "PUT /api/forums/{id}": handlers(SUBTREE),
  "POST /api/forums/{id}/status": handlers(SUBTREE),
  "GET /api/forums/{id}/campaigns": everyone(SUBTREE),
  "POST /api/forums/{id}/campaigns": organisers(OWN),
  "POST /api/forums/{id}/entries": handlers(SUBTREE),
  // The chair's screens (every item, pending ones with their original text) are for those who run the forum.
  "GET /api/forums/{id}/items": handlers(SUBTREE),
  "POST /api/forums/{id}/items/{itemId}/moderation": handlers(SUBTREE),
  "POST /api/forums/{id}/items/{itemId}/mark": handlers(SUBTREE),
  "PUT /api/forums/{id}/items/{itemId}/topics": handlers(SUBTREE),
  "GET /api/forums/{id}/live": { ...handlers(SUBTREE), stream: true },
  "GET /api/forums/{id}/minutes": everyone(SUBTREE),
  "PUT /api/forums/{id}/minutes": handlers(SUBTREE),
  "POST /api/forums/{id}/minutes/finalise": leaders(SUBTREE),
  "GET /api/forums/{id}/minutes.docx": everyone(SUBTREE),
  "GET /api/forums/{id}/poster.docx": everyone(SUBTREE),
  "POST /api/forums/{id}/report-file": handlers(SUBTREE),

  "GET /api/surveys/templates": everyone(ANYWHERE),
  "GET /api/surveys/fields-of-work": everyone(ANYWHERE),
  "GET /api/surveys/campaigns": everyone(ANYWHERE),
  "POST /api/surveys/campaigns": organisers(SUBTREE),
  "GET /api/surveys/campaigns/{campaignId}": everyone(SUBTREE),
  "PATCH /api/surveys/campaigns/{campaignId}": organisers(OWN),
  "POST /api/surveys/campaigns/{campaignId}/publish": organisers(OWN),
  "GET /api/surveys/campaigns/{campaignId}/paper-template.xlsx": everyone(SUBTREE),
  "GET /api/surveys/campaigns/{campaignId}/flags": reviewers(SUBTREE),
  "POST /api/surveys/responses/{responseId}/decision": reviewers(SUBTREE),
  // Per evaluated unit of a campaign the user sees: the target is the evaluated unit.
  "GET /api/surveys/campaigns/{campaignId}/units/{unitId}/qr.svg": everyone(SUBTREE),
  "GET /api/surveys/campaigns/{campaignId}/units/{unitId}/poster.docx": everyone(SUBTREE),
  "GET /api/surveys/campaigns/{campaignId}/units/{unitId}/paper-form.docx": everyone(SUBTREE),
  "POST /api/surveys/campaigns/{campaignId}/units/{unitId}/codes": handlers(SUBTREE),
  "POST /api/surveys/campaigns/{campaignId}/units/{unitId}/codes.docx": handlers(SUBTREE),
  "POST /api/surveys/campaigns/{campaignId}/units/{unitId}/paper-forms": handlers(SUBTREE),
  "POST /api/surveys/campaigns/{campaignId}/units/{unitId}/paper-import": handlers(SUBTREE),
  "POST /api/surveys/campaigns/{campaignId}/units/{unitId}/paper-counts": handlers(SUBTREE),
  "GET /api/satisfaction/dashboard": everyone(SUBTREE),
  "GET /api/satisfaction/dashboard.xlsx": everyone(SUBTREE),
};
