/**
 * Opinions as citizens write them to a commune's police, composed for the redaction tests (the project's own
 * text, so the tests need nothing beside the repository). Names, numbers and addresses are invented.
 */
import type { RedactionKind } from "./redact.ts";

/** Whole opinions holding personal data: what the public page must show instead, and the kinds removed. */
export const OPINIONS_WITH_PERSONAL_DATA: [input: string, expected: string, removed: RedactionKind[]][] = [
  [
    "Tôi là Nguyễn Thị Hương, ở thôn Đông, xã Thiệu Toán. Tối 12/3 có nhóm thanh niên đua xe máy 36B1-234.56 qua làng, đề nghị công an xử lý. SĐT 0912 345 678.",
    "Tôi là [họ tên], ở thôn Đông, xã Thiệu Toán. Tối 12/3 có nhóm thanh niên đua xe máy [biển số xe] qua làng, đề nghị công an xử lý. SĐT [số điện thoại].",
    ["name", "phone", "plate"],
  ],
  [
    "Kính gửi Công an phường Hạc Thành: xe ô tô biển 36A-123.45 đỗ trước cổng nhà tôi suốt ba ngày, không liên lạc được chủ xe. Số của tôi: 0386.123.456.",
    "Kính gửi Công an phường Hạc Thành: xe ô tô biển [biển số xe] đỗ trước cổng nhà tôi suốt ba ngày, không liên lạc được chủ xe. Số của tôi: [số điện thoại].",
    ["phone", "plate"],
  ],
  [
    "Tôi bị mất ví có CCCD số 038185012345 tại chợ Thiệu Hóa sáng nay, ai nhặt được xin gọi 0978 111 222, xin cảm ơn.",
    "Tôi bị mất ví có CCCD số [số giấy tờ] tại chợ Thiệu Hóa sáng nay, ai nhặt được xin gọi [số điện thoại], xin cảm ơn.",
    ["phone", "id_number"],
  ],
  [
    "Em muốn cảm ơn đồng chí Trung úy Lê Văn Dũng đã hướng dẫn em làm căn cước rất tận tình.",
    "Em muốn cảm ơn đồng chí Trung úy [họ tên] đã hướng dẫn em làm căn cước rất tận tình.",
    ["name"],
  ],
  [
    "Anh Trần Quốc Bảo ở xóm 4 thường xuyên say rượu gây ồn ào sau 23 giờ, gia đình tôi không ngủ được.",
    "Anh [họ tên] ở xóm 4 thường xuyên say rượu gây ồn ào sau 23 giờ, gia đình tôi không ngủ được.",
    ["name"],
  ],
  [
    "Đề nghị kiểm tra quán karaoke của bà Phạm Thị Loan trên đường Lê Lợi, hát đến 1 giờ sáng.",
    "Đề nghị kiểm tra quán karaoke của bà [họ tên] trên đường Lê Lợi, hát đến 1 giờ sáng.",
    ["name"],
  ],
  [
    "Họ và tên: Hoàng Văn Tuấn. Địa chỉ: thôn Trung, xã Thiệu Trung. Điện thoại: 0243 385 2123. Email: tuan.hv@gmail.com",
    "Họ và tên: [họ tên]. Địa chỉ: thôn Trung, xã Thiệu Trung. Điện thoại: [số điện thoại]. Email: [email]",
    ["name", "phone", "email"],
  ],
  [
    "Tôi đã nộp hồ sơ đăng ký xe từ ngày 05/01/2026 nhưng chưa nhận được biển số, mã hồ sơ gửi vào thư điện tử hoang.lan1985@yahoo.com.vn",
    "Tôi đã nộp hồ sơ đăng ký xe từ ngày 05/01/2026 nhưng chưa nhận được biển số, mã hồ sơ gửi vào thư điện tử [email]",
    ["email"],
  ],
  [
    "Cán bộ tiếp dân tên Hùng nói chuyện thiếu tôn trọng, yêu cầu lãnh đạo xem xét.",
    "Cán bộ tiếp dân tên [họ tên] nói chuyện thiếu tôn trọng, yêu cầu lãnh đạo xem xét.",
    ["name"],
  ],
  [
    "Cháu Đỗ Minh Khoa, học lớp 8, bị một nhóm người lạ chặn đường xin tiền, số điện thoại của mẹ cháu là +84 983 456 789.",
    "Cháu [họ tên], học lớp 8, bị một nhóm người lạ chặn đường xin tiền, số điện thoại của mẹ cháu là [số điện thoại].",
    ["name", "phone"],
  ],
  [
    "Số CMND cũ 172345678 của tôi không tích hợp được lên VNeID, nhờ công an xã hướng dẫn.",
    "Số CMND cũ [số giấy tờ] của tôi không tích hợp được lên VNeID, nhờ công an xã hướng dẫn.",
    ["id_number"],
  ],
  [
    "Hộ chiếu số B1234567 của tôi hết hạn, tôi cần làm lại ở đâu?",
    "Hộ chiếu số [số giấy tờ] của tôi hết hạn, tôi cần làm lại ở đâu?",
    ["id_number"],
  ],
  [
    "Xe tải 36C-045.67 chở đất rơi vãi khắp đường liên xã mỗi sáng.",
    "Xe tải [biển số xe] chở đất rơi vãi khắp đường liên xã mỗi sáng.",
    ["plate"],
  ],
  [
    "Chị Mai bán rau ở chợ bị một người đàn ông đi xe 29-H1 234.56 giật túi.",
    "Chị [họ tên] bán rau ở chợ bị một người đàn ông đi xe [biển số xe] giật túi.",
    ["name", "plate"],
  ],
  [
    "Cảm ơn chú Tư và đ/c Nam ở đội CSGT đã giúp tôi đẩy xe khi ngập.",
    "Cảm ơn chú [họ tên] và đ/c [họ tên] ở đội CSGT đã giúp tôi đẩy xe khi ngập.",
    ["name"],
  ],
  [
    "Ông NGUYỄN VĂN THÀNH tổ trưởng tổ dân phố số 3 tự ý thu tiền của các hộ, đề nghị làm rõ.",
    "Ông [họ tên] tổ trưởng tổ dân phố số 3 tự ý thu tiền của các hộ, đề nghị làm rõ.",
    ["name"],
  ],
  [
    "Tôi tên là Vũ Thị Ngọc, số căn cước 0381 9501 2345, bị làm giả chữ ký trong hợp đồng vay tiền.",
    "Tôi tên là [họ tên], số căn cước [số giấy tờ], bị làm giả chữ ký trong hợp đồng vay tiền.",
    ["name", "id_number"],
  ],
  [
    "Liên hệ lại cho tôi qua Zalo 0868-555-777 hoặc email ngoc.vt@hotmail.com để bổ sung hồ sơ.",
    "Liên hệ lại cho tôi qua Zalo [số điện thoại] hoặc email [email] để bổ sung hồ sơ.",
    ["phone", "email"],
  ],
  [
    "Đêm qua có trộm vào nhà bác Lương Văn Sáu ở xóm Chùa, lấy mất xe máy 36K1-567.89.",
    "Đêm qua có trộm vào nhà bác [họ tên] ở xóm Chùa, lấy mất xe máy [biển số xe].",
    ["name", "plate"],
  ],
];

