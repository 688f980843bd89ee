import { todayInVietnam } from "../../ui/vietnam-time";

/** The periods offered for a campaign: its whole span, then each year and quarter it covers (up to now). */
export function periodChoices(startsOn: string, endsOn: string, today = todayInVietnam()): string[] {
  const first = Number(startsOn.slice(0, 4));
  const last = Math.min(Number(endsOn.slice(0, 4)), Number(today.slice(0, 4)));
  const choices: string[] = [];
  for (let year = last; year >= first; year--) {
    choices.push(String(year));
    for (let q = 4; q >= 1; q--) {
      const start = `${year}-${String((q - 1) * 3 + 1).padStart(2, "0")}-01`;
      const end = `${year}-${String(q * 3).padStart(2, "0")}-31`;
      if (start <= today && end >= startsOn && start <= endsOn) choices.push(`${year}-Q${q}`);
    }
  }
  return choices;
}
