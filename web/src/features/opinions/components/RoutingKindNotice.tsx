import { Alert, Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RoutingKind } from "../api";

interface RoutingKindNoticeProps {
  kind: RoutingKind;
  /** On the form the opinion "will be" recorded; on the receipt it "has been". */
  stage: "form" | "receipt";
}

/** Text colour of the emergency alert's title and button: ≥ 4.5:1 on white and on the light red tint. */
const EMERGENCY_RED = "#a51d1d";

/**
 * Legal triage in plain words: what a routing kind's own procedure is, that the opinion is still recorded and
 * forwarded, and how to follow it. An emergency gets a call-113 alert instead, announced as soon as it appears.
 */
export function RoutingKindNotice({ kind, stage }: RoutingKindNoticeProps) {
  const { t } = useTranslation();

  if (kind === "emergency") {
    return (
      <Alert
        role="alert"
        color="red"
        variant="light"
        className="emergency-alert"
        data-testid="emergency-alert"
        title={<span className="emergency-alert__title">{t("feedback.routing.emergency.title")}</span>}
        styles={{ title: { color: EMERGENCY_RED }, message: { color: "var(--mantine-color-text)" } }}
      >
        <Stack gap="sm">
          <Text>{t("feedback.routing.emergency.text")}</Text>
          <div>
            <Button component="a" href="tel:113" size="lg" color={EMERGENCY_RED} className="call-113">
              {t("feedback.routing.emergency.call")}
            </Button>
          </div>
          <Text>{t(stage === "form" ? "feedback.routing.emergency.form" : "feedback.routing.emergency.receipt")}</Text>
        </Stack>
      </Alert>
    );
  }

  return (
    // A static note (Mantine's Alert would be role="alert"): it follows the choice in reading order.
    <Alert
      role="note"
      color="blue"
      variant="light"
      className="routing-notice"
      data-testid="routing-notice"
      title={t(`feedback.routing.${kind}.title`)}
      styles={{ title: { color: "var(--mantine-color-text)" }, message: { color: "var(--mantine-color-text)" } }}
    >
      <Stack gap="xs">
        <Text>{t(`kindHint.${kind}`)}</Text>
        <Text>{t(`feedback.routing.${kind}.procedure`)}</Text>
        {kind === "denunciation" && <Text fw={700}>{t("feedback.routing.denunciation.secret")}</Text>}
        <Text>{t(stage === "form" ? "feedback.routing.recordedForm" : "feedback.routing.recordedReceipt")}</Text>
        <Text>{t("feedback.routing.track")}</Text>
      </Stack>
    </Alert>
  );
}
