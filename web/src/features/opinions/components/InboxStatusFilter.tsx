import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { OPINION_STATUSES, type OpinionStatus } from "../api";

interface InboxStatusFilterProps {
  value: OpinionStatus | null;
  onChange: (status: OpinionStatus | null) => void;
}

/** Narrows the inbox to one status; a native select, the most robust for keyboard and screen readers. */
export function InboxStatusFilter({ value, onChange }: InboxStatusFilterProps) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      id="inbox-status-filter"
      label={t("inbox.filterLabel")}
      value={value ?? ""}
      onChange={(event) => {
        const next = event.currentTarget.value;
        onChange((OPINION_STATUSES as readonly string[]).includes(next) ? (next as OpinionStatus) : null);
      }}
      data={[
        { value: "", label: t("inbox.filterAll") },
        ...OPINION_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) })),
      ]}
      maw={320}
    />
  );
}
