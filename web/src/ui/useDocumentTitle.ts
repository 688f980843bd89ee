import { useEffect } from "react";

/** Sets the browser tab title to "<title> · <suffix>" while the calling page is shown. */
export function useDocumentTitle(title: string, suffix: string): void {
  useEffect(() => {
    document.title = title ? `${title} · ${suffix}` : suffix;
  }, [title, suffix]);
}
