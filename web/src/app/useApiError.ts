import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../api/client';

/** `body.roleCodes.0` → `roleCodes`: the form field a server detail is about. */
function fieldName(field: string): string {
  return field.split(/[./]/).find((part) => part !== '' && part !== 'body' && !/^\d+$/.test(part)) ?? field;
}

/**
 * Shows an API error the way a user can act on it: details naming a form field go under that field,
 * the message goes to a toast. 401s are handled by the auth context (back to the login page).
 */
export function useApiError() {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (!(error instanceof ApiError)) {
        console.error(error);
        void message.error('操作失败，请稍后再试');
        return;
      }
      if (error.status === 401) return;
      const known = new Set(form?.getFieldsError().map((f) => f.name.join('.')) ?? []);
      const byField = new Map<string, string[]>();
      const unmatched: string[] = [];
      for (const detail of error.details) {
        const name = detail.field === undefined ? undefined : fieldName(detail.field);
        if (name !== undefined && known.has(name)) byField.set(name, [...(byField.get(name) ?? []), detail.message]);
        else unmatched.push(detail.row === undefined ? detail.message : `第 ${detail.row} 行：${detail.message}`);
      }
      form?.setFields([...byField].map(([name, errors]) => ({ name, errors })));
      const reference = error.status >= 500 && error.requestId ? `（请求编号 ${error.requestId}）` : '';
      void message.error([error.message + reference, ...unmatched].join('；'));
    },
    [message],
  );
}
