-- A year's volume (docs/benchmark.md, "A year of data"): the Products list, by SKU then merchant, comes off
-- this index in its order instead of every product being sorted. CONCURRENTLY: writes go on
-- while it builds (the runner applies a one-statement migration outside a transaction).

-- CreateIndex
CREATE INDEX CONCURRENTLY "product_sku_merchant_id_id_idx" ON "product"("sku", "merchant_id", "id");
