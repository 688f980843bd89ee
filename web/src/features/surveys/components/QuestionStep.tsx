import { NumberInput, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../../i18n";
import type { AnswerValue, Bilingual, Question } from "../api";

interface QuestionStepProps {
  question: Question;
  likertLabels: Bilingual[];
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
}

/** Large radio options in a fieldset: one tap to answer, arrow keys to move, the legend read first. */
function Options({ name, legend, options, value, onChange }: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  value: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <fieldset className="survey-options">
      <legend className="survey-question">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="survey-option" data-checked={value === option.value || undefined}>
          <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** One question on its own screen. */
export function QuestionStep({ question, likertLabels, value, onChange }: QuestionStepProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const text = question.text[lang];
  const name = `q-${question.id}`;
  switch (question.type) {
    case "likert":
      return (
        <Options
          name={name}
          legend={text}
          // Best first, as on the printed forms.
          options={[5, 4, 3, 2, 1].map((level) => ({ value: String(level), label: likertLabels[level - 1]?.[lang] ?? String(level) }))}
          value={typeof value === "number" ? String(value) : undefined}
          onChange={(v) => onChange(Number(v))}
        />
      );
    case "yes_no":
      return (
        <Options
          name={name}
          legend={text}
          options={[
            { value: "yes", label: t("common.yes") },
            { value: "no", label: t("common.no") },
          ]}
          value={value === true ? "yes" : value === false ? "no" : undefined}
          onChange={(v) => onChange(v === "yes")}
        />
      );
    case "choice":
      return (
        <Options
          name={name}
          legend={text}
          options={question.options.map((o) => ({ value: o.code, label: o.text[lang] }))}
          value={typeof value === "string" ? value : undefined}
          onChange={onChange}
        />
      );
    case "number":
      return (
        <NumberInput
          label={text}
          size="lg"
          min={question.min}
          max={question.max}
          value={typeof value === "number" ? value : ""}
          onChange={(v) => onChange(typeof v === "number" ? v : null)}
        />
      );
    case "text":
      return (
        <Textarea
          label={text}
          size="lg"
          autosize
          minRows={3}
          maxLength={question.maxLength}
          value={typeof value === "string" ? value : ""}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
  }
}
