import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { createUser, getUserActor } from "../auth/auth.service.ts";
import type { Keys } from "../crypto/keys.ts";
import { seedDemoForums } from "../forums/forums.seed.ts";
import { submitOpinion } from "../opinions/opinions.intake.service.ts";
import { submitAnswer } from "../opinions/opinions.answers.service.ts";
import { applyOpinionStep } from "../opinions/opinions.steps.service.ts";
import { seedDemoSurveys } from "../surveys/surveys.demo.ts";
import { createUnit } from "../units/units.service.ts";
import type { Database } from "./schema.ts";

/** Fixed ids so that demo QR links (`/?unit=<id>`) stay the same across fresh installs. */
export const DEMO_UNIT_IDS = {
  province: "5a1e0000-0000-4000-8000-000000000038",
  trafficDivision: "5a1e0000-0000-4000-8000-000000000108",
  districtThieuHoa: "5a1e0000-0000-4000-8000-000000000390",
  hacThanh: "5a1e0000-0000-4000-8000-000000001001",
  thieuHoa: "5a1e0000-0000-4000-8000-000000001002",
  thieuQuang: "5a1e0000-0000-4000-8000-000000001003",
  thieuTien: "5a1e0000-0000-4000-8000-000000001004",
  thieuToan: "5a1e0000-0000-4000-8000-000000001005",
  thieuTrung: "5a1e0000-0000-4000-8000-000000001006",
} as const;

/** The demo accounts; all share one password. */
export const DEMO_USERS = [
  { username: "admin", displayName: "Quản trị hệ thống", role: "admin", unit: "province" },
  { username: "tinh.lanhdao", displayName: "Đại tá Lê Văn Hùng", role: "leader", unit: "province" },
  { username: "tinh.thanhtra", displayName: "Thượng tá Phạm Thị Lan", role: "inspector", unit: "province" },
  { username: "xa.lanhdao", displayName: "Thiếu tá Nguyễn Văn Minh", role: "leader", unit: "thieuHoa" },
  { username: "xa.canbo", displayName: "Đại úy Trần Thị Hoa", role: "officer", unit: "thieuHoa" },
] as const;

/**
 * Seeds Công an tỉnh Thanh Hóa: a division, the former Công an huyện Thiệu Hóa (until 28/02/2025) and
 * the commune-level units that succeeded it, plus Phường Hạc Thành; demo users; a few opinions.
 * Returns the demo password (the given one, or a new random one).
 */
export async function seedDemo({
  db,
  keys,
  password = randomBytes(9).toString("base64url"),
}: {
  db: Kysely<Database>;
  keys: Keys;
  password?: string;
}): Promise<{ password: string }> {
  const ids = DEMO_UNIT_IDS;
  await db.transaction().execute(async (trx) => {
    await createUnit({
      db: trx,
      unit: {
        id: ids.province,
        name: "Công an tỉnh Thanh Hóa",
        shortName: "CATH",
        levelCode: "province",
        parentId: null,
        areaCode: "38",
        validFrom: "1976-01-01",
      },
    });
    await createUnit({
      db: trx,
      unit: {
        id: ids.trafficDivision,
        name: "Phòng Cảnh sát giao thông",
        shortName: "PC08",
        levelCode: "division",
        parentId: ids.province,
        validFrom: "1976-01-01",
      },
    });
    await createUnit({
      db: trx,
      unit: {
        id: ids.districtThieuHoa,
        name: "Công an huyện Thiệu Hóa",
        shortName: "CAH Thiệu Hóa",
        levelCode: "district",
        parentId: ids.province,
        areaCode: "390",
        validFrom: "1976-01-01",
        validTo: "2025-02-28",
      },
    });
    const communes = [
      { key: "hacThanh", name: "Công an phường Hạc Thành", short: "CAP Hạc Thành", fromThieuHoa: false },
      { key: "thieuHoa", name: "Công an xã Thiệu Hóa", short: "CAX Thiệu Hóa", fromThieuHoa: true },
      { key: "thieuQuang", name: "Công an xã Thiệu Quang", short: "CAX Thiệu Quang", fromThieuHoa: true },
      { key: "thieuTien", name: "Công an xã Thiệu Tiến", short: "CAX Thiệu Tiến", fromThieuHoa: true },
      { key: "thieuToan", name: "Công an xã Thiệu Toán", short: "CAX Thiệu Toán", fromThieuHoa: true },
      { key: "thieuTrung", name: "Công an xã Thiệu Trung", short: "CAX Thiệu Trung", fromThieuHoa: true },
    ] as const;
    for (const commune of communes) {
      await createUnit({
        db: trx,
        unit: {
          id: ids[commune.key],
          name: commune.name,
          shortName: commune.short,
          levelCode: "commune",
          parentId: ids.province,
          validFrom: "2025-07-01",
          successorOf: commune.fromThieuHoa ? [ids.districtThieuHoa] : [],
        },
      });
    }
  });
  const userIds = new Map<string, string>();
  for (const user of DEMO_USERS) {
    const id = await createUser({
      db,
      user: { username: user.username, displayName: user.displayName, password, role: user.role, unitId: ids[user.unit] },
    });
    userIds.set(user.username, id);
  }
  await seedDemoOpinions({
    db,
    keys,
    officerId: userIds.get("xa.canbo") ?? "",
    leaderId: userIds.get("xa.lanhdao") ?? "",
  });
  await seedDemoForums({
    db,
    keys,
    leaderId: userIds.get("xa.lanhdao") ?? "",
    officerId: userIds.get("xa.canbo") ?? "",
    unitId: ids.thieuHoa,
  });
  await seedDemoSurveys({
    db,
    leader: await getUserActor({ db, userId: userIds.get("tinh.lanhdao") ?? "" }),
    unitIds: [ids.hacThanh, ids.thieuHoa, ids.thieuQuang, ids.thieuTien, ids.thieuToan, ids.thieuTrung],
  });
  return { password };
}

