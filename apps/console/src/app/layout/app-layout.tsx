import { AppShell, Burger, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { useMayRead } from '../../features/auth/permissions';
import { SignedInUser } from '../../features/auth/signed-in-user';
import { WarehouseSwitcher } from '../../features/warehouses/components/warehouse-switcher';

/**
 * The console's sections, grouped as the warehouse runs them. `reads`: the endpoint the page
 * lists from; a link shows to whoever ROUTE_ACCESS lets call it (merchant scope included), so the
 * navigation and the API answer from one table.
 */
const sections: { heading: string; links: { to: string; label: string; reads: string }[] }[] = [
  {
    heading: 'Production',
    links: [
      { to: '/work-orders', label: 'Work Orders', reads: 'listWorkOrders' },
      { to: '/boms', label: 'BOMs', reads: 'listBoms' },
    ],
  },
  {
    heading: 'Warehouse',
    links: [
      { to: '/material-picking', label: 'Material Picking', reads: 'listPickingRequests' },
      { to: '/picking-lists', label: 'Picking Lists', reads: 'listPickingLists' },
      { to: '/inbound-orders', label: 'Inbound Orders', reads: 'listInboundOrders' },
      { to: '/inventory', label: 'Inventory', reads: 'listStock' },
      { to: '/lot-trace', label: 'Lot Trace', reads: 'traceLot' },
    ],
  },
  {
    heading: 'Master data',
    links: [
      { to: '/products', label: 'Products', reads: 'listProducts' },
      { to: '/merchants', label: 'Merchants', reads: 'listMerchants' },
      { to: '/warehouses', label: 'Warehouses', reads: 'listWarehouses' },
    ],
  },
  {
    heading: 'Operations',
    links: [
      { to: '/sagas', label: 'Sagas', reads: 'listSagas' },
      { to: '/dead-letters', label: 'Dead Letters', reads: 'listDeadLetters' },
    ],
  },
];

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
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
            .map((section) => ({ ...section, links: section.links.filter((link) => mayRead(link.reads)) }))
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
