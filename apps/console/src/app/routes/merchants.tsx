import { Alert, Button, Stack, Table } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconInfoCircle, IconPlus } from '@tabler/icons-react';
import type { Merchant } from '@wo/contracts/rest';
import { useState } from 'react';
import { formatDateTime } from '../../components/ui/format';
import { PageHeader } from '../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/states';
import { useMerchants } from '../../features/merchants/api/get-merchants';
import { NewMerchantModal } from '../../features/merchants/components/new-merchant-modal';
import { useMay } from '../../features/auth/permissions';

/** Merchants whose goods the warehouse keeps; one merchant puts the console in single-merchant mode. */
export function MerchantsRoute() {
  const may = useMay();
  const merchants = useMerchants();
  const [opened, { open, close }] = useDisclosure(false);
  const [created, setCreated] = useState<Merchant | null>(null);
  const list = merchants.data ?? [];

  return (
    <>
      <PageHeader
        title="Merchants"
        actions={
          may('merchants.create') && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              New Merchant
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
          {list.length === 1
            ? `Single-merchant mode: with one merchant the console fills in the Merchant field for you and hides the Merchant filters and columns. Adding a second merchant brings them back.`
            : 'With a single merchant the console runs in single-merchant mode: the Merchant field is filled in and the Merchant filters and columns are hidden.'}
        </Alert>
        {created ? (
          <Alert color="green" title="Merchant saved" withCloseButton onClose={() => setCreated(null)}>
            {created.name} can now have products, BOMs and work orders.
          </Alert>
        ) : null}
        {merchants.isLoading ? (
          <LoadingState label="Loading merchants…" />
        ) : merchants.isError ? (
          <ErrorState error={merchants.error} onRetry={() => void merchants.refetch()} title="Merchants could not be loaded" />
        ) : list.length === 0 ? (
          <EmptyState title="No merchants yet" action={may('merchants.create') && <Button onClick={open}>New Merchant</Button>}>
            Register the merchant whose goods this warehouse keeps; products and work orders belong to a merchant.
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Created At</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((merchant) => (
                  <Table.Tr key={merchant.id}>
                    <Table.Td fw={500}>{merchant.name}</Table.Td>
                    <Table.Td>{formatDateTime(merchant.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <NewMerchantModal
        opened={opened}
        onClose={close}
        onCreated={(merchant) => {
          setCreated(merchant);
          close();
        }}
      />
    </>
  );
}
