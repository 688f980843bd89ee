import { Anchor, Button, Stack, Text } from "@mantine/core";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { Notice } from "../../../ui/Notice";
import { useOpinionContact } from "../hooks/useOpinionContact";

/** Shows the sender's contact details on request, saying that the view is recorded in the audit log. */
export function ContactReveal({ opinionId }: { opinionId: string }) {
  const { t } = useTranslation();
  const contact = useOpinionContact(opinionId);
  const detailsRef = useRef<HTMLDivElement>(null);
  const none = t("contact.none");

  // The button disappears once the details are shown: put focus on what replaced it.
  useEffect(() => {
    if (contact.data) detailsRef.current?.focus();
  }, [contact.data]);

  return (
    <Stack gap="sm">
      {contact.data ? (
        <div ref={detailsRef} tabIndex={-1} data-testid="contact-details">
          <dl className="facts">
            <div>
              <dt>{t("contact.name")}</dt>
              <dd>{contact.data.name || none}</dd>
            </div>
            <div>
              <dt>{t("contact.phone")}</dt>
              <dd>
                {contact.data.phone ? (
                  <Anchor href={`tel:${contact.data.phone.replace(/[^\d+]/g, "")}`}>{contact.data.phone}</Anchor>
                ) : (
                  none
                )}
              </dd>
            </div>
            <div>
              <dt>{t("contact.email")}</dt>
              <dd>{contact.data.email ? <Anchor href={`mailto:${contact.data.email}`}>{contact.data.email}</Anchor> : none}</dd>
            </div>
          </dl>
        </div>
      ) : (
        <>
          <Text>{t("contact.protected")}</Text>
          {contact.error && <ErrorAlert title={t("contact.error")}>{contact.error.message}</ErrorAlert>}
          <div>
            <Button variant="outline" onClick={() => contact.mutate()} loading={contact.isPending}>
              {t("contact.show")}
            </Button>
          </div>
        </>
      )}
      <div role="status" aria-live="polite">
        {contact.data && <Notice tone="info">{t("contact.recorded")}</Notice>}
      </div>
    </Stack>
  );
}
