import { dayInVietnam, startOfDayInVietnam, todayInVietnam } from "../text/dates.ts";
import type { App } from "../http/types.ts";

/** A forum body for tests: tomorrow (in Vietnam, by the product's clock) at 08:00 Vietnam time. */
export function forumBody(unitId: string, overrides: Record<string, unknown> = {}) {
  const tomorrow = dayInVietnam(startOfDayInVietnam(todayInVietnam(), 1));
  return {
    unitId,
    title: "Công an lắng nghe ý kiến Nhân dân thôn Đông Hòa",
    coOrganisers: "Ban Dân vận Đảng ủy, Ủy ban MTTQ xã",
    startsAt: `${tomorrow}T08:00:00+07:00`,
    place: "Nhà văn hóa thôn Đông Hòa",
    hamlet: "Thôn Đông Hòa",
    chairName: "Thượng tá Lê Văn Hùng",
    secretaryName: "Đại úy Nguyễn Thị Mai",
    invitedGroups: "Người dân thôn Đông Hòa, Chi hội Phụ nữ, Đoàn Thanh niên",
    expectedAttendance: 120,
    reportText: "9 tháng năm 2026, tình hình an ninh trật tự trên địa bàn ổn định.",
    keyFigures: [{ label: "Tiếp nhận tin báo, tố giác tội phạm", value: "100%" }],
    ...overrides,
  };
}

/** Creates a forum through the API and returns its id (fails the test otherwise). */
export async function createForumViaApi(app: App, cookie: string, body: object): Promise<string> {
  const response = await app.inject({ method: "POST", url: "/api/forums", payload: body, headers: { cookie } });
  if (response.statusCode !== 201) throw new Error(`forum not created: ${response.statusCode} ${response.body}`);
  return response.json().id as string;
}

/** A device cookie for the public forum endpoints, as a phone gets it on opening the forum page. */
export async function phoneCookie(app: App, forumId: string): Promise<string> {
  const response = await app.inject({ method: "GET", url: `/api/public/forums/${forumId}` });
  const cookie = response.cookies.find((c) => c.name === "ln_device");
  if (!cookie) throw new Error("no device cookie");
  return `ln_device=${cookie.value}`;
}
