import type { TablePaginationConfig } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, type Query } from '../api/client';
import type { Page } from '../api/types';
import { useApiError } from './useApiError';

/** One server-paged list: `?page&pageSize` plus filters in, `{items,total}` out, wired to an antd Table. */
export function usePagedList<T, F extends Query = Query>(path: string, initialFilters: F) {
  const report = useApiError();
  const [filters, setFiltersState] = useState<F>(initialFilters);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [data, setData] = useState<Page<T>>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    api
      .get<Page<T>>(path, { ...filters, page, pageSize })
      .then((r) => current && setData(r))
      .catch((e: unknown) => current && report(e))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [path, filters, page, pageSize, version, report]);

  const setFilters = useCallback((next: F) => {
    setFiltersState(next);
    setPage(1);
  }, []);

  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total: data.total,
    showSizeChanger: true,
    showTotal: (total) => `共 ${total} 条`,
    onChange: (p, s) => {
      setPage(s === pageSize ? p : 1);
      setPageSize(s);
    },
  };

  return {
    items: data.items,
    loading,
    filters,
    setFilters,
    reload: useCallback(() => setVersion((v) => v + 1), []),
    pagination,
  };
}
