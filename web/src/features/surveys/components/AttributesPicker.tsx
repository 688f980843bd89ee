import { Checkbox, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";

const ATTRIBUTES = ["ageBand", "sex", "occupation", "area"] as const;

/** The optional respondent attributes a campaign asks for, only with the respondent's consent. */
export function AttributesPicker({ value, onChange, isDisabled = false }: { value: string[]; onChange: (value: string[]) => void; isDisabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group label={t("surveys.console.attributes")} value={value} onChange={onChange}>
      <Group gap="md" mt="xs">
        {ATTRIBUTES.map((a) => (
          <Checkbox key={a} value={a} label={t(`surveys.attributes.${a}.label`)} disabled={isDisabled} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
