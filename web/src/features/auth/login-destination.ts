/** Where to go after signing in: the console page that sent the officer to /login, else the inbox. */
export function loginDestination(locationState: unknown): string {
  const from = (locationState as { from?: unknown } | null)?.from;
  return typeof from === "string" && from.startsWith("/console") ? from : "/console";
}
