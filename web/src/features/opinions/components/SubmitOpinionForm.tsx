import { Button, Checkbox, Fieldset, Radio, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../app/api-client";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { Notice } from "../../../ui/Notice";
import { UnitPicker } from "../../units/components/UnitPicker";
import {
  isRoutingKind,
  MAX_CONTENT_LENGTH,
  ROUTING_KINDS,
  WORKFLOW_KINDS,
  type OpinionKind,
  type SubmitOpinionBody,
  type SubmitOpinionReceipt,
} from "../api";
import { useTopics } from "../hooks/useTopics";
import { useSubmitOpinion } from "../hooks/useSubmitOpinion";
import {
  fieldFromServer,
  MAX_TARGET_OFFICER_LENGTH,
  MAX_TOPICS,
  normaliseContent,
  validateSubmission,
  type SubmitErrorKey,
  type SubmitField,
} from "../submit-validation";
import { RoutingKindNotice } from "./RoutingKindNotice";
import { TopicPicker } from "./TopicPicker";

/** DOM ids of the fields, used to focus the first invalid one and by the error summary's links. */
const FIELD_IDS: Record<SubmitField, string> = {
  unitId: "opinion-unit",
  kind: "opinion-kind-reflection",
  topics: "opinion-topics",
  content: "opinion-content",
  targetOfficer: "opinion-target-officer",
  contactName: "opinion-contact-name",
  contactPhone: "opinion-contact-phone",
  contactEmail: "opinion-contact-email",
  publicConsent: "opinion-public-consent",
};

/** Order in which errors are listed and focused: the order of the form. */
const FIELD_ORDER: SubmitField[] = [
  "unitId",
  "kind",
  "content",
  "topics",
  "targetOfficer",
  "contactName",
  "contactPhone",
  "contactEmail",
  "publicConsent",
];

/** Shared `name` of the two kind groups: one native radio group, one choice, one tab stop. */
const KIND_INPUT_NAME = "opinion-kind";

/** Kinds for which "about an officer or the unit itself" applies: criticism, not praise. */
function acceptsConcern(kind: OpinionKind): boolean {
  return kind !== "praise";
}

type Identity = "anonymous" | "contact";

interface ServerError {
  field: SubmitField | undefined;
  message: string;
}

interface SubmitOpinionFormProps {
  /** Unit brought by a QR code (`?unit=<id>`). */
  presetUnitId: string | null;
  /** A topic code the QR code carried (`?topic=`), preselected when it is in the configured list. */
  presetTopic: string | null;
  onSubmitted: (receipt: SubmitOpinionReceipt) => void;
}

function focusField(field: SubmitField): void {
  // Wait a tick: the field may only now be rendered (the QR unit card turns into the picker).
  window.setTimeout(() => document.getElementById(FIELD_IDS[field])?.focus(), 0);
}

/** One group of kinds as radio buttons sharing the form's single kind choice. */
function KindGroup({
  kinds,
  label,
  description,
  value,
  onChange,
  className,
}: {
  kinds: readonly OpinionKind[];
  label: string;
  description?: string;
  value: OpinionKind;
  onChange: (kind: OpinionKind) => void;
  className: string;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      name={KIND_INPUT_NAME}
      label={label}
      description={description}
      value={value}
      onChange={(next) => onChange(next as OpinionKind)}
      className={className}
    >
      <Stack gap="sm" mt="xs">
        {kinds.map((kind) => (
          <Radio key={kind} id={`opinion-kind-${kind}`} value={kind} label={t(`kind.${kind}`)} description={t(`kindHint.${kind}`)} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

/**
 * The citizen's form: unit, kind (with legal triage of the kinds that have their own procedure), content,
 * optional topics, optional officer or unit-conduct concern, anonymous or with contact details, consent to
 * publish. Checks what the server checks before sending, and shows the server's errors on their fields.
 */
export function SubmitOpinionForm({ presetUnitId, presetTopic, onSubmitted }: SubmitOpinionFormProps) {
  const { t } = useTranslation();
  const mutation = useSubmitOpinion();
  const [unitId, setUnitId] = useState<string | null>(presetUnitId);
  const [kind, setKind] = useState<OpinionKind>("reflection");
  const [content, setContent] = useState("");
  const [topics, setTopics] = useState<string[]>(() => (presetTopic && /^[a-z][a-z0-9_]{0,39}$/.test(presetTopic) ? [presetTopic] : []));
  const [aboutUnitConduct, setAboutUnitConduct] = useState(false);
  const [targetOfficer, setTargetOfficer] = useState("");
  const [identity, setIdentity] = useState<Identity>("anonymous");
  const [contactName, setContactName] = useState("");
  const [contactPhone, setContactPhone] = useState("");
  const [contactEmail, setContactEmail] = useState("");
  const [publicConsent, setPublicConsent] = useState(false);
  const honeypotRef = useRef<HTMLInputElement>(null);
  const topicList = useTopics();
  const [attemptCount, setAttemptCount] = useState(0);
  const hasAttempted = attemptCount > 0;
  const [serverError, setServerError] = useState<ServerError | null>(null);

  const isAnonymous = identity === "anonymous";
  const contentLength = normaliseContent(content).length;
  const hasConcern = acceptsConcern(kind);
  const clientErrors = validateSubmission({
    unitId,
    content,
    isAnonymous,
    contactName,
    contactPhone,
    contactEmail,
    topics,
    targetOfficer: hasConcern ? targetOfficer : "",
  });

  const errorText = (key: SubmitErrorKey) => {
    if (key === "submit.errors.tooManyTopics") return t(key, { max: MAX_TOPICS });
    if (key === "submit.errors.officerTooLong") return t(key, { max: MAX_TARGET_OFFICER_LENGTH });
    return t(key, { max: MAX_CONTENT_LENGTH.toLocaleString("vi-VN"), length: contentLength });
  };

  const fieldError = (field: SubmitField): string | undefined => {
    if (serverError?.field === field) return serverError.message;
    const key = hasAttempted ? clientErrors[field] : undefined;
    return key ? errorText(key) : undefined;
  };

  /** Wraps a setter so that editing a field clears a stale server error. */
  const edited =
    <T,>(setter: (value: T) => void) =>
    (value: T) => {
      setter(value);
      if (serverError) setServerError(null);
    };

  const summary: { field: SubmitField | undefined; message: string }[] = [];
  if (hasAttempted) {
    for (const field of FIELD_ORDER) {
      const message = fieldError(field);
      if (message) summary.push({ field, message });
    }
  }
  if (serverError && !serverError.field) summary.push({ field: undefined, message: serverError.message });

  const kindError = fieldError("kind");

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttemptCount((count) => count + 1);
    setServerError(null);
    const firstInvalid = FIELD_ORDER.find((field) => clientErrors[field]);
    if (firstInvalid) {
      focusField(firstInvalid);
      return;
    }
    const body: SubmitOpinionBody = {
      unitId: unitId ?? "",
      content: normaliseContent(content),
      kind,
      anonymous: isAnonymous,
      publicConsent,
    };
    if (presetUnitId && unitId === presetUnitId) body.channel = "qr";
    // A topic a QR code named but the list does not know is dropped rather than refused.
    const known = topicList.data ? topics.filter((code) => topicList.data.some((topic) => topic.code === code)) : topics;
    if (known.length > 0) body.topics = known;
    const officer = normaliseContent(targetOfficer);
    if (hasConcern && officer !== "") body.targetOfficer = officer;
    if (hasConcern && aboutUnitConduct) body.aboutUnitConduct = true;
    const honeypot = honeypotRef.current?.value.trim();
    if (honeypot) body.website = honeypot;
    if (!isAnonymous) {
      const contact = { name: normaliseContent(contactName), phone: contactPhone.trim(), email: contactEmail.trim() };
      body.contact = Object.fromEntries(Object.entries(contact).filter(([, value]) => value !== ""));
    }
    mutation.mutate(body, {
      onSuccess: onSubmitted,
      onError: (error) => {
        const field = isApiError(error) ? fieldFromServer(error.field) : undefined;
        setServerError({ field, message: error.message });
        if (field) focusField(field);
      },
    });
  };

  return (
    <form onSubmit={handleSubmit} noValidate aria-label={t("submit.formName")}>
      <Stack gap="lg">
        {summary.length > 0 && (
          // Keyed by attempt so that screen readers announce the summary again after each try.
          <ErrorAlert key={attemptCount} title={t("submit.errorSummary")}>
            <ul className="error-summary">
              {summary.map(({ field, message }) => (
                <li key={`${field ?? "form"}-${message}`}>
                  {field ? <a href={`#${FIELD_IDS[field]}`}>{message}</a> : message}
                </li>
              ))}
            </ul>
          </ErrorAlert>
        )}

        <UnitPicker
          value={unitId}
          onChange={edited(setUnitId)}
          error={fieldError("unitId")}
          presetUnitId={presetUnitId}
          inputId={FIELD_IDS.unitId}
        />

        <fieldset className="plain-fieldset" aria-describedby={kindError ? "opinion-kind-error" : undefined}>
          <legend className="plain-fieldset__legend plain-fieldset__legend--major">{t("submit.kind.label")}</legend>
          <Stack gap="md" mt="xs">
            <KindGroup
              kinds={WORKFLOW_KINDS}
              label={t("submit.kind.ordinary")}
              value={kind}
              onChange={edited(setKind)}
              className="kind-group"
            />
            <KindGroup
              kinds={ROUTING_KINDS}
              label={t("submit.kind.legal")}
              description={t("submit.kind.legalHint")}
              value={kind}
              onChange={edited(setKind)}
              className="kind-group kind-group--legal"
            />
          </Stack>
          {kindError && (
            <Text size="sm" c="error" role="alert" id="opinion-kind-error" mt="xs">
              {kindError}
            </Text>
          )}
        </fieldset>

        {/* Right after the choice, so that it is the next thing read: where this kind really belongs. */}
        {isRoutingKind(kind) && <RoutingKindNotice kind={kind} stage="form" />}

        <Textarea
          id={FIELD_IDS.content}
          label={t("submit.content.label")}
          placeholder={t("submit.content.placeholder")}
          description={
            <span className={contentLength > MAX_CONTENT_LENGTH ? "counter counter--over" : "counter"}>
              {t("submit.content.counter", { length: contentLength.toLocaleString("vi-VN"), max: MAX_CONTENT_LENGTH.toLocaleString("vi-VN") })}
            </span>
          }
          inputWrapperOrder={["label", "input", "description", "error"]}
          value={content}
          onChange={(event) => edited(setContent)(event.currentTarget.value)}
          error={fieldError("content")}
          required
          autosize
          minRows={6}
          maxRows={16}
        />

        <TopicPicker id={FIELD_IDS.topics} value={topics} onChange={edited(setTopics)} error={fieldError("topics")} />

        {hasConcern && (
          <fieldset className="plain-fieldset" aria-describedby="opinion-concern-hint" data-testid="concern-section">
            <legend className="plain-fieldset__legend">{t("submit.concern.legend")}</legend>
            <Stack gap="sm" mt="xs">
              <Text size="sm" c="dimmed" id="opinion-concern-hint">
                {t("submit.concern.hint")}
              </Text>
              <Checkbox
                id="opinion-about-unit"
                label={t("submit.concern.aboutUnit")}
                checked={aboutUnitConduct}
                onChange={(event) => edited(setAboutUnitConduct)(event.currentTarget.checked)}
              />
              <TextInput
                id={FIELD_IDS.targetOfficer}
                label={t("submit.concern.officer")}
                description={t("submit.concern.officerHint", { max: MAX_TARGET_OFFICER_LENGTH })}
                inputWrapperOrder={["label", "input", "description", "error"]}
                value={targetOfficer}
                onChange={(event) => edited(setTargetOfficer)(event.currentTarget.value)}
                error={fieldError("targetOfficer")}
                autoComplete="off"
              />
            </Stack>
          </fieldset>
        )}

        <Radio.Group
          label={t("submit.identity.label")}
          value={identity}
          onChange={(value) => edited(setIdentity)(value as Identity)}
        >
          <Stack gap="sm" mt="xs">
            <Radio id="opinion-identity-anonymous" value="anonymous" label={t("submit.identity.anonymous")} description={t("submit.identity.anonymousHint")} />
            <Radio id="opinion-identity-contact" value="contact" label={t("submit.identity.contact")} description={t("submit.identity.contactHint")} />
          </Stack>
        </Radio.Group>

        {isAnonymous ? (
          <Notice tone="warning" title={t("submit.identity.anonymousWarningTitle")}>
            {t("submit.identity.anonymousWarning")}
          </Notice>
        ) : (
          <Fieldset legend={t("submit.contact.legend")} variant="filled">
            <Stack gap="sm">
              <Text size="sm">{t("submit.contact.hint")}</Text>
              <TextInput
                id={FIELD_IDS.contactName}
                label={t("submit.contact.name")}
                autoComplete="name"
                value={contactName}
                onChange={(event) => edited(setContactName)(event.currentTarget.value)}
                error={fieldError("contactName")}
              />
              <TextInput
                id={FIELD_IDS.contactPhone}
                label={t("submit.contact.phone")}
                type="tel"
                inputMode="tel"
                autoComplete="tel"
                value={contactPhone}
                onChange={(event) => edited(setContactPhone)(event.currentTarget.value)}
                error={fieldError("contactPhone")}
              />
              <TextInput
                id={FIELD_IDS.contactEmail}
                label={t("submit.contact.email")}
                type="email"
                inputMode="email"
                autoComplete="email"
                value={contactEmail}
                onChange={(event) => edited(setContactEmail)(event.currentTarget.value)}
                error={fieldError("contactEmail")}
              />
            </Stack>
          </Fieldset>
        )}

        <Checkbox
          id={FIELD_IDS.publicConsent}
          label={t("submit.consent.label")}
          description={t("submit.consent.description")}
          checked={publicConsent}
          onChange={(event) => edited(setPublicConsent)(event.currentTarget.checked)}
          error={fieldError("publicConsent")}
        />

        {/* A honeypot: never shown nor announced to people; a robot filling every field fills it too. */}
        <div hidden>
          <label htmlFor="opinion-website">Website</label>
          <input id="opinion-website" name="website" type="text" ref={honeypotRef} tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>

        <div>
          <Button type="submit" size="md" loading={mutation.isPending} fullWidth={false}>
            {t("submit.submit")}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
