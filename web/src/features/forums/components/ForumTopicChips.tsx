import { Chip, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useTopics } from "../../opinions/hooks/useTopics";
import { MAX_TOPICS } from "../../opinions/submit-validation";

/**
 * The configured topics as a row of chips under a legend: Tab reaches each chip, Space toggles it. With
 * `single`, a tap picks that topic in place of the previous one (a tap on the picked one clears it).
 */
export function ForumTopicChips({
  legend,
  value,
  onChange,
  single = false,
}: {
  legend: string;
  value: string[];
  onChange: (topics: string[]) => void;
  single?: boolean;
}) {
  const { t } = useTranslation();
  const { data: topics, isError } = useTopics();
  const max = single ? 1 : MAX_TOPICS;
  const pick = (next: string[]) => onChange(single ? next.filter((code) => !value.includes(code)) : next.slice(0, max));
  return (
    <fieldset className="plain-fieldset">
      <legend className="plain-fieldset__legend">{legend}</legend>
      {isError ? (
        <Text size="sm">{t("forums.topics.loadError")}</Text>
      ) : (
        <Chip.Group multiple value={value} onChange={pick}>
          <Group gap={6} className="topic-chips" data-testid="forum-topic-chips">
            {(topics ?? []).map((topic) => (
              <Chip
                key={topic.code}
                value={topic.code}
                size="sm"
                variant="outline"
                disabled={!single && value.length >= max && !value.includes(topic.code)}
              >
                {topic.name}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      )}
    </fieldset>
  );
}
