import { AppShell, Burger, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import type { ConsoleAction } from '@wo/contracts/rest';
import { useMay, useMayRead } from '../../features/auth/permissions';
import { SignedInUser } from '../../features/auth/signed-in-user';
import { WarehouseSwitcher } from '../../features/warehouses/components/warehouse-switcher';

/** The console's sections, grouped as the warehouse runs them. */
/**
 * `needs`: an action the user must be allowed (ACTION_ROLES); `reads`: an endpoint the page reads
 * that the user must be allowed to call (ROUTE_ACCESS).
 */
const sections: { heading: string; links: { to: string; label: string; needs?: ConsoleAction; reads?: string }[] }[] = [
  {
    heading: 'Production',
    links: [
      { to: '/work-orders', label: 'Work Orders' },
      { to: '/boms', label: 'BOMs' },
    ],
  },
  {
    heading: 'Warehouse',
    links: [
      { to: '/material-picking', label: 'Material Picking', needs: 'pickingRequests.read' },
      { to: '/picking-lists', label: 'Picking Lists', needs: 'pickingLists.read' },
      { to: '/inbound-orders', label: 'Inbound Orders', needs: 'inbound.read' },
      { to: '/inventory', label: 'Inventory' },
      // The trace is inventory's answer: whoever may read stock may follow its lots.
      { to: '/lot-trace', label: 'Lot Trace', reads: 'listStock' },
    ],
  },
  {
    heading: 'Master data',
    links: [
      { to: '/products', label: 'Products' },
      { to: '/merchants', label: 'Merchants' },
      { to: '/warehouses', label: 'Warehouses' },
    ],
  },
  {
    heading: 'Operations',
    links: [
      { to: '/sagas', label: 'Sagas', needs: 'sagas.read' },
      { to: '/dead-letters', label: 'Dead Letters', needs: 'deadLetters.read' },
    ],
  },
];

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const may = useMay();
  const mayRead = useMayRead();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'md', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label="Menu" />
            <Title order={4} component="span">
              Work Orders
            </Title>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" c="dimmed" visibleFrom="sm">
              Working in
            </Text>
            <WarehouseSwitcher />
            <SignedInUser />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Sections">
        <ScrollArea>
          {sections
            .map((section) => ({ ...section, links: section.links.filter((link) => (!link.needs || may(link.needs)) && (!link.reads || mayRead(link.reads))) }))
            // A section none of whose pages the user may open is not shown at all.
            .filter((section) => section.links.length > 0)
            .map((section) => (
              <div key={section.heading}>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="sm" pb={4}>
                  {section.heading}
                </Text>
                {section.links.map((link) => (
                  <NavLink
                    key={link.to}
                    component={RouterNavLink}
                    to={link.to}
                    label={link.label}
                    active={location.pathname === link.to || location.pathname.startsWith(`${link.to}/`)}
                    onClick={close}
                  />
                ))}
              </div>
            ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
