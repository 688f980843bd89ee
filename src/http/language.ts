import type { FastifyRequest } from "fastify";
import type { Language } from "./messages.ts";

/**
 * The request's language: `?lang=`, then the first supported tag of Accept-Language; Vietnamese when
 * neither names one we speak.
 */
export function requestLanguage(request: FastifyRequest): Language {
  const query = request.query as Record<string, unknown> | undefined;
  const explicit = typeof query?.lang === "string" ? query.lang.toLowerCase() : undefined;
  if (explicit === "vi" || explicit === "en") return explicit;
  const header = request.headers["accept-language"];
  if (typeof header !== "string") return "vi";
  const tags = header
    .split(",")
    .map((part) => {
      const [tag = "", q] = part.trim().split(";q=");
      return { tag: tag.toLowerCase().slice(0, 2), q: q === undefined ? 1 : Number(q) };
    })
    .filter((t) => (t.tag === "vi" || t.tag === "en") && t.q > 0)
    .sort((a, b) => b.q - a.q);
  return (tags[0]?.tag as Language | undefined) ?? "vi";
}
