import { Checkbox, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** How responses can arrive (the server's SURVEY_CHANNELS). */
export const SURVEY_CHANNELS = ["qr", "online", "desk", "paper", "forum"] as const;

/** The channels a campaign takes responses through; at least one. */
export function ChannelsPicker({ value, onChange, showErrors }: { value: string[]; onChange: (value: string[]) => void; showErrors: boolean }) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      label={t("campaignEditor.channels")}
      value={value}
      onChange={onChange}
      error={showErrors && value.length === 0 ? t("campaignEditor.errors.channelsRequired") : undefined}
    >
      <Group gap="md" mt="xs">
        {SURVEY_CHANNELS.map((c) => (
          <Checkbox key={c} value={c} label={t(`campaignEditor.channelNames.${c}`)} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
