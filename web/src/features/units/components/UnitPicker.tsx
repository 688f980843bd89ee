import { Button, Paper, Select, Stack, Text, type ComboboxItem, type OptionsFilter } from "@mantine/core";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useActiveDescendantGuard } from "../../../ui/useActiveDescendantGuard";
import { useUnitOptions } from "../hooks/useUnitOptions";
import { foldQueryWords, matchesUnitWords } from "../unit-tree";

const MAX_SHOWN_OPTIONS = 100;

interface UnitPickerProps {
  value: string | null;
  onChange: (unitId: string | null) => void;
  /** Error message to show and link to the field. */
  error?: string | undefined;
  /** Unit chosen by the QR code the citizen scanned (`?unit=<id>`), shown as a confirmed choice. */
  presetUnitId?: string | null | undefined;
  /** id of the search input, so the form can focus it and link to it from its error summary. */
  inputId?: string | undefined;
}

/**
 * Picks the unit an opinion is sent to: a searchable list of the unit tree, indented by level,
 * whose search ignores diacritics ("thieu hoa" finds "Thiệu Hóa"). A unit brought by a QR code is
 * shown as the current choice, with a button to pick another one.
 */
export function UnitPicker({ value, onChange, error, presetUnitId, inputId }: UnitPickerProps) {
  const { t } = useTranslation();
  const { options, byId, isPending, isError, refetch } = useUnitOptions();
  const [isChanging, setIsChanging] = useState(false);
  const selectRef = useRef<HTMLInputElement | null>(null);
  const focusSelectOnMount = useRef(false);
  const [pickerElement, setPickerElement] = useState<HTMLDivElement | null>(null);
  useActiveDescendantGuard(pickerElement);

  const presetOption = presetUnitId ? byId.get(presetUnitId) : undefined;
  const isPresetUnknown = Boolean(presetUnitId) && !isPending && !isError && !presetOption;
  const showPresetCard = presetOption !== undefined && value === presetOption.unit.id && !isChanging && !error;

  // A QR code naming a unit that does not exist (or no longer does) must not be sent silently.
  useEffect(() => {
    if (isPresetUnknown && value === presetUnitId) onChange(null);
  }, [isPresetUnknown, value, presetUnitId, onChange]);

  useEffect(() => {
    if (!showPresetCard && focusSelectOnMount.current) {
      focusSelectOnMount.current = false;
      selectRef.current?.focus();
    }
  }, [showPresetCard]);

  const data = useMemo<ComboboxItem[]>(
    () => options.map((option) => ({ value: option.unit.id, label: option.unit.name })),
    [options],
  );

  const filter = useMemo<OptionsFilter>(
    () =>
      ({ options: items, search, limit }) => {
        const words = foldQueryWords(search);
        const shown: ComboboxItem[] = [];
        for (const item of items) {
          if ("group" in item) continue;
          const option = byId.get(item.value);
          if (option && !matchesUnitWords(option, words)) continue;
          shown.push(item);
          if (shown.length >= limit) break;
        }
        return shown;
      },
    [byId],
  );

  if (isError) {
    return (
      <Stack gap="xs">
        <ErrorAlert title={t("submit.unit.loadError")} />
        <div>
          <Button variant="outline" onClick={() => void refetch()}>
            {t("common.retry")}
          </Button>
        </div>
      </Stack>
    );
  }

  if (showPresetCard) {
    return (
      <Paper withBorder p="md" role="group" aria-labelledby="unit-preset-title" className="unit-preset">
        <Text id="unit-preset-title" fw={600} size="sm">
          {t("submit.unit.label")}
        </Text>
        <Text fz="lg" fw={700} data-testid="selected-unit">
          {presetOption.unit.name}
        </Text>
        {presetOption.ancestors.length > 0 && (
          <Text size="sm" c="dimmed">
            {t("submit.unit.belongsTo", { path: presetOption.ancestors.join(" › ") })}
          </Text>
        )}
        <Text size="sm" mt="xs">
          {t("submit.unit.qrHint")}
        </Text>
        <Button
          variant="outline"
          size="sm"
          mt="sm"
          onClick={() => {
            focusSelectOnMount.current = true;
            setIsChanging(true);
          }}
        >
          {t("submit.unit.change")}
        </Button>
      </Paper>
    );
  }

  const selected = value ? byId.get(value) : undefined;

  return (
    <Stack gap={4} ref={setPickerElement}>
      {isPresetUnknown && (
        <Text size="sm" c="red.9" role="status">
          {t("submit.unit.qrUnknown")}
        </Text>
      )}
      <Select
        ref={selectRef}
        id={inputId}
        label={t("submit.unit.label")}
        description={t("submit.unit.description")}
        placeholder={isPending ? t("submit.unit.loading") : t("submit.unit.placeholder")}
        disabled={isPending}
        required
        searchable
        data={data}
        value={value}
        onChange={(unitId) => onChange(unitId)}
        filter={filter}
        limit={MAX_SHOWN_OPTIONS}
        // The listbox itself scrolls and the dropdown stays inside <main>: screen readers and axe
        // then treat it as the combobox's popup, not as an unlabelled scroll region outside landmarks.
        withScrollArea={false}
        styles={{ options: { maxHeight: "min(20rem, 50vh)", overflowY: "auto" } }}
        comboboxProps={{ withinPortal: false }}
        // Focusing the field (Tab, or after a failed submit) must not throw a long list over the form.
        openOnFocus={false}
        nothingFoundMessage={t("submit.unit.nothingFound")}
        allowDeselect={false}
        error={error}
        autoComplete="off"
        renderOption={({ option }) => {
          const unitOption = byId.get(option.value);
          const depth = unitOption?.depth ?? 0;
          const parent = unitOption?.ancestors.at(-1);
          return (
            <div style={{ paddingInlineStart: `${depth * 0.85}rem` }}>
              <div>{option.label}</div>
              {unitOption && (
                <div style={{ fontSize: "0.8em" }}>
                  {parent ? `${unitOption.unit.levelName} · ${parent}` : unitOption.unit.levelName}
                </div>
              )}
            </div>
          );
        }}
      />
      {selected && selected.ancestors.length > 0 && (
        <Text size="sm" c="dimmed">
          {t("submit.unit.belongsTo", { path: selected.ancestors.join(" › ") })}
        </Text>
      )}
    </Stack>
  );
}
