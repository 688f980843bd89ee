import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../app/api-client";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { IMPORT_FIELDS, type ColumnMapping, type ImportField, type ImportState } from "../api";
import { useRemapImport } from "../hooks/useRemapImport";

/** The option that leaves a field unfilled. */
const UNUSED = "";

/**
 * "Cột trong tệp": for each field, a select of the file's headers, prefilled with the mapping used; the file is
 * checked again with the columns chosen. For exports of other systems whose headers the guess does not know.
 */
export function ImportMappingForm({
  state,
  intro,
  shouldFocus = false,
  onSubmitted,
  onCancel,
}: {
  state: ImportState;
  /** Why the form is shown (no content column found), or the default explanation. */
  intro?: string;
  /** Opened on demand: its heading takes the focus, as the button that opened it is gone. */
  shouldFocus?: boolean;
  onSubmitted: () => void;
  /** Closes the form, when it was opened on demand. */
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const remap = useRemapImport(state.id);
  const headers = [...new Set(state.headers)];
  const [mapping, setMapping] = useState<Record<ImportField, string>>(() =>
    Object.fromEntries(IMPORT_FIELDS.map((f) => [f, headers.includes(state.mapping[f] ?? "") ? (state.mapping[f] ?? UNUSED) : UNUSED])) as Record<
      ImportField,
      string
    >,
  );
  const [contentError, setContentError] = useState<string | undefined>(undefined);
  const contentRef = useRef<HTMLSelectElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (shouldFocus) titleRef.current?.focus();
  }, [shouldFocus]);
  const options = [{ value: UNUSED, label: t("import.mapping.unused") }, ...headers.map((h) => ({ value: h, label: h }))];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mapping.content === UNUSED) {
      setContentError(t("import.mapping.contentRequired"));
      contentRef.current?.focus();
      return;
    }
    setContentError(undefined);
    const chosen: ColumnMapping = Object.fromEntries(IMPORT_FIELDS.filter((f) => mapping[f] !== UNUSED).map((f) => [f, mapping[f]]));
    remap.mutate(chosen, { onSuccess: onSubmitted });
  };

  return (
    <section aria-labelledby="import-mapping-title" id="import-mapping" data-testid="import-mapping">
      <form onSubmit={onSubmit} aria-labelledby="import-mapping-title" noValidate>
        <Stack gap="sm">
          <Title order={3} id="import-mapping-title" ref={titleRef} tabIndex={-1}>
            {t("import.mapping.title")}
          </Title>
          <Text>{intro ?? t("import.mapping.intro")}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            {IMPORT_FIELDS.map((field) => (
              <NativeSelect
                key={field}
                ref={field === "content" ? contentRef : undefined}
                label={t(`import.mapping.fields.${field}`)}
                withAsterisk={field === "content"}
                required={field === "content"}
                value={mapping[field]}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setMapping((m) => ({ ...m, [field]: value }));
                  if (field === "content" && value !== UNUSED) setContentError(undefined);
                }}
                data={options}
                error={field === "content" ? contentError : undefined}
                errorProps={{ role: "alert" }}
                data-field={field}
              />
            ))}
          </SimpleGrid>
          <Group gap="sm">
            <Button type="submit" loading={remap.isPending}>
              {t("import.mapping.submit")}
            </Button>
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                {t("import.mapping.cancel")}
              </Button>
            )}
          </Group>
          {remap.error && (
            <ErrorAlert title={t("import.mapping.failed")}>{isApiError(remap.error) ? remap.error.message : t("errors.network")}</ErrorAlert>
          )}
        </Stack>
      </form>
    </section>
  );
}
