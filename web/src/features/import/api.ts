import { ApiError, apiGet, apiPost } from "../../app/api-client";
import { currentLanguage, i18n } from "../../i18n";

/** Where an import stands: checked in the background, then ready (or failed), then importing, then done. */
export type ImportStatus = "parsing" | "ready" | "failed" | "importing" | "done";

/** A row refused by the check, with the reason in the interface language. */
export interface ImportRowError {
  rowNumber: number;
  field: string | null;
  /** The column's header as written in the file. */
  column: string | null;
  code: string;
  message: string;
}

/** One of the first valid rows, as the officer checks them before importing. */
export interface ImportPreviewRow {
  rowNumber: number;
  excerpt: string;
  kind: string;
  channel: string;
  receivedAt: string | null;
  unitName: string;
  /** Imported before: it will be skipped. */
  duplicate: boolean;
}

/** A field of an opinion that a column of the file can fill, in the order the mapping form lists them. */
export const IMPORT_FIELDS = [
  "content", "receivedAt", "kind", "channel", "unit", "topics",
  "name", "phone", "email", "anonymous", "externalId", "location",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Which column fills which field: field → the header as written in the file. */
export type ColumnMapping = Partial<Record<ImportField, string>>;

/** `GET /api/opinion-imports/{id}`. */
export interface ImportState {
  id: string;
  status: ImportStatus;
  fileName: string;
  fileSize: number;
  unitId: string;
  unitName: string;
  channel: string;
  /** The file's header row as read by the check (also when no content column was found); empty until then. */
  headers: string[];
  /** Which column fills which field: as chosen, else as guessed. */
  mapping: ColumnMapping;
  rowsTotal: number | null;
  rowsValid: number | null;
  rowsInvalid: number | null;
  rowsDuplicate: number | null;
  /** Rows read (while checking) or stored (while importing). */
  rowsDone: number;
  /** Share of the current phase done, 0 to 1. */
  progress: number;
  errors: ImportRowError[];
  preview: ImportPreviewRow[];
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** The largest file the server takes. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** Query keys of imports; the messages come translated, so the language is part of the key. */
export const importKeys = {
  all: ["opinion-imports"] as const,
  detail: (id: string, language: string) => ["opinion-imports", id, language] as const,
};

function errorOf(xhr: XMLHttpRequest): ApiError {
  try {
    const body = JSON.parse(xhr.responseText) as { error?: { code?: unknown; message?: unknown; field?: unknown } };
    const error = body.error;
    if (error && typeof error.code === "string" && typeof error.message === "string") {
      return new ApiError({
        status: xhr.status,
        code: error.code,
        message: error.message,
        field: typeof error.field === "string" ? error.field : undefined,
      });
    }
  } catch {
    // Not the API's JSON: a proxy answered.
  }
  return new ApiError({ status: xhr.status, code: `http.${xhr.status}`, message: i18n.t("errors.unexpected", { status: xhr.status }) });
}

/**
 * Uploads the file as the request body (XMLHttpRequest, for the upload's progress); resolves with the new
 * import's id once the server has stored it — its check then runs in the background.
 */
export function uploadImportFile({
  file,
  channel,
  onProgress,
}: {
  file: File;
  channel: string;
  onProgress: (share: number) => void;
}): Promise<{ id: string; status: ImportStatus }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const query = new URLSearchParams({ fileName: file.name, channel });
    xhr.open("POST", `/api/opinion-imports?${query.toString()}`);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.setRequestHeader("accept", "application/json");
    xhr.setRequestHeader("accept-language", currentLanguage());
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status === 202) resolve(JSON.parse(xhr.responseText) as { id: string; status: ImportStatus });
      else reject(errorOf(xhr));
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: "network.unreachable", message: i18n.t("errors.network") }));
    xhr.send(file);
  });
}

/** The state of an import. */
export function fetchImport(id: string, signal?: AbortSignal): Promise<ImportState> {
  return apiGet<ImportState>(`/api/opinion-imports/${id}`, signal);
}

/** Starts importing a checked file without errors; progress through `fetchImport`. */
export function commitImport(id: string): Promise<{ id: string; status: ImportStatus }> {
  return apiPost<{ id: string; status: ImportStatus }>(`/api/opinion-imports/${id}/commit`);
}

/** Checks the stored file again with the columns the officer chose; progress through `fetchImport`. */
export function remapImport(id: string, mapping: ColumnMapping): Promise<{ id: string; status: ImportStatus }> {
  return apiPost<{ id: string; status: ImportStatus }>(`/api/opinion-imports/${id}/mapping`, { mapping });
}
