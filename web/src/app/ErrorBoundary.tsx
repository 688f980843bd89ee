import { Button, Container, Stack, Text, Title } from "@mantine/core";
import { Component, type ErrorInfo, type ReactNode } from "react";
import { i18n } from "../i18n";

interface ErrorBoundaryState {
  hasError: boolean;
}

/** Catches a rendering error and offers a reload instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { hasError: false };

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { hasError: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error("Rendering failed", error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.hasError) return this.props.children;
    return (
      <Container size="sm" py="xl">
        <Stack gap="md" role="alert">
          <Title order={1}>{i18n.t("errors.boundaryTitle")}</Title>
          <Text>{i18n.t("errors.boundaryText")}</Text>
          <div>
            <Button onClick={() => window.location.reload()}>{i18n.t("errors.reload")}</Button>
          </div>
        </Stack>
      </Container>
    );
  }
}
