/** The texts of the messages to contributors, in Vietnamese and English. */

interface AnswerFacts {
  unitName: string;
  trackingCode: string;
  answer: string;
  trackingUrl: string;
}

const ANSWER = {
  vi: (f: AnswerFacts) => ({
    subject: `${f.unitName} đã trả lời ý kiến của bạn (mã ${f.trackingCode})`,
    text: [
      "Kính gửi ông/bà,",
      "",
      `${f.unitName} đã trả lời ý kiến mã tra cứu ${f.trackingCode} của ông/bà:`,
      "",
      f.answer,
      "",
      `Xem toàn bộ quá trình xử lý, đánh giá câu trả lời hoặc đề nghị xem xét lại tại: ${f.trackingUrl}`,
      "",
      "Thư này được gửi tự động từ hệ thống Lắng nghe; vui lòng không trả lời thư này.",
    ].join("\n"),
  }),
  en: (f: AnswerFacts) => ({
    subject: `${f.unitName} has answered your opinion (code ${f.trackingCode})`,
    text: [
      "Dear Sir or Madam,",
      "",
      `${f.unitName} has answered your opinion with tracking code ${f.trackingCode}:`,
      "",
      f.answer,
      "",
      `See how it was handled, rate the answer or ask for another look at: ${f.trackingUrl}`,
      "",
      "This message was sent automatically by Lắng nghe; please do not reply to it.",
    ].join("\n"),
  }),
};

/** The message telling a contributor their opinion was answered. */
export function answerMessage(language: "vi" | "en", facts: AnswerFacts): { subject: string; text: string } {
  return ANSWER[language](facts);
}
