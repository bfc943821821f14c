-- DropIndex
DROP INDEX "saga_instance_state_idx";

-- AlterTable
ALTER TABLE "saga_instance" ADD COLUMN "step_attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "deadline_at" TIMESTAMPTZ(3),
ADD COLUMN "expires_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "saga_step_log" (
    "id" BIGSERIAL NOT NULL,
    "saga_id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "saga_step_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "saga_instance_state_deadline_at_idx" ON "saga_instance"("state", "deadline_at");

-- CreateIndex
CREATE INDEX "saga_step_log_saga_id_idx" ON "saga_step_log"("saga_id");

-- AddForeignKey
ALTER TABLE "saga_step_log" ADD CONSTRAINT "saga_step_log_saga_id_fkey" FOREIGN KEY ("saga_id") REFERENCES "saga_instance"("id") ON DELETE CASCADE ON UPDATE CASCADE;
