import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { fetchTopics, opinionKeys } from "../api";

/** The configured topics in the interface language (they change rarely: kept for ten minutes). */
export function useTopics() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: opinionKeys.topics(i18n.language),
    queryFn: ({ signal }) => fetchTopics(signal),
    staleTime: 10 * 60_000,
    select: (data) => data.items,
  });
}
