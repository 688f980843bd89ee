import { Text, Timeline } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../../ui/DateTime";
import type { HistoryEntry } from "../api";

interface OpinionTimelineProps {
  history: HistoryEntry[];
  /** Show who made each change (officers' view). */
  showActors?: boolean;
  labelledBy?: string;
}

/** The opinion's history, oldest first, as a vertical timeline in plain words: what happened, where it went, why. */
export function OpinionTimeline({ history, showActors = false, labelledBy }: OpinionTimelineProps) {
  const { t } = useTranslation();
  if (history.length === 0) return <Text>{t("opinion.noHistory")}</Text>;
  return (
    <Timeline
      active={history.length - 1}
      bulletSize={16}
      lineWidth={2}
      role="list"
      aria-labelledby={labelledBy}
      className="opinion-timeline"
    >
      {history.map((entry, index) => (
        <Timeline.Item
          key={`${entry.type}-${entry.at}-${index}`}
          role="listitem"
          title={t(`event.${entry.type}`, { defaultValue: t(`status.${entry.status}`, { defaultValue: entry.status }) })}
        >
          {entry.target && <Text size="sm">{t("opinion.historyTarget", { target: entry.target })}</Text>}
          {entry.note && (
            <Text size="sm" className="prewrap">
              {t("opinion.historyNote", { note: entry.note })}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            <DateTime value={entry.at} />
            {showActors && (
              <>
                {" · "}
                {entry.actorName || t("opinion.actorSystem")}
              </>
            )}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
