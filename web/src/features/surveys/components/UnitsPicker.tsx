import { Checkbox, Group, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../../i18n";
import { fetchFieldsOfWork, surveyKeys } from "../api";

/** An evaluated unit as a campaign form holds it: the field of work code and the quota as typed. */
export interface UnitSelection {
  unitId: string;
  fieldCode: string;
  quota: string;
}

/** Whether a typed quota is acceptable: empty (none) or a whole number from 1 to 1,000,000. */
export function isQuotaValid(quota: string): boolean {
  return quota.trim() === "" || (/^\d+$/.test(quota.trim()) && Number(quota) >= 1 && Number(quota) <= 1_000_000);
}

interface UnitsPickerProps {
  candidates: { id: string; name: string }[];
  value: UnitSelection[];
  onChange: (value: UnitSelection[]) => void;
  /** Units that must stay, with their field of work (stored responses count in them). */
  lockedIds?: string[];
  showErrors: boolean;
}

/** The evaluated units of a campaign, each with its field of work and an optional quota of responses. */
export function UnitsPicker({ candidates, value, onChange, lockedIds = [], showErrors }: UnitsPickerProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const fields = useQuery({ queryKey: surveyKeys.fieldsOfWork(), queryFn: ({ signal }) => fetchFieldsOfWork(signal) });
  const byId = new Map(value.map((u) => [u.unitId, u]));
  const update = (unitId: string, patch: Partial<UnitSelection>) => onChange(value.map((u) => (u.unitId === unitId ? { ...u, ...patch } : u)));
  const toggle = (unitId: string, isChecked: boolean) =>
    onChange(isChecked ? [...value, { unitId, fieldCode: "", quota: "" }] : value.filter((u) => u.unitId !== unitId));
  return (
    <Stack gap={4} role="group" aria-labelledby="campaign-units-label">
      <Text fw={500} size="sm" id="campaign-units-label">
        {t("surveys.console.units")}
      </Text>
      {showErrors && value.length === 0 && (
        <Text size="sm" c="red" role="alert">
          {t("campaignEditor.errors.unitsRequired")}
        </Text>
      )}
      <Stack gap={4} mah={300} style={{ overflow: "auto" }}>
        {candidates.map((u) => {
          const selected = byId.get(u.id);
          const isLocked = lockedIds.includes(u.id);
          return (
            <Group key={u.id} gap="sm" wrap="nowrap" align="flex-start">
              <Checkbox
                mt={6}
                label={u.name}
                checked={selected !== undefined}
                disabled={isLocked}
                onChange={(e) => toggle(u.id, e.currentTarget.checked)}
                description={isLocked ? t("campaignEditor.unitLocked") : undefined}
              />
              {selected && (
                <>
                  <NativeSelect
                    size="xs"
                    aria-label={t("surveys.console.fieldOfWorkOf", { unit: u.name })}
                    value={selected.fieldCode}
                    disabled={isLocked}
                    onChange={(e) => update(u.id, { fieldCode: e.currentTarget.value })}
                    data={[{ value: "", label: t("surveys.console.noFieldOfWork") }, ...(fields.data ?? []).map((f) => ({ value: f.code, label: f.name[lang] }))]}
                  />
                  <TextInput
                    size="xs"
                    w={150}
                    inputMode="numeric"
                    aria-label={t("campaignEditor.quotaOf", { unit: u.name })}
                    placeholder={t("campaignEditor.quotaPlaceholder")}
                    value={selected.quota}
                    error={showErrors && !isQuotaValid(selected.quota) ? t("campaignEditor.errors.quota") : undefined}
                    onChange={(e) => update(u.id, { quota: e.currentTarget.value })}
                  />
                </>
              )}
            </Group>
          );
        })}
      </Stack>
    </Stack>
  );
}

/** The units as the API takes them (an empty field or quota is none). */
export function unitInputsOf(selection: UnitSelection[]) {
  return selection.map((u) => ({ unitId: u.unitId, fieldCode: u.fieldCode || null, quota: u.quota.trim() === "" ? null : Number(u.quota) }));
}
