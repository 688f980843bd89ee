import { Badge, Group } from "@mantine/core";
import { DateTime } from "./DateTime";

/** A deadline, with a badge saying so in words (not only in colour) when it has passed. */
export function DueDate({ value, isOverdue, overdueLabel }: { value: string | null; isOverdue: boolean; overdueLabel: string }) {
  if (!value) return <>—</>;
  return (
    <Group gap={6} wrap="nowrap" component="span">
      <DateTime value={value} />
      {isOverdue && (
        <Badge color="red.9" variant="filled" size="sm" data-overdue="true">
          {overdueLabel}
        </Badge>
      )}
    </Group>
  );
}
