import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { fetchUnits, unitKeys } from "../api";

/** The active unit tree in the current language; cached for ten minutes. */
export function useUnits() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "vi";
  return useQuery({
    queryKey: unitKeys.list(language),
    queryFn: ({ signal }) => fetchUnits(language, signal),
    staleTime: 10 * 60_000,
    // Switching language refetches level names; keep showing the list meanwhile.
    placeholderData: keepPreviousData,
  });
}
