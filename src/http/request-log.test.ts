import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";

/** A request log line as pino writes it. */
interface LogLine {
  reqId?: string;
  msg: string;
  req?: { method: string; url: string; remoteAddress?: string; remotePort?: number };
}

describe.each(ENGINES)("request logs on %s", (engine) => {
  const lines: LogLine[] = [];
  let text = "";
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let unitId: string;

  beforeAll(async () => {
    const stream = {
      write(line: string) {
        text += line;
        lines.push(JSON.parse(line) as LogLine);
      },
    };
    t = await buildTestApp(engine, { logger: { level: "info", stream } });
    unitId = (await createTestUnit(t.db)).id;
  });
  afterAll(() => t.close());

  const incoming = (method: string, path: string) =>
    lines.filter((l) => l.msg === "incoming request" && l.req?.method === method && l.req.url.startsWith(path));

  it("keep no address for a citizen's submission or rating, nor any trace of the tracking code", async () => {
    const citizen = "203.0.113.77";
    const submitted = await t.app.inject({
      method: "POST",
      url: "/api/public/opinions",
      remoteAddress: citizen,
      payload: { unitId, content: "Đèn đường ở thôn 3 bị hỏng đã lâu." },
    });
    expect(submitted.statusCode).toBe(201);
    const { trackingCode } = submitted.json() as { trackingCode: string };
    await t.app.inject({ method: "GET", url: `/api/public/opinions/${trackingCode}`, remoteAddress: citizen });
    await t.app.inject({
      method: "POST",
      url: `/api/public/opinions/${trackingCode}/rating`,
      remoteAddress: citizen,
      payload: { score: 5 },
    });
    await t.app.inject({ method: "GET", url: `/track/${trackingCode}`, remoteAddress: citizen });

    const writes = [...incoming("POST", "/api/public/opinions")];
    expect(writes.map((l) => l.req?.url)).toEqual(["/api/public/opinions", "/api/public/opinions/{trackingCode}/rating"]);
    for (const line of writes) expect(line.req).not.toHaveProperty("remoteAddress");
    // The address of the submission is not in any line tied to its request, nor is the code anywhere.
    const writeIds = new Set(writes.map((l) => l.reqId));
    expect(JSON.stringify(lines.filter((l) => writeIds.has(l.reqId)))).not.toContain(citizen);
    expect(incoming("GET", "/api/public/opinions").map((l) => l.req?.url)).toEqual(["/api/public/opinions/{trackingCode}"]);
    expect(incoming("GET", "/track").map((l) => l.req?.url)).toEqual(["/track/{trackingCode}"]);
    expect(text).not.toContain(trackingCode);
  });

  it("keep no address for a request sent through Open311", async () => {
    const citizen = "203.0.113.78";
    const sent = await t.app.inject({
      method: "POST",
      url: "/open311/v2/requests.json",
      remoteAddress: citizen,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ jurisdiction_id: unitId, service_code: "traffic", description: "Xe tải chở quá tải qua cầu." }).toString(),
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const [line] = incoming("POST", "/open311/");
    expect(line?.req).not.toHaveProperty("remoteAddress");
    expect(JSON.stringify(lines.filter((l) => l.reqId === line?.reqId))).not.toContain(citizen);
  });

  it("keep an officer's address but not the words searched for, nor any query value that could name a person", async () => {
    const officer = await createTestUser(t.db, { unitId });
    const cookie = await loginAs(t.app, officer.username);
    const response = await t.app.inject({
      method: "GET",
      url: `/api/opinions?q=${encodeURIComponent("Nguyễn Văn Bình")}&status=RECEIVED&fileName=ho-so-tran-thi-c.xlsx`,
      headers: { cookie },
      remoteAddress: "198.51.100.20",
    });
    expect(response.statusCode).toBe(200);
    const [line] = incoming("GET", "/api/opinions");
    expect(line?.req).toMatchObject({
      url: "/api/opinions?q=[redacted]&status=RECEIVED&fileName=[redacted]",
      remoteAddress: "198.51.100.20",
    });
    expect(text).not.toMatch(/Nguy|Binh|B%C3%ACnh|tran-thi/);
  });
});
