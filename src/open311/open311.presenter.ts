import type { CreatedRequestResponse, RequestResponse, ServiceResponse } from "./open311.schemas.ts";
import type { Open311Request } from "./open311.service.ts";

/** A topic as a GeoReport v2 service: no extra attributes (metadata false), answered as it comes (realtime). */
export function presentService(topic: { code: string; name: string; keywords: string; group: string }): ServiceResponse {
  return {
    service_code: topic.code,
    service_name: topic.name,
    description: topic.name,
    metadata: false,
    type: "realtime",
    keywords: topic.keywords,
    group: topic.group,
  };
}

/** A request with the specification's fields; we keep no address or coordinates apart from the text, nor media. */
export function presentRequest(request: Open311Request): RequestResponse {
  return {
    service_request_id: request.id,
    status: request.status,
    status_notes: request.answer,
    service_name: request.serviceName,
    service_code: request.topic,
    description: request.description,
    agency_responsible: request.unitName,
    service_notice: null,
    requested_datetime: request.createdAt.toISOString(),
    updated_datetime: request.updatedAt.toISOString(),
    expected_datetime: request.answerDueAt?.toISOString() ?? null,
    address: null,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}

/** The answer to a new request: its tracking code and how to follow it; no accounts here. */
export function presentCreated(created: { id: string; notice: string }): CreatedRequestResponse {
  return { service_request_id: created.id, service_notice: created.notice, account_id: null };
}

// Characters XML 1.0 cannot carry at all (controls other than tab and line ends, lone surrogates, U+FFFE/F).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/gu;
const escapeXml = (text: string) =>
  text.replace(NOT_XML, "").replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

/**
 * The XML form of a list, with the specification's element names: `<services><service>…`,
 * `<service_requests><request>…`, `<errors><error>…`; a null field is an empty element.
 */
export function toXml(root: string, element: string, items: readonly object[]): string {
  const body = items
    .map((item) => {
      const fields = Object.entries(item)
        .map(([name, value]) => (value === null || value === undefined ? `<${name}/>` : `<${name}>${escapeXml(String(value))}</${name}>`))
        .join("");
      return `<${element}>${fields}</${element}>`;
    })
    .join("");
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}>${body}</${root}>\n`;
}
