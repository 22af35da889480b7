import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { parseFingerprint } from '../../../../shared/audit/chain';
import type { AuditEntryView, ChainCheckView } from '../../../../shared/audit/contract';
import { parkTimeText } from '../../../../shared/common/time';
import { call } from '../../common/call';
import { FieldError } from '../../common/form';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';

/**
 * The admin's audit trail (审计记录): every grade change, formula version and step of the year, who made it, when
 * and why, newest first; and the check of the whole chain, against a fingerprint noted down at an earlier check.
 */
export default function AuditLog() {
  const [entries, setEntries] = useState<AuditEntryView[]>([]);
  const [more, setMore] = useState(false);
  const page = usePageData(
    'audit',
    'log',
    {},
    {
      pullDown: true,
      onData: (d) => {
        setEntries(d.entries);
        setMore(d.more);
      },
    },
  );
  const [check, setCheck] = useState<ChainCheckView | null>(null);
  const [noted, setNoted] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    if (busy) return;
    const anchor = noted.trim() ? parseFingerprint(noted) : null;
    if (noted.trim() && !anchor) return setError('指纹格式应为“#序号·16位字符”，如 #12·3f9a0c1d2e4b5a69');
    setError('');
    setBusy(true);
    const r = await call('audit', 'verify', { anchors: anchor ? [anchor] : [] });
    setBusy(false);
    if (r.code === 0) setCheck(r.data);
    else setError(r.message);
  };
  const loadMore = async () => {
    const last = entries[entries.length - 1];
    if (!last || busy) return;
    setBusy(true);
    const r = await call('audit', 'log', { before: last.seq });
    setBusy(false);
    if (r.code === 0) {
      setEntries([...entries, ...r.data.entries]);
      setMore(r.data.more);
    } else setError(r.message);
  };

  return (
    <View className='page' id='audit-page'>
      <View className='cells-title'>校验记录链</View>
      <View className='cells'>
        <View className='cell'>
          <View className='cell-label'>已记指纹</View>
          <View className='cell-bd'>
            <Input
              id='audit-anchor'
              className='input'
              value={noted}
              placeholder='可选，如 #12·3f9a0c1d2e4b5a69'
              onInput={(e) => setNoted(e.detail.value)}
            />
          </View>
        </View>
      </View>
      <FieldError id='audit-error' text={error} />
      <View className='btn-area'>
        <Button className='btn btn-primary' id='audit-verify' disabled={busy} onClick={() => void verify()}>
          校验
        </Button>
      </View>
      {check && <CheckResult c={check} />}

      <View className='cells-title'>记录（最新在前）</View>
      <LoadStatus page={page} />
      {page.data && entries.length === 0 && <View className='empty'>尚无记录</View>}
      <View className='cells' id='audit-entries'>
        {entries.map((e) => (
          <View className='cell' key={e.seq} id={`audit-entry-${e.seq}`} style={{ display: 'block' }}>
            <View className='row-between'>
              <Text className='cell-title'>{e.kindLabel}</Text>
              <Text className='small'>#{e.seq}</Text>
            </View>
            <View>{e.summary}</View>
            {e.reason && <View className='cell-sub'>理由：{e.reason}</View>}
            <View className='cell-sub'>
              {e.actorName} · {parkTimeText(e.at)}
            </View>
          </View>
        ))}
      </View>
      {more && (
        <View className='btn-area'>
          <Button className='btn btn-default' id='audit-more' disabled={busy} onClick={() => void loadMore()}>
            更早的记录
          </Button>
        </View>
      )}
    </View>
  );
}

function CheckResult({ c }: { c: ChainCheckView }) {
  return (
    <View className='cells' id='audit-check'>
      <View className='cell' style={{ display: 'block' }}>
        <View className={c.ok ? 'text-green' : 'text-red'} id='audit-check-result'>
          {c.ok ? `记录链完整：共${c.count}条，${c.recordsChecked}项记录与之相符` : `发现问题：${c.problem ?? ''}`}
        </View>
        {c.recordsMismatched.length > 0 && <View className='cell-sub'>不符的记录：{c.recordsMismatched.join('、')}</View>}
        {c.fingerprint && (
          <View className='cell-sub' id='audit-fingerprint'>
            当前指纹 {c.fingerprint}（请记下，下次校验时填入，可发现记录链被整体重写）
          </View>
        )}
        <View className='cell-sub'>校验时间 {parkTimeText(c.checkedAt)}</View>
      </View>
    </View>
  );
}
