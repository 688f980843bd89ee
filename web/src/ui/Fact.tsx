import type { ReactNode } from "react";

/** One term and its value in a `<dl className="facts">` list. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
