import { Badge, Table, Text } from '@mantine/core';
import type { Product } from '@wo/contracts/rest';
import { formatDateTime } from '../../../components/ui/format';

/** The SKU master; "Merchant" is left out in single-merchant mode. */
export function ProductsTable({ products, merchantName }: { products: readonly Product[]; merchantName?: (merchantId: string) => string }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>SKU</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Lot-tracked</Table.Th>
            {merchantName ? <Table.Th>Merchant</Table.Th> : null}
            <Table.Th>Created At</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {products.map((product) => (
            <Table.Tr key={product.id}>
              <Table.Td>
                <Text size="sm" ff="monospace" fw={500}>
                  {product.sku}
                </Text>
              </Table.Td>
              <Table.Td>{product.name}</Table.Td>
              <Table.Td>
                {product.lotTracked ? (
                  <Badge variant="light" color="violet">
                    Lot-tracked
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    No
                  </Text>
                )}
              </Table.Td>
              {merchantName ? <Table.Td>{merchantName(product.merchantId)}</Table.Td> : null}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(product.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
