import { Alert, Text } from '@mantine/core';
import { ApiError } from '../../lib/api-client';
import { describeError } from './states';

/** What a form shows above its fields when a save is refused: the title, the detail, loose messages. */
export interface FormProblem {
  readonly title: string;
  readonly detail?: string;
  readonly messages: readonly string[];
}

/**
 * Splits a refused save: field messages go next to their fields; those no field of the form
 * shows (`unplaced`), and any problem without fields, go to the alert at the top.
 */
export function refusalOf(
  error: unknown,
  unplaced: (fieldErrors: Record<string, string>) => readonly string[],
): { fieldErrors: Record<string, string>; problem: FormProblem | null } {
  if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
    const messages = unplaced(error.fieldErrors);
    return { fieldErrors: error.fieldErrors, problem: messages.length > 0 ? { title: error.problem.title, detail: error.problem.detail, messages } : null };
  }
  return { fieldErrors: {}, problem: { title: error instanceof ApiError ? error.problem.title : 'Not saved', detail: describeError(error), messages: [] } };
}

export function FormProblemAlert({ problem, onClose }: { problem: FormProblem | null; onClose: () => void }) {
  if (!problem) return null;
  return (
    <Alert color="red" title={problem.title} role="alert" withCloseButton onClose={onClose}>
      {problem.detail ? <Text size="sm">{problem.detail}</Text> : null}
      {problem.messages.map((message) => (
        <Text size="sm" key={message}>
          {message}
        </Text>
      ))}
    </Alert>
  );
}
