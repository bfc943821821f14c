-- A year's volume (docs/benchmark.md, "A year of data"): the SKU picker's SKU search (a prefix, any case).

-- CreateIndex
CREATE INDEX CONCURRENTLY "product_sku_idx" ON "product" USING GIN ("sku" gin_trgm_ops);
