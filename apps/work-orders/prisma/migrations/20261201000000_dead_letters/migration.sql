-- CreateTable
CREATE TABLE "dead_letter" (
    "id" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "dead_letter_partition" INTEGER NOT NULL,
    "dead_letter_offset" BIGINT NOT NULL,
    "source" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "consumer_group" TEXT NOT NULL,
    "message_type" TEXT,
    "message_key" BYTEA,
    "message_value" BYTEA,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'DEAD',
    "dead_lettered_at" TIMESTAMPTZ(3) NOT NULL,
    "replayed_at" TIMESTAMPTZ(3),
    "replayed_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "dead_letter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "dead_letter_topic_dead_letter_partition_dead_letter_offset_key" ON "dead_letter"("topic", "dead_letter_partition", "dead_letter_offset");

-- CreateIndex
CREATE INDEX "dead_letter_status_dead_lettered_at_idx" ON "dead_letter"("status", "dead_lettered_at");
