import { Checkbox, Modal, Select, Stack, TextInput } from '@mantine/core';
import type { Product } from '@wo/contracts/rest';
import { useState, type FormEvent } from 'react';
import { DialogFormFooter } from '../../../components/ui/dialog-form-footer';
import { ApiError } from '../../../lib/api-client';
import { useMerchantMode } from '../../merchants/api/get-merchants';
import { useCreateProduct } from '../api/create-product';

/**
 * "New Product": a SKU and its name for a merchant (the Merchant fills itself in with one merchant),
 * and whether its stock is kept by lot (fixed once registered, docs/decisions/0007-lots.md).
 */
export function NewProductModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (product: Product) => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="New Product" centered>
      {/* Mounted only while open, so each opening starts with an empty form. */}
      {opened ? <NewProductForm onCancel={onClose} onCreated={onCreated} /> : null}
    </Modal>
  );
}

function NewProductForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (product: Product) => void }) {
  const { merchants, single } = useMerchantMode();
  const [merchantId, setMerchantId] = useState<string | null>(null);
  const [sku, setSku] = useState('');
  const [name, setName] = useState('');
  const [lotTracked, setLotTracked] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateProduct();
  const merchant = merchantId ?? single?.id ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!merchant) missing['merchantId'] = 'Choose a merchant';
    if (!sku.trim()) missing['sku'] = 'Enter a SKU';
    if (!name.trim()) missing['name'] = 'Enter a name';
    setErrors(missing);
    if (!merchant || Object.keys(missing).length > 0) return;
    create.mutate(
      { merchantId: merchant, sku: sku.trim(), name: name.trim(), lotTracked },
      { onSuccess: onCreated, onError: (error) => setErrors(error instanceof ApiError ? error.fieldErrors : {}) },
    );
  };

  const unplaced = create.isError && !(create.error instanceof ApiError && create.error.problem.errors?.length);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Select
          label="Merchant"
          placeholder="Choose a merchant"
          data={merchants.map((option) => ({ value: option.id, label: option.name }))}
          value={merchant}
          onChange={setMerchantId}
          readOnly={Boolean(single)}
          allowDeselect={false}
          error={errors['merchantId']}
          withAsterisk
        />
        <TextInput
          label="SKU"
          placeholder="e.g. CHOC-BAR"
          value={sku}
          onChange={(event) => setSku(event.currentTarget.value)}
          error={errors['sku']}
          withAsterisk
          data-autofocus
        />
        <TextInput
          label="Name"
          placeholder="e.g. Dark chocolate bar 100 g"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors['name']}
          withAsterisk
        />
        <Checkbox
          label="Lot-tracked"
          description="Stock is kept per lot with its expiry and picked earliest expiry first. Cannot be changed later."
          checked={lotTracked}
          onChange={(event) => setLotTracked(event.currentTarget.checked)}
          error={errors['lotTracked']}
        />
        <DialogFormFooter what="product" unplacedError={unplaced ? create.error : null} saving={create.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
