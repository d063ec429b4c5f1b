import { Tooltip, Typography } from 'antd';

const mono = { fontFamily: 'monospace' };

/**
 * A hex hash shortened to its ends (4ad5ab86…2de45f84) with the whole of it on hover and a copy
 * button that copies all of it. `full` shows it whole, wrapped, for a drawer or a detail row.
 * Clicks on it stay here, so copying inside a clickable table row does not open the row.
 */
export function HashText({ hash, full = false }: { hash: string; full?: boolean }) {
  const short = hash.length > 20 ? `${hash.slice(0, 8)}…${hash.slice(-8)}` : hash;
  return (
    <span onClick={(e) => e.stopPropagation()}>
      <Typography.Text copyable={{ text: hash }} style={{ ...mono, wordBreak: 'break-all' }}>
        {full ? (
          hash
        ) : (
          <Tooltip title={<span style={{ ...mono, wordBreak: 'break-all' }}>{hash}</span>}>
            <span>{short}</span>
          </Tooltip>
        )}
      </Typography.Text>
    </span>
  );
}
