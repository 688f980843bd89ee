/**
 * A small built-in vocabulary of what citizens write to commune police, in Vietnamese: an opening, the matter
 * (which decides the kind, the topics and the content group), where, when, and a closing. The loader combines
 * one piece of each in SQL; each piece's folded form (`foldForSearch`) is computed here, so that the stored
 * `search_text` is exactly what the product would store for that content.
 */
import { foldForSearch } from "../../src/text/vietnamese.ts";

/** The matter of an opinion: its sentence and how the product would classify it. */
export interface Matter {
  text: string;
  kind: string;
  topics: string[];
  contentGroup: string | null;
  /** Relative frequency. */
  weight: number;
}

export const OPENINGS = [
  "Kính gửi Công an xã,",
  "Tôi xin phản ánh sự việc sau:",
  "Tôi là người dân sống tại địa phương, xin trình bày:",
  "Xin chào các anh chị cán bộ,",
  "Kính gửi lãnh đạo Công an phường,",
  "Thay mặt bà con trong xóm, tôi xin báo cáo:",
  "Tôi có ý kiến như sau:",
  "Kính thưa quý cơ quan,",
];

export const MATTERS: Matter[] = [
  // Theft and robbery
  { text: "Nhà tôi bị mất trộm xe máy Honda Wave để ngoài sân.", kind: "reflection", topics: ["theft"], contentGroup: "security_situation", weight: 5 },
  { text: "Gần đây trong xóm liên tục xảy ra trộm chó, người dân rất bức xúc.", kind: "reflection", topics: ["theft"], contentGroup: "security_situation", weight: 4 },
  { text: "Điện thoại của tôi bị cướp giật khi đang đi bộ trên đường.", kind: "reflection", topics: ["theft"], contentGroup: "security_situation", weight: 3 },
  { text: "Kẻ gian cạy cửa lấy trộm tiền và vàng trong nhà khi cả gia đình đi vắng.", kind: "crime_report", topics: ["theft"], contentGroup: "security_situation", weight: 2 },
  // Gambling
  { text: "Có một nhóm thanh niên tụ tập đánh bạc, ghi lô đề công khai.", kind: "reflection", topics: ["gambling"], contentGroup: "security_situation", weight: 4 },
  { text: "Quán nước đầu ngõ thường xuyên tổ chức cá độ bóng đá.", kind: "reflection", topics: ["gambling"], contentGroup: "security_situation", weight: 3 },
  { text: "Tình trạng ghi lô đề diễn ra phức tạp, nhiều người nghèo mất hết tiền.", kind: "reflection", topics: ["gambling"], contentGroup: "security_situation", weight: 3 },
  { text: "Nhiều người tụ tập chơi xóc đĩa ăn tiền đến khuya.", kind: "denunciation", topics: ["gambling"], contentGroup: "security_situation", weight: 2 },
  // Drugs
  { text: "Nghi có đối tượng sử dụng ma túy tại căn nhà hoang cuối xóm.", kind: "denunciation", topics: ["drugs"], contentGroup: "security_situation", weight: 2 },
  { text: "Thanh niên tụ tập hút bóng cười và sử dụng chất kích thích.", kind: "reflection", topics: ["drugs"], contentGroup: "security_situation", weight: 2 },
  // Traffic
  { text: "Xe tải chở cát chạy quá tốc độ, làm hỏng đường và gây bụi.", kind: "reflection", topics: ["traffic"], contentGroup: "security_situation", weight: 5 },
  { text: "Thanh niên đua xe, lạng lách, đánh võng trên quốc lộ vào ban đêm.", kind: "reflection", topics: ["traffic"], contentGroup: "security_situation", weight: 4 },
  { text: "Đèn tín hiệu giao thông ở ngã tư bị hỏng nhiều ngày chưa sửa.", kind: "recommendation", topics: ["traffic"], contentGroup: "security_situation", weight: 2 },
  { text: "Nhiều xe máy đỗ trên vỉa hè gây ùn tắc giao thông trước cổng trường.", kind: "reflection", topics: ["traffic"], contentGroup: "security_situation", weight: 3 },
  // Administrative procedures (residence, ID cards, VNeID)
  { text: "Tôi muốn hỏi thủ tục làm căn cước cho con dưới 14 tuổi.", kind: "question", topics: ["admin_procedures"], contentGroup: "duty_performance", weight: 5 },
  { text: "Đã nộp hồ sơ đăng ký thường trú hơn một tháng nhưng chưa có kết quả.", kind: "reflection", topics: ["admin_procedures"], contentGroup: "duty_performance", weight: 4 },
  { text: "Tài khoản định danh điện tử VNeID của tôi chưa được kích hoạt mức 2.", kind: "question", topics: ["admin_procedures"], contentGroup: "duty_performance", weight: 4 },
  { text: "Xin hướng dẫn thủ tục đăng ký tạm trú cho người thuê trọ.", kind: "question", topics: ["admin_procedures"], contentGroup: "duty_performance", weight: 3 },
  // Loan sharks, online fraud
  { text: "Một số đối tượng cho vay nặng lãi, đe dọa và ném chất bẩn vào nhà người vay.", kind: "denunciation", topics: ["loan_sharks"], contentGroup: "security_situation", weight: 2 },
  { text: "Tôi bị lừa chuyển tiền qua Zalo bởi người giả danh cán bộ công an.", kind: "crime_report", topics: ["online_fraud"], contentGroup: "security_situation", weight: 3 },
  { text: "Có người gọi điện tự xưng nhân viên ngân hàng yêu cầu cung cấp mã OTP.", kind: "reflection", topics: ["online_fraud"], contentGroup: "security_situation", weight: 3 },
  // Officers: conduct, corruption, staffing
  { text: "Cán bộ tiếp dân có biểu hiện gây khó dễ, gợi ý bồi dưỡng để giải quyết nhanh.", kind: "denunciation", topics: ["corruption", "officer_conduct"], contentGroup: "conduct_ethics", weight: 1 },
  { text: "Thái độ của cán bộ trực ban chưa niềm nở khi tiếp nhận đơn của người dân.", kind: "reflection", topics: ["officer_conduct"], contentGroup: "conduct_ethics", weight: 2 },
  { text: "Đề nghị bố trí thêm cán bộ trực tại trụ sở vào buổi tối và ngày nghỉ.", kind: "recommendation", topics: ["police_resources"], contentGroup: "force_building", weight: 2 },
  // Community security, noise, fishing with electricity, fake goods
  { text: "Đề nghị lắp thêm camera an ninh tại các tuyến đường liên thôn.", kind: "recommendation", topics: ["community_security"], contentGroup: "security_situation", weight: 3 },
  { text: "Hàng xóm hát karaoke to đến nửa đêm, ảnh hưởng giấc ngủ của người già và trẻ nhỏ.", kind: "reflection", topics: ["noise"], contentGroup: "security_situation", weight: 4 },
  { text: "Có người dùng kích điện đánh bắt cá trên kênh mương của hợp tác xã.", kind: "reflection", topics: ["electric_fishing"], contentGroup: "security_situation", weight: 2 },
  { text: "Cửa hàng tạp hóa bán hàng giả, hàng không rõ nguồn gốc.", kind: "reflection", topics: ["fake_goods"], contentGroup: "security_situation", weight: 2 },
  // Praise
  { text: "Xin cảm ơn cán bộ công an xã đã giúp gia đình tìm lại chiếc xe bị mất.", kind: "praise", topics: ["praise"], contentGroup: "duty_performance", weight: 2 },
  { text: "Biểu dương tổ công tác đã nhanh chóng giải quyết vụ việc, người dân rất yên tâm.", kind: "praise", topics: ["praise"], contentGroup: "duty_performance", weight: 2 },
  // Other matters and routing kinds
  { text: "Có người lạ thường xuyên lảng vảng quanh khu dân cư vào ban đêm.", kind: "reflection", topics: ["other_security"], contentGroup: "security_situation", weight: 3 },
  { text: "Hai gia đình xảy ra xô xát do tranh chấp ranh giới đất.", kind: "reflection", topics: ["other_security"], contentGroup: null, weight: 2 },
  { text: "Đang có đánh nhau gây thương tích trước quán nhậu, đề nghị đến ngay.", kind: "emergency", topics: ["other_security"], contentGroup: "security_situation", weight: 1 },
  { text: "Tôi khiếu nại quyết định xử phạt vi phạm hành chính của công an xã.", kind: "complaint", topics: ["officer_conduct"], contentGroup: "duty_performance", weight: 1 },
  { text: "Góp ý dự thảo quy định về quản lý cư trú: thủ tục còn rườm rà, nên rút gọn giấy tờ.", kind: "regulation_feedback", topics: ["admin_procedures"], contentGroup: "duty_performance", weight: 1 },
];

