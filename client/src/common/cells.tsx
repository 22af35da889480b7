/**
 * WeUI form cells the pages share: a block of text to write, a plain input, a segmented choice, a wheel to pick
 * from, a setting that is on or off, a form's numbers, a form's buttons, and the labelled rows of the directory's
 * forms (text, choice, day, tick), entries, a segmented switch, a reason to give.
 */
import { Button, Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components';
import { useState, type CSSProperties, type ReactNode } from 'react';
import { FieldError } from './form';

/** Taro's own maxlength of an input when none is given. */
const TARO_MAXLENGTH = 140;

/**
 * A cell holding a text area (`small`: a few lines) whose id the page's tests and error messages use; `counter`:
 * how much is written of how much may be (`<id>-counter`).
 */
export function TextareaCell(p: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  placeholder?: string;
  maxlength?: number;
  small?: boolean;
  counter?: boolean;
}) {
  const max = p.maxlength ?? 300;
  return (
    <View className='cell' style={{ display: 'block' }}>
      <Textarea
        id={p.id}
        className={p.small === false ? 'textarea' : 'textarea textarea-small'}
        value={p.value}
        maxlength={max}
        placeholder={p.placeholder}
        onInput={(e) => p.onChange(e.detail.value)}
      />
      {p.counter && (
        <View className='counter' id={`${p.id}-counter`}>
          {p.value.length}/{max}
        </View>
      )}
    </View>
  );
}

/**
 * A cell's label: a short one in its fixed column (`cell-label`), or a long one taking the room the row leaves
 * (`wide`, `cell-bd`).
 */
function CellLabel({ text, wide }: { text?: string; wide?: boolean }) {
  if (text === undefined) return null;
  return <View className={wide ? 'cell-bd' : 'cell-label'}>{text}</View>;
}

/**
 * A plain cell with an input, after its label (see CellLabel) or none (the title above names it); `inputClass`:
 * the input's own look (`input-right` for a number at the row's end, `input-code`).
 */
export function TextCell(p: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  label?: string;
  wideLabel?: boolean;
  placeholder?: string;
  maxlength?: number;
  type?: 'text' | 'number' | 'digit';
  inputClass?: string;
}) {
  return (
    <View className='cell'>
      <CellLabel text={p.label} wide={p.wideLabel} />
      <Input
        id={p.id}
        className={p.inputClass ? `input ${p.inputClass}` : 'input'}
        type={p.type ?? 'text'}
        value={p.value}
        maxlength={p.maxlength ?? TARO_MAXLENGTH}
        placeholder={p.placeholder}
        onInput={(e) => p.onChange(e.detail.value)}
      />
    </View>
  );
}

/** The segments of a choice of one of `options`: ids `${idPrefix}-${key}`, the chosen one on. */
function SegItems<K extends string>(p: {
  idPrefix: string;
  options: readonly { key: K; label: string }[];
  value: K | null;
  onChange: (key: K) => void;
}) {
  return (
    <>
      {p.options.map((o) => (
        <View key={o.key} id={`${p.idPrefix}-${o.key}`} className={`seg-item${o.key === p.value ? ' seg-on' : ''}`} onClick={() => p.onChange(o.key)}>
          {o.label}
        </View>
      ))}
    </>
  );
}

/** A cell holding a segmented choice of one of `options` (ids `${idPrefix}-${key}`; `id` on the segments), after its label or none. */
export function SegCell<K extends string>(p: {
  idPrefix: string;
  options: readonly { key: K; label: string }[];
  value: K | null;
  onChange: (key: K) => void;
  label?: string;
  wideLabel?: boolean;
  id?: string;
}) {
  return (
    <View className='cell'>
      <CellLabel text={p.label} wide={p.wideLabel} />
      <View className='seg' id={p.id}>
        <SegItems {...p} />
      </View>
    </View>
  );
}

/** A row that opens a wheel of `options` (an arrow on the right): its label, then what is chosen (`shown`, id `valueId`). */
export function SelectRow(p: {
  id: string;
  label: string;
  options: string[];
  index: number;
  onChange: (index: number) => void;
  shown?: string;
  valueId?: string;
}) {
  return (
    <Picker mode='selector' range={p.options} value={Math.max(0, p.index)} onChange={(e) => p.onChange(Number(e.detail.value))}>
      <View className='cell cell-access' id={p.id}>
        <View className='cell-bd'>{p.label}</View>
        {p.shown !== undefined && (
          <View className='cell-ft' id={p.valueId}>
            {p.shown}
          </View>
        )}
      </View>
    </Picker>
  );
}

