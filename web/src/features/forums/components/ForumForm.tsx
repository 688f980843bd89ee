import { Button, NativeSelect, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../app/api-client";
import { DateField } from "../../../ui/DateField";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { instantOfVietnamTime } from "../../../ui/vietnam-time";
import { useUnitOptions } from "../../units/hooks/useUnitOptions";
import { createForum, type Forum } from "../api";

/** "Label: value" lines ("Tiếp nhận tin báo: 100%") into key figures. */
function parseFigures(text: string) {
  return text
    .split("\n")
    .map((l) => l.split(":"))
    .filter((parts) => parts.length >= 2 && parts[0]?.trim() && parts.slice(1).join(":").trim())
    .map((parts) => ({ label: (parts[0] ?? "").trim(), value: parts.slice(1).join(":").trim() }));
}

/** Plans a forum of the officer's unit: when, where (commune, hamlet), who chairs and records, the report. */
export function ForumForm({ unitId, onCreated }: { unitId: string; onCreated: (forum: Forum) => void }) {
  const { t } = useTranslation();
  const units = useUnitOptions();
  const [f, setF] = useState({
    title: "",
    startsAt: "",
    locationUnitId: unitId,
    hamlet: "",
    place: "",
    chairName: "",
    secretaryName: "",
    coOrganisers: "",
    invitedGroups: "",
    expectedAttendance: "" as number | string,
    reportText: "",
    figures: "",
  });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (key: keyof typeof f) => (value: string | number) => setF((d) => ({ ...d, [key]: value }));

  // The officer's unit and those below it: where the forum may be held.
  const places = useMemo(() => {
    const start = units.options.findIndex((o) => o.unit.id === unitId);
    if (start < 0) return [];
    const depth = units.options[start]?.depth ?? 0;
    const end = units.options.findIndex((o, i) => i > start && o.depth <= depth);
    return units.options.slice(start, end < 0 ? undefined : end).map((o) => ({ value: o.unit.id, label: `${"\u00a0\u00a0".repeat(o.depth - depth)}${o.unit.name}` }));
  }, [units.options, unitId]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const forum = await createForum({
        unitId,
        title: f.title,
        startsAt: f.startsAt ? instantOfVietnamTime(f.startsAt) : "",
        locationUnitId: f.locationUnitId,
        ...(f.hamlet ? { hamlet: f.hamlet } : {}),
        place: f.place,
        chairName: f.chairName,
        secretaryName: f.secretaryName,
        coOrganisers: f.coOrganisers,
        invitedGroups: f.invitedGroups,
        ...(typeof f.expectedAttendance === "number" ? { expectedAttendance: f.expectedAttendance } : {}),
        reportText: f.reportText,
        keyFigures: parseFigures(f.figures),
      });
      onCreated(forum);
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : String(caught));
    } finally {
      setSaving(false);
    }
  };

  const text = (key: keyof typeof f, required = false) => (
    <TextInput label={t(`forums.form.${key}`)} value={String(f[key])} onChange={(e) => set(key)(e.currentTarget.value)} required={required} />
  );
  return (
    <form onSubmit={onSubmit} aria-label={t("forums.form.name")} noValidate>
      <Stack gap="sm">
        {error && <ErrorAlert title={t("forums.form.error")}>{error}</ErrorAlert>}
        {text("title", true)}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField id="forum-starts-at" withTime label={t("forums.form.startsAt")} value={f.startsAt} onChange={set("startsAt")} required />
          <NativeSelect label={t("forums.form.locationUnitId")} value={f.locationUnitId} onChange={(e) => set("locationUnitId")(e.currentTarget.value)} data={places} />
          {text("hamlet")}
          {text("place", true)}
          {text("chairName", true)}
          {text("secretaryName", true)}
          {text("coOrganisers")}
          {text("invitedGroups")}
          <NumberInput label={t("forums.form.expectedAttendance")} value={f.expectedAttendance} onChange={set("expectedAttendance")} min={0} />
        </SimpleGrid>
        <Textarea label={t("forums.form.reportText")} value={f.reportText} onChange={(e) => set("reportText")(e.currentTarget.value)} minRows={3} autosize />
        <Textarea label={t("forums.form.figures")} description={t("forums.form.figuresHint")} value={f.figures} onChange={(e) => set("figures")(e.currentTarget.value)} minRows={2} autosize />
        <Button type="submit" loading={saving}>
          {t("forums.form.submit")}
        </Button>
      </Stack>
    </form>
  );
}
