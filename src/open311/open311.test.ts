import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs } from "../../test/app.ts";
import { useSuiteClock } from "../../test/clock.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

useSuiteClock();

/*
 * A client written against the GeoReport v2 specification (wiki.open311.org/GeoReport_v2), not against our
 * code: it posts form-encoded fields, reads JSON and XML by the specification's element names only, and checks
 * the fields and types the specification requires.
 */

const BASE = "/open311/v2";
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The elements named `element` of an XML document, each as { child name: text } (a tolerant reading). */
function xmlElements(xml: string, element: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${element}>([\\s\\S]*?)</${element}>`, "g"))].map(([, inner]) => {
    const fields: Record<string, string> = {};
    for (const [, name, text] of inner!.matchAll(/<(\w+)>([\s\S]*?)<\/\1>|<(\w+)\/>/g)) if (name) fields[name] = text!;
    for (const [, empty] of inner!.matchAll(/<(\w+)\/>/g)) fields[empty!] = "";
    return fields;
  });
}
const unescapeXml = (text: string) =>
  text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

interface ServiceRequest {
  service_request_id: string;
  status: string;
  status_notes: string | null;
  service_name: string | null;
  service_code: string | null;
  description: string | null;
  agency_responsible: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/** The specification's required fields of a service request, with their types. */
function expectServiceRequest(request: ServiceRequest) {
  expect(typeof request.service_request_id).toBe("string");
  expect(["open", "closed"]).toContain(request.status);
  expect(request.requested_datetime).toMatch(W3C_DATETIME);
  expect(request.updated_datetime).toMatch(W3C_DATETIME);
  if (request.expected_datetime !== null) expect(request.expected_datetime).toMatch(W3C_DATETIME);
  expect(typeof request.agency_responsible).toBe("string");
  for (const field of ["status_notes", "service_name", "service_code", "description", "address", "media_url"] as const) {
    expect(request[field] === null || typeof request[field] === "string", field).toBe(true);
  }
  for (const field of ["lat", "long"] as const) expect(request[field] === null || typeof request[field] === "number", field).toBe(true);
}

describe.each(ENGINES)("Open311 GeoReport v2, as a third-party client speaks it, on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let commune: { id: string; name: string };
  let other: { id: string };
  let leader: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    const province = await createTestUnit(t.db);
    commune = await createTestUnit(t.db, { parentId: province.id });
    other = await createTestUnit(t.db, { parentId: province.id });
    leader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: commune.id })).username);
  });
  afterAll(() => t.close());

  const post = async (fields: Record<string, string>) => {
    const response = await t.app.inject({ method: "POST", url: `${BASE}/requests.json`, headers: FORM, payload: new URLSearchParams(fields).toString() });
    return response;
  };
  const submit = async (fields: Record<string, string>) => {
    const response = await post({ jurisdiction_id: commune.id, service_code: "theft", ...fields });
    expect(response.statusCode, response.body).toBe(200);
    const [receipt, ...rest] = response.json() as { service_request_id: string; service_notice: string; account_id: string | null }[];
    expect(rest).toEqual([]);
    return receipt!;
  };
  const byId = async (id: string) => {
    const response = await t.app.inject({ url: `${BASE}/requests/${encodeURIComponent(id)}.json` });
    expect(response.statusCode, response.body).toBe(200);
    const list = response.json() as ServiceRequest[];
    expect(list).toHaveLength(1);
    expectServiceRequest(list[0]!);
    return { request: list[0]!, body: response.body };
  };
  const list = async (query: string) => {
    const response = await t.app.inject({ url: `${BASE}/requests.json?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    const requests = response.json() as ServiceRequest[];
    requests.forEach(expectServiceRequest);
    return { requests, body: response.body };
  };
  const answer = async (id: string, content: string) => {
    const opinion = await t.db
      .selectFrom("opinions")
      .select("id")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const response = await t.app.inject({
      method: "POST",
      url: `/api/opinions/${opinion.id}/answers`,
      payload: { content },
      headers: { cookie: leader },
    });
    expect(response.statusCode, response.body).toBeLessThan(300);
  };

  it("lists the services with the specification's fields, in JSON and in XML", async () => {
    const json = await t.app.inject({ url: `${BASE}/services.json` });
    expect(json.statusCode).toBe(200);
    const services = json.json() as Record<string, unknown>[];
    expect(services.length).toBeGreaterThan(5);
    for (const service of services) {
      for (const field of ["service_code", "service_name", "description", "keywords", "group"]) expect(typeof service[field], field).toBe("string");
      expect(service.metadata).toBe(false);
      expect(service.type).toBe("realtime");
    }
    expect(services.map((s) => s.service_code)).toContain("theft");

    const xml = await t.app.inject({ url: `${BASE}/services.xml?lang=en` });
    expect(xml.statusCode).toBe(200);
    expect(xml.headers["content-type"]).toMatch(/xml/);
    expect(xml.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<services>/);
    const elements = xmlElements(xml.body, "service");
    expect(elements).toHaveLength(services.length);
    expect(elements.find((s) => s.service_code === "theft")).toMatchObject({ service_name: "Theft and robbery", metadata: "false", type: "realtime" });
  });

  it("takes a form-encoded request, finds it by id and in the list while open, then closed with the answer as status_notes", async () => {
    const receipt = await submit({
      description: "Tôi là Nguyễn Văn Bình, số 0912 345 678: xe đạp bị lấy trộm trước chợ, gần cột \"đèn\" số 5.",
      address_string: "Chợ Thiệu Hóa",
      lat: "19.89",
      long: "105.67",
      first_name: "Bình",
      last_name: "Nguyễn Văn",
      phone: "0987654321",
      email: "binh.nguyen@example.com",
      public_consent: "true",
      api_key: "ignored",
    });
    expect(receipt.service_request_id).toMatch(UUID);
    // The tracking code, which rates and reopens the opinion, is told to the sender only, never used as the public id.
    const stored = await t.db.selectFrom("opinions").select("tracking_code").where("id", "=", receipt.service_request_id).executeTakeFirstOrThrow();
    expect(receipt.service_notice.replaceAll("-", "")).toContain(stored.tracking_code);
    expect(receipt.account_id).toBeNull();

    const opened = await byId(receipt.service_request_id);
    expect(opened.request).toMatchObject({
      service_request_id: receipt.service_request_id,
      status: "open",
      status_notes: null,
      service_code: "theft",
      agency_responsible: commune.name,
      lat: null,
      long: null,
    });
    expect(opened.request.description).toContain("xe đạp bị lấy trộm trước chợ");
    expect(opened.request.expected_datetime).not.toBeNull();
    const listed = await list("service_code=theft&status=open");
    expect(listed.requests.find((r) => r.service_request_id === receipt.service_request_id)?.status).toBe("open");
    // A list hands out no tracking code: whoever reads it cannot rate or reopen the opinion.
    expect(listed.body.replaceAll("-", "")).not.toContain(stored.tracking_code);
    expect((await list("status=closed")).requests.map((r) => r.service_request_id)).not.toContain(receipt.service_request_id);

    await answer(receipt.service_request_id, "Gửi anh Nguyễn Văn Bình: Công an xã đã trích xuất camera và tìm thấy xe.");
    const closed = await byId(receipt.service_request_id);
    expect(closed.request.status).toBe("closed");
    expect(closed.request.status_notes).toContain("đã trích xuất camera");
    expect((await list("status=closed")).requests.map((r) => r.service_request_id)).toContain(receipt.service_request_id);
    expect((await list("status=open")).requests.map((r) => r.service_request_id)).not.toContain(receipt.service_request_id);

    const xml = await t.app.inject({ url: `${BASE}/requests/${receipt.service_request_id}.xml` });
    expect(xml.statusCode).toBe(200);
    const [request, ...more] = xmlElements(xml.body, "request");
    expect(more).toEqual([]);
    expect(request).toMatchObject({ service_request_id: receipt.service_request_id, status: "closed", agency_responsible: commune.name });
    expect(unescapeXml(request!.status_notes!)).toContain("đã trích xuất camera");

    // Never the contact details, nor the names and number written in the text.
    for (const body of [opened.body, closed.body, listed.body, xml.body]) {
      for (const secret of ["Bình", "0912", "0987654321", "binh.nguyen", "example.com"]) expect(body).not.toContain(secret);
    }
  });

  it("lists no request whose contributor did not agree to publication, and shows its text to no one", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: `${BASE}/requests.json`,
      payload: { jurisdiction_id: commune.id, service_code: "noise", description: "Quán karaoke nhà bên hát đến 2 giờ sáng." },
    });
    expect(response.statusCode, response.body).toBe(200);
    const id = (response.json() as { service_request_id: string }[])[0]!.service_request_id;
    await answer(id, "Công an xã đã nhắc nhở chủ quán.");
    const found = await byId(id);
    expect(found.request).toMatchObject({ status: "closed", description: null, status_notes: null, service_code: "noise" });
    expect(found.body).not.toContain("karaoke");
    const listed = await list("service_code=noise");
    expect(listed.requests.map((r) => r.service_request_id)).not.toContain(id);
  });

  it("filters by service_request_id (comma list, overriding the rest), dates, status, service and jurisdiction", async () => {
    const first = await submit({ description: "Đèn đường hỏng, trộm hay lợi dụng.", public_consent: "true" });
    const second = await submit({ description: "Mất trộm gà ban đêm.", service_code: "theft", public_consent: "true" });
    const both = await list(`service_request_id=${first.service_request_id},${second.service_request_id}&service_code=drugs&status=closed`);
    expect(both.requests.map((r) => r.service_request_id).sort()).toEqual([first.service_request_id, second.service_request_id].sort());
    expect((await list("start_date=2020-01-01T00:00:00Z&end_date=2020-03-01T00:00:00Z")).requests).toEqual([]);
    expect((await list("service_code=drugs")).requests).toEqual([]);
    expect((await list(`jurisdiction_id=${other.id}`)).requests).toEqual([]);
    const mine = await list(`jurisdiction_id=${commune.id}&status=open`);
    expect(mine.requests.map((r) => r.service_request_id)).toEqual(expect.arrayContaining([first.service_request_id, second.service_request_id]));
    // Newest first, as a client polling for new requests reads them.
    const times = mine.requests.map((r) => r.requested_datetime);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("takes a form-encoded request at requests.xml and answers with the specification's XML elements", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: `${BASE}/requests.xml`,
      headers: FORM,
      payload: new URLSearchParams({ jurisdiction_id: commune.id, service_code: "traffic", description: "Xe tải chở quá tải qua cầu <Đông> & chợ.", public_consent: "true" }).toString(),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toMatch(/xml/);
    const [created, ...more] = xmlElements(response.body, "request");
    expect(more).toEqual([]);
    expect(created?.service_request_id).toMatch(UUID);
    expect(created?.account_id).toBe("");
    const xml = await t.app.inject({ url: `${BASE}/requests/${created!.service_request_id}.xml` });
    const [found] = xmlElements(xml.body, "request");
    expect(found).toMatchObject({ status: "open", service_code: "traffic", lat: "", media_url: "" });
    expect(found?.description).toContain("&lt;Đông&gt; &amp; chợ");
    expect(unescapeXml(found!.description!)).toContain("<Đông> & chợ");
  });

  it("answers errors in the specification's format [{ code, description }], in JSON and in XML", async () => {
    const expectErrors = (response: { statusCode: number; body: string; json: () => unknown }, code: number) => {
      expect(response.statusCode, response.body).toBe(code);
      const errors = response.json() as { code: unknown; description: unknown }[];
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.code).toBe(code);
        expect(typeof error.description).toBe("string");
      }
    };
    expectErrors(await t.app.inject({ url: `${BASE}/requests/ABCD-EFGH-KLMN.json` }), 404);
    expectErrors(await t.app.inject({ url: `${BASE}/requests/not-a-code.json` }), 404);
    expectErrors(await post({ jurisdiction_id: commune.id, service_code: "no_such_service", description: "Có trộm." }), 400);
    expectErrors(await post({ jurisdiction_id: commune.id, service_code: "theft" }), 400);
    expectErrors(await t.app.inject({ url: `${BASE}/requests.json?service_code=no_such_service` }), 400);
    expectErrors(await t.app.inject({ url: `${BASE}/requests.json?start_date=yesterday` }), 400);
    expectErrors(await t.app.inject({ url: `${BASE}/requests.json?start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z` }), 400);
    expectErrors(await t.app.inject({ url: `${BASE}/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z` }), 400);
    expectErrors(await t.app.inject({ url: `${BASE}/requests.json?status=pending` }), 400);
    const tooMany = Array.from({ length: 101 }, (_, i) => `ID${i}`).join(",");
    expectErrors(await t.app.inject({ url: `${BASE}/requests.json?service_request_id=${tooMany}` }), 400);
    expectErrors(await post({ jurisdiction_id: randomUUID(), service_code: "theft", description: "Có trộm." }), 422);

    const xml = await t.app.inject({ url: `${BASE}/requests/ABCD-EFGH-KLMN.xml?lang=en` });
    expect(xml.statusCode).toBe(404);
    expect(xml.headers["content-type"]).toMatch(/xml/);
    const [error] = xmlElements(xml.body, "error");
    expect(error?.code).toBe("404");
    expect(error?.description).toMatch(/\w/);
    const unknownRoute = await t.app.inject({ url: `${BASE}/nothing.xml` });
    expect(unknownRoute.statusCode).toBe(404);
    expect(xmlElements(unknownRoute.body, "error")[0]?.code).toBe("404");
  });
});

describe.each(ENGINES)("Open311 new requests under the citizen form's limit on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let unit: { id: string };

  beforeAll(async () => {
    t = await buildTestApp(engine, { publicRateLimitPerMinute: 2 });
    unit = await createTestUnit(t.db);
  });
  afterAll(() => t.close());

  it("refuses the request past the limit with 429 in the specification's format", async () => {
    const statuses: number[] = [];
    let last: { body: string; json: () => unknown } | undefined;
    for (let i = 0; i < 3; i++) {
      const response = await t.app.inject({
        method: "POST",
        url: `${BASE}/requests.json`,
        headers: FORM,
        payload: new URLSearchParams({ jurisdiction_id: unit.id, service_code: "noise", description: `Ồn ào lần ${i}` }).toString(),
      });
      statuses.push(response.statusCode);
      last = response;
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(last!.json()).toEqual([{ code: 429, description: expect.any(String) }]);
  });
});
