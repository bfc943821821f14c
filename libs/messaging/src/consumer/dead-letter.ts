import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { PoisonReason } from './poison-message';

/** The headers a dead letter carries besides the original message's own. */
export const DEAD_LETTER_HEADERS = {
  reason: 'dead-letter-reason',
  detail: 'dead-letter-detail',
  /** `<physical topic>/<partition>/<offset>` the consumer read the message at. */
  source: 'dead-letter-source',
  group: 'dead-letter-group',
} as const;

/** Set on a message replayed from a dead letter: the dead letter's id, so logs and consumers can tell. */
export const REPLAYED_FROM_HEADER = 'replayed-from-dead-letter';

/** A message read back from a dead-letter topic: why it died, where, and the original bytes and headers. */
export interface DeadLetterRecord {
  readonly reason: PoisonReason | string;
  readonly detail: string;
  readonly source: string;
  readonly consumerGroup: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  /** The original message's headers (the dead-letter ones removed), as text. */
  readonly headers: Record<string, string>;
  readonly messageType: string | null;
  readonly deadLetteredAt: Date;
}

const deadLetterHeaderNames: ReadonlySet<string> = new Set(Object.values(DEAD_LETTER_HEADERS));

/** Reads a message of a `<topic>.dead-letter` topic. Missing dead-letter headers read as empty text. */
export function readDeadLetter(message: KafkaMessage): DeadLetterRecord {
  const all = headersAsText(message.headers);
  const headers = Object.fromEntries(Object.entries(all).filter(([name]) => !deadLetterHeaderNames.has(name)));
  return {
    reason: all[DEAD_LETTER_HEADERS.reason] ?? '',
    detail: all[DEAD_LETTER_HEADERS.detail] ?? '',
    source: all[DEAD_LETTER_HEADERS.source] ?? '',
    consumerGroup: all[DEAD_LETTER_HEADERS.group] ?? '',
    key: message.key,
    value: message.value,
    headers,
    messageType: headers['message-type'] ?? null,
    deadLetteredAt: new Date(Number(message.timestamp)),
  };
}

/** The headers a replay sends: the original ones, without any dead-letter header, and the replay marker. */
export function replayHeaders(original: Readonly<Record<string, string>>, deadLetterId: string): Record<string, string> {
  const kept = Object.entries(original).filter(([name]) => !deadLetterHeaderNames.has(name) && name !== REPLAYED_FROM_HEADER);
  return { ...Object.fromEntries(kept), [REPLAYED_FROM_HEADER]: deadLetterId };
}

/** Kafka headers as text (every header this platform writes is UTF-8); a repeated header keeps its last value. */
function headersAsText(headers: IHeaders | undefined): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) text[name] = last.toString();
  }
  return text;
}
