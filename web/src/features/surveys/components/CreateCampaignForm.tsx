import { Button, Checkbox, Group, NativeSelect, Paper, Stack, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../../i18n";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { createCampaign, fetchFieldsOfWork, fetchTemplates, surveyKeys, type Campaign, type SurveyFamily } from "../api";
import { DateField } from "../../../ui/DateField";

const FAMILIES: SurveyFamily[] = ["perception", "contact", "open"];
const ATTRIBUTES = ["ageBand", "sex", "occupation", "area"] as const;

/** A leader creates a campaign over units of the own subtree (`units`: the candidates, by name). */
export function CreateCampaignForm({ units, onCreated }: { units: { id: string; name: string }[]; onCreated: (campaign: Campaign) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const templates = useQuery({ queryKey: surveyKeys.templates(), queryFn: ({ signal }) => fetchTemplates(signal) });
  const fields = useQuery({ queryKey: surveyKeys.fieldsOfWork(), queryFn: ({ signal }) => fetchFieldsOfWork(signal) });
  const [fieldOf, setFieldOf] = useState<Record<string, string>>({});
  const year = new Date().getFullYear();
  const [title, setTitle] = useState("");
  const [family, setFamily] = useState<SurveyFamily>("perception");
  const [templateCode, setTemplateCode] = useState("cand-3104");
  const [startsOn, setStartsOn] = useState(`${year}-01-01`);
  const [endsOn, setEndsOn] = useState(`${year}-12-31`);
  const [selected, setSelected] = useState<string[]>([]);
  const [attributes, setAttributes] = useState<string[]>([]);
  const mutation = useMutation({
    mutationFn: createCampaign,
    onSuccess: async (campaign) => {
      await queryClient.invalidateQueries({ queryKey: surveyKeys.campaigns() });
      onCreated(campaign);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({
      title,
      family,
      templateCode,
      channels: family === "contact" ? ["desk", "qr"] : ["qr", "online", "forum"],
      startsOn,
      endsOn,
      units: selected.map((unitId) => ({ unitId, fieldCode: fieldOf[unitId] || null })),
      attributes,
    });
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="create-campaign-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} id="create-campaign-title">
            {t("surveys.console.createTitle")}
          </Title>
          <TextInput label={t("surveys.console.campaignTitle")} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
          <NativeSelect
            label={t("surveys.console.family")}
            value={family}
            onChange={(e) => setFamily(e.currentTarget.value as SurveyFamily)}
            data={FAMILIES.map((f) => ({ value: f, label: t(`surveys.families.${f}`) }))}
          />
          <NativeSelect
            label={t("surveys.console.template")}
            value={templateCode}
            onChange={(e) => setTemplateCode(e.currentTarget.value)}
            data={(templates.data ?? []).map((tpl) => ({ value: tpl.code, label: `${tpl.name[lang]} (v${tpl.version})` }))}
          />
          <Group grow>
            <DateField id="campaign-starts-on" label={t("surveys.console.startsOn")} value={startsOn} onChange={setStartsOn} />
            <DateField id="campaign-ends-on" label={t("surveys.console.endsOn")} value={endsOn} onChange={setEndsOn} />
          </Group>
          <Checkbox.Group label={t("surveys.console.units")} value={selected} onChange={setSelected}>
            <Stack gap={4} mt="xs" mah={240} style={{ overflow: "auto" }}>
              {units.map((u) => (
                <Group key={u.id} gap="sm" wrap="nowrap">
                  <Checkbox value={u.id} label={u.name} />
                  {selected.includes(u.id) && (
                    <NativeSelect
                      size="xs"
                      aria-label={t("surveys.console.fieldOfWorkOf", { unit: u.name })}
                      value={fieldOf[u.id] ?? ""}
                      onChange={(e) => setFieldOf({ ...fieldOf, [u.id]: e.currentTarget.value })}
                      data={[{ value: "", label: t("surveys.console.noFieldOfWork") }, ...(fields.data ?? []).map((f) => ({ value: f.code, label: f.name[lang] }))]}
                    />
                  )}
                </Group>
              ))}
            </Stack>
          </Checkbox.Group>
          <Checkbox.Group label={t("surveys.console.attributes")} value={attributes} onChange={setAttributes}>
            <Group gap="md" mt="xs">
              {ATTRIBUTES.map((a) => (
                <Checkbox key={a} value={a} label={t(`surveys.attributes.${a}.label`)} />
              ))}
            </Group>
          </Checkbox.Group>
          {mutation.error && <ErrorAlert title={t("surveys.console.createError")}>{mutation.error.message}</ErrorAlert>}
          <Button type="submit" loading={mutation.isPending}>
            {t("surveys.console.create")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
