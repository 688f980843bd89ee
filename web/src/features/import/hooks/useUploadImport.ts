import { useCallback, useState } from "react";
import { uploadImportFile } from "../api";

/** Uploads an import file, with the share sent so far for the upload's progress bar (null when idle). */
export function useUploadImport() {
  const [share, setShare] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  const upload = useCallback(async (file: File, channel: string): Promise<string | undefined> => {
    setShare(0);
    setError(null);
    try {
      const accepted = await uploadImportFile({ file, channel, onProgress: setShare });
      return accepted.id;
    } catch (caught) {
      setError(caught);
      return undefined;
    } finally {
      setShare(null);
    }
  }, []);

  return { upload, share, isUploading: share !== null, error };
}
