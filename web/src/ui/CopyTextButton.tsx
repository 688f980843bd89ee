import { Button, Text } from "@mantine/core";
import { useCopyToClipboard } from "./useCopyToClipboard";

interface CopyTextButtonProps {
  text: string;
  label: string;
  copiedMessage: string;
  failedMessage: string;
}

/** A button that copies `text`, then says so in a polite live region. */
export function CopyTextButton({ text, label, copiedMessage, failedMessage }: CopyTextButtonProps) {
  const { state, copy } = useCopyToClipboard();
  return (
    <div>
      <Button variant="outline" onClick={() => void copy(text)}>
        {label}
      </Button>
      <Text size="sm" mt={4} role="status" aria-live="polite" c={state === "failed" ? "red.9" : undefined}>
        {state === "copied" ? copiedMessage : state === "failed" ? failedMessage : ""}
      </Text>
    </div>
  );
}
