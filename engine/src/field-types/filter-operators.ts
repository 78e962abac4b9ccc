import type { FilterOperator } from './field-type-types';

// Shared operator lists, so types with the same column behave the same in list queries.
export const TEXT_OPERATORS: readonly FilterOperator[] = ['eq', 'ne', 'in', 'nin', 'contains', 'startsWith', 'isNull'];
export const ORDERED_OPERATORS: readonly FilterOperator[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'between', 'isNull'];
export const EQUALITY_OPERATORS: readonly FilterOperator[] = ['eq', 'ne', 'in', 'nin', 'isNull'];
export const BOOLEAN_OPERATORS: readonly FilterOperator[] = ['eq', 'ne', 'isNull'];
/** Long text is searched, not compared. */
export const SEARCH_OPERATORS: readonly FilterOperator[] = ['contains', 'isNull'];
export const ARRAY_OPERATORS: readonly FilterOperator[] = ['containsAll', 'containsAny', 'isNull'];
