import { Button, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { CardView, ProposalView } from '../../../../shared/cards/contract';
import { parkTimeText } from '../../../../shared/common/time';
import { call } from '../../common/call';
import { FieldError, detailsOrForm } from '../../common/form';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { CardCell } from '../lib';

/**
 * The leadership's red and yellow cards: what the rules propose (红牌 first), each issued or withheld with a reason;
 * the cards in force, each lifted with a reason once what lifts it has happened.
 */
export default function ManageCards() {
  const page = usePageData('cards', 'proposals', {}, { pullDown: true });
  const [tab, setTab] = useState<'pending' | 'inForce'>('pending');
  const [open, setOpen] = useState<string | null>(null);
  const d = page.data;
  return (
    <View className='page' id='cards-manage-page'>
      <View className='tabs'>
        <View className={`tab${tab === 'pending' ? ' tab-on' : ''}`} id='cards-tab-pending' onClick={() => setTab('pending')}>
          待决定{d ? `（${d.pending.length}）` : ''}
        </View>
        <View className={`tab${tab === 'inForce' ? ' tab-on' : ''}`} id='cards-tab-in-force' onClick={() => setTab('inForce')}>
          执行中{d ? `（${d.inForce.length}）` : ''}
        </View>
      </View>
      <LoadStatus page={page} />
      {d && tab === 'pending' && d.pending.length === 0 && <View className='empty'>没有待决定的红黄牌建议</View>}
      {d && tab === 'inForce' && d.inForce.length === 0 && <View className='empty'>没有执行中的红黄牌</View>}
      <View className='cells' id='cards-list'>
        {d &&
          tab === 'pending' &&
          d.pending.map((p) => (
            <Pending
              key={p.key}
              p={p}
              open={open === p.key}
              onOpen={() => setOpen(open === p.key ? null : p.key)}
              onDone={() => void page.reload()}
            />
          ))}
        {d && tab === 'inForce' && d.inForce.map((c) => <InForce key={c.key} c={c} onDone={() => void page.reload()} />)}
      </View>
    </View>
  );
}

/** The reason and the buttons: one form for issue / withhold / lift. */
function useDecision(key: string, onDone: () => void) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const run = async (action: 'issue' | 'withhold' | 'lift', done: string) => {
    if (busy) return;
    setBusy(true);
    const r = await call('cards', action, { key, reason });
    setBusy(false);
    if (r.code === 0) {
      void Taro.showToast({ title: done, icon: 'success' });
      onDone();
    } else setErrors(detailsOrForm(r));
  };
  const field = (id: string, placeholder: string) => (
    <>
      <Textarea
        id={`${id}-reason`}
        className='textarea textarea-small'
        value={reason}
        maxlength={300}
        placeholder={placeholder}
        onInput={(e) => setReason(e.detail.value)}
      />
      <FieldError id={`${id}-error`} text={errors.reason ?? errors.form} />
    </>
  );
  return { run, busy, field };
}

function Pending({ p, open, onOpen, onDone }: { p: ProposalView; open: boolean; onOpen: () => void; onDone: () => void }) {
  const id = `cards-p-${p.key}`;
  const d = useDecision(p.key, onDone);
  return (
    <CardCell id={id} color={p.color} title={`${p.memberName}${p.sectionName ? ` · ${p.sectionName}` : ''}`} rule={p.ruleLabel} why={p.why}>
      {!open && (
        <View className='cell-sub cell-link' id={`${id}-decide`} onClick={onOpen}>
          决定 ›
        </View>
      )}
      {open && (
        <View>
          <View className='cell-sub'>解除条件：{p.liftWhen}</View>
          {d.field(id, '理由（发放或不发放都须说明）')}
          <View className='row-between'>
            <Button className='btn btn-primary btn-mini' id={`${id}-issue`} disabled={d.busy} onClick={() => void d.run('issue', '已发放')}>
              发放
            </Button>
            <Button
              className='btn btn-default btn-mini'
              id={`${id}-withhold`}
              disabled={d.busy}
              onClick={() => void d.run('withhold', '已决定不发放')}
            >
              不发放
            </Button>
          </View>
        </View>
      )}
    </CardCell>
  );
}

function InForce({ c, onDone }: { c: CardView; onDone: () => void }) {
  const id = `cards-f-${c.key}`;
  const d = useDecision(c.key, onDone);
  return (
    <CardCell
      id={id}
      color={c.color}
      title={`${c.memberName}${c.sectionName ? ` · ${c.sectionName}` : ''}`}
      rule={`${c.ruleLabel} · ${parkTimeText(c.issuedAt)} ${c.issuedByName}发放`}
      why={c.why}
    >
      <View className='cell-sub'>发放理由：{c.reason}</View>
      <View className='cell-sub'>解除条件：{c.liftWhen}</View>
      {c.liftable ? (
        <View>
          {d.field(id, '解除理由')}
          <Button className='btn btn-default btn-mini' id={`${id}-lift`} disabled={d.busy} onClick={() => void d.run('lift', '已解除')}>
            解除
          </Button>
        </View>
      ) : (
        <View className='cell-sub' id={`${id}-not-yet`}>
          尚未满足解除条件
        </View>
      )}
    </CardCell>
  );
}
