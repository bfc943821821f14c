import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { invalidInput } from './problem';
import { unsafeTextErrors } from './unsafe-text';

/**
 * Global pipe: refuses NUL characters and lone surrogates in whatever a handler reads (its body,
 * its query, each path parameter) with a 400 naming the field (`name`, `query.q`, `path.id`),
 * before the handler runs. Registered once by the service bootstrap, so every controller is covered.
 */
@Injectable()
export class RejectUnsafeTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const errors = unsafeTextErrors(value, prefixOf(metadata));
    if (errors.length > 0) throw invalidInput(errors);
    return value;
  }
}

function prefixOf({ type, data }: ArgumentMetadata): string {
  switch (type) {
    case 'body':
      return data ?? '';
    case 'query':
      return data ? `query.${data}` : 'query';
    case 'param':
      return data ? `path.${data}` : 'path';
    case 'custom':
      return '';
  }
}
