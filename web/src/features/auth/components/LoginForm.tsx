import { Button, Stack, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useLogin } from "../hooks/useLogin";
import { loginDestination } from "../login-destination";

type Field = "username" | "password";

/** Officer sign-in; shows the server's reason on failure (wrong password, too many attempts). */
export function LoginForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const login = useLogin();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (username.trim() === "") next.username = t("login.errors.usernameRequired");
    if (password === "") next.password = t("login.errors.passwordRequired");
    setErrors(next);
    const firstInvalid = next.username ? "login-username" : next.password ? "login-password" : undefined;
    if (firstInvalid) {
      document.getElementById(firstInvalid)?.focus();
      return;
    }
    login.mutate(
      { username: username.trim(), password },
      {
        onSuccess: () => navigate(loginDestination(location.state), { replace: true }),
        onError: () => setPassword(""),
      },
    );
  };

  return (
    <form onSubmit={handleSubmit} noValidate aria-label={t("login.formName")}>
      <Stack gap="md" maw={420}>
        {login.error && (
          // Keyed by attempt so that the same message is announced again after another failed try.
          <ErrorAlert key={login.submittedAt} title={t("login.errorTitle")}>
            {login.error.message}
          </ErrorAlert>
        )}
        <TextInput
          id="login-username"
          label={t("login.username")}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(event) => setUsername(event.currentTarget.value)}
          error={errors.username}
          errorProps={{ role: "alert" }}
          required
        />
        <TextInput
          id="login-password"
          type="password"
          label={t("login.password")}
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errors.password}
          errorProps={{ role: "alert" }}
          required
        />
        <div>
          <Button type="submit" loading={login.isPending}>
            {t("login.submit")}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
