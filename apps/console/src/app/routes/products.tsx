import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { productSearchLimits, type Product } from '@wo/contracts/rest';
import { useState } from 'react';
import { PageHeader } from '../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/states';
import { useMerchantMode } from '../../features/merchants/api/get-merchants';
import { useProducts } from '../../features/products/api/get-products';
import { NewProductModal } from '../../features/products/components/new-product-modal';
import { ProductsTable } from '../../features/products/components/products-table';
import { useMay } from '../../features/auth/permissions';

/** Product List: material and finished goods product data (the SKU master). */
export function ProductsRoute() {
  const may = useMay();
  const { merchants, single, byId } = useMerchantMode();
  const [merchantId, setMerchantId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [opened, { open, close }] = useDisclosure(false);
  const [created, setCreated] = useState<Product | null>(null);
  const products = useProducts({ merchantId: merchantId ?? undefined, q: q || undefined, limit: productSearchLimits.max });
  const list = products.data ?? [];
  const filtered = Boolean(merchantId || q);

  const onCreated = (product: Product) => {
    setCreated(product);
    close();
  };

  return (
    <>
      <PageHeader
        title="Products"
        description="Material and finished goods product data"
        actions={
          may('products.create') && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              New Product
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label="Search"
            placeholder="SKU prefix or name"
            leftSection={<IconSearch size={14} />}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={260}
          />
          {single ? null : (
            <Select
              label="Merchant"
              placeholder="All merchants"
              data={merchants.map((merchant) => ({ value: merchant.id, label: merchant.name }))}
              value={merchantId}
              onChange={setMerchantId}
              clearable
              searchable
              w={220}
            />
          )}
        </Group>
        {created ? (
          <Alert color="green" title="Product saved" withCloseButton onClose={() => setCreated(null)}>
            {created.sku} · {created.name} can now be used in BOMs, work orders and stock adjustments.
          </Alert>
        ) : null}
        {products.isLoading ? (
          <LoadingState label="Loading products…" />
        ) : products.isError ? (
          <ErrorState error={products.error} onRetry={() => void products.refetch()} title="Products could not be loaded" />
        ) : list.length === 0 ? (
          filtered ? (
            <EmptyState title="No product matches">Try another SKU prefix or name, or another merchant.</EmptyState>
          ) : (
            <EmptyState title="No products yet" action={may('products.create') && <Button onClick={open}>New Product</Button>}>
              Register the SKUs of materials and finished goods first; BOMs, work orders and stock use them.
            </EmptyState>
          )
        ) : (
          <>
            <ProductsTable products={list} merchantName={single ? undefined : (id) => byId.get(id)?.name ?? id} />
            {list.length >= productSearchLimits.max ? (
              <Text size="sm" c="dimmed">
                Showing the first {productSearchLimits.max} products; search to find others.
              </Text>
            ) : null}
          </>
        )}
      </Stack>
      <NewProductModal opened={opened} onClose={close} onCreated={onCreated} />
    </>
  );
}
