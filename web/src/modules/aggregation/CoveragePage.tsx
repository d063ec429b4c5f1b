import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useSearchParams } from 'react-router';
import { useOrgTree } from '../identity/useOrgTree';
import { useLibraries } from '../standards/useLibraries';
import { CoverageOverview } from './CoverageOverview';
import { SourcesTab } from './SourcesTab';
import { useCoverage } from './useCoverage';
import { useSources } from './useSources';

/** 归集率: how much of what each source system owes has arrived, and the source systems themselves. */
export default function CoveragePage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'sources' ? 'sources' : 'coverage';
  const { coverage, loading, reload } = useCoverage();
  const sources = useSources();
  const libraries = useLibraries({ quiet: true });
  const { index } = useOrgTree({ quiet: true });
  const orgName = (id: number) => index.get(id)?.node.name;

  return (
    <Card
      title="归集率"
      activeTabKey={tab}
      onTabChange={(key) => setParams(key === 'sources' ? { tab: 'sources' } : {}, { replace: true })}
      tabList={[
        { key: 'coverage', label: '归集情况' },
        { key: 'sources', label: `来源系统（${sources.sources.length}）` },
      ]}
      extra={
        <Button
          icon={<ReloadOutlined />}
          onClick={() => {
            reload();
            sources.reload();
          }}
        >
          刷新
        </Button>
      }
    >
      {tab === 'coverage' ? (
        <CoverageOverview coverage={coverage} loading={loading} sourceCount={sources.sources.length} orgName={orgName} />
      ) : (
        <SourcesTab
          sources={sources.sources}
          loading={sources.loading}
          libraries={libraries.options}
          libraryName={libraries.nameOf}
          orgName={orgName}
          onSaved={() => {
            sources.reload();
            reload();
          }}
        />
      )}
    </Card>
  );
}