/**
 * A form's button in its area (`tight`: less room above, for a form among others on the page): disabled and greyed
 * while `busy` (saying `busyText` then) or `disabled`; `look`: `default` for a secondary action, `warn` for one that
 * takes something away. `back`: a second button under it (取消, 返回…); `children` come after the buttons; `style`:
 * the area's own spacing, where a page sets it.
 */
export function FormButtons(p: {
  id: string;
  text: string;
  onClick: () => unknown;
  busy?: boolean;
  busyText?: string;
  disabled?: boolean;
  look?: 'primary' | 'default' | 'warn';
  tight?: boolean;
  back?: { id: string; text: string; onClick: () => void };
  children?: ReactNode;
  style?: CSSProperties;
}) {
  const off = !!p.busy || !!p.disabled;
  return (
    <View className={p.tight ? 'btn-area btn-area-tight' : 'btn-area'} style={p.style}>
      <Button id={p.id} className={`btn btn-${p.look ?? 'primary'}${off ? ' btn-disabled' : ''}`} disabled={off} onClick={() => void p.onClick()}>
        {p.busy && p.busyText ? p.busyText : p.text}
      </Button>
      {p.back && (
        <>
          <View style={{ height: '12px' }} />
          <Button id={p.back.id} className='btn btn-default' onClick={p.back.onClick}>
            {p.back.text}
          </Button>
        </>
      )}
      {p.children}
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

/*
 * The directory's form rows (园区名录: sections, people, enterprises, settings, first set-up). Each row is at least
 * 44 px tall on a 360 px phone (`form-cell`), its label never wraps (`form-label`), and its message shows under it
 * with the id `<id>-error`.
 */

/** A labelled text input: label on the left, the input filling the rest of the row. */
export function InputCell(p: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  placeholder?: string;
  maxlength?: number;
  type?: 'text' | 'number' | 'idcard' | 'digit';
  disabled?: boolean;
  error?: string;
}) {
  return (
    <>
      <View className='cell form-cell'>
        <View className='form-label'>{p.label}</View>
        <Input
          id={p.id}
          className='input form-input'
          type={p.type ?? 'text'}
          value={p.value}
          maxlength={p.maxlength ?? 40}
          placeholder={p.placeholder}
          disabled={p.disabled}
          confirmType='done'
          onInput={(e) => p.onChange(e.detail.value)}
        />
      </View>
      <FieldError id={`${p.id}-error`} text={p.error} />
    </>
  );
}

/** A search box filling its row (no label: the placeholder says what it searches). */
export function SearchCell(p: { id: string; value: string; onChange: (v: string) => void; placeholder: string; maxlength?: number }) {
  return (
    <View className='cells'>
      <View className='cell form-cell'>
        <Input
          id={p.id}
          className='input form-input'
          value={p.value}
          maxlength={p.maxlength ?? 20}
          placeholder={p.placeholder}
          confirmType='search'
          onInput={(e) => p.onChange(e.detail.value)}
        />
        {p.value !== '' && (
          <Text className='form-clear' id={`${p.id}-clear`} onClick={() => p.onChange('')}>
            清除
          </Text>
        )}
      </View>
    </View>
  );
}

/** A labelled choice of one of `options` (a wheel picker); `index` -1: none chosen yet, `placeholder` shows. */
export function PickerCell(p: {
  id: string;
  label: string;
  options: string[];
  index: number;
  onChange: (index: number) => void;
  placeholder?: string;
  disabled?: boolean;
  error?: string;
}) {
  const chosen = p.index >= 0 ? p.options[p.index] : undefined;
  return (
    <>
      <Picker
        mode='selector'
        className='picker-row'
        range={p.options}
        value={Math.max(0, p.index)}
        disabled={p.disabled}
        onChange={(e) => p.onChange(Number(e.detail.value))}
      >
        <View className={`cell form-cell${p.disabled ? '' : ' cell-access'}`} id={p.id}>
          <View className='form-label'>{p.label}</View>
          <View className={`form-value${chosen === undefined ? ' form-placeholder' : ''}`} id={`${p.id}-value`}>
            {chosen ?? p.placeholder ?? '请选择'}
          </View>
        </View>
      </Picker>
      <FieldError id={`${p.id}-error`} text={p.error} />
    </>
  );
}

/** A labelled day (`YYYY-MM-DD`) picked on a calendar wheel; `onClear`: the day may be left empty (清除). */
export function DateCell(p: {
  id: string;
  label: string;
  value: string | null;
  onChange: (day: string) => void;
  onClear?: () => void;
  start?: string;
  end?: string;
  placeholder?: string;
  error?: string;
}) {
  return (
    <>
      <View className='cell form-cell'>
        <View className='form-label'>{p.label}</View>
        <Picker
          mode='date'
          className='form-grow'
          value={p.value ?? p.end ?? ''}
          start={p.start}
          end={p.end}
          onChange={(e) => p.onChange(String(e.detail.value))}
        >
          <View className={`form-value${p.value ? '' : ' form-placeholder'}`} id={p.id}>
            {p.value ?? p.placeholder ?? '请选择日期'}
          </View>
        </Picker>
        {p.onClear && p.value && (
          <Text className='form-clear' id={`${p.id}-clear`} onClick={p.onClear}>
            清除
          </Text>
        )}
      </View>
      <FieldError id={`${p.id}-error`} text={p.error} />
    </>
  );
}

/** A row to tick (`round`: one of several, as a radio button); the whole row is the target. */
export function CheckCell(p: { id: string; label: string; sub?: string; checked: boolean; onChange: (on: boolean) => void; round?: boolean }) {
  return (
    <View className='cell form-cell' hoverClass='cell-hover' id={p.id} onClick={() => p.onChange(!p.checked)}>
      <View className={`checkbox${p.round ? ' checkbox-round' : ''}${p.checked ? ' checkbox-on' : ''}`} id={`${p.id}-box`}>
        {p.checked ? '✓' : ''}
      </View>
      <View className='cell-bd'>
        <View>{p.label}</View>
        {p.sub && <View className='cell-sub'>{p.sub}</View>}
      </View>
    </View>
  );
}

/** A row that opens another page or view (an arrow on the right). */
export function EntryCell(p: { id: string; title: string; sub?: string; onClick: () => void }) {
  return (
    <View className='cell cell-access' hoverClass='cell-hover' id={p.id} onClick={p.onClick}>
      <View className='cell-bd'>
        <View className='cell-title'>{p.title}</View>
        {p.sub && <View className='cell-sub'>{p.sub}</View>}
      </View>
    </View>
  );
}

/** Two or three ways to look at a list (在册 / 已离开), side by side; ids `${idPrefix}-${key}`. */
export function Segmented<K extends string>(p: { idPrefix: string; options: { key: K; label: string }[]; value: K; onChange: (k: K) => void }) {
  return (
    <View className='seg-row'>
      <View className='seg seg-lg'>
        <SegItems {...p} />
      </View>
    </View>
  );
}

/**
 * A decision that needs a reason (撤销, 停用, 解除绑定), with its button: `<id>-reason`, `<id>-submit`,
 * `<id>-error`. `warn`: the button is red (it takes something away).
 */
export function ReasonForm(p: {
  id: string;
  title: string;
  placeholder: string;
  button: string;
  busy: boolean;
  error?: string;
  warn?: boolean;
  note?: string;
  onSubmit: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  // said on the device: a reason of at least two characters (the server's Reason)
  const [own, setOwn] = useState<string | undefined>();
  const submit = () => {
    if (reason.trim().length < 2) {
      setOwn('请填写原因（至少2个字）');
      return;
    }
    setOwn(undefined);
    p.onSubmit(reason);
  };
  return (
    <View id={p.id}>
      <View className='cells-title'>{p.title}</View>
      <View className='cells'>
        <TextareaCell
          id={`${p.id}-reason`}
          value={reason}
          onChange={(v) => {
            setReason(v);
            setOwn(undefined);
          }}
          placeholder={p.placeholder}
          maxlength={300}
        />
      </View>
      <FieldError id={`${p.id}-error`} text={own ?? p.error} />
      {p.note && <View className='tips'>{p.note}</View>}
      <FormButtons id={`${p.id}-submit`} text={p.button} look={p.warn ? 'warn' : 'default'} busy={p.busy} tight onClick={submit} />
    </View>
  );
}
