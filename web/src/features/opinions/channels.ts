/** Intake channels the interface has a name for; any other value is shown as sent by the server. */
export const KNOWN_CHANNELS = [
  "web",
  "qr",
  "forum",
  "paper_form",
  "q4_letter",
  "letter",
  "in_person",
  "suggestion_box",
  "hotline",
  "email",
  "zalo",
  "import",
  "media",
  "other",
] as const;
export type KnownChannel = (typeof KNOWN_CHANNELS)[number];

/** Narrows a channel string to one with a translation. */
export function isKnownChannel(channel: string): channel is KnownChannel {
  return (KNOWN_CHANNELS as readonly string[]).includes(channel);
}
