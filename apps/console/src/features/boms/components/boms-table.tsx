import { Anchor, Table } from '@mantine/core';
import type { Bom } from '@wo/contracts/rest';
import { Link } from 'react-router';
import { useMerchantMode } from '../../merchants/api/get-merchants';
import { linesSummary } from './bom-form-model';

/** The recipes, by name; the Merchant column only when the system serves several merchants. */
export function BomsTable({ boms }: { boms: readonly Bom[] }) {
  const { single, byId, isLoading } = useMerchantMode();
  // Until the merchants are known, assume one: a column of ids would only flash.
  const showMerchant = !single && !isLoading;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            {showMerchant ? <Table.Th>Merchant</Table.Th> : null}
            <Table.Th>Outputs</Table.Th>
            <Table.Th>Materials</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {boms.map((bom) => (
            <Table.Tr key={bom.id}>
              <Table.Td>
                <Anchor component={Link} to={`/boms/${bom.id}`} fw={500}>
                  {bom.name}
                </Anchor>
              </Table.Td>
              {showMerchant ? <Table.Td>{byId.get(bom.merchantId)?.name ?? bom.merchantId}</Table.Td> : null}
              <Table.Td>{linesSummary(bom.outputs)}</Table.Td>
              <Table.Td>{linesSummary(bom.materials)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
