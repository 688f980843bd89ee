import { useEffect } from "react";

/**
 * Keeps `aria-activedescendant` of the comboboxes inside `container` pointing at an option that
 * exists. Mantine's Select keeps the id of the option last reached with the arrow keys even after
 * typing filters that option away, which leaves screen readers (and axe) a dangling reference.
 */
export function useActiveDescendantGuard(container: HTMLElement | null): void {
  useEffect(() => {
    if (!container) return;
    const repair = () => {
      for (const input of container.querySelectorAll<HTMLElement>("[role='combobox'][aria-activedescendant]")) {
        const id = input.getAttribute("aria-activedescendant");
        if (id && document.getElementById(id)) continue;
        const selected = container.querySelector<HTMLElement>("[role='option'][data-combobox-selected]");
        if (selected?.id) input.setAttribute("aria-activedescendant", selected.id);
        else input.removeAttribute("aria-activedescendant");
      }
    };
    const observer = new MutationObserver(repair);
    observer.observe(container, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["aria-activedescendant", "data-combobox-selected"],
    });
    return () => observer.disconnect();
  }, [container]);
}
