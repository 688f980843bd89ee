import { Chip, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useTopics } from "../hooks/useTopics";
import { MAX_TOPICS } from "../submit-validation";

interface TopicPickerProps {
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | undefined;
  /** Id of the fieldset, focused by the form's error summary. */
  id: string;
}

/**
 * Optional topic tags, as large toggle chips (at most five). If the list cannot be loaded the citizen is
 * told so and can send the opinion without topics.
 */
export function TopicPicker({ value, onChange, error, id }: TopicPickerProps) {
  const { t } = useTranslation();
  const { data: topics, isPending, isError } = useTopics();
  const isFull = value.length >= MAX_TOPICS;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className="plain-fieldset"
      aria-describedby={error ? `${hintId} ${errorId}` : hintId}
    >
      <legend className="plain-fieldset__legend">{t("submit.topics.legend")}</legend>
      <Text size="sm" c="dimmed" id={hintId} mb="xs">
        {t("submit.topics.hint", { max: MAX_TOPICS })}{" "}
        {topics && topics.length > 0 && t("submit.topics.count", { count: value.length, max: MAX_TOPICS })}
      </Text>
      {isPending ? (
        <Text size="sm">{t("submit.topics.loading")}</Text>
      ) : isError || !topics ? (
        <Text size="sm" data-testid="topics-unavailable">
          {t("submit.topics.loadError")}
        </Text>
      ) : (
        <Chip.Group multiple value={value} onChange={onChange}>
          <Group gap="xs" className="topic-chips">
            {topics.map((topic) => (
              <Chip
                key={topic.code}
                value={topic.code}
                size="md"
                variant="outline"
                disabled={isFull && !value.includes(topic.code)}
              >
                {topic.name}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      )}
      {error && (
        <Text size="sm" c="error" role="alert" id={errorId} mt="xs">
          {error}
        </Text>
      )}
    </fieldset>
  );
}
