import "@mantine/dates/styles.css";
import "./date-field.css";
import "dayjs/locale/vi";
import { DateInput } from "@mantine/dates";
import { useTranslation } from "react-i18next";
import { todayInVietnam } from "./vietnam-time";

const DAY_MONTH_YEAR = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2})[:hg](\d{2}))?\s*$/;
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Reads a date typed the Vietnamese way — `dd/mm/yyyy`, also `d/m/yyyy` or with `.` or `-` — and, when
 * `withTime`, a time `HH:mm` after it. Returns `yyyy-mm-dd` (`yyyy-mm-dd HH:mm:00` with the time), or null
 * when the text is not a real calendar date (31/02/2026) or time.
 */
export function parseDayMonthYear(text: string, { withTime = false } = {}): string | null {
  const match = DAY_MONTH_YEAR.exec(text);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (!withTime) return date;
  const [hour, minute] = [Number(match[4] ?? 0), Number(match[5] ?? 0)];
  if (hour > 23 || minute > 59) return null;
  return `${date} ${pad(hour)}:${pad(minute)}:00`;
}

interface DateFieldProps {
  id: string;
  label: string;
  /**
   * `yyyy-mm-dd` (with `withTime`: `yyyy-mm-ddTHH:mm`, as a native datetime-local field), or "" when empty: Vietnam's
   * wall-clock time, whatever the PC's zone (`vietnam-time.ts` converts it to and from an instant).
   */
  value: string;
  onChange: (value: string) => void;
  withTime?: boolean;
  required?: boolean;
  error?: string;
  description?: string;
  /** Latest date that may be chosen, `yyyy-mm-dd`. */
  maxDate?: string;
}

/**
 * A date (or date and time) field that shows and reads `dd/mm/yyyy` whatever the browser's language — a native
 * date field follows the browser's locale (mm/dd/yyyy in an English Chrome) — typed from the keyboard or picked
 * in a calendar in the interface's language. Its value has the native field's shape, so it replaces one as is.
 */
export function DateField({ id, label, value, onChange, withTime = false, required, error, description, maxDate }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  return (
    <DateInput
      id={id}
      label={label}
      description={description}
      error={error}
      required={required}
      locale={i18n.language === "en" ? "en" : "vi"}
      valueFormat={withTime ? "DD/MM/YYYY HH:mm" : "DD/MM/YYYY"}
      withTime={withTime}
      placeholder={withTime ? t("common.dateTimePlaceholder") : t("common.datePlaceholder")}
      dateParser={(text) => parseDayMonthYear(text, { withTime })}
      value={value ? value.replace("T", " ") : null}
      onChange={(next) => onChange(next ? (withTime ? next.slice(0, 16).replace(" ", "T") : next.slice(0, 10)) : "")}
      maxDate={maxDate}
      // An empty field's calendar opens on Vietnam's month, not the PC's (they differ at a month's turn).
      defaultDate={todayInVietnam()}
      clearable={!required}
      clearButtonProps={{ "aria-label": t("common.clearDate") }}
      ariaLabels={{
        nextMonth: t("common.calendar.nextMonth"),
        previousMonth: t("common.calendar.previousMonth"),
        nextYear: t("common.calendar.nextYear"),
        previousYear: t("common.calendar.previousYear"),
        nextDecade: t("common.calendar.nextDecade"),
        previousDecade: t("common.calendar.previousDecade"),
      }}
      classNames={{ day: "ln-date-day", weekday: "ln-date-weekday" }}
      popoverProps={{ transitionProps: { duration: 0 } }}
      inputMode="numeric"
      autoComplete="off"
    />
  );
}
