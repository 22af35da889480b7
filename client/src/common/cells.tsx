/** WeUI form cells the pages share: a block of text to write, a setting that is on or off, a form's numbers. */
import { Input, Switch, Text, Textarea, View } from '@tarojs/components';

/** A cell holding a text area (`small`: a few lines) whose id the page's tests and error messages use. */
export function TextareaCell(p: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  placeholder?: string;
  maxlength?: number;
  small?: boolean;
}) {
  return (
    <View className='cell' style={{ display: 'block' }}>
      <Textarea
        id={p.id}
        className={p.small === false ? 'textarea' : 'textarea textarea-small'}
        value={p.value}
        maxlength={p.maxlength ?? 300}
        placeholder={p.placeholder}
        onInput={(e) => p.onChange(e.detail.value)}
      />
    </View>
  );
}

/** A cell with its label and a WeUI switch. */
export function SwitchCell(p: { id: string; label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <View className='cell'>
      <View className='cell-bd'>{p.label}</View>
      <Switch id={p.id} checked={p.checked} color='#07c160' onChange={(e) => p.onChange(e.detail.value)} />
    </View>
  );
}

/** One number of a settings form: how to read it from the fields and write it back; `percent`: typed as 0–100. */
export interface NumberField<T> {
  label: string;
  get: (f: T) => number;
  set: (f: T, v: number) => T;
  percent?: boolean;
}

/** What the admin is typing: the fields as parsed so far, and each cell's text as typed (so "1." stays "1."). */
export interface NumberDraft<T> {
  fields: T;
  typed: Record<number, string>;
}

const shown = (x: number, percent?: boolean) => String(percent ? Math.round(x * 10000) / 100 : x);

/** A settings form's numbers as input cells (`${idPrefix}-${i}`): a number typed moves the fields, anything else waits. */
export function NumberCells<T>(p: {
  idPrefix: string;
  items: NumberField<T>[];
  draft: NumberDraft<T>;
  disabled: boolean;
  onChange: (d: NumberDraft<T>) => void;
}) {
  const { draft } = p;
  return (
    <>
      {p.items.map((n, i) => (
        <View className='cell' key={n.label}>
          <View className='cell-bd'>{n.label}</View>
          <Input
            id={`${p.idPrefix}-${i}`}
            className='input input-small input-right'
            type='digit'
            disabled={p.disabled}
            value={draft.typed[i] ?? shown(n.get(draft.fields), n.percent)}
            onInput={(e) => {
              const raw = e.detail.value;
              const v = Number(raw);
              const fields = Number.isFinite(v) && raw !== '' ? n.set(draft.fields, n.percent ? v / 100 : v) : draft.fields;
              p.onChange({ fields, typed: { ...draft.typed, [i]: raw } });
            }}
          />
          <Text className='small'>{n.percent ? '%' : ''}</Text>
        </View>
      ))}
    </>
  );
}
