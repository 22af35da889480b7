import { useEffect, useState } from 'react';
import type { Reply } from '../../../../shared/common/errors';
import type { PersonView } from '../../../../shared/members/contract';
import { call } from '../../common/call';

/** Pages of the roster read at most (LIMITS.pageSize each): far more than a park's staff. */
const MAX_PAGES = 50;

/**
 * The park's leaders (班子成员), for the 分管领导 picker: members.people has no filter by role, so the roster is
 * read page after page and filtered here (a park has a few hundred people at most).
 */
export async function loadLeaders(): Promise<Reply<PersonView[]>> {
  const out: PersonView[] = [];
  let cursor: number | undefined;
  for (let i = 0; i < MAX_PAGES; i += 1) {
    const r = await call('members', 'people', { q: '', cursor });
    if (r.code !== 0) return r;
    out.push(...r.data.items.filter((p) => p.roles.includes('leader')));
    if (r.data.nextCursor === null) break;
    cursor = r.data.nextCursor;
  }
  return { code: 0, data: out };
}

/** The leaders, loaded once `wanted` (the form is open); `error` when the roster could not be read. */
export function useLeaders(wanted: boolean): { leaders: PersonView[] | null; error: string | null; retry: () => void } {
  const [state, setState] = useState<{ leaders: PersonView[] | null; error: string | null; tries: number }>({ leaders: null, error: null, tries: 0 });
  const loaded = state.leaders !== null;
  useEffect(() => {
    if (!wanted || loaded) return undefined;
    let live = true;
    void loadLeaders().then((r) => {
      if (!live) return;
      setState((s) => (r.code === 0 ? { ...s, leaders: r.data, error: null } : { ...s, error: r.message }));
    });
    return () => {
      live = false;
    };
  }, [wanted, loaded, state.tries]);
  return { leaders: state.leaders, error: state.error, retry: () => setState((s) => ({ ...s, error: null, tries: s.tries + 1 })) };
}
