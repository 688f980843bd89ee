/** What the `langnghe` command and the server's console (`npm start`) say, in Vietnamese (default) and English. */
export type CliLanguage = "vi" | "en";

const USAGE = {
  vi: `Cách dùng: langnghe <lệnh> [tùy chọn] [--lang vi|en]

Lệnh:
  migrate                          áp dụng các bản chuyển đổi cơ sở dữ liệu rồi thoát
  seed --demo                      tạo dữ liệu mẫu (chỉ vào cơ sở dữ liệu trống)
  create-unit --name N --short-name S --level L [--parent ID] [--area-code C] [--valid-from yyyy-mm-dd]
                                   thêm một đơn vị vào cây đơn vị; in ra mã (id) của đơn vị
  create-user --username U --name N --role admin|leader|officer|inspector --unit ID
                                   tạo tài khoản cán bộ; mật khẩu lấy từ biến LANGNGHE_NEW_PASSWORD
                                   (ít nhất 12 ký tự và khó đoán)
  add-topic --code C --name-vi N --name-en N [--order n]
                                   thêm (hoặc đổi tên) một chủ đề trong danh sách cho người dân và cán bộ
  add-routing-rule --target ID [--location ID] [--topic C] [--kind K] [--priority n]
                                   chuyển ý kiến về một xã (và/hoặc một chủ đề, một loại) đến đơn vị khác
  set-deadline --kind K --urgency normal|urgent --stage answer|route --amount N --unit working_hours|working_days
                                   đặt thời hạn cho một loại ý kiến (tính theo giờ, ngày làm việc)

Cơ sở dữ liệu là DATABASE_URL khi được đặt, nếu không là cơ sở dữ liệu nhúng trong DATA_DIR (xem .env.example).
Ngôn ngữ: --lang, hoặc biến LANGNGHE_LANG (mặc định: vi).`,
  en: `Usage: langnghe <command> [options] [--lang vi|en]

Commands:
  migrate                          apply the database migrations and exit
  seed --demo                      create the demo data (only on an empty database)
  create-unit --name N --short-name S --level L [--parent ID] [--area-code C] [--valid-from yyyy-mm-dd]
                                   add a unit to the tree; prints its id
  create-user --username U --name N --role admin|leader|officer|inspector --unit ID
                                   add an officer's account; the password is read from LANGNGHE_NEW_PASSWORD
                                   (at least 12 characters, hard to guess)
  add-topic --code C --name-vi N --name-en N [--order n]
                                   add a topic to the list offered to citizens and officers (or rename one)
  add-routing-rule --target ID [--location ID] [--topic C] [--kind K] [--priority n]
                                   send opinions about a commune (and/or a topic, a kind) to another unit
  set-deadline --kind K --urgency normal|urgent --stage answer|route --amount N --unit working_hours|working_days
                                   set how long a kind of opinion has (Vietnamese working time)

The database is DATABASE_URL when set, otherwise the embedded one in DATA_DIR (see .env.example).
Language: --lang, or the LANGNGHE_LANG variable (default: vi).`,
} as const;

