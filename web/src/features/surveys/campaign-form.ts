import { checkDraft, type QuestionDraft } from "./questions";
import { isQuotaValid, type UnitSelection } from "./components/UnitsPicker";

/** Whether a campaign form (create or edit) can be sent: every required field filled and every question well formed. */
export function isCampaignFormValid(form: {
  title: string;
  startsOn: string;
  endsOn: string;
  periodError: string | undefined;
  selection: UnitSelection[];
  channels: string[];
  drafts: QuestionDraft[];
}): boolean {
  return (
    form.title.trim() !== "" &&
    form.startsOn !== "" &&
    form.endsOn !== "" &&
    !form.periodError &&
    form.selection.length > 0 &&
    form.selection.every((u) => isQuotaValid(u.quota)) &&
    form.channels.length > 0 &&
    form.drafts.every((d) => Object.keys(checkDraft(d)).length === 0)
  );
}
