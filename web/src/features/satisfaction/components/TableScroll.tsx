import type { ReactNode } from "react";

/** A table that scrolls sideways on a phone; focusable and named so a keyboard user can scroll it too. */
export function TableScroll({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
