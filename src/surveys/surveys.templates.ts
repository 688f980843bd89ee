/**
 * Survey templates as data (DOMAIN.md §4), versioned: a campaign keeps a frozen copy of its template's
 * questions, so a new version never changes a running campaign. Built in: the four content groups of
 * Decision 3104 (the general "Hài lòng" evaluation of a unit), the SIPAS elements and 22 criteria, and the
 * 7 aspects VNeID asks about.
 */

/** A text in both languages the product speaks. */
export interface Bilingual {
  vi: string;
  en: string;
}

/** A question; Likert questions feed the index, the others are stored and exported as answered. */
export type Question =
  | { id: string; type: "likert"; element: string | null; text: Bilingual }
  | { id: string; type: "yes_no"; text: Bilingual }
  | { id: string; type: "choice"; text: Bilingual; options: { code: string; text: Bilingual }[] }
  | { id: string; type: "number"; text: Bilingual; min: number; max: number }
  | { id: string; type: "text"; text: Bilingual; maxLength: number };

/** A group of Likert questions whose answers also make one figure (a SIPAS element, a 3104 group). */
export interface Element {
  code: string;
  name: Bilingual;
}

/** One version of a template. */
export interface SurveyTemplate {
  code: string;
  version: number;
  name: Bilingual;
  elements: Element[];
  questions: Question[];
}

/** The official 5-level labels, level 1 first. */
export const LIKERT_LABELS: readonly Bilingual[] = [
  { vi: "Rất không hài lòng", en: "Very dissatisfied" },
  { vi: "Không hài lòng", en: "Dissatisfied" },
  { vi: "Bình thường", en: "Neutral" },
  { vi: "Hài lòng", en: "Satisfied" },
  { vi: "Rất hài lòng", en: "Very satisfied" },
];

const likert = (id: string, element: string | null, vi: string, en: string): Question => ({
  id,
  type: "likert",
  element,
  text: { vi, en },
});

const CAND_3104: SurveyTemplate = {
  code: "cand-3104",
  version: 1,
  name: { vi: "Đánh giá sự hài lòng đối với đơn vị Công an (4 nhóm nội dung, QĐ 3104)", en: "Satisfaction with a police unit (3104's four content groups)" },
  elements: [
    { code: "security", name: { vi: "Tình hình ANTT và kết quả bảo đảm", en: "Security and order, and the results of protecting it" } },
    { code: "duties", name: { vi: "Thực hiện chức trách, nhiệm vụ", en: "Performance of duties" } },
    { code: "conduct", name: { vi: "Phẩm chất, đạo đức, tác phong, văn hóa ứng xử", en: "Ethics, bearing, manners and conduct" } },
    { code: "force", name: { vi: "Xây dựng lực lượng CAND", en: "Building the force" } },
  ],
  questions: [
    likert("security", "security", "Tình hình an ninh, trật tự và kết quả bảo đảm an ninh, trật tự tại địa phương", "The security and order situation in your area and the results of protecting it"),
    likert("duties", "duties", "Việc thực hiện chức trách, nhiệm vụ của cán bộ, chiến sĩ", "How officers perform their duties"),
    likert("conduct", "conduct", "Tinh thần trách nhiệm, phẩm chất đạo đức, tác phong, văn hóa ứng xử của cán bộ, chiến sĩ", "Officers' responsibility, ethics, bearing, manners and conduct"),
    likert("force", "force", "Công tác xây dựng lực lượng Công an nhân dân (cơ sở vật chất, bố trí lực lượng)", "Building the force (facilities, staffing)"),
  ],
};

const SIPAS_ELEMENTS: Element[] = [
  { code: "access", name: { vi: "Tiếp cận dịch vụ", en: "Access to the service" } },
  { code: "procedures", name: { vi: "Thủ tục hành chính", en: "Administrative procedures" } },
  { code: "officer", name: { vi: "Công chức trực tiếp giải quyết", en: "The handling officer" } },
  { code: "result", name: { vi: "Kết quả giải quyết", en: "The result" } },
  { code: "feedback", name: { vi: "Tiếp nhận, xử lý ý kiến góp ý", en: "Handling of feedback" } },
];

