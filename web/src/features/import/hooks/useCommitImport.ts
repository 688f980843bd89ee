import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { commitImport, importKeys, type ImportState } from "../api";

/** Starts importing the rows of a checked file; the import's state shows the progress at once. */
export function useCommitImport(id: string) {
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  return useMutation({
    mutationFn: () => commitImport(id),
    onSuccess: () => {
      queryClient.setQueryData<ImportState>(importKeys.detail(id, i18n.language), (state) =>
        state ? { ...state, status: "importing", rowsDone: 0, progress: 0, errorCode: null, errorMessage: null } : state,
      );
      void queryClient.invalidateQueries({ queryKey: importKeys.all });
    },
  });
}