/** One opinion in RARE_ONE_IN carries this matter instead: the rare word searched for is in it and nowhere else. */
export const RARE_MATTER: Matter = {
  text: "Phát hiện người tàng trữ pháo nổ để bán dịp Tết.",
  kind: "denunciation",
  topics: ["fake_goods"],
  contentGroup: "security_situation",
  weight: 0,
};
export const RARE_ONE_IN = 5000;
/** The rare word as a citizen types it, and the common two-word query (diacritics left out, as typed on a phone). */
export const RARE_QUERY = "pháo";
export const COMMON_QUERY = "lo de";

export const PLACES = [
  "tại thôn Đông Hòa",
  "ở khu phố 3",
  "tại xóm Bến Đò",
  "gần chợ Hạc",
  "ở tổ dân phố Quang Trung",
  "tại ngõ 15 đường Lê Lợi",
  "gần trường tiểu học của xã",
  "ở khu tái định cư phía nam",
  "tại thôn Yên Trường",
  "gần cầu Hàm Rồng",
  "ở khu công nghiệp Lễ Môn",
  "tại bến xe phía bắc",
  "ở xóm Trại",
  "tại khu chung cư mới",
  "gần đình làng Đông Sơn",
  "ở thôn Phú Lộc",
];

export const TIMES = [
  "vào khoảng 22 giờ tối qua.",
  "từ nhiều tháng nay.",
  "vào sáng chủ nhật vừa rồi.",
  "hằng đêm, nhất là cuối tuần.",
  "trong tuần trước.",
  "vào giờ tan học buổi chiều.",
  "từ đầu năm đến nay.",
  "vào rạng sáng hôm nay.",
];

