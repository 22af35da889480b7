import type { EnterpriseItem } from '../../../shared/park/contract';
import { call } from '../common/call';
import type { SearchKind } from '../common/SearchPicker';

/**
 * An enterprise of the park's directory, for SearchPicker: by name (park.searchEnterprises), its first page before
 * anything is typed; each row its name and industry.
 */
export const ENTERPRISES: SearchKind<EnterpriseItem> = {
  search: (q) => call('park', 'searchEnterprises', { q }).then((r) => (r.code === 0 ? r.data.items : null)),
  row: (e) => ({ key: e.id, title: e.name, sub: e.industry }),
  placeholder: '搜索企业名称',
  empty: '没有找到相关企业',
  browse: true,
};
