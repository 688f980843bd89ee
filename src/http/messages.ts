/** Every message the API can send, in Vietnamese (default) and English, by stable code. */
export const MESSAGES = {
  "request.malformed_json": {
    vi: "Dữ liệu gửi lên không phải JSON hợp lệ.",
    en: "The request body is not valid JSON.",
  },
  "request.unsupported_media_type": {
    vi: "Định dạng dữ liệu không được hỗ trợ; hãy gửi JSON (application/json).",
    en: "Unsupported content type; send JSON (application/json).",
  },
  "request.too_large": {
    vi: "Dữ liệu gửi lên quá lớn.",
    en: "The request body is too large.",
  },
  "request.rate_limited": {
    vi: "Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau {{seconds}} giây.",
    en: "Too many requests. Please try again in {{seconds}} seconds.",
  },
  "request.automated": {
    vi: "Yêu cầu bị từ chối vì có dấu hiệu được gửi tự động. Nếu bạn gửi bằng tay, hãy tải lại trang và gửi lại.",
    en: "The request was refused because it looks automated. If you sent it by hand, reload the page and send it again.",
  },
  "request.invalid": {
    vi: "Yêu cầu không hợp lệ.",
    en: "The request is invalid.",
  },
  "route.not_found": {
    vi: "Không tìm thấy địa chỉ yêu cầu.",
    en: "No such endpoint.",
  },
  "server.internal": {
    vi: "Hệ thống gặp sự cố. Vui lòng thử lại sau; sự cố đã được ghi lại.",
    en: "Something went wrong on our side. Please try again later; the problem has been logged.",
  },
  "server.unavailable": {
    vi: "Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau.",
    en: "The service cannot reach its database right now. Please try again later.",
  },
  "validation.invalid": {
    vi: "Trường “{{field}}” không hợp lệ: {{detail}}",
    en: "The field “{{field}}” is invalid: {{detail}}",
  },
  "validation.date_out_of_range": {
    vi: "Trường “{{field}}” phải là một ngày từ {{min}} đến {{max}}.",
    en: "The field “{{field}}” must be a date from {{min}} to {{max}}.",
  },
  "validation.range_too_long": {
    vi: "Khoảng thời gian đến “{{field}}” dài quá {{years}} năm; hãy chọn khoảng ngắn hơn.",
    en: "The period ending at “{{field}}” is longer than {{years}} years; choose a shorter one.",
  },
  "request.nul_character": {
    vi: "Trường “{{field}}” chứa ký tự NUL (mã 0), ký tự không được phép trong văn bản.",
    en: "The field “{{field}}” contains a NUL character (code 0), which text may not contain.",
  },
  "auth.invalid_credentials": {
    vi: "Tên đăng nhập hoặc mật khẩu không đúng.",
    en: "Wrong user name or password.",
  },
  "auth.too_many_attempts": {
    vi: "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {{minutes}} phút.",
    en: "Too many failed logins. Please try again in {{minutes}} minutes.",
  },
  "auth.unauthenticated": {
    vi: "Vui lòng đăng nhập.",
    en: "Please log in.",
  },
  "auth.session_expired": {
    vi: "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.",
    en: "Your session has expired. Please log in again.",
  },
  "auth.forbidden": {
    vi: "Bạn không có quyền thực hiện thao tác này.",
    en: "You are not allowed to do this.",
  },
  "auth.password_too_short": {
    vi: "Mật khẩu phải có ít nhất {{min}} ký tự.",
    en: "The password must have at least {{min}} characters.",
  },
  "auth.password_common": {
    vi: "Mật khẩu quá dễ đoán: nó dựa trên một mật khẩu hoặc một từ phổ biến (như “matkhau”, “123456”, tên người, tên địa danh). Hãy ghép ngẫu nhiên vài từ ít gặp.",
    en: "The password is too easy to guess: it is built on a common password or word (such as “matkhau”, “123456”, a name or a place). Put a few uncommon words together at random.",
  },
  "auth.password_pattern": {
    vi: "Mật khẩu quá dễ đoán: nó lặp lại ký tự, đi theo một dãy (1234, abcd) hoặc một hàng phím liền nhau. Hãy ghép ngẫu nhiên vài từ ít gặp.",
    en: "The password is too easy to guess: it repeats characters, follows a sequence (1234, abcd) or a row of keys. Put a few uncommon words together at random.",
  },
  "auth.password_personal": {
    vi: "Mật khẩu quá dễ đoán: nó chứa tên đăng nhập hoặc họ tên của tài khoản. Hãy ghép ngẫu nhiên vài từ ít gặp.",
    en: "The password is too easy to guess: it contains the account's user name or name. Put a few uncommon words together at random.",
  },
  "auth.password_guessable": {
    vi: "Mật khẩu quá dễ đoán (ví dụ một ngày tháng, hoặc một từ ngắn thêm vài chữ số). Hãy ghép ngẫu nhiên vài từ ít gặp.",
    en: "The password is too easy to guess (a date, or a short word with a few digits, for example). Put a few uncommon words together at random.",
  },
  "auth.csrf": {
    vi: "Yêu cầu bị từ chối vì không đến từ trang của hệ thống.",
    en: "The request was refused because it did not come from this site.",
  },
  "unit.not_found": {
    vi: "Không tìm thấy đơn vị đã chọn.",
    en: "The selected unit does not exist.",
  },
  "unit.inactive": {
    vi: "Đơn vị đã chọn không còn hoạt động; vui lòng chọn đơn vị hiện nay.",
    en: "The selected unit no longer exists; please choose a current unit.",
  },
  "opinion.not_found": {
    vi: "Không tìm thấy ý kiến. Hãy kiểm tra lại mã tra cứu.",
    en: "No opinion found. Please check the tracking code.",
  },
  "opinion.contact_with_anonymous": {
    vi: "Ý kiến ẩn danh không kèm thông tin liên hệ; hãy bỏ chọn ẩn danh hoặc xóa thông tin liên hệ.",
    en: "An anonymous opinion cannot carry contact details; untick anonymous or remove the contact details.",
  },
  "opinion.invalid_transition": {
    vi: "Không thể thực hiện thao tác này khi ý kiến đang ở trạng thái “{{status}}”.",
    en: "This action is not possible while the opinion is “{{status}}”.",
  },
  "opinion.on_spot_not_face_to_face": {
    vi: "Chỉ trả lời tại chỗ ý kiến nêu trực tiếp (tại hội nghị, tại trụ sở); với ý kiến khác, cán bộ gửi dự thảo trả lời để lãnh đạo duyệt.",
    en: "Only an opinion raised face to face (at a forum, at the desk) can be answered on the spot; for any other, an officer sends a draft answer for a leader's approval.",
  },
  "opinion.no_contact": {
    vi: "Ý kiến này không có thông tin liên hệ (gửi ẩn danh).",
    en: "This opinion has no contact details (sent anonymously).",
  },
  "opinion.invalid_cursor": {
    vi: "Con trỏ phân trang không hợp lệ.",
    en: "The pagination cursor is invalid.",
  },
  "opinion.reopen_limit": {
    vi: "Ý kiến này đã được mở lại một lần; không thể mở lại thêm.",
    en: "This opinion has already been reopened once; it cannot be reopened again.",
  },
  "opinion.rating_not_allowed": {
    vi: "Chỉ có thể đánh giá khi ý kiến đã được trả lời.",
    en: "An opinion can be rated only once it has been answered.",
  },
  "opinion.no_approved_answer": {
    vi: "Ý kiến chưa có câu trả lời được lãnh đạo duyệt, chưa thể in công văn trả lời.",
    en: "This opinion has no approved answer yet, so no answer letter can be printed.",
  },
  "opinion.answer_pending": {
    vi: "Ý kiến đã có một dự thảo trả lời đang chờ lãnh đạo duyệt.",
    en: "A draft answer to this opinion is already awaiting a leader's approval.",
  },
  "opinion.no_pending_answer": {
    vi: "Không có dự thảo trả lời nào đang chờ duyệt.",
    en: "There is no draft answer awaiting approval.",
  },
  "opinion.conflict_of_interest": {
    vi: "Không thể chuyển ý kiến cho chính đơn vị hoặc cán bộ bị phản ánh xử lý.",
    en: "An opinion cannot be handed to the unit or officer it is about.",
  },
  "opinion.same_unit": {
    vi: "Ý kiến đã thuộc đơn vị này.",
    en: "The opinion already belongs to this unit.",
  },
  "opinion.merge_target_invalid": {
    vi: "Chỉ có thể gộp vào một ý kiến khác, còn đang xử lý, của cùng đơn vị.",
    en: "An opinion can only be merged into another open opinion of the same unit.",
  },
  "opinion.assignee_invalid": {
    vi: "Cán bộ được giao phải là cán bộ đang hoạt động của đơn vị xử lý.",
    en: "The assignee must be an active officer of the handling unit.",
  },
  "opinion.topic_unknown": {
    vi: "Chủ đề “{{topic}}” không có trong danh mục.",
    en: "The topic “{{topic}}” is not in the list.",
  },
  "opinion.received_in_future": {
    vi: "Thời điểm tiếp nhận không thể ở tương lai.",
    en: "The time of receipt cannot be in the future.",
  },
  "opinion.invalid_period": {
    vi: "Ngày kết thúc phải sau ngày bắt đầu.",
    en: "The end date must not be before the start date.",
  },
  "opinion.route_track_required": {
    vi: "Hãy chọn thủ tục pháp lý mà ý kiến được chuyển theo.",
    en: "Choose the legal procedure the opinion is routed to.",
  },
  "opinion.topic_code_invalid": {
    vi: "Mã chủ đề chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng một chữ.",
    en: "A topic code has lower-case letters without diacritics, digits and underscores, starting with a letter.",
  },
  "opinion.deadline_invalid": {
    vi: "Thời hạn phải là số nguyên từ 1 đến 1.000.",
    en: "The deadline must be a whole number from 1 to 1,000.",
  },
  "opinion.client_key_conflict": {
    vi: "Mã gửi này đã được dùng cho một ý kiến khác.",
    en: "This submission key was already used for another opinion.",
  },
  "import.not_found": {
    vi: "Không tìm thấy lượt nhập tệp này.",
    en: "No such file import.",
  },
  "import.upload_empty": {
    vi: "Chưa có tệp nào được gửi lên, hoặc tệp rỗng.",
    en: "No file was sent, or the file is empty.",
  },
  "import.upload_too_large": {
    vi: "Tệp quá lớn: tối đa {{maxMb}} MB.",
    en: "The file is too large: {{maxMb}} MB at most.",
  },
  "import.upload_content_type": {
    vi: "Hãy gửi nội dung tệp (application/octet-stream).",
    en: "Send the file's bytes (application/octet-stream).",
  },
  "import.not_ready": {
    vi: "Tệp chưa sẵn sàng để nhập (trạng thái hiện nay: {{status}}).",
    en: "The file is not ready to import (its status is {{status}}).",
  },
  "import.has_errors": {
    vi: "Tệp còn dòng lỗi. Hãy sửa các dòng lỗi trong tệp rồi tải lên lại; chưa có ý kiến nào được nhập.",
    en: "The file still has rows with errors. Fix them in the file and upload it again; nothing has been imported.",
  },
  "import.file_expired": {
    vi: "Tệp đã tải lên quá 24 giờ nên đã bị xoá; hãy tải lên lại.",
    en: "The file was uploaded more than 24 hours ago and has been deleted; please upload it again.",
  },
  "import.commit_failed": {
    vi: "Nhập ý kiến bị gián đoạn nên không có ý kiến nào được lưu. Hãy thử lại.",
    en: "The import was interrupted, so no opinion was stored. Please try again.",
  },
  "import.interrupted": {
    vi: "Việc xử lý tệp bị gián đoạn (máy chủ khởi động lại). Hãy thử lại.",
    en: "Processing the file was interrupted (the server restarted). Please try again.",
  },
  "import.parse_failed": {
    vi: "Không xử lý được tệp do sự cố của hệ thống; sự cố đã được ghi lại.",
    en: "The file could not be processed because of a problem on our side; it has been logged.",
  },
  "import.unsupported_format": {
    vi: "Chỉ nhận tệp CSV (.csv) hoặc Excel (.xlsx).",
    en: "Only CSV (.csv) or Excel (.xlsx) files are accepted.",
  },
  "import.file_unreadable": {
    vi: "Không đọc được tệp: tệp hỏng hoặc không phải tệp Excel (.xlsx).",
    en: "The file cannot be read: it is damaged or not an Excel (.xlsx) file.",
  },
  "import.file_empty": {
    vi: "Tệp không có dữ liệu.",
    en: "The file is empty.",
  },
  "import.too_many_rows": {
    vi: "Tệp có quá {{max}} dòng; hãy chia thành nhiều tệp.",
    en: "The file has more than {{max}} rows; split it into several files.",
  },
  "import.content_column_missing": {
    vi: "Không tìm thấy cột nội dung ý kiến (ví dụ: “Nội dung ý kiến”) ở dòng tiêu đề.",
    en: "No column of opinion content (e.g. “Content”) in the header row.",
  },
  "import.mapping_unknown_column": {
    vi: "Tệp không có cột “{{column}}”.",
    en: "The file has no column “{{column}}”.",
  },
  "import.encoding_invalid": {
    vi: "Tệp CSV không dùng bảng mã UTF-8; hãy lưu lại bằng “CSV UTF-8”.",
    en: "The CSV file is not UTF-8; save it again as “CSV UTF-8”.",
  },
  "import.header_missing": {
    vi: "Tệp không có dòng tiêu đề.",
    en: "The file has no header row.",
  },
  "import.file_too_large": {
    vi: "Nội dung tệp Excel quá lớn để xử lý.",
    en: "The Excel file's content is too large to process.",
  },
  "import.content_missing": {
    vi: "Thiếu nội dung ý kiến.",
    en: "The opinion's content is missing.",
  },
  "import.content_too_long": {
    vi: "Nội dung ý kiến dài quá 5.000 ký tự.",
    en: "The opinion's content is longer than 5,000 characters.",
  },
  "import.value_too_long": {
    vi: "Giá trị quá dài.",
    en: "The value is too long.",
  },
  "import.date_invalid": {
    vi: "Ngày không hợp lệ; hãy ghi theo dạng dd/mm/yyyy hoặc dd/mm/yyyy HH:mm.",
    en: "Invalid date; write it as dd/mm/yyyy or dd/mm/yyyy HH:mm.",
  },
  "import.date_future": {
    vi: "Ngày tiếp nhận ở tương lai.",
    en: "The date of receipt is in the future.",
  },
  "import.date_out_of_range": {
    vi: "Ngày tiếp nhận phải từ 01/01/2000 trở đi.",
    en: "The date of receipt must be 01/01/2000 or later.",
  },
  "import.kind_unknown": {
    vi: "Loại ý kiến không nằm trong danh mục (ví dụ: Phản ánh, Kiến nghị, Biểu dương, Hỏi).",
    en: "Unknown kind of opinion (e.g. Reflection, Recommendation, Praise, Question).",
  },
  "import.channel_unknown": {
    vi: "Kênh tiếp nhận không nằm trong danh mục.",
    en: "Unknown intake channel.",
  },
  "import.phone_invalid": {
    vi: "Số điện thoại không hợp lệ.",
    en: "Invalid phone number.",
  },
  "import.email_invalid": {
    vi: "Địa chỉ thư điện tử không hợp lệ.",
    en: "Invalid e-mail address.",
  },
  "import.duplicate_in_file": {
    vi: "Dòng này trùng với một dòng phía trên trong tệp.",
    en: "This row repeats an earlier row of the file.",
  },
  "import.unit_unknown": {
    vi: "Không tìm thấy đơn vị này (ghi đúng tên, tên viết tắt hoặc mã đơn vị).",
    en: "No such unit (write its name, short name or id).",
  },
  "import.unit_out_of_scope": {
    vi: "Đơn vị này không thuộc phạm vi quản lý của bạn.",
    en: "This unit is outside your scope.",
  },
  "import.unit_ambiguous": {
    vi: "Có nhiều đơn vị trùng tên này; hãy ghi tên đầy đủ hoặc mã đơn vị.",
    en: "Several units have this name; write the full name or the unit's id.",
  },
  "import.topic_unknown": {
    vi: "Chủ đề không có trong danh mục.",
    en: "The topic is not in the list.",
  },
  "remedy.not_found": {
    vi: "Không tìm thấy biện pháp khắc phục.",
    en: "No such remedial action.",
  },
  "remedy.invalid_transition": {
    vi: "Không thể chuyển biện pháp khắc phục khi đang ở trạng thái “{{status}}”.",
    en: "The remedial action cannot be moved from “{{status}}”.",
  },
  "remedy.evidence_required": {
    vi: "Hãy ghi kết quả, bằng chứng đã khắc phục (văn bản, hình ảnh, biên bản…).",
    en: "Describe the evidence that it was corrected (document, photo, minutes…).",
  },
  "remedy.due_before_opinion": {
    vi: "Hạn hoàn thành không thể trước ngày tiếp nhận ý kiến.",
    en: "The due date cannot be before the opinion was received.",
  },
  "forum.not_found": {
    vi: "Không tìm thấy hội nghị.",
    en: "No such forum.",
  },
  "forum.item_not_found": {
    vi: "Không tìm thấy ý kiến này trong hội nghị.",
    en: "No such opinion at this forum.",
  },
  "forum.closed": {
    vi: "Hội nghị đã kết thúc hoặc đã hủy; không nhận thêm ý kiến.",
    en: "The forum has ended or was cancelled; it takes no more opinions.",
  },
  "forum.not_editable": {
    vi: "Không thể sửa hội nghị khi đang ở trạng thái “{{status}}”.",
    en: "The forum cannot be edited while it is “{{status}}”.",
  },
  "forum.invalid_transition": {
    vi: "Không thể thực hiện thao tác này khi hội nghị đang ở trạng thái “{{status}}”.",
    en: "This step is not possible while the forum is “{{status}}”.",
  },
  "forum.end_before_start": {
    vi: "Thời gian kết thúc phải sau thời gian bắt đầu.",
    en: "The end must be after the start.",
  },
  "forum.invalid_period": {
    vi: "Ngày kết thúc của kỳ phải từ ngày bắt đầu trở đi.",
    en: "The period's end must not be before its start.",
  },
  "forum.already_marked": {
    vi: "Ý kiến này đã được chủ trì đánh dấu kết quả.",
    en: "The chair has already marked this opinion.",
  },
  "forum.minutes_final": {
    vi: "Biên bản đã hoàn tất, không thể sửa.",
    en: "The minutes are final and cannot be changed.",
  },
  "forum.minutes_missing": {
    vi: "Chưa có dự thảo biên bản.",
    en: "There are no draft minutes yet.",
  },
  "forum.minutes_too_early": {
    vi: "Chỉ lập biên bản sau khi hội nghị đã bắt đầu.",
    en: "Minutes are written once the forum has started.",
  },
  "forum.device_required": {
    vi: "Trình duyệt chưa có mã thiết bị; hãy tải lại trang rồi thử lại.",
    en: "This browser has no device id yet; reload the page and try again.",
  },
  "survey.not_found": {
    vi: "Không tìm thấy đợt khảo sát.",
    en: "No such survey campaign.",
  },
  "survey.unit_not_evaluated": {
    vi: "Đơn vị này không thuộc đợt khảo sát.",
    en: "This unit is not evaluated in the campaign.",
  },
  "survey.closed": {
    vi: "Đợt khảo sát không nhận ý kiến vào thời điểm này.",
    en: "The campaign is not taking responses now.",
  },
  "survey.answer_invalid": {
    vi: "Câu trả lời cho câu hỏi “{{question}}” không hợp lệ.",
    en: "The answer to the question “{{question}}” is invalid.",
  },
  "survey.answers_empty": {
    vi: "Hãy trả lời ít nhất một câu hỏi.",
    en: "Answer at least one question.",
  },
  "survey.code_required": {
    vi: "Hãy nhập mã khảo sát in trên phiếu hẹn hoặc do cán bộ trao.",
    en: "Enter the survey code printed on your receipt or handed to you at the desk.",
  },
  "survey.code_invalid": {
    vi: "Mã khảo sát không đúng hoặc đã được dùng.",
    en: "The survey code is wrong or has already been used.",
  },
  "survey.already_answered": {
    vi: "Thiết bị này đã gửi đánh giá cho đợt khảo sát. Xin cảm ơn!",
    en: "This device has already answered the campaign. Thank you!",
  },
  "survey.template_unknown": {
    vi: "Không có mẫu phiếu này.",
    en: "No such survey template.",
  },
  "survey.field_unknown": {
    vi: "Không có lĩnh vực công tác này.",
    en: "No such field of work.",
  },
  "survey.period_invalid": {
    vi: "Ngày kết thúc phải sau ngày bắt đầu.",
    en: "The end date must not be before the start date.",
  },
  "survey.question_duplicate": {
    vi: "Mã câu hỏi bị trùng.",
    en: "A question id is repeated.",
  },
  "survey.unit_out_of_scope": {
    vi: "Chỉ khảo sát được các đơn vị thuộc quyền quản lý.",
    en: "You can only evaluate units of your own subtree.",
  },
  "survey.response_not_found": {
    vi: "Không tìm thấy phiếu trả lời.",
    en: "No such response.",
  },
  "survey.decision_unchanged": {
    vi: "Phiếu đã ở trạng thái này.",
    en: "The response is already in this state.",
  },
  "survey.paper_invalid": {
    vi: "Phiếu giấy dòng {{row}} không hợp lệ: {{detail}}",
    en: "Paper form row {{row}} is invalid: {{detail}}",
  },
  "survey.forum_link_forbidden": {
    vi: "Chỉ lãnh đạo của đơn vị tổ chức hội nghị mới liên kết được đợt khảo sát với hội nghị.",
    en: "Only a leader of the unit organising the forum can link a satisfaction campaign to it.",
  },
  "survey.forum_link_other_unit": {
    vi: "Đợt khảo sát này do đơn vị khác thực hiện; chỉ liên kết được đợt khảo sát của đơn vị tổ chức hội nghị.",
    en: "This campaign is run by another unit; only a campaign of the unit organising the forum can be linked.",
  },
  "survey.forum_link_unit_not_evaluated": {
    vi: "Đợt khảo sát này không đánh giá đơn vị tổ chức hội nghị.",
    en: "This campaign does not evaluate the unit organising the forum.",
  },
  "survey.forum_link_period": {
    vi: "Thời gian của đợt khảo sát ({{startsOn}} – {{endsOn}}) không bao gồm ngày hội nghị ({{day}}).",
    en: "The campaign's period ({{startsOn}} – {{endsOn}}) does not cover the forum's day ({{day}}).",
  },
  "survey.forum_link_taken": {
    vi: "Đợt khảo sát này đã được liên kết với một hội nghị khác.",
    en: "This campaign is already linked to another forum.",
  },
  "survey.element_unknown": {
    vi: "Câu hỏi mức độ hài lòng chỉ tính vào một nhóm nội dung có trong mẫu phiếu.",
    en: "A satisfaction question can only count in a content group of the template.",
  },
  "survey.edit_answered_questions": {
    vi: "Đợt khảo sát đã có phiếu trả lời nên không sửa được câu hỏi: các câu trả lời đã lưu sẽ mất nghĩa. Hãy tạo đợt khảo sát mới nếu cần hỏi khác.",
    en: "The campaign already has responses, so its questions cannot change: the stored answers would lose their meaning. Create a new campaign to ask something else.",
  },
  "survey.edit_answered_attributes": {
    vi: "Đợt khảo sát đã có phiếu trả lời nên không sửa được các thông tin hỏi thêm về người trả lời.",
    en: "The campaign already has responses, so the respondent details it asks for cannot change.",
  },
  "survey.edit_answered_start": {
    vi: "Đợt khảo sát đã có phiếu trả lời nên không đổi được ngày bắt đầu.",
    en: "The campaign already has responses, so its start date cannot change.",
  },
  "survey.edit_answered_units": {
    vi: "Đợt khảo sát đã có phiếu trả lời nên không bỏ được đơn vị được đánh giá; chỉ thêm được đơn vị.",
    en: "The campaign already has responses, so evaluated units cannot be removed; units can only be added.",
  },
  "survey.edit_answered_field": {
    vi: "Đợt khảo sát đã có phiếu trả lời nên không đổi được lĩnh vực công tác của đơn vị đã được đánh giá.",
    en: "The campaign already has responses, so the field of work of a unit already evaluated cannot change.",
  },
  "survey.edit_ends_before_last_response": {
    vi: "Ngày kết thúc không được trước ngày {{day}}, ngày của phiếu trả lời gần nhất.",
    en: "The end date cannot be before {{day}}, the day of the latest response.",
  },
  "survey.edit_forum_period": {
    vi: "Đợt khảo sát gắn với hội nghị chỉ được kéo dài thời gian, không được rút ngắn.",
    en: "A campaign linked to a forum can only be lengthened, not shortened.",
  },
  "survey.edit_forum_unit": {
    vi: "Đợt khảo sát gắn với hội nghị phải tiếp tục đánh giá đơn vị tổ chức hội nghị.",
    en: "A campaign linked to a forum must keep evaluating the unit organising the forum.",
  },
  "satisfaction.not_published": {
    vi: "Kết quả đợt khảo sát chưa được công bố.",
    en: "The campaign's results have not been published.",
  },
  "satisfaction.period_invalid": {
    vi: "Kỳ không hợp lệ: một năm, quý hoặc tháng từ năm 2000 đến 2099 (ví dụ 2026, 2026-Q3 hoặc 2026-07).",
    en: "Invalid period: a year, quarter or month from 2000 to 2099 (e.g. 2026, 2026-Q3 or 2026-07).",
  },
  "satisfaction.unit_out_of_scope": {
    vi: "Đơn vị nằm ngoài phạm vi quản lý của bạn.",
    en: "The unit is outside your scope.",
  },
  "forum.report_file_type": {
    vi: "Tệp báo cáo phải là PDF, Word (.docx), PowerPoint (.pptx), Excel (.xlsx), PNG hoặc JPEG, đúng với phần mở rộng của tên tệp.",
    en: "The report must be a PDF, Word (.docx), PowerPoint (.pptx), Excel (.xlsx), PNG or JPEG file matching its name's extension.",
  },
  "forum.report_file_too_large": {
    vi: "Tệp báo cáo quá lớn (tối đa {{maxMb}} MB).",
    en: "The report file is too large (at most {{maxMb}} MB).",
  },
  "forum.report_file_empty": {
    vi: "Tệp báo cáo trống.",
    en: "The report file is empty.",
  },
  "forum.report_file_missing": {
    vi: "Hội nghị này chưa có tệp báo cáo.",
    en: "This forum has no report file.",
  },
  "open311.service_code_unknown": {
    vi: "Không có dịch vụ (lĩnh vực) với mã này; xem danh sách tại services.json.",
    en: "No service with this service_code; see services.json for the list.",
  },
  "open311.date_range_invalid": {
    vi: "Ngày kết thúc (end_date) phải sau ngày bắt đầu (start_date).",
    en: "end_date must come after start_date.",
  },
  "open311.date_range_too_long": {
    vi: "Khoảng thời gian tìm kiếm dài tối đa {{days}} ngày.",
    en: "A search may span at most {{days}} days.",
  },
  "open311.too_many_ids": {
    vi: "Mỗi lần chỉ hỏi tối đa {{max}} mã yêu cầu (service_request_id).",
    en: "Ask for at most {{max}} service_request_id values at once.",
  },
  "open311.service_notice": {
    vi: "Công an đã tiếp nhận ý kiến. Theo dõi bằng mã {{code}}.",
    en: "The police received the request. Follow it with the code {{code}}.",
  },
  "open311.service_group": {
    vi: "Ý kiến Nhân dân",
    en: "People's opinions",
  },
  "open311.location": {
    vi: "Vị trí: {{place}}",
    en: "Location: {{place}}",
  },
} as const satisfies Record<string, { vi: string; en: string }>;

/** A stable error code. */
export type MessageCode = keyof typeof MESSAGES;

/** A language the product speaks. */
export type Language = "vi" | "en";

/** A value for a message's placeholder: the same in every language, or given in each. */
export type MessageParam = string | number | Readonly<{ vi: string; en: string }>;

/** The message for `code` in `lang`, with `{{name}}` placeholders filled from `params`. */
export function translate(
  code: MessageCode,
  lang: Language,
  params: Record<string, MessageParam> = {},
): string {
  return MESSAGES[code][lang].replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = params[name];
    return typeof value === "object" ? value[lang] : String(value ?? "");
  });
}