/**
 * Whole opinions without personal data that must reach the public page unchanged: streets, schools and temples
 * named after people, units and communes, legal references, dates, times, money, distances, hotlines.
 */
export const OPINIONS_WITHOUT_PERSONAL_DATA: string[] = [
  "Đoạn Quốc lộ 47 qua xã Thiệu Tiến, gần km 12+300, có ổ gà lớn, đề nghị cắm biển cảnh báo.",
  "Đề nghị Công an xã Thiệu Quang tăng cường tuần tra khu vực cầu Thiệu Hóa vào ban đêm.",
  "Theo Nghị định 168/2024/NĐ-CP, vượt đèn đỏ bị phạt từ 4.000.000 đến 6.000.000 đồng, nhờ tuyên truyền cho bà con.",
  "Tôi đến làm căn cước lúc 7 giờ 30 ngày 15/04/2026 nhưng phải chờ đến 10 giờ mới đến lượt.",
  "Khu vực chợ Vồm thường xuyên có người đỗ xe dưới lòng đường, nhất là sáng Chủ nhật.",
  "Trường THCS Nguyễn Du tan học lúc 17h, xe đưa đón đỗ tràn ra đường Quang Trung rất nguy hiểm.",
  "Năm 2025 xã đã lắp 24 camera an ninh, nhưng ở thôn 5 vẫn chưa có chiếc nào.",
  "Cảm ơn các anh Công an xã đã giúp đỡ bà con trong đợt lũ vừa rồi.",
  "Đường dây nóng 113 gọi mãi không được, đề nghị kiểm tra lại tổng đài.",
  "Giá làm biển số đấu giá năm nay là bao nhiêu, tôi thấy trên mạng nói 40 triệu.",
  "Khu dân cư mới ở phường Hạc Thành thiếu đèn chiếu sáng, đi lại buổi tối rất sợ.",
  "Tôi đề nghị tổ chức tuyên truyền về lừa đảo qua mạng cho người cao tuổi, nhiều người ở xóm bị mất tiền.",
  "Xe quá tải chạy trên tuyến đường liên xã Thiệu Toán - Thiệu Trung làm nứt mặt đường mới làm năm 2023.",
  "Thủ tục đăng ký thường trú trên Cổng dịch vụ công có mất phí không? Tôi đã nộp nhưng hệ thống báo lỗi.",
  "Học sinh đi xe đạp điện không đội mũ bảo hiểm rất nhiều, nhất là khu vực trường THPT Lê Văn Hưu.",
  "Đề nghị lắp gương cầu lồi ở khúc cua gần đền Bà Triệu, đã có 3 vụ va chạm trong tháng 11.",
  "Ở tổ dân phố số 7 có tiếng nổ lớn lúc 22h30 tối qua, mong công an kiểm tra.",
  "Hotline 1900 6969 của Bộ Công an có hỗ trợ ngoài giờ hành chính không?",
  "Tôi rất hài lòng với thái độ phục vụ của bộ phận một cửa, thời gian giải quyết chỉ 2 ngày.",
  "Bãi rác tự phát cạnh sông Chu bốc mùi, đề nghị UBND xã phối hợp xử lý.",
  "Tốc độ tối đa trên cao tốc Bắc - Nam đoạn qua Thanh Hóa là 90 km/h hay 120 km/h?",
  "Mùa cưới năm nay nhiều đám cưới dựng rạp chiếm hết lòng đường thôn 2, đề nghị nhắc nhở.",
  "Cổng trường Tiểu học Thiệu Tiến có 2 quán bán hàng rong lấn chiếm vỉa hè.",
  "Con tôi 16 tuổi có được đi xe máy dưới 50 cm3 không ạ?",
  "Theo Thông tư 24/2023/TT-BCA, đổi biển số xe khi chuyển tỉnh có bắt buộc không?",
  "Ngày 30/4 và 1/5 đề nghị bố trí lực lượng phân luồng ở khu du lịch biển Hải Tiến.",
];
