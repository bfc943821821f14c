import { useMutation } from '@tanstack/react-query';
import type { NumberSuggestion } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

export const getNumberSuggestion = (warehouseId: string) => api.get<NumberSuggestion>('/work-orders/number-suggestion', { warehouseId });

/**
 * "Suggest number": a read, but made on a click and never cached, since each click should get a
 * number not used yet; a mutation gives the button its pending and error states.
 */
export const useSuggestNumber = () => useMutation({ mutationFn: getNumberSuggestion });