async function seedDemoOpinions({
  db,
  keys,
  officerId,
  leaderId,
}: {
  db: Kysely<Database>;
  keys: Keys;
  officerId: string;
  leaderId: string;
}) {
  const citizen = { kind: "public" } as const;
  const officer = await getUserActor({ db, userId: officerId });
  const leader = await getUserActor({ db, userId: leaderId });
  const base = { unitId: DEMO_UNIT_IDS.thieuHoa, channel: "web" as const, publicConsent: false, aboutUnitConduct: false, targetOfficer: undefined };
  const submit = (input: Partial<Parameters<typeof submitOpinion>[0]["input"]> & { content: string }) =>
    submitOpinion({ db, keys, actor: citizen, input: { ...base, kind: "reflection", topics: [], ...input } });

  await submit({
    topics: ["traffic"],
    content:
      "Buổi tối ở khu vực chợ thường có nhóm thanh niên đi xe máy tốc độ cao, nẹt pô gây mất an toàn. Đề nghị công an xã tăng cường tuần tra.",
  });
  await submit({
    kind: "question",
    topics: ["admin_procedures"],
    content: "Tôi muốn hỏi thủ tục đăng ký thường trú cho con mới sinh cần những giấy tờ gì và làm ở đâu?",
    contact: { name: "Nguyễn Thị Mai", phone: "0912 345 678", email: undefined },
    anonymous: false,
    publicConsent: true,
  });
  const praised = await submit({
    kind: "praise",
    topics: ["praise"],
    content: "Cảm ơn cán bộ công an xã đã hỗ trợ người dân làm căn cước nhanh chóng, thái độ nhiệt tình.",
  });
  await submitAnswer({
    db,
    keys,
    actor: leader,
    opinionId: praised.opinionId,
    content: "Công an xã Thiệu Hóa trân trọng cảm ơn ý kiến của bà con và sẽ tiếp tục phục vụ Nhân dân tốt hơn.",
  });
  // A draft awaiting the leader's approval, so that the approval screen has something to show.
  const gambling = await submit({
    kind: "recommendation",
    topics: ["gambling"],
    publicConsent: true,
    content: "Đề nghị kiểm tra tụ điểm đánh bạc, lô đề ở quán nước đầu thôn vào các buổi tối cuối tuần.",
  });
  await submitAnswer({
    db,
    keys,
    actor: officer,
    opinionId: gambling.opinionId,
    content:
      "Công an xã đã tiếp nhận và sẽ phối hợp với Ban công tác Mặt trận thôn kiểm tra, xử lý theo quy định; kết quả sẽ được thông báo công khai.",
  });
  // A crime report: recorded, then routed to its own legal procedure.
  const report = await submit({
    kind: "crime_report",
    topics: ["theft"],
    content: "Đêm qua nhà tôi ở thôn 3 bị mất trộm một xe máy, đã trình báo nhưng muốn theo dõi kết quả.",
  });
  await applyOpinionStep({
    db,
    keys,
    actor: officer,
    opinionId: report.opinionId,
    step: { action: "route", to: "Cơ quan Cảnh sát điều tra Công an tỉnh Thanh Hóa", note: undefined },
  });
}