export const CLOSINGS = [
  "Đề nghị công an xã kiểm tra, xử lý.",
  "Mong cơ quan chức năng sớm giải quyết.",
  "Rất mong nhận được phản hồi.",
  "Đề nghị tăng cường tuần tra vào ban đêm.",
  "Xin trân trọng cảm ơn.",
];
/** Praise ends with thanks. */
export const PRAISE_CLOSINGS = ["Xin trân trọng cảm ơn.", "Chúc các anh chị mạnh khỏe, công tác tốt."];

/** A piece of text with its folded search form. */
export interface Piece {
  text: string;
  folded: string;
}

export function piece(text: string): Piece {
  const folded = foldForSearch(text);
  if (folded !== folded.trim() || /\s\s/.test(folded)) throw new Error(`vocabulary piece not trimmed: "${text}"`);
  return { text, folded };
}

/** The matters, each repeated by its weight: picking one uniformly picks by weight. */
export function weightedMatters(): Matter[] {
  return MATTERS.flatMap((m) => Array.from({ length: m.weight }, () => m));
}

/** Whole words of folded text. */
export function foldedWords(text: string): string[] {
  return foldForSearch(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * Checks the vocabulary's promises: the rare word occurs only in the rare matter; both words of the common
 * query occur in the gambling matters. Throws otherwise.
 */
export function checkVocabulary(rareWord: string) {
  const everyCommonPiece = [...OPENINGS, ...MATTERS.map((m) => m.text), ...PLACES, ...TIMES, ...CLOSINGS, ...PRAISE_CLOSINGS];
  const clash = everyCommonPiece.find((text) => foldedWords(text).includes(rareWord));
  if (clash) throw new Error(`the rare word "${rareWord}" also occurs in "${clash}"`);
  if (!foldedWords(RARE_MATTER.text).includes(rareWord)) throw new Error(`the rare word "${rareWord}" is not in the rare matter`);
}
