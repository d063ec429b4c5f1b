import { Input } from 'antd';
import { useState } from 'react';

/**
 * The text filter of a list: the query applies on Enter or the search button, and is dropped as
 * soon as the box is emptied (clearing it should show everything again without another click).
 */
export function QueryInput({ id, query, onQuery, placeholder, width }: { id: string; query: string | undefined; onQuery: (q: string | undefined) => void; placeholder: string; width: number }) {
  const [text, setText] = useState(query ?? '');
  return (
    <Input.Search
      id={id}
      allowClear
      value={text}
      placeholder={placeholder}
      style={{ width }}
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value === '' && query) onQuery(undefined);
      }}
      onSearch={(v) => onQuery(v.trim() || undefined)}
    />
  );
}
