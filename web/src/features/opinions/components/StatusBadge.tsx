import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { OpinionStatus } from "../api";

/** Badge colours, each ≥ 4.5:1 against its white text. */
const STATUS_COLORS: Record<OpinionStatus, string> = {
  RECEIVED: "#495057",
  CLASSIFIED: "#364fc7",
  ASSIGNED: "#5f3dc4",
  IN_PROGRESS: "#a84300",
  ANSWERED: "#176236",
  NOTIFIED: "#087f5b",
  CLOSED: "#343a40",
  REJECTED: "#c92a2a",
  TRANSFERRED: "#0b7285",
  ROUTED: "#0b7285",
  MERGED: "#5f3dc4",
};

/** An opinion's status in plain words, as a coloured badge. */
export function StatusBadge({ status, size = "md" }: { status: OpinionStatus; size?: "sm" | "md" | "lg" }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status] ?? "#495057"}
      variant="filled"
      size={size}
      radius="sm"
      tt="none"
      data-status={status}
      // Long Vietnamese status names wrap instead of being cut off with an ellipsis.
      styles={{
        root: { height: "auto", minHeight: "var(--badge-height)", paddingBlock: 2, maxWidth: "100%" },
        label: { whiteSpace: "normal", overflow: "visible", textOverflow: "clip", lineHeight: 1.3 },
      }}
    >
      {t(`status.${status}`, { defaultValue: status })}
    </Badge>
  );
}
