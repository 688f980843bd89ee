import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { importKeys, remapImport, type ColumnMapping, type ImportState } from "../api";

/** Checks the file again with the chosen columns; the import's state shows the check's progress at once. */
export function useRemapImport(id: string) {
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  return useMutation({
    mutationFn: (mapping: ColumnMapping) => remapImport(id, mapping),
    onSuccess: (_accepted, mapping) => {
      queryClient.setQueryData<ImportState>(importKeys.detail(id, i18n.language), (state) =>
        state
          ? { ...state, status: "parsing", mapping, rowsDone: 0, progress: 0, errors: [], preview: [], errorCode: null, errorMessage: null }
          : state,
      );
      void queryClient.invalidateQueries({ queryKey: importKeys.all });
    },
  });
}
