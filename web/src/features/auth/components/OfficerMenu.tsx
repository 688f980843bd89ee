import { Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useLogout } from "../hooks/useLogout";
import { useMe } from "../hooks/useMe";

/** The signed-in officer's name and unit, and the logout button, for the console header. */
export function OfficerMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: officer } = useMe();
  const logout = useLogout();

  if (!officer) return null;
  return (
    <Group gap="sm" wrap="wrap" className="officer-menu">
      <div data-testid="officer">
        <Text size="sm" fw={700} lh={1.3}>
          {officer.displayName}
        </Text>
        <Text size="xs" lh={1.3}>
          {officer.unitName}
        </Text>
      </div>
      <Button
        variant="outline"
        size="xs"
        loading={logout.isPending}
        onClick={() => logout.mutate(undefined, { onSettled: () => navigate("/login", { replace: true }) })}
      >
        {t("auth.logout")}
      </Button>
    </Group>
  );
}