const MESSAGES = {
  "cli.no_command": { vi: "chưa có lệnh nào", en: "no command given" },
  "cli.unknown_command": { vi: "không có lệnh “{{command}}”", en: 'unknown command "{{command}}"' },
  "cli.unknown_option": { vi: "không có tùy chọn {{option}}", en: "unknown option {{option}}" },
  "cli.bad_arguments": { vi: "dòng lệnh không hợp lệ ({{detail}})", en: "invalid command line ({{detail}})" },
  "cli.required": { vi: "thiếu --{{name}}", en: "--{{name}} is required" },
  "cli.whole_number": { vi: "--{{name}} phải là số nguyên", en: "--{{name}} must be a whole number" },
  "cli.one_of": { vi: "--{{name}} phải là một trong: {{values}}", en: "--{{name}} must be one of {{values}}" },
  "cli.date": { vi: "--{{name}} phải có dạng yyyy-mm-dd", en: "--{{name}} must be yyyy-mm-dd" },
  "cli.language": { vi: "--lang phải là vi hoặc en", en: "--lang must be vi or en" },
  "cli.seed_needs_demo": { vi: "lệnh seed cần --demo", en: "seed needs --demo" },
  "cli.seed_not_empty": {
    vi: "cơ sở dữ liệu đã có đơn vị; dữ liệu mẫu chỉ được tạo trong cơ sở dữ liệu trống",
    en: "the database already has units; demo data goes only into an empty one",
  },
  "cli.new_password": {
    vi: "hãy đặt biến LANGNGHE_NEW_PASSWORD là mật khẩu của tài khoản mới",
    en: "set LANGNGHE_NEW_PASSWORD to the new user's password",
  },
  "cli.routing_rule_needs_condition": {
    vi: "cần ít nhất một trong --location, --topic, --kind",
    en: "give at least one of --location, --topic, --kind",
  },
  "cli.applied": { vi: "Đã áp dụng: {{names}}", en: "Applied: {{names}}" },
  "cli.up_to_date": { vi: "Cơ sở dữ liệu đã ở phiên bản mới nhất.", en: "The database is up to date." },
  "cli.demo_created": { vi: "Đã tạo dữ liệu mẫu. Mật khẩu demo: {{password}}", en: "Demo data created. Demo password: {{password}}" },
  "cli.topic_saved": { vi: "Đã lưu chủ đề {{code}}.", en: "Topic {{code}} saved." },
  "cli.deadline_saved": {
    vi: "Thời hạn của {{kind}} ({{urgency}}, {{stage}}): {{amount}} {{unit}}.",
    en: "Deadline of {{kind}} ({{urgency}}, {{stage}}): {{amount}} {{unit}}.",
  },
  "cli.refused_by_database": { vi: "cơ sở dữ liệu từ chối: {{detail}}", en: "refused by the database: {{detail}}" },
  "server.port_in_use": {
    vi: "Không khởi động được: cổng {{port}} đang được một chương trình khác dùng. Hãy dừng chương trình đó hoặc đặt PORT khác.",
    en: "Cannot start: port {{port}} is in use by another program. Stop that program or set PORT to another port.",
  },
  "server.port_denied": {
    vi: "Không khởi động được: không có quyền mở cổng {{port}} (cổng dưới 1024 cần quyền quản trị). Hãy đặt PORT khác.",
    en: "Cannot start: not allowed to open port {{port}} (ports below 1024 need administrator rights). Set PORT to another port.",
  },
  "server.data_dir_in_use": {
    vi: "Không khởi động được: thư mục dữ liệu {{dataDir}} đang được một tiến trình Lắng nghe khác dùng (pid {{pid}}). Hãy dừng tiến trình đó hoặc đặt DATA_DIR khác.",
    en: "Cannot start: the data directory {{dataDir}} is in use by another Lắng nghe process (pid {{pid}}). Stop that process first, or set DATA_DIR to another directory.",
  },
  "server.database_unreachable": {
    vi: "Không kết nối được cơ sở dữ liệu PostgreSQL {{target}}: {{reason}}. Hãy kiểm tra DATABASE_URL và máy chủ PostgreSQL.",
    en: "Cannot connect to the PostgreSQL database {{target}}: {{reason}}. Check DATABASE_URL and that the server is running.",
  },
  "server.running": { vi: "Lắng nghe đang chạy trên {{engine}}: {{url}}", en: "Lắng nghe is running on {{engine}}: {{url}}" },
  "server.stopping": { vi: "Nhận tín hiệu {{signal}}: đang dừng…", en: "{{signal}} received: shutting down…" },
  "server.stopped": { vi: "Đã dừng an toàn.", en: "Stopped cleanly." },
  "server.demo_created": {
    vi: "Đã tạo dữ liệu mẫu (Công an tỉnh Thanh Hóa). Tài khoản demo:",
    en: "Demo data created (Công an tỉnh Thanh Hóa). Demo logins:",
  },
  "server.demo_login": { vi: "  {{username}} {{role}} mật khẩu: {{password}}", en: "  {{username}} {{role}} password: {{password}}" },
  "server.demo_qr": { vi: "  Đường dẫn QR của Công an xã Thiệu Hóa: {{path}}", en: "  QR link of Công an xã Thiệu Hóa: {{path}}" },
  "server.demo_once": { vi: "  Mật khẩu chỉ hiển thị một lần.", en: "  This password is shown only once." },
} as const;

export type CliMessageKey = keyof typeof MESSAGES;

/** The usage text in `language`. */
export function usage(language: CliLanguage): string {
  return USAGE[language];
}

/** The message `key` in `language`, with `{{name}}` placeholders filled from `params`. */
export function cliMessage(key: CliMessageKey, language: CliLanguage, params: Record<string, string | number> = {}): string {
  return MESSAGES[key][language].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ""));
}
