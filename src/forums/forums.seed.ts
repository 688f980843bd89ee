import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { getUserActor } from "../auth/auth.service.ts";
import type { Keys } from "../crypto/keys.ts";
import type { Database } from "../db/index.ts";
import { QUIET_LIVE } from "./forums.live.ts";
import { enterForumOpinion, markForumItem, moderateForumItem, sendForumOpinion } from "./forums.live.service.ts";
import { finaliseForumMinutes, saveMinutesDraft } from "./forums.minutes.service.ts";
import { createForum, editForum, moveForum } from "./forums.service.ts";
import { now, nowMs } from "../calendar/clock.ts";

const HOUR = 3_600_000;

/**
 * Demo forums of Công an xã Thiệu Hóa: one held today (opinions spoken and sent from phones, answered on the
 * spot or in writing, finalised minutes) and one upcoming in ten days.
 */
export async function seedDemoForums({
  db,
  keys,
  leaderId,
  officerId,
  unitId,
}: {
  db: Kysely<Database>;
  keys: Keys;
  leaderId: string;
  officerId: string;
  unitId: string;
}) {
  const leader = await getUserActor({ db, userId: leaderId });
  const officer = await getUserActor({ db, userId: officerId });
  const live = QUIET_LIVE;
  const common = {
    unitId,
    coOrganisers: "Ban Dân vận Đảng ủy xã, Ủy ban MTTQ Việt Nam xã Thiệu Hóa",
    chairName: "Thiếu tá Nguyễn Văn Minh, Trưởng Công an xã",
    secretaryName: "Đại úy Trần Thị Hoa",
    locationUnitId: unitId,
    keyFigures: [
      { label: "Tiếp nhận, phân loại tin báo, tố giác tội phạm", value: "100%" },
      { label: "Điều tra làm rõ các vụ phạm tội nghiêm trọng", value: "100%" },
      { label: "Cấp căn cước cho công dân đủ điều kiện", value: "98,6%" },
    ],
    reportText:
      "9 tháng năm 2026, tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn xã cơ bản ổn định. Công an xã đã triệt phá một nhóm cho vay lãi nặng, vận động người dân giao nộp 3 khẩu súng tự chế.",
  };
  const pastInput = {
    ...common,
    title: "Công an lắng nghe ý kiến Nhân dân thôn Yên Lộ",
    hamlet: "Thôn Yên Lộ",
    place: "Nhà văn hóa thôn Yên Lộ",
    startsAt: new Date(nowMs() - 2 * HOUR).toISOString(),
    invitedGroups: "Người dân thôn Yên Lộ, Chi hội Phụ nữ, Chi đoàn Thanh niên, Hội Người cao tuổi",
    expectedAttendance: 120,
  };
  const past = await createForum({ db, actor: leader, publicBase: "", input: pastInput });
  await moveForum({ db, actor: leader, forumId: past.id, action: "start" });
  const spoken = [
    { speaker: "Ông Lê Văn Tám, thôn Yên Lộ", kind: "reflection" as const, content: "Xe tải chở đất chạy qua đường liên thôn buổi tối, quá tải, làm hỏng đường và mất an toàn cho học sinh." },
    { speaker: undefined, kind: "question" as const, content: "Người cao tuổi không đi lại được thì làm căn cước thế nào? Có được làm tại nhà không?" },
    { speaker: "Bà Nguyễn Thị Lan, Chi hội Phụ nữ", kind: "praise" as const, content: "Cảm ơn Công an xã đã nhanh chóng giúp bà con lấy lại tiền bị lừa qua mạng." },
  ];
  const items: string[] = [];
  for (const s of spoken) {
    const entry = await enterForumOpinion({
      db,
      keys,
      live,
      actor: officer,
      forumId: past.id,
      input: { content: s.content, kind: s.kind, speaker: s.speaker, topics: [], clientKey: randomUUID() },
    });
    items.push(entry.itemId);
  }
  const phone = await sendForumOpinion({
    db,
    keys,
    live,
    forumId: past.id,
    input: { content: "Đề nghị lắp thêm camera an ninh ở ngã ba chợ Yên Lộ, buổi tối hay có trộm xe máy.", kind: "recommendation", publicConsent: true },
  });
  await moderateForumItem({ db, live, actor: leader, forumId: past.id, itemId: phone.itemId, action: "show" });
  const mark = (itemId: string, input: Parameters<typeof markForumItem>[0]["input"]) =>
    markForumItem({ db, keys, live, actor: leader, forumId: past.id, itemId, input });
  await mark(items[0] ?? "", { mark: "written", note: "Công an xã phối hợp Cảnh sát giao thông kiểm tra, trả lời bằng văn bản." });
  await mark(items[1] ?? "", { mark: "on_spot", note: "Công an xã sẽ cử tổ công tác đến tận nhà làm thủ tục cho người cao tuổi, người khuyết tật." });
  await mark(items[2] ?? "", { mark: "on_spot", note: "Công an xã cảm ơn bà con và mong tiếp tục nhận được thông tin." });
  await mark(phone.itemId, { mark: "written", note: "Đề xuất UBND xã bố trí kinh phí lắp camera." });
  await editForum({
    db,
    actor: leader,
    forumId: past.id,
    publicBase: "",
    input: { ...pastInput, keyFigures: common.keyFigures, attendance: 95 },
  });
  await moveForum({ db, actor: leader, forumId: past.id, action: "end" });
  await saveMinutesDraft({
    db,
    actor: officer,
    forumId: past.id,
    input: {
      attendees: "Đại diện Ban Dân vận Đảng ủy xã, Ủy ban MTTQ xã, Chi bộ và Ban công tác Mặt trận thôn Yên Lộ; 95 người dân.",
      proceedings: "Đồng chí Trưởng Công an xã báo cáo kết quả công tác bảo đảm an ninh, trật tự 9 tháng năm 2026; bà con phát biểu ý kiến; lãnh đạo Công an xã tiếp thu, giải trình.",
      closingNote: "Biên bản được lập xong và thông qua tại hội nghị.",
      endedAt: now().toISOString(),
    },
  });
  await finaliseForumMinutes({ db, actor: leader, forumId: past.id });

  await createForum({
    db,
    actor: leader,
    publicBase: "",
    input: {
      ...common,
      title: "Công an lắng nghe ý kiến Nhân dân thôn Đông Hòa",
      hamlet: "Thôn Đông Hòa",
      place: "Hội trường thôn Đông Hòa",
      startsAt: new Date(nowMs() + 10 * 24 * HOUR).toISOString(),
      invitedGroups: "Người dân thôn Đông Hòa, hộ kinh doanh, học sinh THPT",
      expectedAttendance: 150,
    },
  });
}
