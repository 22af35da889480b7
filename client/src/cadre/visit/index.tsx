import '../../../../shared/api/zod-locale';
import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { contracts } from '../../../../shared/api/contracts';
import { LIMITS } from '../../../../shared/config/defaults';
import type { EnterpriseItem } from '../../../../shared/api/model';
import { call } from '../../api/call';
import { PhotoPicker, usePhotos } from '../../lib/use-photos';
import { parkToday } from '../../lib/today';

type Field = 'enterpriseId' | 'date' | 'note' | 'photoFileIds';
type FieldErrors = Partial<Record<Field | 'form', string>>;


const FIELDS: Field[] = ['enterpriseId', 'date', 'note', 'photoFileIds'];

function fieldOf(path: string): Field | 'form' {
  const head = path.split('.')[0] ?? '';
  return (FIELDS as string[]).includes(head) ? (head as Field) : 'form';
}

/** Record an enterprise visit (入企走访): enterprise, date, note, up to 3 photos. */
export default function Visit() {
  const { params } = useRouter();
  const today = parkToday();
  const [memberId, setMemberId] = useState(params.memberId ?? '');
  const [firstDay, setFirstDay] = useState(params.firstDay ?? `${today.slice(0, 4)}-01-01`);
  const [lastDay, setLastDay] = useState(params.lastDay ?? today);

  const [q, setQ] = useState('');
  const [results, setResults] = useState<EnterpriseItem[]>([]);
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<EnterpriseItem | null>(null);
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const { photos, choose: choosePhotos, remove: removePhoto, uploadAll } = usePhotos(() => setErrors((e) => ({ ...e, photoFileIds: undefined })));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const busy = useRef(false);
  const searchSeq = useRef(0);

  // opened without the dossier's query (e.g. a deep link): ask for the quarter and who I am
  useEffect(() => {
    if (params.memberId && params.firstDay) return;
    void call('dossier', 'mine', {}).then((r) => {
      if (r.code !== 0) return;
      setMemberId(r.data.memberId);
      setFirstDay(r.data.firstDay);
      setLastDay(r.data.lastDay);
    });
  }, [params.memberId, params.firstDay]);

  const search = async (text: string) => {
    const seq = ++searchSeq.current;
    setSearching(true);
    const r = await call('park', 'searchEnterprises', { q: text });
    if (seq !== searchSeq.current) return;
    setSearching(false);
    if (r.code === 0) {
      setResults(r.data.items);
      setSearchError(null);
    } else setSearchError(r.code === 'INVALID_INPUT' && r.details?.[0] ? r.details[0].message : r.message);
  };

  useEffect(() => {
    const t = setTimeout(() => void search(q), q ? 300 : 0);
    return () => clearTimeout(t);
  }, [q]);

  const endDay = lastDay < today ? lastDay : today;

  const submit = async () => {
    if (busy.current) return;
    const input = { enterpriseId: chosen?.id ?? '', date, note, photoFileIds: [] as string[] };
    // the same schema the server parses with, before any upload or call
    const parsed = contracts.dossier.recordVisit.input.safeParse(input);
    const found: FieldErrors = {};
    if (!chosen) found.enterpriseId = '请选择走访的企业';
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const f = fieldOf(issue.path.map(String).join('.'));
        found[f] ??= issue.message;
      }
    }
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    busy.current = true;
    setSubmitting(true);
    setErrors({});
    try {
      const uploaded = await uploadAll(memberId, date);
      if (uploaded.code !== 0) {
        setErrors({ photoFileIds: uploaded.message });
        return;
      }
      const ids = uploaded.data;
      const r = await call('dossier', 'recordVisit', { ...input, photoFileIds: ids });
      if (r.code === 0) {
        void Taro.showToast({ title: '已记录', icon: 'success' });
        setTimeout(() => void Taro.navigateBack(), 800);
        return;
      }
      if (r.code === 'INVALID_INPUT' && r.details && r.details.length > 0) {
        const server: FieldErrors = {};
        for (const d of r.details) server[fieldOf(d.path)] ??= d.message;
        setErrors(server);
      } else setErrors({ form: r.message });
    } finally {
      busy.current = false;
      setSubmitting(false);
    }
  };

  const err = (f: Field | 'form') =>
    errors[f] ? (
      <View className='field-error' id={`visit-error-${f === 'enterpriseId' ? 'enterprise' : f === 'photoFileIds' ? 'photos' : f}`}>
        {errors[f]}
      </View>
    ) : null;

  return (
    <View className='page' id='visit-page'>
      <View className='cells-title'>走访企业</View>
      <View className='cells'>
        {chosen && (
          <View className='cell' id='visit-enterprise-chosen'>
            <View className='cell-bd'>
              <View className='cell-title'>{chosen.name}</View>
              <View className='cell-sub'>
                {chosen.industry}
                {chosen.aboveScale ? ' · 规上企业' : ''}
              </View>
            </View>
            <View className='cell-ft' id='visit-enterprise-change' style={{ color: '#576b95' }} onClick={() => setChosen(null)}>
              更换
            </View>
          </View>
        )}
        {/* kept mounted while an enterprise is chosen (hidden): unmounting the h5 input mid-update upsets Taro's h5 components */}
        <View style={{ display: chosen ? 'none' : 'block' }}>
          <View className='cell'>
            <Input
              id='visit-search'
              className='input'
              value={q}
              placeholder='搜索企业名称'
              confirmType='search'
              onInput={(e) => setQ(e.detail.value)}
            />
          </View>
          {searchError && <View className='field-error'>{searchError}</View>}
          <View id='visit-enterprise-list'>
            {results.map((e) => (
              <View
                key={e.id}
                className='cell'
                hoverClass='cell-hover'
                id={`enterprise-${e.id}`}
                onClick={() => {
                  setChosen(e);
                  setErrors((x) => ({ ...x, enterpriseId: undefined }));
                }}
              >
                <View className='cell-bd'>
                  <View className='cell-title'>{e.name}</View>
                  <View className='cell-sub'>{e.industry}</View>
                </View>
              </View>
            ))}
            {!searching && results.length === 0 && !searchError && <View className='empty'>没有找到相关企业</View>}
          </View>
        </View>
      </View>
      {err('enterpriseId')}

      <View className='cells-title'>走访日期</View>
      <View className='cells'>
        <Picker mode='date' value={date} start={firstDay} end={endDay} onChange={(e) => {
            setDate(String(e.detail.value));
            setErrors((x) => ({ ...x, date: undefined }));
          }}>
          <View className='cell cell-access' id='visit-date'>
            <View className='cell-bd'>日期</View>
            <View className='cell-ft' id='visit-date-value'>
              {date}
            </View>
          </View>
        </Picker>
      </View>
      {err('date')}

      <View className='cells-title'>走访情况</View>
      <View className='cells'>
        <View className='cell' style={{ display: 'block' }}>
          <Textarea
            id='visit-note'
            className='textarea'
            value={note}
            maxlength={LIMITS.reportNoteMax}
            placeholder='走访了解的情况、企业诉求、后续安排'
            onInput={(e) => {
              setNote(e.detail.value);
              if (errors.note) setErrors((x) => ({ ...x, note: undefined }));
            }}
          />
          <View className='counter' id='visit-note-counter'>
            {note.length}/{LIMITS.reportNoteMax}
          </View>
        </View>
      </View>
      {err('note')}

      <PhotoPicker idPrefix='visit' photos={photos} onAdd={() => void choosePhotos()} onRemove={removePhoto} />
      {err('photoFileIds')}
      {err('form')}

      <View className='btn-area'>
        <Button
          id='visit-submit'
          className={`btn btn-primary${submitting ? ' btn-disabled' : ''}`}
          disabled={submitting}
          onClick={() => void submit()}
        >
          {submitting ? '正在提交…' : '提交'}
        </Button>
      </View>
      <View className='tips'>
        <Text>只能记录本季度（{firstDay} 起）且不晚于今天的走访。同一企业多次走访只计一家。</Text>
      </View>
    </View>
  );
}
