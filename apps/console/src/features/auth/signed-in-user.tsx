import { Badge, Button, Group, Text } from '@mantine/core';
import { useAuth } from './auth-context';

/** The header's who-am-I: the user's name, their roles, and Log out. */
export function SignedInUser() {
  const auth = useAuth();
  if (!auth) return null;
  const { principal } = auth;
  return (
    <Group gap="xs" wrap="nowrap" aria-label="Signed in user" role="group">
      <Text size="sm" fw={500}>
        {principal.name}
      </Text>
      <Group gap={4} wrap="nowrap" visibleFrom="sm">
        {principal.roles.map((role) => (
          <Badge key={role} variant="light" size="sm">
            {role}
          </Badge>
        ))}
      </Group>
      <Button variant="subtle" size="compact-sm" onClick={auth.logout}>
        Log out
      </Button>
    </Group>
  );
}
