import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { fetchImport, importKeys, type ImportStatus } from "../api";

/** How often the progress bar asks the server while the file is checked or imported. */
const POLL_MS = 500;

const isBusy = (status: ImportStatus | undefined) => status === "parsing" || status === "importing";

/** An import's state, asked again every half second while it is checked or imported. */
export function useImport(id: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: importKeys.detail(id, i18n.language),
    queryFn: ({ signal }) => fetchImport(id, signal),
    refetchInterval: (query) => (isBusy(query.state.data?.status) ? POLL_MS : false),
  });
}
