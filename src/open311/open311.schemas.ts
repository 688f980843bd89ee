import { z } from "zod";
import { Instant, OptionalText, Text } from "../http/schemas.ts";
import { ContactInput, MAX_CONTENT_LENGTH } from "../opinions/opinions.schemas.ts";

/** Most service_request_id values one request may ask for. */
export const MAX_REQUEST_IDS = 100;

/** Room kept in an opinion's text for the location the request gives with its description. */
const LOCATION_ROOM = 600;

// Form fields arrive as text, JSON may send numbers or booleans: both are read.
const coordinate = (max: number) =>
  z
    .union([z.number(), z.string().trim().regex(/^-?\d{1,3}(\.\d{1,15})?$/).transform(Number)])
    .pipe(z.number().min(-max).max(max))
    .optional();
const flag = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);

/** `jurisdiction_id` on a read: optional; on a list of requests, the unit whose subtree to list. */
export const ServicesQuery = z.object({ jurisdiction_id: z.string().max(100).optional(), lang: z.string().max(10).optional() });

/** GET requests.{format}: the GeoReport v2 filters. */
export const RequestsQuery = z.object({
  /** Comma-separated tracking codes; when given, every other filter is ignored (the specification's rule). */
  service_request_id: z.string().max(MAX_REQUEST_IDS * 16).optional(),
  service_code: z.string().max(40).optional(),
  start_date: Instant.optional(),
  end_date: Instant.optional(),
  /** `open`, `closed`, or both comma-separated. */
  status: z.string().regex(/^(open|closed)(,(open|closed))?$/).optional(),
  jurisdiction_id: z.uuid().optional(),
  /** The language of names and notices (`vi`, `en`), as everywhere in the API. */
  lang: z.string().max(10).optional(),
});
export type RequestsQuery = z.infer<typeof RequestsQuery>;

/** GET requests/{id}.{format}: the tracking code. */
export const RequestParams = z.object({ id: z.string().max(40) });

/**
 * POST requests.{format}, form-encoded or JSON. Fields the specification defines and we do not use (api_key,
 * address_id, device_id, account_id, media_url, attribute[…]) are accepted and ignored.
 */
export const CreateRequestBody = z.object({
  /** The unit the request is sent to (its id, as in /api/units); routing rules may hand it to another. */
  jurisdiction_id: z.uuid(),
  service_code: z.string().max(40),
  description: Text(MAX_CONTENT_LENGTH - LOCATION_ROOM),
  lat: coordinate(90),
  long: coordinate(180),
  address_string: OptionalText(400),
  email: ContactInput.shape.email,
  first_name: OptionalText(50),
  last_name: OptionalText(50),
  phone: ContactInput.shape.phone,
  /** Our extension: the contributor agrees that the request and its answer be published, personal data removed. */
  public_consent: flag.optional(),
});
export type CreateRequestBody = z.infer<typeof CreateRequestBody>;

/** A service: a topic of the configured list. */
export const ServiceResponse = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(["realtime", "batch", "blackbox"]),
  keywords: z.string(),
  group: z.string(),
});
export type ServiceResponse = z.infer<typeof ServiceResponse>;

/** A service request as GeoReport v2 describes it. */
export const RequestResponse = z.object({
  service_request_id: z.string(),
  status: z.enum(["open", "closed"]),
  status_notes: z.string().nullable(),
  service_name: z.string().nullable(),
  service_code: z.string().nullable(),
  description: z.string().nullable(),
  agency_responsible: z.string(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  address_id: z.string().nullable(),
  zipcode: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
});
export type RequestResponse = z.infer<typeof RequestResponse>;

/** The answer to a new request. */
export const CreatedRequestResponse = z.object({
  service_request_id: z.string(),
  service_notice: z.string(),
  account_id: z.string().nullable(),
});
export type CreatedRequestResponse = z.infer<typeof CreatedRequestResponse>;
