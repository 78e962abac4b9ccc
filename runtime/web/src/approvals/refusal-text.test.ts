import type { EntityDefinition } from '@tessera/metadata';
import { ApiError } from '../api/api-error';
import { refusalText } from './refusal-text';

const request = {
  type: 'object', 'x-name': 'transfer_request', 'x-plural': 'transfer_requests', 'x-label': { en: 'Transfer request' },
  properties: { new_owner: { 'x-id': 'f1', 'x-type': 'user', 'x-label': { en: 'New owner', zh: '新负责人' } } },
} as unknown as EntityDefinition;
const inactive = new ApiError(422, 'validation_failed', 'new_owner: must be an active user', [
  { field: 'new_owner', rule: 'invalid-value', message: 'must be an active user', messages: { en: 'must be an active user', zh: '必须是有效（未停用）的用户' } },
]);

describe('refusalText', () => {
  it('names the field by its label, in the approver\'s language', () => {
    expect(refusalText(inactive, request, 'en')).toBe('New owner: must be an active user');
    expect(refusalText(inactive, request, 'zh')).toBe('新负责人：必须是有效（未停用）的用户');
  });

  it('keeps the English message where the server has no other, and a field it does not know by name', () => {
    const err = new ApiError(422, 'validation_failed', 'x', [{ field: 'reason', rule: 'required', message: 'is required' }, { field: 'new_owner', rule: 'x', message: 'is odd' }]);
    expect(refusalText(err, request, 'zh')).toBe('reason：is required；新负责人：is odd');
  });

  it('is the server\'s message when it names no field', () => {
    expect(refusalText(new ApiError(409, 'approval_closed', 'This approval is already decided'), request, 'en')).toBe('This approval is already decided');
    expect(refusalText(new Error('Failed to fetch'), request, 'en')).toBe('Failed to fetch');
  });
});