const SIPAS_CRITERIA: [string, string, string][] = [
  ["access", "Nơi ngồi chờ có đủ chỗ ngồi", "The waiting area has enough seats"],
  ["access", "Trang thiết bị phục vụ người dân đầy đủ", "The equipment for the public is sufficient"],
  ["access", "Trang thiết bị phục vụ người dân hiện đại", "The equipment is modern"],
  ["access", "Trang thiết bị phục vụ người dân dễ sử dụng", "The equipment is easy to use"],
  ["procedures", "Thủ tục hành chính được niêm yết công khai đầy đủ", "The procedure is fully posted"],
  ["procedures", "Thủ tục hành chính được niêm yết công khai chính xác", "The procedure is posted accurately"],
  ["procedures", "Thành phần hồ sơ phải nộp đúng quy định", "The documents required are as prescribed"],
  ["procedures", "Phí, lệ phí phải nộp đúng quy định", "The fees charged are as prescribed"],
  ["procedures", "Thời hạn giải quyết đúng quy định", "The time limit is as prescribed"],
  ["officer", "Cán bộ có thái độ giao tiếp lịch sự", "The officer is polite"],
  ["officer", "Cán bộ chú ý lắng nghe ý kiến của người dân", "The officer listens attentively"],
  ["officer", "Cán bộ trả lời, giải thích đầy đủ các ý kiến", "The officer answers and explains fully"],
  ["officer", "Cán bộ hướng dẫn kê khai hồ sơ tận tình, chu đáo", "The officer guides the filing carefully"],
  ["officer", "Cán bộ hướng dẫn kê khai hồ sơ dễ hiểu", "The officer's guidance is easy to understand"],
  ["officer", "Cán bộ tuân thủ đúng quy định trong giải quyết công việc", "The officer follows the rules"],
  ["result", "Kết quả đúng quy định", "The result is as prescribed"],
  ["result", "Kết quả có thông tin đầy đủ", "The result has complete information"],
  ["result", "Kết quả có thông tin chính xác", "The result has accurate information"],
  ["feedback", "Cơ quan có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị", "There is a way to give feedback"],
  ["feedback", "Người dân dễ dàng thực hiện góp ý, phản ánh, kiến nghị", "Giving feedback is easy"],
  ["feedback", "Cơ quan tiếp nhận, xử lý tích cực các góp ý, phản ánh, kiến nghị", "Feedback is received and handled actively"],
  ["feedback", "Cơ quan thông báo kịp thời kết quả xử lý góp ý, phản ánh, kiến nghị", "The outcome of feedback is reported promptly"],
];

const SIPAS: SurveyTemplate = {
  code: "sipas",
  version: 1,
  name: { vi: "Hài lòng về dịch vụ hành chính công (5 yếu tố, 22 tiêu chí kiểu SIPAS)", en: "Public-service satisfaction (SIPAS-style, 5 elements, 22 criteria)" },
  elements: SIPAS_ELEMENTS,
  questions: SIPAS_CRITERIA.map(([element, vi, en], i) => likert(`c${i + 1}`, element, vi, en)),
};

const VNEID_ASPECTS: [string, string, string][] = [
  ["publicity", "Công khai thủ tục hành chính", "Publicity of procedures"],
  ["access", "Mức độ dễ dàng tiếp cận", "Ease of access"],
  ["online", "Thực hiện thủ tục trực tuyến", "Online filing"],
  ["handling", "Cán bộ tiếp nhận, giải quyết", "Handling by officers"],
  ["time", "Thời hạn giải quyết", "Time limit"],
  ["result", "Kết quả giải quyết", "Result"],
  ["feedback", "Tiếp nhận, xử lý phản ánh, kiến nghị", "Handling of feedback"],
];

const VNEID_7: SurveyTemplate = {
  code: "vneid-7",
  version: 1,
  name: { vi: "7 khía cạnh đánh giá như trên VNeID", en: "The 7 aspects rated in VNeID" },
  elements: VNEID_ASPECTS.map(([code, vi, en]) => ({ code, name: { vi, en } })),
  questions: VNEID_ASPECTS.map(([code, vi, en]) => likert(code, code, vi, en)),
};

/** Every built-in template version; a change is a new entry with a higher version, never an edit. */
export const BUILT_IN_TEMPLATES: readonly SurveyTemplate[] = [CAND_3104, SIPAS, VNEID_7];

/** A built-in template version, or the latest version of `code` when no version is given. */
export function findTemplate(code: string, version?: number): SurveyTemplate | undefined {
  const versions = BUILT_IN_TEMPLATES.filter((t) => t.code === code && (version === undefined || t.version === version));
  return versions.sort((a, b) => b.version - a.version)[0];
}

/** Optional respondent attributes, asked only with consent, and their allowed values. */
export const RESPONDENT_ATTRIBUTES = {
  ageBand: ["18-29", "30-44", "45-59", "60+"],
  sex: ["male", "female", "other"],
  occupation: ["farmer", "worker", "business", "public_sector", "student", "retired", "other"],
  area: ["urban", "rural"],
} as const;

/** A respondent attribute's name. */
export type RespondentAttribute = keyof typeof RESPONDENT_ATTRIBUTES;

/** The three families that are never pooled (DOMAIN.md §4). */
export const SURVEY_FAMILIES = ["perception", "contact", "open"] as const;
/** A survey family. */
export type SurveyFamily = (typeof SURVEY_FAMILIES)[number];

/** How responses arrive. */
export const SURVEY_CHANNELS = ["qr", "online", "desk", "paper", "forum"] as const;
/** A response channel. */
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];
