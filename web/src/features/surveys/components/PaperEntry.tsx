import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../../i18n";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { enterPaperForms, setPaperCounts, type Campaign } from "../api";
import { DateField } from "../../../ui/DateField";
import { todayInVietnam } from "../../../ui/vietnam-time";

/**
 * Fast keyboard entry of filled paper forms: one digit per Likert question (1–5, blank when unanswered),
 * focus moves on by itself, Enter saves the form; and the unit's issued/returned counts.
 */
export function PaperEntry({ campaign, unitId }: { campaign: Campaign; unitId: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const likert = campaign.questions.filter((q) => q.type === "likert");
  const [day, setDay] = useState(todayInVietnam);
  const [digits, setDigits] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(0);
  const [issued, setIssued] = useState("");
  const [returned, setReturned] = useState("");
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const save = useMutation({
    mutationFn: () =>
      enterPaperForms(campaign.id, unitId, [
        {
          clientKey: crypto.randomUUID(),
          answeredOn: day,
          answers: Object.fromEntries(likert.map((q) => [q.id, digits[q.id] ? Number(digits[q.id]) : null])),
        },
      ]),
    onSuccess: (result) => {
      setSaved((n) => n + result.recorded);
      setDigits({});
      inputs.current[0]?.focus();
    },
  });
  const counts = useMutation({ mutationFn: () => setPaperCounts(campaign.id, unitId, Number(issued), Number(returned)) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`paper-${unitId}`}>
      <Stack gap="sm">
        <Title order={3} id={`paper-${unitId}`}>
          {t("surveys.paper.title")}
        </Title>
        <Text size="sm">{t("surveys.paper.hint")}</Text>
        <form onSubmit={submit}>
          <Stack gap="xs">
            <DateField id={`paper-day-${unitId}`} label={t("surveys.paper.day")} value={day} onChange={setDay} />
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
              {likert.map((q, i) => (
                <TextInput
                  key={q.id}
                  ref={(el) => {
                    inputs.current[i] = el;
                  }}
                  label={`${i + 1}. ${q.text[lang]}`}
                  inputMode="numeric"
                  maxLength={1}
                  value={digits[q.id] ?? ""}
                  onChange={(e) => {
                    const value = e.currentTarget.value.replace(/[^1-5]/g, "");
                    setDigits((d) => ({ ...d, [q.id]: value }));
                    if (value) inputs.current[i + 1]?.focus();
                  }}
                />
              ))}
            </SimpleGrid>
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t("surveys.paper.save")}
              </Button>
              <Text size="sm" aria-live="polite">
                {t("surveys.paper.saved", { count: saved })}
              </Text>
            </Group>
            {save.error && <ErrorAlert title={t("surveys.paper.error")}>{save.error.message}</ErrorAlert>}
          </Stack>
        </form>
        <Group align="end" gap="xs">
          <TextInput label={t("surveys.paper.issued")} inputMode="numeric" value={issued} onChange={(e) => setIssued(e.currentTarget.value.replace(/\D/g, ""))} w={140} />
          <TextInput label={t("surveys.paper.returned")} inputMode="numeric" value={returned} onChange={(e) => setReturned(e.currentTarget.value.replace(/\D/g, ""))} w={140} />
          <Button variant="light" onClick={() => counts.mutate()} loading={counts.isPending} disabled={issued === "" || returned === ""}>
            {t("surveys.paper.saveCounts")}
          </Button>
        </Group>
        {counts.data && <Text size="sm">{t("surveys.paper.counts", counts.data)}</Text>}
        {counts.error && <ErrorAlert title={t("surveys.paper.error")}>{counts.error.message}</ErrorAlert>}
      </Stack>
    </Paper>
  );
}
