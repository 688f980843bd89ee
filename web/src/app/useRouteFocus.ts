import { useEffect, useRef } from "react";
import { useLocation } from "react-router";

/**
 * After client-side navigation, moves focus to the new page's h1 (or main) and scrolls to the top,
 * as a full page load would, so screen-reader and keyboard users start at the new content.
 */
export function useRouteFocus(): void {
  const { pathname } = useLocation();
  const isFirstRender = useRef(true);

  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const target =
      document.querySelector<HTMLElement>("#main-content [data-page-title]") ?? document.getElementById("main-content");
    target?.focus({ preventScroll: true });
  }, [pathname]);
}
