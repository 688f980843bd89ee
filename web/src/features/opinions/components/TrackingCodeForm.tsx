import { Button, Group, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { compactTrackingCode, isPlausibleTrackingCode } from "../tracking-code";

/** Asks for a tracking code (any case, spaces or dashes allowed) and opens /track/<code>. */
export function TrackingCodeForm({ initialCode = "" }: { initialCode?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState(initialCode);
  const [error, setError] = useState<string | undefined>(undefined);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const compact = compactTrackingCode(code);
    if (compact === "") {
      setError(t("track.errors.codeRequired"));
      document.getElementById("tracking-code-input")?.focus();
      return;
    }
    if (!isPlausibleTrackingCode(compact)) {
      setError(t("track.errors.codeInvalid"));
      document.getElementById("tracking-code-input")?.focus();
      return;
    }
    setError(undefined);
    navigate(`/track/${compact}`);
  };

  return (
    <form onSubmit={handleSubmit} noValidate aria-label={t("track.formName")}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          id="tracking-code-input"
          label={t("track.code.label")}
          placeholder={t("track.code.placeholder")}
          value={code}
          onChange={(event) => {
            setCode(event.currentTarget.value);
            if (error) setError(undefined);
          }}
          error={error}
          errorProps={{ role: "alert" }}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          style={{ flex: "1 1 14rem" }}
          classNames={{ input: "tracking-code-input" }}
        />
        <Button type="submit" mt={{ base: 0, xs: 26 }}>
          {t("track.submit")}
        </Button>
      </Group>
    </form>
  );
}
