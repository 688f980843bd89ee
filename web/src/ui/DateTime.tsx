import { formatDateTime } from "./format-date-time";

/** A `<time>` element showing an instant as dd/mm/yyyy HH:mm (Asia/Ho_Chi_Minh). */
export function DateTime({ value }: { value: string }) {
  return <time dateTime={value}>{formatDateTime(value)}</time>;
}
