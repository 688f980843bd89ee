import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";
import { createEmailChannel, type NotificationChannel } from "../notifications/notifications.service.ts";
import { sendOpinionNotifications, sweepDeadlines } from "./opinions.jobs.ts";
import { useSuiteClock } from "../../test/clock.ts";
import { now as clockNow } from "../calendar/clock.ts";

useSuiteClock();

/** A real SMTP server on loopback that keeps every message it receives. */
async function startMailbox() {
  const messages: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (raw += chunk));
      stream.on("end", () => {
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { messages, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The text of a received message, with its quoted-printable soft breaks and escapes undone. */
function bodyOf(raw: string): string {
  const decoded = raw
    .replace(/=\r?\n/g, "")
    .replace(/(=[0-9A-F]{2})+/g, (run) => Buffer.from(run.replace(/=/g, ""), "hex").toString("utf8"));
  return decoded;
}

describe.each(ENGINES)("background jobs on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let province: { id: string };
  let commune: { id: string };
  let leader: string;
  let officer: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    mailbox = await startMailbox();
    province = await createTestUnit(t.db);
    commune = await createTestUnit(t.db, { parentId: province.id, name: "Công an xã Thử Nghiệm" });
    leader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: commune.id })).username);
    officer = await loginAs(t.app, (await createTestUser(t.db, { role: "officer", unitId: commune.id })).username);
  });
  afterAll(async () => {
    await mailbox.close();
    await t.close();
  });

  const submit = async (payload: object) => {
    const response = await t.app.inject({ method: "POST", url: "/api/public/opinions", payload: { unitId: commune.id, ...payload } });
    expect(response.statusCode, response.body).toBe(201);
    const code = response.json().trackingCode as string;
    const { id } = await t.db.selectFrom("opinions").select("id").where("tracking_code", "=", code.replaceAll("-", "")).executeTakeFirstOrThrow();
    return { id, code };
  };
  const answer = (id: string, content: string) =>
    t.app.inject({ method: "POST", url: `/api/opinions/${id}/answers`, payload: { content }, headers: { cookie: leader } });
  const eventsOf = async (id: string, type: string) =>
    t.db.selectFrom("opinion_events").selectAll().where("opinion_id", "=", id).where("type", "=", type).execute();

  it("reminds before the deadline and escalates after it, each opinion once even with two sweeps at the same time", async () => {
    const soon = await submit({ content: "Sắp đến hạn" });
    const late = await submit({ content: "Đã quá hạn" });
    const later = await submit({ content: "Còn lâu mới đến hạn" });
    const now = clockNow();
    await t.db.updateTable("opinions").set({ answer_due_at: new Date(now.getTime() + 2 * 3_600_000) }).where("id", "=", soon.id).execute();
    await t.db.updateTable("opinions").set({ answer_due_at: new Date(now.getTime() - 3_600_000) }).where("id", "=", late.id).execute();

    const runs = await Promise.all([sweepDeadlines({ db: t.db, now }), sweepDeadlines({ db: t.db, now })]);
    expect(runs.reduce((sum, r) => sum + r.reminded, 0)).toBe(1);
    expect(runs.reduce((sum, r) => sum + r.escalated, 0)).toBe(1);
    expect(await sweepDeadlines({ db: t.db, now: new Date(now.getTime() + 60_000) })).toEqual({ reminded: 0, escalated: 0 });

    expect(await eventsOf(soon.id, "reminder")).toHaveLength(1);
    expect(await eventsOf(late.id, "escalated")).toHaveLength(1);
    expect(await eventsOf(later.id, "reminder")).toHaveLength(0);
    const escalated = await t.db.selectFrom("opinions").select(["escalated_to_unit_id"]).where("id", "=", late.id).executeTakeFirstOrThrow();
    expect(escalated.escalated_to_unit_id).toBe(province.id);
    const audit = await t.db.selectFrom("audit_log").select(["actor_label", "action"]).where("entity_id", "=", late.id).where("action", "=", "opinion.escalate").execute();
    expect(audit).toEqual([{ actor_label: "system:deadlines", action: "opinion.escalate" }]);

    // The superior unit finds it with the "escalated" filter; the citizen's timeline does not show these internal steps.
    const provinceLeader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: province.id })).username);
    const items = (await t.app.inject({ url: "/api/opinions?escalated=true", headers: { cookie: provinceLeader } })).json().items;
    expect(items.map((i: { id: string }) => i.id)).toEqual([late.id]);
    expect(items[0]).toMatchObject({ isEscalated: true, isOverdue: true });
    const tracked = (await t.app.inject({ url: `/api/public/opinions/${late.code}` })).json();
    expect(tracked.history.map((h: { type: string }) => h.type)).toEqual(["received"]);
  });

  it("e-mails the answer through SMTP exactly once, to the contributor and to those merged into it, then marks them NOTIFIED", async () => {
    const channel = createEmailChannel({ smtpUrl: mailbox.url, from: "Lắng nghe <no-reply@langnghe.test>" });
    const primary = await submit({ content: "Đèn đường hỏng", contact: { email: "mai@example.vn" }, anonymous: false });
    const duplicate = await submit({ content: "Đèn đường ở ngã tư hỏng", contact: { email: "lan@example.vn" }, anonymous: false });
    const anonymous = await submit({ content: "Ý kiến ẩn danh" });
    const merged = await t.app.inject({
      method: "POST",
      url: `/api/opinions/${duplicate.id}/steps`,
      payload: { action: "merge", intoCode: primary.code },
      headers: { cookie: officer },
    });
    expect(merged.statusCode).toBe(200);
    expect((await answer(primary.id, "Điện lực đã thay bóng đèn ngày 20/11.")).statusCode).toBe(201);
    expect((await answer(anonymous.id, "Đã ghi nhận.")).statusCode).toBe(201);

    const before = mailbox.messages.length;
    const runs = await Promise.all([
      sendOpinionNotifications({ db: t.db, keys: t.keys, channels: [channel], publicUrl: "https://langnghe.test" }),
      sendOpinionNotifications({ db: t.db, keys: t.keys, channels: [channel], publicUrl: "https://langnghe.test" }),
    ]);
    expect(runs.flat().filter((o) => o.outcome === "sent")).toHaveLength(2);
    const received = mailbox.messages.slice(before);
    expect(received.map((m) => m.to[0]).sort()).toEqual(["lan@example.vn", "mai@example.vn"]);
    const toMai = bodyOf(received.find((m) => m.to[0] === "mai@example.vn")!.raw);
    expect(toMai).toContain("Điện lực đã thay bóng đèn ngày 20/11.");
    expect(toMai).toContain(`https://langnghe.test/track/${primary.code}`);
    expect(toMai).toContain("Công an xã Thử Nghiệm");
    const toLan = bodyOf(received.find((m) => m.to[0] === "lan@example.vn")!.raw);
    expect(toLan).toContain("Điện lực đã thay bóng đèn ngày 20/11.");
    expect(toLan).toContain(duplicate.code);

    expect(await sendOpinionNotifications({ db: t.db, keys: t.keys, channels: [channel], publicUrl: "https://langnghe.test" })).toEqual([]);
    const states = await t.db.selectFrom("opinions").select(["id", "status", "notified_at"]).where("id", "in", [primary.id, duplicate.id, anonymous.id]).execute();
    const byId = new Map(states.map((s) => [s.id, s]));
    expect(byId.get(primary.id)?.status).toBe("NOTIFIED");
    expect(byId.get(duplicate.id)?.status).toBe("MERGED");
    expect(byId.get(duplicate.id)?.notified_at).not.toBeNull();
    expect(byId.get(anonymous.id)).toMatchObject({ status: "ANSWERED", notified_at: null });
    const tracked = (await t.app.inject({ url: `/api/public/opinions/${primary.code}` })).json();
    expect(tracked.history.map((h: { type: string }) => h.type)).toEqual(["received", "answered", "notified"]);
    const stored = await t.db.selectFrom("notifications").select("recipient_ciphertext").execute();
    expect(JSON.stringify(stored)).not.toContain("example.vn");
  });

  it("keeps a message when the mail server fails or is not configured, and retries it later", async () => {
    const opinion = await submit({ content: "Hỏi về thủ tục", contact: { email: "hung@example.vn" }, anonymous: false, kind: "question" });
    await answer(opinion.id, "Mời anh đến trụ sở.");
    const now = clockNow();
    const broken: NotificationChannel = {
      name: "email",
      send: () => Promise.reject(new Error("421 service not available")),
    };
    const failed = await sendOpinionNotifications({ db: t.db, keys: t.keys, channels: [broken], publicUrl: "https://x.test", now });
    expect(failed).toEqual([expect.objectContaining({ opinionId: opinion.id, outcome: "retry" })]);
    const row = await t.db.selectFrom("notifications").selectAll().where("opinion_id", "=", opinion.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "pending", attempts: 1, last_error: "421 service not available" });
    expect(row.next_attempt_at.getTime()).toBeGreaterThan(now.getTime());
    // Not due yet: nothing is sent before its time, even with a working server.
    const channel = createEmailChannel({ smtpUrl: mailbox.url, from: "no-reply@langnghe.test" });
    expect(await sendOpinionNotifications({ db: t.db, keys: t.keys, channels: [channel], publicUrl: "https://x.test", now })).toEqual([]);
    const later = new Date(row.next_attempt_at.getTime() + 1000);
    const sent = await sendOpinionNotifications({ db: t.db, keys: t.keys, channels: [channel], publicUrl: "https://x.test", now: later });
    expect(sent).toEqual([expect.objectContaining({ opinionId: opinion.id, outcome: "sent" })]);
    // Without any channel configured, a message waits rather than being lost.
    const second = await submit({ content: "Một câu hỏi khác", contact: { email: "ha@example.vn" }, anonymous: false });
    await answer(second.id, "Trả lời.");
    const waiting = await sendOpinionNotifications({ db: t.db, keys: t.keys, channels: [], publicUrl: "https://x.test" });
    expect(waiting).toEqual([expect.objectContaining({ opinionId: second.id, outcome: "retry" })]);
    const kept = await t.db.selectFrom("notifications").select(["status"]).where("opinion_id", "=", second.id).executeTakeFirstOrThrow();
    expect(kept.status).toBe("pending");
  });
});
