import ExcelJS from "exceljs";
import type { Language } from "../http/messages.ts";
import { byPointEstimate, type RankRange } from "./satisfaction.index.ts";
import type { DashboardResponse } from "./satisfaction.schemas.ts";

const LABELS = {
  vi: {
    overall: "Tổng hợp",
    elements: "Theo yếu tố",
    questions: "Theo câu hỏi",
    units: "Theo đơn vị",
    trend: "Theo tháng",
    heatmap: "Đơn vị × câu hỏi",
    byLevel: "Theo cấp",
    fields: "Theo lĩnh vực công tác",
    levelRanking: "Xếp hạng trong cấp",
    levelName: "Cấp",
    field: "Lĩnh vực công tác",
    measure: "Chỉ số",
    byInstances: "Theo lượt đánh giá",
    byRespondents: "Theo người trả lời",
    name: "Tên",
    unit: "Đơn vị",
    month: "Tháng",
    n: "Số ý kiến hợp lệ (n)",
    levels: ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"],
    rate: "Tỷ lệ hài lòng (%)",
    low: "Cận dưới 95% (%)",
    high: "Cận trên 95% (%)",
    band: "Xếp loại",
    previous: "Kỳ trước (%)",
    change: "Thay đổi (điểm %)",
    rank: "Khoảng xếp hạng (theo khoảng tin cậy 95%)",
    responses: "Số phiếu",
    quota: "Chỉ tiêu",
    codesIssued: "Mã đã phát",
    codesSpent: "Mã đã dùng",
    paper: "Phiếu giấy phát / thu về / hợp lệ",
    suppressed: "Dưới n tối thiểu",
    period: "Kỳ",
    weighted: "Theo người trả lời, gia quyền theo cơ cấu dân số",
    unweighted: "Cùng những người đó, chưa gia quyền",
    effectiveN: "Cỡ mẫu hiệu dụng (Kish)",
  },
  en: {
    overall: "Overall",
    elements: "By element",
    questions: "By question",
    units: "By unit",
    trend: "By month",
    heatmap: "Unit × question",
    byLevel: "By level",
    fields: "By field of work",
    levelRanking: "Ranking within level",
    levelName: "Level",
    field: "Field of work",
    measure: "Measure",
    byInstances: "By rating instances",
    byRespondents: "By respondents",
    name: "Name",
    unit: "Unit",
    month: "Month",
    n: "Valid answers (n)",
    levels: ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"],
    rate: "Satisfaction rate (%)",
    low: "95% lower bound (%)",
    high: "95% upper bound (%)",
    band: "Band",
    previous: "Previous period (%)",
    change: "Change (points)",
    rank: "Rank range (by the 95% intervals)",
    responses: "Responses",
    quota: "Quota",
    codesIssued: "Codes issued",
    codesSpent: "Codes used",
    paper: "Paper forms issued / returned / valid",
    suppressed: "Below minimum n",
    period: "Period",
    weighted: "By respondents, weighted to the population",
    unweighted: "The same respondents, unweighted",
    effectiveN: "Effective sample size (Kish)",
  },
} as const;

type FigureRow = { n: number; distribution: readonly number[]; rate: number | null; low: number | null; high: number | null; band: string | null };
type Compared = FigureRow & { previousRate: number | null; change: number | null };

/** "1–3" (the ranks a unit's interval allows), "2" when it allows one; blank for an unranked unit. */
const rankText = (rank: RankRange | null) => (rank === null ? null : rank.best === rank.worst ? `${rank.best}` : `${rank.best}–${rank.worst}`);

/** Every table of a dashboard as an XLSX workbook, one sheet per table, in the request's language. */
export async function dashboardWorkbook(d: DashboardResponse, lang: Language): Promise<Buffer> {
  const L = LABELS[lang];
  const bandName = new Map(d.bands.map((b) => [b.code, b.name]));
  const figureHeaders = [L.n, ...L.levels, L.rate, L.low, L.high, L.band];
  const figureCells = (f: FigureRow) => [f.n, ...f.distribution, f.rate ?? L.suppressed, f.low, f.high, f.band ? bandName.get(f.band) : null];
  const comparedCells = (f: Compared) => [...figureCells(f), f.previousRate, f.change];
  const workbook = new ExcelJS.Workbook();
  const sheet = (name: string, headers: string[], rows: unknown[][]) => {
    const ws = workbook.addWorksheet(name);
    ws.addRow([`${d.campaign.title} — ${d.root.name} — ${L.period} ${d.period.label}`]);
    ws.addRow(headers).font = { bold: true };
    for (const row of rows) ws.addRow(row);
    ws.columns.forEach((c, i) => (c.width = i === 0 ? 40 : 14));
  };
  sheet(L.overall, [L.measure, ...figureHeaders, L.previous, L.change], [
    [L.byInstances, ...comparedCells(d.overall.instances)],
    [L.byRespondents, ...comparedCells(d.overall.respondents)],
    [L.responses, d.overall.responses],
    // The weighted rate's n is its respondents; its distribution is not weighted, so it is left blank.
    ...(d.weighted
      ? [
          [L.weighted, d.weighted.respondents, null, null, null, null, null, d.weighted.rate, d.weighted.low, d.weighted.high],
          [L.unweighted, d.weighted.respondents, null, null, null, null, null, d.weighted.unweightedRate],
          [L.effectiveN, Math.round(d.weighted.effectiveN)],
        ]
      : []),
  ]);
  sheet(L.elements, [L.name, ...figureHeaders, L.previous, L.change], d.elements.map((e) => [e.name, ...comparedCells(e)]));
  sheet(L.questions, [L.name, ...figureHeaders, L.previous, L.change], d.questions.map((q) => [q.text, ...comparedCells(q)]));
  sheet(
    L.units,
    [L.unit, ...figureHeaders, L.previous, L.change, L.rank, L.responses, L.quota, L.codesIssued, L.codesSpent, L.paper],
    [...d.units].sort(byPointEstimate).map((u) => [u.name, ...comparedCells(u), rankText(u.rank), u.responses, u.quota, u.codesIssued, u.codesSpent, `${u.paper.issued} / ${u.paper.returned} / ${u.paper.valid}`]),
  );
  sheet(L.byLevel, [L.levelName, ...figureHeaders, L.previous, L.change, L.responses], d.levels.map((l) => [l.name, ...comparedCells(l), l.responses]));
  sheet(L.fields, [L.field, ...figureHeaders, L.previous, L.change, L.responses], d.fields.map((f) => [f.name, ...comparedCells(f), f.responses]));
  sheet(
    L.levelRanking,
    [L.levelName, L.unit, ...figureHeaders, L.previous, L.change, L.rank, L.responses],
    d.levelRanking.flatMap((l) => l.units.map((u) => [l.name, u.name, ...comparedCells(u), rankText(u.rank), u.responses])),
  );
  sheet(L.trend, [L.month, ...figureHeaders], d.trend.map((t) => [`${t.month.slice(5, 7)}/${t.month.slice(0, 4)}`, ...figureCells(t)]));
  const unitName = new Map(d.units.map((u) => [u.unitId, u.name]));
  const questionText = new Map(d.questions.map((q) => [q.id, q.text]));
  sheet(L.heatmap, [L.unit, L.name, L.n, L.rate], d.heatmap.map((c) => [unitName.get(c.unitId) ?? c.unitId, questionText.get(c.questionId), c.n, c.rate ?? L.suppressed]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
