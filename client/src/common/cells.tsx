/** WeUI form cells the pages share: a block of text to write, and a setting that is on or off. */
import { Switch, Textarea, View } from '@tarojs/components';

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
