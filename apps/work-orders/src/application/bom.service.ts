import { Injectable } from '@nestjs/common';
import { isRefusal, refuse, skipTake, type PageRequest, type Refusal } from '@wo/platform';
import { randomUUID } from 'node:crypto';
import type { Bom, BomLine } from '../generated/prisma/client';
import { WorkOrdersDatabase } from '../persistence/work-orders-database';
import { ReferenceCheck, type LineInput } from './reference-check';

export interface BomInput {
  merchantId?: string;
  name: string;
  outputs: LineInput[];
  materials: LineInput[];
}

/** BOM recipes. A work order copies a BOM's lines, so editing or deleting a BOM leaves orders alone. */
@Injectable()
export class BomService {
  constructor(
    private readonly db: WorkOrdersDatabase,
    private readonly references: ReferenceCheck,
  ) {}

  async create(input: BomInput) {
    const merchantId = await this.references.resolveMerchant(input.merchantId);
    if (isRefusal(merchantId)) return merchantId;
    const unknownSkus = await this.references.requireSkus(merchantId, { outputs: input.outputs, materials: input.materials });
    if (unknownSkus) return unknownSkus;
    const bom = await this.db.bom.create({
      data: { id: randomUUID(), merchantId, name: input.name, lines: { create: bomLines(input) } },
      include: { lines: true },
    });
    return presentBom(bom);
  }

  /** By name, then id. */
  /** `scope`: the merchants a scoped caller serves (undefined: every merchant). */
  async list({ page, pageSize, ...rest }: { merchantId?: string } & PageRequest, scope?: readonly string[]) {
    const filter = { ...rest, ...(scope !== undefined && { AND: [{ merchantId: { in: [...scope] } }] }) };
    // One snapshot, as for one BOM.
    const [boms, total] = await this.db.$transaction(
      async (tx) =>
        [
          await tx.bom.findMany({ where: filter, include: { lines: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }], ...skipTake({ page, pageSize }) }),
          await tx.bom.count({ where: filter }),
        ] as const,
      { isolationLevel: 'RepeatableRead' },
    );
    return { items: boms.map(presentBom), total };
  }

  /** One snapshot: the lines are read in a query of their own, and a replace committing between the two would pair the old name with the new lines. */
  async get(id: string) {
    const bom = await this.db.$transaction((tx) => tx.bom.findUnique({ where: { id }, include: { lines: true } }), { isolationLevel: 'RepeatableRead' });
    if (!bom) return refuse.notFound('BOM', id);
    return presentBom(bom);
  }

  async replace(id: string, input: BomInput) {
    const existing = await this.db.bom.findUnique({ where: { id } });
    if (!existing) return refuse.notFound('BOM', id);
    const merchantId = await this.references.resolveMerchant(input.merchantId ?? existing.merchantId);
    if (isRefusal(merchantId)) return merchantId;
    const unknownSkus = await this.references.requireSkus(merchantId, { outputs: input.outputs, materials: input.materials });
    if (unknownSkus) return unknownSkus;
    const bom = await this.db.$transaction(async (tx) => {
      await tx.bomLine.deleteMany({ where: { bomId: id } });
      return tx.bom.update({
        where: { id },
        data: { merchantId, name: input.name, updatedAt: new Date(), lines: { create: bomLines(input) } },
        include: { lines: true },
      });
    });
    return presentBom(bom);
  }

  async remove(id: string): Promise<Refusal | void> {
    const deleted = await this.db.bom.deleteMany({ where: { id } });
    if (deleted.count === 0) return refuse.notFound('BOM', id);
  }
}

function bomLines(input: BomInput) {
  return [
    ...input.outputs.map((line, position) => ({ kind: 'OUTPUT', position, sku: line.sku, quantity: line.quantity })),
    ...input.materials.map((line, position) => ({ kind: 'MATERIAL', position, sku: line.sku, quantity: line.quantity })),
  ];
}

export function presentBom(bom: Bom & { lines: BomLine[] }) {
  const byKind = (kind: string) =>
    bom.lines
      .filter((line) => line.kind === kind)
      .sort((a, b) => a.position - b.position)
      .map(({ sku, quantity }) => ({ sku, quantity }));
  return {
    id: bom.id,
    merchantId: bom.merchantId,
    name: bom.name,
    outputs: byKind('OUTPUT'),
    materials: byKind('MATERIAL'),
    createdAt: bom.createdAt,
    updatedAt: bom.updatedAt,
  };
}
