-- @include ../../../../../libs/messaging/sql/outbox-inbox-tables.sql

-- @include ../../../../../libs/messaging/sql/outbox-message-id-index.sql
