import { useMemo } from 'react';
import type { Page, ShareConsumer, ShareResource } from '../../api/types';
import { useSessionUser } from '../../app/auth';
import { useOrgTree } from '../identity/useOrgTree';
import { useGet } from '../../api/useGet';

/**
 * What the sharing pages look names up in: the catalog (a resource's fields with their 数据元
 * names), the consumers, and the org tree of the user's data scope (org names, and whether a
 * consumer or an owner is "ours" — in scope — which splits my requests from my approvals).
 */
export function useSharingRefs() {
  const user = useSessionUser();
  const resources = useGet<Page<ShareResource>>('/sharing/resources');
  const consumers = useGet<Page<ShareConsumer>>('/sharing/consumers');
  const { tree, index } = useOrgTree({ quiet: true });

  return useMemo(() => {
    const resourceByCode = new Map((resources.data?.items ?? []).map((r) => [r.code, r]));
    const consumerById = new Map((consumers.data?.items ?? []).map((c) => [c.id, c]));
    /** An org in the user's data scope; an installation-wide (null) org only for the 'all' scope. */
    const inScope = (orgId: number | null) => (orgId === null ? user.dataScope === 'all' : index.has(orgId));
    return {
      resources: resources.data?.items ?? [],
      consumers: consumers.data?.items ?? [],
      loaded: Boolean(resources.data && consumers.data),
      reloadResources: resources.reload,
      reloadConsumers: consumers.reload,
      tree,
      resourceByCode,
      consumerById,
      inScope,
      orgName: (orgId: number | null) => orgLabel(orgId, index.get(orgId ?? -1)?.node.name),
      /** The name of a field of a resource (执业证号 for licenceNo); the id when unknown. */
      fieldName: (code: string, field: string) => resourceByCode.get(code)?.fields.find((f) => f.id === field)?.name ?? field,
    };
  }, [resources.data, consumers.data, resources.reload, consumers.reload, tree, index, user.dataScope]);
}

export type SharingRefs = ReturnType<typeof useSharingRefs>;

/** An org as a sharing page names it; one outside the user's data scope has only its number. */
export function orgLabel(orgId: number | null, name: string | undefined): string {
  if (orgId === null) return '未指定';
  return name ?? `其他机构（编号 ${orgId}）`;
}
