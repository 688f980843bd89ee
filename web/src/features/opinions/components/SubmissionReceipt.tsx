import { Anchor, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CopyTextButton } from "../../../ui/CopyTextButton";
import { isRoutingKind, type SubmitOpinionReceipt } from "../api";
import { compactTrackingCode } from "../tracking-code";
import { RoutingKindNotice } from "./RoutingKindNotice";
import { StatusBadge } from "./StatusBadge";

interface SubmissionReceiptProps {
  receipt: SubmitOpinionReceipt;
  onSendAnother: () => void;
}

/**
 * Confirms the submission: the tracking code, large and grouped as returned, to copy or write down. For a
 * kind with its own legal procedure, repeats where it really belongs: "call 113" first for an emergency.
 */
export function SubmissionReceipt({ receipt, onSendAnother }: SubmissionReceiptProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const routingKind = isRoutingKind(receipt.kind) ? receipt.kind : null;

  // Move focus to the confirmation so screen-reader and keyboard users land on it.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <Paper withBorder p={{ base: "md", sm: "xl" }} radius="md" className="receipt">
      <Stack gap="md">
        <Title order={2} ref={headingRef} tabIndex={-1}>
          {t("receipt.title")}
        </Title>
        {routingKind === "emergency" && <RoutingKindNotice kind={routingKind} stage="receipt" />}
        <div>
          <Text fw={600}>
            {t("receipt.codeLabel")}
          </Text>
          <Text
            component="p"
            className="tracking-code"
            data-testid="tracking-code"
            translate="no"
          >
            {receipt.trackingCode}
          </Text>
        </div>
        {routingKind && routingKind !== "emergency" && <RoutingKindNotice kind={routingKind} stage="receipt" />}
        <Group gap="xs">
          <Text>{t("receipt.status")}</Text>
          <StatusBadge status={receipt.status} />
        </Group>
        <Text fw={600}>{t("receipt.advice")}</Text>
        <CopyTextButton
          text={receipt.trackingCode}
          label={t("receipt.copy")}
          copiedMessage={t("receipt.copied")}
          failedMessage={t("receipt.copyFailed")}
        />
        <Group gap="md">
          <Anchor component={Link} to={`/track/${compactTrackingCode(receipt.trackingCode)}`} fw={600}>
            {t("receipt.trackLink")}
          </Anchor>
          <Button variant="subtle" onClick={onSendAnother}>
            {t("receipt.another")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
