/**
 * Request bodies for the benchmark: what citizens write to their commune police, varied per request.
 * Each content ends with a tag `[#<run>-<seq>]` so that the rows of a run can be matched to the
 * requests that were sent and answered (nothing lost, nothing stored twice).
 */

/** Opinion kinds accepted by POST /api/public/opinions. */
export type OpinionKind = "praise" | "reflection" | "recommendation" | "question";

/** The body both targets receive: the public submission form's required fields. */
export interface SubmissionBody {
  unitId: string;
  content: string;
  kind: OpinionKind;
}

const PLACES = [
  "thôn Đồng Bông",
  "ngã ba chợ Thiệu Hóa",
  "đường tỉnh 515 đoạn qua cầu Thiệu Hóa",
  "khu dân cư Tân Bình",
  "cổng trường THCS Thiệu Hóa",
  "thôn Phú Lai",
  "bến đò Vồm",
  "khu vực chợ Đồng",
];

const TIMES = ["khoảng 22 giờ", "sáng sớm", "giờ tan học", "chiều thứ Bảy", "ban đêm", "đầu giờ chiều"];

const TEMPLATES: { kind: OpinionKind; text: (place: string, time: string) => string }[] = [
  {
    kind: "reflection",
    text: (p, t) =>
      `Tôi phản ánh tình trạng thanh thiếu niên tụ tập, nẹt pô, đua xe máy ở ${p} vào ${t} hằng ngày, ` +
      "gây mất trật tự và nguy hiểm cho người đi đường. Đề nghị Công an xã tăng cường tuần tra, xử lý.",
  },
  {
    kind: "recommendation",
    text: (p) =>
      `Đề nghị Công an xã bố trí lực lượng phân luồng giao thông tại ${p} vào giờ cao điểm, ` +
      "vì xe tải chở vật liệu xây dựng đi qua nhiều, học sinh đi xe đạp rất nguy hiểm.",
  },
  {
    kind: "question",
    text: () =>
      "Xin hỏi thủ tục đăng ký thường trú cho con mới sinh thì cần chuẩn bị những giấy tờ gì, " +
      "có làm trực tuyến trên Cổng dịch vụ công được không, và mất bao nhiêu ngày thì có kết quả?",
  },
  {
    kind: "praise",
    text: (p) =>
      `Gia đình tôi xin cảm ơn đồng chí cán bộ Công an xã đã giúp đỡ tìm lại chiếc xe máy bị mất ở ${p}. ` +
      "Các đồng chí làm việc rất nhiệt tình, tận tụy, đúng là vì nhân dân phục vụ.",
  },
  {
    kind: "reflection",
    text: (p, t) =>
      `Ở ${p} có quán karaoke mở nhạc to đến ${t}, ảnh hưởng giấc ngủ của người già và trẻ nhỏ. ` +
      "Bà con đã nhắc nhở nhiều lần nhưng không được, mong Công an xã kiểm tra, nhắc nhở chủ quán.",
  },
  {
    kind: "recommendation",
    text: () =>
      "Đề nghị Công an xã tổ chức tuyên truyền về các thủ đoạn lừa đảo qua điện thoại, mạo danh cơ quan " +
      "công an yêu cầu chuyển tiền, vì ở thôn tôi đã có mấy người cao tuổi bị lừa mất tiền tiết kiệm.",
  },
  {
    kind: "question",
    text: () =>
      "Tôi bị mất căn cước, xin hỏi làm lại ở đâu, lệ phí bao nhiêu, và trong lúc chờ cấp lại " +
      "thì có dùng ứng dụng định danh điện tử VNeID thay thế khi làm thủ tục ở ngân hàng được không?",
  },
  {
    kind: "reflection",
    text: (p, t) =>
      `Tôi thấy có người lạ mặt đi xe không biển số thường xuyên qua lại ${p} vào ${t}, ` +
      "có biểu hiện nghi vấn trộm chó, trộm gia cầm. Đề nghị Công an xã xác minh, có biện pháp phòng ngừa.",
  },
];

/** A body for request `seq` of run `run` (lower-case letters), addressed to `unitId`. */
export function submissionBody(unitId: string, run: string, seq: number): SubmissionBody {
  const template = TEMPLATES[seq % TEMPLATES.length]!;
  const place = PLACES[Math.floor(seq / TEMPLATES.length) % PLACES.length]!;
  const time = TIMES[seq % TIMES.length]!;
  return { unitId, content: `${template.text(place, time)} [#${run}-${seq}]`, kind: template.kind };
}

/** The SQL regular expression that extracts `<run>-<seq>` from a stored content. */
export const TAG_PATTERN = "\\[#([a-z]+-[0-9]+)\\]";

/** The LIKE pattern that selects the rows of run `run`. */
export function runLikePattern(run: string): string {
  return `%[#${run}-%`;
}

/** Citizens in the burst of first submissions: half leave contact details (stored encrypted). */
export function burstBody(unitId: string, run: string, i: number) {
  const body = submissionBody(unitId, run, i);
  if (i % 2 === 1) return { ...body, anonymous: true };
  return {
    ...body,
    anonymous: false,
    contact: { name: `Nguyễn Thị Hồng ${i}`, phone: `0912 345 ${String(100 + i).padStart(3, "0")}` },
  };
}
